"""A newcomer's first day: every failure one clear line, every format the same facts. One row a
surprise a walk through the README found."""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from kiextract.cli import app

runner = CliRunner()
TEXT = "Landrat Karl Brandt kam nach Köln."


def facts(*args, input=None):
    return runner.invoke(app, ["facts", "--model", "blank", *args], input=input)


@pytest.mark.parametrize("name", ["facts.xlsx", "facts.parquet", "facts.tsv", "facts.data"])
def test_an_output_name_kiextract_cannot_write_is_refused(tmp_path, name):
    out = tmp_path / name
    result = facts(str(SEEDS), "-o", str(out))
    assert result.exit_code == 2 and "cannot write" in result.stderr and "--format" in result.stderr and not out.exists()
    assert "Traceback" not in result.output


def test_the_summary_counts_documents_not_files(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join([json.dumps({"id": "a", "text": TEXT}), "{kaputt", json.dumps({"id": "b", "text": TEXT})]) + "\n", encoding="utf-8")
    result = facts(str(corpus), "--format", "jsonl")
    assert result.exit_code == 1 and "1 of 3 documents failed; the other 2 were processed" in result.stderr


@pytest.mark.parametrize(
    "data, sources",
    [
        ((json.dumps({"id": "a", "text": TEXT}) + "\n" + json.dumps({"id": "b", "text": TEXT}) + "\n").encode(), ["a", "b"]),
        (b"{Klammer} " + TEXT.encode(), ["<stdin>"]),
    ],
    ids=["json-lines", "text-with-a-brace"],
)
def test_json_lines_on_stdin_are_found_by_their_first_line(data, sources):
    result = facts("-", "--format", "jsonl", input=data)
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == sources


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_a_text_with_a_wide_unicode_bom_is_read(tmp_path, codec):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(codec))
    result = facts(str(path), "--format", "jsonl")
    assert result.exit_code == 0
    assert [f["value"] for f in json.loads(result.stdout)["facts"]] == ["Karl Brandt", "Köln"]


def test_object_storage_without_its_package_is_one_line():
    pytest.importorskip("fsspec")
    try:
        import s3fs  # noqa: F401

        pytest.skip("s3fs is installed here")
    except ImportError:
        pass
    result = facts("s3://bucket/news/a.txt", "--format", "jsonl")
    assert result.exit_code == 1 and "s3fs" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(
    "args, types",
    [(["-t", "persons"], {"person"}), (["-t", "person,location"], {"person", "location"}), (["-t", "Locations", "-t", "person"], {"person", "location"})],
    ids=["plural", "comma-list", "case-and-repeat"],
)
def test_type_takes_plurals_and_comma_lists(tmp_path, args, types):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = facts(str(path), "--format", "jsonl", *args)
    assert {f["type"] for f in json.loads(result.stdout)["facts"]} == types


def test_an_unknown_type_is_one_line():
    result = facts(str(SEEDS), "-t", "people")
    assert result.exit_code == 2 and "--type people" in result.stderr and "person" in result.stderr
    assert "Traceback" not in result.output and "Usage" not in result.output


@pytest.mark.parametrize(
    "args, message",
    [(["--min", "micro=80"], "between 0 and 1"), ([], "no record belongs to a gold file")],
    ids=["floor-in-percent", "no-matching-gold"],
)
def test_eval_usage_errors_are_one_line(tmp_path, args, message):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "anders.json").write_text('{"persons": []}', encoding="utf-8")
    records = tmp_path / "facts.jsonl"
    records.write_text(json.dumps({"source": "a.txt", "facts": []}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(records), str(tmp_path / "gold"), *args])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("command", [["facts", "--format", "table"], ["show"], ["facts", "--format", "jsonl"]], ids=["table", "show", "json-lines"])
def test_a_closed_pipe_ends_quietly_with_0_everywhere(command):
    proc = subprocess.run(
        f"{sys.executable} -m kiextract {' '.join(command)} --model blank {SEEDS} | head -c 10 > /dev/null; exit ${{PIPESTATUS[0]}}",
        shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr


def test_show_says_unresolved_in_the_language_of_its_view(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Titel\n\nAm Montag kamen mehr als 300 Gäste nach Köln.", encoding="utf-8")
    result = runner.invoke(app, ["show", "--model", "blank", str(path)])
    assert "unresolved (day)" in result.stdout and "more than" in result.stdout and "None" not in result.stdout
    page = tmp_path / "a.html"
    runner.invoke(app, ["show", "--model", "blank", str(path), "--html", str(page)])
    html = page.read_text(encoding="utf-8")
    assert "nicht aufgelöst (Tag)" in html and "mehr als" in html and "more_than" not in html


@pytest.mark.parametrize(
    "script, message",
    [("benchmarks/bench.py", "no such archive"), ("scripts/build_data.py", "not the folder of gazetteers")],
    ids=["bench", "build-data"],
)
def test_the_scripts_say_in_one_line_what_they_need(tmp_path, script, message):
    root = SEEDS.parent
    proc = subprocess.run([sys.executable, str(root / script), str(tmp_path / "fehlt")], capture_output=True, text=True, timeout=120)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode != 0 and message in lines[-1] and "Traceback" not in proc.stderr
