"""Partitioned Parquet output: a `documents` and a `facts` dataset under one folder.

    OUT/documents/part-00000.parquet   one row per document (failed ones too, with their error)
    OUT/facts/part-00000.parquet       one row per fact, `document` = the document's sha256

Each part is the records of one partition of the input, in input order; parts are numbered in
input order, so reading the parts by name gives the order of `--jobs 1`. A part is written to a
temporary name and renamed when complete: an interrupted run or a retried task leaves complete
parts only, and a retry replaces its part instead of adding a second one. The columns are
documented in docs/scale.md; pandas, DuckDB, Spark and Polars read the folders as datasets.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import uuid
from pathlib import Path
from typing import Any, Iterable

from .errors import KiextractError
from .records import ALL_FIELDS, NESTED_FIELDS, SCALAR_FIELDS
from .records import INTEGER_FIELDS as _INT

NESTED = tuple(f for f in ALL_FIELDS if f in NESTED_FIELDS)  # JSON text columns, in the CSV's order


def _schemas():
    import pyarrow as pa

    documents = pa.schema([
        ("schema", pa.string()), ("source", pa.string()), ("sha256", pa.string()), ("title", pa.string()),
        ("author", pa.string()), ("site", pa.string()), ("url", pa.string()), ("published", pa.string()),
        ("published_from", pa.string()), ("locale", pa.string()), ("chars", pa.int64()), ("error", pa.string()), ("facts", pa.int64()),
        ("warnings", pa.list_(pa.string())), ("text", pa.string()),
    ])
    fact_fields = [
        ("document", pa.string()), ("source", pa.string()), ("type", pa.string()), ("text", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("value", pa.string()), ("value_number", pa.float64()),
    ]
    fact_fields += [(c, pa.int64() if c in _INT else pa.string()) for c in SCALAR_FIELDS]
    fact_fields += [(c, pa.string()) for c in NESTED]
    fact_fields += [("fact", pa.string())]
    return documents, pa.schema(fact_fields)


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False)


def rows(records: Iterable[dict]) -> tuple[list[dict], list[dict]]:
    """The document rows and fact rows of `records` (kiextract/5 dicts)."""
    docs, facts = [], []
    for r in records:
        docs.append({
            **{k: r.get(k) for k in ("schema", "source", "sha256", "title", "author", "site", "url", "published", "published_from", "locale", "error", "text")},
            "chars": r.get("chars") or 0, "facts": len(r.get("facts") or []), "warnings": list(r.get("warnings") or []),
        })
        for f in r.get("facts") or []:
            value = f.get("value")
            row = {
                "document": r.get("sha256"), "source": r.get("source"), "type": f["type"], "text": f["text"],
                "start": f["start"], "end": f["end"], "value": _text(value),
                "value_number": float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None,
            }
            for c in SCALAR_FIELDS:
                v = f.get(c)
                row[c] = (int(v) if v is not None else None) if c in _INT else _text(v)
            for c in NESTED:
                row[c] = _text(f.get(c))
            row["fact"] = json.dumps(f, ensure_ascii=False)
            facts.append(row)
    return docs, facts


def write_part(out: str | Path, part: int, records: list[dict]) -> tuple[int, int]:
    """Write one partition's records as part-NNNNN in both datasets; (documents, facts) written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out)
    doc_schema, fact_schema = _schemas()
    docs, facts = rows(records)
    for name, schema, data in (("documents", doc_schema, docs), ("facts", fact_schema, facts)):
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{part:05d}.parquet"
        tmp = folder / f".part-{part:05d}.{uuid.uuid4().hex}.tmp"
        table = pa.Table.from_pylist(data, schema=schema)
        with _part_file(out, tmp):
            pq.write_table(table, tmp, compression="zstd")
            os.replace(tmp, final)  # atomic: readers and retries never see half a part
    return len(docs), len(facts)


@contextlib.contextmanager
def _part_file(out: Path, tmp: Path):
    """Writing one part: a failure (disk full, I/O error, a folder made read-only) removes the
    unfinished file and is one line, `PartWriteError`; the parts before it stay complete."""
    try:
        yield
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        what = "disk full" if exc.errno == errno.ENOSPC else exc.strerror or str(exc)
        raise PartWriteError(f"--output {out}: cannot write a part ({what}); the parts written before are complete") from None


class PartWriteError(KiextractError):
    """A part of a Parquet or JSON Lines output could not be written."""


def write_jsonl_part(out: str | Path, part: int, records: list[dict]) -> tuple[int, int]:
    """The same partition as JSON Lines: OUT/part-NNNNN.jsonl, one record per line."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    final = out / f"part-{part:05d}.jsonl"
    tmp = out / f".part-{part:05d}.{uuid.uuid4().hex}.tmp"
    with _part_file(out, tmp):
        with tmp.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        os.replace(tmp, final)
    return len(records), sum(len(r.get("facts") or []) for r in records)


def remove_temporary(out: str | Path) -> None:
    """Delete the temporary files of parts that were never finished (after Ctrl-C)."""
    for tmp in Path(out).rglob(".part-*.tmp"):
        try:
            tmp.unlink()
        except OSError:
            pass
