"""The record model of schema "kiextract/5": frozen dataclasses with `to_dict()` in documented order.

See docs/schema.md for the contract; `kiextract/data/schema.json` is its JSON Schema (written by
`python -m kiextract.schema`). The facts' fields come from the kinds' declarations (kinds/); the
CSV writer, the SQLite store and Parquet take them from `FACT_FIELDS`, `SCALAR_FIELDS` and
`DOCUMENT_FIELDS`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .kinds import KINDS, NAMES
from .kinds.person import ROLE_FIELDS  # noqa: F401  (re-exported: the roles stage writes them)

SCHEMA = "kiextract/5"

FACT_TYPES: tuple[str, ...] = NAMES
# The type-specific keys of each fact type, in the order they are written.
FACT_FIELDS: dict[str, tuple[str, ...]] = {k.name: k.field_names for k in KINDS}
# Keys every fact has, before the fields of its type.
BASE_FIELDS = ("type", "text", "start", "end", "value")
# A sub-fact's place in the text (`party_span`, `age_span`, `about_span`, a mention).
PART_FIELDS = ("text", "start", "end")
# Fields whose value is a list or object (the others are scalars: SQLite and CSV columns).
NESTED_FIELDS = frozenset(f.name for k in KINDS for f in k.fields if f.nested)
# Every type field once (the CSV columns after the base fields), in the kinds' column rank: amounts first.
ALL_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(f.name for k in sorted(KINDS, key=lambda k: k.rank) for f in k.fields))
SCALAR_FIELDS: tuple[str, ...] = tuple(k for k in ALL_FIELDS if k not in NESTED_FIELDS)
# Scalar fields that are whole numbers (an integer column in SQLite and Parquet); the others are text.
INTEGER_FIELDS = frozenset(f.name for k in KINDS for f in k.fields if f.integer)
DOCUMENT_FIELDS = (
    "schema", "source", "sha256", "title", "author", "site", "url", "published", "published_from", "locale", "chars", "error",
    "facts", "warnings", "text",
)
# Where `published` came from, and which wins: the --published flag, the `published` of a JSON Lines
# record, the web page's metadata, a date line of the text, the scraper header (" date 2017-08").
PUBLISHED_FROM = ("--published", "jsonl", "html", "text", "header")
# How an input is read (`--input-format`): auto tells HTML by name or content and JSON Lines by name.
INPUT_FORMATS = ("auto", "text", "html", "jsonl")


@dataclass(frozen=True)
class Published:
    """A publication date (YYYY-MM-DD, YYYY-MM or YYYY) and where it came from (PUBLISHED_FROM)."""

    value: str
    source: str

    @staticmethod
    def first(*dates: "Published | None") -> "Published | None":
        """The date that wins: the earliest source in PUBLISHED_FROM (the flag over a record's
        date over a page's metadata over the text's date line over a scraper header).

        >>> Published.first(None, Published("2018-04", "header"), Published("2018-04-05", "text")).source
        'text'
        """
        return min((d for d in dates if d is not None), key=lambda d: PUBLISHED_FROM.index(d.source), default=None)


@dataclass(frozen=True)
class Input:
    """One text to process and what is known about it from outside the text.

    `published` is the publication date known before the text is read (the --published flag, a
    corpus record's or a web page's date; a string is taken as the flag's); the text's own date
    lines count only without one. `title`, `author`, `site` and `url` come from the page or record.
    `origin` says what was read ("text", "html", "jsonl"); `with_text` puts the text into the record."""

    text: str
    source: str = "<text>"
    sha256: str | None = None
    published: Published | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    origin: str = "text"
    warnings: tuple[str, ...] = ()
    with_text: bool = False
    locale: str | None = None  # de-DE, de-AT or de-CH; None: found in the text (locales.detect)

    def __post_init__(self) -> None:
        if isinstance(self.published, str):
            object.__setattr__(self, "published", Published(self.published, "--published"))


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
    """The facts of one input document; `error` says why a document that was read could not be
    processed (its facts are then empty)."""

    source: str
    sha256: str | None
    title: str | None
    published: str | None
    chars: int
    facts: tuple[Fact, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    published_from: str | None = None
    text: str | None = None  # the text the offsets refer to, with --with-text
    locale: str | None = None  # the locale the text was read in: de-DE, de-AT, de-CH

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": self.source,
            "sha256": self.sha256,
            "title": self.title,
            "author": self.author,
            "site": self.site,
            "url": self.url,
            "published": self.published,
            "published_from": self.published_from,
            "locale": self.locale,
            "chars": self.chars,
            "error": self.error,
            "facts": [f.to_dict() for f in self.facts],
            "warnings": list(self.warnings),
            "text": self.text,
        }


@dataclass(frozen=True)
class Outcome:
    """What processing one input gave: its record, or why there is none (as a value, never an
    exception). The batch loop, the writers and the SQLite store consume Outcomes.

    - `record` set, `error` None: processed;
    - `record` set with `record.error`: read, but a stage failed on it (a failed record);
    - `record` None, `error` set: it could not be read (no such file, too large, binary);
    - both None and `skipped`: already stored by this version (`--db`)."""

    source: str
    record: Document | None = None
    error: str | None = None
    skipped: bool = False

    @property
    def failed(self) -> bool:
        return self.error is not None or (self.record is not None and self.record.error is not None)

    @property
    def message(self) -> str | None:
        """Why it failed, or None."""
        return self.error if self.error is not None else (self.record.error if self.record else None)
