"""Measure kiextract's records against hand-made gold: `kiextract eval PREDICTIONS GOLD_DIR`.

The gold format (one JSON file per article, named like the article) and the comparison rules are
described in docs/gold.md. Pure: no spaCy; the CLI runs the pipeline first when it is given
articles instead of records.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .errors import KiextractError
from .kinds import KINDS, Category
from .kinds.base import fold  # noqa: F401  (re-exported: how names are compared)

# The categories scored, from the kinds' declarations, in their order.
CATEGORY_OF: dict[str, Category] = {c.name: c for k in KINDS for c in k.categories}
CATEGORIES = tuple(CATEGORY_OF)
_FACT_CATEGORIES = {k.name: [c for c in k.categories if c.of_fact is not None] for k in KINDS}


def same_name(a: str, b: str) -> bool:
    """Equal after folding, or the shorter (at least 3 characters) inside the longer and at least
    half its length ("Kita Kunterbunt" ~ "Kindertagesstätte Kita Kunterbunt" is not, "ÖGB" ~ "ÖGB").

    >>> same_name("Klinikum Leer", "das Klinikum Leer"), same_name("EU", "EU-Kommission")
    (True, False)
    """
    a, b = fold(a), fold(b)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and short in long_ and len(short) / len(long_) >= 0.5


def items_of_record(record: dict[str, Any]) -> dict[str, list]:
    """What a kiextract record claims, per category, in comparable form."""
    out: dict[str, list] = {c: [] for c in CATEGORIES}
    for c in CATEGORY_OF.values():
        if c.of_record is not None:
            out[c.name] += c.of_record(record)
    for f in record.get("facts", []):
        for c in _FACT_CATEGORIES.get(f.get("type"), ()):
            out[c.name] += c.of_fact(f)
    return out


def items_of_gold(gold: dict[str, Any]) -> dict[str, list]:
    """What a gold file lists, per category, in the same comparable form."""
    return {name: c.of_gold(gold) for name, c in CATEGORY_OF.items()}


@dataclass
class Comparison:
    """One category of one article: what matched, what was missed, what was claimed wrongly."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)


def compare(category: str, predicted: list, gold: list) -> Comparison:
    how = CATEGORY_OF[category].how
    if how == "loose":
        pred = list(dict.fromkeys(fold(x) for x in predicted))
        wanted = list(dict.fromkeys(fold(x) for x in gold))
        used: set[int] = set()
        for g in wanted:
            hit = next((i for i, x in enumerate(pred) if i not in used and same_name(g, x)), None)
            if hit is not None:
                used.add(hit)
        missed = [g for g in wanted if not any(same_name(g, x) for x in pred)]
        return Comparison(len(used), len(pred), len(wanted), missed, [x for i, x in enumerate(pred) if i not in used])
    if how == "roles":
        pred = list(dict.fromkeys(predicted))
        wanted = list(dict.fromkeys(gold))
        used, missed = set(), []
        for name, title in wanted:
            hit = next(
                (i for i, (pname, ptitle, ptext) in enumerate(pred)
                 if i not in used and pname == name and (title == ptitle or (title and (title in ptext or (ptitle and ptitle in title))))),
                None,
            )
            if hit is None:
                missed.append((name, title))
            else:
                used.add(hit)
        return Comparison(len(used), len(pred), len(wanted), missed, [pred[i][:2] for i in range(len(pred)) if i not in used])
    if how == "value":  # an identical value written identically counts once (a repeated headline)
        predicted = [v for v, _ in dict.fromkeys(predicted)]
        gold = [v for v, _ in dict.fromkeys(gold)]
    if how == "set":
        p, g = Counter(set(predicted)), Counter(set(gold))
    else:
        p, g = Counter(predicted), Counter(gold)
    return Comparison(sum((p & g).values()), sum(p.values()), sum(g.values()), list((g - p).elements()), list((p - g).elements()))


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if self.gold == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


@dataclass
class Evaluation:
    scores: dict[str, Score]
    details: dict[str, dict[str, Comparison]]  # article -> category -> comparison
    missing: list[str]  # gold articles with no record

    @property
    def micro(self) -> Score:
        return Score(*(sum(getattr(s, k) for s in self.scores.values()) for k in ("tp", "predicted", "gold")))

    def to_dict(self, verbose: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "categories": {c: s.to_dict() for c, s in self.scores.items()},
            "micro": self.micro.to_dict(),
            "missing_documents": self.missing,
        }
        if verbose:
            out["articles"] = {
                a: {c: {"missed": [list(x) if isinstance(x, tuple) else x for x in d.missed],
                        "spurious": [list(x) if isinstance(x, tuple) else x for x in d.spurious]}
                    for c, d in cats.items() if d.missed or d.spurious}
                for a, cats in self.details.items()
            }
        return out


def evaluate(records: Iterable[dict[str, Any]], gold_dir: str | Path, categories: Iterable[str] = CATEGORIES) -> Evaluation:
    """Score `records` (kiextract documents) against the gold files in `gold_dir`; a record
    belongs to the gold file with the stem of its source."""
    cats = [c for c in CATEGORIES if c in set(categories)]
    by_stem = {Path(str(r.get("source", ""))).stem: r for r in records}
    scores = {c: Score() for c in cats}
    details: dict[str, dict[str, Comparison]] = {}
    missing = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold, want = read_gold(path)
        record = by_stem.get(path.stem)
        if record is None:
            missing.append(path.stem)
            record = {"facts": []}
        pred = items_of_record(record)
        details[path.stem] = {}
        for c in cats:
            cmp = compare(c, pred[c], want[c])
            details[path.stem][c] = cmp
            s = scores[c]
            s.tp, s.predicted, s.gold = s.tp + cmp.tp, s.predicted + cmp.predicted, s.gold + cmp.gold
    return Evaluation(scores, details, missing)


# The gold format's keys (docs/gold.md): what each holds, and what each item of a list is.
GOLD_LISTS = {"persons": dict, "organizations": str, "locations": str, "dates": dict, "money": dict, "quantities": dict,
              "percents": dict, "contacts": dict}


def read_gold(path: Path) -> tuple[dict[str, Any], dict[str, list]]:
    """A gold file and its items per category; `GoldError` says in one line what is wrong with it."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise GoldError(path, "not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise GoldError(path, f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise GoldError(path, "invalid JSON (nested too deeply)") from None
    except OSError as exc:
        raise GoldError(path, f"cannot read ({exc.strerror or exc})") from None
    if not isinstance(gold, dict):
        raise GoldError(path, f"a JSON {type(gold).__name__ if gold is not None else 'null'}, not an object with persons, organizations, …")
    if gold.get("published") is not None and not isinstance(gold["published"], str):
        raise GoldError(path, '"published" is not a date string or null')
    for key, item_type in GOLD_LISTS.items():
        items = gold.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            raise GoldError(path, f'"{key}" is not a list')
        bad = next((n for n, item in enumerate(items, 1) if not isinstance(item, item_type)), None)
        if bad is not None:
            raise GoldError(path, f'"{key}" item {bad} is not {"an object" if item_type is dict else "a string"}')
    for n, person in enumerate(gold.get("persons") or [], 1):
        if not isinstance(person.get("name"), str):
            raise GoldError(path, f'"persons" item {n} has no "name" string')
        if not isinstance(person.get("roles") or [], list) or not all(isinstance(r, str) for r in person.get("roles") or []):
            raise GoldError(path, f'"persons" item {n}: "roles" is not a list of strings')
        if person.get("party") is not None and not isinstance(person["party"], str):
            raise GoldError(path, f'"persons" item {n}: "party" is not a string or null')
    try:
        return gold, items_of_gold(gold)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # an item without its value, or of the wrong type
        raise GoldError(path, f"an item of the wrong shape ({type(exc).__name__}: {exc})") from None


class GoldError(KiextractError):
    """A gold file that is not in the gold format."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}; see docs/gold.md for the format")


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """kiextract records from a JSON array or JSON Lines file."""
    text = Path(path).read_text(encoding="utf-8").strip()
    if not text:
        return []
    if text.startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def parse_floor(spec: str) -> tuple[str, float]:
    """"roles=0.85" -> ("roles", 0.85); `micro` is a category here too."""
    name, sep, value = spec.partition("=")
    if not sep or name not in (*CATEGORIES, "micro"):
        raise ValueError(f"--min {spec!r}: use CATEGORY=F1 with a category of {', '.join((*CATEGORIES, 'micro'))}")
    try:
        floor = float(value)
    except ValueError:
        raise ValueError(f"--min {spec!r}: {value!r} is not a number") from None
    if not 0.0 <= floor <= 1.0:
        raise ValueError(f"--min {spec!r}: an F1 floor lies between 0 and 1 (0.8, not 80)")
    return name, floor


def below_floors(evaluation: Evaluation, floors: dict[str, float]) -> list[str]:
    """The floors `evaluation` does not reach, as "roles 0.812 < 0.850"."""
    out = []
    for name, floor in floors.items():
        score = evaluation.micro if name == "micro" else evaluation.scores.get(name)
        if score is not None and score.f1 + 1e-9 < floor:
            out.append(f"{name} {score.f1:.3f} < {floor:.3f}")
    return out
