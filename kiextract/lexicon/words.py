"""German word classes the finders ask about: common words and nouns (spaCy's lemma table),
adjectives by their endings, nouns' grammatical gender, function words; and organisation phrases
in nominative."""
from __future__ import annotations

from ..textutil import words_frozenset, words_tuple
from .lemma import _lemma_exact, lemmatize_noun
from .places import places


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
    while words and words[0].lower() in ORG_LEADING_WORDS:
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


ADJ_SUFFIXES = tuple(s + e for s in words_tuple("adjective_stems") for e in ("e", "en", "er", "es", "em"))
ORG_LEADING_WORDS = words_frozenset("org_leading_words")  # "des Kommunalen Integrationszentrums"


FUNCTION_WORDS = words_frozenset("function_words")


LOWER_ADJ_SUFFIXES = tuple(
    s + e
    for s in words_tuple("lower_adjective_stems")
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
