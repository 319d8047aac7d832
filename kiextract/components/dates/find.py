"""`find_dates`: every calendar reference of a German text with its own patterns, in order;
earlier patterns win overlaps.

    >>> refs = find_dates("Die Staatssekretärin kam am Mittwoch, seit 2014 gibt es das KI.")
    >>> [(r.text, r.grain, r.modifier) for r in refs]
    [('am Mittwoch', 'day', None), ('seit 2014', 'year', 'since')]
"""
from __future__ import annotations

from dataclasses import replace
from functools import cache

import regex

from ...lexicon.calendar import dates_words
from ...textutil import Ranges, number_blockers
from ..numbers.parse import lexicon as number_lexicon
from .refs import YEAR, DateRef, ref_from

DIGIT_RE = regex.compile(r"\d")


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> list[tuple[str, regex.Pattern]]:
    lex = dates_words()
    months = _alt(lex["months"])
    mon = rf"(?P<mon>{months})(?:\.(?!\d)|(?![\p{{L}}]))"
    wd = rf"(?P<wd>(?i:{_alt(lex['weekdays'])}))(?P<part>{_alt(lex['day_parts'])})?"
    past, future, current = _alt(lex["past"]), _alt(lex["future"]), _alt(lex["current"])
    year_cues = _alt(lex["year_cues"])
    month_cues = _alt(lex["month_cues"])
    time = r"(?:,?\s*(?:um\s+)?(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?(?:\s*Uhr)?)?"
    B = r"(?<![\p{L}\p{N}.])"
    E = r"(?![\p{L}\p{N}])"
    num = r"(?P<n>\d{1,3}|\p{L}+)"
    holidays = _alt(k for k in lex["holidays"] if not k.startswith("_"))
    anchored = _alt(k for k in lex["anchored"] if not k.startswith("_"))
    relations = _alt(lex["anchored_relations"])
    seasons = "Frühjahr|Frühling|Sommer|Herbst|Winter"
    part_cue = r"im|in\s+den|in\s+der|seit\s+dem|seit\s+der|ab\s+dem|ab\s+der|bis\s+zum|bis\s+zur|bis\s+in\s+den|bis\s+ins|vom|zum|zur|fürs|für\s+das|für\s+die|ins"
    wd2 = wd.replace("(?P<wd>", "(?P<wdb>").replace("(?P<part>", "(?P<partb>")
    ps = [
        # "von Dienstag bis Donnerstag", "zwischen Montag und Mittwoch": the end is on or after the start
        ("weekday_range", rf"{B}(?P<cue>(?i:von|vom|zwischen))\s+{wd}\s+(?P<sep>(?i:bis(?:\s+zum)?|und))\s+{wd2}{E}"),
        # "Donnerstag nächster Woche", "am Montag der vergangenen Woche"
        ("weekday_week", rf"{B}(?:(?i:am)\s+)?{wd},?\s+(?:(?i:der)\s+)?(?P<cue>(?i:{past}|{future}|{current}))\s+Woche{E}"),
        ("holiday", rf"(?i){B}(?:(?P<cue>an|am|zu|zum|vor|nach|seit|bis|über|ab)\s+)?(?P<hol>{holidays}){E}(?:\s+(?P<y>1\d{{3}}|20\d\d){E})?"),
        ("quarter", rf"(?i){B}(?:(?P<cue>{part_cue})\s+)?(?:(?P<ord>ersten?|zweiten?|dritten?|vierten?|[1-4]\.)\s+(?P<noun>Quartal|Halbjahr|Jahreshälfte)(?:es|s)?|(?-i:(?P<qq>[QH][1-4])))(?:\s*/?\s*(?:des\s+Jahres\s+)?(?P<y>{YEAR})|\s+(?:des\s+)?(?P<dir>{past}|{future}|{current})\s+Jahres)?{E}(?![.,]\d)"),
        ("anchored", rf"(?i){B}(?P<anc>{anchored}){E}"),
        ("anchored_rel", rf"(?i){B}(?:(?P<unitw>am\s+Wochenende)|(?P<unitk>in\s+der\s+Woche|die\s+Woche))\s+(?P<rel>{relations}){E}"),
        ("range_days", rf"(?i){B}vom\s+(?P<d1>\d{{1,2}})\.\s*(?:(?P<m1>\d{{1,2}})\.\s*)?bis\s+(?:zum\s+)?(?P<d2>\d{{1,2}})\.\s*(?:(?P<m2>\d{{1,2}})\.\s*(?P<y2>\d{{4}})?|{mon}(?:\s+(?P<y>{YEAR}))?)"),
        ("numeric", rf"(?i){B}(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>\d{{4}}|\d{{2}})(?![\d.]\d){time}"),
        ("iso", rf"{B}(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?)?{E}"),
        ("iso_month", rf"{B}(?P<y>{YEAR})-(?P<m>[01]\d){E}(?!-)"),
        ("day_list", rf"(?i){B}(?P<d1>[0-3]?\d)\.\s*(?:und|/|,)\s*(?P<d2>[0-3]?\d)\.\s*{mon}(?:\s+(?P<y>{YEAR})(?!\d))?"),
        ("day_month", rf"(?i){B}(?P<d>[0-3]?\d)\.\s*{mon}(?:\s+(?P<y>{YEAR})(?!\d))?{time}"),
        # "21 Juni 2016": a day without its dot, only with month and year
        ("day_month_nodot", rf"(?i){B}(?P<d>[0-3]?\d)\s+{mon}\s+(?P<y>{YEAR})(?!\d){time}"),
        # "am zweiten Juni", "der dritte März 2019": the day as an ordinal word
        ("day_ordinal", rf"(?i){B}(?P<ow>{_alt(lex['day_ordinals'])})(?:n|r|s|m)?\s+{mon}(?:\s+(?P<y>{YEAR})(?!\d))?"),
        ("numeric_dm", rf"(?i){B}(?P<cue>am|vom|zum|bis\s+zum|ab\s+dem|seit\s+dem|für\s+den|den|ab|bis)\s+(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?![\d])"),
        ("month_year", rf"(?i){B}{mon}\s*(?P<y>{YEAR}){E}"),
        ("year_range", rf"(?i)(?:(?P<cue>von|zwischen|in\s+den\s+jahren)\s+)?{B}(?P<y>{YEAR})\s*(?:bis|und|–|-)\s*(?P<y2>{YEAR}){E}"),
        ("year_slash", rf"(?i)(?:(?P<cue>{year_cues})\s+)?{B}(?P<y>{YEAR})/(?P<y2>\d{{2}}|\d{{4}}){E}"),
        ("until_phrase", rf"(?i){B}(?P<cue>bis)\s+(?:zum|zur)\s+(?:(?:Ende|Anfang|Mitte|Beginn)\s+)?(?:des|der)\s+(?:\p{{Lu}}\p{{L}}+\s+){{1,2}}(?P<y>{YEAR}){E}(?![.,]\d)"),
        ("year", rf"(?i){B}(?P<cue>{year_cues})\s+(?:(?:des|der|dem|den)\s+)?(?:Jahres\s+|Jahre\s+)?(?P<y>{YEAR}){E}(?![.,]\d)"),
        ("season", rf"(?i){B}(?:(?P<cue>{part_cue})\s+)?(?:(?P<dir>{past}|{future}|{current})\s+)?(?P<season>{seasons})(?:\s+(?:des\s+)?(?P<dir2>{past}|{future}|{current})\s+Jahres)?{E}(?!\s*(?:19|20)\d\d)"),
        # "Ende des Jahres", "bis Anfang des Monats", "am Jahresende", "zum Monatsende"
        ("edge", rf"(?i){B}(?:(?P<cue>bis|seit|ab)\s+)?(?:(?:zum|zu)\s+)?(?:(?P<edge>Anfang|Ende|Mitte|Beginn)\s+des\s+(?P<unit>Jahres|Monats)|(?:(?:am|zum|vor|nach|gegen|zur)\s+)?(?P<comp>Jahres|Monats)(?P<cedge>ende|anfang|beginn|mitte)){E}(?!\s*(?:19|20)\d\d)"),
        ("weekend", rf"(?i){B}(?:(?P<cue>am|an\s+diesem|diesem|dieses|am\s+(?:{past}|{future})|(?:{past}|{future}))\s+)Wochenende{E}"),
        ("relweek", rf"(?i){B}(?:in\s+der\s+|in\s+)?(?P<cue>{past}|{future}|{current}|Anfang\s+der|Ende\s+der|Mitte\s+der)\s+Woche{E}"),
        ("relyear", rf"(?i){B}(?:(?P<cue>{past}|{future}|{current})\s+Jahr(?:es|e)?|(?P<vj>Vorjahr(?:es)?)){E}"),
        ("relmonth", rf"(?i){B}(?:(?:im|in|des)\s+)?(?P<cue>{past}|{future}|{current})\s+Monat(?:s)?{E}|(?:im|des)\s+(?P<vm>Vormonat(?:s)?){E}"),
        ("ago", rf"(?i){B}vor\s+(?:(?:gut|knapp|rund|etwa|über|fast)\s+)?{num}\s+(?P<unit>Jahren|Monaten|Wochen|Tagen){E}"),
        ("weekday", rf"{B}(?<![\p{{L}}-]){wd}{E}(?!s\b)"),
        ("month", rf"(?i){B}{mon}(?!\s*\d)"),
        ("relday", rf"{B}(?P<rel>(?i:vorgestern|gestern|übermorgen|heute)|morgen)(?P<part>(?:\s+(?i:früh|vormittag|nachmittag|abend|nacht|mittag)))?{E}"),
    ]
    # The optional words before a pattern's core ("am", "Donnerstag,", "Anfang"), matched backwards
    # from the core: patterns that begin with optional alternations are slow to scan for.
    prefixes = {
        "numeric": rf"(?i)(?:{wd},?\s+(?:(?:den|dem)\s+)?)?$",
        "day_month": rf"(?i)(?:{wd},?\s+)?(?:(?P<cue>am|vom|zum|bis\s+zum|bis|seit\s+dem|ab\s+dem|ab)\s+)?$",
        "day_month_nodot": rf"(?i)(?:{wd},?\s+)?(?:(?P<cue>am|vom|zum|bis\s+zum|bis|seit\s+dem|ab\s+dem|ab)\s+)?$",
        "day_ordinal": rf"(?i)(?:{wd},?\s+)?(?:(?P<cue>am|vom|zum|bis\s+zum|bis|seit\s+dem|ab\s+dem|ab)\s+)?$",
        "month_year": rf"(?i)(?:(?P<cue>{month_cues})\s+)?$",
        "relyear": r"(?i)(?:(?:im|in|des|ab|seit|bis)\s+)?(?:(?P<edge>Anfang|Ende|Mitte)\s+(?:des\s+)?)?$",
        "relmonth": r"(?i)(?:(?:ab|seit|bis)\s+)?(?P<edge>Anfang|Ende|Mitte)\s+$",
        "weekday": rf"(?:(?P<cue>(?i:am|an\s+diesem|diesen|am\s+(?:{past}|{future})|(?:{past}|{future})))\s+)?$",
        "month": rf"(?i)(?:(?P<edge>Anfang|Ende|Mitte)\s+)?(?:(?P<cue>{month_cues})\s+)?$",
    }
    return [(name, regex.compile(p), regex.compile(prefixes[name]) if name in prefixes else None) for name, p in ps]


@cache
def _triggers() -> dict[str, tuple[str, ...]]:
    """Words at least one of which a pattern needs in the (lower-cased) text; patterns without
    an entry need a digit. A cheap test that spares most texts most patterns."""
    lex = dates_words()
    months = tuple(lex["months"])
    weekdays = tuple(lex["weekdays"])
    return {
        "day_month": months, "day_ordinal": months, "month_year": months, "month": months, "range_days": (),
        "weekend": ("wochenende",), "relweek": ("woche",), "relyear": ("jahr",), "relmonth": ("monat",),
        "ago": ("vor ",), "weekday": weekdays, "relday": tuple(lex["relative_days"]),
        "weekday_range": weekdays, "weekday_week": ("woche",),
        "holiday": tuple(k for k in lex["holidays"] if not k.startswith("_")),
        "quarter": ("quartal", "halbjahr", "jahreshälfte", "q1", "q2", "q3", "q4", "h1", "h2"),
        "season": ("frühjahr", "frühling", "sommer", "herbst", "winter"), "edge": ("jahres", "monats"),
        "anchored": tuple(k.split()[-1] for k in lex["anchored"] if not k.startswith("_")),
        "anchored_rel": tuple(lex["anchored_relations"]),
    }


def find_dates(text: str, skip: list[tuple[int, int]] = ()) -> list[DateRef]:
    """Every calendar reference in `text`, in order; earlier patterns win overlaps."""
    claimed = Ranges(skip)
    out: list[DateRef] = []
    low = text.lower()
    has_digit = DIGIT_RE.search(text) is not None
    triggers = _triggers()
    for name, pattern, prefix in _patterns():
        words = triggers.get(name)
        if words is None or not words:
            if not has_digit:
                continue
        elif not any(w in low for w in words):
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            g = m.groupdict()
            if prefix is not None:
                pm = prefix.search(text, max(0, s - 60), s)
                if pm is not None and pm.start() < s and not claimed.hits(pm.start(), s):
                    s = pm.start()
                    g.update({k: v for k, v in pm.groupdict().items() if v})
            if claimed.hits(s, e):
                continue
            refs = ref_from(name, g, s, e, m, text)
            for r in refs:
                out.append(_trim(r))
            if refs:
                claimed.append((s, e))
    if has_digit:
        out += _bare_years(text, claimed)
        out = [_with_time(text, r) for r in out]
    out.sort(key=lambda r: r.start)
    return _ranges(text, out)


RANGE_GAP_RE = regex.compile(r"\s*(?:–|-|—)?\s*")


def _ranges(text: str, refs: list[DateRef]) -> list[DateRef]:
    """"vom 28. Dezember bis 3. Januar", "von Oktober bis März": a reference after "vom"/"von"
    right before one with "bis" starts a range (modifier `from`)."""
    for k in range(1, len(refs)):
        a, b = refs[k - 1], refs[k]
        if b.modifier == "until" and a.modifier is None and a.text[:4].lower() in ("vom ", "von ") and RANGE_GAP_RE.fullmatch(text, a.end, b.start):
            refs[k - 1] = replace(a, modifier="from")
    return refs


CLOCK_RE = regex.compile(r",?\s*(?:(?:um|gegen|ab)\s+)?(?:(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d)(?:\s*Uhr)?|(?P<h>[01]?\d|2[0-3])\s*Uhr)(?![\p{L}\p{N}])")


def _with_time(text: str, r: DateRef) -> DateRef:
    """A day followed by its clock time at minute grain: "am Samstag um 18 Uhr", "Am 12.03.2016
    gegen 21:30 Uhr". A bare clock time stays no date."""
    if r.grain != "day" or r.kind in ("year",):
        return r
    m = CLOCK_RE.match(text, r.end, min(len(text), r.end + 25))
    if m is None or (not m.group("h") and not m.group("hh")):
        return r
    hour, minute = (int(m.group("hh")), int(m.group("mm"))) if m.group("hh") else (int(m.group("h")), 0)
    return replace(r, end=m.end(), text=text[r.start:m.end()], grain="minute", hour=hour, minute=minute)


BARE_YEAR_RE = regex.compile(r"(?<![\w.,/–-])((?:19|20)\d\d)(?![\w]|[.,/–-]\d|[.]\w)")
NEXT_WORD_RE = regex.compile(r"[ \t]*(\S+)")
PREV_WORD_RE = regex.compile(r"(\S+)[ \t]*$")
# "seit den Wahlen 2014 Vizebürgermeisterin", "der Unternehmensbilanz 2015": an article (or a
# preposition with one) and a noun before the year make it the noun's year, whatever follows
NOUN_BEFORE_YEAR_RE = regex.compile(r"(?:^|[\s(])(\p{Ll}+)[ \t]+(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}?\p{Ll}+)*)[ \t]+$")


def _bare_years(text: str, claimed: "Ranges") -> list[DateRef]:
    """Years as time references wherever they stand ("Haushalt 2018", "2002 hatte sie …", "der
    1972 geborene"): a year from 1900 to 2099 that no pattern took, unless a capitalised word
    follows (then it counts: "2000 Besucher", "1950 Euro") or a label word stands before it
    ("Nr. 2014", "Tel. 2014")."""
    out = []
    blockers = number_blockers()
    months, weekdays = dates_words()["months"], dates_words()["weekdays"]
    for m in BARE_YEAR_RE.finditer(text):
        s, e = m.span()
        if claimed.hits(s, e):
            continue
        nxt = NEXT_WORD_RE.match(text, e, min(len(text), e + 40))
        before = NOUN_BEFORE_YEAR_RE.search(text, max(0, s - 60), s)
        noun_year = before is not None and before.group(1) in dates_words()["year_noun_determiners"]
        if not noun_year and nxt is not None and text[e:nxt.start(1)].strip(" \t") == "" and "\n" not in text[e:nxt.start(1)]:
            word = nxt.group(1).rstrip(".,;:!?)“\"")
            if word[:1].isupper() and word.lower() not in months and word.lower() not in weekdays:
                continue
            if word.lower() in _unit_words():
                continue
        prev = PREV_WORD_RE.search(text, max(0, s - 40), s)
        if prev is not None and prev.group(1).rstrip(":").lower() in blockers:
            continue
        if prev is not None and prev.group(1).lower() in _count_cues():
            continue  # "auf insgesamt 2069", "davon 1400": a count
        out.append(DateRef(s, e, m.group(1), "year", "year", int(m.group(1))))
    return out


@cache
def _count_cues() -> frozenset[str]:
    return frozenset(number_lexicon()["count_cues"])


@cache
def _unit_words() -> frozenset[str]:
    """Unit symbols after a number ("2014 m", "1950 kWh") and "Uhr": it is no year then."""
    symbols = {u.lower() for u in number_lexicon()["measure_units"].values()}
    return frozenset(symbols - {"in"}) | {"uhr"}  # "in" (inch) is the preposition: "1931 in Kanada"


def _trim(r: DateRef) -> DateRef:
    text = r.text.rstrip(" ,")
    if text.endswith(".") and text[:-1].rsplit(None, 1)[-1].lower() in dates_words()["full_month_names"]:
        text = text[:-1]  # "im Mai." ends a sentence; "Jan." keeps its dot
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    return replace(r, start=r.start + lead, end=r.start + lead + len(text), text=text)
