"""Organisations: the packaged lists, their inflected forms, the heads that make a noun a body,
and which bodies are generic."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..textutil import load_lines, load_tsv, words_frozenset
from .lemma import lemmatize_noun
from .parties import AMBIGUOUS_PARTY_ALIASES
from .places import land_aliases, named_regions, places
from .words import _is_adjective, is_common_noun_form


@dataclass(frozen=True)
class KnownOrg:
    """An organisation of the packaged lists: its canonical name, kind and country."""

    canonical: str
    kind: str
    country: str


@cache
def known_orgs() -> dict[str, tuple[KnownOrg, str]]:
    """Unambiguous name as it may stand in a text -> (organisation, the name as listed), from
    orgs.tsv: the listed names and their inflected forms ("des Rechnungshofs", "der Vereinten
    Nationen", "vom Roten Kreuz")."""
    out: dict[str, tuple[KnownOrg, str]] = {}
    for canonical, alias, kind, country, ambiguous in _org_rows():
        if alias in AMBIGUOUS_PARTY_ALIASES or len(alias) < 2 or (ambiguous == "1" and not _clear_enough(alias)):
            continue
        entry = (KnownOrg(canonical, kind, country), alias)
        out.setdefault(alias, entry)
        for form in inflected_org_names(alias):
            out.setdefault(form, entry)
    return out


def inflected_org_names(name: str) -> list[str]:
    """Genitive and dative forms of a listed name: a first adjective in -en, the last noun in -s.

    >>> inflected_org_names("Oberster Gerichtshof")
    ['Obersten Gerichtshof', 'Oberster Gerichtshofs', 'Obersten Gerichtshofs', 'Oberster Gerichtshofes', 'Obersten Gerichtshofes']
    >>> inflected_org_names("Vereinte Nationen"), inflected_org_names("dpa")
    (['Vereinten Nationen'], [])
    """
    words = name.split()
    firsts = [words[0]]
    if len(words) > 1 and words[0][:1].isupper():
        for ending in ("er", "es", "e"):
            if words[0].endswith(ending) and words[1][:1].isupper() and not is_common_noun_form(words[0]):
                firsts.append(words[0][: -len(ending)] + "en")
                break
    lasts = [None]
    last = words[-1]
    if last[:1].isupper() and last[-1:].isalpha() and last[-1:].islower() and last[-1] not in GENITIVE_WITHOUT_S and not last.endswith("e"):
        lasts += ["s", "es"]
    elif last[:1].isupper() and last[-1:] in GENITIVE_ES and len(last) > 3:
        lasts += ["es"]  # "des Roten Kreuzes"
    out = []
    for ending in lasts:
        for first in firsts:
            parts = [first, *words[1:]] if len(words) > 1 else [first]
            if ending:
                parts[-1] += ending
            form = " ".join(parts)
            if form != name:
                out.append(form)
    return out


def _clear_enough(alias: str) -> bool:
    """An alias the lists flag as ambiguous that is an organisation wherever it stands, only not
    always the same one: an acronym of three letters or more ("SVP", "EVP"), or several words that
    do not start with an article ("Rotes Kreuz"; not "Die Welt")."""
    words = alias.split()
    if alias in places() or alias in named_regions():
        return False  # "St. Pölten" for its football club
    if len(words) == 1:
        return len(alias) >= 3 and alias.isupper()
    return words[0] not in ("Der", "Die", "Das")


@cache
def quoted_orgs() -> dict[str, KnownOrg]:
    """Ambiguous aliases ("Presse", "Welt", "Standard"): organisations only in quotes."""
    return {alias: KnownOrg(c, k, n) for c, alias, k, n, amb in _org_rows() if amb == "1" and not _clear_enough(alias)}


def _org_rows() -> list[list[str]]:
    """The rows of orgs.tsv (generated from the shared gazetteers) and orgs_extra.tsv (by hand)."""
    return [*load_tsv("orgs.tsv"), *load_tsv("orgs_extra.tsv")]


@cache
def org_heads() -> tuple[str, ...]:
    return tuple(sorted((w.lower() for w in load_lines("org_heads.txt")), key=len, reverse=True))


@lru_cache(maxsize=65536)
def org_head_of(word: str) -> str | None:
    """The organisation head a noun is or ends in ("Jugendamt" -> "amt"), or None.

    >>> org_head_of("Jugendamt"), org_head_of("Integrationszentrums"), org_head_of("Beamte")
    ('jugendamt', 'zentrum', None)
    """
    if not word[:1].isupper() or not _org_head_end_re().search(word.lower()):
        return None
    lemma = lemmatize_noun(word).lower()
    if lemma.endswith(_org_head_exclusions()):
        return None  # "Pressekonferenz": an event, not a body
    for head in org_heads():
        if lemma.endswith(head) and (len(lemma) == len(head) or len(lemma) - len(head) >= 3):
            return head
    return None


@cache
def _org_head_exclusions() -> tuple[str, ...]:
    return tuple(w.lower() for w in load_lines("org_head_exclusions.txt"))


@cache
def _org_head_end_re():
    heads = "|".join(regex.escape(h) for h in org_heads())
    return regex.compile(rf"(?:{heads})(?:e|en|es|s|n|er|ern|ien)?$")


GENERIC_BODIES = words_frozenset("generic_bodies")
GENITIVE_WITHOUT_S = words_frozenset("genitive_without_s")
GENITIVE_ES = words_frozenset("genitive_es")


def is_generic_body(name: str) -> bool:
    """A body named only by its kind or portfolio, maybe with adjectives, is generic: no name or
    place says which of the many it is ("Finanzministerium", "das bayerische Innenministerium",
    "Kasseler Stadtrat", "Amtsgericht"). A ministry whose compound names its country or the
    federation is named ("US-Außenministerium", "Bundesinnenministerium").

    >>> is_generic_body("Finanzministerium"), is_generic_body("Zuger Kantonsrat"), is_generic_body("Amtsgericht")
    (True, True, True)
    >>> is_generic_body("US-Außenministerium"), is_generic_body("Amtsgericht Kleve"), is_generic_body("Bundesrat")
    (False, False, False)
    """
    *before, head = name.split()
    if not all(_is_adjective(w) or _is_adjective(w.lower()) or (w[:1].isupper() and w.endswith("er")) for w in before):
        return False  # "Kasseler", "Zuger": a place's adjective names no body
    lemma = lemmatize_noun(head) if head[:1].isupper() else head
    low = lemma.lower()
    if low.endswith("ministerium"):
        country, _, _ = lemma.rpartition("-")
        return not (low.startswith("bundes") or country in places() or country in land_aliases() or country.isupper())
    return low in GENERIC_BODIES


@cache
def gazetteer_orgs() -> dict[str, tuple[str, str]]:
    """Name -> (abbr, kind) of the packaged NRW bodies."""
    return {name: (abbr, kind) for name, abbr, kind in load_tsv("orgs_nrw.tsv")}


@cache
def org_abbreviations() -> dict[str, str]:
    """Unambiguous abbreviation -> organisation name (at least three letters)."""
    out = {}
    for name, (abbr, kind) in gazetteer_orgs().items():
        if abbr and len(abbr.replace(" ", "")) >= 3 and "generisch" not in kind:
            out[abbr] = name
    return out
