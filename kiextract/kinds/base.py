"""What a fact kind declares: its name, fields and their JSON Schema, how `show` draws it and how
`eval` compares it. Pure: no spaCy, no I/O; the other modules derive their tables from these."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

# -- JSON Schema fragments the kinds share (named in schema.json's $defs) -------------------------
PART_OR_NULL = {"$ref": "#/$defs/part_or_null"}
MENTIONS = {"$ref": "#/$defs/mentions"}
QUALIFIER = {"$ref": "#/$defs/qualifier"}
STRING_OR_NULL = {"type": ["string", "null"]}
NUMBER = {"type": "number"}
QUALIFIERS = (None, "approx", "more_than", "less_than", "at_least", "at_most", "almost")
SHARED_DEFS: dict[str, Any] = {
    "mention": {
        "type": "object", "additionalProperties": False, "required": ["start", "end", "text"],
        "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}, "text": {"type": "string"}},
    },
    "mentions": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/mention"}},
    "qualifier": {"enum": list(QUALIFIERS)},
    "base": {
        "type": "object", "required": ["type", "text", "start", "end", "value"],
        "properties": {"text": {"type": "string", "minLength": 1}, "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 1}},
    },
    "part": {
        "type": "object", "additionalProperties": False, "required": ["text", "start", "end"],
        "properties": {"text": {"type": "string", "minLength": 1}, "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 1}},
    },
    "part_or_null": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/part"}]},
}


@dataclass(frozen=True)
class Field:
    """A field of a fact kind beside `type`, `text`, `start`, `end` and `value`."""

    name: str
    schema: dict
    nested: bool = False  # a list or an object: no scalar column in CSV, SQLite and Parquet
    integer: bool = False  # a whole number: an integer column in SQLite and Parquet
    note: str = ""  # said after its name in the docs table ("(ISO 4217)")


@dataclass(frozen=True)
class Category:
    """One category `kiextract eval` scores, from a kind's facts (or the record) and the gold file.

    `how`: "set" (each distinct item once), "loose" (names: equal, or one inside the other and at
    least half its length), "value" (by value, an identical value written identically once),
    "roles" (same person and the gold title equals the title or stands in the role's text)."""

    name: str
    how: str
    of_fact: Callable[[dict], list] | None = None  # the items one fact claims
    of_record: Callable[[dict], list] | None = None  # or the items of the record (published)
    of_gold: Callable[[dict], list] = lambda gold: []


@dataclass(frozen=True)
class Kind:
    """One kind of fact, declared once."""

    name: str  # the `type` of its facts
    about: str  # what its value is (the docs table)
    value: dict  # JSON Schema of `value`
    fields: tuple[Field, ...]
    label: str  # German name in `show` ("Geld")
    style: str  # terminal style in `show`; it underlines too, so that NO_COLOR still shows it
    colour: str  # HTML background in `show`
    rank: int  # its fields' place among the CSV and SQLite columns (amounts first)
    details: Callable[[dict], list[str]] = lambda fact: [str(fact.get("value"))]  # `show`'s one-line description
    categories: tuple[Category, ...] = ()
    schema_comment: str | None = None
    field_names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "field_names", tuple(f.name for f in self.fields))

    def json_schema(self) -> dict:
        """This kind's branch of the fact schema (`oneOf` in schema.json)."""
        props = {"type": {"const": self.name}, "value": self.value, **{f.name: f.schema for f in self.fields}}
        out: dict[str, Any] = {"properties": props, "required": list(self.field_names), "additionalProperties": False}
        if self.schema_comment:
            out["$comment"] = self.schema_comment
        out["patternProperties"] = {"^(type|text|start|end|value)$": True}
        return out


# -- comparing with gold ------------------------------------------------------------------------------

def fold(text: Any) -> str:
    """A string for comparing: NFC, case-folded, one leading "Dr." or "Prof." and surrounding
    punctuation removed, spaces collapsed.

    >>> fold("Dr. Anna  Berg. ")
    'anna berg'
    """
    s = unicodedata.normalize("NFC", str(text)).casefold()
    s = re.sub(r"^(?:dr\.|prof\.)\s+", "", s)
    return re.sub(r"\s+", " ", s).strip(" .,;:")


def number(value: Any) -> float | None:
    """A value rounded to one decimal for comparing, or None."""
    try:
        return round(float(value), 1)
    except (TypeError, ValueError):
        return None


def by_value(fact: dict) -> list:
    """A number fact as compared: (value, its text)."""
    return [(number(fact.get("value")), fold(fact.get("text", "")))]


def gold_by_value(key: str) -> Callable[[dict], list]:
    return lambda gold: [(number(q["value"]), fold(q.get("text", ""))) for q in gold.get(key, [])]


def amount_details(fact: dict) -> list[str]:
    """"365000 EUR · Förderung": the value with its unit and what it is for."""
    head = str(fact.get("value")) + (f" {fact['unit']}" if fact.get("unit") else "")
    return [head, fact.get("about") or ""]


def name_details(fact: dict) -> list[str]:
    """An organisation's or place's name and its abbreviation, where it differs."""
    parts = [str(fact.get("value"))]
    if fact.get("abbr") and fact["abbr"] != fact.get("value"):
        parts.append(fact["abbr"])
    return parts
