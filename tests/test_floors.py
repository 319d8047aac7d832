"""The gold sets beside the checkout (../shared/gold) scored by `kiextract.evaluate`: every
category stays at or above its floor in tests/floors.json. Where ../shared is absent the test says
so and skips."""
import json
from pathlib import Path

import pytest

from conftest import SHARED

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))["sets"]


@pytest.fixture(scope="module")
def default_nlp():
    from kiextract.pipeline import load_pipeline

    return load_pipeline("auto")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_set_reaches_its_floors(name, default_nlp):
    from kiextract.engine import run
    from kiextract.evaluate import below_floors, evaluate
    from kiextract.inputs import discover

    spec = FLOORS[name]
    articles, gold = SHARED / spec["articles"], SHARED / spec["gold"]
    if not articles.is_dir() or not gold.is_dir():
        pytest.skip(f"{articles} and {gold} are not beside this checkout")
    records = [o.record.to_dict() for o in run(list(discover([str(articles)])), nlp=default_nlp)]
    result = evaluate(records, gold)
    assert not result.missing
    assert below_floors(result, spec["floors"]) == []


@pytest.mark.parametrize(
    "spec, error",
    [("roles=0.85", None), ("micro=0.5", None), ("rolls=0.8", "category"), ("roles=high", "not a number"), ("roles", "CATEGORY=F1")],
)
def test_floor_specs(spec, error):
    from kiextract.evaluate import parse_floor

    if error is None:
        assert parse_floor(spec)[1] > 0
    else:
        with pytest.raises(ValueError, match=error):
            parse_floor(spec)
