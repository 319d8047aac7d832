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


# MobIE (traffic reports and tweets): persons, organisations and places; routes ("S4", "A1")
# and stops are no entities in GermEval's sense of a place name and are left out.
MOBIE_MAP = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
}
# German LER (court decisions): the authors' coarse classes; norms, contracts, decisions and
# literature ("§ 3 BGB", "BVerwG 2 C 3.17") are no entities.
LER_MAP = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
}
EUROPEANA_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


def _tag_spans(tags: list[str], mapping: dict[str, str]) -> list[tuple[str, int, int]]:
    """BIO (or IOB1) tags -> (label, first, last_exclusive) of the mapped labels."""
    spans = []
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        tag = tag.replace("_", "-").replace(".", "-")
        kind = tag[2:] if tag[:2] in ("B-", "I-") else ""
        if tag.startswith("B-") or not kind or kind != label:
            if label is not None and label in mapping:
                spans.append((mapping[label], start, i))
            start, label = (i, kind) if kind else (None, None)
    return spans


def read_mobie(path: Path):
    """Yield (words, spans) per sentence of the MobIE CoNLL-2003 zip (train, dev and test).
    Hashtags lose their '#': '#DeutscheBahn' is the name 'DeutscheBahn'."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        for member in ("train.conll2003", "dev.conll2003", "test.conll2003"):
            words: list[str] = []
            tags: list[str] = []
            for line in zf.read(member).decode("utf-8").splitlines() + [""]:
                cols = line.split("\t")
                if not line.strip() or line.startswith("-DOCSTART-"):
                    if words:
                        yield words, _tag_spans(tags, MOBIE_MAP)
                    words, tags = [], []
                    continue
                if len(cols) < 4:
                    continue
                word = cols[0].lstrip("#") or cols[0]
                words.append(word)
                tags.append(cols[3])


def read_two_columns(lines, mapping: dict[str, str], max_words: int = 60):
    """Yield (words, spans) from 'token TAG' lines. Sentences end at blank lines, or, where a file
    has none (Europeana), after sentence-final punctuation or at `max_words` words."""
    words: list[str] = []
    tags: list[str] = []

    def flush():
        out = (list(words), _tag_spans(tags, mapping)) if words else None
        words.clear()
        tags.clear()
        return out

    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        cols = line.split()
        if len(cols) < 2:
            if not line.strip() and (item := flush()):
                yield item
            continue
        words.append(" ".join(cols[:-1]) if len(cols) > 2 else cols[0])
        tags.append(cols[-1])
        # a piece ends after sentence-final punctuation, or at max_words, never inside an entity
        ends = (cols[0] in (".", "!", "?") and len(words) >= 5) or len(words) >= max_words
        if ends and tags[-1] == "O" and (item := flush()):
            yield item
    if item := flush():
        yield item


def read_ler(folder: Path):
    """Yield (words, spans) per sentence of the seven German LER court files."""
    for path in sorted(folder.glob("b*.conll.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            yield from read_two_columns(fh, LER_MAP, max_words=10_000)


def read_europeana(folder: Path):
    """Yield (words, spans) per sentence-like piece of the Europeana master .bio files."""
    for path in sorted(folder.glob("enp_DE.*.bio")):
        with open(path, encoding="utf-8") as fh:
            yield from read_two_columns(fh, EUROPEANA_MAP)


def _sample(items, with_entities: int, without: int, seed: int):
    """A fixed random sample: up to `with_entities` sentences that have an entity, up to `without`
    that have none, in their original order."""
    import random

    items = list(items)
    rng = random.Random(seed)
    has = [i for i, (_, spans) in enumerate(items) if spans]
    hasnt = [i for i, (_, spans) in enumerate(items) if not spans]
    keep = set(rng.sample(has, min(with_entities, len(has)))) | set(rng.sample(hasnt, min(without, len(hasnt))))
    return [items[i] for i in sorted(keep)]


def _word_docs(nlp, sentences):
    from spacy.tokens import Doc, Span

    for words, spans in sentences:
        doc = Doc(nlp.vocab, words=words, spaces=[True] * len(words))
        doc.ents = [Span(doc, s, e, label=label) for label, s, e in spans]
        yield doc


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


# Training mix: (source, sentences with an entity, sentences without, times each is used).
# News first: GermEval (the held-out split's own domain) counts twice; the other domains are
# sampled down so that they add names and contexts without outweighing news.
MIXES = {
    "news": (
        ("germeval", None, None, 1),
        ("smartdata", None, None, 1),
    ),
    "all": (
        ("germeval", None, None, 2),
        ("smartdata", None, None, 1),
        ("mobie", 2500, 500, 1),
        ("ler", 4000, 1000, 1),
        ("europeana", 2500, 500, 1),
    ),
}


def _source_docs(nlp, data: Path, source: str, with_entities, without):
    if source == "germeval":
        return list(_germeval_docs(nlp, data / "germeval2014" / "NER-de-test.tsv"))
    if source == "smartdata":
        return [*_smartdata_docs(nlp, data / "smartdata-v1" / "train.json.gz"),
                *_smartdata_docs(nlp, data / "smartdata-v1" / "test.json.gz")]
    reader = {
        "mobie": lambda: read_mobie(data / "mobie-v1" / "ner_conll03_formatted.zip"),
        "ler": lambda: read_ler(data / "german-ler"),
        "europeana": lambda: read_europeana(data / "europeana-newspapers-de"),
    }[source]
    return list(_word_docs(nlp, _sample(reader(), with_entities, without, seed=len(source))))


def convert(data: Path, out: Path, mix: str = "all") -> dict[str, int]:
    """Write train.spacy, dev.spacy (checkpoint selection) and heldout.spacy into `out`.

    Every 10th news sentence or document (GermEval test, SmartData) is the checkpoint-selection
    dev set; a training sentence whose text is also in the held-out split or already in the
    training set (other than by its source's weight) is dropped."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    out.mkdir(parents=True, exist_ok=True)
    held = list(_germeval_docs(nlp, data / "germeval2014" / "NER-de-dev.tsv"))
    seen = {d.text for d in held}
    train, dev = DocBin(), DocBin()
    counts: dict[str, int] = {}
    for source, with_entities, without, times in MIXES[mix]:
        n = 0
        for i, doc in enumerate(_source_docs(nlp, data, source, with_entities, without)):
            if doc.text in seen:
                continue
            seen.add(doc.text)
            if source in ("germeval", "smartdata") and i % 10 == 9:
                dev.add(doc)
                continue
            for _ in range(times):
                train.add(doc)
            n += 1
        counts[source] = n
    DocBin(docs=held).to_disk(out / "heldout.spacy")
    train.to_disk(out / "train.spacy")
    dev.to_disk(out / "dev.spacy")
    return {**counts, "train": len(train), "dev": len(dev), "heldout": len(held)}


VECTOR_DIM, VECTOR_BUCKET = 64, 40_000  # 40,000 x 64 float32 rows: 10 MB in the model


def raw_text_lines(data: Path, text: Path, corpus: Path):
    """Raw German text for the subword vectors, one tokenised line each: the public-domain federal
    laws and Common Voice sentences of `text`, the court decisions of German LER, and the training
    split's own sentences (never the held-out GermEval dev)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    for path in sorted((text / "german-federal-laws").glob("laws_part*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield " ".join(t.text for t in nlp.make_doc(line.strip()))
    for path in sorted((text / "common-voice-de-2019").glob("*.txt")):
        if path.name.startswith("LICENSE"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield " ".join(t.text for t in nlp.make_doc(line.strip()))
    for words, _ in read_ler(data / "german-ler"):
        yield " ".join(words)
    for doc in DocBin().from_disk(corpus / "train.spacy").get_docs(nlp.vocab):
        yield " ".join(t.text for t in doc)


def train_vectors(data: Path, text: Path, corpus: Path, out: Path, threads: int) -> Path:
    """floret subword vectors trained on the open raw text, as a spaCy vectors folder (needs the
    `train` extra: pip install -e '.[train]')."""
    try:
        import floret
    except ImportError:
        raise SystemExit("--vectors needs floret: pip install -e '.[train]'") from None
    import spacy

    out.mkdir(parents=True, exist_ok=True)
    raw = out / "raw.txt"
    with open(raw, "w", encoding="utf-8") as fh:
        fh.writelines(line + "\n" for line in raw_text_lines(data, text, corpus))
    model = floret.train_unsupervised(
        str(raw), model="cbow", mode="floret", hashCount=2, bucket=VECTOR_BUCKET, minn=3, maxn=5,
        dim=VECTOR_DIM, epoch=5, minCount=3, thread=threads,
    )
    table = out / "vectors.floret"
    model.save_floret_vectors(str(table))
    folder = out / "spacy"
    from spacy.training.initialize import convert_vectors

    nlp = spacy.blank("de")
    convert_vectors(nlp, table, truncate=0, prune=-1, mode="floret")
    nlp.to_disk(folder)
    raw.unlink()
    return folder


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
        "vectors": nlp.vocab.vectors.shape[0] > 0,  # a static (floret) vectors table of its own
        "heldout_docs": len(gold_docs),
        "heldout_words": words,
        "words_per_second": round(words / seconds),
    }


def pipeline_gain(model: Path, gold_sets: list[Path]) -> dict:
    """Persons plus organisations on the gold sets (each a folder with articles/ and gold/):
    precision and recall of the whole kiextract pipeline with `model` and with the rules only."""
    from . import engine
    from .evaluate import Score, evaluate
    from .inputs import discover

    out = {}
    for name, choice in (("rules", "blank"), ("model", str(model))):
        total = Score()
        for gold in gold_sets:
            outcomes = engine.run(list(discover([str(gold / "articles")])), engine.Options(model=choice))
            result = evaluate([o.record.to_dict() for o in outcomes if o.record is not None], gold / "gold", ("persons", "organizations"))
            for sc in result.scores.values():
                total.tp, total.predicted, total.gold = total.tp + sc.tp, total.predicted + sc.predicted, total.gold + sc.gold
        out[name] = {"p": round(total.precision, 4), "r": round(total.recall, 4), "tp": total.tp, "predicted": total.predicted, "gold": total.gold}
    out["sets"] = [g.name for g in gold_sets]
    out["recall_gain"] = round(out["model"]["r"] - out["rules"]["r"], 4)
    out["earns_its_place"] = out["recall_gain"] >= 0.05 and out["model"]["p"] >= out["rules"]["p"]
    return out


def write_meta(path: Path, training: dict | None = None) -> None:
    """Name, version, licence and sources of the shipped model in its meta.json, and how it was
    trained (`training`: mix, minutes)."""
    meta = json.loads(path.read_text(encoding="utf-8"))
    if training:
        meta["kiextract_training"] = training
    meta.update(
        name="kiextract_ner", version="1.0.0", license="CC BY 4.0", author="kiextract",
        description="kiextract's German NER (PER, LOC, ORG, MISC), trained on GermEval 2014, DFKI SmartData v1, DFKI MobIE, German LER (CC BY 4.0) and Europeana Newspapers (CC0). See docs/model.md.",
        sources=[
            {"name": "GermEval 2014 NER (NoSta-D)", "url": "https://sites.google.com/site/germeval2014ner/", "license": "CC BY 4.0"},
            {"name": "DFKI SmartData Corpus v1", "url": "https://github.com/DFKI-NLP/smartdata-corpus", "license": "CC BY 4.0"},
            {"name": "DFKI MobIE Corpus v1", "url": "https://github.com/DFKI-NLP/MobIE", "license": "CC BY 4.0"},
            {"name": "German LER (Leitner, Rehm, Moreno-Schneider 2019)", "url": "https://github.com/elenanereiss/Legal-Entity-Recognition", "license": "CC BY 4.0"},
            {"name": "Europeana Newspapers NER corpora", "url": "https://github.com/EuropeanaNewspapers/ner-corpora", "license": "CC0 1.0"},
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


CARD = """# kiextract's German NER model

A small spaCy pipeline (`ki_norms` → CNN `tok2vec` → transition-based `ner`) that ships inside the
package (`kiextract/data/model/`) and needs no download. Labels: PER, LOC, ORG, MISC.

**It is not in the default pipeline.** `--model auto` runs kiextract's rules only; the model runs
with `--model kiextract`, and an official spaCy pipeline with its name (`--model de_core_news_lg`).
The reason is measured below ("In the pipeline"): on the development gold sets the model adds {gain}
recall of persons and organisations to the rules, where it would need +0.05 at no loss of
precision to earn the two thirds of the run time it costs.

## Data (attribution in kiextract/data/SOURCES.md)

| source | licence | domain | used |
| --- | --- | --- | --- |
| GermEval 2014 dev (2,200 sentences) | CC BY 4.0 | news, Wikipedia | **held out**, never trained on |
| GermEval 2014 test (5,100 sentences) | CC BY 4.0 | news, Wikipedia | all, twice (news first) |
| DFKI SmartData v1, news and RSS items | CC BY 4.0 | business news | all (the tweets made held-out scores worse) |
| DFKI MobIE v1 | CC BY 4.0 | traffic reports, tweets | 2,500 sentences with an entity, 500 without ('#' of hashtags dropped; routes and stops no entity) |
| German LER | CC BY 4.0 | federal court decisions | 4,000 sentences with an entity, 1,000 without (norms, decisions, literature no entity) |
| Europeana Newspapers (master .bio) | CC0 1.0 | historical OCR newspapers | 2,500 pieces with an entity, 500 without |

Every 10th GermEval test sentence and SmartData document is spaCy's checkpoint-selection dev set;
a training sentence whose text is in the held-out split or already in the training set is dropped.
`--mix news` trains on GermEval and SmartData only. Never trained on: `data/news/10kgnad`
(non-commercial licence). The GermEval train split (24,000 sentences) could not be obtained; that
is the main limit of this model.

Label mapping: GermEval PER, LOC, ORG as they are, OTH → MISC, `*deriv` and `*part` → no entity;
SmartData `person` → PER, `location*` → LOC, `organization*` → ORG; MobIE `person`, `organization*`,
`location`, `location-city`, `location-street`; LER's coarse classes PER (PER, RR, AN), LOC (LD, ST,
STR, LDS), ORG (ORG, UN, INN, GRT, MRK); Europeana PER, LOC, ORG.

`ki_norms` sets `token.norm_` of given names, places, role titles, one-word organisation and party
names and nouns with an organisation's head from kiextract's lists to a class (`__vorname__`,
`__ort__`, `__titel__`, `__org__`, `__orgkopf__`), so the model generalises from the lists.

## Train and evaluate

    python -m kiextract.train --data ../shared/data/ner --output build/model --mix all --epochs 12 \\
        --set components.tok2vec.model.encode.width=128 --set components.tok2vec.model.encode.depth=4 \\
        --set components.ner.model.hidden_width=128 --install --card docs/model.md \\
        --pipeline-gold ../shared/gold/dev-regional ../shared/gold/dev-10kgnad --ablation build/*/metrics.json
    python -m kiextract.train --data ../shared/data/ner --output build/model --evaluate-only kiextract/data/model --card docs/model.md

`--mix news|all` chooses the training data, `--vectors ../shared/data/text` trains floret subword
vectors on the open raw text first (public-domain federal laws, Common Voice CC0 sentences, the
LER court decisions and the training split's own sentences) and uses them, `--set KEY=VALUE`
overrides the config. Config: `kiextract/training/config.cfg` (MultiHashEmbed NORM/PREFIX/SUFFIX/SHAPE,
MaxoutWindowEncoder width 64, depth 3, NER hidden width 64; the shipped model is trained with the
`--set` values above: width 128, depth 4, hidden width 128). Training time of this model on this
2-core machine: {train_minutes} minutes.

## Figures on the held-out split ({heldout_docs:,} sentences, {heldout_words:,} words)

This card was written by the command above; do not edit the figures by hand.

| label | precision | recall | F1 |
| --- | ---: | ---: | ---: |
{rows}
| **PER/LOC/ORG** | {o[p]:.3f} | {o[r]:.3f} | {o[f]:.3f} |
| all four labels | {a[p]:.3f} | {a[r]:.3f} | {a[f]:.3f} |

Size: {size_mb} MB. Speed of the model alone: {words_per_second:,} words per second on this machine
(`nlp.pipe`, batch 256; the full kiextract pipeline's speed is in docs/performance.md).

## Ablation (the same held-out split)

{ablation}

## In the pipeline

{pipeline}
"""


def _describe_run(m: dict) -> str:
    parts = [f"mix {m.get('mix', 'news')}"]
    if m.get("vectors"):
        parts.append("floret vectors")
    settings = dict(o.partition("=")[::2] for o in m.get("overrides") or [])
    width = settings.pop("components.tok2vec.model.encode.width", "64")
    depth = settings.pop("components.tok2vec.model.encode.depth", "3")
    hidden = settings.pop("components.ner.model.hidden_width", "64")
    parts.append(f"width {width}, depth {depth}, NER hidden {hidden}")
    parts += [f"{k}={v}" for k, v in settings.items()]
    return ", ".join(parts)


def render_card(metrics: dict, others: list[dict] = ()) -> str:
    rows = "\n".join(
        f"| {label} | {m['p']:.3f} | {m['r']:.3f} | {m['f']:.3f} |" for label, m in metrics["per_label"].items()
    )
    runs = [metrics, *[o for o in others if o.get("model") != metrics.get("model")]]
    ablation = "| run | PER F1 | PER/LOC/ORG F1 | size MB |\n| --- | ---: | ---: | ---: |\n" + "\n".join(
        f"| {_describe_run(m)}{' (this model)' if m is metrics else ''} | {m['per_label']['PER']['f']:.3f} | {m['overall_per_loc_org']['f']:.3f} | {m['size_mb']} |"
        for m in runs
    )
    pipe = metrics.get("pipeline")
    if pipe:
        pipeline = (
            f"Persons plus organisations on {' and '.join(pipe['sets'])} together, scored as `kiextract eval` scores:\n\n"
            "| pipeline | precision | recall | true positives | predicted | gold |\n| --- | ---: | ---: | ---: | ---: | ---: |\n"
            f"| rules only (`--model auto`, `blank`) | {pipe['rules']['p']:.3f} | {pipe['rules']['r']:.3f} | {pipe['rules']['tp']} | {pipe['rules']['predicted']} | {pipe['rules']['gold']} |\n"
            f"| rules and this model (`--model kiextract`) | {pipe['model']['p']:.3f} | {pipe['model']['r']:.3f} | {pipe['model']['tp']} | {pipe['model']['predicted']} | {pipe['model']['gold']} |\n\n"
            f"Recall gain {pipe['recall_gain']:+.3f}; the model "
            + ("earns its place in the default pipeline." if pipe["earns_its_place"] else "does not earn its place (it needs +0.05 at no loss of precision), so `--model auto` runs the rules only.")
        )
        gain = f"{pipe['recall_gain']:+.3f}"
    else:
        pipeline, gain = "Not measured in this run (`--pipeline-gold`).", "(not measured)"
    return CARD.format(rows=rows, o=metrics["overall_per_loc_org"], a=metrics["all_labels"], ablation=ablation, pipeline=pipeline, gain=gain,
                       train_minutes=metrics.get("train_minutes", "–"), **{
        k: metrics[k] for k in ("heldout_docs", "heldout_words", "size_mb", "words_per_second")
    })


if __name__ == "__main__":
    sys.exit(main())
