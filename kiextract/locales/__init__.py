"""German as written in Germany (de-DE), Austria (de-AT) and Switzerland (de-CH).

One German base (the files of kiextract/data/) and, per locale, an overlay folder
(kiextract/data/de-AT/, data/de-CH/) whose files of the same name add to the base: JSON objects
are merged key by key (an overlay's value wins, lists are extended), TSV and TXT rows are
appended. Only what reads differently in a country is in its overlay: a holiday's date
("Nationalfeiertag"), a currency ("Fr. 4.50"), a party's short name ("SP"), the phone region, the
decimal point.

The stages read the words of the document's locale: `using(code)` sets it for the work on one
document (a context variable, so that threads and processes each have their own), the loaders
(`data_json`, `data_tsv`) return the base with that locale's overlay, loaded once per locale.
"""
from __future__ import annotations

import contextlib
import json
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterator

from ..textutil import DATA, load_json, load_tsv

LOCALES = ("de-DE", "de-AT", "de-CH")
DEFAULT = "de-DE"
CHOICES = ("auto", *LOCALES)  # --locale: auto finds it in each text

_CURRENT: ContextVar[str] = ContextVar("kiextract_locale", default=DEFAULT)


@dataclass(frozen=True)
class Locale:
    """What differs by country beyond words: the phone numbers' region and whether a point before
    two digits is the decimal point ("Fr. 4.50" in Switzerland)."""

    code: str
    phone_region: str
    decimal_point: bool

    @property
    def country(self) -> str:
        """ISO 3166 code of the country: DE, AT, CH."""
        return self.code.split("-")[1]


@cache
def get(code: str) -> Locale:
    """The locale `code` (one of LOCALES)."""
    if code not in LOCALES:
        raise ValueError(f"unknown locale {code!r}; use one of {', '.join(LOCALES)}")
    info = load_json("locales.json")[code]
    return Locale(code, info["phone_region"], info["decimal_point"])


def current() -> str:
    """The locale the work in progress reads (de-DE unless `using` says otherwise)."""
    return _CURRENT.get()


@contextlib.contextmanager
def using(code: str | None) -> Iterator[str]:
    """Read the words of locale `code` (None: the default) inside the block."""
    token = _CURRENT.set(code or DEFAULT)
    try:
        yield code or DEFAULT
    finally:
        _CURRENT.reset(token)


def _overlay_path(name: str, code: str):
    path = DATA / code / name
    return path if path.is_file() else None


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


@cache
def _json(name: str, code: str) -> Any:
    base = load_json(name)
    path = _overlay_path(name, code)
    return _merge(base, json.loads(path.read_text(encoding="utf-8"))) if path is not None else base


def data_json(name: str, code: str | None = None) -> Any:
    """The JSON data file `name` with the overlay of locale `code` (the current one by default)."""
    return _json(name, code or current())


@cache
def _tsv(name: str, code: str) -> tuple[tuple[str, ...], ...]:
    rows = load_tsv(name)
    path = _overlay_path(name, code)
    if path is None:
        return rows
    import unicodedata

    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return rows + tuple(tuple(unicodedata.normalize("NFC", c) for c in line.split("\t")) for line in lines[1:])


def data_tsv(name: str, code: str | None = None) -> tuple[tuple[str, ...], ...]:
    """The rows of the TSV data file `name` and of the overlay of locale `code` (current by default)."""
    return _tsv(name, code or current())
