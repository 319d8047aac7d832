"""What every stage shares: the Doc's kiextract state, writing a fact with its span, and the ranges
a stage must skip.

The state a stage leaves on a Doc is data, never objects, so that `doc.to_bytes()` round-trips and
`nlp.pipe(..., n_process=2)` works:

- `doc.spans["ki_<stage>"]`: one span per fact (or sub-fact) the stage found, token-aligned;
- `doc._.ki_facts`: `{stage key: [fact, ...]}`, each fact a dict of plain values (str, int,
  float, bool, None, lists and dicts of them) with its exact character offsets: `type`, `start`,
  `end`, `value` and the fields of its type (`records.FACT_FIELDS`); keys starting with `_` are
  working notes for later stages (a person's gender) that never reach the record. Every sub-fact
  (a role, a party, an age, a purpose) is a `part()`: `{"text", "start", "end"}` found where it was
  found, so that `text == doc.text[start:end]` holds for all of them;
- `doc._.ki_meta`: per-document settings and findings, read and written through `meta(doc)`, a
  `DocMeta` (typed; the values are plain data in `doc.user_data`).

Derived helpers that are costly to build (the entity stage's token view) live in `scratch(doc)`,
a cache outside the Doc that is rebuilt when absent and never serialised.
"""
from __future__ import annotations

import weakref
from typing import Any

from spacy.tokens import Doc

FACTS_KEY = "kiextract.facts"
META_KEY = "kiextract.meta"


def _facts_getter(doc: Doc) -> dict:
    return doc.user_data.setdefault(FACTS_KEY, {})


def _meta_getter(doc: Doc) -> dict:
    return doc.user_data.setdefault(META_KEY, {})


# Registered so that components can declare what they `assigns` and `requires` (spaCy's
# `nlp.analyze_pipes()` shows it); the values live in `doc.user_data`, which `to_bytes` keeps.
Doc.set_extension("ki_facts", getter=_facts_getter, force=True)
Doc.set_extension("ki_meta", getter=_meta_getter, force=True)

_SCRATCH: "weakref.WeakKeyDictionary[Doc, dict]" = weakref.WeakKeyDictionary()


def part(text: str, start: int, end: int) -> dict:
    """A sub-fact's place in the text: `{"text", "start", "end"}` with `text == text[start:end]`.

    >>> part("Landrat Stephan Pusch (CDU)", 23, 26)
    {'text': 'CDU', 'start': 23, 'end': 26}
    """
    return {"text": text[start:end], "start": start, "end": end}


def add_fact(doc: Doc, key: str, type_: str, start: int, end: int, value: Any, label: str | None = None, **fields: Any) -> dict:
    """Record a fact found by stage `key` over doc.text[start:end] and add its span to doc.spans[key].

    The fact dict is what `kiextract.document.doc_to_record` turns into a `Fact`; stages further
    down the pipeline may read it (the roles stage adds to person facts)."""
    fact = {"type": type_, "start": start, "end": end, "value": value, **fields}
    doc._.ki_facts.setdefault(key, []).append(fact)
    add_span(doc, key, start, end, label or type_)
    return fact


def add_span(doc: Doc, key: str, start: int, end: int, label: str) -> None:
    """Add the token-aligned span over [start, end) to doc.spans[key] (nothing if it has no token)."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None:
        doc.spans[key].append(span)


def facts(doc: Doc, key: str) -> list[dict]:
    """The facts stage `key` recorded on `doc` (empty when it found none or did not run)."""
    return doc._.ki_facts.get(key, [])


def doc_text(doc: Doc) -> str:
    """The Doc's text, computed once (spaCy builds `doc.text` from the tokens on every access)."""
    cache = scratch(doc)
    text = cache.get("text")
    if text is None:
        text = cache["text"] = doc.text
    return text


class _Key:
    """One key of `DocMeta`: read from the Doc's meta dict (its default when absent), written to it."""

    def __init__(self, default=None, factory=None) -> None:
        self.default, self.factory = default, factory

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        data = obj.data
        if self.name not in data:
            if self.factory is None:
                return self.default
            data[self.name] = self.factory()
        return data[self.name]

    def __set__(self, obj, value) -> None:
        obj.data[self.name] = value


class DocMeta:
    """Per-document settings and findings, as the stages read and write them. The values live in
    `doc.user_data` as plain data (lists, strings), so that `doc.to_bytes()` keeps them."""

    __slots__ = ("data",)

    source: str | None = _Key()
    # the publication date and where it came from (records.PUBLISHED_FROM): given before the text is
    # read (the flag, a record's or page's date), else found by the dates stage
    published: str | None = _Key()
    published_from: str | None = _Key()
    warnings: list[str] = _Key(factory=list)
    skip: list[tuple[int, int]] = _Key(factory=list)  # ranges no stage takes facts from (boilerplate)
    header_date: str | None = _Key()  # a scraper header's date (" date 2017-08")
    credits: list[tuple[int, int, str, int]] = _Key(factory=list)
    locale: str | None = _Key()  # de-DE, de-AT, de-CH: given (--locale), else found by ki_locale
    url: str | None = _Key()  # a web page's or record's URL (its domain is a locale's cue)  # (start, end, byline|credit, line start) of bylines and photo credits

    def __init__(self, data: dict) -> None:
        self.data = data

    def warn(self, message: str) -> None:
        self.warnings.append(message)


def in_doc_locale(call):
    """A stage's `__call__` that reads the words of the Doc's locale (locales.using)."""
    import functools

    from ..locales import using

    @functools.wraps(call)
    def wrapped(self, doc: Doc) -> Doc:
        with using(DocMeta(doc._.ki_meta).locale):
            return call(self, doc)

    return wrapped


def meta(doc: Doc) -> DocMeta:
    """The Doc's settings and findings (`DocMeta`)."""
    return DocMeta(doc._.ki_meta)


def scratch(doc: Doc) -> dict:
    """A cache of derived helpers for `doc` shared by the stages of one process (not state: it is
    never serialised, and whatever is in it can be rebuilt from the Doc)."""
    cache = _SCRATCH.get(doc)
    if cache is None:
        cache = _SCRATCH[doc] = {}
    return cache


def skip_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges no stage takes facts from: boilerplate blocks that are not the article."""
    return [tuple(r) for r in meta(doc).skip]


def taken_ranges(doc: Doc, *keys: str) -> list[tuple[int, int]]:
    """Character ranges already claimed by the facts of the stages `keys` (e.g. contacts, dates)."""
    return [(f["start"], f["end"]) for k in keys for f in facts(doc, k)]
