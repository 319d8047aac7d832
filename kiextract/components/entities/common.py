"""What the person, organisation and place finders share: the token view, the entities found
so far (`Found`) and the word lists and tests they all read."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex
from spacy.attrs import IDX, IS_SPACE, ORTH
from spacy.tokens import Doc

from ... import lexicon as lx
from ...lexicon.calendar import calendar_words
from ...locales import DEFAULT
from ...textutil import (
    Ranges,
    load_lines,
    overlaps,
    words_frozenset,
    words_map,
    words_tuple,
)
from ..base import doc_text, scratch, skip_ranges

HONORIFICS = words_frozenset("honorifics")
ABBR_RE = regex.compile(r"^[\p{Lu}][\p{L}.]{0,6}$")
LOCATIVE = words_frozenset("locative")
PLACE_CONTEXT = words_frozenset("place_context")
CAPITAL_PARTICLES = words_frozenset("capital_particles")
INITIAL_RE = regex.compile(r"^\p{Lu}\.$")
LEGAL_FORMS = words_frozenset("legal_forms")
# Kinds of organisation after which only a place names one ("Polizeipräsidium Trier", not "Gericht X").
PLACE_ONLY = words_frozenset("place_only")
COMPANY_WORDS = words_tuple("company_words")
# Category words that say what an organisation is rather than name it ("Nachrichtenagentur Anadolu").
DESCRIPTORS = words_frozenset("descriptors")
# Determiners before a noun; a German town's name does not take them ("mit den Geldern").
NOUN_DETERMINERS = words_frozenset("noun_determiners")
# First parts of compounds in -platz/-weg that name no street ("Arbeitsplatz", "Parkplatz", "Heimweg").
GENERIC_STREET_FIRSTS = words_frozenset("generic_street_firsts")
# Heads whose name goes on in the genitive: "Börsenverein des Deutschen Buchhandels".
GENITIVE_HEADS = words_tuple("genitive_heads")
# Heads named by a place's or country's adjective alone: "Österreichische Hagelversicherung".
ADJECTIVE_NAMED_HEADS = words_tuple("adjective_named_heads")
LIST_SEPARATORS = words_frozenset("list_separators")
# Kinds of institution named after saints, given names and ordinary words ("Kita Sonnenschein").
NAMED_INSTITUTIONS = words_frozenset("named_institutions")
QUOTES_OPEN = words_frozenset("quotes_open")
QUOTES_CLOSE = words_frozenset("quotes_close")
PARTY_NOUNS = words_map("party_nouns")
PARTY_ORG_NAMES = words_map("party_org_names")
GENERIC_ACRONYMS = words_frozenset("generic_acronyms")
QUOTED_NAME_HEADS = words_frozenset("quoted_name_heads")
PLACE_DESIGNATORS = words_frozenset("place_designators")
REGION_DESIGNATORS = words_frozenset("region_designators")
DISTRICT_PARTS = words_frozenset("district_parts")
BUILDING_HEADS = words_frozenset("building_heads")
ENGLISH_ORG_HEADS = words_frozenset("english_org_heads")
AND = words_frozenset("and")
LIST_AND = words_frozenset("list_and")
GENITIVE_ARTICLES = words_frozenset("genitive_articles")
FOR = words_frozenset("for")
PARTY_NOUN_ARTICLES = words_frozenset("party_noun_articles")
PLACE_PREPOSITIONS = words_frozenset("place_prepositions")
ORG_NAME_JOINERS = words_frozenset("org_name_joiners")
COUNCIL_PLACE_WORDS = words_frozenset("council_place_words")
COMMON_WORD_PARTICLES = words_frozenset("common_word_particles")


@dataclass
class Entity:
    type: str
    value: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    abbr: str | None = None
    # persons
    first: tuple[str, ...] = ()
    surname: str | None = None
    gender: str | None = None
    full: tuple[int, int] | None = None  # the mention that introduces the full name
    aliases: set[str] = field(default_factory=set)
    _seen: set[tuple[int, int]] = field(default_factory=set, repr=False, compare=False)

    def add(self, start: int, end: int) -> None:
        if not self._seen and self.mentions:
            self._seen.update(self.mentions)
        if (start, end) not in self._seen:
            self._seen.add((start, end))
            self.mentions.append((start, end))

@cache
def _org_categories() -> frozenset[str]:
    return frozenset(load_lines("org_categories.txt"))

@cache
def _org_heads_with_place() -> frozenset[str]:
    return frozenset(load_lines("org_heads_with_place.txt"))

class Tokens:
    """The Doc's tokens as (text, start, end), with line breaks and skipped ranges as barriers."""

    def __init__(self, doc: Doc, skip: list[tuple[int, int]]):
        self.text = doc_text(doc)
        self.items: list[tuple[str, int, int]] = []
        first_skip = min((s for s, _ in skip), default=len(self.text) + 1)
        items = self.items
        strings = doc.vocab.strings
        # one array read instead of a Token object per token (the view is built for every Doc)
        for orth, idx, space in doc.to_array([ORTH, IDX, IS_SPACE]).tolist():
            text = strings[orth]
            if space or (idx + len(text) > first_skip and overlaps(idx, idx + len(text), skip)):
                if not items or items[-1][0] != "\n":
                    items.append(("\n", idx, idx))
                continue
            items.append((text, idx, idx + len(text)))
        self.words = [w for w, _, _ in items]  # the token texts alone: `t` is asked millions of times
        self.n = len(items)

    @classmethod
    def of(cls, doc: Doc) -> "Tokens":
        """The Doc's Tokens, built once and shared by the entity and role stages (a cache, not state)."""
        cache = scratch(doc)
        if "tokens" not in cache:
            cache["tokens"] = cls(doc, skip_ranges(doc))
        return cache["tokens"]

    def __len__(self) -> int:
        return len(self.items)

    def t(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    def start(self, i: int) -> int:
        return self.items[i][1]

    def end(self, i: int) -> int:
        return self.items[i][2]

    def joined(self, i: int, j: int) -> str:
        """The source text of tokens i..j-1 (None-safe)."""
        return self.text[self.items[i][1]:self.items[j - 1][2]]

    def gap(self, i: int) -> str:
        """The characters between token i-1 and token i."""
        return self.text[self.items[i - 1][2]:self.items[i][1]] if 0 < i < len(self.items) else ""

def _bare_title(w: str) -> bool:
    """A title as a word of its own, uninflected ("Richter", "Koch"): it may be a surname."""
    title = lx.title_of(w)
    return title is not None and not title.prefix and w in (title.masculine, title.feminine)

def is_cap(w: str) -> bool:
    return w[:1].isupper()

NAME_TOKEN_RE = regex.compile(r"\p{Lu}[\p{L}'’-]*\p{L}")


@lru_cache(maxsize=100_000)
def is_name_token(w: str) -> bool:
    """Could this token be (part of) a surname? (A pure function of the word and the packaged
    lists: cached, as every finder asks it of every token.)"""
    if len(w) < 2 or not is_cap(w) or w.isupper():
        return False
    if not NAME_TOKEN_RE.fullmatch(w):
        return False
    if w in lx.name_stopwords() or w.lower() in calendar_words() or w in lx.parties(DEFAULT):
        return False
    return lx.title_of(w) is None

def _describes_company(w: str) -> bool:
    """A word that says what a company is ("Firma", "Autohersteller") or where it is from ("Lübecker")."""
    low = w.lower()
    if low.endswith(COMPANY_WORDS) or low.removesuffix("s").removesuffix("e").endswith(COMPANY_WORDS):
        return True  # "des Unternehmens ante-holz & Co. KG", "des Konzerns"
    return w[:1].isupper() and low.endswith("er") and w[:-2] in lx.places()


def _sentence_start(text: str, pos: int) -> bool:
    """Does a sentence (or line) start at `pos`: only spaces after . ! ? : or a line break before it?"""
    before = text[max(0, pos - 3):pos].rstrip(" ")
    return not before or before[-1] in ".!?:\n"

def _is_short_form(name: str) -> bool:
    """An abbreviation ("ÖGB", "Uno"): one word of at most five letters or with two capitals."""
    return " " not in name and (len(name) <= 5 or sum(c.isupper() for c in name) >= 2)

def _model_name_ok(words: list[str]) -> bool:
    """A person only the model found: no common noun ("Kalter Krieg"), no genitive place or name
    first ("Brasiliens Teamkicker"), no company-like capitals inside a word ("HandelsgmbH")."""
    first, last = words[0], words[-1]
    if any(lx.is_common_word(w) for w in words) or lx.ends_in_common_noun(last, 5) or last in ENGLISH_ORG_HEADS:
        return False
    if first not in lx.first_names() and first.endswith("s"):
        return False
    return not any(regex.search(r"(?<=[\p{Ll}])\p{Lu}", w) and not w.startswith(("Mc", "Mac")) for w in words)


class Found:
    """The entities of one Doc as the finders add them: persons in order, organisations and places
    by value, and the character ranges a rule already claimed (later rules and the model skip
    them)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.skip = skip_ranges(doc)
        self.toks = Tokens.of(doc)
        self.persons: list[Entity] = []
        self.orgs: dict[str, Entity] = {}
        self.places: dict[str, Entity] = {}
        self.claimed = Ranges()  # what a rule already took: later rules and the model skip it
        self.skip = Ranges(self.skip)
        self.person_spans = Ranges()  # every person mention, once the persons are found

    def _person(self, parts: list[str], start: int, end: int) -> Entity:
        """Find or make the person for a full name (merging "Josef Dahlmanns" into "Franz Josef
        Dahlmanns", a surname alone into the person of that surname, a later full name into a
        surname alone)."""
        surname = parts[-1]
        first = tuple(p for p in parts[:-1])
        for p in self.persons:
            if p.surname == surname and not first:  # a surname alone ("Trainer Zeidler"): the person named so
                p.add(start, end)
                return p
            if p.surname == surname and p.first and first and (set(first) <= set(p.first) or set(p.first) <= set(first)):
                if len(first) > len(p.first):
                    p.first, p.value, p.full = first, " ".join(parts), (start, end)
                p.add(start, end)
                return p
            if p.surname == surname and not p.first:
                p.first, p.value, p.full = first, " ".join(parts), (start, end)
                p.gender = p.gender or lx.name_gender(first[0])
                p.add(start, end)
                return p
        ent = Entity("person", " ".join(parts), first=first, surname=surname, full=(start, end), gender=lx.name_gender(first[0]) if first else None)
        ent.add(start, end)
        self.persons.append(ent)
        return ent

    def _add_place(self, value: str, s: int, e: int, surface: str) -> None:
        ent = self.places.get(value)
        if ent is None:
            ent = self.places[value] = Entity("location", value)
        ent.add(s, e)
        ent.aliases.add(surface)
        self.claimed.append((s, e))

    # -- organisations -----------------------------------------------------------------------
    def _add_org(self, value: str, s: int, e: int, abbr: str | None = None) -> Entity:
        key = value.casefold()
        ent = self.orgs.get(key)
        if ent is None:
            ent = self.orgs[key] = Entity("organization", value)
        ent.add(s, e)
        if abbr and not ent.abbr:
            ent.abbr = abbr
        return ent

    def add_user_entities(self, ents: list[tuple[int, int, str]]) -> None:
        for s, e, label in ents:
            if overlaps(s, e, self.skip) or overlaps(s, e, self.claimed):
                continue
            surface = self.text[s:e]
            if label == "PER":
                self._person([w for w in surface.split() if w not in HONORIFICS], s, e)
            elif label == "ORG":
                self._add_org(surface, s, e)
            elif label == "LOC":
                self._add_place(surface, s, e, surface)
            else:
                continue
            self.claimed.append((s, e))


class Rules:
    """A finder's view of the shared `Found`: the same text, tokens and tables, and its adders."""

    def __init__(self, found: Found):
        self.found = found
        self.doc, self.text, self.toks, self.skip, self.claimed = found.doc, found.text, found.toks, found.skip, found.claimed
        self.persons, self.orgs, self.places = found.persons, found.orgs, found.places
        self._person, self._add_org, self._add_place = found._person, found._add_org, found._add_place

    @property
    def person_spans(self) -> Ranges:
        """Every person mention, once the persons are found."""
        return self.found.person_spans
