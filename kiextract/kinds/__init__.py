"""The kinds of fact, each declared once in its own module: its type name, fields and their JSON
Schema, how `show` draws it and how `eval` compares it. `records` (the record model, CSV, SQLite
and Parquet columns), `schema.json`, `show`, `evaluate` and the docs table derive from `KINDS`.

Adding a kind: a module here with its `KIND`, and its name in `NAMES` (the order of facts' types
in the docs and in `eval`); a stage that finds it (components/) writes facts of that type.
"""
from __future__ import annotations

from importlib import import_module

from .base import SHARED_DEFS, Category, Field, Kind

NAMES = ("person", "organization", "location", "date", "money", "quantity", "measure", "percent", "duration", "contact")
KINDS: tuple[Kind, ...] = tuple(import_module(f".{name}", __name__).KIND for name in NAMES)
BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}

__all__ = ["BY_NAME", "KINDS", "NAMES", "SHARED_DEFS", "Category", "Field", "Kind", "fact_schema", "markdown_table"]


def fact_schema() -> dict:
    """The `fact` definition of schema.json: the base every fact has, then one branch per kind."""
    return {"allOf": [{"$ref": "#/$defs/base"}], "oneOf": [k.json_schema() for k in KINDS]}


def markdown_table() -> str:
    """The README's table of fact types, as the declarations say it."""
    def fields(kind: Kind) -> str:
        return ", ".join(f"`{f.name}`" + (f" {f.note}" if f.note else "") for f in kind.fields)

    rows = ["| type | value | fields |", "| --- | --- | --- |"]
    rows += [f"| `{k.name}` | {k.about} | {fields(k)} |" for k in KINDS]
    return "\n".join(rows)
