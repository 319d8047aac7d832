"""The constructions that give a person a role, a party or an age, one small rule each, run in the
order `BEFORE_NAME`, `AFTER_NAME`, `DOCUMENT` (see the end of this module). Every rule reads the
text through its `RoleFinder` and adds what it finds to the finder's roles, parties and ages; its
test rows are in tests/components/test_roles.py."""
from __future__ import annotations

from collections.abc import Callable

from ... import lexicon as lx
from ...lexicon.calendar import calendar_words
from ...textutil import words_frozenset
from ..base import part
from ..entities import HONORIFICS, Entity
from .document import (
    OBJECT_PRONOUNS,
    _comparative,
    ages_before,
    as_titles,
    credits,
    descriptions,
    inverted_predicatives,
    possessive_parties,
    relative_parties,
)
from .finder import (
    AND,
    CLAUSE_ENDS,
    COLLECTIVE_WORDS,
    COMPARATIVES,
    COMPLEMENT_STARTS,
    COPULAS,
    DETERMINERS,
    GENITIVE_ARTICLES,
    MAX_LIST,
    ORDINAL_RE,
    PARTY_NOUNS,
    PARTY_VON,
    PARTY_VON_ARTICLES,
    PREDICATIVE_STOPS,
    RoleFinder,
)

PLURAL_ARTICLES = words_frozenset("plural_articles")

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
        # the comma left out before a title with its body: "…“, so Thomas Berg Vorstand der Stiftung"
        if close is None and toks.t(after + 1) in GENITIVE_ARTICLES and "\n" not in toks.gap(after) and f._title(after) is not None:
            after -= 1
        else:
            return
    k = after + 1
    if toks.t(k) in DETERMINERS:  # "Jan Wolf, dem SPD-Landtagsabgeordneten aus Kleve"
        k += 1
    b = k
    while toks.t(k)[:1].islower() and lx._is_adjective(toks.t(k)):
        k += 1
    title = f._title(k, loose=toks.t(k + 1) in COMPLEMENT_STARTS or toks.t(k + 1) in (",", ")"))
    if title is not None and b > after + 1 and toks.t(after + 1).lower() in PLURAL_ARTICLES and f._plural(k, title) is not None:
        return  # "X, die anwesenden Gemeinderäte und die Gäste": the next item of a list, no apposition
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
        _prev, first = f.mention_end[k]
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


# The constructions, in the order they run. A rule of a mention runs for every person mention in
# the text's order (a title a rule took is not taken again); the rules after the name run once all
# titles before names are known; the document's rules then look at the whole text.
BEFORE_NAME: tuple[MentionRule, ...] = (
    brackets_after_name, party_after_von, titles_before_name, party_member_before_name, plural_title_before_list,
    titles_before_comma_once, title_with_body_before,
)
AFTER_NAME: tuple[MentionRule, ...] = (apposition, predicative)
DOCUMENT: tuple[DocumentRule, ...] = (inverted_predicatives, as_titles, credits, descriptions, possessive_parties, relative_parties, ages_before)
