"""German calendar references: find them with own patterns, normalise them to ISO 8601, and
resolve the relative ones against the publication date.

    >>> refs = find_dates("Die Staatssekretärin kam am Mittwoch, seit 2014 gibt es das KI.")
    >>> [(r.text, r.grain, r.modifier) for r in refs]
    [('am Mittwoch', 'day', None), ('seit 2014', 'year', 'since')]
    >>> [resolve(r, date(2017, 8, 11)) for r in refs]
    ['2017-08-09', '2014']
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

import regex

from ..textutil import Ranges, load_json, number_blockers
from .numbers import parse_number_word

YEAR = r"(?:19|20)\d{2}"
DIGIT_RE = regex.compile(r"\d")


@cache
def lexicon() -> dict:
    return load_json("dates_de.json")


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names, lower-cased (for other stages that must not take them as nouns)."""
    lex = lexicon()
    return frozenset(lex["months"]) | frozenset(lex["weekdays"])


@dataclass(frozen=True)
class DateRef:
    """One calendar reference found in a text, before resolution.

    kind: absolute | year | month | monthday | weekday | relday | relweek | relyear | relmonth | ago
    | weekend | weekday_week (a weekday of a week relative to the publication date) | easter (a
    holiday Easter fixes, `offset` days from Easter Sunday) | anchored | anchored_week |
    anchored_weekend (relative to the date the text named before: "am Vortag", "die Woche davor")
    """

    start: int
    end: int
    text: str
    kind: str
    grain: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None  # only when the text writes it ("10:49:00")
    offset: int = 0  # relative: days / weeks / years / months from the publication date, or direction
    weekday: int | None = None
    modifier: str | None = None
    year2: int | None = None  # "2016/17"
    part: str | None = None  # the part of a year: Q1-Q4, H1, H2, spring, summer, autumn, winter, early, mid, late

    @property
    def relative(self) -> bool:
        return self.kind not in ("absolute", "year")


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> list[tuple[str, regex.Pattern]]:
    lex = lexicon()
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


def _year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        return 2000 + n if n < 70 else 1900 + n
    return n


def _month_no(word: str) -> int:
    return lexicon()["months"][word.lower().rstrip(".")]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def _modifier(cue: str | None, table: str) -> str | None:
    if not cue:
        return None
    return lexicon()[table].get(regex.sub(r"\s+", " ", cue.lower()))


def _direction(cue: str | None) -> int:
    if not cue:
        return 0
    words = cue.lower().split()
    lex = lexicon()
    for w in words:
        if w in lex["two_steps"]:
            return lex["two_steps"][w]  # "übernächsten Freitag", "vorletztes Jahr"
    if any(w in lex["past"] for w in words):
        return -1
    if any(w in lex["future"] for w in words):
        return 1
    return 0


def _edge_modifier(edge: str | None) -> str | None:
    return {"anfang": "start", "beginn": "start", "ende": "end", "mitte": "mid"}.get((edge or "").lower())


def _span_modifier(cue: str | None) -> str | None:
    """since / until of a part of a year's preposition ("seit dem ersten Quartal", "bis zum Herbst")."""
    return _modifier(cue.split()[0], "year_cues") if cue and cue.lower().startswith(("seit", "ab", "bis")) else None


def _year_part(words: str | None) -> str | None:
    return lexicon()["year_parts"].get(regex.sub(r"\s+", " ", (words or "").lower()))


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).

    >>> easter(2019), easter(2024)
    (datetime.date(2019, 4, 21), datetime.date(2024, 3, 31))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _ref_from(name: str, g: dict, s: int, e: int, m: regex.Match, text: str) -> list[DateRef]:
    t = text[s:e]
    if name == "weekday_range":
        days = lexicon()["weekdays"]
        w1, w2 = days[g["wd"].lower()], days[g["wdb"].lower()]
        if g["cue"].lower() == "zwischen" and g["sep"].lower() != "und" or g["cue"].lower() != "zwischen" and g["sep"].lower() == "und":
            return []
        mid = m.start("sep")
        return [
            DateRef(s, mid, text[s:mid], "weekday", "day", weekday=w1, modifier="from"),
            DateRef(mid, e, text[mid:e], "anchored", "day", offset=(w2 - w1) % 7, weekday=w2, modifier="until"),
        ]
    if name == "weekday_week":
        return [DateRef(s, e, t, "weekday_week", "day", offset=_direction(g["cue"]), weekday=lexicon()["weekdays"][g["wd"].lower()])]
    if name == "holiday":
        if not g.get("y") and _given_name_before_name(text, m.start("hol"), m.end("hol")):
            return []  # "Trainer Silvester Meier": a given name
        rule = lexicon()["holidays"][regex.sub(r"\s+", " ", g["hol"].lower())]
        mod = _modifier(g.get("cue"), "year_cues") if g.get("cue") and g["cue"].lower() in ("seit", "bis", "ab", "vor", "nach") else None
        if isinstance(rule, dict):
            if g.get("y"):
                d = easter(int(g["y"])) + timedelta(days=rule["easter"])
                return [DateRef(s, e, t, "absolute", "day", d.year, d.month, d.day, modifier=mod)]
            return [DateRef(s, e, t, "easter", "day", offset=rule["easter"], modifier=mod)]
        mo, d = rule
        if g.get("y"):
            return [DateRef(s, e, t, "absolute", "day", int(g["y"]), mo, d, modifier=mod)]
        return [DateRef(s, e, t, "monthday", "day", None, mo, d, modifier=mod)]
    if name == "quarter":
        if g.get("qq"):
            if not g.get("y"):
                return []  # "Q3" alone is as often a product or a model
            part = _year_part(g["qq"])
        else:
            part = _year_part(f"{g['ord']} {g['noun']}")
        if part is None:
            return []
        mod = _span_modifier(g.get("cue"))
        if g.get("y"):
            return [DateRef(s, e, t, "year", "year", int(g["y"]), modifier=mod, part=part)]
        return [DateRef(s, e, t, "relyear", "year", offset=_direction(g.get("dir")), modifier=mod, part=part)]
    if name == "season":
        if not g.get("cue") and not g.get("dir"):
            return []  # "Sommer" alone is a season in general
        mod = _span_modifier(g.get("cue"))
        return [DateRef(s, e, t, "relyear", "year", offset=_direction(g.get("dir") or g.get("dir2")), modifier=mod, part=_year_part(g["season"]))]
    if name == "edge":
        edge = g.get("edge") or g.get("cedge")
        unit = (g.get("unit") or g.get("comp") or "").lower()
        cue = (g.get("cue") or "").lower()
        mod = {"bis": "until", "seit": "since", "ab": "since"}.get(cue) or _edge_modifier(edge)
        if unit.startswith("monat"):
            return [DateRef(s, e, t, "relmonth", "month", offset=0, modifier=mod)]
        return [DateRef(s, e, t, "relyear", "year", offset=0, modifier=mod, part=_year_part(edge))]
    if name == "anchored":
        return [DateRef(s, e, t, "anchored", "day", offset=lexicon()["anchored"][regex.sub(r"\s+", " ", g["anc"].lower())])]
    if name == "anchored_rel":
        direction = lexicon()["anchored_relations"][g["rel"].lower()]
        if g.get("unitw"):
            return [DateRef(s, e, t, "anchored_weekend", "day", offset=direction, weekday=5)]
        return [DateRef(s, e, t, "anchored_week", "week", offset=direction)]
    if name == "numeric" or name == "iso":
        y, mo, d = _year(g["y"]), int(g["m"]), int(g["d"])
        if not _valid(y, mo, d):
            return []
        if g.get("hh"):
            second = int(g["ss"]) if g.get("ss") else None
            return [DateRef(s, e, t, "absolute", "second" if second is not None else "minute", y, mo, d, int(g["hh"]), int(g["mm"]), second)]
        return [DateRef(s, e, t, "absolute", "day", y, mo, d)]
    if name == "iso_month":
        mo = int(g["m"])
        return [DateRef(s, e, t, "absolute", "month", int(g["y"]), mo)] if 1 <= mo <= 12 else []
    if name == "day_ordinal":
        name, g = "day_month", {**g, "d": str(lexicon()["day_ordinals"][g["ow"].lower()])}
    if name in ("day_month", "day_month_nodot"):
        mo, d = _month_no(g["mon"]), int(g["d"])
        cue = (g.get("cue") or "").lower()
        mod = "until" if cue.startswith("bis") else "since" if cue.startswith(("seit", "ab")) else None
        if g.get("y"):
            y = int(g["y"])
            if not _valid(y, mo, d):
                return []
            if g.get("hh"):
                second = int(g["ss"]) if g.get("ss") else None
                return [DateRef(s, e, t, "absolute", "second" if second is not None else "minute", y, mo, d, int(g["hh"]), int(g["mm"]), second, modifier=mod)]
            return [DateRef(s, e, t, "absolute", "day", y, mo, d, modifier=mod)]
        if not _valid(2000, mo, d):
            return []
        return [DateRef(s, e, t, "monthday", "day", None, mo, d, modifier=mod)]
    if name == "day_list":  # "am 20. und 21. November", "21./22. Oktober 2016": two days of one month
        mo, d1, d2 = _month_no(g["mon"]), int(g["d1"]), int(g["d2"])
        y = int(g["y"]) if g.get("y") else None
        if not (_valid(y or 2000, mo, d1) and _valid(y or 2000, mo, d2)) or d2 <= d1:
            return []
        kind = "absolute" if y else "monthday"
        first_end = m.end("d1") + 1
        return [
            DateRef(s, first_end, text[s:first_end], kind, "day", y, mo, d1),
            DateRef(m.start("d2"), e, text[m.start("d2"):e], kind, "day", y, mo, d2),
        ]
    if name == "numeric_dm":  # "am 3.2.", "für den 17.10.": a day without its year
        mo, d = int(g["m"]), int(g["d"])
        if not _valid(2000, mo, d):
            return []
        cue = g["cue"].lower()
        mod = "until" if cue.startswith("bis") else "since" if cue.startswith(("seit", "ab")) else None
        return [DateRef(s, e, t, "monthday", "day", None, mo, d, modifier=mod)]
    if name == "range_days":
        d1, d2 = int(g["d1"]), int(g["d2"])
        if g.get("mon"):
            m2 = _month_no(g["mon"])
            y = int(g["y"]) if g.get("y") else None
        else:
            m2 = int(g["m2"])
            y = int(g["y2"]) if g.get("y2") else None
        m1 = int(g["m1"]) if g.get("m1") else m2
        if not (_valid(2000, m1, d1) and _valid(2000, m2, d2)):
            return []
        kind = "absolute" if y else "monthday"
        mid = s + text[s:e].lower().find("bis")  # the range's text only: lowercasing all of it per range was quadratic
        return [
            DateRef(s, mid, text[s:mid].rstrip(), kind, "day", y, m1, d1, modifier="from"),
            DateRef(mid, e, text[mid:e], kind, "day", y, m2, d2, modifier="until"),
        ]
    if name == "month_year":
        mod = _modifier(g.get("cue"), "month_cues")
        return [DateRef(s, e, t, "absolute", "month", int(g["y"]), _month_no(g["mon"]), modifier=mod)]
    if name == "year_range":
        y1, y2 = int(g["y"]), int(g["y2"])
        if y2 <= y1:
            return []
        mid = m.start("y2")
        return [
            DateRef(s, m.end("y"), text[s:m.end("y")], "year", "year", y1, modifier="from"),
            DateRef(mid, e, text[mid:e], "year", "year", y2, modifier="until"),
        ]
    if name == "year_slash":
        y1 = int(g["y"])
        y2 = int(g["y2"]) if len(g["y2"]) == 4 else (y1 // 100) * 100 + int(g["y2"])
        if y2 != y1 + 1:
            return []
        return [DateRef(s, e, t, "year", "year", y1, year2=y2, modifier=_modifier(g.get("cue"), "year_cues"))]
    if name == "until_phrase":
        return [DateRef(s, e, t, "year", "year", int(g["y"]), modifier="until")]
    if name == "year":
        return [DateRef(s, e, t, "year", "year", int(g["y"]), modifier=_modifier(g["cue"], "year_cues"), part=_year_part(g["cue"]))]
    if name == "weekend":
        return [DateRef(s, e, t, "weekend", "day", offset=_direction(g.get("cue")), weekday=5)]
    if name == "relweek":
        cue = g["cue"].lower()
        mod = "start" if cue.startswith("anfang") else "end" if cue.startswith("ende") else "mid" if cue.startswith("mitte") else None
        return [DateRef(s, e, t, "relweek", "week", offset=_direction(cue), modifier=mod)]
    if name == "relyear":
        off = -1 if g.get("vj") else _direction(g.get("cue"))
        return [DateRef(s, e, t, "relyear", "year", offset=off, modifier=_edge_modifier(g.get("edge")), part=_year_part(g.get("edge")))]
    if name == "relmonth":
        off = -1 if g.get("vm") else _direction(g.get("cue"))
        return [DateRef(s, e, t, "relmonth", "month", offset=off, modifier=_edge_modifier(g.get("edge")))]
    if name == "ago":
        n = g["n"]
        value = int(n) if n.isdigit() else parse_number_word(n)
        if value is None:
            return []
        unit = lexicon()["ago_units"][g["unit"].lower()]
        return [DateRef(s, e, t, "ago", unit, offset=-int(value), modifier=None)]
    if name == "weekday":
        if _in_name(text, s, e):
            return []  # "Welt am Sonntag" is a newspaper
        return [DateRef(s, e, t, "weekday", "day", offset=_direction(g.get("cue")), weekday=lexicon()["weekdays"][g["wd"].lower()])]
    if name == "month":
        if not g.get("cue") and not g.get("edge"):
            return []  # a bare month name is too often a name ("August") or a heading
        mod = _edge_modifier(g.get("edge")) or _modifier(g.get("cue"), "month_cues")
        return [DateRef(s, e, t, "month", "month", None, _month_no(g["mon"]), modifier=mod)]
    if name == "relday":
        word = g["rel"].lower()
        if word == "heute" and not _heute_is_date(text, s, e):
            return []
        if g["rel"] == "morgen" and _morning(text, s):
            return []
        return [DateRef(s, e, t, "relday", "day", offset=lexicon()["relative_days"][word])]
    return []


NAME_AFTER_RE = regex.compile(r"[ \t]+\p{Lu}\p{Ll}+")


def _given_name_before_name(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] is a given name ("Silvester", "Nikolaus") with a capitalised word after it."""
    from ..lexicon import first_names

    return text[s:e] in first_names() and NAME_AFTER_RE.match(text, e) is not None


def _in_name(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] lies inside a name that holds a weekday ("Welt am Sonntag")."""
    window = text[max(0, s - 30):e].lower()
    return any(window.endswith(name) for name in lexicon()["names_with_weekday"])


def _heute_is_date(text: str, s: int, e: int) -> bool:
    """"heute" is today, except in "heute noch", "bis heute", "wie heute" (nowadays)."""
    lex = lexicon()
    after = regex.match(r"\s+(\p{L}+)", text[e:e + 30])
    if after and after.group(1).lower() in lex["heute_not_a_date_after"]:
        return False
    before = regex.search(r"(\p{L}+)\s+$", text[max(0, s - 30):s])
    if before and before.group(1).lower() in lex["heute_not_a_date_before"]:
        return False
    return True


def _morning(text: str, s: int) -> bool:
    before = regex.search(r"(\p{L}+)\s+$", text[max(0, s - 30):s])
    return bool(before and before.group(1).lower() in ("am", "jeden", "guten", "diesen", "heute", "gestern"))


@cache
def _triggers() -> dict[str, tuple[str, ...]]:
    """Words at least one of which a pattern needs in the (lower-cased) text; patterns without
    an entry need a digit. A cheap test that spares most texts most patterns."""
    lex = lexicon()
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
            refs = _ref_from(name, g, s, e, m, text)
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
    months, weekdays = lexicon()["months"], lexicon()["weekdays"]
    for m in BARE_YEAR_RE.finditer(text):
        s, e = m.span()
        if claimed.hits(s, e):
            continue
        nxt = NEXT_WORD_RE.match(text, e, min(len(text), e + 40))
        before = NOUN_BEFORE_YEAR_RE.search(text, max(0, s - 60), s)
        noun_year = before is not None and before.group(1) in lexicon()["year_noun_determiners"]
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
    from .numbers import lexicon as number_lexicon

    return frozenset(number_lexicon()["count_cues"])


@cache
def _unit_words() -> frozenset[str]:
    """Unit symbols after a number ("2014 m", "1950 kWh") and "Uhr": it is no year then."""
    from .numbers import lexicon as number_lexicon

    symbols = {u.lower() for u in number_lexicon()["measure_units"].values()}
    return frozenset(symbols - {"in"}) | {"uhr"}  # "in" (inch) is the preposition: "1931 in Kanada"


def _trim(r: DateRef) -> DateRef:
    text = r.text.rstrip(" ,")
    if text.endswith(".") and text[:-1].rsplit(None, 1)[-1].lower() in lexicon()["full_month_names"]:
        text = text[:-1]  # "im Mai." ends a sentence; "Jan." keeps its dot
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    return replace(r, start=r.start + lead, end=r.start + lead + len(text), text=text)


def _nearest_year(month: int, day: int | None, pub: date) -> int:
    """The year that puts month (and day) nearest to the publication date."""
    best, best_dist = pub.year, None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = date(y, month, min(day or 15, 28) if day else 15)
        dist = abs((d - pub).days)
        if best_dist is None or dist < best_dist:
            best, best_dist = y, dist
    return best


def _fmt_day(d: date) -> str:
    return d.isoformat()


def resolve(r: DateRef, published: date | None, anchor: date | None = None) -> str | None:
    """The ISO 8601 value of a reference; relative ones need the publication date (else None).
    `anchor` is the day the text named before `r` ("am Vortag", the end of "von Montag bis
    Mittwoch" count from it); without one they count from the publication date.

    >>> pub = date(2018, 4, 5)  # a Thursday
    >>> [resolve(r, pub) for r in find_dates("am Donnerstag, gestern, im August, vor zwei Jahren")]
    ['2018-04-05', '2018-04-04', '2018-08', '2016']
    """
    if r.grain == "minute" and r.kind != "absolute":
        day = resolve(replace(r, grain="day"), published)
        return f"{day}T{r.hour:02d}:{r.minute:02d}" if day and len(day) == 10 else day
    if r.kind == "absolute":
        if r.grain == "second":
            return f"{r.year:04d}-{r.month:02d}-{r.day:02d}T{r.hour:02d}:{r.minute:02d}:{r.second:02d}"
        if r.grain == "minute":
            return f"{r.year:04d}-{r.month:02d}-{r.day:02d}T{r.hour:02d}:{r.minute:02d}"
        if r.grain == "day":
            return f"{r.year:04d}-{r.month:02d}-{r.day:02d}"
        return f"{r.year:04d}-{r.month:02d}"
    if r.kind == "year":
        return f"{r.year:04d}/{r.year2:04d}" if r.year2 else f"{r.year:04d}"
    if published is None:
        return None
    pub = published
    if r.kind.startswith("anchored"):
        base = anchor or pub
        if r.kind == "anchored":
            if anchor is None and r.weekday is not None:  # the end of a weekday range without its start
                return _fmt_day(pub - timedelta(days=(pub.weekday() - r.weekday) % 7))
            return _fmt_day(base + timedelta(days=r.offset))
        if r.kind == "anchored_week":
            iso = (base + timedelta(weeks=r.offset)).isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}"
        saturday = base + timedelta(days=(5 - base.weekday()) % 7)
        return _fmt_day(saturday - timedelta(days=7) if r.offset < 0 else saturday if saturday > base else saturday + timedelta(days=7))
    if r.kind == "weekday_week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=r.offset)
        return _fmt_day(monday + timedelta(days=r.weekday or 0))
    if r.kind == "easter":
        days = [easter(y) + timedelta(days=r.offset) for y in (pub.year - 1, pub.year, pub.year + 1)]
        return _fmt_day(min(days, key=lambda d: abs((d - pub).days)))
    if r.kind == "relday":
        return _fmt_day(pub + timedelta(days=r.offset))
    if r.kind in ("weekday", "weekend"):
        target = r.weekday or 0
        back = (pub.weekday() - target) % 7
        if r.kind == "weekend" and r.offset == 0 and pub.weekday() >= 3:
            d = pub + timedelta(days=(target - pub.weekday()) % 7)  # Thursday on: the coming weekend
        elif r.offset > 0:
            d = pub + timedelta(days=(target - pub.weekday()) % 7 or 7) + timedelta(weeks=r.offset - 1)
        elif r.offset < 0:
            d = pub - timedelta(days=back or 7) - timedelta(weeks=-r.offset - 1)
        else:
            d = pub - timedelta(days=back)
        return _fmt_day(d)
    if r.kind == "monthday":
        y = _nearest_year(r.month, r.day, pub)
        return f"{y:04d}-{r.month:02d}-{r.day:02d}"
    if r.kind == "month":
        y = _nearest_year(r.month, None, pub)
        return f"{y:04d}-{r.month:02d}"
    if r.kind == "relweek":
        d = pub + timedelta(weeks=r.offset)
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if r.kind == "relyear":
        return f"{pub.year + r.offset:04d}"
    if r.kind == "relmonth":
        m = pub.month - 1 + r.offset
        return f"{pub.year + m // 12:04d}-{m % 12 + 1:02d}"
    if r.kind == "ago":
        if r.grain == "year":
            return f"{pub.year + r.offset:04d}"
        if r.grain == "month":
            m = pub.month - 1 + r.offset
            return f"{pub.year + m // 12:04d}-{m % 12 + 1:02d}"
        if r.grain == "week":
            iso = (pub + timedelta(weeks=r.offset)).isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}"
        return _fmt_day(pub + timedelta(days=r.offset))
    return None


def parse_iso(value: str | None) -> date | None:
    """A date from 'YYYY-MM-DD' (or the first day of 'YYYY-MM' / 'YYYY'); None otherwise.

    >>> parse_iso("2016-09")
    datetime.date(2016, 9, 1)
    """
    if not value:
        return None
    m = regex.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    return date(y, mo, d) if _valid(y, mo, d) else None


def parse_published_option(value: str) -> str | None:
    """A --published value: ISO (YYYY-MM-DD, YYYY-MM, YYYY) or a German date dateparser reads, DMY.

    >>> parse_published_option("2018-04-05"), parse_published_option("5. April 2018")
    ('2018-04-05', '2018-04-05')
    """
    value = value.strip()
    if regex.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        return value if parse_iso(value) else None
    refs = find_dates(value)
    if len(refs) == 1 and refs[0].kind == "absolute" and refs[0].grain in ("day", "minute", "second"):
        r = refs[0]
        return f"{r.year:04d}-{r.month:02d}-{r.day:02d}"
    import dateparser

    parsed = dateparser.parse(value, languages=["de", "en"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if isinstance(parsed, _dt.datetime) else None


DATE_LINE_BEFORE_RE = regex.compile(r"^\s*[,|–—-]?\s*$")
DATE_LINE_AFTER_RE = regex.compile(r"^\s*(?:$|[|/–—-]|:\d\d|,\s*\p{Lu})")
TODAY_RE = regex.compile(r"(?i)(?:^|\s)(?:am\s+)?heutigen(?:\s+\p{L}+,?)?\s*$")
PLACE_DEN_RE = regex.compile(r"(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?),\s+(?:den|am)\s+$")


def _is_place(name: str) -> bool:
    from ..lexicon import places

    return name in places()


DATELINE_RE = regex.compile(r"^\s*\p{Lu}[\p{L}.-]*(?:[ /]\p{Lu}?[\p{L}.-]+){0,3}\s*[,(]\s*$")
BYLINE_RE = regex.compile(r"(?i)(?:^|\n)[^\n]{0,15}\bvon\s+(?:von\s+)?\p{Lu}[\p{L}.-]+(?:\s+\p{Lu}[\p{L}.-]+){0,3}\s*[,|/–-]\s*$")


PUBLISHED_WITHIN = 20_000  # the publication date stands near the top: no further than this
LINE_WINDOW = 300


def find_published(text: str, refs: list[DateRef]) -> tuple[str | None, DateRef | None]:
    """The publication date the text states, and the reference it came from: a date near the top
    that stands on its own line (with weekday or time), follows a byline ("Von Paul Kieras,
    14.08.2017") or a cue ("Meldung vom", "Stand:").
    """
    limit = min(max(1500, len(text) // 4), PUBLISHED_WITHIN)
    cues = lexicon()["published_cues"]
    for r in refs:
        if r.start > limit:
            break
        if r.kind != "absolute" or r.grain not in ("day", "minute", "second"):
            continue
        # the date's line, at most LINE_WINDOW characters each side (a text on one line is no
        # reason to read all of it for every date)
        line_start = text.rfind("\n", max(0, r.start - LINE_WINDOW), r.start) + 1 or max(0, r.start - LINE_WINDOW)
        line_end = text.find("\n", r.end, r.end + LINE_WINDOW)
        line_end = min(len(text), r.end + LINE_WINDOW) if line_end < 0 else line_end
        before = text[line_start:r.start]
        after = text[r.end:line_end]
        alone = not regex.search(r"\p{L}{3,}", before + after.replace("Uhr", ""))
        byline = bool(BYLINE_RE.search(text[max(0, line_start - 1):r.start]))
        cue = regex.search(r"(?i)(" + "|".join(regex.escape(c) for c in cues) + r")\W{0,3}$", before.rstrip())
        # a dateline: "Kreis Unna, 12.03.2019 – Das Kommunale ..." at the start of a line
        dateline = bool(DATELINE_RE.match(before)) and bool(regex.match(r"\s*(?:[–—-]|:|\(|$)", after))
        # a date line of its own: ", 15.02.2017, 18:15 Uhr / Lesedauer …", "12. Mai 2019 | Politik",
        # a first line "15.10.2014 10:49:00, Trier – …", "Am heutigen Dienstag, 9.10.2007,",
        # "Magdeburg, den 10. Januar 2008"
        separated = bool(DATE_LINE_BEFORE_RE.match(before)) and bool(DATE_LINE_AFTER_RE.match(after))
        first_line = not before.strip() and text[:line_start].count("\n") <= 2 and bool(DATE_LINE_AFTER_RE.match(after))
        today = bool(TODAY_RE.search(before))
        place = PLACE_DEN_RE.search(before)
        place_den = place is not None and _is_place(place.group(1))
        if alone or byline or cue or dateline or separated or first_line or today or place_den:
            return f"{r.year:04d}-{r.month:02d}-{r.day:02d}", r
    return None, None
