"""The model measured: on the held-out GermEval dev split, and inside the pipeline on gold sets."""
from __future__ import annotations

import time
from pathlib import Path


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
