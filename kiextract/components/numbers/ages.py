"""Ages ("der 54-Jährige", "38 Jahre alt"): not facts of their own; the roles stage gives them to
persons."""
from __future__ import annotations

import regex

from .parse import lexicon, parse_digits, parse_number_word, pattern

AGE_RE = regex.compile(pattern("age"))
AGE_ALT_RE = regex.compile(pattern("age_years_old"))
AGE_CUE, YEARS_OLD_CUE = lexicon()["words"]["age_cue"]  # every match of the patterns holds one


def find_ages(text: str) -> list[tuple[int, int, int]]:
    """(start, end, age) for "38-jährige", "der 54-Jährige", "38 Jahre alt".

    >>> find_ages("Die 38-jährige CDU-Politikerin")
    [(4, 14, 38)]
    """
    out: list[tuple[int, int, int]] = []
    # every match holds "ährig": search only around those (a number word is under 40 letters)
    pos, i = 0, text.find(AGE_CUE)
    while i >= 0:
        m = AGE_RE.search(text, max(pos, i - 40), i + 12) if i >= pos else None
        if m:
            v = parse_digits(m.group(1)) if m.group(1).isdigit() else parse_number_word(m.group(1))
            if v is not None and 0 < v < 130:
                out.append((m.start(), m.end(), int(v)))
            pos = m.end()
        i = text.find(AGE_CUE, i + 1)
    if YEARS_OLD_CUE in text:
        out.extend((m.start(), m.end(), int(m.group(1))) for m in AGE_ALT_RE.finditer(text))
    return sorted(out)
