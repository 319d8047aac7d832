"""The publication date a text states: a date line near the top, a byline date, a dateline."""
from __future__ import annotations

from functools import cache

import regex

from ...lexicon import places
from ...lexicon.calendar import dates_words
from .refs import DateRef

DATE_LINE_BEFORE_RE = regex.compile(r"^\s*[,|–—-]?\s*$")
DATE_LINE_AFTER_RE = regex.compile(r"^\s*(?:$|[|/–—-]|:\d\d|,\s*\p{Lu})")
TODAY_RE = regex.compile(dates_words()["grammar"]["parts"]["today_line"])  # "Am heutigen Dienstag, 9.10.2007"
PLACE_DEN_RE = regex.compile(dates_words()["grammar"]["parts"]["place_den"])  # "Magdeburg, den 10. Januar 2008"
CLOCK_WORD = dates_words()["words"]["clock"][0]


def _is_place(name: str) -> bool:
    return name in places()


DATELINE_RE = regex.compile(r"^\s*\p{Lu}[\p{L}.-]*(?:[ /]\p{Lu}?[\p{L}.-]+){0,3}\s*[,(]\s*$")
BYLINE_RE = regex.compile(dates_words()["grammar"]["parts"]["byline"])  # "Von Paul Kieras, 14.08.2017"


WEAK_CUES = tuple(dates_words()["words"]["weak_published_cues"])  # "Schreiben vom 3. Mai": no label of the text's own date
OPENING_LINES = 6  # the lines of title, kicker and blank lines before an article's first paragraph
SIGNED_RE = regex.compile(r"[.!?“\"]\s+\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}\s*$")  # "… eingetreten. Mathias Frei "
PUBLISHED_WITHIN = 20_000  # the publication date stands near the top: no further than this
LINE_WINDOW = 300


def find_published(text: str, refs: list[DateRef]) -> tuple[str | None, DateRef | None]:
    """The publication date the text states, and the reference it came from: a date near the top
    that stands on its own line (with weekday or time), follows a byline ("Von Paul Kieras,
    14.08.2017") or a cue ("Meldung vom", "Stand:").
    """
    limit = min(max(1500, len(text) // 4), PUBLISHED_WITHIN)
    cues = dates_words()["published_cues"]
    labelled = _labelled(text, refs, limit)  # "Datum\n11.05.2025" wins over an event's date line above it
    if labelled is not None:
        return f"{labelled.year:04d}-{labelled.month:02d}-{labelled.day:02d}", labelled
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
        alone = not regex.search(r"\p{L}{3,}", before + after.replace(CLOCK_WORD, ""))
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
        # a paragraph near the top that opens with the date: "28/08/14 Merklich gelöst, …"
        opening = not before.strip() and text[:line_start].count("\n") <= OPENING_LINES
        # the author's name and the date closing the first paragraph: "… eingetreten. Mathias Frei 30.04.2021, 04.30 Uhr"
        signed = bool(SIGNED_RE.search(before)) and not regex.search(r"\p{L}{3,}", after.replace(CLOCK_WORD, ""))
        if alone or byline or cue or dateline or separated or first_line or today or place_den or opening or signed:
            return f"{r.year:04d}-{r.month:02d}-{r.day:02d}", r
    return None, None


def _labelled(text: str, refs: list[DateRef], limit: int) -> DateRef | None:
    """The first day near the top that a publication cue labels ("Veröffentlicht am 14.11.2016",
    "Datum: 11.05.2025", "Stand\n03.05.2021"): on its line or on the line before; not the weak
    cue "vom" ("Meldung vom" counts in the second pass)."""
    label = _label_re()
    for r in refs:
        if r.start > limit:
            break
        if r.kind == "absolute" and r.grain in ("day", "minute", "second") and label.search(text, max(0, r.start - 40), r.start):
            return r
    return None


@cache
def _label_re() -> regex.Pattern:
    """A publication cue at the end of what stands before a date: "Datum:", "Veröffentlicht am"."""
    cues = [c for c in dates_words()["published_cues"] if c not in WEAK_CUES]
    joiners = "|".join(regex.escape(w) for w in dates_words()["words"]["published_cue_joiners"])
    return regex.compile(r"(?i)(?:^|\n)[^\n]{0,20}\b(?:" + "|".join(regex.escape(c) for c in cues) + r")\b\W{0,3}(?:(?:" + joiners + r")\s+)?\s*$")
