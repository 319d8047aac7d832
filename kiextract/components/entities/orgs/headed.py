"""Organisations named by a head noun ("Amt", "Gericht", "Schule", "Verein"…, org_heads.txt) and
what goes with it: a place, a genitive, a "für" list, a name, quotes, adjectives. One small rule per
construction, tried in the order of `HEADED` until one applies."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import regex

from .... import lexicon as lx
from ....textutil import overlaps, words_frozenset
from ..common import (
    ADJECTIVE_NAMED_HEADS,
    AND,
    COUNCIL_PLACE_WORDS,
    DESCRIPTORS,
    FOR,
    GENITIVE_ARTICLES,
    GENITIVE_HEADS,
    NAMED_INSTITUTIONS,
    PLACE_ONLY,
    QUOTED_NAME_HEADS,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    _org_categories,
    _org_heads_with_place,
    _sentence_start,
    is_cap,
    is_name_token,
)
from .finder import OrgFinder

DISTRICT_NAMES = words_frozenset("district_names")
STOP = (-1, -1)  # a rule that applies and decides that nothing is found here: no later rule runs


@dataclass(frozen=True)
class Head:
    """A head noun at token i and what the rules ask of it."""

    b: int  # first token of the capitalised adjectives before it ("Kommunales Integrationszentrum")
    i: int
    w: str  # the head as written
    nxt: str  # the token after it
    lemma: str  # its lemma, lower case
    category: str | None  # the kind of organisation it names (org_categories.txt), if any


def gazetteer_body_with_place(f: OrgFinder, h: Head):
    """A generic body of the NRW gazetteer qualified by its place: "das Kommunale
    Integrationszentrum des Kreises Gütersloh", "beim Jobcenter Köln"."""
    toks = f.toks
    value = lx.nominative_org([toks.t(k) for k in range(h.b, h.i + 1)])
    known = lx.gazetteer_orgs().get(value)
    if known is not None and h.b < h.i + 1 and f._place_follows(h.i + 1):
        s, e = toks.start(h.b), toks.end(h.i)
        f._add_org(value, s, e, known[0] or None)
        return s, e
    return None


def fuer_list(f: OrgFinder, h: Head):
    """"Amt für Integration und Inklusion", "Ministerium für Kinder, Familie, Flüchtlinge und
    Integration": the head and its "für" list."""
    if h.nxt not in FOR:
        return None
    toks = f.toks
    end = f._fuer_list(h.i + 2)
    if end is not None:
        words = [toks.t(k) for k in range(h.b, end)]
        value = regex.sub(r"\s+,", ",", lx.nominative_org(words))
        s, e = toks.start(h.b), toks.end(end - 1)
        if not overlaps(s, e, f.person_spans):
            f._add_org(value, s, e)
            return s, e
    return STOP


def council_of_place(f: OrgFinder, h: Head):
    """"Kreistag des Rhein-Sieg-Kreises", "Rat der Stadt Köln": a council and its place in the genitive."""
    if h.lemma not in _org_heads_with_place() or h.nxt not in GENITIVE_ARTICLES:
        return None
    toks, i = f.toks, h.i
    k = i + 2 + (toks.t(i + 2) in COUNCIL_PLACE_WORDS)  # "Rat der Stadt Essen"
    for n in (3, 2, 1):
        surface = toks.joined(k, k + n) if k + n <= len(toks) else ""
        if surface in lx.places():
            s, e = toks.start(h.b), toks.end(k + n - 1)
            f._add_org(f"{lx.lemmatize_noun(h.w)} {toks.joined(i + 1, k + n)}", s, e)
            return s, e
    return None


def genitive_name(f: OrgFinder, h: Head):
    """"Hauptverband des österreichischen Buchhandels", "Bibliothek des US-Kongresses": heads whose
    name goes on in the genitive (not a place's)."""
    if not (h.lemma.endswith(GENITIVE_HEADS) or h.lemma == "bund") or h.nxt not in GENITIVE_ARTICLES or f._place_follows(h.i + 1):
        return None
    toks, i = f.toks, h.i
    k = i + 2
    while k < min(i + 5, len(toks)) and lx._is_adjective(toks.t(k)) and "\n" not in toks.gap(k):
        k += 1
    g = toks.t(k)
    if (
        is_cap(g) and k > i + 1 and not lx._is_adjective(g) and lx.title_of(g) is None and g not in lx.first_names()
        and "\n" not in toks.gap(k) and not overlaps(toks.start(k), toks.end(k), f.person_spans)
    ):
        s, e = toks.start(h.b), toks.end(k)
        f._add_org(f"{lx.nominative_org([toks.t(x) for x in range(h.b, i + 1)])} {toks.joined(i + 1, k + 1)}", s, e)
        return s, e
    return None


def place_adjective_name(f: OrgFinder, h: Head):
    """"Österreichische Hagelversicherung", "Salzburger Gebietskrankenkasse": a place's or country's
    adjective, capitalised inside a sentence, before an institution's head."""
    toks, i, b = f.toks, h.i, h.b
    a = b - 1 if b == i and f._place_adjective(toks.t(i - 1)) and toks.gap(i) == " " else b
    if a < i and f._place_adjective(toks.t(a)) and not _sentence_start(f.text, toks.start(a)) and h.lemma.endswith(ADJECTIVE_NAMED_HEADS) and not is_cap(h.nxt):
        s, e = toks.start(a), toks.end(i)
        f._add_org(lx.nominative_org([toks.t(x) for x in range(a, i + 1)]), s, e)
        return s, e
    return None


def quoted_name(f: OrgFinder, h: Head):
    """'Kita „Kunterbunt“', 'Kindertagesstätte "Arche Noah"': the name in quotes."""
    toks, i = f.toks, h.i
    if not ((h.lemma in QUOTED_NAME_HEADS or h.category in QUOTED_NAME_HEADS) and toks.t(i + 1) in QUOTES_OPEN and is_cap(toks.t(i + 2))):
        return None
    close = next((k for k in range(i + 3, min(i + 8, len(toks))) if toks.t(k) in QUOTES_CLOSE), None)
    if close is not None and not any("\n" in toks.gap(k) for k in range(i + 1, close + 1)):
        s, e = toks.start(h.b), toks.end(close)
        if not overlaps(toks.start(i + 2), toks.end(close - 1), f.claimed) and not overlaps(toks.start(i + 2), toks.end(close - 1), f.person_spans):
            f._add_org(f"{lx.nominative_org([toks.t(k) for k in range(h.b, i + 1)])} {toks.joined(i + 2, close)}", s, e)
            return s, e
    return None


def kind_and_place(f: OrgFinder, h: Head):
    """"Berufskolleg Bergisch Gladbach", "Bezirksregierung Arnsberg": a kind of organisation and
    a place in its own form; or the district it serves by a compass name ("Polizeidirektion West",
    "Bezirksamt Mitte")."""
    if not h.category:
        return None
    toks, i = f.toks, h.i
    after = toks.t(i + 2)
    if toks.t(i + 1) in DISTRICT_NAMES and not is_cap(after) and not after[:1].isdigit() and toks.gap(i + 1) == " ":  # not "laut Polizei Mitte 30"
        s, e = toks.start(h.b), toks.end(i + 1)
        f._add_org(f"{lx.nominative_org([toks.t(k) for k in range(h.b, i + 1)])} {toks.t(i + 1)}", s, e)
        return s, e
    for n in (3, 2, 1):
        if i + 1 + n > len(toks) or any("\n" in toks.gap(k) for k in range(i + 1, i + 1 + n)):
            continue
        surface = toks.joined(i + 1, i + 1 + n)
        if surface in lx.places() and lx.places()[surface] == surface:
            s, e = toks.start(h.b), toks.end(i + n)
            f._add_org(f"{lx.nominative_org([toks.t(k) for k in range(h.b, i + 1)])} {surface}", s, e)
            return s, e
    return None


def named_institution(f: OrgFinder, h: Head):
    """"Kita Kunterbunt", "Kindergarten Arche Noah", "Grundschule Maria Hilf": schools, day-care
    centres and hospitals are named after saints, given names and ordinary words."""
    if h.category not in NAMED_INSTITUTIONS or lx.lemmatize_noun(h.w) != h.w or not f._institution_name_word(h.i + 1):
        return None
    toks, i = f.toks, h.i
    end = i + 2
    if f._institution_name_word(end) and toks.gap(end) == " " and not (toks.t(end) in lx.first_names() and is_name_token(toks.t(end + 1))):
        end += 1
    s, e = toks.start(h.b), toks.end(end - 1)
    f._add_org(f"{lx.nominative_org([toks.t(k) for k in range(h.b, i + 1)])} {toks.joined(i + 1, end)}", s, e)
    return s, e


def hospital_in_town(f: OrgFinder, h: Head):
    """"Klinikum in Leer": a hospital and its town."""
    if h.category not in ("klinikum", "klinik", "krankenhaus") or h.nxt != "in":
        return None
    toks, i = f.toks, h.i
    for n in (2, 1):
        surface = toks.joined(i + 2, i + 2 + n) if i + 2 + n <= len(toks) else ""
        if surface in lx.places() and lx.places()[surface] == surface:
            s, e = toks.start(h.b), toks.end(i + 1 + n)
            f._add_org(f"{lx.nominative_org([toks.t(k) for k in range(h.b, i + 1)])} {surface}", s, e)
            return s, e
    return None


def place_only_kind(f: OrgFinder, h: Head):
    """"Polizeipräsidium Trier", "Freiwillige Feuerwehr in Dettenhausen": kinds that only a place
    names (with their adjectives); no other name follows them."""
    if h.category not in PLACE_ONLY:
        return None
    return f._adjective_named(h.b, h.i, with_place=True) or STOP


def kind_and_name(f: OrgFinder, h: Head):
    """"Verein Modellierton", "die Nachrichtenagentur Anadolu", "des Wirtschaftsforschungsinstituts
    DIW", "Migrantenorganisation WeBiKul – Westfälisches Bildungs- und Kulturzentrum": a kind of
    organisation and the name after it."""
    toks, i, w, nxt = f.toks, h.i, h.w, h.nxt
    if not h.category:
        return None
    named = is_cap(nxt) and "\n" not in toks.gap(i + 1) and (not lx.is_common_word(nxt) or nxt in lx.surnames()) and (nxt not in lx.first_names() or nxt in lx.surnames()) and is_name_token(nxt)
    acronym = is_cap(nxt) and f._is_abbr(nxt) and nxt not in f.parties and (len(nxt) > 2 or h.category in DESCRIPTORS) and toks.t(i + 2) != ")"
    if not (named or acronym):
        return None
    end = i + 2
    name_words = [nxt]
    if toks.t(end) in ("–", "-") and is_cap(toks.t(end + 1)):
        k = end + 1
        while k < len(toks) and (is_cap(toks.t(k)) or toks.t(k) in AND or toks.t(k).endswith("-")) and "\n" not in toks.gap(k):
            k += 1
            if lx.org_head_of(toks.t(k - 1)):
                break
        if lx.org_head_of(toks.t(k - 1)):
            name_words = [toks.joined(i + 1, k)]
            end = k
    s, e = toks.start(i), toks.end(end - 1)
    if len(name_words) == 1 and lx.org_head_of(name_words[0].split()[-1]):
        value = name_words[0]
    elif h.category in DESCRIPTORS:
        # "die Nachrichtenagentur Anadolu", "der Verein Modellierton": the word says what the
        # organisation is; its name is what follows, over foreign words too ("die Zeitung USA
        # Today", "der Nachrichtenagentur The Associated Press")
        if lx.lemmatize_noun(w) != w and not w.endswith("s"):
            return STOP  # a plural: "den Behörden Fahrlässigkeit vorwerfen"
        while end - i <= 3 and end < len(toks) and toks.gap(end) == " " and f._foreign_name_word(end):
            end += 1
        s, e = toks.start(i + 1), toks.end(end - 1)
        value = f.text[s:e] if end > i + 2 else name_words[0]
    elif name_words[0].isupper() and len(h.lemma) >= len(h.category) + 3:
        # "des Wirtschaftsforschungsinstituts DIW": a compound that says what the body is, before
        # its acronym; the acronym is the name
        value, s = name_words[0], toks.start(i + 1)
    else:
        value = f"{lx.lemmatize_noun(w)} {name_words[0]}"
    if overlaps(s, e, f.person_spans):
        return STOP
    f._add_org(value, s, e)
    return s, e


def adjectives_and_head(f: OrgFinder, h: Head):
    """"Medizinisches Versorgungszentrum", "Staatliches Schulamt": capitalised adjectives inside a
    sentence make a name of the head."""
    return f._adjective_named(h.b, h.i, with_place=False)


HeadRule = Callable[[OrgFinder, Head], "tuple[int, int] | None"]
HEADED: tuple[HeadRule, ...] = (
    gazetteer_body_with_place, fuer_list, council_of_place, genitive_name, place_adjective_name, quoted_name,
    kind_and_place, named_institution, hospital_in_town, place_only_kind, kind_and_name, adjectives_and_head,
)


def headed_name(f: OrgFinder, i: int, w: str) -> None:
    """The organisation a head noun at token i names, by the first construction that applies."""
    if not w[:1].isupper() or not lx.org_head_of(w):
        return
    toks = f.toks
    b = i
    while b - 1 >= 0 and is_cap(toks.t(b - 1)) and (lx._is_adjective(toks.t(b - 1)) or lx._is_adjective(toks.t(b - 1).lower())) and "\n" not in toks.gap(b):
        b -= 1
    lemma = lx.lemmatize_noun(w).lower()
    category = lemma if lemma in _org_categories() else next((c for c in _org_categories() if lemma.endswith(c)), None)
    head = Head(b, i, w, toks.t(i + 1), lemma, category)
    for rule in HEADED:
        if rule(f, head) is not None:
            return
