"""The words around a number, as the number rules read them: tokens after and before it, phrases
of numbers_de.json at them (qualifiers, currencies, periods), noun phrases and the amount's subject."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

from ...lexicon import FUNCTION_WORDS, ambiguous_places, places
from ...lexicon.calendar import calendar_words
from ...lexicon.lemma import _lemma_exact, lemmatize_noun
from ..base import part
from .parse import current, lexicon, pattern, words

# Words (with inner hyphens, a hanging "Hin-" before und/oder, a final dot), digits, signs. The
# standard library's engine is faster here than `regex`: [^\W\d_] is a letter, [^\W_] a letter or digit.
TOKEN_RE = re.compile(pattern("token"))


ARTICLE_ONE = words("article_one")
ABBREV_WITH_DOT = words("abbreviations_with_dot")
CONJ = words("joining")
AND_OR = words("and_or")
ADJECTIVE_ENDINGS = tuple(stem + ending for stem in lexicon()["words"]["adjective_stems"] for ending in ("e", "en", "er", "es", "em"))
ARTICLES = words("articles")


@dataclass
class NumberFact:
    type: str
    start: int
    end: int
    value: float | int
    fields: dict[str, Any] = field(default_factory=dict)
    # what the written number was multiplied by: `scale` from scale words ("Milliarden"), `factor`
    # that and a unit's (1/100 for Cent). A number joined to this one by "bis", "und" ... takes the
    # unit's factor, and the scale when it is not larger than this number: "1,7 bis 3,1 Milliarden
    # Menschen", but "zwischen 500.000 und 1 Million Euro"
    scale: float = 1
    factor: float = 1


class Tok(NamedTuple):
    """A word or sign of the text around a number (a tuple: many are made, and quickly)."""

    start: int
    end: int
    text: str
    low: str

    @classmethod
    def of(cls, start: int, end: int, text: str) -> Tok:
        return cls(start, end, text, text.lower())

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


AHEAD = 9  # the most tokens a rule reads after a number ("315.000 Euro für das neue Personal pro Jahr")
# AHEAD optional tokens, each with the space before it: one match reads them all, which is faster
# than a token-by-token search (the same tokens: TOKEN_RE never matches a space)
AHEAD_RE = re.compile(rf"(?:(\s*)({TOKEN_RE.pattern}))?" * AHEAD)
_new_tok = tuple.__new__  # Tok(...) without the named tuple's Python-level constructor


def _lex(text: str, pos: int, limit: int = AHEAD, window: int = 160) -> list[Tok]:
    """The `limit` (at most AHEAD) tokens after `pos`; words keep a dot only when they are known
    abbreviations, and a line break before a token becomes a token "\\n" (it ends a phrase:
    "auf 12\\nPolizei ermittelt" is no count of police)."""
    m = AHEAD_RE.match(text, pos, min(len(text), pos + window))
    out: list[Tok] = []
    for g in range(2, 2 * min(limit, AHEAD) + 1, 2):
        a, b = m.span(g)
        if a < 0:
            break
        if "\n" in m.group(g - 1):
            e = out[-1].end if out else pos
            out.append(_new_tok(Tok, (e, e, "\n", "\n")))  # a line break ends a phrase
        t = text[a:b]
        low = t.lower()
        if t[-1] == "." and b - a > 1 and low not in ABBREV_WITH_DOT:
            out.append(_new_tok(Tok, (a, b - 1, t[:-1], low[:-1])))
            out.append(_new_tok(Tok, (b - 1, b, ".", ".")))
        else:
            out.append(_new_tok(Tok, (a, b, t, low)))
        if len(out) >= limit:
            break
    return out


def _lex_before(text: str, pos: int, limit: int = 3) -> list[Tok]:
    """The tokens before `pos`, nearest first."""
    if limit <= NEAR:
        return _near_before(text, pos)[:limit]
    return _tokens_before(text, pos, limit)


NEAR = 3  # most rules look at most three tokens back
# A scaled amount without a currency ("sieben Milliarden") takes the currency of a money amount
# in the same sentence, at most this many characters before it.
CONTEXT_CURRENCY_CHARS = 600
SENTENCE_END_RE = re.compile(r"[.!?]\s+[A-Z\u00c4\u00d6\u00dc]|\n\s*\n")
# Words between "auf" and the next number of "um 4,5 auf dann etwa 60 Millionen Euro".
JOIN_FILLERS = words("join_fillers")


@lru_cache(maxsize=4096)
def _near_before(text: str, pos: int) -> list[Tok]:
    """The three tokens before `pos` (cached: several rules look at the same place)."""
    return _tokens_before(text, pos, NEAR)


def _tokens_before(text: str, pos: int, limit: int) -> list[Tok]:
    # tokenise a window that ends at `pos`, widened until it holds `limit` whole tokens
    window, widest = 8 * limit + 8, 24 * limit + 16
    while True:
        start = max(0, pos - window)
        spans = [m.span() for m in TOKEN_RE.finditer(text, start, pos)]
        if start > 0 and spans:
            spans = spans[1:]  # the first may be cut
        if len(spans) >= limit or start == 0 or window == widest:
            return [_new_tok(Tok, (a, b, t, t.lower())) for a, b in spans[: -limit - 1 : -1] for t in (text[a:b],)]
        window = min(2 * window, widest)


def _phrases(name: str) -> tuple[dict[tuple[str, ...], Any], int, frozenset[str]]:
    """A lexicon mapping of phrases as {words: value}, the longest phrase's length, the first
    words, in the locale being read."""
    return _phrases_of(name, current())


@cache
def _phrases_of(name: str, locale: str) -> tuple[dict[tuple[str, ...], Any], int, frozenset[str]]:
    table = {tuple(k.split()): v for k, v in lexicon()[name].items()}
    return table, max(len(k) for k in table), frozenset(k[0] for k in table)


def _match_phrase(toks: list[Tok], name: str) -> tuple[int, Any] | None:
    """The longest phrase of lexicon `name` at the start of `toks`: (number of tokens, value)."""
    table, longest, firsts = _phrases(name)
    if not toks or toks[0].low not in firsts:
        return None
    for n in range(min(longest, len(toks)), 0, -1):
        key = tuple(t.low for t in toks[:n])
        if key in table:
            return n, table[key]
    return None


def _qualifier_before(text: str, start: int) -> tuple[int, str | None]:
    """(new start, qualifier) for a qualifier phrase right before `start` ("mehr als 300")."""
    before = _lex_before(text, start, limit=3)
    best = (start, None)
    for n in (3, 2, 1):
        if len(before) < n:
            continue
        toks = before[:n][::-1]
        hit = _match_phrase(toks, "qualifiers")
        if hit and hit[0] == n:
            if n == 1 and toks[0].low in PREPOSITION_QUALIFIERS and any(t.low.startswith(PREPOSITION_GOVERNORS) for t in before[1:3]):
                return best  # "eine Rechnung über 396 Euro": a preposition
            return toks[0].start, hit[1]
    return best


def _is_place(word: str) -> bool:
    return word in places() and word not in ambiguous_places()


def _is_verb(word: str) -> bool:
    """A verb form ("haben", "wurden"): its lemma is an infinitive. Adjectives' lemmas are not.

    >>> _is_verb("haben"), _is_verb("weiteren")
    (True, False)
    """
    if word in FUNCTION_VERBS:
        return True
    lemma = _lemma_exact(word)
    return lemma is not None and lemma.islower() and lemma.endswith(("en", "ern", "eln"))


FUNCTION_VERBS = words("function_verbs")
PREPOSITION_QUALIFIERS = words("preposition_qualifiers")  # "über": "more than", or the preposition of a noun
# Words before "über" that take it as their preposition ("eine Rechnung über", "verfügt über"):
# after any other word "über" means "more than" ("pro Stunde über 44.000 Dollar")
PREPOSITION_GOVERNORS = tuple(sorted(words("preposition_governors")))


def _is_noun(t: Tok) -> bool:
    return t.is_word and t.is_cap and t.low not in _month_and_day_words() and len(t.text) > 1


@cache
def _month_and_day_words() -> frozenset[str]:
    return calendar_words() | words("not_counted_nouns")


def _noun_phrase(toks: list[Tok]) -> tuple[int, list[Tok]] | None:
    """After a number: optional adjectives, then a noun, or two nouns joined by und/oder.

    Returns (tokens used, head nouns)."""
    i = 0
    # lowercase adjectives ("16 neue Stellen") or capitalised name adjectives ("54 Kommunalen ...")
    while i < len(toks) and i < 3 and toks[i].is_word and not toks[i].is_cap and toks[i].low.endswith(("e", "en", "er", "es", "em")) and toks[i].low not in ARTICLES and toks[i].low not in CONJ and (not _is_verb(toks[i].low) or _participle_before_noun(toks, i)):
        i += 1
    if i >= len(toks) or not _is_noun(toks[i]):
        return None
    heads = [toks[i]]
    # "Kommunalen Integrationszentren": a capitalised adjective before the noun
    while i + 1 < len(toks) and _is_noun(toks[i + 1]) and toks[i].low.endswith(("en", "e", "er", "es")) and toks[i].text[:1].isupper() and _looks_adjective(toks[i]):
        i += 1
        heads = [toks[i]]
    used = i + 1
    if used + 1 < len(toks) and toks[used].low in AND_OR and _is_noun(toks[used + 1]):
        heads.append(toks[used + 1])
        used += 2
    return used, heads


PARTICIPLE_ENDINGS = ("te", "ten", "ter", "tes", "ene", "enen", "ener", "enes")


def _participle_before_noun(toks: list[Tok], i: int) -> bool:
    """A participle used as an adjective, though its form is also a verb's: "1600 akkreditierte
    Journalisten", "1700 geladene Gäste", "271.000 belegte Plätze" (a noun follows it)."""
    return toks[i].low.endswith(PARTICIPLE_ENDINGS) and i + 1 < len(toks) and _is_noun(toks[i + 1])


def _inflected_adjective(t: Tok) -> bool:
    """A lower-case word with an adjective's ending that is no function word ("große", "gewerbliche")."""
    return t.is_word and not t.is_cap and t.low.endswith(("e", "en", "er", "es")) and t.low not in FUNCTION_WORDS


def _looks_adjective(t: Tok) -> bool:
    return t.low.endswith(ADJECTIVE_ENDINGS)


def _subject_fields(text: str, start: int) -> dict:
    """The subject an amount is the value of, in "Die Mieten stiegen um 3,6 Prozent", "Der Umbau
    kostet 38,5 Millionen Euro": an article, adjectives and a noun, a verb, maybe "um"/"auf",
    then the amount, at the start of a sentence or clause. The noun in singular nominative."""
    before = _lex_before(text, start, limit=6)  # nearest first
    i = 1 if before and before[0].low in words("before_subject_value") else 0
    if i >= len(before) or not before[i].is_word or before[i].is_cap or not _value_verb(before[i].text):
        return {"about": None, "about_span": None}
    i += 1
    if i >= len(before) or not _is_noun(before[i]):
        return {"about": None, "about_span": None}
    noun = before[i]
    k = i + 1
    while k < len(before) and before[k].is_word and not before[k].is_cap and _looks_adjective(before[k]):
        k += 1
    if k >= len(before) or before[k].low not in words("subject_articles") or not _clause_start(text, before[k].start):
        return {"about": None, "about_span": None}
    return {"about": lemmatize_noun(noun.text), "about_span": part(text, noun.start, noun.end)}


def _value_verb(word: str) -> bool:
    """A verb that says what a subject amounts to ("kostet", "stiegen", "liegt"), not who pays."""
    return (_lemma_exact(word) or word) in lexicon()["value_verbs"]


def _clause_start(text: str, pos: int) -> bool:
    head = text[max(0, pos - 3):pos].rstrip(" ")
    return not head or head[-1] in ".!?:;,\n–"
