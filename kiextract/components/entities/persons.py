"""Persons: "Given [Given] [particle] Surname" runs, titles before names, bylines and photo credits,
later mentions by surname alone."""
from __future__ import annotations

import regex

from ... import lexicon as lx
from ...textutil import overlaps
from ..base import meta
from .common import (
    CAPITAL_PARTICLES,
    ENGLISH_ORG_HEADS,
    HONORIFICS,
    INITIAL_RE,
    Entity,
    Rules,
    _bare_title,
    _model_name_ok,
    is_name_token,
)

CREDIT_RE = regex.compile(
    r"(?:(?<![\p{L}])(?:Fotos?|Bild(?:er)?|Foto/Grafik|Quelle)\s*:\s*|©\s*(?:[^\n/©]{1,60}/\s*)?)"
    r"(?P<name>\p{Lu}[\p{L}'’-]+(?:[ \t]+(?:(?:van|von|de|der|den)[ \t]+)?\p{Lu}[\p{L}'’-]+){0,2})(?=\s*(?:[)\n,;]|$))",
)

BYLINE_RE = regex.compile(
    r"(?m)^[ \t]*(?:Von[ \t]+)+(?P<name>\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2})[ \t]*(?:,|$)"
)


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
                if len(parts) >= 2 and parts[-1] not in lx.NAME_PARTICLES and parts[-1] not in ENGLISH_ORG_HEADS:
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
