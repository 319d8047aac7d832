"""Find the parts of a scraped text that are not the article: ad blocks, teasers, tickers."""
from __future__ import annotations

import regex

from ..textutil import load_lines

LINE_RE = regex.compile(r"[^\n]*\n?")
# A metadata header some scrapers put before the text: " date 2017-08 ..."
HEADER_RE = regex.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s+")
TRACKING_URL_RE = regex.compile(r"^\s*https?://\S+[?/]\S*\s*$")


def _markers() -> frozenset[str]:
    return frozenset(m.casefold() for m in load_lines("boilerplate_markers.txt"))


def find_boilerplate(text: str) -> list[tuple[int, int, str]]:
    """(start, end, marker) of every block that is not the article.

    A marker line in the second half of the text starts trailing boilerplate that runs to the end;
    earlier, it starts an inline block that runs to the next blank line.

    >>> text = "Der Text.\\n" * 5 + "Anzeige\\nhttp://x.de/a?b=1\\nTeaser\\n"
    >>> find_boilerplate(text)
    [(50, 83, 'Anzeige')]
    """
    markers = _markers()
    out: list[tuple[int, int, str]] = []
    n = len(text)
    lines = [(m.start(), m.end(), m.group()) for m in LINE_RE.finditer(text) if m.end() > m.start()]
    i = 0
    while i < len(lines):
        start, end, line = lines[i]
        stripped = line.strip()
        if stripped.casefold() in markers:
            if start >= n / 2:
                out.append((start, n, stripped))
                break
            j = i + 1
            block_end = end
            while j < len(lines) and lines[j][2].strip():
                block_end = lines[j][1]
                j += 1
            out.append((start, block_end, stripped))
            i = j
            continue
        if TRACKING_URL_RE.match(line) and i + 1 < len(lines) and start >= n / 2 and "?" in stripped:
            out.append((start, end, "tracking link"))
        i += 1
    return out


KEY = "ki_boilerplate"


class BoilerplateComponent:
    """ki_boilerplate: marks the blocks every later stage skips and notes them as warnings."""

    def __call__(self, doc):
        from .base import doc_text, meta

        info = meta(doc)
        blocks = find_boilerplate(doc_text(doc))
        info.skip = [(s, e) for s, e, _ in blocks]
        header = HEADER_RE.match(doc_text(doc))
        if header:
            info.header_date = header.group(1)
            info.skip.append((0, header.end()))
        doc.spans[KEY] = []
        for s, e, marker in blocks:
            span = doc.char_span(s, e, label="boilerplate", alignment_mode="expand")
            if span is not None:
                doc.spans[KEY].append(span)
            info.warn(
                f"skipped {e - s} characters at {s}-{e} that are not the article (block starting with {marker!r})"
            )
        return doc
