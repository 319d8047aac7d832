"""The calendar's words (dates_de.json): months, weekdays, holidays, relative words and the cues
of the date patterns."""
from __future__ import annotations

from functools import cache

from ..textutil import load_json


@cache
def dates_words() -> dict:
    return load_json("dates_de.json")


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names, lower-cased (for other stages that must not take them as nouns)."""
    lex = dates_words()
    return frozenset(lex["months"]) | frozenset(lex["weekdays"])
