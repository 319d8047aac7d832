"""The SQLite store for incremental batch runs: `kiextract facts DIR --db facts.sqlite`.

One transaction per document: a crash or Ctrl-C never leaves half a document, and the next run
finishes the rest. Documents already stored by the same kiextract version are skipped by their
sha256 (a changed file is a new document). Schema: docs/schema.md.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

SCHEMA_SQL = """
create table if not exists documents (
    sha256 text primary key,
    source text not null,
    title text,
    published text,
    chars integer not null,
    processed_at text not null,
    kiextract_version text not null,
    pipeline text not null,
    warnings text not null default '[]'
);
create table if not exists facts (
    id integer primary key,
    document text not null references documents(sha256) on delete cascade,
    type text not null,
    value,
    text text not null,
    start integer not null,
    "end" integer not null,
    unit text,
    about text,
    period text,
    qualifier text,
    kind text,
    grain text,
    relative integer,
    modifier text,
    abbr text,
    party text,
    age integer,
    fact text not null
);
create index if not exists facts_by_type on facts(type, value);
create index if not exists facts_by_document on facts(document);
create index if not exists persons_by_name on facts(value) where type = 'person';
create index if not exists dates_by_value on facts(value) where type = 'date';
create index if not exists documents_by_source on documents(source);
"""

SCALAR_COLUMNS = (
    "unit", "about", "period", "qualifier", "kind", "grain", "relative", "modifier", "abbr", "party", "age",
)


def open_store(path: str | Path) -> sqlite3.Connection:
    """Open (and create) the store; WAL mode so readers never block a running batch."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma foreign_keys = on")
    conn.executescript(SCHEMA_SQL)
    return conn


def known_documents(conn: sqlite3.Connection, version: str) -> set[str]:
    """sha256 of the documents this kiextract version already stored."""
    return {row[0] for row in conn.execute("select sha256 from documents where kiextract_version = ?", (version,))}


def write_document(conn: sqlite3.Connection, record: dict[str, Any], version: str, pipeline: str) -> None:
    """Replace the document and all its facts in one transaction."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    conn.execute("begin immediate")
    try:
        conn.execute("delete from documents where sha256 = ?", (record["sha256"],))
        conn.execute(
            "insert into documents values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record["sha256"], record["source"], record["title"], record["published"], record["chars"],
                now, version, pipeline, json.dumps(record["warnings"], ensure_ascii=False),
            ),
        )
        conn.executemany(
            f'insert into facts (document, type, value, text, start, "end", {", ".join(SCALAR_COLUMNS)}, fact) '
            f"values ({', '.join('?' * (7 + len(SCALAR_COLUMNS)))})",
            [
                (
                    record["sha256"], f["type"], _scalar(f["value"]), f["text"], f["start"], f["end"],
                    *(_scalar(f.get(c)) for c in SCALAR_COLUMNS),
                    json.dumps(f, ensure_ascii=False),
                )
                for f in record["facts"]
            ],
        )
        conn.execute("commit")
    except BaseException:
        conn.execute("rollback")
        raise


def _scalar(v: Any) -> Any:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v
