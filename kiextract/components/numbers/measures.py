"""Measures: a count of a unit of measure ("85 Meter") becomes a measure with its normalised unit;
points and scores are no fact."""
from __future__ import annotations

import dataclasses

from .parse import lexicon
from .tokens import NumberFact


def _measure_or_count(f: NumberFact) -> NumberFact | None:
    """A count of a unit of measure ("85 Meter", "2,5 Gigawattstunden") is a `measure` with a
    normalised unit; points and scores ("elf Punkte") are no fact; other counts stay."""
    if f.type != "quantity":
        return f
    unit = (f.fields.get("unit") or "").lower()
    last = unit.rsplit("-", 1)[-1]
    lex = lexicon()
    if last in lex["score_nouns"]:
        return None  # "elf Punkte", "250 ATP-Punkte"; not "zwei Stützpunkte"
    symbol = lex["measure_units"].get(unit) or lex["measure_units"].get(last) or lex["measure_units"].get(last.removesuffix("s"))
    if symbol is None:
        return f
    return dataclasses.replace(f, type="measure", fields={"unit": symbol, "qualifier": f.fields.get("qualifier")})
