"""Organisations at a token, one small rule per construction: a party ("CDU", "CDU-Politikerin",
"von den Grünen"), a listed or acronym name before a title ("OGM-Chef"), an English name ("McGill
University"), a company before its legal form ("Klemme AG"), a ministry with its country, a body
defined with its abbreviation in brackets ("Kommunales Integrationszentrum (KI)"), a compound of a
name and a head ("Anne-Frank-Schule"). The rules of
head nouns are in headed.py."""
from __future__ import annotations

import regex

from .... import lexicon as lx
from ....textutil import Ranges, overlaps, words_frozenset, words_pattern, words_tuple
from ...contacts.find import BRAND_DOMAIN_IN_TEXT_RE
from ..common import (
    ENGLISH_ORG_HEADS,
    GENERIC_ACRONYMS,
    GENITIVE_ARTICLES,
    LEGAL_FORMS,
    PARTY_ORG_NAMES,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    _describes_company,
    _sentence_start,
    is_cap,
)
from .finder import OrgFinder

DEFINED_ABBREVIATION_RE = regex.compile(words_pattern("defined_abbreviation_pattern"))
DEFINED_AT_END_RE = regex.compile(f"(?:{DEFINED_ABBREVIATION_RE.pattern})\\Z")  # ending where the search ends
BRACKETED_ABBREVIATION_RE = regex.compile(r"\(\p{Lu}{2,6}\)")
DEFINITION_REACH = 200  # characters before "(ABC)" where its phrase of at most six words may begin
REPORTED_OUTLET_RE = regex.compile(words_pattern("reported_outlet_pattern"))
BYLINE_SOURCES_RE = regex.compile(words_pattern("byline_sources_pattern"))
NATIONAL_BODIES = {w: w for w in words_tuple("national_bodies")}
DESCRIPTIVE_HEADS = words_frozenset("name_compound_descriptive_heads")  # "die Berlusconi-Partei"
NAME_PART_RE = regex.compile(r"\p{Lu}\p{Ll}+")  # "Anne", "Frank": a part of a name in a compound


def listed_names(f: OrgFinder, listed: list[tuple[int, int, str, str]]) -> None:
    """Organisations of the packaged lists ("dpa", "Vereinte Nationen", "SV Werder Bremen"):
    the longest name wins where names overlap; an ambiguous name ("Presse") only in quotes, a
    name starting with an article ("Die Presse") not where a sentence starts. A listed name at
    the front of a compound ("ÖGB-Präsident") is a mention too."""
    known, quoted = lx.known_orgs(), lx.quoted_orgs()
    taken = Ranges()
    for m in BRAND_DOMAIN_IN_TEXT_RE.finditer(f.text):  # "Web.de", "Leave.EU": brands, no addresses
        if not overlaps(m.start(), m.end(), f.skip):
            f._add_org(m.group(), m.start(), m.end())
            taken.append((m.start(), m.end()))
            f.claimed.append((m.start(), m.end()))
    person_spans = f.person_spans
    defined = _defined_otherwise(f.text)
    for s, e, label, name in sorted(listed, key=lambda x: (-(x[1] - x[0]), x[0])):
        if overlaps(s, e, taken) or overlaps(s, e, f.skip) or overlaps(s, e, person_spans):
            continue
        if f.text[s:e] in defined and label != "QUOTED" and not _names_itself(known[name][0].canonical, defined[f.text[s:e]]):
            continue  # "die Aufgaben- und Finanzplanung (AFP)": no agency here
        if label == "QUOTED":
            if not (f.text[s - 1:s] in QUOTES_OPEN and f.text[e:e + 1] in QUOTES_CLOSE):
                continue
            org, surface = quoted[name], name
        else:
            org, surface = known[name]
            if surface.split()[0] in ("Der", "Die", "Das") and _sentence_start(f.text, s):
                continue
        taken.append((s, e))
        f._add_listed(org, surface, s, e)
    toks = f.toks
    for i in range(len(toks)):
        w = toks.t(i)
        if "-" in w and not overlaps(toks.start(i), toks.end(i), taken):
            first = w.split("-")[0]
            entry = known.get(first)
            if entry is not None and (first.isupper() or sum(c.isupper() for c in first) >= 2) and first not in f.every_party:
                s = toks.start(i)
                f._add_listed(entry[0], entry[1], s, s + len(first))


def _names_itself(canonical: str, phrase: str) -> bool:
    """Does the phrase that defines an abbreviation name the listed organisation ("des
    Internationalen Währungsfonds (IWF)": Internationaler Währungsfonds)?"""
    low = phrase.lower()
    return any(w[:5].lower() in low for w in canonical.split() if len(w) >= 4)


def _defined_otherwise(text: str) -> dict[str, str]:
    """Abbreviations the text defines as a phrase that is no organisation: "die Aufgaben- und
    Finanzplanung (AFP)" makes "AFP" no news agency in this text. The abbreviation's letters
    stand in order in the phrase, from the initial of one of its words on."""
    out: dict[str, str] = {}
    for bracket in BRACKETED_ABBREVIATION_RE.finditer(text):  # the rare "(ABC)" first: the phrase's pattern is slow to scan a text
        m = DEFINED_AT_END_RE.search(text, max(0, bracket.start() - DEFINITION_REACH), bracket.end())
        if m is None:
            continue
        abbr, words = m.group("abbr"), m.group("phrase").split()
        if any(lx.org_head_of(w.rstrip("-")) for w in words):
            continue  # "Regionales Bildungszentrum (RBZ)": an organisation, defined
        for k, w in enumerate(words):
            if w[:1] == abbr[0] and _in_order(abbr[1:].lower(), " ".join(words[k:])[1:].lower()):
                out[abbr] = " ".join(words[k:])
                break
    return out


def _in_order(letters: str, text: str) -> bool:
    it = iter(text)
    return all(c in it for c in letters)


def reported_outlets(f: OrgFinder) -> None:
    """A quoted name that reports is a newspaper, broadcaster or site: 'wie „Newsflix“
    berichtet', 'berichtet die „Rheinpfalz“'."""
    for m in REPORTED_OUTLET_RE.finditer(f.text):
        s, e = m.span("name")
        if not overlaps(s, e, f.claimed) and not overlaps(s, e, f.skip) and not overlaps(s, e, f.person_spans):
            f._add_org(m.group("name").strip(), s, e)
            f.claimed.append((s, e))


def byline_sources(f: OrgFinder) -> None:
    """The sources of a byline: 'Von nachrichten.at/apa' (a site and the APA), 'Von dpa/lno'."""
    known = lx.known_orgs()
    for m in BYLINE_SOURCES_RE.finditer(f.text):
        at = m.start("sources")
        for part in regex.finditer(r"[^/\s]+", m.group("sources")):
            name, s = part.group(), at + part.start()
            listed = known.get(name) or known.get(name.upper())
            if overlaps(s, s + len(name), f.claimed):
                continue
            if listed is not None:
                f._add_listed(listed[0], listed[1], s, s + len(name))
            elif "." in name.strip("."):
                f._add_org(name, s, s + len(name))  # a site: "nachrichten.at"
            else:
                continue
            f.claimed.append((s, s + len(name)))


def party_or_compound(f: OrgFinder, i: int, w: str) -> None:
    """A party token ("CDU", "CDU-Politikerin", "(Grüne)", "von den Grünen"), else a name at the
    front of a compound with a title ("OGM-Chef", "Guardian-Kolumnist")."""
    party = f._party(i)
    if party is not None:
        f._add_org(PARTY_ORG_NAMES.get(party[0], party[0]), party[1], party[2])
    else:
        compound_name(f, i)


def compound_name(f: OrgFinder, i: int) -> None:
    """A name at the front of a compound with a title: "OGM-Chef", "FWV-Sprecher" (an
    acronym), "Guardian-Kolumnist" (a listed name), "STANDARD-Gespräch" (a listed name in
    capitals); not "IT-Leiter" or "US-Präsident"."""
    toks = f.toks
    w = toks.t(i)
    first, _, rest = w.partition("-")
    if not first or overlaps(toks.start(i), toks.end(i), f.claimed):
        return
    s, e = toks.start(i), toks.start(i) + len(first)
    if first.isupper() and len(first) >= 4 and first.title() in lx.quoted_orgs() and first.title() not in lx.places():
        org = lx.quoted_orgs()[first.title()]  # "dem STANDARD", "im STANDARD-Gespräch"
        f._add_listed(org, org.canonical.split(" (")[0], s, e)
        return
    if not rest or lx.title_of(rest) is None or "-" in rest:
        return
    listed = lx.known_orgs().get(first)
    if listed is not None:
        f._add_listed(listed[0], listed[1], s, e)
    elif regex.fullmatch(r"\p{Lu}{2,5}", first) and first not in GENERIC_ACRONYMS and first not in lx.places() and first not in lx.land_aliases():
        f._add_org(first, s, e)


def english_head(f: OrgFinder, i: int, w: str) -> None:
    if w in ENGLISH_ORG_HEADS:
        english_name(f, i)


def english_name(f: OrgFinder, i: int) -> None:
    """An English name: "McGill University", "Arista Records", "Sony Music" (capitalised
    words before the head, not German ones), "Library of Congress" (the head, "of", a name)."""
    toks = f.toks
    def english_word(k: int) -> bool:
        w = toks.t(k)
        return (
            is_cap(w) and "\n" not in toks.gap(k + 1) and w.lower() not in lx.FUNCTION_WORDS and w not in lx.name_stopwords() and not lx.org_head_of(w)
            and not lx.is_common_word(w) and lx.title_of(w) is None and not overlaps(toks.start(k), toks.end(k), f.person_spans)
        )
    b = i
    while b - 1 >= 0 and i - b < 3 and english_word(b - 1) and not _sentence_start(f.text, toks.start(b - 1)):
        b -= 1
    e = i
    def after_of(k: int) -> bool:  # "of Congress", "of England": any capitalised word
        return is_cap(toks.t(k)) and toks.t(k).isalpha() and toks.gap(k) == " "
    if toks.t(i + 1) == "of" and after_of(i + 2):
        e = i + 2
        while e + 1 < len(toks) and e - i < 4 and after_of(e + 1):
            e += 1
    if b == i and e == i:
        return
    s, end = toks.start(b), toks.end(e)
    if not overlaps(s, end, f.claimed):
        f._add_org(f.text[s:end], s, end)


def legal_form_or_ministry(f: OrgFinder, i: int, w: str) -> None:
    """A company before its legal form ("Klemme AG"), else a ministry named as one word with its
    country ("US-Außenministerium"; a ministry named only by its portfolio is dropped as generic)."""
    toks = f.toks
    if w in LEGAL_FORMS:
        legal_form_name(f, i)
    elif w.endswith(("ministerium", "ministeriums")) and is_cap(w) and len(w) > 12:
        f._add_org(lx.lemmatize_noun(w) if w.endswith("s") else w, toks.start(i), toks.end(i))


def legal_form_name(f: OrgFinder, i: int) -> None:
    """A company named before its legal form: "Klemme AG", "Müller Fleisch GmbH",
    "ante-holz & Co. KG", "DRK-Kindertagesstätten Segeberg gGmbH"."""
    toks = f.toks
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
    f._add_org(f.text[s:e], s, e)


def bracket_abbreviation(f: OrgFinder, i: int, w: str) -> None:
    """An abbreviation defined in brackets: "Kommunalen Integrationszentrums (KI)"."""
    toks = f.toks
    if w == "(" and toks.t(i + 2) == ")" and f._is_abbr(toks.t(i + 1)):
        bracket_abbreviation_name(f, i)


def bracket_abbreviation_name(f: OrgFinder, i: int) -> None:
    toks = f.toks
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
    if not has_head and texts[0][:1] != abbr[:1] and toks.t(k) in GENITIVE_ARTICLES:
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
        ent = f._add_org(value, s, toks.end(i + 3), abbr)
    else:
        value = lx.nominative_org(texts)
        ent = f._add_org(value, s, e, abbr)
    ent.abbr = abbr
    # every later mention of the head alone ("des Integrationszentrums") is this organisation
    f.claimed.append((s, e))


def named_compound(f: OrgFinder, i: int, w: str) -> None:
    """A compound of a person's name and an organisation's head: "Anne-Frank-Schule", "Max-Planck-
    Institut", "die Bernd-Bachmayr-Grundschule" (the head in its nominative): a given name and
    more names, or one surname or given name; no part a common word but a name."""
    if "-" not in w or overlaps(f.toks.start(i), f.toks.end(i), f.claimed):
        return
    *names, last = w.split("-")
    head = lx.org_head_of(last)
    if not is_cap(last) or head is None or head in DESCRIPTIVE_HEADS or not all(NAME_PART_RE.fullmatch(n) for n in names):
        return
    first_names, surnames = lx.first_names(), lx.surnames()
    if any(lx.is_common_word(n) and n not in first_names and n not in surnames for n in names):
        return  # not "Kreis-Jugendamt"
    if len(names) == 1:  # "Goethe-Gymnasium", "Leopold-Museum": a surname or a given name
        if names[0] not in surnames and (names[0] not in first_names or names[0] in lx.weak_first_names()):
            return
    elif names[0] not in first_names or names[0] in lx.weak_first_names():
        return  # "Anne-Frank-Schule", "Bernd-Bachmayr-Grundschule": a given name first; not "Mai-Mai-Miliz"
    s, e = f.toks.start(i), f.toks.end(i)
    f._add_org("-".join([*names, lx.lemmatize_noun(last)]), s, e)
    f.claimed.append((s, e))


def national_body(f: OrgFinder, i: int, w: str) -> None:
    """A unique national or European body named by its kind alone: "der Bundestag", "des
    Nationalrats", "die EU-Kommission" (words_de.json national_bodies); not a member's title
    before a name ("Nationalrat Peter Maier", "Bundesrat Ueli Maurer"); also at the front of a
    title ("EU-Ratspräsident")."""
    if not is_cap(w) or overlaps(f.toks.start(i), f.toks.end(i), f.claimed):
        return
    body = NATIONAL_BODIES.get(w) or NATIONAL_BODIES.get(lx.lemmatize_noun(w))
    if body is None:
        national_body_in_title(f, i, w)
        return
    after = f.toks.t(i + 1)
    if after in lx.first_names() or (is_cap(after) and any(m[0] == f.toks.start(i + 1) for p in f.persons for m in p.mentions)):
        return
    s, e = f.toks.start(i), f.toks.end(i)
    f._add_org(body, s, e)
    f.claimed.append((s, e))


def national_body_in_title(f: OrgFinder, i: int, w: str) -> None:
    """A national body at the front of a title: "EU-Ratspräsident", "EU-Kommissionspräsidentin",
    "Bundesratsvertreter" (the body, without its linking -s)."""
    title = lx.title_of(w)
    if title is None or not title.prefix:
        return
    prefix = title.prefix.rstrip("-")
    body = NATIONAL_BODIES.get(prefix) or (NATIONAL_BODIES.get(prefix[:-1]) if prefix.endswith("s") else None)
    if body is None:
        return
    s = f.toks.start(i)
    f._add_org(body, s, s + len(body))
