"""German numbers: digits in German formats, number words, scale words, and parsing them.

    >>> parse_number("365.000")
    365000.0
    >>> parse_number("1,5 Millionen")
    1500000.0
    >>> parse_number_word("zweihundertfünfzig")
    250
"""
from __future__ import annotations

import math
from functools import cache, lru_cache

import regex

from ...locales import current, data_json, get

# 365.000 | 1.250.000 | 10 000 | 1'500'000 (Swiss) | 14,5 | 2014 | 0,5
_DIGITS = (
    r"(?<![\p{L}\p{N}.,/:@§#_'’-])"
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?:,\d+)?|\d{1,3}(?:['’]\d{3})+(?!\d)(?:[.,]\d{1,2}(?!\d))?%s|\d+(?:,\d+)?)"
    r"(?![\p{N}\p{L}])"
)
DIGITS_RE = regex.compile(_DIGITS % "")
# where a point before two digits is the decimal point (de-CH: "Fr. 4.50", "2.5 Mio."): 4.5
DIGITS_DECIMAL_POINT_RE = regex.compile(_DIGITS % r"|\d+\.\d{1,2}(?!\d|\.\d)")


SPACES_RE = regex.compile(r"[ \u00a0\u202f'’]")
GROUPED_RE = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
DECIMAL_POINT_RE = regex.compile(r"\d+\.\d{1,2}|\d{1,3}(?:['’]\d{3})+\.\d{1,2}")
PERCENT_DECIMAL_RE = regex.compile(r"\d{1,3}\.\d{1,2}")  # what digits_re admits with a point only before a percent word


def lexicon() -> dict:
    """numbers_de.json with the overlay of the locale being read (a currency such as "Fr." is Swiss)."""
    return data_json("numbers_de.json")


def words(name: str) -> frozenset[str]:
    """A word set of numbers_de.json's `words` ("articles", "joining", ...)."""
    return _words(name, current())


@cache
def _words(name: str, locale: str) -> frozenset[str]:
    return frozenset(data_json("numbers_de.json", locale)["words"][name])


def decimal_point() -> bool:
    """Whether the locale being read writes a point before the decimals ("4.50" in Switzerland)."""
    return get(current()).decimal_point


def digits_re() -> regex.Pattern:
    """Numbers written with digits, as the locale being read writes them; a point before one or
    two digits right before a percent word is a decimal point everywhere ("23.82 Prozent": no
    thousands group has fewer than three digits)."""
    return DIGITS_DECIMAL_POINT_RE if decimal_point() else _digits_with_percent_decimals()


@cache
def _digits_with_percent_decimals() -> regex.Pattern:
    words = sorted(lexicon()["percent_words"], key=len, reverse=True)
    before_percent = r"|\d{1,3}\.\d{1,2}(?=[ \u00a0]?(?:%|" + "|".join(regex.escape(w) for w in words) + r")(?!\p{L}))"
    return regex.compile(_DIGITS % before_percent, regex.IGNORECASE)


def pattern(name: str) -> str:
    """A regular expression of numbers_de.json's `patterns` that holds German words."""
    return lexicon()["patterns"][name]


def parse_digits(s: str) -> float | None:
    """A number written with digits in German style.

    >>> parse_digits("1.250.000"), parse_digits("14,5"), parse_digits("10 000")
    (1250000.0, 14.5, 10000.0)
    """
    if s.isdecimal():
        return float(s)  # most numbers: plain digits
    s = s.strip()
    if "." in s and decimal_point() and DECIMAL_POINT_RE.fullmatch(s):
        return float(SPACES_RE.sub("", s))  # "4.50", "1'500.50" in Switzerland
    s = SPACES_RE.sub("", s)
    if "." in s and GROUPED_RE.fullmatch(s):
        s = s.replace(".", "")
    elif "." in s:
        return None
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _below_100(w: str) -> int | None:
    lex = lexicon()
    if w in lex["units"]:
        return lex["units"][w]
    if w in lex["tens"]:
        return lex["tens"][w]
    joiner = lexicon()["words"]["numeral_joiner"][0]  # "drei|und|zwanzig"
    if joiner in w:
        a, _, b = w.partition(joiner)
        if a in lex["units"] and b in lex["tens"] and lex["units"][a] < 10:
            return lex["units"][a] + lex["tens"][b]
    return None


def _below_1000(w: str) -> int | None:
    if "hundert" in w:
        a, _, b = w.partition("hundert")
        left = _below_100(a) if a else 1
        right = _below_100(b) if b else 0
        if left is None or right is None or left >= 10:
            return None
        return left * 100 + right
    return _below_100(w)


@lru_cache(maxsize=65536)
def parse_number_word(word: str) -> float | int | None:
    """The value of a German number word, inflected forms included; None if it is not one.

    >>> parse_number_word("Dreiundzwanzig"), parse_number_word("zweier"), parse_number_word("anderthalb")
    (23, 2, 1.5)
    >>> parse_number_word("Tausende") is None, parse_number_word("Sieger") is None
    (True, True)
    """
    w = word.lower()
    lex = lexicon()
    if w in lex["inflected"]:
        return lex["inflected"][w]
    if not w or not w.isalpha():
        return None
    if "tausend" in w:
        a, _, b = w.partition("tausend")
        left = _below_1000(a) if a else 1
        right = _below_1000(b) if b else 0
        if left is None or right is None:
            return None
        return left * 1000 + right
    return _below_1000(w)


def scale_of(word: str) -> int | None:
    """The factor of a scale word: Millionen -> 1_000_000, Mio. -> 1_000_000, Dutzend -> 12."""
    return lexicon()["scales"].get(word.lower())


def parse_number(s: str) -> float | None:
    """Digits or a number word, optionally followed by a scale word.

    >>> parse_number("zwei Dutzend"), parse_number("2 Mio."), parse_number("eine Million")
    (24.0, 2000000.0, 1000000.0)
    """
    whole = parse_digits(s)
    if whole is not None:
        return whole
    parts = s.split()
    if not parts:
        return None
    head = parse_digits(parts[0])
    if head is None:
        head = parse_number_word(parts[0])
    if head is None:
        return None
    value = float(head)
    for p in parts[1:]:
        factor = scale_of(p)
        if factor is None:
            return None
        value *= factor
    return value


def round_value(v: float) -> float | int:
    """Whole numbers as int, others rounded to two places (16.666 -> 16.67).

    >>> round_value(365000.0), round_value(100 / 6), round_value(0.0209)
    (365000, 16.67, 0.0209)
    """
    if not math.isfinite(v):
        return v  # out of range: find_numbers drops it
    if abs(v - round(v)) < 1e-9:
        return int(round(v))
    return round(v, 4) if abs(v) < 1 else round(v, 2)
