"""The sound core: typed, serialisable Doc state, every sub-fact grounded where it was found, and
one failing document never costing the others (in the library, the batch loop and the store)."""
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from kiextract.cli import app
from kiextract.pipeline import Input, extract, process

runner = CliRunner()


def facts_cli(*args, input=None):
    return runner.invoke(app, ["facts", "--model", "blank", *args], input=input)


def persons(text, nlp):
    return {f.value: f for f in extract(text, nlp=nlp).facts if f.type == "person"}


# -- every sub-fact carries the offsets where it was found ---------------------------------------

@pytest.mark.parametrize(
    "text, name, title, role_at",
    [
        # the role is the second "Landrat", not the first one in the text
        ("Ein Landrat fehlte. Es sprach Landrat Stephan Pusch.", "Stephan Pusch", "Landrat", 30),
        ("Die Bürgermeisterin kam nicht. Bürgermeisterin Anna Berg sprach.", "Anna Berg", "Bürgermeisterin", 31),
        ("Der Leiter fehlte, so sprach Jan Wolf, Leiter des Jugendamts.", "Jan Wolf", "Leiter", 39),
    ],
)
def test_a_role_is_placed_where_it_was_found(nlp, text, name, title, role_at):
    role = persons(text, nlp)[name].fields["roles"][0]
    assert role["title"] == title and role["start"] == role_at
    assert text[role["start"]:role["end"]] == role["text"]


@pytest.mark.parametrize(
    "text, name, field, value, written",
    [
        ("Die CDU tagte. Landrat Stephan Pusch (CDU) kam.", "Stephan Pusch", "party", "CDU", (38, 41)),
        ("Die SPD lud ein. Es kam SPD-Landrat Stephan Pusch.", "Stephan Pusch", "party", "SPD", (24, 27)),
        ("Landrat Stephan Pusch (54) kam nach Heinsberg.", "Stephan Pusch", "age", 54, (23, 25)),
        ("Er war 54 Jahre im Amt. Der 54-jährige Stephan Pusch kam.", "Stephan Pusch", "age", 54, (28, 38)),
    ],
)
def test_party_and_age_carry_their_own_offsets(nlp, text, name, field, value, written):
    person = persons(text, nlp)[name]
    span = person.fields[f"{field}_span"]
    assert person.fields[field] == value
    assert (span["start"], span["end"]) == written and text[span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize(
    "text, type_, about, written",
    [
        ("Die Förderung wuchs. Eine Förderung von 365.000 Euro kam.", "money", "Förderung", "Förderung"),
        ("Es gab 315.000 Euro für Personal.", "money", "Personal", "Personal"),
        ("Man zahlte 5.000 Euro an Krediten aus.", "money", "Kredit", "Krediten"),
        ("Das sind 14 Prozent der Bevölkerung.", "percent", "Bevölkerung", "Bevölkerung"),
        ("Jeder sechste Bürger ist betroffen.", "percent", "Bürger", "Bürger"),
    ],
)
def test_a_purpose_carries_its_own_offsets(nlp, text, type_, about, written):
    fact = next(f for f in extract(text, nlp=nlp).facts if f.type == type_)
    span = fact.fields["about_span"]
    assert fact.fields["about"] == about and span["text"] == written
    assert text[span["start"]:span["end"]] == written and text.index(written, span["start"]) == span["start"]


def test_every_sub_fact_of_the_seeds_is_its_source_text(seed_records):
    for record in seed_records:
        text = (SEEDS / record["source"].split("/")[-1]).read_text(encoding="utf-8")
        for f in record["facts"]:
            for sub in [*(f.get("roles") or []), f.get("party_span"), f.get("age_span"), f.get("about_span")]:
                if sub is not None:
                    assert text[sub["start"]:sub["end"]] == sub["text"], (record["source"], sub)


# -- the Doc's state is data: it serialises and crosses processes ---------------------------------

def test_doc_to_bytes_round_trips_the_record():
    from spacy.tokens import Doc

    from kiextract.document import doc_to_record
    from kiextract.pipeline import _make_doc, load_pipeline

    nlp = load_pipeline("kiextract")  # with the model: its token vectors must not break the round trip
    text = (SEEDS / "000_a3353c067c880684.txt").read_text(encoding="utf-8")
    doc = nlp(_make_doc(nlp, Input(text)))
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert doc_to_record(again, "s", "0" * 64) == doc_to_record(doc, "s", "0" * 64)
    assert {k: len(v) for k, v in again.spans.items()} == {k: len(v) for k, v in doc.spans.items()}


def test_nlp_pipe_with_two_processes_gives_the_same_records():
    from kiextract.document import doc_to_record
    from kiextract.pipeline import load_pipeline

    nlp = load_pipeline("kiextract")  # the full pipeline, model included
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    one = [doc_to_record(d, "s", "0") for d in nlp.pipe(texts)]
    two = [doc_to_record(d, "s", "0") for d in nlp.pipe(texts, n_process=2)]
    assert one == two and sum(len(r.facts) for r in one) > 50


def test_stages_declare_what_they_require_and_assign(nlp):
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())
    summary = analysis["summary"]
    assert "doc._.ki_facts" in summary["ki_roles"]["requires"]
    finders = [name for name in nlp.pipe_names if "doc._.ki_facts" in summary[name]["assigns"]]
    assert len(finders) == 5 and all("doc.spans" in summary[name]["assigns"] for name in finders)
    assert summary["ki_locale"]["assigns"] == ["doc._.ki_meta"]


# -- one failing document never costs the others --------------------------------------------------

BOOM = "BOOM-Artikel"


@pytest.fixture
def crashing_roles(monkeypatch):
    """The roles stage raises on every text that contains BOOM (a bug on one article)."""
    from kiextract.components.roles import RolesComponent

    real = RolesComponent.__call__

    def call(self, doc):
        if BOOM in doc.text:
            raise ValueError("kaputt")
        return real(self, doc)

    monkeypatch.setattr(RolesComponent, "__call__", call)


def test_a_failing_document_gets_a_failed_record_and_the_rest_is_processed(nlp, crashing_roles):
    texts = [f"Landrat Stephan Pusch kam am {i}. Mai 2018." for i in range(1, 21)]
    texts[7] = f"{BOOM}: Landrat Anna Berg kam."
    outcomes = list(process(nlp, [Input(t, source=f"d{i}") for i, t in enumerate(texts)]))
    assert [o.source for o in outcomes] == [f"d{i}" for i in range(20)]
    failed = [o for o in outcomes if o.failed]
    assert [o.source for o in failed] == ["d7"]
    assert "ki_roles" in failed[0].record.error and "kaputt" in failed[0].record.error
    assert failed[0].record.facts == ()
    assert all(any(f.type == "person" for f in o.record.facts) for o in outcomes if not o.failed)


def test_cli_names_the_failing_file_writes_its_record_and_stores_the_others(tmp_path, crashing_roles):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(20):
        (folder / f"a{i:02}.txt").write_text(f"Landrat Stephan Pusch kam am {i + 1}. Mai 2018.", encoding="utf-8")
    (folder / "a05.txt").write_text(f"{BOOM}: Landrat Anna Berg kam.", encoding="utf-8")
    db = tmp_path / "f.sqlite"
    result = facts_cli(str(folder), "--db", str(db), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1
    assert "a05.txt" in result.stderr and "ki_roles" in result.stderr
    docs = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 20 and [d["source"].endswith("a05.txt") for d in docs if d["error"]] == [True]
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from documents where error is null").fetchone() == (19,)
        assert conn.execute("select count(*) from documents where error is not null").fetchone() == (1,)


def test_a_failed_document_is_tried_again_by_the_next_db_run(tmp_path, monkeypatch):
    from kiextract.components.roles import RolesComponent

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(f"{BOOM}: Landrat Anna Berg kam.", encoding="utf-8")
    (folder / "b.txt").write_text("Landrat Stephan Pusch kam.", encoding="utf-8")
    db = tmp_path / "f.sqlite"
    real = RolesComponent.__call__
    with monkeypatch.context() as m:
        m.setattr(RolesComponent, "__call__", lambda self, doc: (_ for _ in ()).throw(ValueError("x")) if BOOM in doc.text else real(self, doc))
        assert facts_cli(str(folder), "--db", str(db)).exit_code == 1
    again = facts_cli(str(folder), "--db", str(db))
    assert again.exit_code == 0 and "stored 1 documents, skipped 1" in again.stderr


def test_an_unreadable_input_is_one_row_of_the_store_until_it_is_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Landrat Stephan Pusch kam.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    db = tmp_path / "f.sqlite"
    for _ in range(2):  # the second run replaces the row of the input it still cannot read
        assert facts_cli(str(folder), "--db", str(db)).exit_code == 1
    rows = sqlite3.connect(db).execute("select source, sha256 is null, error is not null from documents order by source").fetchall()
    assert [(s.rsplit("/", 1)[-1], no_hash, failed) for s, no_hash, failed in rows] == [("a.txt", 0, 0), ("b.txt", 1, 1)]
    (folder / "b.txt").write_text("Landrätin Eva Roth kam.", encoding="utf-8")
    assert facts_cli(str(folder), "--db", str(db)).exit_code == 0
    rows = sqlite3.connect(db).execute("select source, error from documents order by source").fetchall()
    assert [(s.rsplit("/", 1)[-1], e) for s, e in rows] == [("a.txt", None), ("b.txt", None)]


def test_extract_raises_a_clear_error_for_a_failing_text(nlp, crashing_roles):
    from kiextract.errors import ProcessingError

    with pytest.raises(ProcessingError, match="ki_roles"):
        extract(f"{BOOM} Landrat Anna Berg", nlp=nlp)


# -- the SQLite store ------------------------------------------------------------------------------

def test_type_filters_what_is_shown_never_what_is_stored(tmp_path):
    db = tmp_path / "f.sqlite"
    shown = facts_cli(str(SEEDS), "--type", "person", "--db", str(db), "--format", "jsonl")
    assert {f["type"] for line in shown.stdout.splitlines() for f in json.loads(line)["facts"]} == {"person"}
    with sqlite3.connect(db) as conn:
        types = {r[0] for r in conn.execute("select distinct type from facts")}
    assert {"person", "organization", "date", "money", "contact"} <= types


def test_a_users_own_database_is_refused_and_left_untouched(tmp_path):
    db = tmp_path / "mine.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("create table kunden (id integer, name text)")
        conn.execute("insert into kunden values (1, 'Anna')")
    result = facts_cli(str(SEEDS), "--db", str(db))
    assert result.exit_code == 2 and "not kiextract's" in result.stderr and "Traceback" not in result.output
    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("select name from sqlite_master")] == ["kunden"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"Landrat Stephan Pusch kam.\n", "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\xff" * 200, "not a usable SQLite database"),
    ],
)
def test_db_that_is_not_sqlite_is_a_one_line_error(tmp_path, content, message):
    db = tmp_path / "facts.sqlite"
    db.write_bytes(content)
    result = facts_cli(str(SEEDS), "--db", str(db))
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output
    assert db.read_bytes() == content


def test_db_locked_by_another_writer_waits_then_says_so(tmp_path, monkeypatch):
    import kiextract.store as store

    monkeypatch.setattr(store, "BUSY_TIMEOUT", 0.2)  # the real wait is 5 s
    db = tmp_path / "facts.sqlite"
    store.open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("begin exclusive")
    try:
        result = facts_cli(str(SEEDS), "--db", str(db))
    finally:
        holder.execute("rollback")
        holder.close()
    assert result.exit_code == 2 and "locked by another writer" in result.stderr and "Traceback" not in result.output


def test_a_store_of_an_earlier_version_is_taken_and_migrated(tmp_path):
    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as conn:  # the layout before the error column and the application id
        conn.executescript(
            "create table documents (sha256 text primary key, source text not null, title text, published text,"
            " chars integer not null, processed_at text not null, kiextract_version text not null,"
            " pipeline text not null, warnings text not null default '[]');"
            "create table facts (id integer primary key, document text not null, type text not null, value,"
            " text text not null, start integer not null, \"end\" integer not null, fact text not null);"
        )
    result = facts_cli(str(SEEDS / "000_a3353c067c880684.txt"), "--db", str(db))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from documents where error is null").fetchone() == (1,)


# -- one-line messages instead of tracebacks -------------------------------------------------------

@pytest.mark.parametrize(
    "target, message",
    [
        (lambda d: d / "no" / "such" / "out.jsonl", "does not exist"),
        (lambda d: d, "is a directory"),
    ],
)
def test_output_that_cannot_be_written_is_a_one_line_error(tmp_path, target, message):
    out = target(tmp_path)
    result = facts_cli(str(SEEDS), "-o", str(out))
    assert result.exit_code == 2 and message in result.stderr and str(out) in result.stderr
    assert "Traceback" not in result.output


def test_output_without_write_permission_is_a_one_line_error(tmp_path, monkeypatch):
    import os

    out = tmp_path / "facts.jsonl"
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(tmp_path) else real(p, mode))
    result = facts_cli(str(SEEDS), "-o", str(out))
    assert result.exit_code == 2 and "permission denied" in result.stderr and not out.exists()


@pytest.mark.parametrize(
    "lines, message",
    [
        (['{"label": "ORG", "pattern": "Zirkus ohne Grenzen"', ], "line 1: invalid JSON"),
        (['{"label": "ORG", "pattern": "A"}', '{"label": "FIRMA", "pattern": "Zirkus"}'], "line 2: unknown label 'FIRMA'"),
        (['["ORG", "Zirkus"]'], "line 1: expected an object"),
        (['{"label": "PER"}'], "line 1: expected an object"),
    ],
)
def test_bad_patterns_file_is_a_one_line_error(tmp_path, lines, message):
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = facts_cli(str(SEEDS), "--patterns", str(path))
    assert result.exit_code == 2 and message in result.stderr and "--patterns" in result.stderr
    assert "Traceback" not in result.output


# -- conventions -----------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["-h"], ["facts", "-h"], ["models", "-h"]])
def test_dash_h_is_help(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "Usage" in result.stdout


def test_every_option_of_facts_has_an_example():
    import click
    import typer.main

    command = typer.main.get_command(app).commands["facts"]
    missing = [p.name for p in command.params if isinstance(p, click.Option) and p.name not in ("debug", "help") and "Example" not in (p.help or "")]
    assert missing == []


@pytest.mark.parametrize(
    "name, check",
    [
        ("facts.csv", lambda s: s.startswith("source,type,value,text,start,end")),
        ("facts.json", lambda s: isinstance(json.loads(s), list)),
        ("facts.jsonl", lambda s: all(json.loads(x)["schema"] for x in s.splitlines())),
        ("FACTS.CSV", lambda s: s.startswith("source,type,value")),
    ],
)
def test_format_follows_the_output_extension(tmp_path, name, check):
    out = tmp_path / name
    assert facts_cli(str(SEEDS), "-o", str(out)).exit_code == 0
    assert check(out.read_text(encoding="utf-8"))


def test_format_flag_wins_over_the_extension(tmp_path):
    out = tmp_path / "facts.csv"
    facts_cli(str(SEEDS), "-o", str(out), "--format", "jsonl")
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["schema"] == "kiextract/5"


def test_several_globs_take_the_files_of_each(tmp_path):
    for name in ("a.md", "b.txt", "c.rst"):
        (tmp_path / name).write_text("Landrat Stephan Pusch kam.", encoding="utf-8")
    result = facts_cli(str(tmp_path), "--glob", "*.md", "--glob", "*.txt")
    assert sorted(json.loads(x)["source"].rsplit("/", 1)[-1] for x in result.stdout.splitlines()) == ["a.md", "b.txt"]


def test_quiet_prints_no_warnings_or_summary(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    loud = facts_cli(str(tmp_path), "--db", str(tmp_path / "f.sqlite"), "--force")
    quiet = facts_cli(str(tmp_path), "--db", str(tmp_path / "f.sqlite"), "--force", "-q")
    assert "warning" in loud.stderr and "stored" in loud.stderr
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_a_closed_pipe_ends_quietly():
    import subprocess
    import sys

    from conftest import ROOT

    cmd = f"{sys.executable} -m kiextract facts seeds/ seeds/ seeds/ --model blank -q | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"
    out = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout.strip() == "0" and out.stderr == ""


def test_the_readme_library_snippet_runs_as_written():
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Library use", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    exec(compile(code, "README.md", "exec"), {})


# -- the field names are defined once ------------------------------------------------------------

def test_schema_csv_and_store_take_their_fields_from_the_record_model():
    from kiextract.output import CSV_COLUMNS
    from kiextract.records import ALL_FIELDS, BASE_FIELDS, DOCUMENT_FIELDS, FACT_FIELDS, ROLE_FIELDS, SCALAR_FIELDS
    from kiextract.store import SCHEMA_SQL
    from kiextract.textutil import data_path

    schema = json.loads(data_path("schema.json").read_text(encoding="utf-8"))
    assert list(schema["properties"]) == list(DOCUMENT_FIELDS)
    for alt in schema["$defs"]["fact"]["oneOf"]:
        type_ = alt["properties"]["type"]["const"]
        assert list(alt["properties"]) == ["type", "value", *FACT_FIELDS[type_]]
        if type_ == "person":
            assert list(alt["properties"]["roles"]["items"]["properties"]) == list(ROLE_FIELDS)
    assert set(CSV_COLUMNS) == {"source", *BASE_FIELDS, *ALL_FIELDS}
    assert all(f"    {c} " in SCHEMA_SQL for c in SCALAR_FIELDS)


# -- hostile input: out-of-range values are no facts, never an exception ----------------------------

@pytest.mark.parametrize(
    "text, published",
    [
        ("Landrat Anna Meier (²) besuchte Köln.", None),
        ("Landrat Anna Meier (①) besuchte Köln.", None),
        ("Landrat Anna Meier (" + "1" * 5000 + ") besuchte Köln.", None),
        ("Die Stadt zahlte " + "9" * 310 + " Euro.", None),
        ("Es kamen " + "9" * 310 + " Besucher, " + "9" * 310 + " Prozent, " + "9" * 310 + " Jahre lang.", None),
        ("Vor " + "neunhundertneunundneunzigtausend" + " Tagen kam er.", "2018-04-05"),
        ("Vor 99999999999 Tagen und in 999999999 Jahren.", "2018-04-05"),
        ("Es waren " + "dreißig" * 40 + "x Menschen.", None),
    ],
    ids=["superscript", "circled-digit", "digit-run-in-brackets", "huge-money", "huge-counts", "huge-relative-date", "huge-digits-date", "number-word-run"],
)
def test_hostile_input_gives_a_record_and_no_error(nlp, text, published):
    outcome = next(process(nlp, [Input(text, published=published)]))
    assert not outcome.failed, outcome.message
    for f in outcome.record.facts:
        assert text[f.start:f.end] == f.text


def test_a_lone_surrogate_keeps_every_text_the_source_slice(nlp):
    text = "Siehe http://www.example.org/a\ud800b und Landrat Stephan Pusch\ud800 heute."
    record = extract(text, nlp=nlp)
    assert record.facts and all(text[f.start:f.end] == f.text for f in record.facts)


def test_a_file_name_that_is_not_utf8_is_named_with_a_replacement_character(tmp_path):
    import os

    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text("Landrat Stephan Pusch kam.", encoding="utf-8")
    db = tmp_path / "f.sqlite"
    result = facts_cli(str(tmp_path), "--db", str(db), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0, result.output
    line = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert "caf\ufffd.txt" in json.loads(line)["source"]


def test_a_fifo_is_skipped_with_a_message(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text("Landrat Stephan Pusch kam.", encoding="utf-8")
    result = facts_cli(str(tmp_path))
    assert result.exit_code == 1 and "pipe.txt: not a regular file" in result.stderr
    docs = {json.loads(x)["source"].rsplit("/", 1)[-1]: json.loads(x) for x in result.stdout.splitlines()}
    assert "not a regular file" in docs["pipe.txt"]["error"] and docs["good.txt"]["error"] is None  # the skipped input is a record too


def test_stdin_is_read_only_up_to_the_limit():
    result = facts_cli("-", "--max-chars", "100", input="a" * 10_000)
    assert result.exit_code == 1 and "too large" in result.stderr


# -- output safety ---------------------------------------------------------------------------------

def test_csv_cells_that_would_run_as_formulas_get_a_quote(tmp_path, monkeypatch):
    import csv

    monkeypatch.chdir(tmp_path)
    (tmp_path / "=HYPERLINK(1).txt").write_text("Rufen Sie +49 2241 133066 an oder schreiben Sie an @team.", encoding="utf-8")
    safe = facts_cli("=HYPERLINK(1).txt", "--format", "csv").stdout
    raw = facts_cli("=HYPERLINK(1).txt", "--format", "csv", "--csv-raw").stdout
    rows = list(csv.DictReader(safe.splitlines()))
    assert rows and all(r["source"] == "'=HYPERLINK(1).txt" for r in rows)
    phone = next(r for r in rows if r["type"] == "contact")
    assert phone["value"] == "'+492241133066" and phone["start"].isdigit()
    assert "+492241133066" in raw and "'+49" not in raw


def test_terminal_output_escapes_control_characters(tmp_path):
    (tmp_path / "a\x1b[31mrot.txt").write_text("Titel \x1b]0;pwned\x07 hier\n\nLandrat Stephan Pusch kam.", encoding="utf-8")
    result = facts_cli(str(tmp_path), "--format", "table")
    assert "\x1b]" not in result.stdout and "\x1b[31m" not in result.stdout
    assert "\\x1b" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_sigterm_leaves_valid_output(tmp_path, fmt):
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(400):
        (folder / f"a{i:03}.txt").write_text("Landrat Stephan Pusch kam am 5. April 2018 nach Heinsberg. " * 20, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    proc = subprocess.Popen([sys.executable, "-m", "kiextract", "facts", str(folder), "--model", "blank", "-o", str(out), "-q"], stderr=subprocess.PIPE)
    deadline = time.time() + 60
    # -o is written beside the file under a hidden name and renamed at the end
    while time.time() < deadline and sum(p.stat().st_size for p in tmp_path.glob(f".out.{fmt}.*.partial")) < 2000:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    text = out.read_text(encoding="utf-8")
    docs = json.loads(text) if fmt == "json" else [json.loads(x) for x in text.splitlines()]
    assert 0 < len(docs) < 400 and not list(tmp_path.glob(".*.partial"))


def test_a_huge_text_is_processed_in_parts_with_true_offsets(nlp, monkeypatch):
    import kiextract.pipeline as pipeline

    monkeypatch.setattr(pipeline, "PIECE_CHARS", 2_000)
    monkeypatch.setattr(pipeline, "HUGE_CHARS", 2_000)
    monkeypatch.setattr(pipeline, "PART_CHARS", 1_000)
    text = "Landrat Stephan Pusch (CDU) besuchte am 5. April 2018 Heinsberg mit 300 Gästen.\n" * 60
    record = next(process(nlp, [Input(text, source="big.txt")])).record
    assert record.error is None and record.chars == len(text)
    assert "parts" in record.warnings[-1]
    persons = [f for f in record.facts if f.type == "person"]
    assert max(f.start for f in persons) > 3_000  # facts of the later parts, moved to the whole
    for f in record.facts:
        assert text[f.start:f.end] == f.text
        for sub in [*(f.fields.get("roles") or []), *(f.fields.get("mentions") or []), f.fields.get("party_span")]:
            if sub:
                assert text[sub["start"]:sub["end"]] == sub["text"]


def test_a_symlink_to_dev_zero_is_not_read(tmp_path):
    import os

    os.symlink("/dev/zero", tmp_path / "endless.txt")
    (tmp_path / "good.txt").write_text("Landrat Stephan Pusch kam.", encoding="utf-8")
    result = facts_cli(str(tmp_path))
    assert result.exit_code == 1 and "endless.txt: not a regular file" in result.stderr
    docs = {json.loads(x)["source"].rsplit("/", 1)[-1]: json.loads(x) for x in result.stdout.splitlines()}
    assert "not a regular file" in docs["endless.txt"]["error"] and docs["good.txt"]["error"] is None  # the skipped input is a record too


def test_ctrl_c_while_the_pipeline_loads_leaves_no_output_file(tmp_path, monkeypatch):
    import kiextract.pipeline as pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "load_pipeline", interrupted)
    out = tmp_path / "facts.json"
    result = facts_cli(str(SEEDS), "-o", str(out))
    assert result.exit_code == 130 and not out.exists()
