"""The calendar's words (dates_de.json): months, weekdays, holidays, relative words and the cues
of the date patterns."""
from __future__ import annotations

from functools import cache

from ..locales import DEFAULT, data_json


def dates_words() -> dict:
    """dates_de.json with the overlay of the locale being read (a holiday's date is a country's)."""
    return data_json("dates_de.json")


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names, lower-cased (for other stages that must not take them as nouns)."""
    lex = data_json("dates_de.json", DEFAULT)
    return frozenset(lex["months"]) | frozenset(lex["weekdays"])
