"""ki_numbers: money, counts, percents and durations, each tied to what it counts or pays for.

`find_numbers(text, taken)` is the whole logic over plain text (used by the component and the
tests); the component adds the facts and spans to the Doc.
"""
from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

import regex
from spacy.tokens import Doc

from ..normalize.lemma import lemmatize_noun
from ..normalize.numbers import (
    DIGITS_RE,
    lexicon,
    parse_digits,
    parse_number_word,
    round_value,
    scale_of,
)
from ..textutil import Ranges, number_blockers, overlaps, street_suffixes
from .base import add_fact, doc_text, part, skip_ranges, taken_ranges

KEY = "ki_numbers"
AGES_KEY = "ki_ages"
MAX_VALUE = 1e18  # larger amounts and counts are no facts (no article means them; floats lose digits)  # "der 54-jährige": spans the roles stage reads, no facts of the record

# Words (with inner hyphens, a hanging "Hin-" before und/oder, a final dot), digits, signs. The
# standard library's engine is faster here than `regex`: [^\W\d_] is a letter, [^\W_] a letter or digit.
TOKEN_RE = re.compile(r"[^\W\d_][^\W_]*(?:[-–][^\W_]+)*(?:-(?=\s+(?:und|oder)\s))?\.?|\d+(?:[.,]\d+)*|[€$£%§]|\S")
# A word made only of German numeral parts ("zweihundertfünfzig", "dreiundzwanzig", "einem", "beiden");
# parse_number_word decides whether it really is a number.
NUMERAL_PARTS = "ein|eins|zwei|zwo|drei|vier|fünf|sechs|sieben|sieb|sech|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|dreissig|zig|ßig|hundert|tausend".split("|")
NUMWORD_HEADS = [
    # the repetition is possessive (`*+`): "dreißig" is also "drei" + "ßig", and a backtracking
    # loop over such parts takes time exponential in the length of a run of them
    *((part, rf"(?:{'|'.join(NUMERAL_PARTS)}|und)*+(?:s|e|em|en|er|es)?") for part in NUMERAL_PARTS),
    ("beide", "[nrs]?"),
    ("anderthalb", ""),
    *((f"{n}einhalb", "") for n in ("ein", "zwei", "drei", "vier", "fünf")),
]


def _by_first_letter(heads: list[tuple[str, str]]) -> str:
    """One alternative per first letter ("z(?:wei…|wo…|ehn…)"): at each word start the regex engine
    tests one letter rather than each of some thirty alternatives."""
    tails: dict[str, list[str]] = {}
    for head, tail in heads:
        tails.setdefault(head[0], []).append(re.escape(head[1:]) + tail)
    return "(?:" + "|".join(f"{first}(?:{'|'.join(alts)})" for first, alts in tails.items()) + ")"


NUMWORD_CORE = _by_first_letter(NUMWORD_HEADS)
NOT_ARTICLE = r"(?!ein(?:e[mnrs]?)?(?![^\W_]|-))"  # "ein", "eine", ...: see ARTICLE_RE
# Searched in the lowercased text with a space in front (group 1 is the word). A match starts at the
# sign before the word, so the standard library's engine skips quickly from one such sign to the
# next: with the first-letter grouping the scan of 10kGNAD takes 0.043 s, against 0.062 s for a
# look-behind tried at every character (and about four times that for a case-blind `regex` search).
NUMWORD_LOWER_RE = re.compile(r"[^\w-](" + NOT_ARTICLE + NUMWORD_CORE + r")(?![^\W_]|-)")
AGE_RE = regex.compile(r"(?i)(?<![\p{L}\p{N}])(\d{1,3}|\p{L}+)-?jährige[nrsm]?(?![\p{L}])")
AGE_ALT_RE = regex.compile(r"(?<![\p{L}\p{N}])(\d{1,3})\s+Jahre\s+alt(?![\p{L}])")
ARTICLE_ONE = {"ein", "eine", "einem", "einer", "eines", "einen"}
ABBREV_WITH_DOT = {"mio.", "mrd.", "tsd.", "ca.", "max.", "mind.", "ct.", "sfr.", "nr.", "abs.", "art.", "s.", "abb.", "bd.", "no.", "str."}
CONJ = {"und", "oder", "bis", "–", "-", "beziehungsweise", "bzw."}
ADJECTIVE_ENDINGS = tuple(
    stem + ending
    for stem in ("isch", "al", "lich", "ig", "ell", "iv", "är", "bar", "sam", "haft", "los")
    for ending in ("e", "en", "er", "es", "em")
)
ARTICLES = {"der", "des", "die", "dem", "den", "aller", "unserer", "ihrer", "seiner", "eines", "einer", "einen", "einem", "eine", "ein", "ihre", "seine", "ihren", "seinen"}


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
SENTENCE_END_RE = re.compile(r"[.!?]\s+[A-ZÄÖÜ]|\n\s*\n")
# Words between "auf" and the next number of "um 4,5 auf dann etwa 60 Millionen Euro".
JOIN_FILLERS = frozenset({"dann", "etwa", "rund", "knapp", "fast", "gut", "insgesamt", "nun", "jetzt", "ca.", "zirka", "circa"})


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


@cache
def _phrases(name: str) -> tuple[dict[tuple[str, ...], Any], int, frozenset[str]]:
    """A lexicon mapping of phrases as {words: value}, the longest phrase's length, the first words."""
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
            return toks[0].start, hit[1]
    return best


def _is_place(word: str) -> bool:
    from ..lexicon import ambiguous_places, places

    return word in places() and word not in ambiguous_places()


def _is_verb(word: str) -> bool:
    """A verb form ("haben", "wurden"): its lemma is an infinitive. Adjectives' lemmas are not.

    >>> _is_verb("haben"), _is_verb("weiteren")
    (True, False)
    """
    from ..normalize.lemma import _lemma_exact

    if word in FUNCTION_VERBS:
        return True
    lemma = _lemma_exact(word)
    return lemma is not None and lemma.islower() and lemma.endswith(("en", "ern", "eln"))


FUNCTION_VERBS = {"haben", "hatten", "hatte", "sind", "waren", "werden", "wurden", "würden", "können", "müssen", "sollen", "wollen", "dürfen", "gehen", "kommen", "leben", "sterben", "bleiben"}


def _is_noun(t: Tok) -> bool:
    return t.is_word and t.is_cap and t.low not in _month_and_day_words() and len(t.text) > 1


@cache
def _month_and_day_words() -> frozenset[str]:
    from ..normalize.dates import calendar_words

    return calendar_words() | {"uhr", "prozent"}


def _noun_phrase(toks: list[Tok]) -> tuple[int, list[Tok]] | None:
    """After a number: optional adjectives, then a noun, or two nouns joined by und/oder.

    Returns (tokens used, head nouns)."""
    i = 0
    # lowercase adjectives ("16 neue Stellen") or capitalised name adjectives ("54 Kommunalen ...")
    while i < len(toks) and i < 3 and toks[i].is_word and not toks[i].is_cap and toks[i].low.endswith(("e", "en", "er", "es", "em")) and toks[i].low not in ARTICLES and toks[i].low not in CONJ and not _is_verb(toks[i].low):
        i += 1
    if i >= len(toks) or not _is_noun(toks[i]):
        return None
    heads = [toks[i]]
    # "Kommunalen Integrationszentren": a capitalised adjective before the noun
    while i + 1 < len(toks) and _is_noun(toks[i + 1]) and toks[i].low.endswith(("en", "e", "er", "es")) and toks[i].text[:1].isupper() and _looks_adjective(toks[i]):
        i += 1
        heads = [toks[i]]
    used = i + 1
    if used + 1 < len(toks) and toks[used].low in ("und", "oder") and _is_noun(toks[used + 1]):
        heads.append(toks[used + 1])
        used += 2
    return used, heads


def _inflected_adjective(t: Tok) -> bool:
    """A lower-case word with an adjective's ending that is no function word ("große", "gewerbliche")."""
    from ..lexicon import FUNCTION_WORDS

    return t.is_word and not t.is_cap and t.low.endswith(("e", "en", "er", "es")) and t.low not in FUNCTION_WORDS


def _looks_adjective(t: Tok) -> bool:
    return t.low.endswith(ADJECTIVE_ENDINGS)


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


def _currency(toks: list[Tok]) -> tuple[int, str] | None:
    hit = _match_phrase(toks, "currencies")
    return hit


def _scale(toks: list[Tok]) -> tuple[int, int]:
    """(tokens used, factor) of scale words right after a number ("1,5 Millionen")."""
    factor, used = 1, 0
    while used < len(toks) and (f := scale_of(toks[used].text)) is not None:
        if toks[used].low in ("tausende",):
            break
        factor *= f
        used += 1
    return used, factor


def _period(toks: list[Tok]) -> tuple[int, str] | None:
    return _match_phrase(toks, "periods")


@cache
def _measure_nouns() -> tuple[str, ...]:
    """Final parts of nouns that measure an amount: "Höhe", "Nennwert", "Gesamtvolumen"."""
    return tuple(lexicon()["measure_nouns"])


def _about_before(text: str, start: int) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """Purpose noun, period and where the noun stands, from "eine jährliche Förderung (in Höhe) von 365.000 Euro"."""
    before = _lex_before(text, start, limit=7)
    i = 0
    if i < len(before) and before[i].low in ("von", "über"):
        i += 1
        # "Kredite im Ausmaß von", "eine Förderung in Höhe von": the measure noun is not the purpose
        if i + 1 < len(before) and before[i].low.endswith(_measure_nouns()) and before[i + 1].low in ("in", "im", "mit"):
            i += 2
            if i < len(before) and before[i].low in ("einem", "einer"):
                i += 1
        if i < len(before) and _is_noun(before[i]):
            noun = before[i].text
            period = None
            if i + 1 < len(before):
                hit = _match_phrase([before[i + 1]], "periods")
                period = hit[1] if hit else None
            return noun, period, (before[i].start, before[i].end)
    return None, None, None


def _about_after(toks: list[Tok]) -> tuple[str | None, int, tuple[int, int] | None]:
    """Purpose noun after an amount ("für (das) Personal", "an Fördermitteln"), the tokens it
    takes, and where the noun stands."""
    if not toks:
        return None, 0, None
    if toks[0].low in ("für", "an", "als"):
        i = 1
        while i < len(toks) and i < 4 and toks[i].is_word and not toks[i].is_cap:
            i += 1
        if i < len(toks) and _is_noun(toks[i]):
            # "für den Hin- und Rückflug"
            if toks[i].text.endswith("-") and i + 2 < len(toks) and toks[i + 1].low == "und" and _is_noun(toks[i + 2]):
                return f"{toks[i].text} und {toks[i + 2].text}", i + 3, (toks[i].start, toks[i + 2].end)
            return (lemmatize_noun(toks[i].text) if toks[0].low == "an" else toks[i].text), i + 1, (toks[i].start, toks[i].end)
        return None, 0, None
    return None, 0, None


def _percent_about(toks: list[Tok]) -> Tok | None:
    """"14 Prozent der Bevölkerung" -> the token Bevölkerung."""
    if toks and toks[0].low in ARTICLES:
        i = 1
        # adjectives only ("der neuen Mitglieder"), not "aller bisher in diesem Jahr"
        while i < len(toks) and i < 4 and toks[i].is_word and not toks[i].is_cap and toks[i].low.endswith(("e", "en", "er", "es", "em")):
            i += 1
        if i < len(toks) and _is_noun(toks[i]):
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and _is_noun(nxt) and _looks_adjective(toks[i]):
                return nxt
            return toks[i]
    return None


def _candidates(text: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, kind) of every number written with digits or as a word."""
    out = []
    for m in DIGITS_RE.finditer(text):
        v = parse_digits(m.group())
        if v is not None:
            out.append((m.start(), m.end(), v, "digits"))
    low = text.lower()
    # lowercasing keeps the offsets unless a character changes length ("İ"); then search case-blind
    same = len(low) == len(text)
    if same:
        words = ((m.start(1) - 1, m.end(1) - 1, m.group(1)) for m in NUMWORD_LOWER_RE.finditer(" " + low))
    else:
        words = ((m.start(), m.end(), m.group()) for m in _numword_case_blind_re().finditer(text))
    for start, end, word in words:
        v = parse_number_word(word)
        if v is not None:
            out.append((start, end, float(v), "word"))
    # "ein", "eine", ...: found by their literal (fast), kept only where they may be a number
    articles = ARTICLE_LOWER_RE.finditer(low) if same else ARTICLE_RE.finditer(text)
    for m in articles:
        if _article_may_count(text, m.end()):
            out.append((m.start(), m.end(), 1.0, "word"))
    out.sort()
    return out


@cache
def _numword_case_blind_re() -> regex.Pattern:
    """Number words searched case-blind, for the rare text whose lowercase changes its length
    (compiled on first use: the `regex` module takes a tenth of a second over this pattern)."""
    return regex.compile(r"(?i)(?<![\p{L}\p{N}_-])" + NOT_ARTICLE + NUMWORD_CORE + r"(?![\p{L}\p{N}-])")


ARTICLE_LOWER_RE = re.compile(r"ein(?<![^\W_-]ein)(?:e[mnrs]?)?(?![^\W_]|-)")
ARTICLE_RE = regex.compile(r"(?i)(?<![\p{L}\p{N}-])ein(?:e[mnrs]?)?(?![\p{L}\p{N}-])")


@cache
def _article_follow_re() -> re.Pattern:
    """What may follow a numeral "ein" (lowercased text): a scale, currency, percent or duration
    word ("eine Million", "ein Euro", "ein Prozent", "ein Jahr")."""
    lex = lexicon()
    words = [*lex["scales"], *lex["currencies"], *lex["percent_words"], *lex["duration_units"]]
    alt = "|".join(re.escape(w) for w in sorted({w.split()[0].rstrip(".") for w in words}, key=len, reverse=True))
    return re.compile(r"\s*(?:" + alt + r")\.?(?![^\W_]|-[^\W_])")


def _article_may_count(text: str, e: int) -> bool:
    """"ein"/"eine" ending at `e` is a number only before a scale, currency, percent or duration
    word (what _classify decides; this test spares building tokens for every article)."""
    return _article_follow_re().match(text[e:e + 40].lower()) is not None


def find_ages(text: str) -> list[tuple[int, int, int]]:
    """(start, end, age) for "38-jährige", "der 54-Jährige", "38 Jahre alt".

    >>> find_ages("Die 38-jährige CDU-Politikerin")
    [(4, 14, 38)]
    """
    out: list[tuple[int, int, int]] = []
    # every match holds "ährig": search only around those (a number word is under 40 letters)
    pos, i = 0, text.find("ährig")
    while i >= 0:
        m = AGE_RE.search(text, max(pos, i - 40), i + 12) if i >= pos else None
        if m:
            v = parse_digits(m.group(1)) if m.group(1).isdigit() else parse_number_word(m.group(1))
            if v is not None and 0 < v < 130:
                out.append((m.start(), m.end(), int(v)))
            pos = m.end()
        i = text.find("ährig", i + 1)
    if "Jahre alt" in text:
        out.extend((m.start(), m.end(), int(m.group(1))) for m in AGE_ALT_RE.finditer(text))
    return sorted(out)


def _is_year(text: str, s: int, e: int, v: float) -> bool:
    raw = text[s:e]
    return raw.isdigit() and len(raw) == 4 and 1900 <= v <= 2099 and not _after_count_cue(text, s)


def _after_count_cue(text: str, s: int) -> bool:
    """"auf insgesamt 2069", "Davon 1400": a word before the number that makes it a count."""
    before = _lex_before(text, s, limit=2)
    return any(t.low in lexicon()["count_cues"] for t in before)


def _ordinal_or_label(text: str, s: int, e: int) -> bool:
    """"3." (ordinal), "3.v.l.", "2:1", "15:04", "Nr. 9", "§ 3", "Hauptstraße 12", "3-Zimmer"."""
    after = text[e:e + 2]
    if after.startswith(".") and not after[1:2].isdigit():
        nxt = NEXT_AFTER_DOT_RE.match(text, e, e + 40)
        # "lagen sie bei 705. Davon …": the sentence ends; "der 100. Geburtstag" is an ordinal
        return not (nxt and nxt.group(1).lower() in _sentence_starters())
    if after.startswith(":") and after[1:2].isdigit():
        return True
    if after.startswith(("-", "/")) and after[1:2].isalnum():
        return True
    if s > 0 and text[s - 1] in ":/" and s > 1 and text[s - 2].isdigit():
        return True
    before = _lex_before(text, s, limit=1)
    if before:
        w = before[0].text.lower()
        grouped = bool(THOUSANDS_RE.fullmatch(text[s:e]))  # "das Haus 100.892 Besucher": no house number
        if (w in number_blockers() or w.rstrip(".") + "." in number_blockers()) and not grouped:
            return True
        if before[0].is_cap and w.endswith(street_suffixes()):
            return True
    return False


def find_numbers(text: str, taken: list[tuple[int, int]] = (), ages: list[tuple[int, int, int]] | None = None) -> list[NumberFact]:
    """Every money amount, count, percent and duration in `text` outside the `taken` ranges and
    the `ages` (found here unless given).

    >>> [(f.type, f.value, f.fields.get("unit")) for f in find_numbers("mehr als 300 Kooperationspartner")]
    [('quantity', 300, 'Kooperationspartner')]
    """
    if ages is None:
        ages = find_ages(text)
    blocked = Ranges([*taken, *((s, e) for s, e, _ in ages)])
    cands = [c for c in _candidates(text) if math.isfinite(c[2]) and abs(c[2]) < MAX_VALUE and not overlaps(c[0], c[1], blocked)]
    results: list[NumberFact] = []
    pending: list[tuple[int, int, float, str]] = []  # numbers waiting for the unit of the next one
    last_money: NumberFact | None = None  # the latest money amount, for "… 1,5 Millionen" after it
    i = 0
    while i < len(cands):
        s, e, v, kind = cands[i]
        i += 1
        if (kind == "digits" and _plain_year_or_code(text, s, e, v)) or _ordinal_or_label(text, s, e):
            pending.clear()
            continue
        if text[e:e + 1] in NO_UNIT_AFTER and _currency_before(text, s)[1] is None:
            pending.clear()  # "(66)", "300, die": no tokens needed
            listed = _listed_amount(text, s, e, v, last_money)
            if listed is not None:  # "Altdorf 1 Mio. Euro, Neudorf 500.000"
                results.append(listed)
                last_money = listed
                continue
            elliptic = _elliptic_count(text, s, e, v, [], results) if text[e:e + 1] in ".,;!?" else None
            if elliptic is not None:
                results.append(elliptic)
            continue
        toks = _lex(text, e, limit=9)
        context = None
        if last_money is not None and s - last_money.end <= CONTEXT_CURRENCY_CHARS and not SENTENCE_END_RE.search(text, last_money.end, s):
            context = last_money.fields["unit"]  # the same sentence: "… 2 Millionen Euro, der Betrieb 1,5 Millionen"
        fact = _classify(text, s, e, v, kind, toks, context)
        if fact is None and toks and toks[0].low in CONJ:
            fact = _listed_amount(text, s, e, v, last_money)  # "…, Hochdorf 250.000 und Neudorf …"
        if fact is None:
            elliptic = _elliptic_count(text, s, e, v, toks, results)
            if elliptic is not None:
                results.append(elliptic)
                pending.clear()
                continue
            # "zehn oder fünfzehn Jahren", "um rund 4,5 auf dann etwa 60 Millionen Euro", "von 17
            # auf 30 Prozent", "138 der 550 Abgeordneten": a number joined to the next one takes its unit
            # "230.000 gewerbliche und 4.500 landwirtschaftliche Anlagen": an adjective of its own first
            a = 1 if len(toks) > 2 and _inflected_adjective(toks[0]) and toks[1].low in ("und", "oder") else 0
            if toks and (toks[a].low in CONJ or toks[a].low in ("auf", "der", "von")) and i < len(cands) and len(toks) > a + 1:
                k = a + 1
                while k < len(toks) - 1 and k <= 3 and toks[k].low in JOIN_FILLERS:
                    k += 1
                if cands[i][0] == toks[k].start:
                    pending.append((s, e, v, kind))
                else:
                    pending.clear()
            else:
                pending.clear()
            continue
        for ps, pe, pv, pkind in pending:
            if pkind == "word" and pv == 1 and text[ps:pe].lower() in ARTICLE_ONE:
                continue
            q_start, qualifier = _qualifier_before(text, ps)
            times = fact.factor if pv <= v else fact.factor / fact.scale
            results.append(NumberFact(fact.type, q_start, pe, round_value(pv * times), {**fact.fields, "qualifier": qualifier}))
        pending.clear()
        results.append(fact)
        if fact.type == "money":
            last_money = fact  # kept as it comes: no scan back over all facts for every number
        # skip candidates inside this fact (the scale word "Dutzend" is not a second number)
        while i < len(cands) and cands[i][0] < fact.end:
            i += 1
    blocked.extend((f.start, f.end) for f in results)
    results.extend(_shares(text, blocked))
    results.extend(_compound_amounts(text, blocked, results))
    results.sort(key=lambda f: (f.start, f.end))
    results = _joined_amounts(text, results)
    # a value out of any range ("310 digits Euro") is no fact, never an exception further on
    return [m for f in results if math.isfinite(f.value) and abs(f.value) < MAX_VALUE and (m := _measure_or_count(f)) is not None]


CENT_RE = regex.compile(r"(?i)\s*(?:cent|ct\.?)$")
# "3 Euro 20." / "3 Euro 20 pro Stück": two digits after a currency word, before the clause ends
# or a lower-case word
CENTS_AFTER_RE = regex.compile(r"[ \t](\d{2})(?=\s*(?:[.,;:!?)]|$)|\s+\p{Ll})")
CURRENCY_WORD_END_RE = regex.compile(r"(?i)(?:euro|dollar|franken|pfund)$")
# Between an amount and the next bare number of one list: "Altdorf 1 Mio. Euro, Neudorf 500.000"
LIST_GAP_RE = regex.compile(r"\s*[,;]\s*(?:(?:und|sowie)\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,3}(?:\p{Lu}[\p{L}.-]*)?:?\s*")
LIST_GAP_CHARS = 80


def _listed_amount(text: str, s: int, e: int, v: float, last_money: NumberFact | None) -> NumberFact | None:
    """A bare number that continues a list of amounts of the same sentence takes its currency:
    "Altdorf erhält 1 Mio. Euro, Neudorf 500.000", "Erwachsene zahlen 12 Euro, Kinder 6." A
    number after an amount with a scale word must be large (500.000, not "3"); after one without,
    of about its size."""
    if last_money is None or not 0 < s - last_money.end <= LIST_GAP_CHARS:
        return None
    if not LIST_GAP_RE.fullmatch(text, last_money.end, s):
        return None
    if last_money.scale > 1:
        if v < 1000:
            return None
    elif not (last_money.value / 100 <= v <= last_money.value * 10):
        return None
    q_start, qualifier = _qualifier_before(text, s)
    return NumberFact("money", q_start, e, round_value(v), {"unit": last_money.fields["unit"], "about": None, "about_span": None, "period": None, "qualifier": qualifier})


# "die 50-Millionen-Investition", "ein 2,5-Milliarden-Euro-Paket": an amount as the front of a compound
COMPOUND_AMOUNT_RE = regex.compile(
    r"(?<![\p{L}\p{N}.,-])(\d+(?:,\d+)?)-(Millionen|Milliarden|Mio\.?|Mrd\.?)(?:-(Euro|Dollar|Franken|Pfund))?-(\p{Lu}\p{Ll}+)(?![\p{L}-])"
)


def _compound_amounts(text: str, blocked: Ranges, facts: list[NumberFact]) -> list[NumberFact]:
    """Amounts at the front of a compound noun: the noun is what they pay for, the currency the
    compound's own or else the one the text uses for its other amounts (no other: no fact)."""
    if "-Mi" not in text and "-Mrd" not in text:
        return []
    out = []
    moneys = [f for f in facts if f.type == "money"]
    for m in COMPOUND_AMOUNT_RE.finditer(text):
        if overlaps(m.start(), m.end(), blocked):
            continue
        code = lexicon()["currencies"].get(m.group(3).lower()) if m.group(3) else None
        if code is None:
            before = [f for f in moneys if f.end <= m.start()]
            near = before[-1] if before else next((f for f in moneys if f.start >= m.end()), None)
            if near is None:
                continue
            code = near.fields["unit"]
        value = parse_digits(m.group(1)) * scale_of(m.group(2))
        q_start, qualifier = _qualifier_before(text, m.start())
        noun = m.group(4)
        out.append(NumberFact("money", q_start, m.end(), round_value(value), {
            "unit": code, "about": lemmatize_noun(noun), "about_span": part(text, m.start(4), m.end(4)), "period": None, "qualifier": qualifier,
        }))
    return out


def _joined_amounts(text: str, facts: list[NumberFact]) -> list[NumberFact]:
    """"3 Euro 20" is 3.20 EUR, "20 Dollar und 40 Cent" 20.40 USD: a currency's whole units and
    its hundredths written as one amount."""
    out: list[NumberFact] = []
    for f in facts:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "money" and f.type == "money" and float(prev.value).is_integer():
            between = text[prev.end:f.start]
            cents = None
            if f.start < prev.end and regex.fullmatch(r"\S+\s+\d{1,2}", text[f.start:f.end]) and f.fields["unit"] == prev.fields["unit"]:
                cents = int(regex.search(r"\d{1,2}$", text[f.start:f.end]).group()) / 100  # "3 Euro 20"
            elif between in (" und ", " ") and CENT_RE.search(text[f.start:f.end]) and f.value < 1:
                cents = f.value  # "20 Dollar und 40 Cent"
            if cents is not None:
                out[-1] = dataclasses.replace(prev, end=f.end, value=round_value(prev.value + cents))
                continue
        if prev is not None and prev.type == "money" and f.start < prev.end:
            continue  # the cents of "3 Euro 20" below, found again as a number
        if f.type == "money" and float(f.value).is_integer() and f.scale == 1 and CURRENCY_WORD_END_RE.search(text, f.start, f.end):
            m = CENTS_AFTER_RE.match(text, f.end)
            if m is not None:  # "3 Euro 20." at the end of a clause
                f = dataclasses.replace(f, end=m.end(1), value=round_value(f.value + int(m.group(1)) / 100))
        out.append(f)
    return out


# "Die Zahl der Einbrüche lag 2013 bei 705": the counted noun named by "Zahl der"
NUMBER_OF_RE = regex.compile(r"(?<![\p{L}])(?:Zahl|Anzahl|Gesamtzahl)\s+(?:der|an|von)\s+(?:\p{Ll}+\s+)?(\p{Lu}\p{Ll}+)")
def _counted_noun(text: str, named: regex.Match) -> str:
    """The noun "Zahl der" names, singular nominative; of a pair "Mitarbeiterinnen und
    Mitarbeiter" the second (the masculine form, as counts are written)."""
    word = named.group(1)
    pair = regex.match(r"\s+und\s+(\p{Lu}\p{Ll}+)", text[named.end():named.end() + 40])
    if pair and word.endswith("innen") and word[:-5].startswith(pair.group(1)[:4]):
        word = pair.group(1)
    return lemmatize_noun(word)


PARTITIVE_PRONOUNS = (("von", "ihnen"), ("unter", "ihnen"), ("davon",))
ELLIPTIC_REACH = 400  # "2.800 von ihnen" looks this far back for what the count before counted


def _elliptic_count(text: str, s: int, e: int, v: float, toks: list[Tok], results: list[NumberFact]) -> NumberFact | None:
    """"lagen sie 2013 schon bei 705.", "um 51 Personen auf 2680 verringert": a bare number after
    "bei" or "auf" (maybe "insgesamt") at the end of a clause counts what the count before it in
    the same sentence counts, or the noun of "Zahl der …" before it there. "1.200 von ihnen",
    "2.800 davon" count what the last count before them counts, in this sentence or an earlier one."""
    last = next((f for f in reversed(results) if f.end <= s), None)
    words_after = tuple(t.low for t in toks[:2])
    words_before = [t.low for t in _lex_before(text, s, limit=2)]
    if any(words_after[: len(p)] == p for p in PARTITIVE_PRONOUNS) or "davon" in words_before:
        if last is not None and last.type == "quantity" and s - last.end <= ELLIPTIC_REACH:
            return NumberFact("quantity", s, e, round_value(v), {"unit": last.fields.get("unit"), "qualifier": None})
        return None
    if toks and toks[0].low not in (".", ",", ";", "!", "?") and not _is_verb(toks[0].text):
        return None
    words = [t.low for t in _lex_before(text, s, limit=2)]  # nearest first
    if not words or not (words[0] in ("bei", "auf") or (words[0] == "insgesamt" and len(words) > 1 and words[1] in ("bei", "auf"))):
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


def _measure_or_count(f: NumberFact) -> NumberFact | None:
    """A count of a unit of measure ("85 Meter", "2,5 Gigawattstunden") is a `measure` with a
    normalised unit; points and scores ("elf Punkte") are no fact; other counts stay."""
    if f.type != "quantity":
        return f
    unit = (f.fields.get("unit") or "").lower()
    last = unit.rsplit("-", 1)[-1]
    lex = lexicon()
    if last in lex["score_nouns"]:
        return None  # "elf Punkte", "250 ATP-Punkte"; not "zwei Stützpunkte"
    symbol = lex["measure_units"].get(unit) or lex["measure_units"].get(last) or lex["measure_units"].get(last.removesuffix("s"))
    if symbol is None:
        return f
    return dataclasses.replace(f, type="measure", fields={"unit": symbol, "qualifier": f.fields.get("qualifier")})


@cache
def _amount_after_re():
    """Words after a year-like number that make it an amount: a currency, percent or scale word."""
    lex = lexicon()
    words = sorted(set(lex["currencies"]) | set(lex["percent_words"]) | set(lex["scales"]), key=len, reverse=True)
    return regex.compile(r"\s*(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}])", regex.IGNORECASE)


def _plain_year_or_code(text: str, s: int, e: int, v: float) -> bool:
    """A cheap first test: "2014" or "53721 Siegburg" without a currency, percent or scale word
    after it (and no currency sign before) is no amount."""
    n = e - s
    if n not in (4, 5) or not text[s:e].isdigit():
        return False
    if n == 4 and not 1900 <= v <= 2099:
        return False
    if n == 4 and _after_count_cue(text, s):
        return False
    if _amount_after_re().match(text, e, e + 24) or text[max(0, s - 4):s].strip()[-3:] in CURRENCY_SIGNS:
        return False
    return n == 4 or bool(CAPITAL_AFTER_RE.match(text, e, e + 2))


CURRENCY_SIGNS = {"€", "$", "£", "EUR", "USD", "CHF", "GBP"}
THOUSANDS_RE = regex.compile(r"\d{1,3}(?:\.\d{3})+")
NEXT_AFTER_DOT_RE = regex.compile(r"\.[ \t]+(\p{Lu}\p{Ll}*)\b")


@cache
def _sentence_starters() -> frozenset[str]:
    """Words that start a sentence but never follow an ordinal ("Davon", "Die", "Er")."""
    from ..lexicon import FUNCTION_WORDS

    return FUNCTION_WORDS | frozenset(lexicon()["sentence_starters"])
CAPITAL_AFTER_RE = regex.compile(r" \p{Lu}")


def _currency_before(text: str, s: int) -> tuple[list[Tok], tuple[int, str] | None]:
    """The token before `s`, and the currency it names ("€ 3.000", "EUR 2,5 Mio.")."""
    before = _lex_before(text, s, limit=1)
    return before, (_currency(before) if before and not before[0].text[:1].islower() else None)


# After a number, these end the phrase: only a currency before it can still make it a fact
NO_UNIT_AFTER = frozenset(".,;:!?)]}\"'“”„»«…")


def _classify(text: str, s: int, e: int, v: float, kind: str, toks: list[Tok], context_currency: str | None = None) -> NumberFact | None:
    raw = text[s:e]
    q_start, qualifier = _qualifier_before(text, s)
    is_article = kind == "word" and raw.lower() in ARTICLE_ONE
    # currency before the number: "€ 3.000", "EUR 2,5 Mio."
    before, cur_before = _currency_before(text, s)
    n_scale, scale = _scale(toks)
    value = v * scale
    rest = toks[n_scale:]
    end = toks[n_scale - 1].end if n_scale else e
    if is_article and n_scale == 0:
        # "ein", "einem": an article unless a currency, percent or duration word follows
        if not rest or (_currency(rest) is None and rest[0].low not in lexicon()["duration_units"] and rest[0].low not in lexicon()["percent_words"]):
            return None
    if _is_year(text, s, e, v) and n_scale == 0 and not cur_before and not (rest and (_currency(rest) or rest[0].low in lexicon()["percent_words"])):
        return None
    if raw.isdigit() and len(raw) == 5 and rest and rest[0].is_cap and not _currency(rest) and n_scale == 0:
        return None  # postal code "53721 Siegburg"
    if cur_before and (cur_before[1] != "EUR/100"):
        code = cur_before[1]
        start = before[0].start
        q_start, qualifier = _qualifier_before(text, start)
        return _money(text, q_start if qualifier else start, end, value, code, qualifier, rest, scale)
    if not rest and n_scale and context_currency:
        return _money(text, q_start, end, value, context_currency, qualifier, rest, scale)  # "… 1,4 Millionen."
    if rest:
        cur = _currency(rest)
        if cur:
            n, code = cur
            end = rest[n - 1].end
            return _money(text, q_start, end, value, code, qualifier, rest[n:], scale)
        if rest[0].low in lexicon()["percent_words"]:
            end = rest[0].end
            about = _about_fields(text, _percent_about(rest[1:]))
            if about["about"] is None:
                about = _subject_fields(text, q_start)  # "Die Mieten stiegen um 3,6 Prozent"
            return NumberFact("percent", q_start, end, round_value(value), {**about, "qualifier": qualifier}, scale=scale, factor=scale)
        unit = lexicon()["duration_units"].get(rest[0].low)
        if unit:
            if len(rest) > 1 and rest[1].low in ("alt", "alte", "alter", "altes", "alten", "altem"):
                return None  # an age, "38 Jahre alt"
            return NumberFact("duration", q_start, rest[0].end, round_value(value), {"unit": unit, "qualifier": qualifier}, scale=scale, factor=scale)
        if rest[0].low in lexicon()["fractions"]:
            return None  # "drei Viertel": a share, see _shares
        np_ = _noun_phrase(rest)
        if np_ is None and n_scale and context_currency:
            # "rund sieben Milliarden in Infrastruktur" after "neun Milliarden Euro": the currency
            # the text has just named
            return _money(text, q_start, end, value, context_currency, qualifier, rest, scale)
        if np_:
            used, heads = np_
            if heads[0].low in lexicon()["scales"] or _is_place(heads[0].text):
                return None  # "1860 München" is a club, not 1860 Münchens
            unit = lexicon()["duration_units"].get(heads[0].low)
            if unit and len(heads) == 1:  # "zwei magere Jahre"
                return NumberFact("duration", q_start, rest[used - 1].end, round_value(value), {"unit": unit, "qualifier": qualifier}, scale=scale, factor=scale)
            return NumberFact("quantity", q_start, rest[used - 1].end, round_value(value), {"unit": unit_of(heads), "qualifier": qualifier}, scale=scale, factor=scale)
    return None


def _money(text, start, end, value, code, qualifier, after: list[Tok], scale: float = 1) -> NumberFact:
    factor = scale
    if code == "EUR/100":
        code, value, factor = "EUR", value / 100, scale / 100
    about, period, at = _about_before(text, start)
    if about is None:
        about, _, at = _about_after(after)
    if about is None:  # "Der Umbau kostet 38,5 Millionen Euro"
        subject = _subject_fields(text, start)
        about, at = subject["about"], (subject["about_span"]["start"], subject["about_span"]["end"]) if subject["about_span"] else None
    if period is None:  # "mit jährlich rund 350.000 Euro"
        before = _lex_before(text, start, limit=2)
        hit = _period(before[:1]) if before else None
        period = hit[1] if hit else None
    if period is None:
        hit = _period(after)
        if hit is None and after and after[0].low in ("für", "an"):
            # "315.000 Euro für Personal pro Jahr"
            n = _about_after(after)[1]
            hit = _period(after[n:]) if n else None
        period = hit[1] if hit else None
    about_span = part(text, *at) if at else None
    return NumberFact("money", start, end, round_value(value), {"unit": code, "about": about, "about_span": about_span, "period": period, "qualifier": qualifier}, scale=scale, factor=factor)


def _subject_fields(text: str, start: int) -> dict:
    """The subject an amount is the value of, in "Die Mieten stiegen um 3,6 Prozent", "Der Umbau
    kostet 38,5 Millionen Euro": an article, adjectives and a noun, a verb, maybe "um"/"auf",
    then the amount, at the start of a sentence or clause. The noun in singular nominative."""
    before = _lex_before(text, start, limit=6)  # nearest first
    i = 1 if before and before[0].low in ("um", "auf", "bei", "rund") else 0
    if i >= len(before) or not before[i].is_word or before[i].is_cap or not _value_verb(before[i].text):
        return {"about": None, "about_span": None}
    i += 1
    if i >= len(before) or not _is_noun(before[i]):
        return {"about": None, "about_span": None}
    noun = before[i]
    k = i + 1
    while k < len(before) and before[k].is_word and not before[k].is_cap and _looks_adjective(before[k]):
        k += 1
    if k >= len(before) or before[k].low not in ("der", "die", "das") or not _clause_start(text, before[k].start):
        return {"about": None, "about_span": None}
    return {"about": lemmatize_noun(noun.text), "about_span": part(text, noun.start, noun.end)}


def _value_verb(word: str) -> bool:
    """A verb that says what a subject amounts to ("kostet", "stiegen", "liegt"), not who pays."""
    from ..normalize.lemma import _lemma_exact

    return (_lemma_exact(word) or word) in lexicon()["value_verbs"]


def _clause_start(text: str, pos: int) -> bool:
    head = text[max(0, pos - 3):pos].rstrip(" ")
    return not head or head[-1] in ".!?:;,\n–"


def _about_fields(text: str, tok: Tok | None) -> dict:
    """`about` and `about_span` of a percent from the noun token it is a share of."""
    if tok is None:
        return {"about": None, "about_span": None}
    return {"about": tok.text, "about_span": part(text, tok.start, tok.end)}


# "jeder sechste Bürger", "Jeder Dritte" (the ordinal is the noun), "jeder 5. Haushalt"
# (stdlib `re`, which skips fast to a "J" or "j"; a letter before and the noun's capital are tested by hand)
JEDER_RE = re.compile(r"([Jj]ede[rsmn]?)\s+((?i:[^\W\d_]+te[nr]?)|\d+\.)(?![^\W\d_])(?:\s+([^\W\d_](?:[^\W\d_]|-)*))?")
# stdlib `re` skips fast to the capitals these words start with; a letter before is tested by hand
FRACTION_RE = re.compile(r"(Hälfte|Drittel|Viertel|Fünftel|Sechstel|Siebtel|Achtel|Zehntel)(?![^\W\d_])")
WORD_BEFORE_RE = regex.compile(r"(\p{L}+)\s+$")


def _shares(text: str, blocked: Ranges) -> list[NumberFact]:
    """"jeder sechste Bürger" (16.67, Bürger), "die Hälfte", "ein Drittel", "drei Viertel"."""
    out = []
    lex = lexicon()
    for m in JEDER_RE.finditer(text):
        noun = m.group(3) if m.group(3) and m.group(3)[0].isupper() else None
        end = m.end(3) if noun else m.end(2)
        if m.start() and text[m.start() - 1].isalpha() or overlaps(m.start(), end, blocked):
            continue
        word = m.group(2).lower()
        n = parse_digits(word[:-1]) if word.endswith(".") else lex["ordinals"].get(word.rstrip("n").rstrip("r").rstrip("s") if word not in lex["ordinals"] else word)
        if not n:
            continue
        q_start, qualifier = _qualifier_before(text, m.start())
        about = {"about": noun, "about_span": part(text, m.start(3), m.end(3)) if noun else None}
        out.append(NumberFact("percent", q_start, end, round_value(100 / n), {**about, "qualifier": qualifier}))
    for m in FRACTION_RE.finditer(text):
        if m.start() and text[m.start() - 1].isalpha():
            continue  # inside a longer word
        prev = WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        if prev is None or overlaps(prev.start(), m.end(), blocked):
            continue
        det, frac = prev.group(1), m.group(1).lower()
        base = lex["fractions"][frac]
        if frac == "hälfte":
            if det.lower() not in ("die", "der", "zur", "eine", "einer", "einem", "gut", "knapp", "fast"):
                continue
            mult, start = 1, prev.start()
        else:
            num = parse_number_word(det)
            if num is None or num > 10:
                continue
            mult, start = num, prev.start()
        q_start, qualifier = _qualifier_before(text, start)
        about = _about_fields(text, _percent_about(_lex(text, m.end(), limit=6)))
        value = round_value(min(100.0, base * mult)) if mult != 1 else base
        if frac in ("drittel",) and mult == 2:
            value = 66.67
        out.append(NumberFact("percent", q_start, m.end(), value, {**about, "qualifier": qualifier}))
    return out


class NumbersComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[KEY] = []
        text, skip = doc_text(doc), skip_ranges(doc)
        skip_set = Ranges(skip)
        doc.spans[AGES_KEY] = []
        ages = find_ages(text)  # not facts of the record: the roles stage gives them to persons
        for f in find_numbers(text, skip + taken_ranges(doc, "ki_contacts", "ki_dates"), ages):
            add_fact(doc, KEY, f.type, f.start, f.end, f.value, **f.fields)
        for s, e, age in ages:
            if not overlaps(s, e, skip_set):
                add_fact(doc, AGES_KEY, "age", s, e, age)
        return doc
