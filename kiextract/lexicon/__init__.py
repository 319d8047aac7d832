"""The words the entity and role stages know, loaded once from the packaged data files, with the
lookups built on them: names (names.py), role titles (titles.py), parties (parties.py), places
(places.py), organisations (orgs.py) and German word classes (words.py, lemma.py).

Pure: no spaCy. Sources and licences of every list: kiextract/data/SOURCES.md.
"""
from __future__ import annotations

from .lemma import _lemma_exact, lemmatize_noun
from .names import (
    AMBIGUOUS_FIRST_NAMES,
    NAME_PARTICLES,
    first_names,
    name_blockers,
    name_gender,
    name_stopwords,
    surnames,
    weak_first_names,
)
from .orgs import (
    GENERIC_BODIES,
    KnownOrg,
    gazetteer_orgs,
    inflected_org_names,
    is_generic_body,
    known_orgs,
    org_abbreviations,
    org_head_of,
    org_heads,
    quoted_orgs,
)
from .parties import AMBIGUOUS_PARTY_ALIASES, all_parties, parties, parties_casefold
from .places import (
    ambiguous_places,
    cluster_places,
    is_demonym,
    land_abbreviation,
    land_aliases,
    named_regions,
    places,
)
from .titles import Title, cluster_title, title_modifier, title_of
from .words import (
    FUNCTION_WORDS,
    _is_adjective,
    ends_in_common_noun,
    is_common_noun_form,
    is_common_word,
    is_inflected_noun,
    nominative_org,
    noun_gender,
)

__all__ = [
    "AMBIGUOUS_FIRST_NAMES", "AMBIGUOUS_PARTY_ALIASES", "FUNCTION_WORDS", "GENERIC_BODIES", "NAME_PARTICLES", "KnownOrg", "Title",
    "_is_adjective", "_lemma_exact", "all_parties", "ambiguous_places", "cluster_places", "is_demonym", "ends_in_common_noun", "first_names", "gazetteer_orgs",
    "inflected_org_names", "is_common_noun_form", "is_common_word", "is_generic_body", "is_inflected_noun", "known_orgs",
    "land_abbreviation", "land_aliases", "lemmatize_noun", "name_blockers", "name_gender", "name_stopwords", "named_regions",
    "nominative_org", "noun_gender", "org_abbreviations", "org_head_of", "org_heads", "parties", "parties_casefold", "places",
    "quoted_orgs", "surnames", "title_modifier", "title_of", "cluster_title", "weak_first_names",
]
