"""Numbers in a text, written with digits or as words, and the numbers that are no amount at all:
years, postal codes, ordinals, labels ("Nr. 9", "§ 3", "Hauptstraße 12")."""
from __future__ import annotations

import re
from functools import cache

import regex

from ...lexicon import FUNCTION_WORDS
from ...textutil import number_blockers, street_suffixes
from .money import CURRENCY_SIGNS
from .parse import PERCENT_DECIMAL_RE, current, digits_re, lexicon, parse_digits, parse_number_word, pattern
from .tokens import _lex_before

# A word made only of German numeral parts ("zweihundertfünfzig", "dreiundzwanzig", "einem", "beiden");
# parse_number_word decides whether it really is a number.
NUMERAL_PARTS = lexicon()["words"]["numeral_parts"]
DENOMINATOR_BEFORE = frozenset(lexicon()["words"]["denominator_before"])  # "pro 1.000 Einwohner"
BRACKET_COLLECTIVES = frozenset(lexicon()["words"]["bracket_collectives"])  # "(beide LMU)"
NUMWORD_HEADS = [
    # the repetition is possessive (`*+`): "dreißig" is also "drei" + "ßig", and a backtracking
    # loop over such parts takes time exponential in the length of a run of them
    *((part, rf"(?:{'|'.join(NUMERAL_PARTS)}|{'|'.join(lexicon()['words']['numeral_joiner'])})*+(?:s|e|em|en|er|es)?") for part in NUMERAL_PARTS),
    *(tuple(head.split("=", 1)) for head in lexicon()["words"]["numeral_extra_heads"]),  # "beide", "anderthalb", "zweieinhalb"
]


def _by_first_letter(heads: list[tuple[str, str]]) -> str:
    """One alternative per first letter ("z(?:wei…|wo…|ehn…)"): at each word start the regex engine
    tests one letter rather than each of some thirty alternatives."""
    tails: dict[str, list[str]] = {}
    for head, tail in heads:
        tails.setdefault(head[0], []).append(re.escape(head[1:]) + tail)
    return "(?:" + "|".join(f"{first}(?:{'|'.join(alts)})" for first, alts in tails.items()) + ")"


NUMWORD_CORE = _by_first_letter(NUMWORD_HEADS)
NOT_ARTICLE = rf"(?!{pattern('article')}(?![^\W_]|-))"  # "ein", "eine", ...: see ARTICLE_RE
# Searched in the lowercased text with a space in front (group 1 is the word). A match starts at the
# sign before the word, so the standard library's engine skips quickly from one such sign to the
# next: with the first-letter grouping the scan of 10kGNAD takes 0.043 s, against 0.062 s for a
# look-behind tried at every character (and about four times that for a case-blind `regex` search).
NUMWORD_LOWER_RE = re.compile(r"[^\w-](" + NOT_ARTICLE + NUMWORD_CORE + r")(?![^\W_]|-)")


def _candidates(text: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, kind) of every number written with digits or as a word."""
    out = []
    for m in digits_re().finditer(text):
        v = parse_digits(m.group())
        if v is None and PERCENT_DECIMAL_RE.fullmatch(m.group()):
            v = float(m.group())  # "23.82 Prozent": the only point before two digits digits_re takes here
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


ARTICLE_LOWER_RE = re.compile(pattern("article_lower"))
ARTICLE_RE = regex.compile(pattern("article_any"))


def _article_follow_re() -> re.Pattern:
    """What may follow a numeral "ein" (lowercased text): a scale, currency, percent or duration
    word ("eine Million", "ein Euro", "ein Prozent", "ein Jahr"), in the locale being read."""
    return _article_follow_re_of(current())


@cache
def _article_follow_re_of(locale: str) -> re.Pattern:
    lex = lexicon()
    words = [*lex["scales"], *lex["currencies"], *lex["percent_words"], *lex["duration_units"]]
    alt = "|".join(re.escape(w) for w in sorted({w.split()[0].rstrip(".") for w in words}, key=len, reverse=True))
    return re.compile(r"\s*(?:" + alt + r")\.?(?![^\W_]|-[^\W_])")


def _article_may_count(text: str, e: int) -> bool:
    """"ein"/"eine" ending at `e` is a number only before a scale, currency, percent or duration
    word (what _classify decides; this test spares building tokens for every article)."""
    return _article_follow_re().match(text[e:e + 40].lower()) is not None


def _is_year(text: str, s: int, e: int, v: float) -> bool:
    raw = text[s:e]
    return raw.isdigit() and len(raw) == 4 and 1900 <= v <= 2099 and not _after_count_cue(text, s)


def _after_count_cue(text: str, s: int) -> bool:
    """"auf insgesamt 2069", "Davon 1400": a word before the number that makes it a count."""
    before = _lex_before(text, s, limit=2)
    return any(t.low in lexicon()["count_cues"] for t in before)


def _ordinal_or_label(text: str, s: int, e: int) -> bool:
    """"3." (ordinal), "3.v.l.", "2:1", "15:04", "Nr. 9", "§ 3", "Hauptstraße 12", "3-Zimmer";
    a number with a leading zero ("SV 07 Elversberg"), the denominator of a rate ("10,7 Betten pro
    1.000 Einwohner") and "beide"/"alle" in brackets ("(beide LMU)") count nothing either."""
    if e - s >= 2 and text[s] == "0" and text[s + 1].isdigit():
        return True
    after = text[e:e + 2]
    if after.startswith(".") and not after[1:2].isdigit() and text[s:e].isdigit():  # "4.50." is no ordinal
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
        if w in DENOMINATOR_BEFORE or (w == "(" and text[s:e].lower() in BRACKET_COLLECTIVES):
            return True
        grouped = bool(THOUSANDS_RE.fullmatch(text[s:e]))  # "das Haus 100.892 Besucher": no house number
        if (w in number_blockers() or w.rstrip(".") + "." in number_blockers()) and not grouped:
            return True
        if before[0].is_cap and w.endswith(street_suffixes()):
            return True
    return False


def _amount_after_re() -> regex.Pattern:
    """Words after a year-like number that make it an amount: a currency, percent or scale word."""
    return _amount_after_re_of(current())


@cache
def _amount_after_re_of(locale: str) -> regex.Pattern:
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


THOUSANDS_RE = regex.compile(r"\d{1,3}(?:\.\d{3})+")
NEXT_AFTER_DOT_RE = regex.compile(r"\.[ \t]+(\p{Lu}\p{Ll}*)\b")


@cache
def _sentence_starters() -> frozenset[str]:
    """Words that start a sentence but never follow an ordinal ("Davon", "Die", "Er")."""
    return FUNCTION_WORDS | frozenset(lexicon()["sentence_starters"])
CAPITAL_AFTER_RE = regex.compile(r" \p{Lu}")
