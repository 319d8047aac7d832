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
from ...locales import current
from ...textutil import Ranges, number_blockers
from ..numbers.parse import lexicon as number_lexicon
from .refs import YEAR, DateRef, ref_from

DIGIT_RE = regex.compile(r"\d")


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _patterns() -> list[tuple[str, regex.Pattern, regex.Pattern | None]]:
    """The date patterns of dates_de.json's `grammar`, in order, each with the pattern of its
    optional prefix: the templates filled with the grammar's parts and the file's word lists (of
    the locale being read)."""
    return _patterns_of(current())


@cache
def _patterns_of(locale: str) -> list[tuple[str, regex.Pattern, regex.Pattern | None]]:
    lex = dates_words()
    grammar = lex["grammar"]
    fields = dict(grammar["parts"])
    fields.update(
        YEAR=YEAR,
        # a short form without its dot before a name is no month: "10. Jan Marcell" of a ranking
        mon=rf"(?P<mon>{_alt(lex['months'])})(?:\.(?!\d)|(?![\p{{L}}])(?!(?<=(?i:\b(?:{_alt(_short_months(lex))})))(?-i:\s+\p{{Lu}}\p{{Ll}})))",
        wd=rf"(?P<wd>(?i:{_alt(lex['weekdays'])}))(?P<part>{_alt(lex['day_parts'])})?",
        past=_alt(lex["past"]), future=_alt(lex["future"]), current=_alt(lex["current"]),
        year_cues=_alt(lex["year_cues"]), month_cues=_alt(lex["month_cues"]),
        holidays=_alt(k for k in lex["holidays"] if not k.startswith("_")),
        anchored=_alt(k for k in lex["anchored"] if not k.startswith("_")),
        relations=_alt(lex["anchored_relations"]), day_ordinals=_alt(lex["day_ordinals"]),
    )
    fields["wd2"] = fields["wd"].replace("(?P<wd>", "(?P<wdb>").replace("(?P<part>", "(?P<partb>")
    prefixes = {name: template.format(**fields) for name, template in grammar["prefixes"].items()}
    return [
        (name, regex.compile(template.format(**fields)), regex.compile(prefixes[name]) if name in prefixes else None)
        for name, template in grammar["patterns"]
    ]


def _short_months(lex: dict) -> list[str]:
    """The short forms of the month names ("jan", "sept"): the names that are the start of a
    longer name of the same month."""
    months = lex["months"]
    return [m for m, n in months.items() if any(o != m and o.startswith(m) and months[o] == n for o in months)]


def _triggers() -> dict[str, tuple[str, ...]]:
    return _triggers_of(current())


@cache
def _triggers_of(locale: str) -> dict[str, tuple[str, ...]]:
    """Words at least one of which a pattern needs in the (lower-cased) text; patterns without
    an entry need a digit. A cheap test that spares most texts most patterns."""
    lex = dates_words()
    months = tuple(lex["months"])
    weekdays = tuple(lex["weekdays"])
    words = {name: tuple(w) for name, w in lex["triggers"].items() if not name.startswith("_")}
    return {
        **words,
        "day_month": months, "day_ordinal": months, "month_year": months, "month": months, "range_days": (),
        "weekday": weekdays, "relday": tuple(lex["relative_days"]), "weekday_range": weekdays,
        "holiday": tuple(k for k in lex["holidays"] if not k.startswith("_")),
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
        out = [timed for r in out for timed in _with_time(text, r)]
    out.sort(key=lambda r: r.start)
    return _ranges(text, out)


RANGE_GAP_RE = regex.compile(r"\s*(?:–|-|—)?\s*")


def _ranges(text: str, refs: list[DateRef]) -> list[DateRef]:
    """"vom 28. Dezember bis 3. Januar", "von Oktober bis März": a reference after "vom"/"von"
    right before one with "bis" starts a range (modifier `from`)."""
    for k in range(1, len(refs)):
        a, b = refs[k - 1], refs[k]
        if b.modifier == "until" and a.modifier is None and a.text[:4].lower() in RANGE_STARTS and RANGE_GAP_RE.fullmatch(text, a.end, b.start):
            refs[k - 1] = replace(a, modifier="from")
    return refs


CLOCK_RE = regex.compile(dates_words()["grammar"]["parts"]["clock"])
CLOCK_RANGE_RE = regex.compile(dates_words()["grammar"]["parts"]["clock_range"])
RANGE_STARTS = tuple(dates_words()["words"]["range_starts"])
CLOCK_WORD = dates_words()["words"]["clock"][0]  # "Uhr"


def _with_time(text: str, r: DateRef) -> list[DateRef]:
    """A day followed by its clock time at minute grain: "am Samstag um 18 Uhr", "Am 12.03.2016
    gegen 21:30 Uhr"; by a range of clock times, the day at each end: "am Donnerstag von 9.30
    bis 11 Uhr" (from, until). A bare clock time stays no date."""
    if r.grain != "day" or r.kind in ("year",):
        return [r]
    span = CLOCK_RANGE_RE.match(text, r.end, min(len(text), r.end + 40))
    if span is not None:
        first = replace(r, end=span.end("m1") if span.group("m1") else span.end("h1"), grain="minute", hour=int(span.group("h1")),
                        minute=int(span.group("m1") or 0), modifier=r.modifier or "from")
        first = replace(first, text=text[first.start:first.end])
        second = replace(r, start=span.start("h2"), end=span.end(), text=text[span.start("h2"):span.end()], grain="minute",
                         hour=int(span.group("h2")), minute=int(span.group("m2") or 0), modifier="until")
        return [first, second]
    m = CLOCK_RE.match(text, r.end, min(len(text), r.end + 25))
    if m is None or (not m.group("h") and not m.group("hh")):
        return [r]
    if m.group("hh") and not m.group().rstrip().endswith(CLOCK_WORD) and text[m.end():m.end() + 1] == ".":
        return [r]  # "am Freitag, 15.02.": a day and month, no clock time
    hour, minute = (int(m.group("hh")), int(m.group("mm"))) if m.group("hh") else (int(m.group("h")), 0)
    return [replace(r, end=m.end(), text=text[r.start:m.end()], grain="minute", hour=hour, minute=minute)]


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
