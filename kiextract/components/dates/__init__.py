"""ki_dates: the publication date and every calendar reference, normalised to ISO 8601.

find.py finds the references (refs.py says what each pattern's match means), resolve.py resolves
them against the publication date, published.py finds the date a text states for itself.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ...records import Published
from ..base import add_fact, doc_text, in_doc_locale, meta, skip_ranges, taken_ranges
from .find import find_dates
from .published import find_published
from .refs import DateRef
from .resolve import parse_iso, parse_published_option, resolve

__all__ = ["KEY", "DateRef", "DatesComponent", "find_dates", "find_published", "parse_iso", "parse_published_option", "resolve"]

KEY = "ki_dates"
YEAR_RE = re.compile(r"(?!0000)\d{4}(?!\d)")  # a value's year: 0001 to 9999, as JSON Schema and ISO 8601 want


class DatesComponent:
    @in_doc_locale
    def __call__(self, doc: Doc) -> Doc:
        info = meta(doc)
        doc.spans[KEY] = []
        skip = skip_ranges(doc) + taken_ranges(doc, "ki_contacts")
        refs = find_dates(doc_text(doc), skip)
        if info.published is None:  # no date from outside the text: its own date line, else the header
            found, ref = find_published(doc_text(doc), refs)
            header = Published(info.header_date, "header") if info.header_date else None
            chosen = Published.first(Published(found, "text") if found else None, header)
            if chosen is not None:
                info.published, info.published_from = chosen.value, chosen.source
        published = info.published
        pub = parse_iso(published) if published and len(published) == 10 else None
        if published and pub is None:
            info.warn(
                f"publication date {published} is not a day: relative dates are left unresolved"
            )
        anchor = None  # the last day the text named: "am Vortag", "bis Mittwoch" count from it
        previous: tuple[object, str | None] = (None, None)  # the last reference and its value
        for r in refs:
            try:
                value = resolve(r, pub, anchor)
                value = _not_before_start(r, value, *previous)
                if value is not None and not YEAR_RE.match(value):
                    raise ValueError(value)  # "vor neunhunderttausend Jahren": before the year 1
            except (OverflowError, ValueError):  # "vor 999999999 Tagen": no calendar date
                info.warn(
                    f"date {doc_text(doc)[r.start:r.end][:60]!r} at {r.start}-{r.end} is out of the calendar's range: no fact"
                )
                continue
            add_fact(doc, KEY, "date", r.start, r.end, value, grain=r.grain, relative=r.relative, modifier=r.modifier, part=r.part)
            if value and r.grain in ("day", "minute", "second"):
                anchor = parse_iso(value[:10]) or anchor
            previous = (r, value)
        return doc


def _not_before_start(r, value: str | None, start_ref, start_value: str | None) -> str | None:
    """The end of a range whose year the text leaves open never lies before its start: "vom 28.
    Dezember bis 3. Januar" ends in the next year, whatever the publication date."""
    if not value or not start_value or r.modifier != "until" or getattr(start_ref, "modifier", None) != "from":
        return value
    if r.kind not in ("monthday", "month") or len(value) != len(start_value) or value >= start_value:
        return value
    return f"{int(value[:4]) + 1:04d}{value[4:]}"
