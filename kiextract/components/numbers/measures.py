"""Measures: a count of a unit of measure ("85 Meter") becomes a measure with its normalised unit;
points and scores are no fact."""
from __future__ import annotations

import dataclasses
from functools import cache

import regex

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


@cache
def _symbol_re() -> tuple[regex.Pattern, dict[str, str]]:
    symbols = {k: v for k, v in lexicon()["measure_symbols"].items() if not k.startswith("_")}
    alternatives = "|".join(regex.escape(k) for k in sorted(symbols, key=len, reverse=True))
    return regex.compile(rf"[ \u00a0\u202f]?({alternatives})(?![\p{{L}}\p{{N}}²³])"), symbols


def measure_symbol(text: str, end: int) -> tuple[int, str] | None:
    """The unit symbol right after a number that ends at `end` ("35 °C", "120 km/h", "4.050 m²",
    "2,5 GWh"), as (its end, the normalised unit), or None (numbers_de.json measure_symbols).

    >>> measure_symbol("bei 35 °C im Schatten", 6), measure_symbol("120 km/h", 3), measure_symbol("12 kmh", 2)
    ((9, '°C'), (8, 'km/h'), None)
    """
    pattern, symbols = _symbol_re()
    m = pattern.match(text, end)
    return (m.end(), symbols[m.group(1)]) if m else None
