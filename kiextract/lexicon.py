"""The packaged word lists for entities and roles, loaded once, with the lookups built on them.

Pure: no spaCy. Sources and licences of every list: kiextract/data/SOURCES.md.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from .normalize.lemma import _lemma_exact, lemmatize_noun
from .textutil import load_lines, load_tsv, words_frozenset, words_tuple

# Party aliases too ambiguous for running text (see the gazetteer README).
AMBIGUOUS_PARTY_ALIASES = words_frozenset("ambiguous_party_aliases")
NAME_PARTICLES = words_frozenset("name_particles")
AMBIGUOUS_FIRST_NAMES = words_frozenset("ambiguous_first_names")


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
def first_names() -> dict[str, str]:
    """Given name -> sex ('m', 'w' or 'wm')."""
    return {row[0]: row[1] for row in load_tsv("first_names.tsv")}


@cache
def weak_first_names() -> frozenset[str]:
    """Rare given names that are also common words or names of other things ("Million", "Europa")."""
    return frozenset(row[0] for row in load_tsv("first_names.tsv") if len(row) > 2 and row[2] == "weak") | AMBIGUOUS_FIRST_NAMES


@cache
def name_blockers() -> frozenset[str]:
    return frozenset(load_lines("name_blockers.txt"))


def name_gender(first: str) -> str | None:
    """'m' or 'w' when the given name is used for one sex only.

    >>> name_gender("Serap"), name_gender("Tilmann"), name_gender("Lilli"), name_gender("Anna")
    ('w', 'm', None, 'w')
    """
    first = first.split("-")[0]
    sex = first_names().get(first)
    if sex == "wm" and first.endswith("a") and len(first) > 3:
        return "w"  # "Anna", "Maria": a boy's middle name now and then does not make them ambiguous
    return sex if sex in ("m", "w") else None


@cache
def name_stopwords() -> frozenset[str]:
    return frozenset(load_lines("name_stopwords.txt"))


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
UMLAUT_PLURAL_RE = regex.compile(r"([äöü])([^äöüaeiou]*)$")  # the last vowel of the stem
UNUMLAUT = {"ä": "a", "ö": "o", "ü": "u"}
UMLAUT_TO = str.maketrans({"a": "ä", "o": "ö", "u": "ü"})


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
def all_parties() -> dict[str, str]:
    """Alias -> the party's common short name ("Bündnis 90/Die Grünen" -> "Grüne"), the
    ambiguous aliases ("Grüne", "Linke") included: for places where only a party fits, such as
    brackets after a name ("Gönül Eğlence (Grüne)")."""
    out: dict[str, str] = {}
    for row in load_tsv("parties.tsv") + load_tsv("parties_extra.tsv"):
        out.setdefault(row[1], row[0])
    return out


@cache
def parties_casefold() -> dict[str, str]:
    """Every party alias case-folded ("DIE LINKE", "ZENTRUM" as lists of candidates write them)."""
    out: dict[str, str] = {}
    for alias, canon in all_parties().items():
        out.setdefault(alias.casefold(), canon)
    return out


@cache
def _ambiguous_party_aliases() -> frozenset[str]:
    """Flagged aliases, except acronyms two countries' parties share under the same short name
    ("FDP" in Germany and Switzerland, "SVP"): the value is the same either way."""
    rows = load_tsv("parties.tsv")
    canonicals: dict[str, set[str]] = {}
    for row in rows + load_tsv("parties_extra.tsv"):
        canonicals.setdefault(row[1], set()).add(row[0])
    flagged = {
        row[1] for row in rows
        if row[3] == "1" and not (row[1].isupper() and len(row[1]) >= 3 and canonicals[row[1]] == {row[1]})
    }
    return frozenset(flagged | AMBIGUOUS_PARTY_ALIASES)


@cache
def parties() -> dict[str, str]:
    """Alias -> canonical party name, without the ambiguous aliases (common words, generic party
    families such as "Sozialdemokraten", aliases two parties share)."""
    ambiguous = _ambiguous_party_aliases()
    return {alias: canon for alias, canon in all_parties().items() if alias not in ambiguous}


@dataclass(frozen=True)
class KnownOrg:
    """An organisation of the packaged lists: its canonical name, kind and country."""

    canonical: str
    kind: str
    country: str


@cache
def known_orgs() -> dict[str, tuple[KnownOrg, str]]:
    """Unambiguous name as it may stand in a text -> (organisation, the name as listed), from
    orgs.tsv: the listed names and their inflected forms ("des Rechnungshofs", "der Vereinten
    Nationen", "vom Roten Kreuz")."""
    out: dict[str, tuple[KnownOrg, str]] = {}
    for canonical, alias, kind, country, ambiguous in _org_rows():
        if alias in AMBIGUOUS_PARTY_ALIASES or len(alias) < 2 or (ambiguous == "1" and not _clear_enough(alias)):
            continue
        entry = (KnownOrg(canonical, kind, country), alias)
        out.setdefault(alias, entry)
        for form in inflected_org_names(alias):
            out.setdefault(form, entry)
    return out


def inflected_org_names(name: str) -> list[str]:
    """Genitive and dative forms of a listed name: a first adjective in -en, the last noun in -s.

    >>> inflected_org_names("Oberster Gerichtshof")
    ['Obersten Gerichtshof', 'Oberster Gerichtshofs', 'Obersten Gerichtshofs', 'Oberster Gerichtshofes', 'Obersten Gerichtshofes']
    >>> inflected_org_names("Vereinte Nationen"), inflected_org_names("dpa")
    (['Vereinten Nationen'], [])
    """
    words = name.split()
    firsts = [words[0]]
    if len(words) > 1 and words[0][:1].isupper():
        for ending in ("er", "es", "e"):
            if words[0].endswith(ending) and words[1][:1].isupper() and not is_common_noun_form(words[0]):
                firsts.append(words[0][: -len(ending)] + "en")
                break
    lasts = [None]
    last = words[-1]
    if last[:1].isupper() and last[-1:].isalpha() and last[-1:].islower() and last[-1] not in "sxzßn" and not last.endswith("e"):
        lasts += ["s", "es"]
    elif last[:1].isupper() and last[-1:] in ("x", "z", "ß") and len(last) > 3:
        lasts += ["es"]  # "des Roten Kreuzes"
    out = []
    for ending in lasts:
        for first in firsts:
            parts = [first, *words[1:]] if len(words) > 1 else [first]
            if ending:
                parts[-1] += ending
            form = " ".join(parts)
            if form != name:
                out.append(form)
    return out


def _clear_enough(alias: str) -> bool:
    """An alias the lists flag as ambiguous that is an organisation wherever it stands, only not
    always the same one: an acronym of three letters or more ("SVP", "EVP"), or several words that
    do not start with an article ("Rotes Kreuz"; not "Die Welt")."""
    words = alias.split()
    if alias in places() or alias in named_regions():
        return False  # "St. Pölten" for its football club
    if len(words) == 1:
        return len(alias) >= 3 and alias.isupper()
    return words[0] not in ("Der", "Die", "Das")


@cache
def quoted_orgs() -> dict[str, KnownOrg]:
    """Ambiguous aliases ("Presse", "Welt", "Standard"): organisations only in quotes."""
    return {alias: KnownOrg(c, k, n) for c, alias, k, n, amb in _org_rows() if amb == "1" and not _clear_enough(alias)}


def _org_rows() -> list[list[str]]:
    """The rows of orgs.tsv (generated from the shared gazetteers) and orgs_extra.tsv (by hand)."""
    return [*load_tsv("orgs.tsv"), *load_tsv("orgs_extra.tsv")]


@cache
def org_heads() -> tuple[str, ...]:
    return tuple(sorted((w.lower() for w in load_lines("org_heads.txt")), key=len, reverse=True))


def org_head_of(word: str) -> str | None:
    """The organisation head a noun is or ends in ("Jugendamt" -> "amt"), or None.

    >>> org_head_of("Jugendamt"), org_head_of("Integrationszentrums"), org_head_of("Beamte")
    ('jugendamt', 'zentrum', None)
    """
    if not word[:1].isupper() or not _org_head_end_re().search(word.lower()):
        return None
    lemma = lemmatize_noun(word).lower()
    if lemma.endswith(_org_head_exclusions()):
        return None  # "Pressekonferenz": an event, not a body
    for head in org_heads():
        if lemma.endswith(head) and (len(lemma) == len(head) or len(lemma) - len(head) >= 3):
            return head
    return None


@cache
def _org_head_exclusions() -> tuple[str, ...]:
    return tuple(w.lower() for w in load_lines("org_head_exclusions.txt"))


@cache
def _org_head_end_re():
    heads = "|".join(regex.escape(h) for h in org_heads())
    return regex.compile(rf"(?:{heads})(?:e|en|es|s|n|er|ern|ien)?$")


GENERIC_BODIES = words_frozenset("generic_bodies")


def is_generic_body(name: str) -> bool:
    """A body named only by its kind or portfolio, maybe with adjectives, is generic: no name or
    place says which of the many it is ("Finanzministerium", "das bayerische Innenministerium",
    "Kasseler Stadtrat", "Amtsgericht"). A ministry whose compound names its country or the
    federation is named ("US-Außenministerium", "Bundesinnenministerium").

    >>> is_generic_body("Finanzministerium"), is_generic_body("Zuger Kantonsrat"), is_generic_body("Amtsgericht")
    (True, True, True)
    >>> is_generic_body("US-Außenministerium"), is_generic_body("Amtsgericht Kleve"), is_generic_body("Bundesrat")
    (False, False, False)
    """
    *before, head = name.split()
    if not all(_is_adjective(w) or _is_adjective(w.lower()) or (w[:1].isupper() and w.endswith("er")) for w in before):
        return False  # "Kasseler", "Zuger": a place's adjective names no body
    lemma = lemmatize_noun(head) if head[:1].isupper() else head
    low = lemma.lower()
    if low.endswith("ministerium"):
        country, _, _ = lemma.rpartition("-")
        return not (low.startswith("bundes") or country in places() or country in land_aliases() or country.isupper())
    return low in GENERIC_BODIES


@cache
def gazetteer_orgs() -> dict[str, tuple[str, str]]:
    """Name -> (abbr, kind) of the packaged NRW bodies."""
    return {name: (abbr, kind) for name, abbr, kind in load_tsv("orgs_nrw.tsv")}


@cache
def org_abbreviations() -> dict[str, str]:
    """Unambiguous abbreviation -> organisation name (at least three letters)."""
    out = {}
    for name, (abbr, kind) in gazetteer_orgs().items():
        if abbr and len(abbr.replace(" ", "")) >= 3 and "generisch" not in kind:
            out[abbr] = name
    return out


@cache
def places() -> dict[str, str]:
    """Surface form -> canonical place name: Gemeinden, Kreise (with inflected forms), Länder,
    their aliases, countries."""
    out: dict[str, str] = {}
    for name, kind, land, _flag in load_tsv("places.tsv"):
        out.setdefault(name, name)
        for variant in _inflected_place(name, kind):
            out.setdefault(variant, name)
    for alias, land, _ in load_tsv("land_aliases.tsv"):
        if not alias.startswith("Land "):
            out.setdefault(alias, land)
    for country in load_lines("countries.txt") + load_lines("world_places.txt"):
        out.setdefault(country, country)
        first, _, rest = country.partition(" ")
        if rest and first.endswith("e") and first[:1].isupper():
            out.setdefault(f"{first}n {rest}", country)  # "auf der Iberischen Halbinsel", "der Vereinigten Staaten"
    return out


@cache
def named_regions() -> frozenset[str]:
    """Countries, regions and places abroad (countries.txt, world_places.txt): names that take
    an article ("die Steiermark", "der Irak") and a genitive "-s" anywhere ("Österreichs")."""
    return frozenset(load_lines("countries.txt") + load_lines("world_places.txt"))


@cache
def ambiguous_places() -> frozenset[str]:
    """One-word places that are also common words ("Weil", "Schuld", "Essen"): they need context."""
    return frozenset(row[0] for row in load_tsv("places.tsv") if row[3] == "ambiguous")


def _inflected_place(name: str, kind: str) -> list[str]:
    """Genitive and dative forms of Kreis names: "Kreises Heinsberg", "Rhein-Sieg-Kreises",
    "Rheinisch-Bergischen Kreis(es)"."""
    out = []
    words = name.split()
    if kind != "Kreis" and kind != "Regierungsbezirk":
        return out
    if words[0] in ("Kreis", "Landkreis", "Regierungsbezirk") and len(words) > 1:
        out.append(" ".join([words[0] + "es"] + words[1:]) if words[0] != "Regierungsbezirk" else " ".join(["Regierungsbezirks"] + words[1:]))
    if words[0] == "Landkreis" and len(words) > 1 and ("-" in name or len(words) > 2):
        out.append(" ".join(words[1:]))  # "Landratsamt Donau-Ries", "im Berchtesgadener Land"
    if len(words) == 1 and name.lower().endswith("kreis"):
        out.append(name + "es")
    if len(words) == 2 and words[1] == "Kreis" and words[0].endswith("er"):
        adj = words[0][:-2] + "en"
        out += [f"{adj} Kreis", f"{adj} Kreises", f"{adj} Kreise"]
    return out


@cache
def land_aliases() -> dict[str, str]:
    """Abbreviation -> Land ("NRW" -> "Nordrhein-Westfalen")."""
    return {alias: land for alias, land, kind in load_tsv("land_aliases.tsv") if kind == "abbr"}


def land_abbreviation(land: str) -> str | None:
    """The usual abbreviation of a Land ("Nordrhein-Westfalen" -> "NRW"), None for other places."""
    return next((a for a, l in land_aliases().items() if l == land), None)


def is_common_word(word: str) -> bool:
    """True when `word` is an ordinary German word form the lemma lookup table knows, as written
    or in lower case. (Places and given names that are common words are flagged in the data files.)

    >>> is_common_word("Kindern"), is_common_word("Ochtrup")
    (True, False)
    """
    return _lemma_exact(word) is not None or _lemma_exact(word.lower()) is not None


def is_inflected_noun(word: str) -> bool:
    """An inflected form of an ordinary noun ("Gäste", "Häusern"), which no surname is; a word
    that is its own lemma may be one ("Schelling", "Müller").

    >>> is_inflected_noun("Gäste"), is_inflected_noun("Schelling")
    (True, False)
    """
    lemma = _lemma_exact(word)
    return lemma is not None and lemma != word and lemma[:1].isupper()


def ends_in_common_noun(word: str, min_part: int = 5) -> bool:
    """A compound whose last part (five letters or more) is an ordinary noun: "Integrationsportal".

    >>> ends_in_common_noun("Integrationsportal"), ends_in_common_noun("Steinfurt")
    (True, False)
    """
    for i in range(1, len(word) - min_part + 1):
        part = word[i:]
        if _lemma_exact(part[:1].upper() + part[1:]) is not None:
            return True
    return False


def nominative_org(words: list[str]) -> str:
    """An organisation phrase in nominative: article dropped, adjectives and head declined.

    >>> nominative_org(["des", "Kommunalen", "Integrationszentrums"])
    'Kommunales Integrationszentrum'
    >>> nominative_org(["dem", "Amt", "für", "Integration", "und", "Inklusion"])
    'Amt für Integration und Inklusion'
    >>> nominative_org(["der", "Rheinisch-Bergischen", "Kreisverwaltung"])
    'Rheinisch-Bergische Kreisverwaltung'
    """
    while words and words[0].lower() in ("der", "die", "das", "des", "dem", "den", "ein", "eine", "eines", "einer", "einem", "im", "beim", "vom", "zum", "zur", "am"):
        words = words[1:]
    head_i = None
    for i, w in enumerate(words):
        attributive = i + 1 < len(words) and words[i + 1][:1].isupper() and _is_adjective(w.lower())  # "Freiwillige Feuerwehr"
        if w[:1].isupper() and not _is_adjective(w) and not attributive and not (w.endswith("er") and w[:-2] in places()):
            head_i = i
            break
    if head_i is None:
        return " ".join(words)
    head = words[head_i]
    lemma = lemmatize_noun(head) if not head.isupper() else head
    gender = noun_gender(lemma)
    ending = {"m": "er", "w": "e", "n": "es"}[gender]
    adjs = []
    for w in words[:head_i]:
        if w.endswith("er") and w[:-2] in places():
            adjs.append(w)  # "Salzburger", "Kölner": a place's adjective does not decline
            continue
        stem = w
        for e in ("en", "em", "er", "es", "e"):
            if w.endswith(e) and (_is_adjective(w) or _is_adjective(w.lower())):
                stem = w[: -len(e)]
                break
        adjs.append(stem + ending if _is_adjective(w) or _is_adjective(w.lower()) else w)
    return " ".join(adjs + [lemma] + words[head_i + 1:])


ADJ_SUFFIXES = tuple(s + e for s in ("isch", "al", "lich", "ig", "ell", "iv", "är", "isch", "er", "ern", "an", "ant", "ent", "ös") for e in ("e", "en", "er", "es", "em"))


FUNCTION_WORDS = words_frozenset("function_words")


LOWER_ADJ_SUFFIXES = tuple(
    s + e
    for s in ("isch", "al", "lich", "ig", "ell", "iv", "är", "end", "iert", "eu", "ös", "ant", "ent", "bar", "sam", "haft", "los", "ner", "der", "ter", "her", "itt", "weit")
    for e in ("e", "en", "er", "es", "em")
)


def _is_adjective(word: str) -> bool:
    """An adjective by its ending; lower-case words (not function words) ending in -e/-en/-er/-es/-em.

    >>> _is_adjective("stellvertretende"), _is_adjective("Kommunalen"), _is_adjective("dieser")
    (True, True, False)
    """
    low = word.lower()
    if word[:1].islower():
        return low.endswith(LOWER_ADJ_SUFFIXES) and low not in FUNCTION_WORDS and low.isalpha()
    return low.endswith(ADJ_SUFFIXES) and not is_common_noun_form(word)


def is_common_noun_form(word: str) -> bool:
    lemma = _lemma_exact(word)
    return lemma is not None and lemma[:1].isupper() and lemma.lower() != word.lower().rstrip("n")


FEMININE = words_tuple("feminine")
NEUTER = words_tuple("neuter")


def noun_gender(noun: str) -> str:
    """Grammatical gender guessed from the noun's ending: 'm', 'w' or 'n'.

    >>> noun_gender("Integrationszentrum"), noun_gender("Bezirksregierung"), noun_gender("Kreis")
    ('n', 'w', 'm')
    """
    low = noun.lower()
    if low.endswith(NEUTER):
        return "n"
    if low.endswith(FEMININE):
        return "w"
    return "m"
