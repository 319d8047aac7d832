"""Places: gazetteer towns, Länder and countries in context, named streets and squares, the model's
places where precision filters agree."""
from __future__ import annotations

import regex

from ... import lexicon as lx
from ...textutil import overlaps, street_suffixes, words_frozenset, words_pattern
from .common import (
    BUILDING_HEADS,
    DISTRICT_PARTS,
    GENERIC_STREET_FIRSTS,
    LIST_SEPARATORS,
    LOCATIVE,
    NOUN_DETERMINERS,
    PLACE_CONTEXT,
    PLACE_DESIGNATORS,
    REGION_DESIGNATORS,
    Rules,
    is_cap,
    is_name_token,
)


BYLINE_PLACE_RE = regex.compile(words_pattern("byline_place_pattern"))
STREET_WORDS = words_frozenset("street_words")
CLUSTER_PLACE_BEFORE = words_frozenset("cluster_place_before")  # "in", "aus"
ROUTE_WORDS = words_frozenset("route_words")  # "von X über Y nach Z"
PLACE_TAKING_HEADS = words_frozenset("place_taking_heads")  # "Klinikum", "Amtsgericht"
ADJECTIVE_RE = regex.compile(r"\p{Lu}\p{Ll}{2,}er")  # "Magdeburger", "Weißenseer"  # "Straße", "Allee": a street after a place's adjective


class PlaceFinder(Rules):
    def __init__(self, found, listed: list[tuple[int, int, str]] | None = None):
        """`listed`: (start, end, name as listed) of the packaged places' names in the text (the
        component's PhraseMatcher); None looks them up token by token."""
        super().__init__(found)
        toks = self.toks
        self.listed: dict[int, list[tuple[int, str]]] | None = None
        if listed is not None:
            starts = {s: i for i, (w, s, _) in enumerate(toks.items) if w != "\n"}
            ends = {e: i for i, (w, _, e) in enumerate(toks.items) if w != "\n"}
            self.listed = {}
            for s, e, name in listed:
                if s in starts and e in ends:
                    self.listed.setdefault(starts[s], []).append((ends[e] + 1 - starts[s], name))
            for hits in self.listed.values():
                hits.sort(reverse=True)

    def _listed_at(self, i: int) -> tuple[int, str] | None:
        """The longest listed place starting at token i, as (tokens, name as listed)."""
        toks, places = self.toks, lx.places()
        if self.listed is not None:
            candidates = self.listed.get(i, ())
        else:
            candidates = [(n, toks.joined(i, i + n)) for n in (4, 3, 2, 1) if i + n <= len(toks)]
        for n, name in candidates:
            if n <= 4 and name in places and not any("\n" in toks.gap(k) for k in range(i + 1, i + n)):
                return n, name
        return None

    # -- places ----------------------------------------------------------------------------
    def find_places(self, model_ents: list[tuple[int, int, str]]) -> None:
        toks, places, lands = self.toks, lx.places(), lx.land_aliases()
        for m in BYLINE_PLACE_RE.finditer(self.text):  # "Von Anna Perucki, Frankfurt"
            s, e = m.span("place")
            if m.group("place") in places and not overlaps(s, e, self.claimed) and not overlaps(s, e, self.skip):
                self._add_place(places[m.group("place")], s, e, m.group("place"))
        i = 0
        while i < len(toks):
            w = toks.t(i)
            if not is_cap(w):
                i += 1
                continue
            hit = self._listed_at(i)
            if hit:
                n, surface = hit
                s, e = toks.start(i), toks.end(i + n - 1)
                if not overlaps(s, e, self.claimed) and self._place_ok(i, n, surface):
                    self._add_place(places[surface], s, e, surface)
                    i += n
                    continue
            after = self._designated_place(i) or self._dateline(i) or self._adjective_street(i) or self._cluster_places(i)
            if after:
                i = after
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
                last = w.rsplit("-", 1)[1]
                if first in lands:
                    s = toks.start(i)
                    self._add_place(lands[first], s, s + len(first), first)
                elif last in DISTRICT_PARTS and w.rsplit("-", 1)[0] in places and not overlaps(toks.start(i), toks.end(i), self.claimed):
                    self._add_place(w, toks.start(i), toks.end(i), w)  # "Nördlingen-Mitte"
                elif last in BUILDING_HEADS and is_cap(first) and not lx.is_common_word(first) and not overlaps(toks.start(i), toks.end(i), self.claimed):
                    self._add_place(w, toks.start(i), toks.end(i), w)  # "Gablenz-Kaserne"
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
                first = surface.split(" ", 1)[0]
                if " " in surface and first.endswith("er") and first[:-2] in lx.places():
                    s += len(first) + 1  # "im Unterkirnacher Fohrenhof": the town's adjective is no part of the name
                    surface = self.text[s:e]
                if self._model_place_ok(surface, s):
                    self._add_place(surface, s, e, surface)

    def _line_start(self, i: int) -> bool:
        return i == 0 or "\n" in self.toks.gap(i) or self.toks.t(i - 1) == "\n"

    def _dateline(self, i: int) -> int | None:
        """The place an article's first line or paragraph opens with: "LINZ. Thomas Stelzer ...",
        "FRANKFURT. Die Goethe-Universität", "SCHERMBECK Finanzielle Zuwendungen", "Buchen.
        Ministerpräsident ..." (a place that is also a word, here where only a place stands),
        "Plotha/Naumburg - Eigentlich". The token after it, or None."""
        toks, places = self.toks, lx.places()
        if not self._line_start(i):
            return None
        w = toks.t(i)
        parts = w.split("/") if "/" in w else [w]
        found = []
        for part in parts:
            name = part.title() if part.isupper() and len(part) >= 3 else part
            if name in places and (part.isupper() or len(parts) > 1 or toks.t(i + 1) == "."):
                found.append((part, name))
        nxt = toks.t(i + 1)
        if not found or not (nxt in (".", "-", "–", "/") or (w.isupper() and is_cap(nxt))):
            return None
        if nxt == "." and not (is_cap(toks.t(i + 2)) and "\n" not in toks.gap(i + 2)) and not w.isupper():
            return None
        at = toks.start(i)
        for part, name in found:
            s = at + w.index(part)
            if not overlaps(s, s + len(part), self.claimed) and not overlaps(s, s + len(part), self.skip):
                self._add_place(places[name], s, s + len(part), part)
        return i + 1

    def _adjective_street(self, i: int) -> int | None:
        """A street named by a place's adjective: "Magdeburger Straße 52", "in der Weißenseer
        Straße", "Lippertsreuter Straße". The token after it, or None."""
        toks = self.toks
        w, street = toks.t(i), toks.t(i + 1)
        if not (ADJECTIVE_RE.fullmatch(w) and street in STREET_WORDS and toks.gap(i + 1) == " ") or lx.title_of(w) is not None:
            return None  # not "Feldspieler Platz"
        s, e = toks.start(i), toks.end(i + 1)
        if overlaps(s, e, self.claimed) or overlaps(s, e, self.skip) or lx.is_common_word(w.lower()):
            return None  # not "Neuer Weg"
        surface = toks.joined(i, i + 2)
        self._add_place(surface, s, e, surface)
        return i + 2

    def _cluster_place_at(self, i: int) -> bool:
        """A word of the place clusters no list holds ("Winterhude"), alone: no part of a longer name,
        a person or another fact."""
        toks = self.toks
        w = toks.t(i)
        if w not in lx.cluster_places():
            return False
        s, e = toks.start(i), toks.end(i)
        if is_cap(toks.t(i + 1)) and toks.gap(i + 1) == " " and not self.person_spans.hits(toks.start(i + 1), toks.end(i + 1)):
            return False  # part of a longer name; not "traf in Frauenfeld Martina Rosenstengel"
        return not (overlaps(s, e, self.claimed) or overlaps(s, e, self.skip) or overlaps(s, e, self.person_spans))

    def _cluster_places(self, i: int) -> int | None:
        """Places no list holds where German puts a place: a word of the place clusters after "in",
        "aus", "nach" ("in Winterhude") or after the head of an institution's name ("vom Klinikum
        Frauenfeld"), and the places listed after it ("in Winterhude, Steilshoop
        und Bramfeld", with listed places among them). The token after the last, or None."""
        toks, places = self.toks, lx.places()
        if not self._cluster_place_at(i):
            return None
        # "von Winterhude über Steilshoop": a route goes on to a name (not "von Philae nach wie vor")
        route = toks.t(i - 1) in ROUTE_WORDS and toks.t(i + 1) in ROUTE_WORDS and is_cap(toks.t(i + 2))
        if toks.t(i - 1) not in CLUSTER_PLACE_BEFORE and toks.t(i - 1) not in PLACE_TAKING_HEADS and not route and not (
            toks.t(i - 1) in LIST_SEPARATORS and "\n" not in toks.gap(i - 1) + toks.gap(i)
            and any(e == toks.end(i - 2) for ent in self.places.values() for _, e in ent.mentions)
        ):
            return None  # "in Köln, Winterhude oder Eppendorf": after a place found before it
        self._add_place(toks.t(i), toks.start(i), toks.end(i), toks.t(i))
        k = i + 1
        while toks.t(k) in LIST_SEPARATORS and "\n" not in toks.gap(k) + toks.gap(k + 1):
            w = toks.t(k + 1)
            if self._cluster_place_at(k + 1):
                self._add_place(w, toks.start(k + 1), toks.end(k + 1), w)
            elif not (w in places and self._listed_at(k + 1) == (1, w)):
                break  # a listed place is found by the loop
            k += 2
        return i + 1

    def _designated_place(self, i: int) -> int | None:
        """A place named after a word that says what it is, though no list holds it: "am
        Standort Rottleberode", "die Gemeinde St. Margarethen" (the name alone), "im Bezirk
        Lungau", "des Landkreises Celle" (with the designator), "im Bürgerhaus Oststadt" (a
        building). The token after the place, or None."""
        toks = self.toks
        w = toks.t(i)
        base = w[:-2] if w.endswith("es") and w[:-2] in REGION_DESIGNATORS else w[:-1] if w.endswith("s") and w[:-1] in REGION_DESIGNATORS else w
        kind = "place" if w in PLACE_DESIGNATORS else "region" if base in REGION_DESIGNATORS else "building" if w in BUILDING_HEADS else None
        if kind is None or "\n" in toks.gap(i + 1):
            return None
        k = i + 1
        if toks.t(k) in ("St.", "Sankt", "Bad") and toks.gap(k + 1) == " ":
            k += 1  # "St. Margarethen", "Bad Ischl"
        name = toks.t(k)
        if not is_name_token(name) or (lx.is_common_word(name) and not (kind == "building" and name in lx.places())) or lx.is_inflected_noun(name) or name in lx.first_names():
            return None  # "Schloss Homburg": a building named after a place
        if is_name_token(toks.t(k + 1)) and toks.gap(k + 1) == " ":
            return None  # "Stadt Villingen Schwenningen" or a person: not sure where the name ends
        s, e = toks.start(i if kind != "place" else i + 1), toks.end(k)
        if overlaps(s, e, self.claimed) or overlaps(s, e, self.skip) or overlaps(s, e, self.person_spans):
            return None
        surface = toks.joined(i + 1, k + 1)
        value = surface if kind == "place" else f"{base} {surface}"
        self._add_place(lx.places().get(surface, value) if kind == "place" else value, s, e, surface)
        return k + 1

    def _street_name(self, i: int) -> bool:
        """A one-word street or square name ("Porscheplatz", "Kaiser-Wilhelm-Allee"): it ends in a
        street word after at least three letters, and it is no ordinary noun ("Arbeitsplatz")."""
        w = self.toks.t(i)
        low = w.lower()
        if not is_cap(w) or overlaps(self.toks.start(i), self.toks.end(i), self.claimed):
            return False
        if not low.endswith(street_suffixes()):
            return False  # most words: one C call instead of a loop over the endings
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
        if n == 1 and toks.t(i - 1).lower() in NOUN_DETERMINERS and lx.places()[surface] not in lx.named_regions():
            return False  # "mit den Geldern", "die Platten": a German town takes no article
        if n == 1 and surface in lx.ambiguous_places():
            return toks.t(i - 1) in PLACE_CONTEXT
        if n == 1 and surface in lx.first_names() and is_name_token(toks.t(i + 1)):
            return False  # a person: "Marl Schulze"
        nxt = toks.t(i + n)
        if (nxt.startswith("-") and toks.gap(i + n) == "") or (nxt[:1].islower() and toks.gap(i + n) == "" and nxt not in ("'s",)):
            return False  # "Nord-" of "Nord- und Südtirol"; not "nach Niedersachsen - dort"
        return True
