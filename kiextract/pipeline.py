"""Load the German pipeline with kiextract's stages, and run it: `extract`, `extract_many`."""
from __future__ import annotations

import hashlib
import importlib.util
import itertools
import re
from functools import cache
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ModelNotFound, ProcessingError
from .records import Document, Input, Outcome, Published

# Official spaCy German pipelines, best first; `auto` takes the first one installed.
OFFICIAL_MODELS = ("de_core_news_lg", "de_core_news_md", "de_core_news_sm")


def shipped_model_path() -> Path | None:
    """Where kiextract's own trained German NER pipeline lies inside the package, if it is there."""
    from .textutil import data_path

    path = Path(str(data_path("model")))
    return path if (path / "config.cfg").is_file() else None


def installed_models() -> list[str]:
    """Names of the official German pipelines importable here."""
    return [name for name in OFFICIAL_MODELS if importlib.util.find_spec(name) is not None]


SHIPPED_NAME = "kiextract"  # --model kiextract: the NER model inside the package


def resolve_model(model: str = "auto") -> str:
    """What `model` means here: 'blank', an official pipeline's name, or a path.

    `auto` is the rules only ('blank'): measured on the development sets, kiextract's own model
    adds no recall of persons and organisations to the rules and costs precision and two thirds
    of the run time (docs/model.md). `kiextract` is that model, shipped inside the package; an
    official pipeline (de_core_news_lg, ...) is taken by its name."""
    if model == "auto":
        return "blank"
    if model == SHIPPED_NAME:
        shipped = shipped_model_path()
        if shipped is None:
            raise ModelNotFound("--model kiextract: the shipped model is missing from this installation; reinstall kiextract")
        return str(shipped)
    return model


def _base_pipeline(model: str):
    import spacy

    if model == "blank":
        return spacy.blank("de")
    path = Path(model)
    if path.exists():
        if not (path / "config.cfg").is_file():
            raise ModelNotFound(f"--model {model}: that folder is not a spaCy pipeline (it has no config.cfg)")
        return spacy.load(path)
    if importlib.util.find_spec(model) is None:
        raise ModelNotFound(
            f"--model {model}: no such spaCy pipeline is installed. Install it "
            f"(for an official one: python -m spacy download {model}), pass the path of a pipeline "
            f"folder, or use --model auto (rules only) or --model kiextract (kiextract's own NER model)."
        )
    return spacy.load(model)


def load_pipeline(model: str = "auto", patterns: str | Path | None = None):
    """A spaCy `Language` for German with kiextract's stages added in `factories.STAGES` order.

    model: 'auto' (default: the rules only), 'blank' (the same), 'kiextract' (the shipped NER
    model), the name of an installed spaCy pipeline, or a path to one.
    patterns: a JSONL file of spaCy span-ruler patterns (labels PER, ORG, LOC) that the entity stage
    takes as certain, for names no packaged list holds.
    """
    from . import factories

    resolved = resolve_model(model)
    nlp = _base_pipeline(resolved)
    if resolved.lower() == "blank":
        nlp.meta["name"] = "blank_de"
    if nlp.lang != "de":
        raise ModelNotFound(f"--model {model}: pipeline language is {nlp.lang!r}, kiextract needs German ('de')")
    nlp.max_length = 10**9  # inputs are checked against --max-chars when they are read
    for stage in factories.STAGES:
        config = {}
        if stage == "ki_entities" and patterns is not None:
            config["patterns_path"] = str(patterns)
        nlp.add_pipe(stage, config=config)
    return nlp


def pipeline_name(nlp) -> str:
    """A short name for the base pipeline under the kiextract stages, e.g. 'de_kiextract_ner-1.0.0'."""
    return f"{nlp.meta.get('lang', 'de')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"


@cache
def default_pipeline():
    return load_pipeline("auto")


SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# A run of punctuation marks this long or longer (one mark, "€€€€…", or several, ".,.,", "(!)(!)")
# is cut into tokens of this length before the tokenizer sees it: spaCy's prefix and suffix search
# takes time quadratic in such a run.
PUNCT_RUN = 20
PUNCT_RUN_RE = re.compile(r"[^\w\s]{%d,}" % PUNCT_RUN)
# A text longer than this goes through the statistical model in pieces of about this size (at
# paragraph or line breaks), so that the model's memory stays bounded whatever the size.
PIECE_CHARS = 50_000


def tokenize(nlp, text: str):
    """`nlp.make_doc(text)`, with long runs of punctuation marks ("€€€€…", ".,.,.,…") cut into
    tokens of PUNCT_RUN characters first; `doc.text == text` always."""
    if not PUNCT_RUN_RE.search(text):
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    docs, pos = [], 0
    for m in PUNCT_RUN_RE.finditer(text):
        if m.start() > pos:
            docs.append(nlp.make_doc(text[pos:m.start()]))
        run = m.group()
        words = [run[i:i + PUNCT_RUN] for i in range(0, len(run), PUNCT_RUN)]
        docs.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        pos = m.end()
    if pos < len(text):
        docs.append(nlp.make_doc(text[pos:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    r"""`text` cut into consecutive pieces of at most about `size` characters, at a paragraph
    break, else a line break, else a space where one is near the end of the piece.

    >>> [len(p) for p in pieces("a b\n\nc d\ne f g", 6)], "".join(pieces("a b\n\nc", 4)) == "a b\n\nc"
    ([5, 4, 5], True)
    """
    out, pos = [], 0
    while len(text) - pos > size:
        window = text[pos:pos + size]
        cut = max(window.rfind("\n\n") + 2, window.rfind("\n") + 1, 0)
        if cut < size // 2:
            cut = window.rfind(" ") + 1
        if cut < size // 2:
            cut = size
        out.append(text[pos:pos + cut])
        pos += cut
    out.append(text[pos:])
    return out


def _model_stages(nlp) -> list[tuple[str, object]]:
    from . import factories

    return [(name, proc) for name, proc in nlp.pipeline if name not in factories.STAGES]


def _tokenize_large(nlp, text: str):
    """A long text's Doc with the model's annotations, made piece by piece and joined."""
    import numpy
    from spacy.tokens import Doc

    from .components.base import scratch

    model = _model_stages(nlp)
    docs = []
    for piece in pieces(text):
        doc = tokenize(nlp, piece)
        for _, proc in model:
            doc = proc(doc)
        doc.tensor = numpy.zeros((len(doc), 0), dtype="float32")  # the stages need the entities, not the vectors
        docs.append(doc)
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    scratch(doc)["model_done"] = True
    return doc


def _make_doc(nlp, item: Input):
    from .components.base import meta, scratch

    text, n = SURROGATE_RE.subn("\ufffd", item.text)  # same length: offsets stay valid
    doc = _tokenize_large(nlp, text) if len(text) > PIECE_CHARS and _model_stages(nlp) else tokenize(nlp, text)
    scratch(doc)["text"] = text
    info = meta(doc)
    info.source = item.source
    info.locale, info.url = item.locale, item.url
    if item.published is not None:
        info.published, info.published_from = item.published.value, item.published.source
    info.warnings = list(item.warnings)
    if n:
        info.warn(f"replaced {n} unpaired surrogate code points with U+FFFD")
    return doc


def _sha256(item: Input) -> str:
    return item.sha256 or hashlib.sha256(item.text.encode("utf-8", "surrogatepass")).hexdigest()


def _outcome(doc, item: Input) -> Outcome:
    from .document import doc_to_record

    try:
        record = doc_to_record(doc, source=item.source, sha256=_sha256(item), title=item.title, source_text=item.text)
        return Outcome(item.source, _with_input_fields(record, item))
    except Exception as exc:  # a bug on one document must not cost the others
        return _failed(item, f"building the record failed: {describe_exception(exc)}")


def _with_input_fields(record: Document, item: Input) -> Document:
    """The record with what came with the input: the page's author, site and URL, the text."""
    import dataclasses

    return dataclasses.replace(
        record, author=item.author, site=item.site, url=item.url, text=item.text if item.with_text else None,
    )


def _failed(item: Input, message: str) -> Outcome:
    record = Document(
        source=item.source, sha256=_sha256(item), title=item.title, chars=len(item.text), warnings=item.warnings, error=message,
        published=item.published.value if item.published else None, published_from=item.published.source if item.published else None,
        locale=item.locale,
    )
    return Outcome(item.source, _with_input_fields(record, item))


def describe_exception(exc: BaseException) -> str:
    """An exception on one line: its type and the first line of its message, at most 300 characters."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


# A text longer than this is processed as consecutive parts of at most PART_CHARS characters
# whose facts are joined into one record: memory then stays bounded whatever the size.
HUGE_CHARS = 1_000_000
PART_CHARS = 500_000


def _in_parts(nlp, item: Input) -> Outcome:
    """One record for a huge text from the records of its parts, offsets shifted to the whole."""
    import dataclasses

    parts = pieces(item.text, PART_CHARS)
    sha = _sha256(item)
    facts, warnings, published, locale, offset = [], list(item.warnings), item.published, item.locale, 0
    for n, text in enumerate(parts):
        # the first part's publication date and locale (from the text, maybe) hold for the later parts
        sub = dataclasses.replace(item, text=text, sha256=sha, warnings=(), published=published, locale=locale, with_text=False)
        outcome = _one(nlp, sub)
        if outcome.record.error:
            return _failed(item, f"part {n + 1} of {len(parts)} (from character {offset}): {outcome.record.error}")
        if n == 0 and outcome.record.published:
            published = Published(outcome.record.published, outcome.record.published_from)
        if n == 0:
            locale = outcome.record.locale
        facts += [_shifted(f, offset) for f in outcome.record.facts]
        warnings += [f"part {n + 1}: {w}" for w in outcome.record.warnings]
        offset += len(text)
    warnings.append(
        f"{len(item.text):,} characters were processed in {len(parts)} parts of at most {PART_CHARS:,}: "
        f"persons and organisations are not merged across parts"
    )
    from .document import find_title

    record = Document(
        source=item.source, sha256=sha, title=item.title or find_title(item.text),
        published=published.value if published else None, published_from=published.source if published else None,
        chars=len(item.text), facts=tuple(facts), warnings=tuple(warnings), locale=locale,
    )
    return Outcome(item.source, _with_input_fields(record, item))


def _shifted(fact, offset: int):
    """`fact` with its offsets and those of every sub-fact moved by `offset`."""
    import dataclasses

    def move(value):
        if isinstance(value, list):
            return [move(v) for v in value]
        if isinstance(value, dict):
            out = {k: move(v) for k, v in value.items()}
            if "start" in out and "end" in out:
                out["start"] += offset
                out["end"] += offset
            return out
        return value

    return dataclasses.replace(fact, start=fact.start + offset, end=fact.end + offset, fields={k: move(v) for k, v in fact.fields.items()})


def _one(nlp, item: Input) -> Outcome:
    """Run the stages over one document alone, naming the stage that fails."""
    from .components.base import scratch

    if len(item.text) > HUGE_CHARS:
        return _in_parts(nlp, item)
    stage = "tokenizer"
    try:
        doc = _make_doc(nlp, item)
        model_done = scratch(doc).get("model_done")
        for stage, proc in (_stages_after_model(nlp) if model_done else nlp.pipeline):
            doc = proc(doc)
    except Exception as exc:
        return _failed(item, f"stage {stage} failed: {describe_exception(exc)}")
    return _outcome(doc, item)


def process(nlp, items: Iterable[Input], batch_size: int = 16) -> Iterator[Outcome]:
    """Run `nlp` over `items` lazily, in order, and yield one `Outcome` per item.

    Batches go through `nlp.pipe`; when a stage raises inside a batch, that batch is run again one
    document at a time, so that only the failing document gets a failed record (its error names
    the stage) and every other one is processed."""
    it = iter(items)
    while batch := list(itertools.islice(it, batch_size)):
        if any(len(item.text) > PIECE_CHARS for item in batch):
            yield from (_one(nlp, item) for item in batch)  # a long text goes alone, in pieces
            continue
        try:
            docs = list(nlp.pipe((_make_doc(nlp, item) for item in batch), batch_size=batch_size))
        except Exception:
            yield from (_one(nlp, item) for item in batch)
            continue
        for doc, item in zip(docs, batch):
            yield _outcome(doc, item)


def _stages_after_model(nlp) -> list[tuple[str, object]]:
    from . import factories

    return [(name, proc) for name, proc in nlp.pipeline if name in factories.STAGES]


def _locale(locale: str | None) -> str | None:
    """A locale argument: "auto" or None finds it in each text; else one of locales.LOCALES."""
    if locale in (None, "auto"):
        return None
    from .locales import get

    return get(locale).code


def extract(text: str, published: str | None = None, source: str = "<text>", nlp=None, locale: str | None = None) -> Document:
    """The facts of one German text; `locale` (de-DE, de-AT, de-CH) says how it is written,
    else ("auto", None) kiextract finds it in the text.

    >>> record = extract("Rufnummer 0 22 41/13 30 66", nlp=load_pipeline("blank"))
    >>> [f.value for f in record.facts]
    ['+492241133066']
    """
    nlp = nlp or default_pipeline()
    record = next(process(nlp, [Input(text=text, source=source, published=published, locale=_locale(locale))])).record
    if record.error:
        raise ProcessingError(f"{source}: {record.error}")
    return record


def extract_many(texts: Iterable[str], published: str | None = None, nlp=None, batch_size: int = 16, locale: str | None = None) -> Iterator[Document]:
    """Stream the facts of many texts (over `nlp.pipe`), in order; `published` and `locale`
    apply to all.

    A text that a stage fails on gives a record with `error` set and no facts; the others go on.
    """
    nlp = nlp or default_pipeline()
    code = _locale(locale)
    items = (Input(text=t, source=f"<text {i}>", published=published, locale=code) for i, t in enumerate(texts))
    return (outcome.record for outcome in process(nlp, items, batch_size=batch_size))
