"""ki_norms: gazetteer classes as token norms, a feature for kiextract's own NER model.

Given names become "__vorname__", places "__ort__", role titles "__titel__", one-word names of
listed organisations and parties "__org__" and nouns with an organisation's head ("Jugendamt",
"Landgericht") "__orgkopf__" in `token.norm_`,
so that the model's NORM embedding generalises from the names in the lists to names it never saw
in training. Only the shipped model's pipeline contains this component; the rule stages do not
read norms.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .. import lexicon as lx
from ..locales import DEFAULT

GIVEN_NAME, PLACE, TITLE, ORG, ORG_HEAD = "__vorname__", "__ort__", "__titel__", "__org__", "__orgkopf__"


def norm_class(word: str) -> str | None:
    """The gazetteer class of a token, or None.

    >>> norm_class("Serap"), norm_class("Ochtrup"), norm_class("Landrätin"), norm_class("Haus")
    ('__vorname__', '__ort__', '__titel__', None)
    >>> norm_class("ÖVP"), norm_class("Jugendamt")
    ('__org__', '__orgkopf__')
    """
    if not word[:1].isupper():
        return None
    if word in lx.first_names() and word not in lx.weak_first_names():
        return GIVEN_NAME
    if word in lx.places() and word not in lx.ambiguous_places():
        return PLACE
    if len(word) > 4 and lx.title_of(word) is not None:
        return TITLE
    if word in lx.parties(DEFAULT) or (word in lx.known_orgs() and " " not in word):
        return ORG
    if len(word) > 4 and lx.org_head_of(word) is not None:
        return ORG_HEAD
    return None


class NormsComponent:
    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            cls = norm_class(token.text)
            if cls is not None:
                token.norm_ = cls
        return doc
