"""Persons: "Given [Given] [particle] Surname" runs, titles before names, bylines and photo credits,
later mentions by surname alone."""
from __future__ import annotations

from functools import cache, lru_cache

import regex

from ... import lexicon as lx
from ...lexicon.calendar import calendar_words
from ...textutil import overlaps, words_frozenset, words_pattern
from ..base import meta
from .common import (
    CAPITAL_PARTICLES,
    COMMON_WORD_PARTICLES,
    ENGLISH_ORG_HEADS,
    HONORIFICS,
    INITIAL_RE,
    PLACE_DESIGNATORS,
    REGION_DESIGNATORS,
    Entity,
    Rules,
    _bare_title,
    _model_name_ok,
    is_cap,
    is_name_token,
)

CREDIT_RE = regex.compile(words_pattern("credit_pattern"))
BYLINE_RE = regex.compile(words_pattern("byline_pattern"))
BYLINE_ALONE_RE = regex.compile(words_pattern("byline_alone_pattern"))
BYLINE_ALONE_WITHIN = 1500  # a name alone on its line is a byline only in the lead


def _double_surname_with_title(w: str) -> bool:
    """"Holthoff-Pförtner" after a given name: a double surname whose second part is a title,
    not a compound title ("Kreis-Kämmerer", "SPD-Chef")."""
    first, _, second = w.rpartition("-")
    return bool(first) and is_name_token(first) and not lx.is_common_word(first) and first not in lx.places() and lx.title_of(second) is not None


class PersonFinder(Rules):
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
            if (w in names or (title_before and is_name_token(w) and (not lx.is_common_word(w) or w in lx.surnames()))) and w not in lx.name_stopwords() and toks.t(i - 1) not in lx.name_blockers():
                j, parts = i + 1, [w]
                while j < len(toks) and len(parts) < 4:
                    u = toks.t(j)
                    if "\n" in toks.gap(j):
                        break
                    if u in lx.NAME_PARTICLES and j + 1 < len(toks) and is_name_token(toks.t(j + 1)) and not (u in COMMON_WORD_PARTICLES and lx.is_common_word(toks.t(j + 1))) and not _names_a_body(toks.t(j + 1), nouns=parts[-1] not in CAPITAL_PARTICLES):
                        parts.append(u)  # "van Asselt"; not "Anna Berg zu Besuch", "Jan Wolf vom Klinikum"
                        j += 1
                        continue
                    if (u in lx.NAME_PARTICLES or u in CAPITAL_PARTICLES) and toks.t(j + 1) in lx.NAME_PARTICLES and is_name_token(toks.t(j + 2)) and not lx.ends_in_common_noun(toks.t(j + 2)) and not _names_a_body(toks.t(j + 2), nouns=False):
                        parts += [u, toks.t(j + 1)]  # "von der Leyen", "van der Bellen"
                        j += 2
                        continue
                    if INITIAL_RE.match(u) and is_name_token(toks.t(j + 1)):
                        parts.append(u)  # a middle initial: "Christoph J. Hagmann"
                        j += 1
                        continue
                    if is_name_token(u):
                        if len(parts) >= 2 and (lx.is_inflected_noun(u) or (parts[-1] not in names and _names_a_body(u))) and u not in names and parts[-1] not in lx.NAME_PARTICLES:
                            break  # "Paul-Peter Coen Gäste", "Jan Wolf Fußball": a noun after a full name is no part of it
                        parts.append(u)
                        j += 1
                        continue
                    if parts == [w] and w in names and (_bare_title(u) or _double_surname_with_title(u)) and not is_name_token(toks.t(j + 1)):
                        parts.append(u)  # a surname that is also a title: "Frank Richter", "Stephan Holthoff-Pförtner"
                        j += 1
                    break
                cut = next((n for n in range(2, len(parts)) if parts[n] in lx.NAME_PARTICLES and parts[n - 1] not in CAPITAL_PARTICLES), None)
                if cut is not None and w in names and (parts[-1] in lx.NAME_PARTICLES or len(parts) > 4 or _names_a_body(parts[-1], nouns=False)):
                    j -= len(parts) - cut  # "Lea Hahn von den Grünen", "Sabine Kälin von den Freien Wählern"
                    parts = parts[:cut]
                if len(parts) >= 2 and parts[-1] not in lx.NAME_PARTICLES and parts[-1] not in ENGLISH_ORG_HEADS and not INITIAL_RE.match(parts[-1]):
                    middle_ok = all(p in names or p in lx.NAME_PARTICLES or INITIAL_RE.match(p) or (p in CAPITAL_PARTICLES and (q in lx.NAME_PARTICLES or q == parts[-1])) for p, q in zip(parts[1:-1], parts[2:]))
                    # a double surname after a title: "Landrat Bernd Schulte Everding"
                    middle_ok = middle_ok or (title_before and len(parts) == 3 and w in names and not lx.is_common_word(parts[2]))
                    if not middle_ok and len(parts) == 3 and w in names and parts[1] not in lx.NAME_PARTICLES:
                        parts, j, middle_ok = parts[:2], j - 1, True  # "Stefan Rößle Bild: privat"
                    # "(PIRATEN)" after the name: a person, whatever else the given name may be
                    party_after = toks.t(j) == "(" and toks.t(j + 1) in lx.all_parties() and toks.t(j + 2) == ")"
                    # a given name that is also a word ("Frank", "Mark") before a surname the word
                    # clusters know ("Frank Müller", "Mark Olsen") is a given name; a month stays a
                    # month ("am 17. April Khol")
                    surname_after = len(parts) == 2 and parts[1] in lx.surnames() and w.lower() not in calendar_words()
                    # "der Niederländer Mark Rutte": who someone is by country, before the name
                    demonym_before = k == i - 1 and k >= 0 and lx.is_demonym(toks.t(k))
                    weak = w in lx.weak_first_names() and not (title_before or party_after or surname_after or demonym_before)
                    is_place = " ".join(parts) in lx.places() or " ".join(parts) in lx.known_orgs()  # "Ajax Amsterdam"
                    if middle_ok and not weak and not (is_place and not title_before):
                        out.append((i, j, parts))
                        i = j
                        continue
                elif parts == [w] and k == i - 1 and title_before and w in lx.surnames() and not is_cap(toks.t(i + 1)) and "\n" not in toks.gap(i + 1):
                    out.append((i, i + 1, parts))  # a surname alone after a title: "Trainer Pagé bekam"
                    i += 1
                    continue
            i += 1
        return out

    def find_persons(self, model_ents: list[tuple[int, int, str]]) -> None:
        toks = self.toks
        for i, j, parts in self._full_names():
            s, e = toks.start(i), toks.end(j - 1)
            last = parts[-1]
            if last.endswith("s") and not last.endswith(("ss", "us")) and len(last) > 4 and is_cap(toks.t(j)) and _names_a_body(toks.t(j)) and toks.gap(j) == " ":
                parts = [*parts[:-1], last[:-1]]  # "Max Frischs Roman": the genitive of Max Frisch
            k = i - 1
            while k >= 0 and toks.t(k) in HONORIFICS:
                s = toks.start(k)
                k -= 1
            self._person(parts, s, e)
            self.claimed.append((s, e))
        for m in BYLINE_RE.finditer(self.text):
            line = m.start() + len(m.group()) - len(m.group().lstrip())
            for group in ("name", "name2"):
                if m.group(group):
                    self._credit(m.start(group), m.end(group), "byline", line)
        for m in BYLINE_ALONE_RE.finditer(self.text, 0, BYLINE_ALONE_WITHIN):
            if m.group("name").split()[0] in lx.first_names():
                self._credit(m.start("name"), m.end("name"), "byline", m.start("name"))
        for m in CREDIT_RE.finditer(self.text):
            self._credit(m.start("name"), m.end("name"), "credit", m.start())
        self._recurring_names()
        for s, e, label in model_ents:
            if label != "PER" or overlaps(s, e, self.claimed) or overlaps(s, e, self.skip):
                continue
            words = self.text[s:e].split()
            words = [w for w in words if w not in HONORIFICS]
            if len(words) >= 2 and all(is_name_token(w) or w in lx.NAME_PARTICLES for w in words) and _model_name_ok(words):
                self._person(words, s, e)
                self.claimed.append((s, e))
        self._surname_mentions()

    def _recurring_names(self) -> None:
        """Names no list holds, by how news writes them: "Barack Obama … Obama sagte", "Staffan
        de Mistura … De Mistura": two capitalised words (maybe with a particle of foreign names
        between) that are no German word, place, organisation or title, whose last word stands
        alone elsewhere in the text, not after an article."""
        toks = self.toks
        words = [w for w, _, _ in toks.items]
        at: dict[str, list[int]] = {}
        for k, w in enumerate(words):
            if w[:1].isupper() and _unknown_name_word(w):
                at.setdefault(w, []).append(k)
        # only surnames that stand twice or more can be one
        repeated = {w for w, ks in at.items() if len(ks) >= 2}
        if not repeated:
            return
        function_words = lx.FUNCTION_WORDS
        for j0 in sorted(k for w in repeated for k in at[w]):
            last = words[j0]
            i = j0 - 1
            if i >= 0 and words[i] in FOREIGN_PARTICLES:
                i -= 1
            if i < 0:
                continue
            first = words[i]
            if first == last or first in CAPITAL_PARTICLES or first not in at:
                continue
            s, e = toks.start(i), toks.end(j0)
            if (
                all(toks.gap(k) == " " for k in range(i + 1, j0 + 1))
                and (i == 0 or words[i - 1].lower() not in function_words)
                and not is_name_token(toks.t(j0 + 1))
                and any(k != j0 and words[k - 1] != first and words[k - 1].lower() not in function_words
                        and not GLUED_DOT_RE.match(self.text, toks.end(k)) for k in at[last])
                and " ".join(words[i:j0 + 1]) not in lx.places() and " ".join(words[i:j0 + 1]) not in lx.known_orgs()
                and not overlaps(s, e, self.claimed) and not overlaps(s, e, self.skip)
            ):
                self._person(words[i:j0 + 1], s, e)
                self.claimed.append((s, e))

    def _credit(self, s: int, e: int, kind: str, line_start: int) -> None:
        if overlaps(s, e, self.skip):
            return
        name = self.text[s:e]
        words = name.split()
        if any(not is_name_token(w) and w not in lx.NAME_PARTICLES and not INITIAL_RE.match(w) for w in words):
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
        meta(self.doc).credits.append((s, e, kind, line_start))

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


def _names_a_body(w: str, nouns: bool = True) -> bool:
    """A word after "von", "vom", "von der" that is no surname but a body or a place's kind: an
    organisation head, a place designator ("Gemeinde", "Stadt"), with `nouns` any German noun
    ("Klinikum", "Feuerwehr"; after "von der" a surname may be one: "von der Heide")."""
    if w in PLACE_DESIGNATORS or w in REGION_DESIGNATORS or lx.org_head_of(w):
        return True
    if not nouns:
        return False
    lemma = lx._lemma_exact(w)
    return (lemma is not None and lemma[:1].isupper()) or lx.ends_in_common_noun(w)


CLAUSE_OPENERS = words_frozenset("clause_openers")
# a name word as names are written: "Ouedraogo", "Paul-Henri", "O'Neill"; not "ARCHÄOLOGIEIndiana"
NAME_SHAPE_RE = regex.compile(r"\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)*")
GLUED_DOT_RE = regex.compile(r"\.\w")  # "Leave.EU": a brand, not the name "Leave" standing alone
# particles inside foreign names ("Staffan de Mistura", "Abu Bakr al-Baghdadi"); not German "der", "zu"
FOREIGN_PARTICLES = frozenset({"de", "da", "di", "du", "van", "al", "el", "bin", "ibn", "del", "dos", "le", "la", "ten", "ter"})


@cache
def _english_words() -> frozenset[str]:
    """English word forms (spaCy's English lemma lookup table, spacy-lookups-data): "Dark Web",
    "Heavy Metal", "Wireless Charging" are no names."""
    import gzip
    import json
    from importlib import resources

    data = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    with data.open("rb") as fh:
        table = json.loads(gzip.decompress(fh.read()))
    return frozenset(table) | frozenset(table.values())


@lru_cache(maxsize=100_000)
def _unknown_name_word(w: str) -> bool:
    """A capitalised word that may be a foreign given name or surname: no German or English word
    form or compound ending in a German one, function word, place or place adjective, listed
    organisation, party, title or organisation head."""
    low = w.lower()
    return (
        is_name_token(w) and NAME_SHAPE_RE.fullmatch(w) is not None and low not in lx.FUNCTION_WORDS
        and low not in CLAUSE_OPENERS and low not in _english_words()
        and not (w.endswith("s") and w not in lx.first_names())  # "Mitverhandlers", "Erdoğans": genitives
        and not (w.endswith("in") and (lx.is_common_word(w[:-2]) or lx.title_of(w) is not None))  # "Täterin"
        and not lx.is_common_word(w) and not lx.ends_in_common_noun(w, min_part=4) and w not in lx.places()
        and not (w.endswith("er") and (w[:-2] in lx.places() or w[:-3] in lx.places()))  # "Steinfurter", "Wiener"
        and w not in lx.known_orgs() and w not in HONORIFICS and lx.org_head_of(w) is None and w not in lx.name_blockers()
    )
