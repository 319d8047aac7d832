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
import gzip
import json
import shutil
import sys
import time
from pathlib import Path

CONFIG = Path(__file__).parent / "training" / "config.cfg"
PACKAGE_MODEL = Path(__file__).parent / "data" / "model"

GERMEVAL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
SMARTDATA_MAP = {
    "person": "PER",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
    "location-route": "LOC",
    "organization": "ORG",
    "organization-company": "ORG",
}


def read_germeval(path: Path):
    """Yield (words, [(label, first, last_exclusive), ...]) per sentence, outer layer only."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if words:
                    yield words, _bio_spans(tags)
                words, tags = [], []
                continue
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2])
    if words:
        yield words, _bio_spans(tags)


def _bio_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    spans = []
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        kind = tag[2:] if len(tag) > 2 else ""
        if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and kind != label):
            if label is not None and label in GERMEVAL_MAP:
                spans.append((GERMEVAL_MAP[label], start, i))
            start, label = (i, kind) if tag != "O" else (None, None)
    return spans


SMARTDATA_SOURCES = ("news", "rss")  # tweets are left out: they made the held-out scores worse


def read_smartdata(path: Path, sources: tuple[str, ...] = SMARTDATA_SOURCES):
    """Yield (text, [(label, start_char, end_char), ...]) per document of the given sources."""
    raw = gzip.open(path, "rt", encoding="utf-8").read()
    decoder = json.JSONDecoder()
    pos = 0
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            break
        obj, pos = decoder.raw_decode(raw, pos)
        if ((obj.get("refids") or {}).get("map") or {}).get("source") not in sources:
            continue
        text = (obj.get("text") or {}).get("string") or ""
        mentions = (obj.get("conceptMentions") or {}).get("array") or []
        ents = []
        for m in mentions:
            label = SMARTDATA_MAP.get(m.get("type"))
            if label:
                ents.append((label, m["span"]["start"], m["span"]["end"]))
        if text.strip():
            yield text, ents


def _germeval_docs(nlp, path: Path):
    from spacy.tokens import Doc, Span

    for words, spans in read_germeval(path):
        spaces = [True] * len(words)
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        doc.ents = [Span(doc, s, e, label=label) for label, s, e in spans]
        yield doc


def _smartdata_docs(nlp, path: Path):
    from spacy.tokens import Span
    from spacy.util import filter_spans

    for text, ents in read_smartdata(path):
        doc = nlp.make_doc(text)
        spans = []
        for label, s, e in ents:
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is None:
                continue
            first, last = span.start, span.end
            while first < last and (doc[first].is_space or doc[first].is_punct):
                first += 1
            while last > first and (doc[last - 1].is_space or doc[last - 1].is_punct):
                last -= 1
            if first < last:
                spans.append(Span(doc, first, last, label=label))
        doc.ents = [Span(doc, sp.start, sp.end, label=sp.label_) for sp in filter_spans(spans)]
        yield doc


def convert(data: Path, out: Path) -> dict[str, int]:
    """Write train.spacy, dev.spacy (checkpoint selection) and heldout.spacy into `out`."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    out.mkdir(parents=True, exist_ok=True)
    heldout = DocBin(docs=_germeval_docs(nlp, data / "germeval2014" / "NER-de-dev.tsv"))
    train, dev = DocBin(), DocBin()
    sources = [
        _germeval_docs(nlp, data / "germeval2014" / "NER-de-test.tsv"),
        _smartdata_docs(nlp, data / "smartdata-v1" / "train.json.gz"),
        _smartdata_docs(nlp, data / "smartdata-v1" / "test.json.gz"),
    ]
    n = 0
    for source in sources:
        for doc in source:
            (dev if n % 10 == 9 else train).add(doc)
            n += 1
    heldout.to_disk(out / "heldout.spacy")
    train.to_disk(out / "train.spacy")
    dev.to_disk(out / "dev.spacy")
    return {"train": len(train), "dev": len(dev), "heldout": len(heldout)}


def evaluate(model_path: Path, heldout: Path) -> dict:
    """Precision, recall and F1 per label on the held-out split, plus speed in words per second."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    from . import factories  # noqa: F401  (registers ki_norms, part of the model)

    nlp = spacy.load(model_path)
    gold_docs = list(DocBin().from_disk(heldout).get_docs(nlp.vocab))
    texts = [d.text for d in gold_docs]
    start = time.perf_counter()
    preds = list(nlp.pipe(texts, batch_size=256))
    seconds = time.perf_counter() - start
    examples = [Example(p, g) for p, g in zip(preds, gold_docs)]
    scores = nlp.get_pipe("ner").score(examples)
    per_type = scores["ents_per_type"]
    core = [e for e in examples]
    # Overall over PER/LOC/ORG only (MISC is trained but not used by kiextract's stages).
    tp = fp = fn = 0
    for ex in core:
        gold = {(e.start_char, e.end_char, e.label_) for e in ex.reference.ents if e.label_ != "MISC"}
        pred = {(e.start_char, e.end_char, e.label_) for e in ex.predicted.ents if e.label_ != "MISC"}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    words = sum(len(d) for d in gold_docs)
    return {
        "per_label": {k: {m: round(v[m], 4) for m in ("p", "r", "f")} for k, v in sorted(per_type.items())},
        "overall_per_loc_org": {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r) if p + r else 0.0, 4)},
        "all_labels": {"p": round(scores["ents_p"], 4), "r": round(scores["ents_r"], 4), "f": round(scores["ents_f"], 4)},
        "heldout_docs": len(gold_docs),
        "heldout_words": words,
        "words_per_second": round(words / seconds),
    }


def write_meta(path: Path) -> None:
    """Name, version, licence and sources of the shipped model in its meta.json."""
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta.update(
        name="kiextract_ner", version="1.0.0", license="CC BY 4.0", author="kiextract",
        description="kiextract's German NER (PER, LOC, ORG, MISC), trained on GermEval 2014 and DFKI SmartData v1 (CC BY 4.0). See docs/model.md.",
        sources=[
            {"name": "GermEval 2014 NER (NoSta-D)", "url": "https://sites.google.com/site/germeval2014ner/", "license": "CC BY 4.0"},
            {"name": "DFKI SmartData Corpus v1", "url": "https://github.com/DFKI-NLP/smartdata-corpus", "license": "CC BY 4.0"},
        ],
    )
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="folder with germeval2014/ and smartdata-v1/")
    ap.add_argument("--output", type=Path, default=Path("build/model"), help="work folder")
    ap.add_argument("--install", action="store_true", help="copy model-best into kiextract/data/model")
    ap.add_argument("--evaluate-only", type=Path, metavar="MODEL", help="skip training, evaluate MODEL")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--card", type=Path, help="write the model card (Markdown) with the figures to this file")
    args = ap.parse_args(argv)

    corpus = args.output / "corpus"
    if not (corpus / "heldout.spacy").exists():
        counts = convert(args.data, corpus)
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
        train(
            CONFIG,
            args.output / "training",
            overrides={"paths.train": str(corpus / "train.spacy"), "paths.dev": str(corpus / "dev.spacy")},
        )
        print(f"training took {time.perf_counter() - start:.0f} s", file=sys.stderr)
        model = args.output / "training" / "model-best"
        if args.install:
            if PACKAGE_MODEL.exists():
                shutil.rmtree(PACKAGE_MODEL)
            shutil.copytree(model, PACKAGE_MODEL)
            model = PACKAGE_MODEL
            write_meta(PACKAGE_MODEL / "meta.json")
    metrics = evaluate(model, corpus / "heldout.spacy")
    metrics["model"] = str(model)
    metrics["size_mb"] = round(_size_mb(Path(model)), 2)
    print(json.dumps(metrics, indent=2))
    (args.output / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    if args.card:
        args.card.write_text(render_card(metrics), encoding="utf-8")
    return 0


CARD = """# kiextract's German NER model

A small spaCy pipeline (`ki_norms` → CNN `tok2vec` → transition-based `ner`) that ships inside the
package (`kiextract/data/model/`) and needs no download. `kiextract facts` uses it by default
(`--model auto`) unless an official `de_core_news_lg/md/sm` is installed. Labels: PER, LOC, ORG, MISC;
kiextract's entity stage uses PER, LOC and ORG where its rules find nothing (see README).

## Data (CC BY 4.0; attribution in kiextract/data/SOURCES.md)

| split | what |
| --- | --- |
| held out, never trained on | GermEval 2014 dev (2,200 sentences) |
| training | GermEval 2014 test (5,100 sentences) + DFKI SmartData v1 train and test, news and RSS items only (1,380 documents; the 1,056 tweets made held-out scores worse); every 10th document is spaCy's checkpoint-selection dev set |

The GermEval train split (24,000 sentences) could not be obtained; that is the main limit of this model.

Label mapping: GermEval PER, LOC, ORG as they are, OTH → MISC, the `*deriv` and `*part` labels
("deutsche", "NRW-weit") → no entity (kiextract takes places inside compounds by rule). SmartData
`person` → PER, `location*` → LOC, `organization*` → ORG, every other concept type → no entity.

`ki_norms` sets `token.norm_` of given names, places and role titles from kiextract's lists to a
class (`__vorname__`, `__ort__`, `__titel__`), so the model generalises from the lists to names it
never saw in training.

## Train and evaluate

    python -m kiextract.train --data ../shared/data/ner --output build/model --install --card docs/model.md
    python -m kiextract.train --data ../shared/data/ner --output build/model --evaluate-only kiextract/data/model --card docs/model.md

Config: `kiextract/training/config.cfg` (MultiHashEmbed NORM/PREFIX/SUFFIX/SHAPE, MaxoutWindowEncoder
width 64, depth 3; no static vectors: no openly licensed German vector table installs from PyPI).

## Figures on the held-out split ({heldout_docs:,} sentences, {heldout_words:,} words)

This card was written by the command above; do not edit the figures by hand.

| label | precision | recall | F1 |
| --- | ---: | ---: | ---: |
{rows}
| **PER/LOC/ORG** | {o[p]:.3f} | {o[r]:.3f} | {o[f]:.3f} |
| all four labels | {a[p]:.3f} | {a[r]:.3f} | {a[f]:.3f} |

Size: {size_mb} MB. Speed of the model alone: {words_per_second:,} words per second on this machine
(`nlp.pipe`, batch 256; the full kiextract pipeline's speed is in docs/performance.md).
"""


def render_card(metrics: dict) -> str:
    rows = "\n".join(
        f"| {label} | {m['p']:.3f} | {m['r']:.3f} | {m['f']:.3f} |" for label, m in metrics["per_label"].items()
    )
    return CARD.format(rows=rows, o=metrics["overall_per_loc_org"], a=metrics["all_labels"], **{
        k: metrics[k] for k in ("heldout_docs", "heldout_words", "size_mb", "words_per_second")
    })


if __name__ == "__main__":
    sys.exit(main())
