"""Nouns to their singular nominative, with spaCy's German lookup table (spacy-lookups-data).

The table maps inflected forms to lemmas; compounds it does not hold are lemmatised by their
longest known final part ("Integrationszentren" -> "Integrations" + "zentrum").
"""
from __future__ import annotations

import gzip
import json
import re
from functools import cache, lru_cache
from importlib import resources

from ..textutil import words_tuple

MIN_PART = 4
WEAK_PLURAL_RE = re.compile(f"(?:{'|'.join(words_tuple('weak_plural_endings'))})en$")


@cache
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    data = resources.files("spacy_lookups_data") / "data" / "de_lemma_lookup.json.gz"
    with data.open("rb") as fh:
        table: dict[str, str] = json.loads(gzip.decompress(fh.read()))
    return table, frozenset(table.values())


def _lemma_exact(word: str) -> str | None:
    table, lemmas = _tables()
    if word in table:
        return table[word]
    if word in lemmas:
        return word
    if "ss" in word:
        return _lemma_with_eszett(word)
    return None


@lru_cache(maxsize=20_000)
def _lemma_with_eszett(word: str) -> str | None:
    """The lemma of a word written with "ss" where the table writes ß: the Swiss spelling
    ("Strasse", "schliesst") and the spelling since 1996 of words the table holds only in the old
    one ("Prozess"). The lemma keeps the word's own spelling ("Strassen" -> "Strasse")."""
    table, lemmas = _tables()
    k = word.find("ss")
    while k >= 0:
        variant = word[:k] + "ß" + word[k + 2:]
        lemma = table.get(variant) or (variant if variant in lemmas else None)
        if lemma is not None:
            return lemma.replace("ß", "ss")
        k = word.find("ss", k + 1)
    return None


PLURAL_ENDINGS = ("en", "n", "e", "er", "s")


def _lemma_of_part(word: str) -> str | None:
    """The lemma of a whole word: from the table, or a plural ending off a known singular
    ("Banken" -> "Bank", the table lacks some plurals)."""
    exact = _lemma_exact(word)
    if exact is not None:
        return exact
    for ending in PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            if _lemma_exact(stem) == stem:
                return stem
    return None


@lru_cache(maxsize=50_000)
def lemmatize_noun(word: str) -> str:
    """The singular nominative of a German noun (as far as the lookup table and compounds tell).

    >>> lemmatize_noun("Integrationszentren"), lemmatize_noun("Kommunen"), lemmatize_noun("Kinder")
    ('Integrationszentrum', 'Kommune', 'Kind')
    >>> lemmatize_noun("Kooperationspartner"), lemmatize_noun("Mitarbeiterinnen"), lemmatize_noun("Pensionisten")
    ('Kooperationspartner', 'Mitarbeiterin', 'Pensionist')
    >>> lemmatize_noun("Regionalbanken"), lemmatize_noun("Springerinnen")
    ('Regionalbank', 'Springerin')
    """
    if word.endswith("leute") and len(word) > 8:
        return word[:-5] + "mann"  # "Feuerwehrleute" -> "Feuerwehrmann", "Kaufleute" -> "Kaufmann"
    found = _lemma_of_part(word)
    if found is not None:
        return found
    if word.endswith("innen") and len(word) > 7:
        return word[:-3]  # "Springerinnen" -> "Springerin"
    if "-" in word:
        head, _, last = word.rpartition("-")
        return f"{head}-{lemmatize_noun(last[:1].upper() + last[1:])}" if last else word
    # weak masculine nouns the table does not hold: "Pensionisten", "Migranten", "Kandidaten"
    if WEAK_PLURAL_RE.search(word):
        return word[:-2]
    for i in range(MIN_PART - 1, len(word) - MIN_PART + 1):
        part = word[i:]
        lemma = _lemma_of_part(part[:1].upper() + part[1:])
        if lemma is not None:
            return word[:i] + lemma[:1].lower() + lemma[1:]
    return word
