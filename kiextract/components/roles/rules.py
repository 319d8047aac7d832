"""The constructions that give a person a role, a party or an age, one small rule each, run in the
order `BEFORE_NAME`, `AFTER_NAME`, `DOCUMENT` (see the end of this module). Every rule reads the
text through its `RoleFinder` and adds what it finds to the finder's roles, parties and ages; its
test rows are in tests/components/test_roles.py."""
from __future__ import annotations

import bisect
import dataclasses
from typing import Callable

import regex

from ... import lexicon as lx
from ...lexicon.calendar import calendar_words
from ...textutil import words_frozenset, words_map
from ..base import meta, part
from ..entities import HONORIFICS, Entity, is_cap
from .finder import (
    AGE_ADJECTIVE,
    AND,
    COLLECTIVE_WORDS,
    PARTY_NOUNS,
    PARTY_VON,
    PARTY_VON_ARTICLES,
    CLAUSE_ENDS,
    COMPARATIVES,
    COMPLEMENT_STARTS,
    COPULAS,
    DETERMINERS,
    GENITIVE_ARTICLES,
    GENITIVE_SINGULAR,
    MAX_BACK,
    MAX_LIST,
    ORDINAL_RE,
    PLURAL_MARKERS,
    PREDICATIVE_AS,
    PREDICATIVE_STOPS,
    RoleFinder,
    same_office,
)

SUBJECT_PRONOUNS = words_map("subject_pronouns")  # "sie" -> "w"
SENTENCE_ENDS = words_frozenset("sentence_ends")
OBJECT_PRONOUNS = words_frozenset("object_pronouns")
MAX_PRONOUN_REACH = 120  # tokens back a subject pronoun may refer: the sentence before, or two

MentionRule = Callable[[RoleFinder, int, Entity, int], None]  # (finder, first token, person, last token)
DocumentRule = Callable[[RoleFinder], None]


def brackets_after_name(f: RoleFinder, i: int, p: Entity, j: int) -> None:
    """Party and age in brackets after the name: "(CDU)", "(38)", "(Bündnis 90/Die Grünen)",
    "(SPD, 45)"; "(beide CDU)", "(alle ÖVP)" after a list of names give each its party."""
    toks = f.toks
    if toks.t(j + 1) != "(":
        return
    for value, kind, where in f._bracket_items(j + 1):
        (f.parties if kind == "party" else f.ages).setdefault(id(p), (value, where))
        if kind == "party" and toks.t(j + 2) in COLLECTIVE_WORDS:
            k = i - 1  # "A, B und C (alle SPD)": back over the list
            while toks.t(k) in AND or toks.t(k) == ",":
                hit = f.mention_end.get(k - 1)
                if hit is None:
                    break
                f.parties.setdefault(id(hit[0]), (value, where))
                k = hit[1] - 1


def party_after_von(f: RoleFinder, i: int, p: Entity, j: int) -> None:
    """"Uwe Kessler von der SPD", "Lea Hahn von den Grünen", "X von der CDU-Fraktion": the party
    after the name with "von der", "von den"."""
    toks = f.toks
    if toks.t(j + 1) not in PARTY_VON or toks.t(j + 2) not in PARTY_VON_ARTICLES or "\n" in toks.gap(j + 3):
        return
    k = j + 3
    w = toks.t(k)
    two = toks.joined(k, k + 2) if k + 2 <= len(toks) else ""
    party, length = PARTY_NOUNS.get(w), len(w)  # "von den Grünen", "von der Linken"
    if party is None and two in PARTY_NOUNS:  # "von den Freien Wählern"
        party, length = PARTY_NOUNS[two], len(two)
    if party is None:
        first = w.split("-")[0]  # "von der SPD", "von der SPD-Fraktion"
        party, length = f.party_names.get(first), len(first)
    if party:
        f.parties.setdefault(id(p), (party, part(f.text, toks.start(k), toks.start(k) + length)))


def titles_before_name(f: RoleFinder, i: int, p: Entity, j: int) -> None:
    """Title(s) right before the name: "Landrat Stephan Pusch", "Kreisdirektorin und
    Sozialdezernentin Annerose Heinze", "CDU-Landrat X" (the party too). Not a genitive name:
    "der Biograf Kohls" is Kohl's biographer."""
    toks, roles = f.toks, f.roles[id(p)]
    if i == j and p.surname and toks.t(i) in (p.surname + "s", p.surname + "'"):
        return
    k = i - 1
    while k >= 0:
        title = f._title(k, loose=k == i - 1)
        if title is None or toks.t(k) in HONORIFICS:
            break
        title = f._plural(k, title) or title  # "Die Stadträte Anna Roth und ...": Stadträtin
        b = f._adjectives_before(k)
        roles.append(f._role(p, title, b, k, k + 1))
        f.used_titles.add(k)
        party = f._party_prefix(k)
        if party:
            f.parties.setdefault(id(p), party)
        if toks.t(b - 1) in AND and f._title(b - 2):
            k = b - 2
            continue
        break


def party_member_before_name(f: RoleFinder, i: int, p: Entity, j: int) -> None:
    """"der Grüne Georg Willi", "des Grünen X": a party's member named by the party."""
    toks = f.toks
    w = toks.t(i - 1)
    party = lx.parties().get(w) or PARTY_NOUNS.get(w)  # not a party family abroad: "der Konservative François Fillon"
    if party and not w.isupper() and toks.t(i - 2) in DETERMINERS:
        f.parties.setdefault(id(p), (party, f._token_part(i - 1)))


def plural_title_before_list(f: RoleFinder, i: int, p: Entity, j: int) -> None:
    if (f.toks.t(i - 1) in AND or f.toks.t(i - 1) == ",") and not f.roles[id(p)]:
        plural_title_over_list(f, i, p, j)


def titles_before_comma_once(f: RoleFinder, i: int, p: Entity, j: int) -> None:
    if f.toks.t(i - 1) == "," and not f.roles[id(p)]:
        titles_before_comma(f, i, p, j)


def apposition(f: RoleFinder, i: int, p: Entity, j: int) -> None:
    """"Lilli Schmidt, KI-Leiterin", "Serap Güler (Staatssekretärin für Integration)", "Jan Wolf,
    dem SPD-Landtagsabgeordneten aus Kleve", "X, Leiter des Bauhofs und Parteivorsitzender der
    Stadt-SPÖ": titles in an apposition after the name (after brackets of something else:
    "X (parteilos), Generalsekretärin der Kulturstiftung")."""
    toks, roles = f.toks, f.roles[id(p)]
    after = j + 1
    close = next((m for m in range(after + 1, min(after + 8, len(toks))) if toks.t(m) == ")"), None) if toks.t(after) == "(" else None
    if close is not None and (f._bracket_items(after) or f._title(after + 1) is None):
        after = close + 1  # "(CDU)", "(41)", "(parteilos)", "(3.v.re.)": the apposition follows
    if toks.t(after) not in (",", "(") or "\n" in toks.gap(after + 1):
        return
    k = after + 1
    if toks.t(k) in DETERMINERS:  # "Jan Wolf, dem SPD-Landtagsabgeordneten aus Kleve"
        k += 1
    b = k
    while toks.t(k)[:1].islower() and lx._is_adjective(toks.t(k)):
        k += 1
    title = f._title(k, loose=toks.t(k + 1) in COMPLEMENT_STARTS or toks.t(k + 1) in (",", ")"))
    while title is not None and k not in f.used_titles and k + 1 not in f.mention_at:
        end = f._complement_end(k + 1)
        roles.append(f._role(p, title, b, k, end))
        f.used_titles.add(k)
        party = f._party_prefix(k)  # "X, stellvertretender FPÖ-Landesparteiobmann"
        if party:
            f.parties.setdefault(id(p), party)
        # a second title joined by "und": "Leiter des Bauhofs und Parteivorsitzender der Stadt-SPÖ"
        if toks.t(end) not in AND or "\n" in toks.gap(end + 1):
            break
        b = k = end + 1
        while toks.t(k)[:1].islower() and lx._is_adjective(toks.t(k)):
            k += 1
        title = f._title(k)


def plural_title_over_list(f: RoleFinder, i: int, p: Entity, j: int) -> None:
    """"die beiden Landtagsabgeordneten A (CDU) und B (FDP)", "die Ehrenmitglieder A, B und C",
    "Die Pfarrer A, B und C", "Zwei weitere TU-Mediziner, A und B": a plural title before a list
    of names is the title of each, in each one's gender."""
    roles = f.roles
    toks = f.toks
    k = i - 1
    steps = 0
    while (toks.t(k) in AND or toks.t(k) == ",") and steps < MAX_LIST:  # a list of names is short; a run is no list
        steps += 1
        k -= 1
        if toks.t(k) == ")":
            while k >= 0 and toks.t(k) != "(":
                k -= 1
            k -= 1
        if k not in f.mention_end:
            title = f._title(k) if steps == 1 and toks.t(k + 1) == "," and (toks.t(j + 1) in AND or toks.t(j + 1) == ",") else None
            plural = f._plural(k, title) if title is not None else None
            if plural is not None:  # "Zwei weitere TU-Mediziner, A und B": the list's first name
                roles[id(p)].append(f._role(p, plural, f._adjectives_before(k), k, k + 1))
            return
        prev, first = f.mention_end[k]
        k = first - 1
        while k >= 0 and toks.t(k) in HONORIFICS:
            k -= 1
        if toks.t(k) == "," and f._title(k - 1) is not None:
            k -= 1  # "Zwei weitere TU-Mediziner, A und B"
        title = f._title(k)
        if title is not None:
            plural = f._plural(k, title)
            if plural is not None:
                roles[id(p)].append(f._role(p, plural, f._adjectives_before(k), k, k + 1))
            return


def titles_before_comma(f: RoleFinder, i: int, p: Entity, j: int) -> None:
    """"Der Vorsitzende, Hans Meier,", "Kreisbeigeordnete und stellvertretender Landrat, X":
    titles that end right before the comma in front of the name, after a determiner or at
    the start of a sentence or line."""
    roles, parties = f.roles, f.parties
    toks = f.toks
    k = i - 2
    found = []
    while k >= 0:
        title = f._title(k)
        if title is None or k in f.used_titles or toks.t(k) in HONORIFICS:
            break
        b = f._adjectives_before(k)
        found.append((title, b, k))
        if toks.t(b - 1) in AND and f._title(b - 2):
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
        roles[id(p)].append(f._role(p, title, b, k, k + 1))
        f.used_titles.add(k)
        party = f._party_prefix(k)
        if party:
            parties.setdefault(id(p), party)


def title_with_body_before(f: RoleFinder, i: int, p: Entity, j: int) -> None:
    """"die stellvertretende Leiterin des KI, Gabriele Wawer", "der Leiter des Amtes für
    Integration Dirk Jäckel": a title with its body before the name, with or without a comma, and
    maybe another title right before the name ("die Sprecherin der Staatsanwaltschaft,
    Oberstaatsanwältin Anne Leiding")."""
    roles = f.roles
    toks = f.toks
    if toks.t(i - 2) == "," and f._title(i - 1) is not None:
        i -= 1  # "die Pressesprecherin der Staatsanwaltschaft, Oberstaatsanwältin Anne Leiding"
    comma = toks.t(i - 1) == ","
    last = i - 2 if comma else i - 1
    for k in range(last, max(-1, last - 14), -1):
        if toks.t(k) in (".", "!", "?", ";", ":", "\n") or (k in f.mention_end and k != last):
            return
        title = f._title(k)
        if title is None or k in f.used_titles:
            continue
        if toks.t(k + 1) not in COMPLEMENT_STARTS:
            return
        end = f._complement_end(k + 1, stop_at_person=True)
        if end != last + 1:
            return
        if not comma and toks.t(k + 1) not in GENITIVE_ARTICLES:
            return
        b = f._adjectives_before(k)
        if toks.t(b - 1) not in DETERMINERS and b - 1 >= 0 and toks.t(b - 1) not in (",", "(", "\n") and not toks.t(b - 1)[:1].islower():
            return
        if toks.t(b - 1) == "," and (b - 2 in f.mention_end or toks.t(b - 2) == ")" and f._bracket_after_mention(b - 2)):
            return  # "A, Präsident der FH Worms, Prof. B": the apposition of A, not B's title
        roles[id(p)].append(f._role(p, title, b, k, end))
        f.used_titles.add(k)
        return


def predicative(f: RoleFinder, i: int, p: Entity, j: int) -> None:
    """A title after "als", "ist", "war", "wird", "wurde", "bleibt" in the same clause as the
    name ending at token j, in nominative singular."""
    roles, parties = f.roles, f.parties
    toks = f.toks
    k = j + 1
    if toks.t(k) == "(":
        k = next((m for m in range(k, min(k + 10, len(toks))) if toks.t(m) == ")"), len(toks)) + 1
    for m in range(k, min(k + 5, len(toks))):
        w = toks.t(m)
        if w in CLAUSE_ENDS or m in f.mention_at or "\n" in toks.gap(m):
            return
        if w in COPULAS and toks.t(m - 1).lower() not in COMPARATIVES:
            if toks.t(m - 1).lower() in OBJECT_PRONOUNS:
                return  # "holte ihn als Manager": the title is his
            break
    else:
        return
    t = m + 1
    while t < min(m + 5, len(toks)) and (toks.t(t)[:1].islower() or toks.t(t).isdigit() or toks.t(t).lower() in calendar_words()) and toks.t(t) not in CLAUSE_ENDS and toks.t(t) not in PREDICATIVE_STOPS:
        if toks.t(t) in COMPARATIVES or _comparative(toks.t(t)):
            return  # "ist größer als sein Chef": a comparison
        t += 1
    title = f._title(t)
    if title is None or t in f.used_titles or t + 1 in f.mention_at or toks.t(t) in HONORIFICS:
        return
    word = toks.t(t)
    if word.lower() != title.text.lower() and word not in (title.masculine, title.feminine):
        return  # inflected: "als Bürgermeistern", not one person's title
    while True:
        b = f._adjectives_before(t)
        end = f._complement_end(t + 1)
        roles[id(p)].append(f._role(p, title, b, t, end))
        f.used_titles.add(t)
        party = f._party_prefix(t)  # "ist SPÖ-Klubobmann"
        if party:
            parties.setdefault(id(p), party)
        # "ist Betriebsratsvorsitzender und SPÖ-Klubobmann": a second title joined by "und"
        joined = toks.t(end) in AND or toks.t(end - 1) in AND  # the complement may end at "und"
        t = end + 1 if toks.t(end) in AND else end
        while t < len(toks) and toks.t(t)[:1].islower() and lx.title_modifier(toks.t(t)) is not None:
            t += 1
        title = f._title(t) if joined else None
        word = toks.t(t)
        if title is None or t in f.used_titles or t + 1 in f.mention_at or (word.lower() != title.text.lower() and word not in (title.masculine, title.feminine)):
            return


def as_titles(f: RoleFinder) -> None:
    """"X (CDU) verpflichtete sich als Europa- und Medienminister", "X, der als
    Bundesratsvertreter ans Rednerpult trat", "Einen Namen machte sie sich als Moderatorin,
    Schauspielerin, Jazzsängerin": a title in the nominative after "als" describes the person
    named last before it in its sentence, else the one a subject pronoun before it stands for
    (the last person named of its gender); not after a comparative ("mehr als", "früher als")."""
    toks, roles, parties = f.toks, f.roles, f.parties
    by_id = {id(p): p for p in f.persons}
    for a in range(1, len(toks)):
        if toks.t(a) not in PREDICATIVE_AS or toks.t(a - 1).lower() in COMPARATIVES or _comparative(toks.t(a - 1)):
            continue
        t = a + 1
        while t < a + 4 and toks.t(t)[:1].islower() and lx.title_modifier(toks.t(t)) is not None:
            t += 1
        titles = _title_list(f, t)
        if not titles:
            continue
        target = _subject_before(f, a, by_id, titles[0][0].gender)
        if target is None:
            continue
        p = by_id[target]
        if titles[0][0].gender not in (None, p.gender) and p.gender is not None:
            continue
        for title, b, k, end in titles:
            roles[target].append(f._role(p, title, b, k, end))
            f.used_titles.add(k)
            party = f._party_prefix(k) or _party_of_body(f, k + 1, end)
            if party:
                parties.setdefault(target, party)


def _comparative(w: str) -> bool:
    """"größer", "länger": an adjective's comparative, after which "als" compares."""
    return w[:1].islower() and w.endswith("er") and len(w) > 4 and lx._is_adjective(w)


def _title_list(f: RoleFinder, t: int) -> list[tuple[object, int, int, int]]:
    """The nominative titles from token t on, joined by commas, "und" or a truncated compound
    ("Moderatorin, Schauspielerin, Jazzsängerin", "Cheftrainer und Sportlicher Leiter", "Europa-
    und Medienminister"): [(title, adjectives' first token, title token, complement end)]."""
    toks, out = f.toks, []
    while True:
        b = t
        if toks.t(t).endswith("-") and toks.t(t + 1) in AND:  # "Europa- und Medienminister": one title
            t += 2
        elif is_cap(toks.t(t)) and lx.title_modifier(toks.t(t).lower()) is not None and f._title(t + 1) is not None:
            t += 1  # "Sportlicher Leiter"
        title = f._title(t)
        word = toks.t(t)
        if title is None or t in f.used_titles or t + 1 in f.mention_at or title.kind in ("descriptor", "member") \
                or (word.lower() != title.text.lower() and word not in (title.masculine, title.feminine)):
            return out
        end = f._complement_end(t + 1)
        out.append((title, b if b < t else f._adjectives_before(t), t, end))
        nxt = toks.t(end)
        if nxt not in AND and nxt != ",":
            return out
        t = end + 1


def _subject_before(f: RoleFinder, a: int, by_id: dict, gender: str | None) -> int | None:
    """The person named last before token `a` in its sentence, else the one a subject pronoun
    there stands for: the last person named before the sentence in that pronoun's gender."""
    toks = f.toks
    k = a - 1
    pronoun = None
    if toks.t(a - 1).lower() in OBJECT_PRONOUNS or toks.t(a - 2).lower() in OBJECT_PRONOUNS:
        return None  # "der ihn als Manager holte": whom "ihn" stands for
    while k >= 0 and toks.t(k) not in SENTENCE_ENDS and "\n\n" not in toks.gap(k + 1):
        if k in f.mention_end:
            return id(f.mention_end[k][0])
        if toks.t(k) in SUBJECT_PRONOUNS:
            pronoun = SUBJECT_PRONOUNS[toks.t(k)]
        k -= 1
    if pronoun is None or (gender is not None and gender != pronoun):
        return None
    while k >= 0 and a - k < MAX_PRONOUN_REACH:
        if k in f.mention_end:
            p = f.mention_end[k][0]
            return id(p) if p.gender == pronoun else None
        k -= 1
    return None


def _party_of_body(f: RoleFinder, k: int, end: int) -> tuple[str, dict] | None:
    """The party a title's body is ("als Ersatzgemeinderätin der Grünen")."""
    toks = f.toks
    for m in range(k, end):
        w = toks.t(m)
        party = lx.parties().get(w) or (PARTY_NOUNS.get(w) if toks.t(m - 1).lower() in GENITIVE_ARTICLES else None)
        if party:
            return party, f._token_part(m)
    return None


def inverted_predicatives(f: RoleFinder) -> None:
    """"Schirmherr war auch in diesem Jahr Oberbürgermeister Dr. Rupert Kubon", "Leiterin des
    Projekts ist Anna Berg", "Neuer Landrat ist Jürgen Hesse": a title (with its adjectives and
    body) that opens a sentence, a copula, and the first person named after it in the same
    sentence; "Als Kämmerin folgt Sabine Roth auf Uwe Kessler": "als", a title that opens the
    sentence, a verb, and the person after it."""
    roles, parties = f.roles, f.parties
    toks = f.toks
    for k in range(len(toks)):
        if k in f.used_titles:
            continue
        title = f._title(k)
        if title is None:
            continue
        b = f._adjectives_before(k)
        opener = toks.t(b - 1).lower() in PREDICATIVE_AS and _sentence_opens(toks, b - 1)
        if not opener and not _sentence_opens(toks, b):
            continue
        end = f._complement_end(k + 1) if toks.t(k + 1) in COMPLEMENT_STARTS else k + 1
        if opener:  # "Als Kämmerin folgt": the verb after the title
            if not (toks.t(end)[:1].islower() and toks.t(end).isalpha()) or toks.t(end) in PREDICATIVE_AS:
                continue
        elif toks.t(end) not in COPULAS or toks.t(end) in PREDICATIVE_AS:
            continue
        for m in range(end + 1, min(end + 10, len(toks))):
            if toks.t(m) in (".", "!", "?", ";", "\n"):
                break
            hit = f.mention_at.get(m)
            if hit is not None:
                p = hit[0]
                if not any(r.get("_title") is title for r in roles[id(p)]):
                    roles[id(p)].append(f._role(p, title, b, k, end))
                    f.used_titles.add(k)
                    party = f._party_prefix(k)
                    if party:
                        parties.setdefault(id(p), party)
                break


def _sentence_opens(toks, k: int) -> bool:
    """Does a sentence (or line) open at token k?"""
    return k <= 0 or toks.t(k - 1) in (".", "!", "?", "\n", ":", "")


def credits(f: RoleFinder) -> None:
    """"Von Anna Berg" (a byline) and "Foto: Jan Wolf" (a photo credit): Autor/Autorin, Fotograf/Fotografin."""
    roles = f.roles
    for s, e, kind, start in meta(f.doc).credits:
        for p in f.persons:
            if (s, e) in p.mentions or any(ms <= s and e <= me for ms, me in p.mentions):
                title = lx.title_of("Autor" if kind == "byline" else "Fotograf")
                written = title.feminine if p.gender == "w" else title.masculine
                roles[id(p)].append({"title": written, **part(f.text, start, e), "org": None, "_kind": "credit"})
                break


def descriptions(f: RoleFinder) -> None:
    """Definite descriptions without a name refer back to a person named before them."""
    roles, parties, ages = f.roles, f.parties, f.ages
    toks = f.toks
    order = sorted((s, id(p)) for p in f.persons for s, _ in p.mentions)
    order_starts = [s for s, _ in order]
    by_id = {id(p): p for p in f.persons}
    for k in range(len(toks)):
        title = f._title(k)
        if title is None or k in f.used_titles:
            continue
        pos = toks.start(k)
        # determiner (with an age between): "Die 38-jährige CDU-Politikerin", "des Kreissozialdezernenten"
        b = k - 1
        age = None
        while b >= 0 and (toks.t(b)[:1].islower() and lx._is_adjective(toks.t(b)) or AGE_ADJECTIVE in toks.t(b).lower()):
            for s, e, a in f.age_spans:
                if s <= toks.start(b) < e or toks.start(b) <= s < toks.end(b):
                    age = (a, part(f.text, s, e))
            b -= 1
        if toks.t(b) not in DETERMINERS or toks.t(k + 1) in ("(",) or (k + 1) in f.mention_at:
            continue
        if toks.t(b).lower() == "die" and f._plural(k, title) is not None:
            continue  # "Die Meinungsforscher weisen darauf hin": many
        after = toks.t(k + 1)
        if is_cap(after) and "\n" not in toks.gap(k + 1) and not lx.is_common_word(after) and after not in lx.first_names():
            continue  # "der englischen Premier League": a name that begins with a title
        w = toks.t(k)
        inflected = w.lower() != title.text.lower() and not ("-" in w and w.lower().endswith(title.text.lower()))
        det = toks.t(b).lower()
        if inflected and not (det in GENITIVE_SINGULAR and w.lower().endswith(("en", "s"))):
            continue  # a plural ("den Bürgermeistern"), not one person
        # the persons named before, the last MAX_BACK mentions (bisect: linear in the text)
        cut = bisect.bisect_left(order_starts, pos)
        before = [pid for _, pid in order[max(0, cut - MAX_BACK):cut]]
        if not before:
            continue
        if title.kind == "member":
            continue  # "der Nationalrat", "der Regierungsrat" without a name: the council, no person
        gender = title.gender
        compatible = [pid for pid in before if by_id[pid].gender in (None, gender) or gender is None]
        party = f._party_prefix(k)
        if title.kind == "descriptor":
            if not compatible:
                continue
            # the most prominent person named so far; a politician for "die CDU-Politikerin"
            counts: dict[int, int] = {}
            for pid in compatible:
                counts[pid] = counts.get(pid, 0) + 1
            for pid in counts:
                if any(r.get("_kind") in ("political", "member") for r in roles[pid]):
                    counts[pid] += 10
            target = max(counts, key=lambda x: (counts[x], -before[::-1].index(x)))
            if party:
                parties.setdefault(target, party)
            if age is not None:
                ages.setdefault(target, age)
            continue
        # an office: the person who already holds it, else the last person named without a role
        # (a descriptor is none: "Preisträgerin X ... sagt die Kabarettistin")
        holder = next((pid for pid in reversed(before) if any(same_office(r["title"], title.text) for r in roles[pid])), None)
        end = f._complement_end(k + 1)
        if holder is not None:
            richer = f._role(by_id[holder], title, f._adjectives_before(k), k, end)
            for r in roles[holder]:
                if same_office(r["title"], title.text) and len(richer["text"]) > len(r["text"]) and r.get("_kind") != "credit":
                    r.update(text=richer["text"], start=richer["start"], end=richer["end"], org=r["org"] or richer["org"])
                    break
            if party:
                parties.setdefault(holder, party)
            continue
        recent = [pid for pid in reversed(before) if pid in compatible and all(r.get("_kind") == "descriptor" for r in roles[pid]) and f.text[pos - 400 if pos > 400 else 0:pos].count(by_id[pid].surname or "\0")]
        if recent and by_id[recent[0]].gender is not None and gender is not None:
            target = recent[0]
            roles[target].append(f._role(by_id[target], title, f._adjectives_before(k), k, end))
            if party:
                parties.setdefault(target, party)


def possessive_parties(f: RoleFinder) -> None:
    """"Erdogans islamisch-konservative AKP", "Merkels CDU": a party after the person's
    genitive name, maybe after adjectives, is the person's party."""
    parties = f.parties
    toks = f.toks
    for i, (p, j) in f.mention_at.items():
        w = toks.t(j)
        if id(p) in parties or not p.surname or w not in (p.surname + "s", p.surname + "'"):
            continue
        k = j + 1
        while k < j + 4 and toks.t(k)[:1].islower() and lx._is_adjective(toks.t(k).split("-")[-1]):
            k += 1
        party = lx.parties().get(toks.t(k))
        if party and "\n" not in toks.gap(k):
            parties[id(p)] = (party, f._token_part(k))


def relative_parties(f: RoleFinder) -> None:
    """"Anders die FPÖ: … meint deren Sozialsprecher Herbert Kickl": a title after "deren" or
    "dessen" before a name belongs to the organisation named last; when that is a party, it
    is the person's party."""
    parties = f.parties
    toks = f.toks
    canon = set(lx.all_parties().values())
    for i, (p, j) in f.mention_at.items():
        title = f._title(i - 1)
        if id(p) in parties or title is None:
            continue
        b = f._adjectives_before(i - 1)
        relative = toks.t(b - 1) in ("deren", "dessen")
        if not relative and not f._party_spokesperson(toks.t(i - 1)):
            continue
        at = toks.start(b - 1) if relative else toks.start(b)
        before = [o for o in f.org_spans if o[1] <= at]
        if before:
            s, e, value = max(before, key=lambda o: o[1])
            sentences = len(regex.findall(r"[.!?:]\s", f.text[e:at]))
            if value in canon and at - e <= 250 and sentences <= 1:
                parties[id(p)] = (value, part(f.text, s, e))


def ages_before(f: RoleFinder) -> None:
    """"der 54-jährige Stephan X", "der 61-jährige Schwimmmeister Peter Lind": an age before a
    name, maybe with a title (and its adjectives) between."""
    ages, toks = f.ages, f.toks
    for s, e, age in f.age_spans:
        k = f.ends.get(e)
        if k is None:
            continue
        m = k + 1
        while m < k + 4 and (f._title(m, loose=True) is not None or lx.title_modifier(toks.t(m)) is not None) and "\n" not in toks.gap(m):
            m += 1
        if m in f.mention_at:
            ages.setdefault(id(f.mention_at[m][0]), (age, part(f.text, s, e)))


# The constructions, in the order they run. A rule of a mention runs for every person mention in
# the text's order (a title a rule took is not taken again); the rules after the name run once all
# titles before names are known; the document's rules then look at the whole text.
BEFORE_NAME: tuple[MentionRule, ...] = (
    brackets_after_name, party_after_von, titles_before_name, party_member_before_name, plural_title_before_list,
    titles_before_comma_once, title_with_body_before,
)
AFTER_NAME: tuple[MentionRule, ...] = (apposition, predicative)
DOCUMENT: tuple[DocumentRule, ...] = (inverted_predicatives, as_titles, credits, descriptions, possessive_parties, relative_parties, ages_before)
