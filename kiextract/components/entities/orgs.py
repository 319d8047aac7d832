"""Organisations: the packaged lists, parties, legal forms, abbreviations defined in brackets,
institutions built from a head noun and a name ("Amtsgericht Kleve", "Kita Kunterbunt")."""
from __future__ import annotations

import regex

from ... import lexicon as lx
from ...normalize.contacts import BRAND_DOMAIN_IN_TEXT_RE
from ...textutil import Ranges, overlaps
from .common import (
    ABBR_RE,
    ADJECTIVE_NAMED_HEADS,
    DESCRIPTORS,
    ENGLISH_ORG_HEADS,
    GENERIC_ACRONYMS,
    GENITIVE_HEADS,
    LEGAL_FORMS,
    LIST_SEPARATORS,
    NAMED_INSTITUTIONS,
    PARTY_NOUNS,
    PARTY_ORG_NAMES,
    PLACE_ONLY,
    QUOTED_NAME_HEADS,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    Entity,
    Rules,
    _describes_company,
    _is_short_form,
    _org_categories,
    _org_heads_with_place,
    _sentence_start,
    is_cap,
    is_name_token,
)


class OrgFinder(Rules):
    def find_listed_orgs(self, listed: list[tuple[int, int, str, str]]) -> None:
        """Organisations of the packaged lists ("dpa", "Vereinte Nationen", "SV Werder Bremen"):
        the longest name wins where names overlap; an ambiguous name ("Presse") only in quotes, a
        name starting with an article ("Die Presse") not where a sentence starts. A listed name at
        the front of a compound ("ÖGB-Präsident") is a mention too."""
        known, quoted = lx.known_orgs(), lx.quoted_orgs()
        taken = Ranges()
        for m in BRAND_DOMAIN_IN_TEXT_RE.finditer(self.text):  # "Web.de", "Leave.EU": brands, no addresses
            if not overlaps(m.start(), m.end(), self.skip):
                self._add_org(m.group(), m.start(), m.end())
                taken.append((m.start(), m.end()))
                self.claimed.append((m.start(), m.end()))
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
        i = 0
        while i < len(toks):
            w = toks.t(i)
            s = toks.start(i)
            party = self._party(i)
            if party is not None:
                self._add_org(PARTY_ORG_NAMES.get(party[0], party[0]), party[1], party[2])
            else:
                self._compound_org(i)
            if w in ENGLISH_ORG_HEADS:
                self._english_org(i)
            if w in LEGAL_FORMS:
                self._legal_form_org(i)
            elif w.endswith(("ministerium", "ministeriums")) and is_cap(w) and len(w) > 12:
                self._add_org(lx.lemmatize_noun(w) if w.endswith("s") else w, s, toks.end(i))  # "US-Außenministerium"
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
        self._drop_generic_bodies()

    def _drop_generic_bodies(self) -> None:
        """A body named only by its kind or portfolio is no organisation of its own, whichever
        rule or list found it ("das Finanzministerium", "der Zuger Kantonsrat", "das Amtsgericht");
        with its place or name it is ("Amtsgericht Kleve", "US-Außenministerium")."""
        for key, ent in list(self.orgs.items()):
            if lx.is_generic_body(ent.value):
                del self.orgs[key]

    def _party(self, i: int) -> tuple[str, int, int] | None:
        """The party token i names, as (short name, start, end): "CDU", "CDU-Politikerin";
        an ambiguous name where only a party fits: in brackets after a person ("(Grüne)",
        "(DIE LINKE)", "(ZENTRUM)"), in a list with an unambiguous party ("SPD, Grüne und
        Linke"), or as a noun after an article ("von den Grünen", "die Linke"), not "die Grüne Woche"."""
        toks, parties, every = self.toks, lx.parties(), lx.all_parties()
        w, s = toks.t(i), toks.start(i)
        if w in parties:
            return parties[w], s, toks.end(i)
        if "-" in w and w.split("-")[0] in parties:
            first = w.split("-")[0]
            return parties[first], s, s + len(first)
        if "-" in w and w.rsplit("-", 1)[1] in parties and w.rsplit("-", 1)[1].isupper():
            last = w.rsplit("-", 1)[1]  # a party's branch: "der Stadt-SPÖ", "die Bundes-FDP"
            return parties[last], toks.end(i) - len(last), toks.end(i)
        if toks.t(i - 1) == "(" and i >= 2 and any(m[1] == toks.end(i - 2) for p in self.persons for m in p.mentions):
            folded = lx.parties_casefold()
            for n in (1, 2):
                if toks.t(i + n) == ")" and toks.joined(i, i + n).casefold() in folded:
                    return folded[toks.joined(i, i + n).casefold()], s, toks.end(i + n - 1)
        if w in every and self._in_party_list(i):
            return every[w], s, toks.end(i)
        if w in PARTY_NOUNS and toks.t(i - 1).lower() in ("die", "der", "den", "des", "dem") and not _sentence_start(self.text, s):
            after = toks.t(i + 1)
            if not is_cap(after) or after in lx.first_names() or after in LIST_SEPARATORS:
                return PARTY_NOUNS[w], s, toks.end(i)
        return None

    def _compound_org(self, i: int) -> None:
        """A name at the front of a compound with a title: "OGM-Chef", "FWV-Sprecher" (an
        acronym), "Guardian-Kolumnist" (a listed name), "STANDARD-Gespräch" (a listed name in
        capitals); not "IT-Leiter" or "US-Präsident"."""
        toks = self.toks
        w = toks.t(i)
        first, _, rest = w.partition("-")
        if not first or overlaps(toks.start(i), toks.end(i), self.claimed):
            return
        s, e = toks.start(i), toks.start(i) + len(first)
        if first.isupper() and len(first) >= 4 and first.title() in lx.quoted_orgs():
            org = lx.quoted_orgs()[first.title()]  # "dem STANDARD", "im STANDARD-Gespräch"
            self._add_listed(org, org.canonical.split(" (")[0], s, e)
            return
        if not rest or lx.title_of(rest) is None or "-" in rest:
            return
        listed = lx.known_orgs().get(first)
        if listed is not None:
            self._add_listed(listed[0], listed[1], s, e)
        elif regex.fullmatch(r"\p{Lu}{2,5}", first) and first not in GENERIC_ACRONYMS and first not in lx.places() and first not in lx.land_aliases():
            self._add_org(first, s, e)

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
        # "der Freiwilligen Feuerwehr" and later "die Freiwillige Feuerwehr in Dettenhausen": the
        # shorter name of two or more words is a mention of the longer one that goes on with a place
        by_value = {ent.value: key for key, ent in self.orgs.items()}
        for key, ent in list(self.orgs.items()):
            if " " not in ent.value:
                continue
            longer = [v for v in by_value if v.startswith(ent.value + " ") and v[len(ent.value) + 1:] in lx.places()]
            if len(longer) == 1 and by_value[longer[0]] in self.orgs:
                target = self.orgs[by_value[longer[0]]]
                for m in ent.mentions:
                    target.add(*m)
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

    def _english_org(self, i: int) -> None:
        """An English name: "McGill University", "Arista Records", "Sony Music" (capitalised
        words before the head, not German ones), "Library of Congress" (the head, "of", a name)."""
        toks = self.toks
        def english_word(k: int) -> bool:
            w = toks.t(k)
            return (
                is_cap(w) and "\n" not in toks.gap(k + 1) and w.lower() not in lx.FUNCTION_WORDS and w not in lx.name_stopwords() and not lx.org_head_of(w)
                and not lx.is_common_word(w) and lx.title_of(w) is None and not overlaps(toks.start(k), toks.end(k), self.person_spans)
            )
        b = i
        while b - 1 >= 0 and i - b < 3 and english_word(b - 1) and not _sentence_start(self.text, toks.start(b - 1)):
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
        if not overlaps(s, end, self.claimed):
            self._add_org(self.text[s:end], s, end)

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
        while b - 1 >= 0 and is_cap(toks.t(b - 1)) and (lx._is_adjective(toks.t(b - 1)) or lx._is_adjective(toks.t(b - 1).lower())) and "\n" not in toks.gap(b):
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
        # 'Kita „Kunterbunt“', 'Kindertagesstätte "Arche Noah"': the name in quotes
        if (lemma_head in QUOTED_NAME_HEADS or category in QUOTED_NAME_HEADS) and toks.t(i + 1) in QUOTES_OPEN and is_cap(toks.t(i + 2)):
            close = next((k for k in range(i + 3, min(i + 8, len(toks))) if toks.t(k) in QUOTES_CLOSE), None)
            if close is not None and not any("\n" in toks.gap(k) for k in range(i + 1, close + 1)):
                s, e = toks.start(b), toks.end(close)
                if not overlaps(toks.start(i + 2), toks.end(close - 1), self.claimed) and not overlaps(toks.start(i + 2), toks.end(close - 1), self.person_spans):
                    self._add_org(f"{lx.nominative_org([toks.t(k) for k in range(b, i + 1)])} {toks.joined(i + 2, close)}", s, e)
                    return s, e
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
                return self._adjective_named(b, i, with_place=True)
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
                    # the organisation is; its name is what follows, over foreign words too ("die
                    # Zeitung USA Today", "der Nachrichtenagentur The Associated Press")
                    if lx.lemmatize_noun(w) != w and not w.endswith("s"):
                        return None  # a plural: "den Behörden Fahrlässigkeit vorwerfen"
                    while end - i <= 3 and end < len(toks) and toks.gap(end) == " " and self._foreign_name_word(end):
                        end += 1
                    s, e = toks.start(i + 1), toks.end(end - 1)
                    value = self.text[s:e] if end > i + 2 else name_words[0]
                elif name_words[0].isupper() and len(lemma_head) >= len(category) + 3:
                    # "des Wirtschaftsforschungsinstituts DIW": a compound that says what the body
                    # is, before its acronym; the acronym is the name
                    value, s = name_words[0], toks.start(i + 1)
                else:
                    value = f"{lx.lemmatize_noun(w)} {name_words[0]}"
                if overlaps(s, e, self.person_spans):
                    return None
                self._add_org(value, s, e)
                return s, e
        return self._adjective_named(b, i, with_place=False)

    def _foreign_name_word(self, k: int) -> bool:
        """Can token k go on a name after a descriptor: capitalised, no German noun or function
        word, no title, no given name, nobody's mention ("Today", "Potami", "Insider")."""
        w = self.toks.t(k)
        return (
            is_cap(w) and is_name_token(w) and not lx.is_common_word(w) and not lx.is_inflected_noun(w) and w.lower() not in lx.FUNCTION_WORDS
            and w not in lx.first_names() and w not in lx.name_stopwords() and not lx.org_head_of(w)
            and not overlaps(self.toks.start(k), self.toks.end(k), self.person_spans)
        )

    def _adjective_named(self, b: int, i: int, with_place: bool) -> tuple[int, int] | None:
        """"Freiwillige Feuerwehr (in) Dettenhausen", "Medizinisches Versorgungszentrum",
        "Staatliches Schulamt": capitalised adjectives (tokens b..i-1) inside a sentence make a
        name of the head at i; a place after it (maybe after "in") joins where `with_place`."""
        toks = self.toks
        if b == i or _sentence_start(self.text, toks.start(b)):
            return None
        skip_in = toks.t(i + 1) == "in"
        n = self._place_at(i + 1 + skip_in) if with_place else 0
        last = i + skip_in + n if n else i
        s, e = toks.start(b), toks.end(last)
        if overlaps(s, e, self.person_spans):
            return None
        value = lx.nominative_org([toks.t(k) for k in range(b, i + 1)])
        if n:
            value += " " + toks.joined(last - n + 1, last + 1)
        self._add_org(value, s, e)
        return s, e

    def _place_at(self, k: int) -> int:
        """How many tokens from k name a place in its own form (0 if none)."""
        toks = self.toks
        for n in (3, 2, 1):
            if k + n <= len(toks) and not any("\n" in toks.gap(x) for x in range(k + 1, k + n)):
                surface = toks.joined(k, k + n)
                if lx.places().get(surface) == surface:
                    return n
        return 0

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
