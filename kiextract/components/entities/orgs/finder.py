"""The organisation finder's state and the helpers its rules share: where a listed organisation
is added, whether a token is a party, an abbreviation, a place or a name word."""
from __future__ import annotations

from .... import lexicon as lx
from ....textutil import overlaps
from ..common import (
    ABBR_RE,
    AND,
    GENITIVE_ARTICLES,
    LIST_AND,
    LIST_SEPARATORS,
    PARTY_NOUN_ARTICLES,
    PARTY_NOUNS,
    PLACE_PREPOSITIONS,
    Entity,
    Rules,
    _is_short_form,
    _sentence_start,
    is_cap,
    is_name_token,
)


class OrgFinder(Rules):
    """The organisations of one Doc as the rules find them (`orgs`, shared with the other finders)."""

    model_ents: list[tuple[int, int, str]] = []

    def __init__(self, found) -> None:
        super().__init__(found)
        # the parties of the document's locale, looked up once: `_party` asks at every token
        self.parties, self.every_party = lx.parties(), lx.all_parties()

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

    def _party(self, i: int) -> tuple[str, int, int] | None:
        """The party token i names, as (short name, start, end): "CDU", "CDU-Politikerin";
        an ambiguous name where only a party fits: in brackets after a person ("(Grüne)",
        "(DIE LINKE)", "(ZENTRUM)"), in a list with an unambiguous party ("SPD, Grüne und
        Linke"), or as a noun after an article ("von den Grünen", "die Linke"), not "die Grüne Woche"."""
        toks, parties, every = self.toks, self.parties, self.every_party
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
        if w in PARTY_NOUNS and toks.t(i - 1).lower() in PARTY_NOUN_ARTICLES and not _sentence_start(self.text, s):
            after = toks.t(i + 1)
            if not is_cap(after) or after in lx.first_names() or after in LIST_SEPARATORS:
                return PARTY_NOUNS[w], s, toks.end(i)
        return None

    def _in_party_list(self, i: int) -> bool:
        """Is token i (an ambiguous party name: "Grüne") in a list with an unambiguous one?"""
        toks, parties, every = self.toks, self.parties, self.every_party
        for step in (-2, 2):
            k = i
            while toks.t(k + step // 2) in LIST_SEPARATORS and toks.t(k + step) in every:
                k += step
                if toks.t(k) in parties:
                    return True
        return False

    def _is_abbr(self, w: str) -> bool:
        return bool(ABBR_RE.match(w)) and sum(c.isupper() for c in w) >= 2 and w not in self.parties

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
        if toks.t(k) in PLACE_PREPOSITIONS:
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
            while j < len(toks) and toks.t(j) not in LIST_AND and toks.t(j) not in GENITIVE_ARTICLES and lx._is_adjective(toks.t(j)) and (
                toks.t(j)[:1].islower() or is_cap(toks.t(j + 1))  # "für Höhere Studien"
            ):
                j += 1
            w = toks.t(j)
            if not is_cap(w) or w in lx.first_names() or w in lx.name_stopwords() or "\n" in toks.gap(j):
                break
            if w.endswith("-") and toks.t(j + 1) in AND:
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
            if sep in LIST_AND:
                k = end + 1
                last_comma_end = None
                continue
            break
        if end is not None and last_comma_end is not None:
            end = last_comma_end  # a comma list must close with "und"
        return end
