"""The JSON Schema of a kiextract document, built from the record model and the kinds'
declarations. `kiextract/data/schema.json` is its output (a test checks that they agree):

    python -m kiextract.schema > kiextract/data/schema.json
"""
from __future__ import annotations

import json
from typing import Any

from .kinds import SHARED_DEFS, fact_schema
from .locales import LOCALES
from .records import DOCUMENT_FIELDS, PUBLISHED_FROM, SCHEMA

STRING_OR_NULL = {"type": ["string", "null"]}

# The document's own keys (the facts' come from the kinds), in DOCUMENT_FIELDS order.
DOCUMENT_PROPERTIES: dict[str, Any] = {
    "schema": {"const": SCHEMA},
    "source": {"type": "string"},
    "sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$", "description": "of the text; null for an input that could not be read (its error says why)"},
    "title": STRING_OR_NULL,
    "author": {**STRING_OR_NULL, "description": "the web page's or record's author, else null"},
    "site": {**STRING_OR_NULL, "description": "the web page's site name, else null"},
    "url": {**STRING_OR_NULL, "description": "the web page's canonical URL or the record's url, else null"},
    "published": {**STRING_OR_NULL, "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
    "published_from": {"enum": [*PUBLISHED_FROM, None], "description": "where published came from"},
    "locale": {"enum": [*LOCALES, None], "description": "the locale the text was read in (--locale, else found in the text); null for an input that could not be read"},
    "chars": {"type": "integer", "minimum": 0},
    "error": {**STRING_OR_NULL, "description": "why the input could not be read or a stage failed on it (its facts are then empty), else null"},
    "facts": {"type": "array", "items": {"$ref": "#/$defs/fact"}},
    "warnings": {"type": "array", "items": {"type": "string"}},
    "text": {**STRING_OR_NULL, "description": "with --with-text: the text the offsets refer to, else null"},
}


def json_schema() -> dict:
    """The whole JSON Schema (draft 2020-12) of one document."""
    assert tuple(DOCUMENT_PROPERTIES) == DOCUMENT_FIELDS
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://kiextract.invalid/schema/{SCHEMA.replace('/', '-')}.json",
        "title": f"{SCHEMA} document",
        "description": "The facts kiextract found in one article. See docs/schema.md.",
        "type": "object",
        "additionalProperties": False,
        "required": list(DOCUMENT_FIELDS),
        "properties": DOCUMENT_PROPERTIES,
        "$defs": {**SHARED_DEFS, "fact": fact_schema()},
    }


if __name__ == "__main__":
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
