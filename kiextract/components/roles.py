"""ki_roles: the roles, party and age the article gives each person found by ki_entities.

Constructions: title before the name ("Landrat Stephan Pusch", "Kreisdirektorin und
Sozialdezernentin Annerose Heinze"), title with its body before the name, with or without a comma
("der Leiter des Amtes für Integration und Inklusion, Dirk Jäckel"), apposition after the name
("Lilli Schmidt, KI-Leiterin"), brackets ("Serap Güler (Staatssekretärin für Integration)",
"(CDU)"), a plural title over a list of names ("die beiden Landtagsabgeordneten Bernd Krückel (CDU)
und Stefan Lenzen (FDP)"), bylines and photo credits, and a definite description that refers back
to a person named before ("des Kreissozialdezernenten", "Die 38-jährige CDU-Politikerin").
"""
from __future__ import annotations

import bisect

import regex
from spacy.tokens import Doc

from .. import lexicon as lx
from ..normalize.dates import calendar_words
from ..records import ROLE_FIELDS
from ..textutil import words_frozenset
from .base import add_span, doc_text, facts, meta, part
from .entities import HONORIFICS, Entity, Tokens, is_cap
from .numbers import AGES_KEY

KEY = "ki_roles"
DETERMINERS = words_frozenset("determiners")
DEFINITE = frozenset(w.lower() for w in DETERMINERS)
OFFICE_SPOKESPERSON_PREFIXES = words_frozenset("office_spokesperson_prefixes")
TEMPORAL_MODIFIERS = words_frozenset("temporal_title_modifiers")
COMPLEMENT_STARTS = words_frozenset("complement_starts")
PLURAL_MARKERS = words_frozenset("plural_markers")
MAX_LIST = 20  # names in one list with a shared title ("die Ehrenmitglieder A, B und C")
MAX_BACK = 200  # person mentions a definite description may refer back to
ORDINAL_RE = regex.compile(r"^\d{1,2}\.$")
COPULAS = words_frozenset("copulas")
COMPARATIVES = words_frozenset("comparatives")
CLAUSE_ENDS = words_frozenset("clause_ends")


def _person_of(fact: dict) -> Entity:
    """The entity stage's person, rebuilt from its fact (names, gender and mentions)."""
    full = fact.get("_full")
    return Entity(
        "person", fact["value"], [(m["start"], m["end"]) for m in fact["mentions"]],
        first=tuple(fact.get("_first") or ()), surname=fact.get("_surname"), gender=fact.get("_gender"),
        full=tuple(full) if full else None,
    )


def same_office(a: str, b: str) -> bool:
    """"NRW-Integrationsstaatssekretärin" and "Staatssekretärin", "Amtsleiter" and "Leiter" are one office.

    >>> same_office("Amtsleiter", "Leiter"), same_office("Landrat", "Leiter")
    (True, False)
    """
    def norm(t: str) -> str:
        t = t.lower().split()[-1]
        for e in ("innen", "in", "er", "e"):
            if t.endswith(e) and len(t) > len(e) + 3:
                return t[: -len(e)]
        return t

    x, y = norm(a), norm(b)
    return x.endswith(y) or y.endswith(x)


def _party_named(org: str | None) -> str | None:
    """The party a role's body is, written short: "SPD", "Stadt-SPÖ", "Bundes-FDP" (a branch)."""
    if not org:
        return None
    name = org.rsplit("-", 1)[1] if "-" in org else org
    return lx.parties().get(name) if name.isupper() else None  # a party's short name, not "Demokratische Partei"


class RoleFinder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.toks = Tokens.of(doc)
        person_facts = [f for f in facts(doc, "ki_entities") if f["type"] == "person"]
        self.persons: list[Entity] = [_person_of(f) for f in person_facts]
        self.facts = {id(p): f for p, f in zip(self.persons, person_facts)}
        self.starts = {self.toks.start(i): i for i in range(len(self.toks))}
        self.ends = {self.toks.end(i): i for i in range(len(self.toks))}
        self.mention_at: dict[int, tuple[Entity, int]] = {}  # first token -> (person, last token)
        for p in self.persons:
            for s, e in p.mentions:
                i, j = self.starts.get(s), self._tok_ending(e)
                if i is not None and j is not None:
                    while i - 1 >= 0 and self.toks.t(i - 1) in HONORIFICS:
                        i -= 1
                    self.mention_at[i] = (p, j)
        self.mention_end = {j: (p, i) for i, (p, j) in self.mention_at.items()}
        self.used_titles: set[int] = set()
        orgs = [f for f in facts(doc, "ki_entities") if f["type"] == "organization"]
        self.org_spans = [(m["start"], m["end"], f["value"]) for f in orgs for m in f["mentions"]]
        places = [f for f in facts(doc, "ki_entities") if f["type"] == "location"]
        self.place_spans = [(m["start"], m["end"], f["value"]) for f in places for m in f["mentions"]]
        self.ages = [(f["start"], f["end"], f["value"]) for f in facts(doc, AGES_KEY)]

    def _tok_ending(self, e: int) -> int | None:
        if e in self.ends:
            return self.ends[e]
        # a genitive surname mention ("Schmidts") ends inside its token
        for k in range(len(self.toks)):
            if self.toks.start(k) < e <= self.toks.end(k):
                return k
        return None

    # -- helpers -------------------------------------------------------------------------------
    def _title(self, i: int) -> lx.Title | None:
        w = self.toks.t(i)
        if not is_cap(w):
            return None
        title = lx.title_of(w)
        if title is None and "-" in w:
            title = lx.title_of(w.split("-", 1)[1])  # "CDU-Landrat"
        return title

    def _bracket_items(self, open_i: int) -> list[tuple[object, str, dict]]:
        """Parties and ages in the brackets opening at token `open_i`, parts split by commas:
        [(value, "party" | "age", where)]; nothing when a part is anything else."""
        toks = self.toks
        close = next((k for k in range(open_i + 1, min(open_i + 10, len(toks))) if toks.t(k) == ")"), None)
        if close is None or close == open_i + 1:
            return []
        items, k = [], open_i + 1
        while k < close:
            end = next((m for m in range(k, close) if toks.t(m) == ","), close)
            if end == k:
                return []
            start_c, end_c = toks.start(k), toks.end(end - 1)
            inner = self.text[start_c:end_c]
            if inner.startswith("alle "):  # "(alle ÖVP)" after a list of names
                start_c, inner = start_c + 5, inner[5:]
            party = lx.all_parties().get(inner) or (lx.parties_casefold().get(inner.casefold()) if inner.isupper() else None)
            if party:  # "(Grüne)", "(DIE LINKE)", "(ZENTRUM)"
                items.append((party, "party", part(self.text, start_c, end_c)))
            elif inner.isascii() and inner.isdigit() and len(inner) <= 3 and 14 <= int(inner) <= 110:
                items.append((int(inner), "age", part(self.text, start_c, end_c)))
            else:
                return []
            k = end + 1
        return items

    def _party_prefix(self, i: int) -> tuple[str, dict] | None:
        """The party a compound title starts with ("CDU-Landrat", "Ukip-Vorsitzende") and where it stands."""
        w = self.toks.t(i)
        if "-" in w:
            prefix = w.split("-")[0]
            party = lx.parties().get(prefix) or (lx.parties().get(prefix.upper()) if len(prefix) >= 3 else None)
            if party:
                return party, self._token_part(i, len(prefix))
        return None

    def _complement_end(self, k: int, stop_at_person: bool = True) -> int:
        """Last token + 1 of a role's complement starting at token k ("des Amtes für ...")."""
        toks = self.toks
        end = k
        j = k
        while j < len(toks) and toks.t(j) in COMPLEMENT_STARTS and "\n" not in toks.gap(j):
            m = j + 1
            while m < len(toks) and "\n" not in toks.gap(m):
                w = toks.t(m)
                if stop_at_person and m in self.mention_at:
                    break
                if is_cap(w) and lx.title_of(w) is None:
                    m += 1
                    continue
                if w in ("und", "-", "–") and m + 1 < len(toks) and is_cap(toks.t(m + 1)) and lx.title_of(toks.t(m + 1)) is None and not (stop_at_person and m + 1 in self.mention_at):
                    m += 1
                    continue
                if w == "," and self._inside_org(toks.start(m)):
                    m += 1
                    continue
                if w[:1].islower() and lx._is_adjective(w) and m + 1 < len(toks) and is_cap(toks.t(m + 1)):
                    m += 1
                    continue
                break
            if m == j + 1:
                break
            end = m
            j = m
        return end

    def _inside_org(self, pos: int) -> bool:
        return any(s <= pos < e for s, e, _ in self.org_spans)

    def _org_of(self, k: int, end: int) -> str | None:
        """The body a complement names: a known organisation, else its first genitive or
        locative phrase in nominative ("des Rhein-Sieg-Kreises" -> "Rhein-Sieg-Kreis")."""
        if k >= end:
            return None
        s, e = self.toks.start(k), self.toks.end(end - 1)
        for os_, _, value in self.org_spans:
            if s <= os_ < e:
                return value
        toks = self.toks
        j = k
        while j < end:
            if toks.t(j) in ("des", "der", "im", "beim", "am", "vom", "bei", "aus", "in"):
                m = j + 1
                while m < end and toks.t(m) not in COMPLEMENT_STARTS:
                    m += 1
                words = [toks.t(x) for x in range(j + 1, m)]
                if words:
                    for ps, pe, value in self.place_spans:
                        if ps == toks.start(j + 1) and pe == toks.end(m - 1):
                            return value
                    return lx.nominative_org(words)
                j = m
            else:
                j += 1
        return None

    def _role(self, p: Entity, title: lx.Title, adj_start: int, title_i: int, end: int, org: str | None = None) -> dict:
        toks = self.toks
        written = title.for_gender(p.gender)
        adjectives = [lx.title_modifier(toks.t(x)) or toks.t(x) for x in range(adj_start, title_i)]
        adjectives = [a for a in adjectives if a not in TEMPORAL_MODIFIERS]  # "frühere Landrat": the title is Landrat
        if adjectives:
            written = " ".join(adjectives + [written])
        start, stop = toks.start(adj_start), toks.end(end - 1)
        if org is None:
            org = self._org_of(title_i + 1, end)
        if p.gender is None and title.gender:
            p.gender = title.gender
        return {"title": written, **part(self.text, start, stop), "org": org, "_kind": title.kind, "_title": title, "_adjs": adjectives,
                "_weak": bool(adjectives) and toks.t(adj_start - 1).lower() in DEFINITE}

    def _org_part(self, role: dict, party: str) -> dict | None:
        """Where the party of a role's body stands in the role's text ("der Stadt-SPÖ")."""
        for alias in sorted((a for a, c in lx.all_parties().items() if c == party), key=len, reverse=True):
            at = self.text.find(alias, role["start"], role["end"])
            if at >= 0:
                return part(self.text, at, at + len(alias))
        return None

    def _token_part(self, i: int, length: int | None = None) -> dict:
        """Token i (or its first `length` characters: the "CDU" of "CDU-Landrat") as a sub-fact."""
        start = self.toks.start(i)
        return part(self.text, start, start + length if length is not None else self.toks.end(i))

    def _adjectives_before(self, i: int) -> int:
        """First token of the title's own adjectives ("stellvertretende"); others stay outside."""
        b = i
        while b - 1 >= 0 and lx.title_modifier(self.toks.t(b - 1)) is not None:
            b -= 1
        return b

    # -- constructions -----------------------------------------------------------------------
    def run(self) -> None:
        roles: dict[int, list[dict]] = {id(p): [] for p in self.persons}
        parties: dict[int, tuple[str, dict]] = {}  # person -> (party, where it was found)
        ages: dict[int, tuple[int, dict]] = {}
        toks = self.toks
        mentions = sorted(self.mention_at.items())
        for i, (p, j) in mentions:
            pid = id(p)
            # party and age in brackets after the name: "(CDU)", "(38)", "(Bündnis 90/Die Grünen)", "(SPD, 45)"
            if toks.t(j + 1) == "(":
                for value, kind, where in self._bracket_items(j + 1):
                    (parties if kind == "party" else ages).setdefault(pid, (value, where))
            # title(s) right before the name
            k = i - 1
            while k >= 0:
                title = self._title(k)
                if title is None or toks.t(k) in HONORIFICS:
                    break
                b = self._adjectives_before(k)
                roles[pid].append(self._role(p, title, b, k, k + 1))
                self.used_titles.add(k)
                party = self._party_prefix(k)
                if party:
                    parties.setdefault(pid, party)
                if toks.t(b - 1) == "und" and self._title(b - 2):
                    k = b - 2
                    continue
                break
            # "der Grüne Georg Willi", "des Grünen X": a party's member named by the party
            w = toks.t(i - 1)
            if w in lx.all_parties() and not w.isupper() and toks.t(i - 2) in DETERMINERS:
                parties.setdefault(pid, (lx.all_parties()[w], self._token_part(i - 1)))
            # a plural title over a list: "die beiden Landtagsabgeordneten A (CDU) und B (FDP)",
            # "die Ehrenmitglieder A, B und C"
            if toks.t(i - 1) in ("und", ",") and not roles[pid]:
                self._plural_list(i, p, roles)
            # titles before a comma: "Der Kreisbeigeordnete und stellvertretende Landrat, Alexander Licht,"
            if toks.t(i - 1) == "," and not roles[pid]:
                self._titles_before_comma(i, p, roles, parties)
            # title with its body before the name: "die stellvertretende Leiterin des KI, Gabriele Wawer"
            if not any(r for r in roles[pid] if r.get("_at") == i):
                self._title_before_with_body(i, p, roles)
        for i, (p, j) in mentions:
            pid = id(p)
            # apposition: "Lilli Schmidt, KI-Leiterin", "Serap Güler (Staatssekretärin für Integration)"
            after = j + 1
            if toks.t(after) == "(" and self._bracket_items(after):  # "(CDU)", "(41)"
                after = next(m for m in range(after, len(toks)) if toks.t(m) == ")") + 1
            if toks.t(after) in (",", "(") and "\n" not in toks.gap(after + 1):
                k = after + 1
                if toks.t(k) in DETERMINERS:  # "Jan Wolf, dem SPD-Landtagsabgeordneten aus Kleve"
                    k += 1
                b = k
                while toks.t(k)[:1].islower() and lx._is_adjective(toks.t(k)):
                    k += 1
                title = self._title(k)
                while title is not None and k not in self.used_titles and k + 1 not in self.mention_at:
                    end = self._complement_end(k + 1)
                    roles[pid].append(self._role(p, title, b, k, end))
                    self.used_titles.add(k)
                    party = self._party_prefix(k)  # "X, stellvertretender FPÖ-Landesparteiobmann"
                    if party:
                        parties.setdefault(pid, party)
                    # a second title joined by "und": "Leiter des Bauhofs und Parteivorsitzender der Stadt-SPÖ"
                    if toks.t(end) != "und" or "\n" in toks.gap(end + 1):
                        break
                    b = k = end + 1
                    while toks.t(k)[:1].islower() and lx._is_adjective(toks.t(k)):
                        k += 1
                    title = self._title(k)
            # predicative: "X als Chefarzt der Kardiologie", "X (41) ist Betriebsratsvorsitzender"
            self._predicative(j, p, roles, parties)
        self._inverted_predicatives(roles, parties)
        self._credits(roles)
        self._descriptions(roles, parties, ages)
        self._possessive_parties(parties)
        self._relative_parties(parties)
        self._ages_before(ages)
        for p in self.persons:
            fact = self.facts.get(id(p))
            if fact is None:
                continue
            for r in roles[id(p)]:
                if "_title" in r:  # the title in the person's gender, now that all roles tell it
                    title = r["_title"]
                    masculine = title.gender == "m" or (title.gender is None and p.gender == "m")
                    # "stellvertretender Landrat"; after a definite article the weak form the
                    # nominative takes there: "den stellvertretenden Kreisbrandmeister" -> "stellvertretende"
                    adjectives = [a + "r" if masculine and not r["_weak"] and a.endswith("e") else a for a in r["_adjs"]]
                    r["title"] = " ".join(adjectives + [title.for_gender(p.gender)])
            fact["roles"] = merge_roles(roles[id(p)])
            if id(p) not in parties:  # "Parteivorsitzender der Stadt-SPÖ", "Generalsekretär der CDU"
                for r in fact["roles"]:
                    party = _party_named(r.get("org"))
                    if party:
                        parties[id(p)] = (party, self._org_part(r, party))
                        break
            fact["party"], fact["party_span"] = parties.get(id(p), (None, None))
            fact["age"], fact["age_span"] = ages.get(id(p), (None, None))
            if p.full is None:
                fact["value"] = p.value

    def _predicative(self, j: int, p: Entity, roles: dict[int, list[dict]], parties: dict) -> None:
        """A title after "als", "ist", "war", "wird", "wurde", "bleibt" in the same clause as the
        name ending at token j, in nominative singular."""
        toks = self.toks
        k = j + 1
        if toks.t(k) == "(":
            k = next((m for m in range(k, min(k + 10, len(toks))) if toks.t(m) == ")"), len(toks)) + 1
        for m in range(k, min(k + 5, len(toks))):
            w = toks.t(m)
            if w in CLAUSE_ENDS or m in self.mention_at or "\n" in toks.gap(m):
                return
            if w in COPULAS and toks.t(m - 1).lower() not in COMPARATIVES:
                break
        else:
            return
        t = m + 1
        while t < min(m + 5, len(toks)) and (toks.t(t)[:1].islower() or toks.t(t).isdigit() or toks.t(t).lower() in calendar_words()) and toks.t(t) not in CLAUSE_ENDS and toks.t(t) not in ("und", "oder", "wie"):
            t += 1
        title = self._title(t)
        if title is None or t in self.used_titles or t + 1 in self.mention_at or toks.t(t) in HONORIFICS:
            return
        word = toks.t(t)
        if word.lower() != title.text.lower() and word not in (title.masculine, title.feminine):
            return  # inflected: "als Bürgermeistern", not one person's title
        while True:
            b = self._adjectives_before(t)
            end = self._complement_end(t + 1)
            roles[id(p)].append(self._role(p, title, b, t, end))
            self.used_titles.add(t)
            party = self._party_prefix(t)  # "ist SPÖ-Klubobmann"
            if party:
                parties.setdefault(id(p), party)
            # "ist Betriebsratsvorsitzender und SPÖ-Klubobmann": a second title joined by "und"
            joined = toks.t(end) == "und" or toks.t(end - 1) == "und"  # the complement may end at "und"
            t = end + 1 if toks.t(end) == "und" else end
            while t < len(toks) and toks.t(t)[:1].islower() and lx.title_modifier(toks.t(t)) is not None:
                t += 1
            title = self._title(t) if joined else None
            word = toks.t(t)
            if title is None or t in self.used_titles or t + 1 in self.mention_at or (word.lower() != title.text.lower() and word not in (title.masculine, title.feminine)):
                return

    def _titles_before_comma(self, i: int, p: Entity, roles: dict[int, list[dict]], parties: dict) -> None:
        """"Der Vorsitzende, Hans Meier,", "Kreisbeigeordnete und stellvertretender Landrat, X":
        titles that end right before the comma in front of the name, after a determiner or at
        the start of a sentence or line."""
        toks = self.toks
        k = i - 2
        found = []
        while k >= 0:
            title = self._title(k)
            if title is None or k in self.used_titles or toks.t(k) in HONORIFICS:
                break
            b = self._adjectives_before(k)
            found.append((title, b, k))
            if toks.t(b - 1) == "und" and self._title(b - 2):
                k = b - 2
                continue
            break
        if not found:
            return
        first = found[-1][1]
        if ORDINAL_RE.match(toks.t(first - 1)):  # "Der 1. Kreisbeigeordnete"
            first -= 1
        before = toks.t(first - 1)
        if not (before in DETERMINERS or before in (".", "!", "?", ":", "\n", "") or found[-1][1] == 0):
            return
        for title, b, k in found:
            roles[id(p)].append(self._role(p, title, b, k, k + 1))
            self.used_titles.add(k)
            party = self._party_prefix(k)
            if party:
                parties.setdefault(id(p), party)

    def _plural_list(self, i: int, p: Entity, roles: dict[int, list[dict]]) -> None:
        toks = self.toks
        k = i - 1
        steps = 0
        while toks.t(k) in ("und", ",") and steps < MAX_LIST:  # a list of names is short; a run is no list
            steps += 1
            k -= 1
            if toks.t(k) == ")":
                while k >= 0 and toks.t(k) != "(":
                    k -= 1
                k -= 1
            if k not in self.mention_end:
                return
            prev, first = self.mention_end[k]
            k = first - 1
            while k >= 0 and toks.t(k) in HONORIFICS:
                k -= 1
            title = self._title(k)
            if title is not None:
                if toks.t(k) != title.text and (toks.t(k - 1) in PLURAL_MARKERS or toks.t(k).endswith(("en", "er"))):
                    roles[id(p)].append(self._role(p, title, self._adjectives_before(k), k, k + 1))
                return

    def _title_before_with_body(self, i: int, p: Entity, roles: dict[int, list[dict]]) -> None:
        toks = self.toks
        comma = toks.t(i - 1) == ","
        last = i - 2 if comma else i - 1
        for k in range(last, max(-1, last - 14), -1):
            if toks.t(k) in (".", "!", "?", ";", ":", "\n") or (k in self.mention_end and k != last):
                return
            title = self._title(k)
            if title is None or k in self.used_titles:
                continue
            if toks.t(k + 1) not in COMPLEMENT_STARTS:
                return
            end = self._complement_end(k + 1, stop_at_person=True)
            if end != last + 1:
                return
            if not comma and toks.t(k + 1) not in ("des", "der"):
                return
            b = self._adjectives_before(k)
            if toks.t(b - 1) not in DETERMINERS and b - 1 >= 0 and toks.t(b - 1) not in (",", "(", "\n") and not toks.t(b - 1)[:1].islower():
                return
            if toks.t(b - 1) == "," and (b - 2 in self.mention_end or toks.t(b - 2) == ")" and self._bracket_after_mention(b - 2)):
                return  # "A, Präsident der FH Worms, Prof. B": the apposition of A, not B's title
            roles[id(p)].append(self._role(p, title, b, k, end))
            self.used_titles.add(k)
            return

    def _inverted_predicatives(self, roles: dict[int, list[dict]], parties: dict) -> None:
        """"Schirmherr war auch in diesem Jahr Oberbürgermeister Dr. Rupert Kubon", "Leiterin des
        Projekts ist Anna Berg": a title (with its body) that opens a sentence, a copula, and the
        first person named after it in the same sentence."""
        toks = self.toks
        for k in range(len(toks)):
            if k in self.used_titles or toks.t(k - 1) not in (".", "!", "?", "\n", ":", "") and k > 0:
                continue
            title = self._title(k)
            if title is None:
                continue
            end = self._complement_end(k + 1) if toks.t(k + 1) in COMPLEMENT_STARTS else k + 1
            if toks.t(end) not in COPULAS or toks.t(end) == "als":
                continue
            for m in range(end + 1, min(end + 10, len(toks))):
                if toks.t(m) in (".", "!", "?", ";", "\n"):
                    break
                hit = self.mention_at.get(m)
                if hit is not None:
                    p = hit[0]
                    if not any(r.get("_title") is title for r in roles[id(p)]):
                        roles[id(p)].append(self._role(p, title, k, k, end))
                        self.used_titles.add(k)
                        party = self._party_prefix(k)
                        if party:
                            parties.setdefault(id(p), party)
                    break

    def _bracket_after_mention(self, close: int) -> bool:
        """Whether the ")" at `close` ends brackets right after a person's name ("A (CDU),")."""
        k = close
        while k >= 0 and self.toks.t(k) != "(":
            k -= 1
        return k - 1 in self.mention_end

    def _credits(self, roles: dict[int, list[dict]]) -> None:
        for s, e, kind, start in meta(self.doc).credits:
            for p in self.persons:
                if (s, e) in p.mentions or any(ms <= s and e <= me for ms, me in p.mentions):
                    title = lx.title_of("Autor" if kind == "byline" else "Fotograf")
                    written = title.feminine if p.gender == "w" else title.masculine
                    roles[id(p)].append({"title": written, **part(self.text, start, e), "org": None, "_kind": "credit"})
                    break

    def _possessive_parties(self, parties) -> None:
        """"Erdogans islamisch-konservative AKP", "Merkels CDU": a party after the person's
        genitive name, maybe after adjectives, is the person's party."""
        toks = self.toks
        for i, (p, j) in self.mention_at.items():
            w = toks.t(j)
            if id(p) in parties or not p.surname or w not in (p.surname + "s", p.surname + "'"):
                continue
            k = j + 1
            while k < j + 4 and toks.t(k)[:1].islower() and lx._is_adjective(toks.t(k).split("-")[-1]):
                k += 1
            party = lx.parties().get(toks.t(k))
            if party and "\n" not in toks.gap(k):
                parties[id(p)] = (party, self._token_part(k))

    def _relative_parties(self, parties) -> None:
        """"Anders die FPÖ: … meint deren Sozialsprecher Herbert Kickl": a title after "deren" or
        "dessen" before a name belongs to the organisation named last; when that is a party, it
        is the person's party."""
        toks = self.toks
        canon = set(lx.all_parties().values())
        for i, (p, j) in self.mention_at.items():
            title = self._title(i - 1)
            if id(p) in parties or title is None:
                continue
            b = self._adjectives_before(i - 1)
            relative = toks.t(b - 1) in ("deren", "dessen")
            if not relative and not self._party_spokesperson(toks.t(i - 1)):
                continue
            at = toks.start(b - 1) if relative else toks.start(b)
            before = [o for o in self.org_spans if o[1] <= at]
            if before:
                s, e, value = max(before, key=lambda o: o[1])
                sentences = len(regex.findall(r"[.!?:]\s", self.text[e:at]))
                if value in canon and at - e <= 250 and sentences <= 1:
                    parties[id(p)] = (value, part(self.text, s, e))

    def _party_spokesperson(self, word: str) -> bool:
        """"Sozialsprecherin", "ArbeitnehmerInnen-Sprecherin": a party's spokesperson for a field
        (not "Pressesprecher", "Polizeisprecher": they speak for an office)."""
        low = word.lower()
        if not low.endswith(("sprecher", "sprecherin")) or low in ("sprecher", "sprecherin"):
            return False
        prefix = word[: len(word) - (10 if low.endswith("sprecherin") else 8)].rstrip("-")
        return prefix not in OFFICE_SPOKESPERSON_PREFIXES and prefix.rstrip("s") not in OFFICE_SPOKESPERSON_PREFIXES

    def _descriptions(self, roles, parties, ages) -> None:
        """Definite descriptions without a name refer back to a person named before them."""
        toks = self.toks
        order = sorted((s, id(p)) for p in self.persons for s, _ in p.mentions)
        order_starts = [s for s, _ in order]
        by_id = {id(p): p for p in self.persons}
        for k in range(len(toks)):
            title = self._title(k)
            if title is None or k in self.used_titles:
                continue
            pos = toks.start(k)
            # determiner (with an age between): "Die 38-jährige CDU-Politikerin", "des Kreissozialdezernenten"
            b = k - 1
            age = None
            while b >= 0 and (toks.t(b)[:1].islower() and lx._is_adjective(toks.t(b)) or "jährig" in toks.t(b).lower()):
                for s, e, a in self.ages:
                    if s <= toks.start(b) < e or toks.start(b) <= s < toks.end(b):
                        age = (a, part(self.text, s, e))
                b -= 1
            if toks.t(b) not in DETERMINERS or toks.t(k + 1) in ("(",) or (k + 1) in self.mention_at:
                continue
            w = toks.t(k)
            inflected = w.lower() != title.text.lower() and not ("-" in w and w.lower().endswith(title.text.lower()))
            det = toks.t(b).lower()
            if inflected and not (det == "des" and w.lower().endswith(("en", "s"))):
                continue  # a plural ("den Bürgermeistern"), not one person
            # the persons named before, the last MAX_BACK mentions (bisect: linear in the text)
            cut = bisect.bisect_left(order_starts, pos)
            before = [pid for _, pid in order[max(0, cut - MAX_BACK):cut]]
            if not before:
                continue
            gender = title.gender
            compatible = [pid for pid in before if by_id[pid].gender in (None, gender) or gender is None]
            party = self._party_prefix(k)
            if title.kind == "descriptor":
                if not compatible:
                    continue
                # the most prominent person named so far; a politician for "die CDU-Politikerin"
                counts: dict[int, int] = {}
                for pid in compatible:
                    counts[pid] = counts.get(pid, 0) + 1
                for pid in counts:
                    if any(r.get("_kind") == "political" for r in roles[pid]):
                        counts[pid] += 10
                target = max(counts, key=lambda x: (counts[x], -before[::-1].index(x)))
                if party:
                    parties.setdefault(target, party)
                if age is not None:
                    ages.setdefault(target, age)
                continue
            # an office: the person who already holds it, else the last person named without a role
            holder = next((pid for pid in reversed(before) if any(same_office(r["title"], title.text) for r in roles[pid])), None)
            end = self._complement_end(k + 1)
            if holder is not None:
                richer = self._role(by_id[holder], title, self._adjectives_before(k), k, end)
                for r in roles[holder]:
                    if same_office(r["title"], title.text) and len(richer["text"]) > len(r["text"]) and r.get("_kind") != "credit":
                        r.update(text=richer["text"], start=richer["start"], end=richer["end"], org=r["org"] or richer["org"])
                        break
                if party:
                    parties.setdefault(holder, party)
                continue
            recent = [pid for pid in reversed(before) if pid in compatible and not roles[pid] and self.text[pos - 400 if pos > 400 else 0:pos].count(by_id[pid].surname or "\0")]
            if recent and by_id[recent[0]].gender is not None and gender is not None:
                target = recent[0]
                roles[target].append(self._role(by_id[target], title, self._adjectives_before(k), k, end))
                if party:
                    parties.setdefault(target, party)

    def _ages_before(self, ages) -> None:
        """"der 54-jährige Stephan X": an age right before a name."""
        for s, e, age in self.ages:
            k = self.ends.get(e)
            if k is not None and k + 1 in self.mention_at:
                ages.setdefault(id(self.mention_at[k + 1][0]), (age, part(self.text, s, e)))


def merge_roles(roles: list[dict]) -> list[dict]:
    """One role per office: the first title found, the richest text, the first body named."""
    out: list[dict] = []
    for r in roles:
        same = next((o for o in out if same_office(o["title"], r["title"]) and (o["_kind"] == "credit") == (r["_kind"] == "credit")), None)
        if same is None:
            out.append(dict(r))
            continue
        if len(r["text"]) > len(same["text"]):
            same.update(text=r["text"], start=r["start"], end=r["end"])
        if len(r["title"]) > len(same["title"]) and r["title"].lower().endswith(same["title"].lower().split()[-1]):
            same["title"] = r["title"] if " " not in same["title"] else same["title"]
        same["org"] = same["org"] or r["org"]
    return [{k: o[k] for k in ROLE_FIELDS} for o in out if o["_kind"] != "descriptor"]


class RolesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[KEY] = []
        finder = RoleFinder(doc)
        finder.run()
        for f in facts(doc, "ki_entities"):
            if f["type"] == "person":
                for r in f["roles"]:
                    add_span(doc, KEY, r["start"], r["end"], "ROLE")
                for label, sub in (("PARTY", f["party_span"]), ("AGE", f["age_span"])):
                    if sub is not None:
                        add_span(doc, KEY, sub["start"], sub["end"], label)
        return doc
