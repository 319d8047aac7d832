"""Role titles: which word is (or ends in) a title, in which gender, with which adjectives."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..textutil import load_lines, load_tsv, words_map


@dataclass(frozen=True)
class Title:
    """A role title found in a word: the form as it stands in nominative singular, and its kind."""

    text: str  # e.g. "Kreissozialdezernent", "Landtagsabgeordnete"
    masculine: str
    feminine: str
    kind: str  # office | descriptor | credit
    gender: str | None  # "m", "w" or None when the form does not tell
    prefix: str  # the compound part before the title ("Kreissozial")

    def for_gender(self, gender: str | None) -> str:
        """The title as written, in the person's gender where the written form does not tell."""
        if self.gender is not None or gender not in ("m", "w"):
            return self.text
        base = self.masculine if gender == "m" else self.feminine
        if not self.prefix or self.prefix.endswith("-"):
            return self.prefix + base  # "EU-Abgeordneter": after a hyphen the title keeps its capital
        return self.prefix + base[:1].lower() + base[1:]



@cache
def _titles() -> list[tuple[str, str, str, str, str | None]]:
    """(lower-case form, masculine, feminine, kind, gender) longest form first: kiextract's own
    titles (titles.tsv, whose kinds win) and ESCO's common one-word titles (titles_esco.tsv)."""
    out, seen = [], set()
    for masc, fem, kind in load_tsv("titles.tsv") + load_tsv("titles_esco.tsv"):
        for form, gender in ((masc, "m" if masc != fem else None), (fem, "w")):
            if form.lower() in seen or (gender == "w" and fem == masc):
                continue
            seen.add(form.lower())
            out.append((form.lower(), masc, fem, kind, gender))
    # adjectival nouns: "Abgeordnete" (w or plural) also stands for the masculine stem
    return sorted(out, key=lambda t: -len(t[0]))


@cache
def _title_index() -> dict[str, tuple[str, str, str, str, str | None]]:
    """Lower-case title form -> its `_titles()` row: a word's endings are looked up, not scanned."""
    return {t[0]: t for t in reversed(_titles())}


@cache
def _title_exclusions() -> frozenset[str]:
    return frozenset(load_lines("title_exclusions.txt"))


INFLECTION_ENDINGS = ("", "nen", "en", "n", "s", "es", "er", "e")  # "er": "Vorstandsmitglieder", "e": "Vorstände"
UNUMLAUT = words_map("umlauts")  # "ä" -> "a"
UMLAUT_TO = str.maketrans({v: k for k, v in UNUMLAUT.items()})
UMLAUT_PLURAL_RE = regex.compile(f"([{''.join(UNUMLAUT)}])([^{''.join(UNUMLAUT)}aeiou]*)$")  # the last vowel of the stem


@cache
def _title_tails() -> frozenset[str]:
    """The last three letters of every title form: a word whose stem ends in none is no title
    (one set lookup per ending, where an alternation of 2,000 forms took 40 µs a word)."""
    tails = {f[0][-3:] for f in _titles()}
    umlauted = {UMLAUT_PLURAL_RE.sub(lambda m: m.group(1) + m.group(2), t.translate(UMLAUT_TO)) for t in tails}
    return frozenset(tails | umlauted)  # "Stadträte": the plural's tail "rät"


@lru_cache(maxsize=65536)
def title_of(word: str) -> Title | None:
    """The role title a word is (or ends in), with compound and inflected forms.

    >>> title_of("Kreissozialdezernenten").text, title_of("NRW-Integrationsstaatssekretärin").text
    ('Kreissozialdezernent', 'NRW-Integrationsstaatssekretärin')
    >>> t = title_of("Landtagsabgeordneten"); t.for_gender("m")
    'Landtagsabgeordneter'
    >>> title_of("Begleiter") is None, title_of("Leitung").text
    (True, 'Leitung')
    """
    if not word[:1].isupper() or len(word) < 3:
        return None
    low = word.lower()
    tails = _title_tails()
    if not any(low.endswith(e) and low[len(low) - len(e) - 3:len(low) - len(e)] in tails for e in INFLECTION_ENDINGS):
        return None  # no title form ends the word: the quick test before the lookups
    if any(low.endswith(x) for x in _title_exclusions()):
        return None
    index = _title_index()
    for ending in INFLECTION_ENDINGS:
        if ending and not low.endswith(ending):
            continue
        stem = low[: len(low) - len(ending)]
        if ending in ("e", "en") and UMLAUT_PLURAL_RE.search(stem):
            # "Caritas-Vorstände", "Chefärzten": a plural with umlaut, its singular without
            plain = UMLAUT_PLURAL_RE.sub(lambda m: UNUMLAUT[m.group(1)] + m.group(2), stem)
            if any(plain[k:] in index for k in range(0, len(plain) - 2)):
                stem = plain
        for prefix_len in range(0, len(stem) - 2):  # the longest title form the word ends in first
            row = index.get(stem[prefix_len:])
            if row is None or prefix_len == 1:
                continue
            form, masc, fem, kind, gender = row
            prefix = word[:prefix_len]
            if not masc[1:].islower() and (word[prefix_len:len(word) - len(ending)] != masc or (prefix and not prefix.endswith("-"))):
                continue  # an abbreviation ("CIO", "MdL") as written, alone or after a hyphen: not "Fulgencio"
            adjectival = masc.lower() == fem.lower() + "r"
            if adjectival and not (ending == "" and form == masc.lower()):
                g, base = None, fem  # "Abgeordnete(n)": the written form does not tell the sex
            else:
                g, base = gender, (masc if gender == "m" else fem) if gender else fem
            if not prefix or prefix.endswith("-"):
                written = prefix + base
            else:
                written = prefix + base[:1].lower() + base[1:]
            return Title(written, masc, fem, kind, g, prefix)
    return None


@cache
def _title_modifiers() -> frozenset[str]:
    return frozenset(load_lines("title_modifiers.txt"))


def title_modifier(word: str) -> str | None:
    """The base form of an adjective that belongs to a role title, or None.

    >>> title_modifier("stellvertretenden"), title_modifier("türkischen")
    ('stellvertretende', None)
    """
    low = word.lower()
    for ending in ("", "n", "r", "s", "m"):
        base = low[: len(low) - len(ending)] if ending else low
        if (not ending or low.endswith(ending)) and base in _title_modifiers():
            return base
    return None


@cache
def _cluster_words() -> frozenset[str]:
    return frozenset(load_lines("title_cluster_words.txt"))


@lru_cache(maxsize=65536)
def cluster_title(word: str) -> Title | None:
    """A person noun no list holds, by the word clusters of office and occupation it belongs to
    (title_cluster_words.txt): "Schwimmmeister", "Gerätewart", a feminine "-in" of one. Only as
    sure as its place: the roles stage asks it only right before a name or in an apposition.

    >>> cluster_title("Schwimmmeister").text, cluster_title("Jugendwartin").gender, cluster_title("Fenster")
    ('Schwimmmeister', 'w', None)
    """
    if not word[:1].isupper() or not word.replace("-", "").isalpha() or any(word.lower().endswith(x) for x in _title_exclusions()):
        return None
    words = _cluster_words()
    if word in words and not word.endswith("in"):
        return Title(word, word, word + "in", "office", "m", "")
    if word.endswith("in") and (word[:-2] in words or word in words) and len(word) > 5:
        base = word[:-2]
        plain = UMLAUT_PLURAL_RE.sub(lambda m: UNUMLAUT[m.group(1)] + m.group(2), base) if base not in words else base
        return Title(word, plain if plain in words else base, word, "office", "w", "")
    return None
