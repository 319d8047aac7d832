"""Resolve date references to ISO 8601: relative ones against the publication date (or the day
the text named before), and the --published option."""
from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from datetime import date, timedelta

import regex

from .find import find_dates
from ...lexicon.calendar import dates_words
from .refs import DateRef, _valid, holiday_on


def _nearest_year(month: int, day: int | None, pub: date, weekday: int | None = None) -> int:
    """The year that puts month (and day) nearest to the publication date; with the weekday the
    text gives the day ("Freitag, 18. Juli"), the nearest of the years in which it falls on it.

    >>> _nearest_year(7, 18, date(2013, 2, 12)), _nearest_year(7, 18, date(2013, 2, 12), weekday=4)
    (2013, 2014)
    """
    best, best_dist = pub.year, None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = date(y, month, day) if day else date(y, month, 15)
        except ValueError:  # 29 February of a common year
            d = date(y, month, 28)
        if weekday is not None and day and d.weekday() != weekday and d.day == day:
            continue
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
    if r.kind == "holiday":  # the nearest such day to the publication date
        rule = dates_words()["holidays"][r.holiday]
        days = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := holiday_on(rule, y)) is not None]
        return _fmt_day(min(days, key=lambda d: abs((d - pub).days))) if days else None
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
        y = _nearest_year(r.month, r.day, pub, r.weekday)
        return f"{y:04d}-{r.month:02d}-{r.day:02d}"
    if r.kind == "month":
        y = _nearest_year(r.month, None, pub)
        return f"{y:04d}-{r.month:02d}"
    if r.kind == "month_rel":  # the next or the last such month after or before this one, or this year's
        y = pub.year + (r.offset > 0 and r.month <= pub.month) - (r.offset < 0 and r.month >= pub.month)
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
