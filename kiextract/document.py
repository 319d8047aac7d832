"""Turn a processed Doc into a `Document` record: the one place facts become the JSON contract."""
from __future__ import annotations

from spacy.tokens import Doc

from .components.base import doc_text, meta
from .components.boilerplate import HEADER_RE
from .records import FACT_FIELDS, Document, Fact

TITLE_MAX = 160


def find_title(text: str) -> str | None:
    """The headline: the first line when it is short and not a sentence of running text.

    >>> find_title("Kreis Heinsberg: Lob für die Arbeit\\n\\nDer Text beginnt hier.")
    'Kreis Heinsberg: Lob für die Arbeit'
    >>> find_title(" date 2017-08 RHEIN-SIEG-KREIS. Seit 2014 besteht das Zentrum.") is None
    True
    """
    if HEADER_RE.match(text):
        return None
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) <= TITLE_MAX and not line.endswith((".", ",", ";")) and len(line.split()) >= 2:
            return line
        return None
    return None


def doc_to_record(doc: Doc, source: str, sha256: str, title: str | None = None, source_text: str | None = None) -> Document:
    """The record of a processed Doc, derived from its facts (`doc._.ki_facts`) alone.

    `source_text` is the text as given, when the Doc's differs from it by same-length
    replacements (lone surrogates become U+FFFD): every `text` is then sliced from it, so that
    `text == source_text[start:end]` holds for facts and sub-facts alike."""
    info = meta(doc)
    text = doc_text(doc)
    if source_text is not None and source_text != text and len(source_text) == len(text):
        text = source_text
        regrounded = True
    else:
        regrounded = False
    seen: set[tuple[str, int, int]] = set()
    facts: list[Fact] = []
    for group in doc._.ki_facts.values():
        for f in group:
            key = (f["type"], f["start"], f["end"])
            if f["type"] not in FACT_FIELDS or key in seen or f.get("drop"):
                continue  # working facts of a stage (ages) are no facts of the record
            seen.add(key)
            fields = {k: f.get(k) for k in FACT_FIELDS[f["type"]]}
            if regrounded:
                fields = {k: _reground(v, text) for k, v in fields.items()}
            facts.append(Fact(f["type"], text[f["start"]:f["end"]], f["start"], f["end"], f["value"], fields))
    facts.sort(key=lambda x: (x.start, x.end, x.type))
    return Document(
        source=source,
        sha256=sha256,
        title=title or find_title(text),
        published=info.published,
        published_from=info.published_from,
        locale=info.locale,
        chars=len(text),
        facts=tuple(facts),
        warnings=tuple(info.warnings),
    )


def _reground(value, text: str):
    """`value` with every `text` of a sub-fact ({"text", "start", "end"}) sliced from `text`."""
    if isinstance(value, list):
        return [_reground(v, text) for v in value]
    if isinstance(value, dict):
        out = {k: _reground(v, text) for k, v in value.items()}
        if {"text", "start", "end"} <= out.keys():
            out["text"] = text[out["start"]:out["end"]]
        return out
    return value
