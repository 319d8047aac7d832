"""Parties: their aliases, short names and which aliases are too ambiguous for running text."""
from __future__ import annotations

from functools import cache

from ..locales import current, data_tsv, get
from ..textutil import load_tsv, words_frozenset

# Party aliases too ambiguous for running text (see the gazetteer README).
AMBIGUOUS_PARTY_ALIASES = words_frozenset("ambiguous_party_aliases")


@cache
def all_parties() -> dict[str, str]:
    """Alias -> the party's common short name ("Bündnis 90/Die Grünen" -> "Grüne"), the
    ambiguous aliases ("Grüne", "Linke") included: for places where only a party fits, such as
    brackets after a name ("Gönül Eğlence (Grüne)")."""
    out: dict[str, str] = {}
    for row in load_tsv("parties.tsv") + load_tsv("parties_extra.tsv"):
        out.setdefault(row[1], row[0])
    return out


@cache
def parties_casefold() -> dict[str, str]:
    """Every party alias case-folded ("DIE LINKE", "ZENTRUM" as lists of candidates write them)."""
    out: dict[str, str] = {}
    for alias, canon in all_parties().items():
        out.setdefault(alias.casefold(), canon)
    return out


@cache
def _ambiguous_party_aliases() -> frozenset[str]:
    """Flagged aliases, except acronyms two countries' parties share under the same short name
    ("FDP" in Germany and Switzerland, "SVP"): the value is the same either way."""
    rows = load_tsv("parties.tsv")
    canonicals: dict[str, set[str]] = {}
    for row in rows + load_tsv("parties_extra.tsv"):
        canonicals.setdefault(row[1], set()).add(row[0])
    flagged = {
        row[1] for row in rows
        if row[3] == "1" and not (row[1].isupper() and len(row[1]) >= 3 and canonicals[row[1]] == {row[1]})
    }
    return frozenset(flagged | AMBIGUOUS_PARTY_ALIASES)


def parties(locale: str | None = None) -> dict[str, str]:
    """Alias -> canonical party name, without the ambiguous aliases (common words, generic party
    families such as "Sozialdemokraten", aliases two parties share), in `locale` (the one being
    read by default): there an acronym of one of its own country's parties is a party ("SP",
    "EVP" in Switzerland), whatever it may mean elsewhere."""
    return _parties(locale or current())


@cache
def _parties(locale: str) -> dict[str, str]:
    country = get(locale).country
    own: dict[str, set[str]] = {}
    for row in load_tsv("parties.tsv"):
        if row[2] == country:
            own.setdefault(row[1], set()).add(row[0])
    ambiguous = _ambiguous_party_aliases() - {a for a, canon in own.items() if a.isupper() and len(canon) == 1 and a not in AMBIGUOUS_PARTY_ALIASES}
    out = {alias: canon for alias, canon in all_parties().items() if alias not in ambiguous}
    base = len(load_tsv("parties.tsv"))
    for canon, alias, _country, _flag in data_tsv("parties.tsv", locale)[base:]:
        out[alias] = canon  # the locale's own short forms: "SP" is the SPÖ in Austria
    return out
