"""Small pure helpers shared by the stages: data-file loading and character ranges."""
from __future__ import annotations

import bisect
import json
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Iterable, Iterator

DATA = resources.files("kiextract") / "data"


def data_path(name: str):
    """The packaged data file `name` (a Traversable; `str()` of it is a path for installs from disk)."""
    return DATA / name


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Entries of a one-per-line data file, without blank lines and `#` comments, NFC."""
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(unicodedata.normalize("NFC", line))
    return tuple(out)


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file without its header line and `#` comments."""
    lines = [
        line for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return tuple(tuple(unicodedata.normalize("NFC", c) for c in line.split("\t")) for line in lines[1:])


@cache
def load_json(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@cache
def number_blockers() -> frozenset[str]:
    """Words before a number that make it a label ("Nr.", "Seite", "Tel."), lower case."""
    return frozenset(w.lower() for w in load_lines("number_blockers.txt"))


@cache
def street_suffixes() -> tuple[str, ...]:
    """Endings of street names ("straße", "platz"), longest first."""
    return tuple(sorted(load_lines("street_suffixes.txt"), key=len, reverse=True))


def overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """True when [start, end) shares a character with any of `ranges` (a `Ranges` answers in
    logarithmic time; any other iterable is scanned).

    >>> overlaps(5, 10, [(0, 6)])
    True
    >>> overlaps(5, 10, [(10, 12)])
    False
    """
    if isinstance(ranges, Ranges):
        return ranges.hits(start, end)
    return any(start < e and s < end for s, e in ranges)


class Ranges:
    """A growing set of character ranges, kept as their sorted, merged union: `hits` asks whether
    a range shares a character with any of them in logarithmic time, so that a stage checking
    each new match against all earlier ones stays linear in the text (a list scan made 100 KB of
    names joined by "und" take over a minute).

    >>> r = Ranges([(0, 5)]); r.append((10, 12)); r.append((4, 8))
    >>> list(r), r.hits(8, 10), r.hits(7, 9), r.hits(11, 20)
    ([(0, 8), (10, 12)], False, True, True)
    """

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(ranges):
            self.append((s, e))

    def append(self, rng: tuple[int, int]) -> None:
        s, e = rng
        if e <= s:
            return
        starts, ends = self.starts, self.ends
        if not starts or s > ends[-1]:  # the usual case: ranges come in text order
            starts.append(s)
            ends.append(e)
            return
        i = bisect.bisect_left(ends, s)  # the first range that ends at or after s
        j = bisect.bisect_right(starts, e)  # ranges from i to j-1 touch [s, e)
        if i < j:
            s, e = min(s, starts[i]), max(e, ends[j - 1])
        starts[i:j] = [s]
        ends[i:j] = [e]

    def extend(self, ranges: Iterable[tuple[int, int]]) -> None:
        for rng in ranges:
            self.append(rng)

    def hits(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.ends, start)  # the first range that ends after start
        return i < len(self.starts) and self.starts[i] < end and start < end

    def __iter__(self):
        return iter(zip(self.starts, self.ends))

    def __len__(self) -> int:
        return len(self.starts)


@cache
def _words() -> dict:
    return load_json("words_de.json")


def words_frozenset(key: str) -> frozenset[str]:
    """A word set of words_de.json (the German vocabulary the rules read)."""
    return frozenset(_words()[key]["words"])


def words_tuple(key: str) -> tuple[str, ...]:
    """A word list of words_de.json in its order (endings tried with str.endswith)."""
    return tuple(_words()[key]["words"])


def words_pattern(key: str) -> str:
    """A regular expression of words_de.json (an entry with a "pattern" instead of "words")."""
    return _words()[key]["pattern"]


def words_map(key: str) -> dict[str, str]:
    """A word list of words_de.json written as "key=value" pairs, as a dict."""
    return dict(w.split("=", 1) for w in _words()[key]["words"])


def json_lines(lines: Iterable[str]) -> Iterator[tuple[int, object, str | None]]:
    """(line number, object, None) for each non-blank line of JSON Lines, or (line number, None,
    "invalid JSON (…)") for a line that is not JSON: the caller names its file and goes on or stops."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line), None
        except json.JSONDecodeError as exc:
            yield n, None, f"invalid JSON ({exc.msg} at column {exc.colno})"
        except RecursionError:
            yield n, None, "invalid JSON (nested deeper than a record can be)"


# Characters that steer a terminal (C0/C1 controls, bidirectional overrides): shown escaped.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    r"""`text` safe to print on a terminal: control characters and bidi overrides as escapes.

    >>> print(printable("Titel\x1b[31m rot\u202e"))
    Titel\x1b[31m rot\u202e
    """
    return CONTROL_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def printable_with_offsets(text: str) -> tuple[str, list[int]]:
    r"""`printable(text)` with where each offset of `text` went (a list of len(text) + 1), so that
    spans of the text can be drawn on it; the carriage return of a Windows line end goes.

    >>> printable_with_offsets("a\x1bb\r\nc")
    ('a\\x1bb\nc', [0, 1, 5, 6, 6, 7, 8])
    """
    if not CONTROL_RE.search(text):
        return text, list(range(len(text) + 1))
    out, where, at = [], [], 0
    for k, ch in enumerate(text):
        where.append(at)
        if ch == "\r" and text[k + 1:k + 2] == "\n":
            continue
        piece = printable(ch)
        out.append(piece)
        at += len(piece)
    where.append(at)
    return "".join(out), where
