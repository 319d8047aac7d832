"""Hostile inputs and faults, round two: no single input stops a batch, no input stalls, every
write failure is one line. Each row is one attack; the property test at the end draws hostile
pages and JSON Lines records through every road."""
import csv
import errno
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import SEEDS
from kiextract.cli import app
from kiextract.web import decode_html, page_from_html

runner = CliRunner()
GOOD = "Landrat Anna Meier zahlte 300 Euro für die Brücke in Köln."


def cli(*args, input=None):
    return runner.invoke(app, [*args[:1], "--model", "blank", *args[1:]], input=input)


def page(charset: str, body: str = GOOD) -> bytes:
    return f'<html><head><meta charset="{charset}"></head><body><article><p>{body}</p></article></body></html>'.encode("utf-8")


def corpus(tmp_path):
    """A folder with a good text, a page that names a codec that is no text encoding, and a JSON
    Lines corpus with a good record, an invalid byte, a record nested 100,000 deep and a good one."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Bürgermeister Karl Brandt kam nach Köln.", encoding="utf-8")
    (folder / "x.html").write_bytes(page("rot13"))
    lines = [
        json.dumps({"id": "k1", "text": "Landrätin Lea Hahn lebt in Köln."}, ensure_ascii=False).encode(),
        b'{"id": "bad", "text": "M\xfcnchen"}',
        b"[" * 100_000 + b"]" * 100_000,
        json.dumps({"id": "k2", "text": "Die Stadt Köln\u2028zahlt 5 Euro."}, ensure_ascii=False).encode(),
    ]
    (folder / "c.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    return folder


# -- one input never stops everything ------------------------------------------------------------

@pytest.mark.parametrize("charset", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "undefined", "utf-7", "unicode_escape", "no-such-codec"])
def test_a_page_naming_a_codec_that_is_no_text_encoding_is_read_as_utf8(charset):
    text, warnings = decode_html(page(charset), "x.html")
    assert GOOD in text and charset in warnings[0]


@pytest.mark.parametrize("charset", ["utf-16", "utf-32le"])
def test_a_wide_unicode_charset_in_ascii_markup_is_utf8_as_browsers_read_it(charset):
    assert decode_html(page(charset), "x.html") == (page(charset).decode("utf-8"), [])


@pytest.mark.parametrize(
    "road",
    [[], ["--jobs", "2"], ["--db", "{tmp}/x.sqlite"], ["--format", "parquet", "-o", "{tmp}/pq"], ["--format", "parquet", "--jobs", "2", "-o", "{tmp}/pq"]],
    ids=["plain", "jobs", "db", "parquet", "parquet-jobs"],
)
def test_every_road_keeps_every_good_document_beside_hostile_ones(tmp_path, road):
    folder = corpus(tmp_path)
    args = [a.replace("{tmp}", str(tmp_path)) for a in road]
    if "--format" not in args:
        args += ["--format", "jsonl"]
    result = cli("facts", str(folder), "--glob", "*", *args)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "line 2: not UTF-8" in result.stderr and "line 3: invalid JSON (nested" in result.stderr
    if "parquet" in args:
        import pyarrow.parquet as pq

        docs = pq.read_table(tmp_path / "pq" / "documents").to_pylist()
        good = {d["source"] for d in docs if not d["error"]}
    elif "--db" in args:
        import sqlite3

        good = {s for (s,) in sqlite3.connect(tmp_path / "x.sqlite").execute("SELECT source FROM documents WHERE error IS NULL")}
    else:
        good = {json.loads(line)["source"] for line in result.stdout.splitlines()}
    assert {f"{folder}/a.txt", f"{folder}/x.html", "k1", "k2"} <= good


def test_show_keeps_every_good_document_beside_hostile_ones(tmp_path):
    folder = corpus(tmp_path)
    result = cli("show", str(folder), "--glob", "*", "--html", str(tmp_path / "pages"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert {"a.html", "x.html", "k1.html", "k2.html", "index.html"} <= {p.name for p in (tmp_path / "pages").iterdir()}


def test_a_record_of_json_lines_is_decoded_alone(tmp_path):
    folder = corpus(tmp_path)
    result = cli("facts", str(folder / "c.jsonl"), "--format", "jsonl")
    records = {r["source"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert [f["value"] for f in records["k1"]["facts"] if f["type"] == "location"] == ["Köln"]
    assert "Köln\u2028zahlt" in json.dumps(records["k2"], ensure_ascii=False) or records["k2"]["chars"] == len("Die Stadt Köln\u2028zahlt 5 Euro.")


def test_a_json_lines_corpus_larger_than_one_document_may_be_is_read(tmp_path):
    path = tmp_path / "wide.jsonl"
    path.write_text("".join(json.dumps({"id": f"r{i}", "text": f"Landrat Karl Brandt kam {i} Mal nach Köln."}) + "\n" for i in range(300)), encoding="utf-8")
    assert path.stat().st_size > 1000 * 4
    result = cli("facts", str(path), "--max-chars", "1000", "--format", "jsonl")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 300


# -- inputs that stall -----------------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["i", "b", "span", "a"])
def test_a_paragraph_of_thousands_of_inline_tags_loses_its_markup_not_its_text(tag):
    html = f"<html><body><article><p>{GOOD} " + f"<{tag}>x</{tag}> " * 3000 + "</p></article></body></html>"
    found, warnings = page_from_html(html.encode("utf-8"), "wide.html")
    assert GOOD in found.text and any("inline markup was dropped" in w for w in warnings)


def test_an_ordinary_page_goes_to_the_extractor_as_it_is():
    html = "<html><body><article>" + f"<p><b>{GOOD}</b> <i>Mehr</i> dazu.</p>" * 50 + "</article></body></html>"
    _, warnings = page_from_html(html.encode("utf-8"), "ok.html")
    assert warnings == []


@pytest.mark.parametrize("run", [".,", "€(", '"(!)', "-=", "!?"])
def test_runs_of_mixed_punctuation_are_cut_before_the_tokenizer(nlp, run):
    from kiextract.pipeline import PUNCT_RUN, tokenize

    text = "Landrat Karl Brandt " + run * 2000 + " kam."
    doc = tokenize(nlp, text)
    assert doc.text == text and max(len(t.text) for t in doc) <= PUNCT_RUN


@pytest.mark.parametrize(
    "token, message",
    [
        ({"TEXT": {"REGEX": "^(a+)+$"}}, "a repetition inside a repetition"),
        ({"LOWER": {"REGEX": "(x|y)*z{5000}"}}, "more than 1000 times"),
        ({"TEXT": "a", "OP": "{10000000}"}, "more than 20 times"),
        ({"TEXT": "a", "OP": "{1,1000000000}"}, "more than 20 times"),
        ({"TEXT": {"REGEX": "x" * 1001}}, "longer than 1000 characters"),
    ],
    ids=["nested-quantifier", "huge-regex-count", "huge-op-count", "huge-op-range", "long-regex"],
)
def test_patterns_that_cannot_be_matched_in_bounded_time_are_refused(tmp_path, token, message):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"label": "ORG", "pattern": [token]}) + "\n", encoding="utf-8")
    result = cli("facts", str(SEEDS), "--patterns", str(path))
    assert result.exit_code == 2 and message in result.stderr and "line 1" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("regex", ["^[A-Z][a-z]+(?:-[A-Z][a-z]+)*$", r"^(\d+,)*\d+$", "^(Bau|Wohn)+verein$"])
def test_patterns_with_separated_repetitions_are_taken(tmp_path, regex):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"label": "ORG", "pattern": [{"TEXT": {"REGEX": regex}}, {"TEXT": "GmbH"}]}) + "\n", encoding="utf-8")
    assert cli("facts", str(SEEDS), "--patterns", str(path), "--format", "jsonl").exit_code == 0


def test_jobs_are_capped_at_the_tasks_and_the_cores():
    from kiextract.engine import workers

    assert workers(100_000, 3) <= min(3, os.cpu_count() or 1) and workers(100_000, 10_000) <= (os.cpu_count() or 1)


# -- data never silently wrong -----------------------------------------------------------------------

def test_a_carriage_return_in_an_id_is_quoted_in_csv(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a\r@SUM(1+1)", "text": "Landrat Karl Brandt kam nach Köln."}) + "\n", encoding="utf-8")
    result = cli("facts", str(path), "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == 3 and {r[0] for r in rows[1:]} == {"a\r@SUM(1+1)"}


@pytest.mark.parametrize(
    "text",
    ["Vor neunhundertneunundneunzigtausend Jahren lebten hier Menschen.", "In 99999 Jahren ist es so weit."],
    ids=["before-the-year-1", "after-the-year-9999"],
)
def test_a_date_outside_the_years_1_to_9999_is_no_date(nlp, text):
    from kiextract.pipeline import extract

    record = extract(text, published="2026-01-01", nlp=nlp)
    assert all(f.value is None or (len(f.value) >= 4 and "0001" <= f.value[:4] <= "9999" and not f.value[4:5].isdigit()) for f in record.facts if f.type == "date")


def test_show_prints_an_articles_escape_sequences_escaped(tmp_path):
    path = tmp_path / "a\x1b]0;t\x07.txt"
    path.write_text("Titel \x1b]0;pwned\x07\n\nLandrat Karl Brandt \x1b[2J kam \u202e nach Köln.", encoding="utf-8")
    result = cli("show", str(path))
    assert "\x1b]" not in result.stdout and "\x1b[2J" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b" in result.stdout and "Karl Brandt" in result.stdout


# -- write failures are one line; files are whole or untouched -----------------------------------------

class FullDisk(io.TextIOWrapper):
    """A file whose writes fail after a few bytes, as on a full disk."""

    def write(self, text):
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("name", ["out.json", "out.jsonl", "out.csv"])
def test_a_full_disk_under_o_is_one_line_and_leaves_the_file_as_it_was(tmp_path, monkeypatch, name):
    import kiextract.cli.common as common

    out = tmp_path / name
    out.write_text("vorher", encoding="utf-8")
    real = os.fdopen
    monkeypatch.setattr(common.os, "fdopen", lambda fd, *a, **k: FullDisk(real(fd, "wb")))
    result = cli("facts", str(SEEDS), "-o", str(out))
    assert result.exit_code == 2 and "disk full" in result.stderr and str(out) in result.stderr
    assert "Traceback" not in result.output and out.read_text(encoding="utf-8") == "vorher"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_full_disk_under_show_html_is_one_line(tmp_path, monkeypatch):
    import kiextract.cli.common as common

    real = os.fdopen
    monkeypatch.setattr(common.os, "fdopen", lambda fd, *a, **k: FullDisk(real(fd, "wb")))
    result = cli("show", str(SEEDS), "--html", str(tmp_path / "pages"))
    assert result.exit_code == 2 and "disk full" in result.stderr and "--html" in result.stderr
    assert "Traceback" not in result.output


def test_a_full_disk_under_parquet_is_one_line_and_leaves_no_part_behind(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq, "write_table", full)
    result = cli("facts", str(SEEDS), "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert result.exit_code == 2 and "disk full" in result.stderr and "Traceback" not in result.output
    assert not [p for p in (tmp_path / "pq").rglob("*") if p.is_file()]


def test_a_full_standard_output_is_one_line():
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "kiextract", "facts", str(SEEDS), "--model", "blank", "--format", "json"],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 2 and "disk full" in proc.stderr and "Traceback" not in proc.stderr


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return out


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for its parent to read its status."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _parquet_run_with_workers(tmp_path, n: int = 600, **popen):
    """A `--format parquet --jobs 2` run over `n` articles, once its two workers have started."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04}.txt").write_text(GOOD * 30, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kiextract", "facts", str(folder), "--model", "blank", "--format", "parquet",
                             "--jobs", "2", "-o", str(tmp_path / "pq")], **popen)
    deadline = time.time() + 60
    while time.time() < deadline and len(_children(proc.pid)) < 2:
        time.sleep(0.05)
    return proc


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the workers end with their parent through Linux's PR_SET_PDEATHSIG")
def test_workers_end_when_their_parent_is_killed(tmp_path):
    proc = _parquet_run_with_workers(tmp_path, stderr=subprocess.DEVNULL)
    workers = _children(proc.pid)
    assert workers, "the pool never started"
    proc.kill()
    proc.wait()
    deadline = time.time() + 30
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]


def test_sigterm_of_a_parquet_run_with_jobs_exits_143(tmp_path):
    proc = _parquet_run_with_workers(tmp_path, stderr=subprocess.PIPE, text=True)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and "Traceback" not in err


# -- eval -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "content, message",
    [
        (b"{bad", "invalid JSON"),
        (b"", "invalid JSON"),
        (b"[1]", "a JSON list"),
        (b"null", "a JSON null"),
        (b'{"persons": [{"roles": ["Landrat"]}]}', 'no "name"'),
        (b'{"persons": "Anna Meier"}', '"persons" is not a list'),
        (b'{"persons": [{"name": "Anna Meier", "roles": "Landrat"}]}', '"roles" is not a list'),
        (b'{"locations": [1]}', '"locations" item 1 is not a string'),
        (b"\xff\xfe{}", "not UTF-8"),
    ],
    ids=["bad-json", "empty", "list", "null", "missing-name", "wrong-list", "wrong-roles", "wrong-item", "not-utf8"],
)
def test_malformed_gold_is_one_line_naming_the_file(tmp_path, content, message):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_bytes(content)
    records = tmp_path / "facts.jsonl"
    records.write_text(json.dumps({"source": "a.txt", "facts": []}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(records), str(tmp_path / "gold")])
    assert result.exit_code == 2 and message in result.stderr and "a.json" in result.stderr
    assert "Traceback" not in result.output


# -- the property: hostile shapes through every road ----------------------------------------------------

hostile_pages = st.one_of(
    st.builds(page, st.sampled_from(["rot13", "base64", "undefined", "utf-16", "x" * 40, ""])),
    st.integers(1, 3000).map(lambda n: f"<html><body><p>{GOOD} " .encode() + b"<i>x</i>" * n + b"</p></body></html>"),
    st.integers(1, 5000).map(lambda n: b"<html><body>" + b"<div>" * n + GOOD.encode() + b"</body></html>"),
    st.binary(max_size=300).map(lambda b: b"<html><body><p>" + b + b"</p></body></html>"),
)
hostile_lines = st.one_of(
    st.integers(1, 200_000).map(lambda n: b"[" * n + b"]" * n),
    st.binary(max_size=200).filter(lambda b: b"\n" not in b),
    st.text(max_size=200).map(lambda t: json.dumps({"text": t}).encode()),
    st.text(max_size=50).map(lambda t: json.dumps({"id": t, "html": t}).encode()),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(pages=st.lists(hostile_pages, max_size=3), lines=st.lists(hostile_lines, max_size=4), road=st.sampled_from([[], ["--jobs", "2"]]))
def test_hostile_pages_and_records_never_cost_the_good_documents(tmp_path_factory, pages, lines, road):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for k, data in enumerate(pages):
        (folder / f"p{k}.html").write_bytes(data)
    good_line = json.dumps({"id": "gut", "text": GOOD}).encode()
    (folder / "c.jsonl").write_bytes(b"\n".join([*lines, good_line]) + b"\n")
    started = time.perf_counter()
    result = cli("facts", str(folder), "--glob", "*", "--format", "jsonl", *road)
    assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
    sources = {json.loads(line)["source"] for line in result.stdout.splitlines()}
    assert {f"{folder}/good.txt", "gut"} <= sources
    assert time.perf_counter() - started < 120  # a bound on the run, not a timing of it


def test_a_full_disk_under_db_says_disk_full(tmp_path, monkeypatch):
    import kiextract.store as store

    real = store.open_store

    def small(path):
        conn = real(path)
        pages = conn.execute("pragma page_count").fetchone()[0]
        conn.execute(f"pragma max_page_count = {pages + 1}")  # full after a page more
        return conn

    monkeypatch.setattr(store, "open_store", small)
    result = cli("facts", str(SEEDS), "--db", str(tmp_path / "x.sqlite"))
    assert result.exit_code == 2 and "disk full" in result.stderr and "rollback" not in result.stderr
    assert "Traceback" not in result.output


def test_ctrl_c_of_a_dask_run_is_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2000):
        (folder / f"a{i:04}.txt").write_text(GOOD * 30, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kiextract", "facts", str(folder), "--model", "blank", "--dask", "local:1",
                             "--format", "jsonl"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 90
    while time.time() < deadline and not _children(proc.pid):
        time.sleep(0.1)
    time.sleep(3)  # the cluster is up and working
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "Traceback" not in err and "Exception ignored" not in err, err
    assert [line for line in err.splitlines() if line.strip()][-1].startswith("interrupted after")
