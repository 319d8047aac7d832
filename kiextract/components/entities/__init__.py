"""ki_entities: persons, organisations and places, each one fact with all its mentions merged.

Rules come first and are certain where they fire (a given name from the list followed by a
surname, a title before a name, a gazetteer place, an organisation head with its name); a
statistical model's entities (when the loaded pipeline has an NER) add names no list holds.
Each kind has its finder (persons.py, orgs.py, places.py); they share one `Found`.
"""
from __future__ import annotations

import re

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
        unbounded = _unbounded(pattern["pattern"])
        if unbounded:
            raise PatternsError(f"{where}: {unbounded}")
        out.append(pattern)
    return out


MAX_PATTERN_TOKENS = 50  # token patterns in one pattern
MAX_OP_REPEAT = 20  # "OP": "{n}", "{n,m}": a token pattern repeated at most this often
MAX_REGEX_CHARS = 1000
MAX_REGEX_REPEAT = 1000  # "a{n,m}" inside a REGEX
OP_COUNT_RE = re.compile(r"\{\s*(\d*)\s*(?:,\s*(\d*)\s*)?\}")


def _unbounded(pattern) -> str | None:
    """What makes a user's pattern unbounded in time or memory, or None: more than
    MAX_PATTERN_TOKENS tokens, an "OP" count above MAX_OP_REPEAT ("{10000000}"), a REGEX that
    nests repetitions ("^(a+)+$": exponential backtracking), repeats a piece more than
    MAX_REGEX_REPEAT times or is longer than MAX_REGEX_CHARS."""
    if isinstance(pattern, str):
        return None
    if len(pattern) > MAX_PATTERN_TOKENS:
        return f"{len(pattern)} token patterns; at most {MAX_PATTERN_TOKENS} a pattern"
    for token in pattern:
        if not isinstance(token, dict):
            return "a token pattern is not an object"
        op = token.get("OP")
        if isinstance(op, str):
            m = OP_COUNT_RE.fullmatch(op.strip())
            if m and any(g and int(g) > MAX_OP_REPEAT for g in m.groups()):
                return f'"OP": {op!r} repeats a token more than {MAX_OP_REPEAT} times; refused, as it cannot be matched in bounded time and memory'
        for regex_text in _regexes(token):
            problem = _regex_problem(regex_text)
            if problem:
                return f"REGEX {regex_text[:60]!r}: {problem}; refused, as it cannot be matched in bounded time"
    return None


def _regexes(value) -> list[str]:
    """The REGEX strings anywhere in a token pattern ({"TEXT": {"REGEX": "…"}}, {"_": {…}})."""
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == "REGEX" and isinstance(v, str)] + [r for k, v in value.items() if k != "REGEX" for r in _regexes(v)]
    if isinstance(value, list):
        return [r for v in value for r in _regexes(v)]
    return []


def _regex_problem(text: str) -> str | None:
    import re._parser as sre_parse
    import re._compiler
    from re._constants import ANY, CATEGORY, IN, LITERAL, MAX_REPEAT, MAXREPEAT, MIN_REPEAT, NOT_LITERAL, SUBPATTERN

    if len(text) > MAX_REGEX_CHARS:
        return f"longer than {MAX_REGEX_CHARS} characters"
    try:
        parsed = sre_parse.parse(text)
    except (re.error, OverflowError, RecursionError) as exc:
        return f"not a regular expression ({exc})"

    def walk(items, inside_repeat: bool) -> str | None:
        for op, av in items:
            if op in (MAX_REPEAT, MIN_REPEAT):
                low, high, sub = av
                if (high != MAXREPEAT and high > MAX_REGEX_REPEAT) or low > MAX_REGEX_REPEAT:
                    return f"repeats a piece more than {MAX_REGEX_REPEAT} times"
                repeats = high == MAXREPEAT or high > 1
                if repeats and inside_repeat:
                    return "a repetition inside a repetition"
                # a repeated group that begins or ends with a fixed character no repetition inside
                # it can match ("(?:-[A-Z][a-z]+)*", "(\d+,)*") is cut by it into its
                # repetitions: what repeats inside cannot backtrack across them
                found = walk(sub, (inside_repeat or repeats) and not (repeats and _separated(sub)))
                if found:
                    return found
            else:
                for sub in _subpatterns(av):  # groups, alternatives, lookarounds
                    found = walk(sub, inside_repeat)
                    if found:
                        return found
        return None

    def _subpatterns(av):
        parts = av if isinstance(av, (list, tuple)) else ()
        for part in parts:
            if isinstance(part, sre_parse.SubPattern):
                yield part
            elif isinstance(part, (list, tuple)):
                yield from (sub for sub in part if isinstance(sub, sre_parse.SubPattern))

    def _separated(sub) -> bool:
        while len(sub) == 1 and sub[0][0] == SUBPATTERN:  # the group itself: "(\d+,)*"
            sub = sub[0][1][-1]
        ends = [item for item in (sub[0], sub[-1]) if item[0] == LITERAL] if len(sub) else []
        inner = [av[2] for op, av in _items(sub) if op in (MAX_REPEAT, MIN_REPEAT)]
        return any(not any(_may_start_with(piece, chr(lit[1])) for piece in inner) for lit in ends)

    def _may_start_with(piece, ch: str) -> bool:
        """Can the repeated `piece` match something that begins with `ch`? (True when unsure.)"""
        first = piece[0] if len(piece) else None
        if first is None or first[0] not in (LITERAL, IN, ANY, CATEGORY, NOT_LITERAL):
            return True
        probe = sre_parse.SubPattern(piece.state, [first])
        return re._compiler.compile(probe, 0).fullmatch(ch) is not None

    def _items(sub):
        for op, av in sub:
            yield op, av
            if op in (MAX_REPEAT, MIN_REPEAT):
                yield from _items(av[2])
            elif op == SUBPATTERN:
                yield from _items(av[-1])

    return walk(parsed, False)

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
