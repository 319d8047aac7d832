"""Counts: the counted noun in singular nominative, and elliptic counts whose noun the context
gives ("2.800 von ihnen", "stieg auf 1.250")."""
from __future__ import annotations

from functools import cache

import regex

from ...lexicon.lemma import lemmatize_noun
from ...textutil import Ranges
from .parse import lexicon, parse_number_word, pattern, round_value, words
from .tokens import SENTENCE_END_RE, NumberFact, Tok, _is_verb, _lex_before


def unit_of(heads: list[Tok]) -> str:
    """The counted noun in singular nominative; a gendered pair keeps its generic form.

    >>> unit_of([Tok.of(0, 0, "Mitarbeiterinnen"), Tok.of(0, 0, "Mitarbeiter")])
    'Mitarbeiter'
    >>> unit_of([Tok.of(0, 0, "Städten"), Tok.of(0, 0, "Gemeinden")])
    'Stadt und Gemeinde'
    """
    lemmas = [_nominalised(h.text) or lemmatize_noun(h.text) for h in heads]
    if len(lemmas) == 2:
        a, b = lemmas
        if a == b + "in" or a.startswith(b) and a.endswith("in"):
            return b
        if b == a + "in":
            return a
        return f"{a} und {b}"
    return lemmas[0]


def _nominalised(word: str) -> str | None:
    """A nominalised adjective counted ("14 Beamte", "drei Schwerverletzte", "Aufständischen") in
    singular nominative, masculine as the counted generic: Beamter, Schwerverletzter."""
    stem = word[:-1] if word.endswith("n") else word
    if not stem.endswith("e"):
        return None
    low = stem.lower()
    for base in _nominalised_adjectives():
        if low.endswith(base.lower()) and (len(stem) == len(base) or stem[len(stem) - len(base) - 1].isalpha()):
            return stem + "r"  # "Schwerverletzte" -> "Schwerverletzter"
    return None


@cache
def _nominalised_adjectives() -> tuple[str, ...]:
    return tuple(sorted(lexicon()["nominalised_adjectives"], key=len, reverse=True))


# "Die Zahl der Einbrüche lag 2013 bei 705": the counted noun named by "Zahl der"
NUMBER_OF_RE = regex.compile(pattern("number_of"))
PAIR_AFTER_RE = regex.compile(pattern("pair_after"))
def _counted_noun(text: str, named: regex.Match) -> str:
    """The noun "Zahl der" names, singular nominative; of a pair "Mitarbeiterinnen und
    Mitarbeiter" the second (the masculine form, as counts are written)."""
    word = named.group(1)
    pair = PAIR_AFTER_RE.match(text[named.end():named.end() + 40])
    if pair and word.endswith("innen") and word[:-5].startswith(pair.group(1)[:4]):
        word = pair.group(1)
    return lemmatize_noun(word)


PARTITIVE_PRONOUNS = tuple(tuple(p.split()) for p in lexicon()["words"]["partitive_pronouns"])  # "2.800 von ihnen"
PARTITIVE_BEFORE = words("partitive_before")  # "davon 2.800"
ELLIPTIC_BEFORE = words("elliptic_before")  # "stieg auf 1.250."
ELLIPTIC_TOTAL = words("elliptic_total")
ELLIPTIC_REACH = 400  # "2.800 von ihnen" looks this far back for what the count before counted


def _elliptic_count(text: str, s: int, e: int, v: float, toks: list[Tok], results: list[NumberFact]) -> NumberFact | None:
    """"lagen sie 2013 schon bei 705.", "um 51 Personen auf 2680 verringert": a bare number after
    "bei" or "auf" (maybe "insgesamt") at the end of a clause counts what the count before it in
    the same sentence counts, or the noun of "Zahl der …" before it there. "1.200 von ihnen",
    "2.800 davon" count what the last count before them counts, in this sentence or an earlier one."""
    last = next((f for f in reversed(results) if f.end <= s), None)
    words_after = tuple(t.low for t in toks[:2])
    words_before = [t.low for t in _lex_before(text, s, limit=2)]
    if any(words_after[: len(p)] == p for p in PARTITIVE_PRONOUNS) or any(w in PARTITIVE_BEFORE for w in words_before):
        if last is not None and last.type == "quantity" and s - last.end <= ELLIPTIC_REACH:
            return NumberFact("quantity", s, e, round_value(v), {"unit": last.fields.get("unit"), "qualifier": None})
        return None
    if toks and toks[0].low not in (".", ",", ";", "!", "?") and not _is_verb(toks[0].text):
        return None
    words = [t.low for t in _lex_before(text, s, limit=2)]  # nearest first
    if not words or not (words[0] in ELLIPTIC_BEFORE or (words[0] in ELLIPTIC_TOTAL and len(words) > 1 and words[1] in ELLIPTIC_BEFORE)):
        return None
    sentence = max(0, s - 200)
    ends = list(SENTENCE_END_RE.finditer(text, sentence, s))
    sentence = ends[-1].end() - 1 if ends else sentence
    named = None
    for named in NUMBER_OF_RE.finditer(text, sentence, s):
        pass
    if named is not None:  # "Die Zahl der Beschäftigten stieg mit 173 Neueinstellungen auf 2069"
        return NumberFact("quantity", s, e, round_value(v), {"unit": _counted_noun(text, named), "qualifier": None})
    if last is None or last.type != "quantity" or last.end <= sentence or s - last.end > 200:
        return None
    return NumberFact("quantity", s, e, round_value(v), {"unit": last.fields.get("unit"), "qualifier": None})


TIMES_END_RE = regex.compile(r"(?i)mal(?![\p{L}])")  # the end of "dreimal", "25-mal"
TIMES_WORD_RE = regex.compile(r"(?:(\d{1,6})-?|(\p{L}+))")
TIMES_UNIT = lexicon()["words"]["times_unit"][0]  # "Mal"


def times_counts(text: str, blocked: Ranges) -> list[NumberFact]:
    """How many times, written as one word: "dreimal", "25-mal", "zwölfmal" -> a count of Mal;
    not "einmal", "manchmal", "diesmal" (adverbs: a number word of two or more is needed)."""
    out = []
    for m in TIMES_END_RE.finditer(text):
        b = m.start()
        while b > 0 and (text[b - 1].isalnum() or text[b - 1] == "-"):
            b -= 1  # the start of the word that ends in "mal"
        if b == m.start() or (b > 0 and text[b - 1] in ".,") or blocked.hits(b, m.end()):
            continue
        w = TIMES_WORD_RE.fullmatch(text, b, m.start())
        if w is None:
            continue
        value = int(w.group(1)) if w.group(1) else parse_number_word(w.group(2).lower())
        if value is None or value < 2:
            continue
        out.append(NumberFact("quantity", b, m.end(), round_value(value), {"unit": TIMES_UNIT, "qualifier": None}))
    return out


BRACKET_LIST_REACH = 200  # characters from one bracketed count to the next of its list


def bracketed_list_count(text: str, s: int, e: int, v: float, results: list[NumberFact]) -> NumberFact | None:
    """A bare number in brackets after a name, in a list whose first such bracket names what it
    counts, counts the same: "Gera (405 Mitarbeiter), Pirna (285) und Bad Urach (258)"."""
    if not (text[s - 1:s] == "(" and text[e:e + 1] == ")"):
        return None
    f = results[-1] if results else None  # the count right before, bracketed too, in the sentence
    if f is None or f.type != "quantity" or s - f.end > BRACKET_LIST_REACH or SENTENCE_END_RE.search(text, f.end, s):
        return None
    if text[f.start - 1:f.start] != "(" or text[f.end:f.end + 1] != ")":
        return None
    return NumberFact("quantity", s, e, round_value(v), {"unit": f.fields["unit"], "qualifier": None})
