"""Places: German Gemeinden, Kreise and Länder with their inflected forms and aliases, countries
and places abroad."""
from __future__ import annotations

from functools import cache, lru_cache

import regex

from ..textutil import load_lines, load_tsv, words_frozenset, words_map, words_pattern, words_tuple

INFLECTED_PLACE_KINDS = words_frozenset("inflected_place_kinds")  # "Kreis", "Regierungsbezirk"
DISTRICT_GENITIVES = words_map("district_genitives")  # "Kreis" -> "Kreises"
COUNTY_WORDS = words_frozenset("county_words")  # "Landkreis"
KREIS = next(iter(DISTRICT_GENITIVES))  # the first district word: "Kreis"
# "Frankfurt am Main", "Halle (Saale)", "Weiden i.d.OPf.": a town's name and what tells it apart
QUALIFIED_RE = regex.compile(words_pattern("qualified_place_pattern"))
PLURAL_COUNTRY_ENDING = "lande"  # "die Niederlande": dative plural "den Niederlanden"


@cache
def places() -> dict[str, str]:
    """Surface form -> canonical place name: Gemeinden, Kreise (with inflected forms), Länder,
    their aliases, countries."""
    out: dict[str, str] = {}
    for name, kind, land, _flag in load_tsv("places.tsv"):
        out.setdefault(name, name)
        for variant in _inflected_place(name, kind):
            out.setdefault(variant, name)
    for short in _short_forms():  # "Frankfurt" of "Frankfurt am Main" and "Frankfurt (Oder)"
        out.setdefault(short, short)
    for alias, land, _ in load_tsv("land_aliases.tsv"):
        if not alias.startswith("Land "):
            out.setdefault(alias, land)
    for country in load_lines("countries.txt") + load_lines("world_places.txt"):
        out.setdefault(country, country)
        first, _, rest = country.partition(" ")
        if rest and first.endswith("e") and first[:1].isupper():
            out.setdefault(f"{first}n {rest}", country)  # "auf der Iberischen Halbinsel", "der Vereinigten Staaten"
        if country.endswith(PLURAL_COUNTRY_ENDING):
            out.setdefault(country + "n", country)  # "in den Niederlanden"
    return out


@cache
def cluster_places() -> frozenset[str]:
    """Places no list holds, by spaCy's word clusters (place_cluster_words.txt): towns, districts and
    regions ("Winterhude", "Hohenschönhausen"); a place only where German puts one ("in", "aus")."""
    return frozenset(load_lines("place_cluster_words.txt"))


@cache
def named_regions() -> frozenset[str]:
    """Countries, regions and places abroad (countries.txt, world_places.txt): names that take
    an article ("die Steiermark", "der Irak") and a genitive "-s" anywhere ("Österreichs")."""
    return frozenset(load_lines("countries.txt") + load_lines("world_places.txt"))


@cache
def ambiguous_places() -> frozenset[str]:
    """One-word places that are also common words ("Weil", "Schuld", "Essen", "Buchen" of "Buchen
    (Odenwald)"): they need context."""
    rows = load_tsv("places.tsv") + load_tsv("place_short_forms.tsv")
    return frozenset(row[0] for row in rows if row[-1] == "ambiguous")


@cache
def _short_forms() -> tuple[str, ...]:
    """The names towns go by without what tells them from others of that name: "Frankfurt",
    "Freiburg", "Mülheim", "Buchen" (place_short_forms.tsv)."""
    return tuple(row[0] for row in load_tsv("place_short_forms.tsv"))


def _inflected_place(name: str, kind: str) -> list[str]:
    """Genitive and dative forms of Kreis names: "Kreises Heinsberg", "Rhein-Sieg-Kreises",
    "Rheinisch-Bergischen Kreis(es)"."""
    out = []
    words = name.split()
    if kind not in INFLECTED_PLACE_KINDS:
        return out
    if words[0] in DISTRICT_GENITIVES and len(words) > 1:
        out.append(" ".join([DISTRICT_GENITIVES[words[0]]] + words[1:]))
    if words[0] in COUNTY_WORDS and len(words) > 1 and ("-" in name or len(words) > 2):
        out.append(" ".join(words[1:]))  # "Landratsamt Donau-Ries", "im Berchtesgadener Land"
    if len(words) == 1 and name.lower().endswith(KREIS.lower()):
        out.append(name + DISTRICT_GENITIVES[KREIS][len(KREIS):])
    if len(words) == 2 and words[1] == KREIS and words[0].endswith("er"):
        adj = words[0][:-2] + "en"
        out += [f"{adj} {KREIS}", f"{adj} {DISTRICT_GENITIVES[KREIS]}", f"{adj} {KREIS}e"]
    return out


@cache
def land_aliases() -> dict[str, str]:
    """Abbreviation -> Land ("NRW" -> "Nordrhein-Westfalen")."""
    return {alias: land for alias, land, kind in load_tsv("land_aliases.tsv") if kind == "abbr"}


def land_abbreviation(land: str) -> str | None:
    """The usual abbreviation of a Land ("Nordrhein-Westfalen" -> "NRW"), None for other places."""
    return next((a for a, l in land_aliases().items() if l == land), None)


DEMONYM_ENDINGS = tuple(tuple(pair.split("=", 1)) for pair in words_tuple("demonym_endings"))
NO_UMLAUTS = str.maketrans(words_map("umlauts"))  # "Französ-" -> "Franzos-", "Niederländ-" -> "Niederland-"


@lru_cache(maxsize=65536)
def is_demonym(word: str) -> bool:
    """Whether a noun names someone by their country or place: "Niederländer", "Österreicherin",
    "Spanier", "Kanadier", "Franzose" (words_de.json demonym_endings, demonyms).

    >>> is_demonym("Niederländer"), is_demonym("Österreicherin"), is_demonym("Franzosen"), is_demonym("Bäcker")
    (True, True, True, False)
    """
    if not word[:1].isupper():
        return False
    base = word[:-2] if word.endswith("in") and len(word) > 5 else word
    irregular = words_frozenset("demonyms")
    plain = base.translate(NO_UMLAUTS)
    if base in irregular or base.rstrip("n") in irregular or (base is not word and plain + "e" in irregular):
        return True  # "Franzose", "Franzosen", "Französin" (Französ- -> Franzos-)
    known = named_regions()
    for ending, place in DEMONYM_ENDINGS:
        if base.endswith(ending) and len(base) > len(ending) + 2:
            stem = base[: len(base) - len(ending)] + place
            if stem in known or stem.translate(NO_UMLAUTS) in known:
                return True
    return False
