"""Organisations: the packaged lists, parties, legal forms, abbreviations defined in brackets,
institutions built from a head noun and a name ("Amtsgericht Kleve", "Kita Kunterbunt").

One small rule per construction, run in this order: the listed names first (`listed_names`), then
at every token the rules of `AT_TOKEN` (clubs.py, tokens.py, headed.py), then the rules of `AFTER` over the
whole text (document.py)."""
from __future__ import annotations

from typing import Callable

from ..common import ENGLISH_ORG_HEADS, LEGAL_FORMS
from .clubs import CLUB_ABBREVIATIONS, CLUB_WORDS, TEAM_NICKNAMES, sports_club
from .document import (
    abbreviation_mentions,
    drop_generic_bodies,
    drop_inner,
    model_organisations,
)
from .finder import OrgFinder
from .headed import HEADED, headed_name
from .tokens import (
    bracket_abbreviation,
    byline_sources,
    english_head,
    legal_form_or_ministry,
    listed_names,
    named_compound,
    national_body,
    party_or_compound,
    reported_outlets,
)

__all__ = ["AFTER", "AT_TOKEN", "HEADED", "OrgFinder", "find_organisations"]

AT_TOKEN: tuple[Callable[[OrgFinder, int, str], None], ...] = (sports_club, party_or_compound, named_compound, national_body, english_head, legal_form_or_ministry, bracket_abbreviation, headed_name)
# the tokens not capitalised at which a rule of AT_TOKEN may fire ("e.V.", "(" of "(ABC)", "1." of
# "1. FC"), besides a party's name of this locale ("dieBasis"); at every other such token none can
OPENERS_NOT_CAPITALISED = frozenset(
    w for w in (*LEGAL_FORMS, *CLUB_ABBREVIATIONS, *CLUB_WORDS, *ENGLISH_ORG_HEADS, *TEAM_NICKNAMES, "(", "1.") if not w[:1].isupper()
)
AFTER: tuple[Callable[[OrgFinder], None], ...] = (reported_outlets, byline_sources, abbreviation_mentions, model_organisations, drop_inner, drop_generic_bodies)


def find_organisations(found, listed: list[tuple[int, int, str, str]], model_ents: list[tuple[int, int, str]]) -> OrgFinder:
    """The organisations of the Doc `found` holds, added to `found.orgs`."""
    f = OrgFinder(found)
    f.model_ents = model_ents
    listed_names(f, listed)
    openers = OPENERS_NOT_CAPITALISED | {p for p in (*f.parties, *f.every_party) if not p[:1].isupper()}
    for i, w in enumerate(f.toks.words):
        if not w[:1].isupper() and w not in openers:
            continue
        for rule in AT_TOKEN:
            rule(f, i, w)
    for rule in AFTER:
        rule(f)
    return f
