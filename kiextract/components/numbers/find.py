"""`find_numbers`: every money amount, count, measure, percent and duration of a text, each tied to
what it counts or pays for. The whole logic over plain text (the component and the tests use it)."""
from __future__ import annotations

import math
from functools import cache

import regex

from ...textutil import Ranges, overlaps
from ..base import part
from .ages import find_ages
from .candidates import _candidates, _is_year, _ordinal_or_label, _plain_year_or_code
from .counts import _elliptic_count, bracketed_list_count, times_counts, unit_of
from .durations import duration, duration_unit, is_age
from .measures import _measure_or_count, measure_symbol
from .money import (
    _about_before,
    _compound_amounts,
    _currency,
    _currency_before,
    _joined_amounts,
    _listed_amount,
    _money,
    _scale,
)
from .parse import current, lexicon, round_value, scale_of, words
from .percents import _about_fields, _percent_about, _shares
from .tokens import (
    AND_OR,
    ARTICLE_ONE,
    CONJ,
    CONTEXT_CURRENCY_CHARS,
    JOIN_FILLERS,
    SENTENCE_END_RE,
    NumberFact,
    Tok,
    _inflected_adjective,
    _is_place,
    _lex,
    _lex_before,
    _noun_phrase,
    _qualifier_before,
    _subject_fields,
)

MAX_VALUE = 1e18  # larger amounts and counts are no facts (no article means them; floats lose digits)
# After a number, these end the phrase: only a currency before it can still make it a fact
JOIN_TO_NEXT = words("join_to_next")  # "von 17 auf 30 Prozent", "138 der 550 Abgeordneten"
NO_UNIT_AFTER = frozenset(".,;:!?)]}\"'“”„»«…")


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
    pending: list[tuple[int, int, float, str, bool]] = []  # numbers waiting for the unit of the next one (and whether they have a noun of their own)
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
            elliptic = _elliptic_count(text, s, e, v, [], results) if text[e:e + 1] in ".,;!?" else bracketed_list_count(text, s, e, v, results)
            if elliptic is not None:
                results.append(elliptic)
            continue
        toks = _lex(text, e, limit=9)
        context = None
        if last_money is not None and s - last_money.end <= CONTEXT_CURRENCY_CHARS and not SENTENCE_END_RE.search(text, last_money.end, s):
            context = last_money.fields["unit"]  # the same sentence: "… 2 Millionen Euro, der Betrieb 1,5 Millionen"
        elif not (toks and scale_of(toks[0].text)):
            pass  # a currency from the context goes only to a scaled number ("2,2 Millionen"): no search
        elif last_money is not None and _money_noun_before(text, s):
            context = last_money.fields["unit"]  # a later sentence that names money: "Der Erlös lag um 2,2 Millionen höher"
        elif _money_noun_before(text, s):
            context = lexicon()["home_currency"]  # no currency named yet: "mit Einnahmen von 42 Millionen gerechnet" (EUR; CHF in Switzerland)
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
            a = 1 if len(toks) > 2 and _inflected_adjective(toks[0]) and toks[1].low in AND_OR else 0
            if toks and (toks[a].low in CONJ or toks[a].low in JOIN_TO_NEXT) and i < len(cands) and len(toks) > a + 1:
                k = a + 1
                while k < len(toks) - 1 and k <= 3 and toks[k].low in JOIN_FILLERS:
                    k += 1
                if cands[i][0] == toks[k].start:
                    pending.append((s, e, v, kind, False))
                elif _parallel_von(text, s, toks, a, cands[i][0]):
                    pending.append((s, e, v, kind, True))  # "Einnahmen von 42 und Ausgaben von 40,3 Millionen Euro"
                else:
                    pending.clear()
            else:
                pending.clear()
            continue
        for ps, pe, pv, pkind, own_noun in pending:
            if pkind == "word" and pv == 1 and text[ps:pe].lower() in ARTICLE_ONE:
                continue
            q_start, qualifier = _qualifier_before(text, ps)
            times = fact.factor if pv <= v or own_noun else fact.factor / fact.scale  # "von 42 und … von 40,3 Millionen": both in millions
            fields = {**fact.fields, "qualifier": qualifier}
            if own_noun and fact.type == "money":  # its own purpose, not the next amount's
                about, _, at = _about_before(text, q_start)
                fields.update(about=about, about_span=part(text, *at) if at else None)
            results.append(NumberFact(fact.type, q_start, pe, round_value(pv * times), fields))
        pending.clear()
        results.append(fact)
        if fact.type == "money":
            last_money = fact  # kept as it comes: no scan back over all facts for every number
        # skip candidates inside this fact (the scale word "Dutzend" is not a second number)
        while i < len(cands) and cands[i][0] < fact.end:
            i += 1
    blocked.extend((f.start, f.end) for f in results)
    results.extend(_shares(text, blocked))
    results.extend(times_counts(text, blocked))
    results.extend(_compound_amounts(text, blocked, results))
    results.sort(key=lambda f: (f.start, f.end))
    results = _joined_amounts(text, results)
    # a value out of any range ("310 digits Euro") is no fact, never an exception further on
    return [m for f in results if math.isfinite(f.value) and abs(f.value) < MAX_VALUE and (m := _measure_or_count(f)) is not None]


WORD_RE = regex.compile(r"\p{L}+")
PARALLEL_PREPOSITIONS = words("parallel_prepositions")  # "Einnahmen von 42 und Ausgaben von 40,3 Millionen"


def _parallel_von(text: str, s: int, toks: list[Tok], a: int, next_start: int) -> bool:
    """"Einnahmen von 42 und Ausgaben von 40,3 Millionen Euro": two nouns each with "von" and a
    number, joined by "und"/"oder"; the first number takes the scale and unit of the second."""
    k = a + 1
    if not (len(toks) > k + 2 and toks[k].is_cap and toks[k].text.isalpha() and toks[k + 1].low in PARALLEL_PREPOSITIONS and toks[k + 2].start == next_start):
        return False
    before = _lex_before(text, s, limit=2)  # nearest first: "von", "Einnahmen"
    return len(before) == 2 and before[0].low in PARALLEL_PREPOSITIONS and before[1].is_cap and before[1].text.isalpha()


MONEY_NOUN_REACH = 120  # characters back in the number's sentence where a noun of money may stand


def _money_noun_before(text: str, s: int) -> bool:
    """A noun of money ("Einnahmen", "Erlös", "Etat", compounds such as "Karteneinnahmen") before
    the number in its sentence: a bare "2,2 Millionen" there is the document's money, not people."""
    start = max(0, s - MONEY_NOUN_REACH)
    end = None
    for m in SENTENCE_END_RE.finditer(text, start, s):
        end = m.end()
    nouns = _money_nouns(current())
    return any(w.endswith(nouns) for w in WORD_RE.findall(text[end or start:s].lower()))


@cache
def _money_nouns(locale: str) -> tuple[str, ...]:
    return tuple(sorted(words("money_nouns")))  # words() reads the locale being read, which is `locale`


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
    if cur_before and not cur_before[1].endswith("/100"):  # not "Cent 30"
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
        unit = duration_unit(rest[0])
        if unit:
            return None if is_age(rest) else duration(q_start, rest[0].end, value, unit, qualifier, scale)
        symbol = measure_symbol(text, end)
        if symbol is not None:  # "35 °C", "120 km/h", "4.050 m²"
            return NumberFact("measure", q_start, symbol[0], round_value(value), {"unit": symbol[1], "qualifier": qualifier}, scale=scale, factor=scale)
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
            unit = duration_unit(heads[0])
            if unit and len(heads) == 1:  # "zwei magere Jahre"
                return duration(q_start, rest[used - 1].end, value, unit, qualifier, scale)
            if value < 1 and not text[q_start:q_start + 1].isdigit():
                return None  # "die halbe Stadt": a share in words, no count
            return NumberFact("quantity", q_start, rest[used - 1].end, round_value(value), {"unit": unit_of(heads), "qualifier": qualifier}, scale=scale, factor=scale)
    return None
