"""ki_roles: the roles, party and age the article gives each person found by ki_entities.

finder.py holds the persons and the helpers, rules.py the constructions, one small rule each, in
the order they run.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..base import add_span, facts, in_doc_locale
from .finder import RoleFinder, merge_roles, same_office
from .rules import AFTER_NAME, BEFORE_NAME, DOCUMENT

KEY = "ki_roles"

__all__ = ["KEY", "RoleFinder", "RolesComponent", "find_roles", "merge_roles", "same_office"]


def find_roles(doc: Doc) -> RoleFinder:
    """Run the rules over the Doc's persons, in their order, and write what they found."""
    finder = RoleFinder(doc)
    mentions = sorted(finder.mention_at.items())
    for rules in (BEFORE_NAME, AFTER_NAME):
        for i, (p, j) in mentions:
            for rule in rules:
                rule(finder, i, p, j)
    for rule in DOCUMENT:
        rule(finder)
    finder.finish()
    return finder


class RolesComponent:
    @in_doc_locale
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[KEY] = []
        find_roles(doc)
        for f in facts(doc, "ki_entities"):
            if f["type"] == "person":
                for r in f["roles"]:
                    add_span(doc, KEY, r["start"], r["end"], "ROLE")
                for label, sub in (("PARTY", f["party_span"]), ("AGE", f["age_span"])):
                    if sub is not None:
                        add_span(doc, KEY, sub["start"], sub["end"], label)
        return doc
