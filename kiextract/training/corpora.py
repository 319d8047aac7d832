"""The open NER corpora converted for spaCy: GermEval 2014, SmartData, MobIE, German LER, Europeana
Newspapers; label maps, samples, the mixes and the fixed splits (see train.py)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

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


