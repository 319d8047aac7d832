"""The seed articles against their hand-made gold, scored by the shared scorer. The floors are the
issues' targets; they are never lowered silently."""
import importlib.util
import json

import pytest

from conftest import GOLD, SHARED

FLOORS = {
    "persons": 0.95, "roles": 0.90, "parties": 0.95, "organizations": 0.85, "locations": 0.90,
    "dates": 0.95, "published": 0.95, "money": 0.95, "quantities": 0.95, "percents": 0.95, "contacts": 1.0,
}


def test_seed_scores_reach_the_floors(seed_records, tmp_path, capsys):
    scorer_path = SHARED / "tools" / "score.py"
    if not scorer_path.exists() or not GOLD.exists():
        pytest.skip("../shared (scorer and gold) is not beside this checkout")
    spec = importlib.util.spec_from_file_location("score", scorer_path)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    out = tmp_path / "out.json"
    out.write_text(json.dumps(seed_records, ensure_ascii=False), encoding="utf-8")
    args = [str(out), str(GOLD)] + [f"--min={k}={v}" for k, v in FLOORS.items()]
    code = score.main(args)
    report = capsys.readouterr().out
    assert code == 0, report
