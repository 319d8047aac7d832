"""Sports clubs and teams by their shape: an abbreviation and a place or name ("FC Lippstadt",
"1. FC Borken", "SV 07 Elversberg", "SpVgg Greuther Fürth", "HC Burgenland"), a club word and a
place ("Eintracht Trier", "Real Madrid"), a place (or its adjective) and a team's name ("Straubing
Tigers", "Augsburger Panther", "Eisbären Berlin"). The place inside is a place of its own (the
place finder finds it)."""
from __future__ import annotations

import regex

from .... import lexicon as lx
from ....textutil import overlaps, words_frozenset, words_tuple
from ..common import is_cap
from .finder import OrgFinder

CLUB_ABBREVIATIONS = words_frozenset("club_abbreviations")
CLUB_WORDS = words_frozenset("club_words")
TEAM_NICKNAMES = words_frozenset("team_nicknames")
NOUN_SUFFIXES = words_tuple("noun_suffixes")  # "Wiedergutmachung": a noun, no name
YEAR_RE = regex.compile(r"\d{2}|\d{4}")  # "SV 07 Elversberg", "TSV 1860 München"


def _place_at(f: OrgFinder, k: int) -> int:
    """How many tokens from k name a place (its own or a listed form), 0 if none."""
    toks = f.toks
    for n in (3, 2, 1):
        if k + n <= len(toks) and not any("\n" in toks.gap(x) for x in range(k + 1, k + n)) and toks.joined(k, k + n) in lx.places():
            return n
    return 0


def _name_word(f: OrgFinder, k: int) -> bool:
    """A capitalised word that may name a club after its abbreviation: no function word, title,
    German noun or person's mention ("Greuther", "Lippstadt", "Burgenland")."""
    w = f.toks.t(k)
    if f.toks.gap(k) != " ":
        return False  # "SV MattersburgErnst-Happel-Stadion": words glued together
    return (
        is_cap(w) and w.replace("-", "").isalpha() and not w.lower().endswith(NOUN_SUFFIXES) and w.lower() not in lx.FUNCTION_WORDS and lx.title_of(w) is None
        and (w in lx.places() or not (lx.is_common_word(w) or lx.ends_in_common_noun(w)))
        and not overlaps(f.toks.start(k), f.toks.end(k), f.person_spans)
    )


def sports_club(f: OrgFinder, i: int, w: str) -> None:
    toks = f.toks
    if "\n" in toks.gap(i + 1):
        return
    k = i + 1
    if w == "1." and toks.t(k) in CLUB_ABBREVIATIONS:  # "1. FC Borken"
        k += 1
    elif w not in CLUB_ABBREVIATIONS and w not in CLUB_WORDS:
        _team(f, i, w)
        return
    if w in CLUB_WORDS:
        n = _place_at(f, k)  # "Eintracht Trier": a club word needs its place
        if n == 0:
            return
        end = k + n
    else:
        if YEAR_RE.fullmatch(toks.t(k)) and toks.gap(k + 1) == " ":
            k += 1  # "SV 07 Elversberg"
        end = k
        while end < len(toks) and end - k < 3 and toks.gap(end) == " " and (_place_at(f, end) or _name_word(f, end)):
            end += _place_at(f, end) or 1
        if end == k:
            return
        if YEAR_RE.fullmatch(toks.t(end)) and toks.gap(end) == " ":
            end += 1  # "FC Schalke 04"
    s, e = toks.start(i), toks.end(end - 1)
    if overlaps(s, e, f.claimed) or overlaps(s, e, f.person_spans):
        return
    f._add_org(f.text[s:e], s, e)  # not claimed: its place is a place too


def _team(f: OrgFinder, i: int, w: str) -> None:
    """"Straubing Tigers", "Augsburger Panther", "Eisbären Berlin": a place (or its adjective)
    and a team's name, either way round."""
    toks = f.toks
    if w in TEAM_NICKNAMES:
        n = _place_at(f, i + 1)
        if n and "\n" not in toks.gap(i + 1):
            s, e = toks.start(i), toks.end(i + n)
            if not overlaps(s, e, f.claimed):
                f._add_org(f.text[s:e], s, e)
        return
    nxt = toks.t(i + 1)
    if nxt in TEAM_NICKNAMES and toks.gap(i + 1) == " " and (w in lx.places() or (w.endswith("er") and w[:-2] in lx.places())):
        s, e = toks.start(i), toks.end(i + 1)
        if not overlaps(s, e, f.claimed):
            f._add_org(f.text[s:e], s, e)
