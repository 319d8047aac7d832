"""Small pure helpers shared by the stages: data-file loading and character ranges."""
from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources
from typing import Iterable

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


def overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """True when [start, end) shares a character with any of `ranges`.

    >>> overlaps(5, 10, [(0, 6)])
    True
    >>> overlaps(5, 10, [(10, 12)])
    False
    """
    return any(start < e and s < end for s, e in ranges)
