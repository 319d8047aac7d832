"""Shared fixtures: one blank-German kiextract pipeline for the session, the seeds and their gold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "seeds"
GNAD = SHARED / "data" / "news" / "10kgnad" / "articles.tar.xz"


@pytest.fixture(scope="session")
def nlp():
    from kiextract.pipeline import load_pipeline

    return load_pipeline("blank")


@pytest.fixture(scope="session")
def seed_records(nlp):
    from kiextract.engine import run
    from kiextract.inputs import discover

    sources = list(discover([str(SEEDS)]))
    return [o.record.to_dict() for o in run(sources, nlp=nlp)]


@pytest.fixture(scope="session")
def gnad_texts(tmp_path_factory):
    """The first 200 articles of 10kGNAD (from ../shared; skipped where it is not beside the repo)."""
    import tarfile

    if not GNAD.exists():
        pytest.skip("../shared/data/news/10kgnad is not beside this checkout")
    out = []
    with tarfile.open(GNAD) as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile()), key=lambda m: m.name)
        for m in members[:200]:
            out.append(tar.extractfile(m).read().decode("utf-8"))
    return out


def facts_of(record, type_):
    return [f for f in record.facts if f.type == type_]


def load_gold():
    if not GOLD.exists():
        pytest.skip("../shared/gold/seeds is not beside this checkout")
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))}


def interrupt_after(monkeypatch, n):
    """Make the engine's run raise KeyboardInterrupt (Ctrl-C) after `n` results."""
    import kiextract.engine as engine

    real = engine.run

    def interrupted(*args, **kwargs):
        for i, item in enumerate(real(*args, **kwargs)):
            if i == n:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(engine, "run", interrupted)
