"""The shipped model's meta.json and its card (docs/model.md)."""
from __future__ import annotations

import json
from pathlib import Path


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

