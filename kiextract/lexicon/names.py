"""Given names, surnames' stop words and name particles: who a capitalised word may be."""
from __future__ import annotations

from functools import cache

from ..textutil import load_lines, load_tsv, words_frozenset

NAME_PARTICLES = words_frozenset("name_particles")
AMBIGUOUS_FIRST_NAMES = words_frozenset("ambiguous_first_names")


@cache
def first_names() -> dict[str, str]:
    """Given name -> sex ('m', 'w' or 'wm')."""
    return {row[0]: row[1] for row in load_tsv("first_names.tsv")}


@cache
def weak_first_names() -> frozenset[str]:
    """Rare given names that are also common words or names of other things ("Million", "Europa")."""
    return frozenset(row[0] for row in load_tsv("first_names.tsv") if len(row) > 2 and row[2] == "weak") | AMBIGUOUS_FIRST_NAMES


@cache
def name_blockers() -> frozenset[str]:
    return frozenset(load_lines("name_blockers.txt"))


def name_gender(first: str) -> str | None:
    """'m' or 'w' when the given name is used for one sex only, or for one in 85 of 100 births
    (a boy's name now and then a girl's middle name: "Karl").

    >>> name_gender("Serap"), name_gender("Tilmann"), name_gender("Toni"), name_gender("Anna"), name_gender("Karl")
    ('w', 'm', None, 'w', 'm')
    """
    first = first.split("-")[0]
    sex = first_names().get(first)
    if sex == "wm" and first.endswith("a") and len(first) > 3:
        return "w"  # "Anna", "Maria": a boy's middle name now and then does not make them ambiguous
    return sex if sex in ("m", "w") else None


@cache
def name_stopwords() -> frozenset[str]:
    return frozenset(load_lines("name_stopwords.txt"))


@cache
def surnames() -> frozenset[str]:
    """Surnames by spaCy's word clusters (surnames.txt): a lone word after a title that is one of
    these is a person ("Trainer Pagé")."""
    return frozenset(load_lines("surnames.txt"))
