"""Batch runs: parallel order, the SQLite store (skip, --force, crash safety, Ctrl-C), progress."""
import json
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from conftest import SEEDS, interrupt_after
from kiextract.cli import app

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "new"
    folder.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    return folder


def facts(*args):
    return runner.invoke(app, ["facts", "--model", "blank", *args])


def test_jobs_keep_input_order_and_results(corpus):
    one = facts(str(corpus), "--jobs", "1")
    two = facts(str(corpus), "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert len(two.stdout.splitlines()) == 5


def rows(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_db_stores_documents_and_facts(corpus, tmp_path):
    db = tmp_path / "facts.sqlite"
    result = facts(str(corpus), "--db", str(db))
    assert result.exit_code == 0 and result.stdout == ""
    assert rows(db, "select count(*) from documents") == [(5,)]
    persons = dict(rows(db, "select value, count(*) from facts where type='person' group by value"))
    assert persons["Serap Güler"] == 4
    money = rows(db, "select value, unit, about from facts where type='money' order by value desc")
    assert money[0] == (365000, "EUR", "Förderung")
    assert json.loads(rows(db, "select fact from facts where type='contact' and kind='phone'")[0][0])["value"] == "+492241133066"


def test_db_rerun_skips_stored_and_force_redoes(corpus, tmp_path):
    db = tmp_path / "facts.sqlite"
    facts(str(corpus), "--db", str(db))
    again = facts(str(corpus), "--db", str(db))
    assert "stored 0 documents, skipped 5" in again.stderr
    forced = facts(str(corpus), "--db", str(db), "--force")
    assert "stored 5 documents, skipped 0" in forced.stderr
    assert rows(db, "select count(*) from documents") == [(5,)]
    assert rows(db, "select count(*) from facts")[0][0] == rows(db, "select count(distinct id) from facts")[0][0]


def test_db_changed_file_is_a_new_document(corpus, tmp_path):
    db = tmp_path / "facts.sqlite"
    facts(str(corpus), "--db", str(db))
    f = sorted(corpus.glob("*.txt"))[0]
    f.write_text(f.read_text(encoding="utf-8") + "\nLandrat Stephan Pusch kam auch.\n", encoding="utf-8")
    again = facts(str(corpus), "--db", str(db))
    assert "stored 1 documents, skipped 4" in again.stderr
    assert rows(db, "select count(*) from documents") == [(6,)]


def test_db_crash_leaves_no_half_document_and_a_rerun_finishes(corpus, tmp_path, monkeypatch):
    import kiextract.store as store

    db = tmp_path / "facts.sqlite"
    calls = {"n": 0}
    original = store.write_document

    def crash_on_third(conn, record, version, pipeline):
        calls["n"] += 1
        if calls["n"] == 3:
            # fail in the middle of the transaction, after the document row is written
            conn.execute("begin immediate")
            conn.execute("insert into documents values (?, 's', null, null, 0, 'now', ?, 'p', '[]', null)", (record["sha256"], version))
            conn.execute("rollback")
            raise RuntimeError("disk full")
        return original(conn, record, version, pipeline)

    monkeypatch.setattr(store, "write_document", crash_on_third)
    result = facts(str(corpus), "--db", str(db))
    assert result.exit_code != 0
    assert rows(db, "select count(*) from documents") == [(2,)]
    assert rows(db, "select count(distinct document) from facts") == [(2,)]
    monkeypatch.setattr(store, "write_document", original)
    again = facts(str(corpus), "--db", str(db))
    assert "stored 3 documents, skipped 2" in again.stderr
    assert rows(db, "select count(*) from documents") == [(5,)]


def test_db_interrupt_keeps_committed_documents(corpus, tmp_path, monkeypatch):
    interrupt_after(monkeypatch, 3)
    db = tmp_path / "facts.sqlite"
    result = facts(str(corpus), "--db", str(db))
    assert result.exit_code == 130
    assert rows(db, "select count(*) from documents") == [(3,)]


def test_progress_only_on_a_terminal(corpus, monkeypatch):
    import io

    from rich.console import Console

    import kiextract.cli.common as common

    quiet = facts(str(corpus))
    assert "kiextract" not in quiet.stderr  # CliRunner's stderr is no terminal: no progress bar

    buffer = io.StringIO()
    monkeypatch.setattr(common, "stderr", lambda: Console(file=buffer, force_terminal=True, width=100))
    loud = facts(str(corpus))
    assert loud.exit_code == 0
    assert "files/s" in buffer.getvalue() or "5/5" in buffer.getvalue()
