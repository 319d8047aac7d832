"""The role finder: the persons of the entity stage with their mentions, the tokens, and the
helpers the rules share (a title at a token, a role's complement and body, party and age in
brackets); `finish` writes what the rules found into the person facts.

The constructions it serves:

Constructions: title before the name ("Landrat Stephan Pusch", "Kreisdirektorin und
Sozialdezernentin Annerose Heinze"), title with its body before the name, with or without a comma
("der Leiter des Amtes für Integration und Inklusion, Dirk Jäckel"), apposition after the name
("Lilli Schmidt, KI-Leiterin"), brackets ("Serap Güler (Staatssekretärin für Integration)",
"(CDU)"), a plural title over a list of names ("die beiden Landtagsabgeordneten Bernd Krückel (CDU)
und Stefan Lenzen (FDP)"), bylines and photo credits, and a definite description that refers back
to a person named before ("des Kreissozialdezernenten", "Die 38-jährige CDU-Politikerin").
"""
from __future__ import annotations

import dataclasses

import regex
from spacy.tokens import Doc

from ... import lexicon as lx
from ...records import ROLE_FIELDS
from ...textutil import words_frozenset, words_map
from ..base import doc_text, facts, part
from ..entities import HONORIFICS, Entity, Tokens, is_cap
from ..numbers import AGES_KEY

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
AND = words_frozenset("and")
COLLECTIVE_WORDS = words_frozenset("collective_words")
PARTY_VON = words_frozenset("party_von")
PARTY_VON_ARTICLES = words_frozenset("party_von_articles")
PARTY_NOUNS = words_map("party_nouns")
GENITIVE_ARTICLES = words_frozenset("genitive_articles")
GENITIVE_SINGULAR = words_frozenset("genitive_singular")
BODY_PREPOSITIONS = words_frozenset("body_prepositions")
PREDICATIVE_STOPS = words_frozenset("predicative_stops")
PREDICATIVE_AS = words_frozenset("predicative_as")
AGE_ADJECTIVE = next(iter(words_frozenset("age_adjective")))


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
        self.party_names = lx.parties()  # of the document's locale
        places = [f for f in facts(doc, "ki_entities") if f["type"] == "location"]
        self.place_spans = [(m["start"], m["end"], f["value"]) for f in places for m in f["mentions"]]
        self.age_spans = [(f["start"], f["end"], f["value"]) for f in facts(doc, AGES_KEY)]
        # what the rules find: person -> roles, and (value, where it stands) of party and age
        self.roles: dict[int, list[dict]] = {id(p): [] for p in self.persons}
        self.parties: dict[int, tuple[str, dict]] = {}
        self.ages: dict[int, tuple[int, dict]] = {}

    def _tok_ending(self, e: int) -> int | None:
        if e in self.ends:
            return self.ends[e]
        # a genitive surname mention ("Schmidts") ends inside its token
        for k in range(len(self.toks)):
            if self.toks.start(k) < e <= self.toks.end(k):
                return k
        return None

    # -- helpers -------------------------------------------------------------------------------
    def _title(self, i: int, loose: bool = False) -> lx.Title | None:
        """The title token i is; with `loose` (right before a name, in an apposition) also a
        person noun of the word clusters of office and occupation ("Schwimmmeister")."""
        w = self.toks.t(i)
        if not is_cap(w):
            return None
        title = lx.title_of(w)
        if title is None and "-" in w:
            title = lx.title_of(w.split("-", 1)[1])  # "CDU-Landrat"
        if title is None and loose and w not in lx.first_names() and w not in lx.places() and not self._inside_org(self.toks.start(i)):
            title = lx.cluster_title(w)
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
            first, _, rest = inner.partition(" ")
            if first in COLLECTIVE_WORDS and rest:  # "(alle ÖVP)", "(beide CDU)" after a list of names
                start_c, inner = start_c + len(first) + 1, rest
            party = lx.all_parties().get(inner) or (lx.parties_casefold().get(inner.casefold()) if inner.isupper() else None)
            left, slash, right = inner.partition("/")
            if not party and slash and right.strip()[:1].isupper() and len(right.split()) <= 2:
                # "(SP/Bern)", "(CVP/NW)": party and canton; "(Bündnis 90/Grüne)"
                party = lx.all_parties().get(left.strip())
                end_c = start_c + len(left.rstrip()) if party else end_c
            if party:  # "(Grüne)", "(DIE LINKE)", "(ZENTRUM)"
                items.append((party, "party", part(self.text, start_c, end_c)))
            elif inner.isascii() and inner.isdigit() and len(inner) <= 3 and 14 <= int(inner) <= 110:
                items.append((int(inner), "age", part(self.text, start_c, end_c)))
            else:
                return []
            k = end + 1
        return items

    def _party_prefix(self, i: int) -> tuple[str, dict] | None:
        """The party a compound title starts with ("CDU-Landrat", "Ukip-Vorsitzende", "Grünen-Abgeordnete") and where it stands."""
        w = self.toks.t(i)
        if "-" in w:
            prefix = w.split("-")[0]
            party = lx.parties().get(prefix) or PARTY_NOUNS.get(prefix) or (lx.parties().get(prefix.upper()) if len(prefix) >= 3 else None)
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
                if (w in AND or w in ("-", "–")) and m + 1 < len(toks) and is_cap(toks.t(m + 1)) and lx.title_of(toks.t(m + 1)) is None and not (stop_at_person and m + 1 in self.mention_at):
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
            if toks.t(j) in BODY_PREPOSITIONS:
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

    def _plural(self, k: int, title: lx.Title) -> lx.Title | None:
        """The title at token k as each one's of a plural ("die Landräte", "Die Pfarrer", "beiden
        TU-Mediziner", "Stadträtinnen"), in the gender of the person it goes to; None where the
        word is a singular ("der Landrat", "die Pfarrerin")."""
        w, toks = self.toks.t(k), self.toks
        b = k - 1
        while b >= 0 and b > k - 3 and toks.t(b)[:1].islower() and lx._is_adjective(toks.t(b)):
            b -= 1  # "Zwei weitere TU-Mediziner"
        marker = toks.t(b).lower() in PLURAL_MARKERS
        neutral = dataclasses.replace(title, gender=None)
        masculine, feminine = neutral.for_gender("m").lower(), neutral.for_gender("w").lower()
        singular = w.lower() in (title.text.lower(), masculine, feminine)
        if w.endswith("innen") or (marker and not (singular and w.lower() == feminine)) or (not singular and w.endswith(("en", "er", "e"))):
            return dataclasses.replace(neutral, text=neutral.for_gender("w" if w.endswith("innen") else "m"))
        return None

    def _bracket_after_mention(self, close: int) -> bool:
        """Whether the ")" at `close` ends brackets right after a person's name ("A (CDU),")."""
        k = close
        while k >= 0 and self.toks.t(k) != "(":
            k -= 1
        return k - 1 in self.mention_end

    def _party_spokesperson(self, word: str) -> bool:
        """"Sozialsprecherin", "ArbeitnehmerInnen-Sprecherin": a party's spokesperson for a field
        (not "Pressesprecher", "Polizeisprecher": they speak for an office)."""
        low = word.lower()
        if not low.endswith(("sprecher", "sprecherin")) or low in ("sprecher", "sprecherin"):
            return False
        prefix = word[: len(word) - (10 if low.endswith("sprecherin") else 8)].rstrip("-")
        return prefix not in OFFICE_SPOKESPERSON_PREFIXES and prefix.rstrip("s") not in OFFICE_SPOKESPERSON_PREFIXES

    def finish(self) -> None:
        """Write what the rules found into the person facts: each role's title in the person's
        gender, one role per office, the party (or the party a role's body is) and the age."""
        roles, parties, ages = self.roles, self.parties, self.ages
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
