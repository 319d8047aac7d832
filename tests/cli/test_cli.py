import json
import os

import pytest
from typer.testing import CliRunner

from conftest import interrupt_after
from kiextract.cli import app

runner = CliRunner()
SEED = "seeds/000_a3353c067c880684.txt"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(ROOT)


def run(*args, input=None):
    return runner.invoke(app, ["facts", "--model", "blank", *args], input=input)


def test_cli_jsonl_one_document_per_line():
    result = run("seeds/")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 5
    docs = [json.loads(line) for line in lines]
    assert [d["source"] for d in docs] == sorted(d["source"] for d in docs)
    assert all(d["schema"] == "kiextract/5" for d in docs)


def test_cli_json_is_one_array():
    result = run(SEED, "--format", "json")
    assert result.exit_code == 0
    docs = json.loads(result.stdout)
    assert isinstance(docs, list) and len(docs) == 1


def test_cli_csv_one_row_per_fact():
    result = run(SEED, "--format", "csv", "--type", "contact")
    rows = result.stdout.strip().splitlines()
    assert rows[0].startswith("source,type,value,text,start,end")
    assert len(rows) == 3 and "+492241133066" in rows[1]


def test_cli_table_shows_facts():
    result = run(SEED, "--format", "table")
    assert result.exit_code == 0
    assert "Serap Güler" in result.stdout and "+492241133066" in result.stdout


def test_cli_type_filter():
    docs = [json.loads(x) for x in run("seeds/", "--type", "person").stdout.splitlines()]
    assert {f["type"] for d in docs for f in d["facts"]} == {"person"}


def test_cli_stdin_and_published_override():
    result = run("-", "--published", "2018-04-05", input="Die Staatssekretärin kam am Mittwoch.")
    doc = json.loads(result.stdout)
    assert doc["source"] == "<stdin>" and doc["published"] == "2018-04-05"
    assert [f["value"] for f in doc["facts"] if f["type"] == "date"] == ["2018-04-04"]


def test_cli_output_file(tmp_path):
    out = tmp_path / "facts.jsonl"
    result = run(SEED, "--output", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["source"] == SEED


def test_cli_glob_chooses_files(tmp_path):
    (tmp_path / "a.md").write_text("Landrat Stephan Pusch kam.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("nichts", encoding="utf-8")
    docs = [json.loads(x) for x in run(str(tmp_path), "--glob", "*.md").stdout.splitlines()]
    assert [os.path.basename(d["source"]) for d in docs] == ["a.md"]


def test_cli_version_and_help():
    assert runner.invoke(app, ["--version"]).stdout.startswith("kiextract ")
    assert "facts" in runner.invoke(app, ["--help"]).stdout


def test_cli_help_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys; from kiextract.cli import app; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_cli_unknown_model_is_a_usage_error():
    result = runner.invoke(app, ["facts", SEED, "--model", "de_no_such_model"])
    assert result.exit_code == 2
    assert "de_no_such_model" in result.stderr and "--model auto" in result.stderr and "--model kiextract" in result.stderr


def test_cli_bad_published_is_a_usage_error():
    result = run(SEED, "--published", "gestern irgendwann")
    assert result.exit_code == 2


# -- bad input: one clear message naming the file, everything else still processed -------------

def _bad_inputs(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Landrat Stephan Pusch (CDU) besuchte am 5. April 2018 Heinsberg.", encoding="utf-8")
    return good


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "empty_dir").mkdir() or d / "empty_dir", "no files matching"),
        (lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02PNG\x00") and d / "bin.txt", "binary"),
        (lambda d: (d / "big.txt").write_text("a" * 2000, encoding="utf-8") and d / "big.txt", "too large"),
        (lambda d: os.symlink(d / "loop_b.txt", d / "loop_a.txt") or os.symlink(d / "loop_a.txt", d / "loop_b.txt") or d / "loop_a.txt", "symbolic link loop"),
    ],
    ids=["missing", "empty-directory", "binary", "too-large", "symlink-loop-file"],
)
def test_cli_bad_input_named_and_others_processed(tmp_path, make, message):
    good = _bad_inputs(tmp_path)
    bad = make(tmp_path)
    result = runner.invoke(app, ["facts", "--model", "blank", "--max-chars", "1000", str(bad), str(good)])
    assert result.exit_code == 1
    assert str(bad) in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    docs = [json.loads(x) for x in result.stdout.splitlines()]
    # the bad input is a record too: its source and error, no text, no facts
    assert [d["source"] for d in docs] == [str(bad), str(good)]
    assert message in docs[0]["error"] and docs[0]["sha256"] is None and docs[0]["facts"] == []
    assert docs[1]["error"] is None and any(f["value"] == "Stephan Pusch" for f in docs[1]["facts"])


def test_cli_symlink_loop_directory_is_reported_once(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Landrat Stephan Pusch kam.", encoding="utf-8")
    os.symlink(folder, folder / "again")
    result = run(str(folder))
    assert result.exit_code == 1 and "loop" in result.stderr
    docs = [json.loads(x) for x in result.stdout.splitlines()]
    assert [d["error"] is None for d in docs] == [True, False] and "loop" in docs[1]["error"]


def test_cli_unreadable_file(tmp_path, monkeypatch):
    good = _bad_inputs(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text("x", encoding="utf-8")
    from pathlib import Path

    real = Path.open

    def deny(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    result = run(str(locked), str(good))
    assert result.exit_code == 1 and "locked.txt: permission denied" in result.stderr
    docs = [json.loads(x) for x in result.stdout.splitlines()]
    assert [d["source"].endswith("locked.txt") for d in docs] == [True, False] and "permission denied" in docs[0]["error"]


def test_cli_cp1252_file_is_read_with_a_warning(tmp_path):
    f = tmp_path / "alt.txt"
    f.write_bytes("Landrat Stephan Pusch sprach über Flüchtlinge.".encode("cp1252"))
    result = run(str(f))
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert "Flüchtlinge" in doc["facts"][0]["text"] or any("cp1252" in w for w in doc["warnings"])
    assert any("cp1252" in w for w in doc["warnings"]) and "cp1252" in result.stderr


def test_cli_utf8_bom_is_dropped(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + "Landrat Stephan Pusch kam.".encode("utf-8"))
    doc = json.loads(run(str(f)).stdout)
    assert doc["warnings"] == [] and doc["facts"][0]["start"] == 8


def test_cli_empty_file_gives_an_empty_record_and_a_warning(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    result = run(str(f))
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["facts"] == [] and doc["chars"] == 0 and "empty" in result.stderr


def test_cli_interrupt_keeps_whole_lines(monkeypatch):
    interrupt_after(monkeypatch, 2)
    result = run("seeds/")
    assert result.exit_code == 130
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(x)["schema"] == "kiextract/5" for x in lines)


def test_cli_interrupt_closes_the_json_array(monkeypatch):
    interrupt_after(monkeypatch, 1)
    result = run("seeds/", "--format", "json")
    assert result.exit_code == 130 and len(json.loads(result.stdout)) == 1


def test_python_dash_m_runs_the_cli():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "kiextract", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("kiextract ")


def test_cli_50_mb_file_is_refused_by_name_and_the_rest_processed(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, refused by its size before it is read
    good = _bad_inputs(tmp_path)
    result = run(str(big), str(good))
    assert result.exit_code == 1
    assert f"{big}: too large" in result.stderr and "--max-chars" in result.stderr
    docs = [json.loads(x) for x in result.stdout.splitlines()]
    assert [d["facts"] == [] for d in docs] == [True, False] and "too large" in docs[0]["error"]


# -- kiextract eval ---------------------------------------------------------------------------------

def _gold(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({
        "published": None,
        "persons": [{"name": "Stephan Pusch", "roles": ["Landrat"], "party": "CDU"}],
        "organizations": ["CDU"], "locations": ["Heinsberg"],
        "dates": [{"text": "am 5. April 2018", "value": "2018-04-05"}],
    }), encoding="utf-8")
    (tmp_path / "a.txt").write_text("Landrat Stephan Pusch (CDU) besuchte am 5. April 2018 Heinsberg.", encoding="utf-8")
    return gold


def test_eval_runs_articles_and_prints_scores(tmp_path):
    gold = _gold(tmp_path)
    result = runner.invoke(app, ["eval", str(tmp_path / "a.txt"), str(gold), "--model", "blank"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["category", "P", "R", "F1", "tp", "pred", "gold"]
    assert "persons" in result.stdout and lines[-1].startswith("micro F1 1.000")


def test_eval_of_records_as_json_with_a_failed_floor(tmp_path):
    gold = _gold(tmp_path)
    records = tmp_path / "out.jsonl"
    records.write_text(json.dumps({"source": "a.txt", "published": None, "facts": []}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(records), str(gold), "--format", "json", "--min", "persons=0.5", "-v"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["categories"]["persons"]["recall"] == 0.0 and "a" in report["articles"]
    assert "below the floor: persons 0.000 < 0.500" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["eval", "nothing.jsonl", "seeds/"], "no such file"),
        (["eval", "README.md", "nowhere"], "not a folder of gold files"),
        (["eval", "seeds/", "seeds/", "--min", "rolls=1"], "category"),
    ],
)
def test_eval_usage_errors_are_one_line(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output
