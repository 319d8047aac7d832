"""Percents: what a share is of, and shares written as words ("jeder sechste Bürger", "die
Hälfte", "drei Viertel")."""
from __future__ import annotations

import re

import regex

from ...textutil import Ranges, overlaps
from ..base import part
from .parse import lexicon, parse_digits, parse_number_word, pattern, round_value, words
from .tokens import (
    ARTICLES,
    NumberFact,
    Tok,
    _is_noun,
    _lex,
    _looks_adjective,
    _qualifier_before,
)


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


def _about_fields(text: str, tok: Tok | None) -> dict:
    """`about` and `about_span` of a percent from the noun token it is a share of."""
    if tok is None:
        return {"about": None, "about_span": None}
    return {"about": tok.text, "about_span": part(text, tok.start, tok.end)}


# "jeder sechste Bürger", "Jeder Dritte" (the ordinal is the noun), "jeder 5. Haushalt"
# (stdlib `re`, which skips fast to a "J" or "j"; a letter before and the noun's capital are tested by hand)
JEDER_RE = re.compile(r"([Jj]ede[rsmn]?)\s+((?i:[^\W\d_]+te[nr]?)|\d+\.)(?![^\W\d_])(?:\s+([^\W\d_](?:[^\W\d_]|-)*))?")
# stdlib `re` skips fast to the capitals these words start with; a letter before is tested by hand
FRACTION_RE = re.compile(pattern("fraction"))
HALF = words("half")
HALF_DETERMINERS = words("half_determiners")  # "die Hälfte", "knapp die Hälfte"
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
        if frac in HALF:
            if det.lower() not in HALF_DETERMINERS:
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
