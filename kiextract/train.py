"""Train, evaluate and package kiextract's own German NER pipeline.

    python -m kiextract.train --data ../shared/data/ner --output build/model
    python -m kiextract.train --data ../shared/data/ner --output build/model --install
    python -m kiextract.train --data ../shared/data/ner --evaluate-only kiextract/data/model

The data folder holds GermEval 2014 (``germeval2014/NER-de-{dev,test}.tsv``) and the DFKI
SmartData corpus v1 (``smartdata-v1/{train,test}.json.gz``), both CC BY 4.0.

Splits (fixed; see docs/model.md):
  held out, never trained on:  GermEval 2014 dev (2,200 sentences)
  training:                    GermEval 2014 test + SmartData v1 train + SmartData v1 test
                               (news and RSS items; tweets left out), of which every 10th
                               document is spaCy's checkpoint-selection dev set.

Label mapping: GermEval PER/LOC/ORG -> same, OTH -> MISC, the *deriv and *part labels
("deutsche", "NRW-weit") -> not an entity. SmartData person -> PER, location* -> LOC,
organization* -> ORG, every other concept type (dates, numbers, triggers, ...) -> not an entity.

This module is for developers: it is not imported by the extractor at run time.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from .training.card import _size_mb, render_card, write_meta
from .training.corpora import MIXES, convert
from .training.measure import evaluate, pipeline_gain
from .training.vectors import train_vectors

CONFIG = Path(__file__).parent / "training" / "config.cfg"
PACKAGE_MODEL = Path(__file__).parent / "data" / "model"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="folder with germeval2014/ and smartdata-v1/")
    ap.add_argument("--output", type=Path, default=Path("build/model"), help="work folder")
    ap.add_argument("--install", action="store_true", help="copy model-best into kiextract/data/model")
    ap.add_argument("--evaluate-only", type=Path, metavar="MODEL", help="skip training, evaluate MODEL")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--mix", choices=sorted(MIXES), default="all", help="training data (see MIXES)")
    ap.add_argument("--epochs", type=int, help="at most this many epochs (default: the config's)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="a config override, e.g. components.tok2vec.model.encode.width=96 (for ablations)")
    ap.add_argument("--vectors", type=Path, metavar="TEXT",
                    help="train floret subword vectors on the raw text in TEXT (../shared/data/text) and use them")
    ap.add_argument("--card", type=Path, help="write the model card (Markdown) with the figures to this file")
    ap.add_argument("--ablation", type=Path, nargs="*", default=[], metavar="METRICS",
                    help="metrics.json files of other runs (other --mix, --vectors, --set) to list in the card's ablation table")
    ap.add_argument("--pipeline-gold", type=Path, nargs="*", default=[], metavar="SET",
                    help="gold sets (folders with articles/ and gold/) on which to measure the model inside the pipeline against the rules only")
    args = ap.parse_args(argv)

    corpus = args.output / f"corpus-{args.mix}"
    if not (corpus / "heldout.spacy").exists():
        counts = convert(args.data, corpus, args.mix)
        print(f"converted: {counts}", file=sys.stderr)
    if args.evaluate_only:
        model = args.evaluate_only
    else:
        from spacy.cli.train import train

        from . import factories  # noqa: F401  (registers ki_norms, part of the model)

        try:
            from thinc.api import set_num_threads  # type: ignore[attr-defined]

            set_num_threads(args.threads)
        except Exception:  # older thinc: BLIS threads come from the environment
            pass
        start = time.perf_counter()
        overrides = {"paths.train": str(corpus / "train.spacy"), "paths.dev": str(corpus / "dev.spacy")}
        if args.vectors:
            vectors = args.output / "vectors" / "spacy"
            if not (vectors / "config.cfg").exists():
                vstart = time.perf_counter()
                train_vectors(args.data, args.vectors, corpus, args.output / "vectors", args.threads)
                print(f"vectors took {time.perf_counter() - vstart:.0f} s", file=sys.stderr)
            overrides["paths.vectors"] = str(vectors)
            overrides["components.tok2vec.model.embed.include_static_vectors"] = True
        if args.epochs:
            overrides["training.max_epochs"] = args.epochs
        for item in args.set:
            key, _, value = item.partition("=")
            try:
                overrides[key] = json.loads(value)
            except json.JSONDecodeError:
                overrides[key] = value
        train(CONFIG, args.output / "training", overrides=overrides)
        train_seconds = time.perf_counter() - start
        print(f"training took {train_seconds:.0f} s", file=sys.stderr)
        model = args.output / "training" / "model-best"
        if args.install:
            if PACKAGE_MODEL.exists():
                shutil.rmtree(PACKAGE_MODEL)
            shutil.copytree(model, PACKAGE_MODEL)
            model = PACKAGE_MODEL
            write_meta(PACKAGE_MODEL / "meta.json", {"mix": args.mix, "minutes": round(train_seconds / 60, 1), "overrides": args.set})
    metrics = evaluate(model, corpus / "heldout.spacy")
    metrics["model"] = str(model)
    metrics["mix"] = args.mix
    metrics["overrides"] = args.set
    if not args.evaluate_only:
        metrics["train_minutes"] = round(train_seconds / 60, 1)
    else:  # the figures of the run that trained the model, where its meta.json keeps them
        trained = json.loads((Path(model) / "meta.json").read_text(encoding="utf-8")).get("kiextract_training") or {}
        metrics["mix"] = trained.get("mix", args.mix)
        metrics["overrides"] = trained.get("overrides", args.set)
        if "minutes" in trained:
            metrics["train_minutes"] = trained["minutes"]
    if args.pipeline_gold:
        metrics["pipeline"] = pipeline_gain(Path(model), args.pipeline_gold)
    metrics["size_mb"] = round(_size_mb(Path(model)), 2)
    print(json.dumps(metrics, indent=2))
    (args.output / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    if args.card:
        others = [json.loads(p.read_text(encoding="utf-8")) for p in args.ablation]
        args.card.write_text(render_card(metrics, others), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
