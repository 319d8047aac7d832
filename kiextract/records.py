"""The record model of schema "kiextract/1": frozen dataclasses with `to_dict()` in documented order.

See docs/schema.md for the contract; `kiextract/data/schema.json` is its JSON Schema.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "kiextract/1"

FACT_TYPES = (
    "person",
    "organization",
    "location",
    "date",
    "money",
    "quantity",
    "percent",
    "duration",
    "contact",
)

# The type-specific keys of each fact type, in the order they are written.
FACT_FIELDS: dict[str, tuple[str, ...]] = {
    "person": ("roles", "party", "age", "mentions"),
    "organization": ("abbr", "mentions"),
    "location": ("abbr", "mentions"),
    "date": ("grain", "relative", "modifier"),
    "money": ("unit", "about", "period", "qualifier"),
    "quantity": ("unit", "qualifier"),
    "percent": ("about", "qualifier"),
    "duration": ("unit", "qualifier"),
    "contact": ("kind",),
}


@dataclass(frozen=True)
class Fact:
    """One fact: its type, the exact source text and offsets, the normalised value, type fields."""

    type: str
    text: str
    start: int
    end: int
    value: Any
    fields: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
        }
        for key in FACT_FIELDS[self.type]:
            out[key] = self.fields.get(key)
        return out


@dataclass(frozen=True)
class Document:
    """The facts of one input document."""

    source: str
    sha256: str
    title: str | None
    published: str | None
    chars: int
    facts: tuple[Fact, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": self.source,
            "sha256": self.sha256,
            "title": self.title,
            "published": self.published,
            "chars": self.chars,
            "facts": [f.to_dict() for f in self.facts],
            "warnings": list(self.warnings),
        }
