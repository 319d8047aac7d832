"""Durations: a number and a unit of time ("drei Jahre", "zwei magere Jahre", "48 Stunden");
"38 Jahre alt" is an age, no duration."""
from __future__ import annotations

from .parse import lexicon, round_value
from .tokens import NumberFact, Tok

AGE_WORDS = ("alt", "alte", "alter", "altes", "alten", "altem")


def duration_unit(tok: Tok) -> str | None:
    """The normalised unit of time a word names ("Jahren" -> "Jahr"), or None."""
    return lexicon()["duration_units"].get(tok.low)


def is_age(rest: list[Tok]) -> bool:
    """"38 Jahre alt": the unit of time is followed by "alt"."""
    return len(rest) > 1 and rest[1].low in AGE_WORDS


def duration(start: int, end: int, value: float, unit: str, qualifier: str | None, scale: float) -> NumberFact:
    return NumberFact("duration", start, end, round_value(value), {"unit": unit, "qualifier": qualifier}, scale=scale, factor=scale)
