"""What every stage shares: writing a fact with its span, and the ranges a stage must skip."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

FACTS_KEY = "kiextract.facts"
META_KEY = "kiextract.meta"


def add_fact(doc: Doc, key: str, type_: str, start: int, end: int, value: Any, label: str | None = None, **fields: Any) -> dict:
    """Record a fact found by stage `key` over doc.text[start:end] and add its span to doc.spans[key].

    The fact dict is what `kiextract.document.doc_to_record` turns into a `Fact`; stages further
    down the pipeline may read it (the roles stage adds to person facts)."""
    fact = {"type": type_, "start": start, "end": end, "value": value, **fields}
    doc.user_data.setdefault(FACTS_KEY, {}).setdefault(key, []).append(fact)
    span = doc.char_span(start, end, label=label or type_, alignment_mode="expand")
    if span is not None:
        group = doc.spans[key]
        group.append(span)
    return fact


def facts(doc: Doc, key: str) -> list[dict]:
    """The facts stage `key` recorded on `doc` (empty when it found none or did not run)."""
    return doc.user_data.get(FACTS_KEY, {}).get(key, [])


def doc_text(doc: Doc) -> str:
    """The Doc's text, computed once (spaCy builds `doc.text` from the tokens on every access)."""
    info = meta(doc)
    text = info.get("text")
    if text is None:
        text = info["text"] = doc.text
    return text


def meta(doc: Doc) -> dict:
    """Per-document settings and findings: `published` (override), `source`, `warnings`, ..."""
    return doc.user_data.setdefault(META_KEY, {})


def skip_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges no stage takes facts from: boilerplate blocks that are not the article."""
    return meta(doc).get("skip", [])


def taken_ranges(doc: Doc, *keys: str) -> list[tuple[int, int]]:
    """Character ranges already claimed by the facts of the stages `keys` (e.g. contacts, dates)."""
    return [(f["start"], f["end"]) for k in keys for f in facts(doc, k)]
