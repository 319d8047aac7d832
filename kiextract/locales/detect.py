"""Which locale a text is written in, from its own cues: words only one country uses (Jänner,
Landeshauptmann, Kanton, Gemeindepräsident), its parties, places and currency, phone prefixes, a
web page's domain, and the Swiss spelling without ß. The cues and their weights are data
(locales.json); a text with too few cues is de-DE."""
from __future__ import annotations

from functools import cache

import regex

from ..textutil import load_json
from . import DEFAULT, LOCALES

THRESHOLD = 3  # the weight of cues a locale other than de-DE needs
SS_WORD_RE = regex.compile(r"(?<![\p{L}])\p{L}*ss\p{L}*")
SCAN_CHARS = 20_000  # the cues of the first characters are enough; a huge text is not read twice


WORD_RE = regex.compile(r"\p{L}+")


@cache
def _cues(code: str) -> tuple[dict[str, int], dict[str, int], list[tuple[regex.Pattern, int]]]:
    """The locale's cue words (one word each: looked up among the text's words), its cues of
    several words or with a dot ("St. Gallen"), and its cue patterns, each with its weight."""
    info = load_json("locales.json")[code]
    cues = {w: n for w, n in info.get("cues", {}).items() if not w.startswith("_")}
    single = {w: n for w, n in cues.items() if WORD_RE.fullmatch(w)}
    phrases = {w: n for w, n in cues.items() if w not in single}
    patterns = [(regex.compile(p), n) for p, n in info.get("patterns", [])]
    return single, phrases, patterns


def _swiss_spelling(text: str, stems: tuple[str, ...]) -> bool:
    """No ß at all, and at least two words written with "ss" where German writes ß ("Strasse",
    "grösser", "heisst": `stems`, lower case)."""
    if "ß" in text:
        return False
    found = {m.group().lower() for m in SS_WORD_RE.finditer(text) if any(stem in m.group().lower() for stem in stems)}
    return len(found) >= 2


def scores(text: str, url: str | None = None) -> dict[str, int]:
    """The weight of the cues each locale other than de-DE finds in `text` (and its URL)."""
    text = text[:SCAN_CHARS]
    words = set(WORD_RE.findall(text))
    out = {}
    for code in LOCALES:
        if code == DEFAULT:
            continue
        info = load_json("locales.json")[code]
        single, phrases, patterns = _cues(code)
        score = sum(n for w, n in single.items() if w in words)
        score += sum(n for w, n in phrases.items() if w in text and regex.search(r"(?<![\p{L}])" + regex.escape(w) + r"(?![\p{L}])", text))
        score += sum(n for p, n in patterns if p.search(text))
        if url and any(url.split("/")[2:3] and url.split("/")[2].endswith(d) for d in info.get("domains", [])):
            score += info.get("domain_weight", 0)
        if info.get("swiss_spelling") and _swiss_spelling(text, tuple(info["swiss_spelling_stems"])):
            score += info["swiss_spelling"]
        out[code] = score
    return out


def detect(text: str, url: str | None = None) -> str:
    """The locale of `text`: the one whose cues weigh most, if they weigh THRESHOLD or more; else de-DE.

    >>> detect("Landeshauptmann Thomas Stelzer (ÖVP) eröffnete am 12. Jänner die Brücke.")
    'de-AT'
    >>> detect("Der Umbau kostet 1'500'000 Franken, sagte der Gemeindepräsident.")
    'de-CH'
    >>> detect("Der Landrat eröffnete die Brücke.")
    'de-DE'
    """
    found = scores(text, url)
    best = max(found, key=lambda c: found[c], default=None)
    return best if best is not None and found[best] >= THRESHOLD else DEFAULT
