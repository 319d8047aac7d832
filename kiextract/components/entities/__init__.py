"""ki_entities: persons, organisations and places, each one fact with all its mentions merged.

Rules come first and are certain where they fire (a given name from the list followed by a
surname, a title before a name, a gazetteer place, an organisation head with its name); a
statistical model's entities (when the loaded pipeline has an NER) add names no list holds.
Each kind has its finder (persons.py, orgs.py, places.py); they share one `Found`.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ... import lexicon as lx
from ...errors import PatternsError
from ...textutil import Ranges, json_lines
from ..base import add_fact, doc_text, in_doc_locale
from .common import HONORIFICS, Entity, Found, Tokens, is_cap
from .orgs import find_organisations
from .persons import PersonFinder
from .places import PlaceFinder

__all__ = ["KEY", "HONORIFICS", "Entity", "EntitiesComponent", "EntityFinder", "Tokens", "is_cap", "read_patterns"]

KEY = "ki_entities"


class EntityFinder(Found):
    """All entities of one Doc: the user's patterns, then persons, organisations, places."""

    def run(
        self, model_ents: list[tuple[int, int, str]], user_ents: list[tuple[int, int, str]] = (),
        listed: list[tuple[int, int, str, str]] = (), listed_places: list[tuple[int, int, str]] | None = None,
    ) -> None:
        """User patterns (--patterns) are certain and come first; then the rules and the packaged
        organisation and place lists (`listed`, `listed_places`: PhraseMatcher hits); the model's
        entities fill in where neither found anything."""
        self.add_user_entities(user_ents)
        PersonFinder(self).find_persons(model_ents)
        self.person_spans = Ranges(m for p in self.persons for m in p.mentions)
        find_organisations(self, listed, model_ents)
        PlaceFinder(self, listed_places).find_places(model_ents)


def model_entities(doc: Doc) -> list[tuple[int, int, str]]:
    """The statistical model's entities as (start, end, label); MISC is not used."""
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("PER", "LOC", "ORG")]

class EntitiesComponent:
    def __init__(self, nlp, patterns_path: str | None = None, use_model: bool = True) -> None:
        self.use_model = use_model
        self.ruler = _load_patterns(nlp, patterns_path) if patterns_path else None
        self.tokenizer = nlp.tokenizer
        self.vocab = nlp.vocab
        self._orgs = None
        self._places = None

    def _org_matcher(self):
        """A PhraseMatcher over the names of the packaged organisation lists (built on first use:
        loading the pipeline stays quick)."""
        if self._orgs is None:
            from spacy.matcher import PhraseMatcher

            matcher = PhraseMatcher(self.vocab, attr="ORTH")
            self._org_names = {}  # the tokens of a name, space-joined -> the name as listed
            for label, names in (("ORG", sorted(lx.known_orgs())), ("QUOTED", sorted(lx.quoted_orgs()))):
                docs = list(self.tokenizer.pipe(names))
                matcher.add(label, docs)
                self._org_names.update((" ".join(t.text for t in d), name) for d, name in zip(docs, names))
            self._orgs = matcher
        return self._orgs

    def known_places(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start, end, name as listed) of every name of the packaged place lists in `doc` (towns,
        Kreise with their inflected forms, Länder and their aliases, countries)."""
        if self._places is None:
            from spacy.matcher import PhraseMatcher

            matcher = PhraseMatcher(self.vocab, attr="ORTH")
            names = sorted(n for n in lx.places() if len(n.split()) <= 4)
            docs = list(self.tokenizer.pipe(names))
            matcher.add("LOC", docs)
            self._place_names = {" ".join(t.text for t in d): name for d, name in zip(docs, names)}
            self._places = matcher
        return [(m.start_char, m.end_char, self._place_names[" ".join(t.text for t in m)]) for m in self._places(doc, as_spans=True)]

    def known_orgs(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """(start, end, label, name as listed) of every name of a listed organisation in `doc`
        (the text may space it otherwise: "St.Pölten"); label QUOTED for names that count only
        in quotes."""
        matches = self._org_matcher()(doc, as_spans=True)
        return [(m.start_char, m.end_char, m.label_, self._org_names[" ".join(t.text for t in m)]) for m in matches]

    @in_doc_locale
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[KEY] = []
        ents = model_entities(doc) if self.use_model and doc.has_annotation("ENT_IOB") else []
        user = self._user_patterns(doc) if self.ruler is not None else []
        finder = EntityFinder(doc)
        finder.run(ents, user, self.known_orgs(doc), self.known_places(doc))
        for ent in finder.persons:
            s, e = ent.full or min(ent.mentions)
            add_fact(
                doc, KEY, "person", s, e, ent.value, label="PER", mentions=_mentions(doc, ent),
                roles=[], party=None, age=None, party_span=None, age_span=None,
                _first=list(ent.first), _surname=ent.surname, _gender=ent.gender, _full=list(ent.full) if ent.full else None,
            )
        for ent in finder.orgs.values():
            s, e = min(ent.mentions)
            add_fact(doc, KEY, "organization", s, e, ent.value, label="ORG", abbr=ent.abbr, mentions=_mentions(doc, ent))
        for ent in finder.places.values():
            s, e = min(ent.mentions)
            value = ent.value
            if value not in ent.aliases and value in lx.land_aliases().values():
                value = sorted(ent.aliases, key=lambda a: -len(a))[0]  # the article writes only "NRW"
            abbr = next((a for a in ent.aliases if a in lx.land_aliases()), None) or lx.land_abbreviation(ent.value)
            add_fact(doc, KEY, "location", s, e, value, label="LOC", abbr=abbr, mentions=_mentions(doc, ent))
        return doc

    def _user_patterns(self, doc: Doc) -> list[tuple[int, int, str]]:
        self.ruler(doc)
        return [(s.start_char, s.end_char, s.label_) for s in doc.spans.get(USER_KEY, [])]

def _mentions(doc: Doc, ent: Entity) -> list[dict]:
    return [{"start": s, "end": e, "text": doc_text(doc)[s:e]} for s, e in sorted(ent.mentions)]

USER_KEY = "ki_user_patterns"

PATTERN_LABELS = ("PER", "ORG", "LOC")

def read_patterns(path: str) -> list[dict]:
    """The user's span-ruler patterns, one JSON object per line with a `label` (PER, ORG, LOC) and
    a `pattern` (a phrase, or a list of token patterns); anything else is a `PatternsError`
    naming the file and line."""

    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternsError(f"--patterns {path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    out = []
    for n, pattern, problem in json_lines(lines):
        where = f"--patterns {path}, line {n}"
        if problem:
            raise PatternsError(f"{where}: {problem}")
        if not isinstance(pattern, dict) or not isinstance(pattern.get("pattern"), (str, list)):
            raise PatternsError(f'{where}: expected an object like {{"label": "ORG", "pattern": "Zirkus ohne Grenzen"}}')
        if pattern.get("label") not in PATTERN_LABELS:
            raise PatternsError(f"{where}: unknown label {pattern.get('label')!r}; use one of {', '.join(PATTERN_LABELS)}")
        out.append(pattern)
    return out

def _load_patterns(nlp, path: str):
    """A spaCy SpanRuler with the user's JSONL patterns (labels PER, ORG, LOC), writing to
    doc.spans["ki_user_patterns"]."""
    from spacy.pipeline import SpanRuler

    ruler = SpanRuler(nlp, name=USER_KEY, spans_key=USER_KEY)
    try:
        ruler.add_patterns(read_patterns(path))
    except ValueError as exc:  # a token pattern spaCy's matcher refuses
        raise PatternsError(f"--patterns {path}: a pattern spaCy cannot use ({str(exc).splitlines()[0]})") from None
    return ruler
