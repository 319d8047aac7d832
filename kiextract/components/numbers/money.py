"""Money: currencies, scales and periods after a number, what an amount pays for, amounts in lists
("Altdorf 1 Mio. Euro, Neudorf 500.000"), in compounds ("die 50-Millionen-Investition") and
with their cents ("3 Euro 20")."""
from __future__ import annotations

import dataclasses
from functools import cache

import regex

from ...lexicon.lemma import lemmatize_noun
from ...textutil import Ranges, overlaps
from ..base import part
from .parse import lexicon, parse_digits, parse_number_word, pattern, round_value, scale_of, words
from .tokens import (
    NumberFact,
    Tok,
    _is_noun,
    _lex_before,
    _match_phrase,
    _qualifier_before,
    _subject_fields,
)

PURPOSE_BEFORE = words("purpose_before")  # "eine Förderung von 365.000 Euro"
MEASURE_NOUN_PREPOSITIONS = words("measure_noun_prepositions")  # "in Höhe von", "im Ausmaß von"
MEASURE_NOUN_ARTICLES = words("measure_noun_articles")
PURPOSE_AFTER = words("purpose_after")  # "315.000 Euro für Personal"
PURPOSE_AFTER_PLURAL = words("purpose_after_plural")  # "an Fördermitteln": the purpose in its lemma
PERIOD_AFTER_PURPOSE = words("period_after_purpose")
AND = words("and")
CENTS_BETWEEN = words("cents_between")  # "20 Dollar und 40 Cent"


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
    if i < len(before) and before[i].low in PURPOSE_BEFORE:
        i += 1
        # "Kredite im Ausmaß von", "eine Förderung in Höhe von": the measure noun is not the purpose
        if i + 1 < len(before) and before[i].low.endswith(_measure_nouns()) and before[i + 1].low in MEASURE_NOUN_PREPOSITIONS:
            i += 2
            if i < len(before) and before[i].low in MEASURE_NOUN_ARTICLES:
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
    if toks[0].low in PURPOSE_AFTER:
        i = 1
        while i < len(toks) and i < 4 and toks[i].is_word and not toks[i].is_cap:
            i += 1
        if i < len(toks) and _is_noun(toks[i]):
            # "für den Hin- und Rückflug"
            if toks[i].text.endswith("-") and i + 2 < len(toks) and toks[i + 1].low in AND and _is_noun(toks[i + 2]):
                return f"{toks[i].text} und {toks[i + 2].text}", i + 3, (toks[i].start, toks[i + 2].end)
            return (lemmatize_noun(toks[i].text) if toks[0].low in PURPOSE_AFTER_PLURAL else toks[i].text), i + 1, (toks[i].start, toks[i].end)
        return None, 0, None
    return None, 0, None


CENT_RE = regex.compile(r"(?i)\s*(?:cent|ct\.?)$")
# "3 Euro 20." / "3 Euro 20 pro Stück": two digits after a currency word, before the clause ends
# or a lower-case word
CENTS_AFTER_RE = regex.compile(
    r"[ \t](?:(\d{2}|\p{Ll}+)(?=\s*(?:[.,;:!?)]|$)|\s+\p{Ll})"  # "3 Euro 20.", "zwei Euro fünfzig für"
    r"|(?:" + "|".join(sorted(w.strip() for w in CENTS_BETWEEN if w.strip())) + r")[ \t]+(\d{2})(?=\s*(?:[.,;:!?)]|$)))"  # "15 Dollar und 15."
)
CURRENCY_WORD_END_RE = regex.compile(r"(?i)(?:euro|dollar|franken|pfund)$")
# Between an amount and the next bare number of one list: "Altdorf 1 Mio. Euro, Neudorf 500.000"
LIST_GAP_RE = regex.compile(pattern("list_gap"))
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
COMPOUND_AMOUNT_RE = regex.compile(pattern("compound_amount"))
COMPOUND_AMOUNT_CUES = tuple(pattern("compound_amount_cues").split("|"))  # one of them stands in every match


def _compound_amounts(text: str, blocked: Ranges, facts: list[NumberFact]) -> list[NumberFact]:
    """Amounts at the front of a compound noun: the noun is what they pay for, the currency the
    compound's own or else the one the text uses for its other amounts (no other: no fact)."""
    if not any(cue in text for cue in COMPOUND_AMOUNT_CUES):
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
            elif between in CENTS_BETWEEN and CENT_RE.search(text[f.start:f.end]) and f.value < 1:
                cents = f.value  # "20 Dollar und 40 Cent"
            if cents is not None:
                out[-1] = dataclasses.replace(prev, end=f.end, value=round_value(prev.value + cents))
                continue
        if prev is not None and prev.type == "money" and f.start < prev.end:
            continue  # the cents of "3 Euro 20" below, found again as a number
        if f.type == "money" and float(f.value).is_integer() and f.scale == 1 and CURRENCY_WORD_END_RE.search(text, f.start, f.end):
            m = CENTS_AFTER_RE.match(text, f.end)
            cents = _cents(m.group(1) or m.group(2)) if m is not None else None
            if cents is not None:  # "3 Euro 20." at the end of a clause, "zwei Euro fünfzig"
                f = dataclasses.replace(f, end=m.end(1) if m.group(1) else m.end(2), value=round_value(f.value + cents / 100))
        out.append(f)
    return out


def _cents(written: str) -> int | None:
    """Hundredths written after a currency word: two digits, or a number word from ten to
    ninety-nine ("fünfzig", "neunundneunzig"; not "acht" of "10 Euro und acht Kinder")."""
    if written.isdigit():
        return int(written)
    n = parse_number_word(written)
    return int(n) if n is not None and float(n).is_integer() and 10 <= n <= 99 else None


CURRENCY_SIGNS = {"€", "$", "£", "EUR", "USD", "CHF", "GBP"}


def _currency_before(text: str, s: int) -> tuple[list[Tok], tuple[int, str] | None]:
    """The token before `s`, and the currency it names ("€ 3.000", "EUR 2,5 Mio.")."""
    before = _lex_before(text, s, limit=1)
    # a lower-case word is no currency before a number ("mark"), a code with "$" is ("aud$ 15")
    return before, (_currency(before) if before and (not before[0].text[:1].islower() or before[0].text.endswith("$")) else None)


def _money(text, start, end, value, code, qualifier, after: list[Tok], scale: float = 1) -> NumberFact:
    factor = scale
    if code.endswith("/100"):  # "30 Cent", "50 Rappen": hundredths of the currency
        code, value, factor = code[:-4], value / 100, scale / 100
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
        if hit is None and after and after[0].low in PERIOD_AFTER_PURPOSE:
            # "315.000 Euro für Personal pro Jahr"
            n = _about_after(after)[1]
            hit = _period(after[n:]) if n else None
        period = hit[1] if hit else None
    about_span = part(text, *at) if at else None
    return NumberFact("money", start, end, round_value(value), {"unit": code, "about": about, "about_span": about_span, "period": period, "qualifier": qualifier}, scale=scale, factor=factor)
