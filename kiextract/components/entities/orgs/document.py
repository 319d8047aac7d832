"""Organisations over the whole text, after the rules at each token: later mentions of defined
and listed abbreviations, the model's organisations, and the clean-up: a name inside a longer one
is part of it, a body named only by its kind is generic."""
from __future__ import annotations

from .... import lexicon as lx
from ....textutil import Ranges, overlaps
from ..common import ORG_NAME_JOINERS, is_cap
from .finder import OrgFinder


def abbreviation_mentions(f: OrgFinder) -> None:
    """Later bare mentions of a defined abbreviation ("das KI"), and the listed abbreviations."""
    toks = f.toks
    known = lx.org_abbreviations()
    defined = {ent.abbr: ent for ent in f.orgs.values() if ent.abbr}
    for k in range(len(toks)):
        w = toks.t(k)
        if w in defined:  # later bare mentions of a defined abbreviation: "das KI"
            defined[w].add(toks.start(k), toks.end(k))
        elif w in known:
            f._add_org(known[w], toks.start(k), toks.end(k), w)


def model_organisations(f: OrgFinder) -> None:
    """The statistical model's organisations that start with an organisation head and no rule took."""
    org_spans = Ranges(m for o in f.orgs.values() for m in o.mentions)
    for s, e, label in f.model_ents:
        if label == "ORG" and not overlaps(s, e, f.claimed) and not overlaps(s, e, f.skip) and not overlaps(s, e, org_spans):
            surface = f.text[s:e]
            words = surface.split()
            if len(words) >= 2 and lx.org_head_of(words[0]) and all(is_cap(x) or x in ORG_NAME_JOINERS for x in words):
                f._add_org(lx.nominative_org(words), s, e)


def drop_inner(f: OrgFinder) -> None:
    """An organisation all of whose mentions lie inside longer organisation names is part of
    them ("Amtsgericht" of "Amtsgericht Kleve"), not one of its own."""
    mentions = sorted(((s, e, key) for key, ent in f.orgs.items() for s, e in ent.mentions), key=lambda m: (m[0], -m[1]))
    inside: dict[str, int] = {}  # org -> how many of its mentions lie inside another org's
    reach, reach_key = -1, None  # the furthest end of a mention that started earlier
    for s, e, key in mentions:
        if reach >= e and reach_key != key:
            inside[key] = inside.get(key, 0) + 1
        if e > reach:
            reach, reach_key = e, key
    for key, n in inside.items():
        if n == len(f.orgs[key].mentions):
            del f.orgs[key]
    # "der Freiwilligen Feuerwehr" and later "die Freiwillige Feuerwehr in Dettenhausen": the
    # shorter name of two or more words is a mention of the longer one that goes on with a place
    by_value = {ent.value: key for key, ent in f.orgs.items()}
    for key, ent in list(f.orgs.items()):
        if " " not in ent.value:
            continue
        longer = [v for v in by_value if v.startswith(ent.value + " ") and v[len(ent.value) + 1:] in lx.places()]
        if len(longer) == 1 and by_value[longer[0]] in f.orgs:
            target = f.orgs[by_value[longer[0]]]
            for m in ent.mentions:
                target.add(*m)
            del f.orgs[key]


def drop_generic_bodies(f: OrgFinder) -> None:
    """A body named only by its kind or portfolio is no organisation of its own, whichever
    rule or list found it ("das Finanzministerium", "der Zuger Kantonsrat", "das Amtsgericht");
    with its place or name it is ("Amtsgericht Kleve", "US-Außenministerium")."""
    for key, ent in list(f.orgs.items()):
        if lx.is_generic_body(ent.value):
            del f.orgs[key]
