"""Date references (`DateRef`) as the patterns find them, before they are resolved: what each
pattern's match means (`ref_from`), with the words of dates_de.json."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import regex

from ...lexicon import first_names
from ...lexicon.calendar import dates_words
from ..numbers.parse import parse_number_word

YEAR = r"(?:19|20)\d{2}"

WORDS = dates_words()["words"]
SINCE = tuple(WORDS["since_cues"])  # "seit", "ab"
UNTIL = tuple(WORDS["until_cues"])  # "bis"
HOLIDAY_MODIFIER_CUES = frozenset(WORDS["holiday_modifier_cues"])
BETWEEN = frozenset(WORDS["between"])
AND = frozenset(WORDS["and"])
TODAY = frozenset(WORDS["today"])
MORNING = frozenset(WORDS["tomorrow_or_morning"])  # "morgen" is tomorrow, "am Morgen" the morning
MORNING_BEFORE = frozenset(WORDS["morning_before"])


@dataclass(frozen=True)
class DateRef:
    """One calendar reference found in a text, before resolution.

    kind: absolute | year | month | month_rel (a month named with its direction: "im kommenden
    März", `offset` -1, 0 or 1) | monthday | weekday | relday | relweek | relyear | relmonth | ago
    | weekend | weekday_week (a weekday of a week relative to the publication date) | holiday (a
    holiday whose day moves: Easter's, Advent's, "the second Sunday of May") | anchored | anchored_week |
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
    holiday: str | None = None  # kind holiday: the holiday's name in dates_de.json, whose rule gives its day

    @property
    def relative(self) -> bool:
        return self.kind not in ("absolute", "year")


def _weekday_of(g: dict) -> int | None:
    """The weekday a day without its year is written with ("Freitag, den 18. Juli"), Monday 0."""
    wd = g.get("wd")
    return dates_words()["weekdays"].get(wd.lower()) if wd else None


def _year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        return 2000 + n if n < 70 else 1900 + n
    return n


def _month_no(word: str) -> int:
    return dates_words()["months"][word.lower().rstrip(".")]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def _modifier(cue: str | None, table: str) -> str | None:
    if not cue:
        return None
    return dates_words()[table].get(regex.sub(r"\s+", " ", cue.lower()))


def _direction(cue: str | None) -> int:
    if not cue:
        return 0
    words = cue.lower().split()
    lex = dates_words()
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
    return _modifier(cue.split()[0], "year_cues") if cue and cue.lower().startswith(SINCE + UNTIL) else None


def _year_part(words: str | None) -> str | None:
    return dates_words()["year_parts"].get(regex.sub(r"\s+", " ", (words or "").lower()))


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (python-dateutil's, which dateparser brings).

    >>> easter(2019), easter(2024)
    (datetime.date(2019, 4, 21), datetime.date(2024, 3, 31))
    """
    from dateutil.easter import easter as gregorian_easter

    return gregorian_easter(year)


def holiday_on(rule, year: int) -> date | None:
    """The day a holiday's rule (dates_de.json holidays) gives in `year`: [month, day]; {"easter": n}
    (days from Easter Sunday); {"advent": n, "days": k} (the n-th Sunday of Advent, and k days
    from it: Totensonntag is {"advent": 1, "days": -7}); {"weekday_of_month": [month, weekday, n]}
    (Muttertag: the second Sunday of May, [5, 6, 2]).

    >>> holiday_on({"advent": 1}, 2019), holiday_on({"weekday_of_month": [5, 6, 2]}, 2019)
    (datetime.date(2019, 12, 1), datetime.date(2019, 5, 12))
    """
    if isinstance(rule, list):
        return date(year, rule[0], rule[1]) if _valid(year, rule[0], rule[1]) else None
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    if "advent" in rule:
        christmas = date(year, 12, 25)
        fourth = christmas - timedelta(days=(christmas.weekday() + 1) % 7 or 7)  # the last Sunday before Christmas Day
        return fourth - timedelta(weeks=4 - rule["advent"]) + timedelta(days=rule.get("days", 0))
    if "weekday_of_month" in rule:
        month, weekday, nth = rule["weekday_of_month"]
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return None


def ref_from(name: str, g: dict, s: int, e: int, m: regex.Match, text: str) -> list[DateRef]:
    t = text[s:e]
    if name == "weekday_range":
        days = dates_words()["weekdays"]
        w1, w2 = days[g["wd"].lower()], days[g["wdb"].lower()]
        if (g["cue"].lower() in BETWEEN) != (g["sep"].lower() in AND):
            return []
        mid = m.start("sep")
        return [
            DateRef(s, mid, text[s:mid], "weekday", "day", weekday=w1, modifier="from"),
            DateRef(mid, e, text[mid:e], "anchored", "day", offset=(w2 - w1) % 7, weekday=w2, modifier="until"),
        ]
    if name == "weekday_week":
        return [DateRef(s, e, t, "weekday_week", "day", offset=_direction(g["cue"]), weekday=dates_words()["weekdays"][g["wd"].lower()])]
    if name == "holiday":
        if not g.get("y") and _given_name_before_name(text, m.start("hol"), m.end("hol")):
            return []  # "Trainer Silvester Meier": a given name
        key = regex.sub(r"\s+", " ", g["hol"].lower())
        rule = dates_words()["holidays"][key]
        mod = _modifier(g.get("cue"), "year_cues") if g.get("cue") and g["cue"].lower() in HOLIDAY_MODIFIER_CUES else None
        if isinstance(rule, dict):
            if g.get("y"):
                d = holiday_on(rule, int(g["y"]))
                return [DateRef(s, e, t, "absolute", "day", d.year, d.month, d.day, modifier=mod)] if d else []
            return [DateRef(s, e, t, "holiday", "day", modifier=mod, holiday=key)]
        mo, d = rule
        if g.get("y"):
            return [DateRef(s, e, t, "absolute", "day", int(g["y"]), mo, d, modifier=mod)]
        return [DateRef(s, e, t, "monthday", "day", None, mo, d, modifier=mod, weekday=_weekday_of(g))]
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
        mod = ("until" if cue in UNTIL else "since" if cue in SINCE else None) or _edge_modifier(edge)
        if unit.startswith("monat"):
            return [DateRef(s, e, t, "relmonth", "month", offset=0, modifier=mod)]
        return [DateRef(s, e, t, "relyear", "year", offset=0, modifier=mod, part=_year_part(edge))]
    if name == "anchored":
        return [DateRef(s, e, t, "anchored", "day", offset=dates_words()["anchored"][regex.sub(r"\s+", " ", g["anc"].lower())])]
    if name == "anchored_rel":
        direction = dates_words()["anchored_relations"][g["rel"].lower()]
        if g.get("unitw"):
            return [DateRef(s, e, t, "anchored_weekend", "day", offset=direction, weekday=5)]
        return [DateRef(s, e, t, "anchored_week", "week", offset=direction)]
    if name in ("numeric", "numeric_slash", "iso"):  # "28/08/14" in the day-first order of German
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
        name, g = "day_month", {**g, "d": str(dates_words()["day_ordinals"][g["ow"].lower()])}
    if name in ("day_month", "day_month_nodot"):
        mo, d = _month_no(g["mon"]), int(g["d"])
        cue = (g.get("cue") or "").lower()
        mod = "until" if cue.startswith(UNTIL) else "since" if cue.startswith(SINCE) else None
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
        return [DateRef(s, e, t, "monthday", "day", None, mo, d, modifier=mod, weekday=_weekday_of(g))]
    if name in ("day_list", "day_list_numeric"):  # "am 20. und 21. November", "21./22. Oktober 2016", "14./15.10.2018": two days of one month
        mo, d1, d2 = (_month_no(g["mon"]) if name == "day_list" else int(g["m"])), int(g["d1"]), int(g["d2"])
        y = _year(g["y"]) if name == "day_list_numeric" and g.get("y") else int(g["y"]) if g.get("y") else None
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
        cue = (g.get("cue") or "").lower()  # none after a weekday: "Freitag, 15.02."
        mod = "until" if cue.startswith(UNTIL) else "since" if cue.startswith(SINCE) else None
        return [DateRef(s, e, t, "monthday", "day", None, mo, d, modifier=mod, weekday=_weekday_of(g))]
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
        # "vom 13. bis 15. Juli" -> "vom 13." and "bis 15. Juli"; "13. - 15. Juli" -> "13." and "15. Juli"
        end1 = m.start("sep")
        mid = end1 if g["sep"][:1].isalpha() else m.start("d2")
        return [
            DateRef(s, end1, text[s:end1].rstrip(), kind, "day", y, m1, d1, modifier="from"),
            DateRef(mid, e, text[mid:e], kind, "day", y, m2, d2, modifier="until"),
        ]
    if name == "month_year":
        mod = _modifier(g.get("cue"), "month_cues")
        return [DateRef(s, e, t, "absolute", "month", int(g["y"]), _month_no(g["mon"]), modifier=mod)]
    if name == "year_range":  # "2014 bis 2018", "2024-26" (the end in two digits: the same century)
        y1 = int(g["y"])
        y2 = int(g["y2"]) if g.get("y2") else (y1 // 100) * 100 + int(g["yy"])
        if g.get("yy"):
            mid = m.start("yy")
            return [
                DateRef(s, m.end("y"), text[s:m.end("y")], "year", "year", y1, modifier="from"),
                DateRef(mid, e, text[mid:e], "year", "year", y2, modifier="until"),
            ] if y2 > y1 else []
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
    if name == "this_year":  # "heuer": this year (Austrian and Bavarian)
        return [DateRef(s, e, t, "relyear", "year", offset=0)]
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
        unit = dates_words()["ago_units"][g["unit"].lower()]
        return [DateRef(s, e, t, "ago", unit, offset=-int(value), modifier=None)]
    if name == "weekday":
        if _in_name(text, s, e):
            return []  # "Welt am Sonntag" is a newspaper
        return [DateRef(s, e, t, "weekday", "day", offset=_direction(g.get("cue")), weekday=dates_words()["weekdays"][g["wd"].lower()])]
    if name == "month":
        if not g.get("cue") and not g.get("edge") and not g.get("dir"):
            return []  # a bare month name is too often a name ("August") or a heading
        mod = _edge_modifier(g.get("edge")) or _modifier(g.get("cue"), "month_cues")
        if g.get("dir"):  # "im kommenden März", "im vergangenen Mai", "diesen Juni"
            return [DateRef(s, e, t, "month_rel", "month", None, _month_no(g["mon"]), offset=_direction(g["dir"]), modifier=mod)]
        return [DateRef(s, e, t, "month", "month", None, _month_no(g["mon"]), modifier=mod)]
    if name == "relday":
        word = g["rel"].lower()
        if word in TODAY and not _heute_is_date(text, s, e):
            return []
        if g["rel"] in MORNING and _morning(text, s):
            return []
        return [DateRef(s, e, t, "relday", "day", offset=dates_words()["relative_days"][word])]
    return []


NAME_AFTER_RE = regex.compile(r"[ \t]+\p{Lu}\p{Ll}+")


def _given_name_before_name(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] is a given name ("Silvester", "Nikolaus") with a capitalised word after it."""
    return text[s:e] in first_names() and NAME_AFTER_RE.match(text, e) is not None


def _in_name(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] lies inside a name that holds a weekday ("Welt am Sonntag")."""
    window = text[max(0, s - 30):e].lower()
    return any(window.endswith(name) for name in dates_words()["names_with_weekday"])


def _heute_is_date(text: str, s: int, e: int) -> bool:
    """"heute" is today, except in "heute noch", "bis heute", "wie heute" (nowadays)."""
    lex = dates_words()
    after = regex.match(r"\s+(\p{L}+)", text[e:e + 30])
    if after and after.group(1).lower() in lex["heute_not_a_date_after"]:
        return False
    before = regex.search(r"(\p{L}+)\s+$", text[max(0, s - 30):s])
    if before and before.group(1).lower() in lex["heute_not_a_date_before"]:
        return False
    return True


def _morning(text: str, s: int) -> bool:
    before = regex.search(r"(\p{L}+)\s+$", text[max(0, s - 30):s])
    return bool(before and before.group(1).lower() in MORNING_BEFORE)
