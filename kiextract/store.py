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

from .errors import KiextractError
from .records import INTEGER_FIELDS, SCALAR_FIELDS

# Marks a database as kiextract's (`pragma application_id`, "kixt"); `user_version` is the layout.
APPLICATION_ID = 0x6B697874
LAYOUT = 5
BUSY_TIMEOUT = 5.0  # seconds to wait for another writer before giving up with a message
SQLITE_MAGIC = b"SQLite format 3\x00"
SCALAR_COLUMNS = SCALAR_FIELDS  # the facts' scalar fields (records.py), one column each


def _fact_columns() -> str:
    return "".join(f",\n    {c} {'integer' if c in INTEGER_FIELDS else 'text'}" for c in SCALAR_COLUMNS)


SCHEMA_SQL = f"""
create table if not exists documents (
    sha256 text primary key,
    source text not null,
    title text,
    published text,
    chars integer not null,
    author text,
    site text,
    url text,
    published_from text,
    locale text,
    processed_at text not null,
    kiextract_version text not null,
    pipeline text not null,
    warnings text not null default '[]',
    error text
);
create table if not exists facts (
    id integer primary key,
    document text not null references documents(sha256) on delete cascade,
    type text not null,
    value,
    text text not null,
    start integer not null,
    "end" integer not null{_fact_columns()},
    fact text not null
);
create index if not exists facts_by_type on facts(type, value);
create index if not exists facts_by_document on facts(document);
create index if not exists persons_by_name on facts(value) where type = 'person';
create index if not exists dates_by_value on facts(value) where type = 'date';
create index if not exists documents_by_source on documents(source);
"""
DOCUMENT_COLUMNS = (
    "sha256", "source", "title", "published", "chars", "processed_at", "kiextract_version", "pipeline", "warnings", "error",
    "author", "site", "url", "published_from", "locale",
)
# Columns a store of an earlier layout may lack; `_migrate` adds them.
LATER_COLUMNS = ("error", "author", "site", "url", "published_from", "locale")
OURS = {"documents", "facts"}


class StoreError(KiextractError):
    """The --db file cannot be used: not SQLite, not kiextract's, or locked by another writer."""


def open_store(path: str | Path) -> sqlite3.Connection:
    """Open (and create) the store; WAL mode so readers never block a running batch.

    A file that is not SQLite, or an SQLite database with tables that are not kiextract's, is
    refused before anything is written to it. Another writer is waited for `BUSY_TIMEOUT`
    seconds."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"--db {path}: is a directory; give the path of an SQLite file")
    if path.exists():
        try:
            with open(path, "rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise StoreError(f"--db {path}: cannot read ({exc.strerror or exc})") from None
        if head and head != SQLITE_MAGIC:
            raise StoreError(f"--db {path}: not an SQLite database; give a new file or one kiextract made")
    elif not path.parent.is_dir():
        raise StoreError(f"--db {path}: the directory {path.parent} does not exist")
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT)
        _check_ours(conn, path)
        conn.execute("pragma journal_mode = wal")
        conn.execute("pragma foreign_keys = on")
        conn.executescript(SCHEMA_SQL)
        _migrate(conn)
        conn.execute(f"pragma application_id = {APPLICATION_ID}")
        conn.execute(f"pragma user_version = {LAYOUT}")
    except sqlite3.OperationalError as exc:
        raise _store_error(path, exc) from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"--db {path}: not a usable SQLite database ({exc})") from None
    return conn


def _check_ours(conn: sqlite3.Connection, path: Path) -> None:
    app_id = conn.execute("pragma application_id").fetchone()[0]
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    if app_id == APPLICATION_ID or not tables:
        return
    # a store of an earlier kiextract (before the application id): its two tables, our columns
    if tables == OURS:
        cols = {r[1] for r in conn.execute("pragma table_info(documents)")}
        if set(DOCUMENT_COLUMNS) - set(LATER_COLUMNS) <= cols:
            return
    names = ", ".join(sorted(tables)[:5])
    raise StoreError(
        f"--db {path}: this SQLite database is not kiextract's (it has the tables {names}); "
        f"give a new file so that nothing of yours is changed"
    )


def _migrate(conn: sqlite3.Connection) -> None:
    """Add the columns a store made by an earlier kiextract lacks."""
    cols = {r[1] for r in conn.execute("pragma table_info(documents)")}
    for c in LATER_COLUMNS:
        if c not in cols:
            conn.execute(f"alter table documents add column {c} text")
    cols = {r[1] for r in conn.execute("pragma table_info(facts)")}
    for c in SCALAR_COLUMNS:
        if c not in cols:
            conn.execute(f"alter table facts add column {c} {'integer' if c in INTEGER_FIELDS else 'text'}")


def _store_error(path, exc: sqlite3.OperationalError) -> StoreError:
    if "locked" in str(exc) or "busy" in str(exc):
        return StoreError(
            f"--db {path}: locked by another writer for more than {BUSY_TIMEOUT:.0f} s; "
            f"try again when the other run has finished"
        )
    return StoreError(f"--db {path}: {exc}")


def known_documents(conn: sqlite3.Connection, version: str) -> set[str]:
    """sha256 of the documents this kiextract version already stored (failed ones are retried)."""
    rows = conn.execute("select sha256 from documents where kiextract_version = ? and error is null", (version,))
    return {row[0] for row in rows}


def write_document(conn: sqlite3.Connection, record: dict[str, Any], version: str, pipeline: str) -> None:
    """Replace the document and all its facts in one transaction (a failed record too, with its
    error, so that the store shows what failed; the next run tries it again)."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    try:
        conn.execute("begin immediate")
    except sqlite3.OperationalError as exc:
        raise _store_error(conn.execute("pragma database_list").fetchone()[2], exc) from None
    try:
        conn.execute("delete from documents where sha256 = ?", (record["sha256"],))
        # an input that could not be read has no sha256: its row is keyed by its source, and any
        # later run of that source (read or not) replaces it
        conn.execute("delete from documents where sha256 is null and source = ?", (record["source"],))
        conn.execute(
            f"insert into documents ({', '.join(DOCUMENT_COLUMNS)}) values ({', '.join('?' * len(DOCUMENT_COLUMNS))})",
            (
                record["sha256"], record["source"], record["title"], record["published"], record["chars"],
                now, version, pipeline, json.dumps(record["warnings"], ensure_ascii=False), record.get("error"),
                record.get("author"), record.get("site"), record.get("url"), record.get("published_from"), record.get("locale"),
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
        try:
            conn.execute("rollback")
        except sqlite3.Error:
            pass  # SQLite already rolled back (disk full, I/O error): the first error is the one to report
        raise


def _scalar(v: Any) -> Any:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v
