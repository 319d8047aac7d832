"""The rules that look at the whole text once the titles before and after names are known:
"als" and a title, titles before a copula, credits and bylines, descriptions of persons, parties
by possessive or relative clause, ages before a name. Run in the order of `rules.DOCUMENT`."""
from __future__ import annotations

import bisect

import regex

from ... import lexicon as lx
from ...textutil import words_frozenset, words_map
from ..base import meta, part
from ..entities import is_cap
from .finder import (
    AGE_ADJECTIVE,
    AND,
    COMPARATIVES,
    COMPLEMENT_STARTS,
    COPULAS,
    DETERMINERS,
    GENITIVE_ARTICLES,
    GENITIVE_SINGULAR,
    MAX_BACK,
    PARTY_NOUNS,
    PREDICATIVE_AS,
    RoleFinder,
    same_office,
)

SUBJECT_PRONOUNS = words_map("subject_pronouns")  # "sie" -> "w"
SENTENCE_ENDS = words_frozenset("sentence_ends")
OBJECT_PRONOUNS = words_frozenset("object_pronouns")
MAX_PRONOUN_REACH = 120  # tokens back a subject pronoun may refer: the sentence before, or two


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
    for (p, j) in f.mention_at.values():
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
