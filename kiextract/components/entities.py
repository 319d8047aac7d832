"""ki_entities: persons, organisations and places, each one fact with all its mentions merged.

Rules come first and are certain where they fire (a given name from the list followed by a
surname, a title before a name, a gazetteer place, an organisation head with its name); a
statistical model's entities (when the loaded pipeline has an NER) add names no list holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex
from spacy.tokens import Doc

from .. import lexicon as lx
from ..errors import PatternsError
from ..normalize.dates import calendar_words
from ..textutil import Ranges, load_lines, overlaps, street_suffixes, words_frozenset, words_tuple
from .base import add_fact, doc_text, meta, scratch, skip_ranges

KEY = "ki_entities"
HONORIFICS = words_frozenset("honorifics")
ABBR_RE = regex.compile(r"^[\p{Lu}][\p{L}.]{0,6}$")
CREDIT_RE = regex.compile(
    r"(?:(?<![\p{L}])(?:Fotos?|Bild(?:er)?|Foto/Grafik|Quelle)\s*:\s*|©\s*(?:[^\n/©]{1,60}/\s*)?)"
    r"(?P<name>\p{Lu}[\p{L}'’-]+(?:[ \t]+(?:(?:van|von|de|der|den)[ \t]+)?\p{Lu}[\p{L}'’-]+){0,2})(?=\s*(?:[)\n,;]|$))",
)
BYLINE_RE = regex.compile(
    r"(?m)^[ \t]*(?:Von[ \t]+)+(?P<name>\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2})[ \t]*(?:,|$)"
)
LOCATIVE = words_frozenset("locative")
PLACE_CONTEXT = words_frozenset("place_context")


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
        for t in doc:
            idx = t.idx
            text = t.text
            if t.is_space or (idx + len(text) > first_skip and overlaps(idx, idx + len(text), skip)):
                if not items or items[-1][0] != "\n":
                    items.append(("\n", idx, idx))
                continue
            items.append((text, idx, idx + len(text)))

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
        return self.items[i][0] if 0 <= i < len(self.items) else ""

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


CAPITAL_PARTICLES = words_frozenset("capital_particles")
INITIAL_RE = regex.compile(r"^\p{Lu}\.$")


def _bare_title(w: str) -> bool:
    """A title as a word of its own, uninflected ("Richter", "Koch"): it may be a surname."""
    title = lx.title_of(w)
    return title is not None and not title.prefix and w in (title.masculine, title.feminine)


def is_cap(w: str) -> bool:
    return w[:1].isupper()


def is_name_token(w: str) -> bool:
    """Could this token be (part of) a surname?"""
    if len(w) < 2 or not is_cap(w) or w.isupper():
        return False
    if not regex.fullmatch(r"\p{Lu}[\p{L}'’-]*\p{L}", w):
        return False
    if w in lx.name_stopwords() or w.lower() in calendar_words() or w in lx.parties():
        return False
    return lx.title_of(w) is None


class EntityFinder:
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

    # -- persons -------------------------------------------------------------------------
    def _full_names(self) -> list[tuple[int, int, list[str]]]:
        """(first token, end token, name parts) of "Given [Given] [particle] Surname" runs."""
        toks, out, i = self.toks, [], 0
        names = lx.first_names()
        while i < len(toks):
            w = toks.t(i)
            if not w[:1].isupper() or (w not in names and not is_name_token(w)):
                i += 1
                continue
            # a title or an honorific before the name: "Landrat Dr. Bernd Schulte", "Prof. Dr. Anna Berg"
            k = i - 1
            while k >= 0 and toks.t(k) in HONORIFICS:
                k -= 1
            title_before = k < i - 1 or (lx.title_of(toks.t(k)) is not None if k >= 0 else False)
            if (w in names or (title_before and is_name_token(w) and not lx.is_common_word(w))) and w not in lx.name_stopwords() and toks.t(i - 1) not in lx.name_blockers():
                j, parts = i + 1, [w]
                while j < len(toks) and len(parts) < 4:
                    u = toks.t(j)
                    if "\n" in toks.gap(j):
                        break
                    if u in lx.NAME_PARTICLES and j + 1 < len(toks) and is_name_token(toks.t(j + 1)) and not (u in ("zu", "zur", "zum") and lx.is_common_word(toks.t(j + 1))):
                        parts.append(u)  # "van Asselt"; not "Anna Berg zu Besuch"
                        j += 1
                        continue
                    if (u in lx.NAME_PARTICLES or u in CAPITAL_PARTICLES) and toks.t(j + 1) in lx.NAME_PARTICLES and is_name_token(toks.t(j + 2)) and not lx.ends_in_common_noun(toks.t(j + 2)):
                        parts += [u, toks.t(j + 1)]  # "von der Leyen", "van der Bellen"
                        j += 2
                        continue
                    if INITIAL_RE.match(u) and is_name_token(toks.t(j + 1)):
                        parts.append(u)  # a middle initial: "Christoph J. Hagmann"
                        j += 1
                        continue
                    if is_name_token(u):
                        if len(parts) >= 2 and lx.is_inflected_noun(u) and u not in names and parts[-1] not in lx.NAME_PARTICLES:
                            break  # "Paul-Peter Coen Gäste": a noun after a full name is no part of it
                        parts.append(u)
                        j += 1
                        continue
                    if parts == [w] and w in names and _bare_title(u) and not is_name_token(toks.t(j + 1)):
                        parts.append(u)  # a surname that is also a title: "Frank Richter"
                        j += 1
                    break
                if len(parts) >= 2 and parts[-1] not in lx.NAME_PARTICLES:
                    middle_ok = all(p in names or p in lx.NAME_PARTICLES or INITIAL_RE.match(p) or (p in CAPITAL_PARTICLES and q in lx.NAME_PARTICLES) for p, q in zip(parts[1:-1], parts[2:]))
                    # a double surname after a title: "Landrat Bernd Schulte Everding"
                    middle_ok = middle_ok or (title_before and len(parts) == 3 and w in names and not lx.is_common_word(parts[2]))
                    if not middle_ok and len(parts) == 3 and w in names and parts[1] not in lx.NAME_PARTICLES:
                        parts, j, middle_ok = parts[:2], j - 1, True  # "Stefan Rößle Bild: privat"
                    # "(PIRATEN)" after the name: a person, whatever else the given name may be
                    party_after = toks.t(j) == "(" and toks.t(j + 1) in lx.all_parties() and toks.t(j + 2) == ")"
                    weak = w in lx.weak_first_names() and not title_before and not party_after
                    is_place = " ".join(parts) in lx.places()
                    if middle_ok and not weak and not (is_place and not title_before):
                        out.append((i, j, parts))
                        i = j
                        continue
            i += 1
        return out

    def _person(self, parts: list[str], start: int, end: int) -> Entity:
        """Find or make the person for a full name (merging "Josef Dahlmanns" into "Franz Josef Dahlmanns")."""
        surname = parts[-1]
        first = tuple(p for p in parts[:-1])
        for p in self.persons:
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

    def find_persons(self, model_ents: list[tuple[int, int, str]]) -> None:
        toks = self.toks
        for i, j, parts in self._full_names():
            s, e = toks.start(i), toks.end(j - 1)
            k = i - 1
            while k >= 0 and toks.t(k) in HONORIFICS:
                s = toks.start(k)
                k -= 1
            self._person(parts, s, e)
            self.claimed.append((s, e))
        for m in BYLINE_RE.finditer(self.text):
            self._credit(m.start("name"), m.end("name"), "byline", m.start() + len(m.group()) - len(m.group().lstrip()))
        for m in CREDIT_RE.finditer(self.text):
            self._credit(m.start("name"), m.end("name"), "credit", m.start())
        for s, e, label in model_ents:
            if label != "PER" or overlaps(s, e, self.claimed) or overlaps(s, e, self.skip):
                continue
            words = self.text[s:e].split()
            words = [w for w in words if w not in HONORIFICS]
            if len(words) >= 2 and all(is_name_token(w) or w in lx.NAME_PARTICLES for w in words) and _model_name_ok(words):
                self._person(words, s, e)
                self.claimed.append((s, e))
        self._surname_mentions()

    def _credit(self, s: int, e: int, kind: str, line_start: int) -> None:
        if overlaps(s, e, self.skip):
            return
        name = self.text[s:e]
        words = name.split()
        if any(not is_name_token(w) and w not in lx.NAME_PARTICLES for w in words):
            return
        if name in lx.places() or lx.org_head_of(words[-1]) or (len(words) == 1 and lx.is_common_word(name)):
            return
        if len(words) >= 2:
            ent = self._person(words, s, e)
        else:
            ent = next((p for p in self.persons if p.surname == name), None)
            if ent is None:
                ent = Entity("person", name, surname=name, full=(s, e))
                self.persons.append(ent)
            ent.add(s, e)
        self.claimed.append((s, e))
        meta(self.doc).setdefault("credits", []).append((s, e, kind, line_start))

    def _surname_mentions(self) -> None:
        by_surname: dict[str, list[Entity]] = {}
        for p in self.persons:
            if p.surname:
                by_surname.setdefault(p.surname, []).append(p)
        toks = self.toks
        for i in range(len(toks)):
            w = toks.t(i)
            base = w[:-1] if w.endswith("s") and w[:-1] in by_surname else w
            if base not in by_surname or len(by_surname[base]) != 1:
                continue
            s, e = toks.start(i), toks.end(i)
            if overlaps(s, e, self.claimed):
                continue
            # "Güler" or genitive "Schmidts"; not the first word of another full name
            if base == w and w in lx.first_names() and is_name_token(toks.t(i + 1)) and "\n" not in toks.gap(i + 1):
                continue
            by_surname[base][0].add(s, s + len(base) if base != w else e)
            self.claimed.append((s, e))

    # -- places ----------------------------------------------------------------------------
    def find_places(self, model_ents: list[tuple[int, int, str]]) -> None:
        toks, places, lands = self.toks, lx.places(), lx.land_aliases()
        i = 0
        while i < len(toks):
            w = toks.t(i)
            if not is_cap(w):
                i += 1
                continue
            hit = None
            for n in (4, 3, 2, 1):
                if i + n > len(toks):
                    continue
                if any("\n" in toks.gap(k) for k in range(i + 1, i + n)):
                    continue
                surface = toks.joined(i, i + n)
                if surface in places:
                    hit = (n, surface)
                    break
            if hit:
                n, surface = hit
                s, e = toks.start(i), toks.end(i + n - 1)
                if not overlaps(s, e, self.claimed) and self._place_ok(i, n, surface):
                    self._add_place(places[surface], s, e, surface)
                    i += n
                    continue
            # a named street or square: "Porscheplatz", "Bahnhofstraße", "Lange Straße" is left out
            if self._street_name(i):
                s = toks.start(i)
                self._add_place(w, s, toks.end(i), w)
                i += 1
                continue
            # "NRW-Tour", "NRW-Staatssekretärin": a Land abbreviation as the first part of a compound
            if "-" in w:
                first = w.split("-")[0]
                if first in lands:
                    s = toks.start(i)
                    self._add_place(lands[first], s, s + len(first), first)
            # genitive of a place: "Heinsbergs Bürgermeister", "die Wirtschaft Österreichs"
            elif (
                w.endswith("s") and len(w) > 4 and w[:-1] in places and w[:-1] not in lx.ambiguous_places()
                and w not in lx.name_stopwords()
                and ((is_cap(toks.t(i + 1)) and toks.gap(i + 1) == " ") or w[:-1] in lx.named_regions())
            ):
                s = toks.start(i)
                if not overlaps(s, s + len(w), self.claimed):
                    self._add_place(places[w[:-1]], s, s + len(w) - 1, w[:-1])
            i += 1
        for s, e, label in model_ents:
            if label == "LOC" and not overlaps(s, e, self.claimed) and not overlaps(s, e, self.skip):
                surface = self.text[s:e]
                if self._model_place_ok(surface, s):
                    self._add_place(surface, s, e, surface)

    def _street_name(self, i: int) -> bool:
        """A one-word street or square name ("Porscheplatz", "Kaiser-Wilhelm-Allee"): it ends in a
        street word after at least three letters, and it is no ordinary noun ("Arbeitsplatz")."""
        w = self.toks.t(i)
        low = w.lower()
        if not is_cap(w) or overlaps(self.toks.start(i), self.toks.end(i), self.claimed):
            return False
        suffix = next((x for x in street_suffixes() if low.endswith(x) and len(low) - len(x) >= 3), None)
        if suffix is None or suffix in ("markt", "graben", "wall", "ring"):
            return False  # "Wochenmarkt", "Straßengraben": more often ordinary nouns
        return not lx.is_common_word(w) and w[: len(w) - len(suffix)].lower() not in GENERIC_STREET_FIRSTS

    def _model_place_ok(self, surface: str, start: int) -> bool:
        """A place only the model found: precision first. Not a common noun or a compound of one
        ("Bußgeld"), not a demonym ("Mexikaner"), not an organisation or a title."""
        words = surface.split()
        if not all(is_cap(w) for w in words) or lx.org_head_of(words[-1]) or lx.title_of(words[-1]):
            return False
        if regex.search(r"[\d()\"„“]", surface) or any(lx.is_common_word(w) for w in words):
            return False
        last = words[-1]
        if lx.ends_in_common_noun(last, 4) or last.endswith(("aner", "ener", "ier", "ianer")) or last.isupper():
            return False
        if words[0] in lx.first_names() and words[0] not in lx.weak_first_names():
            return False  # a person the model took for a place
        if len(words) == 1:
            if surface in lx.first_names():
                return False
            # one word: only where German puts a place ("in Chisinau", "nach Lampedusa")
            before = regex.search(r"(\p{L}+)\s+$", self.text[max(0, start - 20):start])
            return bool(before and before.group(1) in LOCATIVE)
        return True

    def _place_ok(self, i: int, n: int, surface: str) -> bool:
        toks = self.toks
        if n == 1 and toks.t(i - 1).lower() in NOUN_DETERMINERS and surface not in lx.named_regions():
            return False  # "mit den Geldern", "die Platten": a German town takes no article
        if n == 1 and surface in lx.ambiguous_places():
            return toks.t(i - 1) in PLACE_CONTEXT
        if n == 1 and surface in lx.first_names() and is_name_token(toks.t(i + 1)):
            return False  # a person: "Marl Schulze"
        nxt = toks.t(i + n)
        if nxt.startswith("-") or (nxt[:1].islower() and toks.gap(i + n) == "" and nxt not in ("'s",)):
            return False
        return True

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

    def find_listed_orgs(self, listed: list[tuple[int, int, str, str]]) -> None:
        """Organisations of the packaged lists ("dpa", "Vereinte Nationen", "SV Werder Bremen"):
        the longest name wins where names overlap; an ambiguous name ("Presse") only in quotes, a
        name starting with an article ("Die Presse") not where a sentence starts. A listed name at
        the front of a compound ("ÖGB-Präsident") is a mention too."""
        known, quoted = lx.known_orgs(), lx.quoted_orgs()
        taken = Ranges()
        person_spans = self.person_spans
        for s, e, label, name in sorted(listed, key=lambda x: (-(x[1] - x[0]), x[0])):
            if overlaps(s, e, taken) or overlaps(s, e, self.skip) or overlaps(s, e, person_spans):
                continue
            if label == "QUOTED":
                if not (self.text[s - 1:s] in QUOTES_OPEN and self.text[e:e + 1] in QUOTES_CLOSE):
                    continue
                org, surface = quoted[name], name
            else:
                org, surface = known[name]
                if surface.split()[0] in ("Der", "Die", "Das") and _sentence_start(self.text, s):
                    continue
            taken.append((s, e))
            self._add_listed(org, surface, s, e)
        toks = self.toks
        for i in range(len(toks)):
            w = toks.t(i)
            if "-" in w and not overlaps(toks.start(i), toks.end(i), taken):
                first = w.split("-")[0]
                entry = known.get(first)
                if entry is not None and (first.isupper() or sum(c.isupper() for c in first) >= 2) and first not in lx.all_parties():
                    s = toks.start(i)
                    self._add_listed(entry[0], entry[1], s, s + len(first))

    def _add_listed(self, org: "lx.KnownOrg", surface: str, s: int, e: int) -> None:
        """One entity per listed organisation, named as the article first writes it in full
        (an abbreviation gives way to the full name when both stand in the article)."""
        key = "listed:" + org.canonical.casefold()
        ent = self.orgs.get(key)
        value = surface
        if ent is None:
            ent = self.orgs[key] = Entity("organization", value)
        elif _is_short_form(ent.value) and not _is_short_form(value):
            ent.abbr = ent.abbr or ent.value
            ent.value = value
        elif _is_short_form(value) and not _is_short_form(ent.value):
            ent.abbr = ent.abbr or value
        ent.add(s, e)

    def find_orgs(self, model_ents: list[tuple[int, int, str]]) -> None:
        toks = self.toks
        parties = lx.parties()
        i = 0
        while i < len(toks):
            w = toks.t(i)
            s = toks.start(i)
            # parties: "CDU", "(FDP)", "CDU-Politikerin"; "(Grüne)" after a name
            if w in parties:
                self._add_org(parties[w], s, toks.end(i))
            elif w in lx.all_parties() and toks.t(i - 1) == "(" and toks.t(i + 1) == ")" and (i - 2) >= 0 and any(m[1] == toks.end(i - 2) for p in self.persons for m in p.mentions):
                self._add_org(lx.all_parties()[w], s, toks.end(i))
            elif "-" in w and w.split("-")[0] in parties:
                first = w.split("-")[0]
                self._add_org(parties[first], s, s + len(first))
            elif w in lx.all_parties() and self._in_party_list(i):
                self._add_org(lx.all_parties()[w], s, toks.end(i))  # "SPD, Grüne und Linke"
            if w in LEGAL_FORMS:
                self._legal_form_org(i)
            elif w.endswith(("ministerium", "ministeriums")) and is_cap(w) and len(w) > 12:
                self._add_org(lx.lemmatize_noun(w) if w.endswith("s") else w, s, toks.end(i))  # "Finanzministerium"
            # abbreviation defined in brackets: "Kommunalen Integrationszentrums (KI)"
            if w == "(" and toks.t(i + 2) == ")" and self._is_abbr(toks.t(i + 1)):
                self._bracket_org(i)
            head = lx.org_head_of(w) if is_cap(w) else None
            if head:
                self._headed_org(i, head)
            i += 1
        known = lx.org_abbreviations()
        defined = {ent.abbr: ent for ent in self.orgs.values() if ent.abbr}
        for k in range(len(toks)):
            w = toks.t(k)
            if w in defined:  # later bare mentions of a defined abbreviation: "das KI"
                defined[w].add(toks.start(k), toks.end(k))
            elif w in known:
                self._add_org(known[w], toks.start(k), toks.end(k), w)
        org_spans = Ranges(m for o in self.orgs.values() for m in o.mentions)
        for s, e, label in model_ents:
            if label == "ORG" and not overlaps(s, e, self.claimed) and not overlaps(s, e, self.skip) and not overlaps(s, e, org_spans):
                surface = self.text[s:e]
                words = surface.split()
                if len(words) >= 2 and lx.org_head_of(words[0]) and all(is_cap(x) or x in ("für", "und", "der", "des") for x in words):
                    self._add_org(lx.nominative_org(words), s, e)
        self._drop_inner_orgs()

    def _drop_inner_orgs(self) -> None:
        """An organisation all of whose mentions lie inside longer organisation names is part of
        them ("Amtsgericht" of "Amtsgericht Kleve"), not one of its own."""
        mentions = sorted(((s, e, key) for key, ent in self.orgs.items() for s, e in ent.mentions), key=lambda m: (m[0], -m[1]))
        inside: dict[str, int] = {}  # org -> how many of its mentions lie inside another org's
        reach, reach_key = -1, None  # the furthest end of a mention that started earlier
        for s, e, key in mentions:
            if reach >= e and reach_key != key:
                inside[key] = inside.get(key, 0) + 1
            if e > reach:
                reach, reach_key = e, key
        for key, n in inside.items():
            if n == len(self.orgs[key].mentions):
                del self.orgs[key]

    def _in_party_list(self, i: int) -> bool:
        """Is token i (an ambiguous party name: "Grüne") in a list with an unambiguous one?"""
        toks, parties, every = self.toks, lx.parties(), lx.all_parties()
        for step in (-2, 2):
            k = i
            while toks.t(k + step // 2) in LIST_SEPARATORS and toks.t(k + step) in every:
                k += step
                if toks.t(k) in parties:
                    return True
        return False

    def _legal_form_org(self, i: int) -> None:
        """A company named before its legal form: "Klemme AG", "Müller Fleisch GmbH",
        "ante-holz & Co. KG", "DRK-Kindertagesstätten Segeberg gGmbH"."""
        toks = self.toks
        k = i - 1
        while k >= 0 and i - k <= 5 and "\n" not in toks.gap(k + 1):
            w = toks.t(k)
            if _describes_company(w):
                break  # "die Lübecker Firma Euroimmun AG", "Tiefkühlbackwarenhersteller Klemme AG"
            if w in ("&", "Co.", "+") or (w[:1].isupper() and w not in lx.name_stopwords() and w.lower() not in lx.FUNCTION_WORDS) or (w[:1].islower() and "-" in w):
                k -= 1
                continue
            break
        first = k + 1
        while first < i and toks.t(first) in ("&", "Co.", "+"):
            first += 1
        if first >= i or lx.title_of(toks.t(first)) is not None and first == i - 1:
            return
        s, e = toks.start(first), toks.end(i)
        self._add_org(self.text[s:e], s, e)

    def _is_abbr(self, w: str) -> bool:
        return bool(ABBR_RE.match(w)) and sum(c.isupper() for c in w) >= 2 and w not in lx.parties()

    def _bracket_org(self, i: int) -> None:
        toks = self.toks
        abbr = toks.t(i + 1)
        k = i - 1
        words: list[int] = []
        while k >= 0 and len(words) < 5 and is_cap(toks.t(k)) and toks.t(k) not in lx.name_stopwords() and "\n" not in toks.gap(k + 1):
            words.insert(0, k)
            k -= 1
        if not words:
            return
        texts = [toks.t(x) for x in words]
        has_head = any(lx.org_head_of(x) for x in texts)
        if not has_head and texts[0][:1] != abbr[:1] and toks.t(k) in ("des", "der"):
            # "Kommunale Integrationszentrum des Rhein-Sieg-Kreises (KI)": the body before the genitive
            g = k - 1
            before: list[int] = []
            while g >= 0 and len(before) < 4 and is_cap(toks.t(g)) and toks.t(g) not in lx.name_stopwords() and "\n" not in toks.gap(g + 1):
                before.insert(0, g)
                g -= 1
            if before and toks.t(before[0])[:1] == abbr[:1] and any(lx.org_head_of(toks.t(x)) for x in before):
                words, texts = before, [toks.t(x) for x in before]
                has_head = True
        if not has_head:
            return  # "Künstliche Intelligenz (KI)" is no organisation
        if lx.title_of(texts[-1]) or texts[-1] in lx.first_names():
            return
        s, e = toks.start(words[0]), toks.end(words[-1])
        # "Arbeitskreis (AK) Integration": the name goes on after the brackets
        if len(texts) == 1 and is_cap(toks.t(i + 3)) and toks.t(i + 3) not in lx.name_stopwords() and lx.title_of(toks.t(i + 3)) is None:
            texts.append(toks.t(i + 3))
            value = lx.nominative_org(texts)
            ent = self._add_org(value, s, toks.end(i + 3), abbr)
        else:
            value = lx.nominative_org(texts)
            ent = self._add_org(value, s, e, abbr)
        ent.abbr = abbr
        # every later mention of the head alone ("des Integrationszentrums") is this organisation
        self.claimed.append((s, e))

    def _headed_org(self, i: int, head: str) -> tuple[int, int] | None:
        toks = self.toks
        # capitalised adjectives before the head: "Kommunales Integrationszentrum"
        b = i
        while b - 1 >= 0 and is_cap(toks.t(b - 1)) and lx._is_adjective(toks.t(b - 1)) and "\n" not in toks.gap(b):
            b -= 1
        w = toks.t(i)
        nxt = toks.t(i + 1)
        # a generic body of the gazetteer qualified by its place: "das Kommunale Integrationszentrum
        # des Kreises Gütersloh", "beim Jobcenter Köln"
        known = lx.gazetteer_orgs().get(lx.nominative_org([toks.t(k) for k in range(b, i + 1)]))
        if known is not None and b < i + 1 and self._place_follows(i + 1):
            value = lx.nominative_org([toks.t(k) for k in range(b, i + 1)])
            s, e = toks.start(b), toks.end(i)
            self._add_org(value, s, e, known[0] or None)
            return s, e
        # "Amt für Integration und Inklusion", "Ministerium für Kinder, Familie, Flüchtlinge und Integration"
        if nxt == "für":
            end = self._fuer_list(i + 2)
            if end is not None:
                words = [toks.t(k) for k in range(b, end)]
                value = lx.nominative_org(words)
                value = regex.sub(r"\s+,", ",", value)
                s, e = toks.start(b), toks.end(end - 1)
                if not overlaps(s, e, self.person_spans):
                    self._add_org(value, s, e)
                    return s, e
            return None
        lemma_head = lx.lemmatize_noun(w).lower()
        # "Kreistag des Rhein-Sieg-Kreises", "Rat der Stadt Köln"
        if lemma_head in _org_heads_with_place() and nxt in ("des", "der"):
            k = i + 2 + (toks.t(i + 2) in ("Stadt", "Gemeinde", "Kreises", "Landes"))  # "Rat der Stadt Essen"
            for n in (3, 2, 1):
                surface = toks.joined(k, k + n) if k + n <= len(toks) else ""
                if surface in lx.places():
                    s, e = toks.start(b), toks.end(k + n - 1)
                    value = f"{lx.lemmatize_noun(w)} {toks.joined(i + 1, k + n)}"
                    self._add_org(value, s, e)
                    return s, e
        # "Hauptverband des österreichischen Buchhandels", "Bibliothek des US-Kongresses"
        if (lemma_head.endswith(GENITIVE_HEADS) or lemma_head == "bund") and nxt in ("des", "der") and not self._place_follows(i + 1):
            k = i + 2
            while k < min(i + 5, len(toks)) and lx._is_adjective(toks.t(k)) and "\n" not in toks.gap(k):
                k += 1
            g = toks.t(k)
            if is_cap(g) and k > i + 1 and not lx._is_adjective(g) and lx.title_of(g) is None and g not in lx.first_names() and "\n" not in toks.gap(k) and not overlaps(toks.start(k), toks.end(k), self.person_spans):
                s, e = toks.start(b), toks.end(k)
                self._add_org(f"{lx.nominative_org([toks.t(x) for x in range(b, i + 1)])} {toks.joined(i + 1, k + 1)}", s, e)
                return s, e
        # "Österreichische Hagelversicherung", "Salzburger Gebietskrankenkasse": a place's or
        # country's adjective, capitalised inside a sentence, before an institution's head
        a = b - 1 if b == i and self._place_adjective(toks.t(i - 1)) and toks.gap(i) == " " else b
        if a < i and self._place_adjective(toks.t(a)) and not _sentence_start(self.text, toks.start(a)) and lemma_head.endswith(ADJECTIVE_NAMED_HEADS) and not is_cap(nxt):
            s, e = toks.start(a), toks.end(i)
            self._add_org(lx.nominative_org([toks.t(x) for x in range(a, i + 1)]), s, e)
            return s, e
        # "Berufskolleg Bergisch Gladbach", "Bezirksregierung Arnsberg"
        category = lemma_head if lemma_head in _org_categories() else next((c for c in _org_categories() if lemma_head.endswith(c)), None)
        if category:
            for n in (3, 2, 1):
                if i + 1 + n > len(toks) or any("\n" in toks.gap(k) for k in range(i + 1, i + 1 + n)):
                    continue
                surface = toks.joined(i + 1, i + 1 + n)
                if surface in lx.places() and lx.places()[surface] == surface:
                    value = f"{lx.nominative_org([toks.t(k) for k in range(b, i + 1)])} {surface}"
                    s, e = toks.start(b), toks.end(i + n)
                    self._add_org(value, s, e)
                    return s, e
            # "Kita Kunterbunt", "Kindergarten Arche Noah", "Grundschule Maria Hilf": schools, day-care
            # centres and hospitals are named after saints, given names and ordinary words
            singular = lx.lemmatize_noun(w) == w
            if category in NAMED_INSTITUTIONS and singular and self._institution_name_word(i + 1):
                end = i + 2
                if self._institution_name_word(end) and toks.gap(end) == " " and not (toks.t(end) in lx.first_names() and is_name_token(toks.t(end + 1))):
                    end += 1
                s, e = toks.start(b), toks.end(end - 1)
                self._add_org(f"{lx.nominative_org([toks.t(k) for k in range(b, i + 1)])} {toks.joined(i + 1, end)}", s, e)
                return s, e
            # "Klinikum in Leer": a hospital and its town
            if category in ("klinikum", "klinik", "krankenhaus") and nxt == "in":
                for n in (2, 1):
                    surface = toks.joined(i + 2, i + 2 + n) if i + 2 + n <= len(toks) else ""
                    if surface in lx.places() and lx.places()[surface] == surface:
                        s, e = toks.start(b), toks.end(i + 1 + n)
                        self._add_org(f"{lx.nominative_org([toks.t(k) for k in range(b, i + 1)])} {surface}", s, e)
                        return s, e
            # "Verein Modellierton", "Migrantenorganisation WeBiKul – Westfälisches Bildungs- und Kulturzentrum"
            if category in PLACE_ONLY:
                return None
            if is_cap(nxt) and "\n" not in toks.gap(i + 1) and not lx.is_common_word(nxt) and nxt not in lx.first_names() and is_name_token(nxt) or (is_cap(nxt) and self._is_abbr(nxt) and nxt not in lx.parties() and (len(nxt) > 2 or category in DESCRIPTORS) and toks.t(i + 2) != ")"):
                end = i + 2
                name_words = [nxt]
                if toks.t(end) in ("–", "-") and is_cap(toks.t(end + 1)):
                    k = end + 1
                    while k < len(toks) and (is_cap(toks.t(k)) or toks.t(k) in ("und",) or toks.t(k).endswith("-")) and "\n" not in toks.gap(k):
                        k += 1
                        if lx.org_head_of(toks.t(k - 1)):
                            break
                    if lx.org_head_of(toks.t(k - 1)):
                        name_words = [toks.joined(i + 1, k)]
                        end = k
                s, e = toks.start(i), toks.end(end - 1)
                if len(name_words) == 1 and lx.org_head_of(name_words[0].split()[-1]):
                    value = name_words[0]
                elif category in DESCRIPTORS:
                    # "die Nachrichtenagentur Anadolu", "der Verein Modellierton": the word says what
                    # the organisation is; its name is what follows
                    value, s = name_words[0], toks.start(i + 1)
                else:
                    value = f"{lx.lemmatize_noun(w)} {name_words[0]}"
                if overlaps(s, e, self.person_spans):
                    return None
                self._add_org(value, s, e)
                return s, e
        return None

    def _place_adjective(self, w: str) -> bool:
        """"Salzburger", "Österreichische", "Deutschen": an adjective made from a place or country."""
        low = w.lower()
        if w.endswith("er") and w[:-2] in lx.places():
            return True
        return is_cap(w) and low.endswith(("ische", "ischen", "isches", "ischer", "sche", "schen", "sches", "scher")) and len(w) > 7

    def _institution_name_word(self, k: int) -> bool:
        """Can token k be (part of) the name of a school or day-care centre ("Kunterbunt",
        "Laurentius", "Arche")? A capitalised name word, no inflected noun, no adverb ("Sofort"),
        not already a person or a place."""
        toks = self.toks
        w = toks.t(k)
        return (
            is_cap(w) and is_name_token(w) and not lx.is_inflected_noun(w) and not lx.is_common_word(w.lower())
            and "\n" not in toks.gap(k) and not overlaps(toks.start(k), toks.end(k), self.claimed)
        )

    def _place_follows(self, k: int) -> bool:
        """Does a place (maybe after "des", "der", "im", "beim", "in") start at token k?"""
        toks = self.toks
        if toks.t(k) in ("des", "der", "im", "beim", "in", "vom"):
            k += 1
        for n in (3, 2, 1):
            if k + n <= len(toks) and toks.joined(k, k + n) in lx.places():
                return True
        return False

    def _fuer_list(self, k: int) -> int | None:
        """End token of "Kinder, Familie, Flüchtlinge und Integration" starting at k, or None."""
        toks = self.toks
        end = None
        last_comma_end = None
        while k < len(toks):
            j = k
            while j < len(toks) and toks.t(j) not in ("und", "sowie", "des", "der") and lx._is_adjective(toks.t(j)) and (
                toks.t(j)[:1].islower() or is_cap(toks.t(j + 1))  # "für Höhere Studien"
            ):
                j += 1
            w = toks.t(j)
            if not is_cap(w) or w in lx.first_names() or w in lx.name_stopwords() or "\n" in toks.gap(j):
                break
            if w.endswith("-") and toks.t(j + 1) == "und":
                j += 1  # "Bundes- und Europaangelegenheiten"
                k = j + 1
                continue
            end = j + 1
            sep = toks.t(end)
            # "Institut für Angewandte Psychologie": a capitalised adjective before its noun
            if w.endswith(("e", "en", "er", "es")) and not lx.is_common_noun_form(w) and is_cap(sep) and toks.gap(end) == " " and sep not in lx.first_names():
                k = end
                continue
            if sep == ",":
                last_comma_end = last_comma_end or end
                k = end + 1
                continue
            if sep in ("und", "sowie"):
                k = end + 1
                last_comma_end = None
                continue
            break
        if end is not None and last_comma_end is not None:
            end = last_comma_end  # a comma list must close with "und"
        return end

    # -- output ---------------------------------------------------------------------------------
    def run(self, model_ents: list[tuple[int, int, str]], user_ents: list[tuple[int, int, str]] = (), listed: list[tuple[int, int, str, str]] = ()) -> None:
        """User patterns (--patterns) are certain and come first; then the rules and the packaged
        organisation lists (`listed`: PhraseMatcher hits); the model's entities fill in where
        neither found anything."""
        self.add_user_entities(user_ents)
        self.find_persons(model_ents)
        self.person_spans = Ranges(m for p in self.persons for m in p.mentions)
        self.find_listed_orgs(listed)
        self.find_orgs(model_ents)
        self.find_places(model_ents)

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


LEGAL_FORMS = words_frozenset("legal_forms")
# Kinds of organisation after which only a place names one ("Polizeipräsidium Trier", not "Gericht X").
PLACE_ONLY = words_frozenset("place_only")
COMPANY_WORDS = words_tuple("company_words")


def _describes_company(w: str) -> bool:
    """A word that says what a company is ("Firma", "Autohersteller") or where it is from ("Lübecker")."""
    low = w.lower()
    if low.endswith(COMPANY_WORDS):
        return True
    return w[:1].isupper() and low.endswith("er") and w[:-2] in lx.places()


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
    if any(lx.is_common_word(w) for w in words) or lx.ends_in_common_noun(last, 5):
        return False
    if first not in lx.first_names() and first.endswith("s"):
        return False
    return not any(regex.search(r"(?<=[\p{Ll}])\p{Lu}", w) and not w.startswith(("Mc", "Mac")) for w in words)


def model_entities(doc: Doc) -> list[tuple[int, int, str]]:
    """The statistical model's entities as (start, end, label); MISC is not used."""
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("PER", "LOC", "ORG")]


class EntitiesComponent:
    def __init__(self, nlp, patterns_path: str | None = None, use_model: bool = True) -> None:
        self.use_model = use_model
        self.ruler = _load_patterns(nlp, patterns_path) if patterns_path else None
        self.tokenizer = nlp.tokenizer
        self.vocab = nlp.vocab
        self._orgs = None

    def _org_matcher(self):
        """A PhraseMatcher over the names of the packaged organisation lists (built on first use:
        loading the pipeline stays quick)."""
        if self._orgs is None:
            from spacy.matcher import PhraseMatcher

            matcher = PhraseMatcher(self.vocab, attr="ORTH")
            self._org_names = {}  # the tokens of a name, space-joined -> the name as listed
            for label, names in (("ORG", sorted(lx.known_orgs())), ("QUOTED", sorted(lx.quoted_orgs()))):
                docs = list(self.tokenizer.pipe(names))
                matcher.add(label, docs)
                self._org_names.update((" ".join(t.text for t in d), name) for d, name in zip(docs, names))
            self._orgs = matcher
        return self._orgs

    def known_orgs(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """(start, end, label, name as listed) of every name of a listed organisation in `doc`
        (the text may space it otherwise: "St.Pölten"); label QUOTED for names that count only
        in quotes."""
        matches = self._org_matcher()(doc, as_spans=True)
        return [(m.start_char, m.end_char, m.label_, self._org_names[" ".join(t.text for t in m)]) for m in matches]

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[KEY] = []
        ents = model_entities(doc) if self.use_model and doc.has_annotation("ENT_IOB") else []
        user = self._user_patterns(doc) if self.ruler is not None else []
        finder = EntityFinder(doc)
        finder.run(ents, user, self.known_orgs(doc))
        for ent in finder.persons:
            s, e = ent.full or min(ent.mentions)
            add_fact(
                doc, KEY, "person", s, e, ent.value, label="PER", mentions=_mentions(doc, ent),
                roles=[], party=None, age=None, party_span=None, age_span=None,
                _first=list(ent.first), _surname=ent.surname, _gender=ent.gender, _full=list(ent.full) if ent.full else None,
            )
        for ent in finder.orgs.values():
            s, e = min(ent.mentions)
            add_fact(doc, KEY, "organization", s, e, ent.value, label="ORG", abbr=ent.abbr, mentions=_mentions(doc, ent))
        for ent in finder.places.values():
            s, e = min(ent.mentions)
            value = ent.value
            if value not in ent.aliases and value in lx.land_aliases().values():
                value = sorted(ent.aliases, key=lambda a: -len(a))[0]  # the article writes only "NRW"
            abbr = next((a for a in ent.aliases if a in lx.land_aliases()), None) or lx.land_abbreviation(ent.value)
            add_fact(doc, KEY, "location", s, e, value, label="LOC", abbr=abbr, mentions=_mentions(doc, ent))
        return doc

    def _user_patterns(self, doc: Doc) -> list[tuple[int, int, str]]:
        self.ruler(doc)
        return [(s.start_char, s.end_char, s.label_) for s in doc.spans.get(USER_KEY, [])]


def _mentions(doc: Doc, ent: Entity) -> list[dict]:
    return [{"start": s, "end": e, "text": doc_text(doc)[s:e]} for s, e in sorted(ent.mentions)]


USER_KEY = "ki_user_patterns"


PATTERN_LABELS = ("PER", "ORG", "LOC")


def read_patterns(path: str) -> list[dict]:
    """The user's span-ruler patterns, one JSON object per line with a `label` (PER, ORG, LOC) and
    a `pattern` (a phrase, or a list of token patterns); anything else is a `PatternsError`
    naming the file and line."""
    import json

    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternsError(f"--patterns {path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"--patterns {path}, line {n}"
        try:
            pattern = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternsError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(pattern, dict) or not isinstance(pattern.get("pattern"), (str, list)):
            raise PatternsError(f'{where}: expected an object like {{"label": "ORG", "pattern": "Zirkus ohne Grenzen"}}')
        if pattern.get("label") not in PATTERN_LABELS:
            raise PatternsError(f"{where}: unknown label {pattern.get('label')!r}; use one of {', '.join(PATTERN_LABELS)}")
        out.append(pattern)
    return out


def _load_patterns(nlp, path: str):
    """A spaCy SpanRuler with the user's JSONL patterns (labels PER, ORG, LOC), writing to
    doc.spans["ki_user_patterns"]."""
    from spacy.pipeline import SpanRuler

    ruler = SpanRuler(nlp, name=USER_KEY, spans_key=USER_KEY)
    try:
        ruler.add_patterns(read_patterns(path))
    except ValueError as exc:  # a token pattern spaCy's matcher refuses
        raise PatternsError(f"--patterns {path}: a pattern spaCy cannot use ({str(exc).splitlines()[0]})") from None
    return ruler
