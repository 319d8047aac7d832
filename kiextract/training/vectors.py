"""floret subword vectors trained on the open raw German text."""
from __future__ import annotations

import gzip
from pathlib import Path

from .corpora import read_ler

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
