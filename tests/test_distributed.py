"""kiextract on Dask: a local cluster of two worker processes (scheduler in this process) gives the
same records as `--jobs 1`, turns bad documents into records with their error, and writes Parquet
that pyarrow reads with the documented schema."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")
pyarrow = pytest.importorskip("pyarrow")

from kiextract.engine import run  # noqa: E402
from kiextract.cli import app  # noqa: E402
from kiextract.distributed import extract_corpus, list_inputs, run_part  # noqa: E402
from kiextract.engine import Options  # noqa: E402
from kiextract.inputs import discover  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()

DOCUMENT_COLUMNS = [
    ("schema", "string"), ("source", "string"), ("sha256", "string"), ("title", "string"), ("author", "string"),
    ("site", "string"), ("url", "string"), ("published", "string"), ("published_from", "string"), ("locale", "string"), ("chars", "int64"),
    ("error", "string"), ("facts", "int64"), ("warnings", "list<element: string>"), ("text", "string"),
]


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def _jobs1(folder: Path) -> list[dict]:
    return [o.record.to_dict() for o in run(list(discover([str(folder)], glob=("*.txt", "*.html", "*.htm"))), Options(model="blank"))]


def test_same_records_as_jobs_1_on_the_seeds(client):
    records = client.compute(extract_corpus([str(SEEDS)], model="blank", partition_size=2)).result()
    assert records == _jobs1(SEEDS)


def test_same_records_as_jobs_1_on_200_news_articles(client, tmp_path, gnad_texts):
    folder = tmp_path / "news"
    folder.mkdir()
    for n, text in enumerate(gnad_texts[:200]):
        (folder / f"{n:04d}.txt").write_text(text, encoding="utf-8")
    records = client.compute(extract_corpus([str(folder)], model="blank", partition_size=25)).result()
    assert len(records) == 200
    assert records == _jobs1(folder)


def test_a_bad_document_is_a_record_with_its_error_not_a_failed_task(client, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("Landrätin Eva Roth (SPD) eröffnete am 3. Mai 2019 die Brücke.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"%PDF-1.4 binary")
    (folder / "c.html").write_text("<!DOCTYPE html><html><body><nav>Start</nav></body></html>", encoding="utf-8")
    (folder / "d.txt").write_text("Der Kreis zahlt 500 Euro für die Kita.", encoding="utf-8")
    records = client.compute(extract_corpus([str(folder)], model="blank", partition_size=4)).result()
    by_name = {Path(r["source"]).name: r for r in records}
    assert list(by_name) == ["a.txt", "b.txt", "c.html", "d.txt"]
    assert by_name["a.txt"]["error"] is None and by_name["d.txt"]["error"] is None
    assert "a PDF document" in by_name["b.txt"]["error"] and "no main text" in by_name["c.html"]["error"]
    assert [f["value"] for f in by_name["d.txt"]["facts"] if f["type"] == "money"] == [500]


def test_parquet_on_the_cluster_equals_jobs_1_and_has_the_documented_schema(client, tmp_path):
    import pyarrow.dataset as ds

    out = tmp_path / "pq"
    address = client.scheduler.address
    result = runner.invoke(app, ["facts", str(SEEDS), "--dask", address, "--format", "parquet", "-o", str(out), "--model", "blank", "--partition-size", "2", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "documents").iterdir()) == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    docs = ds.dataset(out / "documents").to_table()
    assert [(f.name, str(f.type)) for f in docs.schema] == DOCUMENT_COLUMNS
    facts = ds.dataset(out / "facts").to_table().to_pylist()
    expected = _jobs1(SEEDS)
    assert docs.column("source").to_pylist() == [r["source"] for r in expected]
    assert [json.loads(f["fact"]) for f in facts] == [f for r in expected for f in r["facts"]]
    assert all(f["document"] == next(r["sha256"] for r in expected if r["source"] == f["source"]) for f in facts)


def test_a_retried_part_replaces_itself(tmp_path):
    options = Options(model="blank")
    sources = list_inputs([str(p) for p in sorted(SEEDS.glob("*.txt"))[:2]])
    first = run_part(0, sources, options, str(tmp_path), "parquet")
    again = run_part(0, sources, options, str(tmp_path), "parquet")
    assert (first.documents, first.facts) == (again.documents, again.facts)
    assert sorted(os.listdir(tmp_path / "documents")) == ["part-00000.parquet"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--dask", "nirgendwo"], "--dask nirgendwo"),
        (["--format", "parquet"], "needs --output"),
        (["--dask", "local:2", "--format", "csv", "-o", "x"], "--format csv"),
        (["--dask", "local:2", "-o", "facts.jsonl"], "a folder of parts"),
    ],
    ids=["bad-address", "parquet-without-output", "csv-on-a-cluster", "file-name-for-parts"],
)
def test_cluster_options_are_checked_with_one_line(args, message):
    result = runner.invoke(app, ["facts", str(SEEDS), "--model", "blank", *args])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_parquet_without_a_cluster_equals_jobs_1(tmp_path, jobs):
    import pyarrow.dataset as ds

    out = tmp_path / "pq"
    result = runner.invoke(app, ["facts", str(SEEDS), "--format", "parquet", "-o", str(out), "--model", "blank", "--jobs", jobs, "--partition-size", "2", "-q"])
    assert result.exit_code == 0, result.output
    expected = _jobs1(SEEDS)
    facts = ds.dataset(out / "facts").to_table().to_pylist()
    assert [json.loads(f["fact"]) for f in facts] == [f for r in expected for f in r["facts"]]


def test_parquet_amounts_sort_by_value_number_and_bad_inputs_are_rows(tmp_path):
    import pyarrow.dataset as ds

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Der Bund gibt 9 Milliarden Euro, das Land 9,8 Millionen Euro.", encoding="utf-8")
    (news / "b.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "pq"
    result = runner.invoke(app, ["facts", str(news), "--format", "parquet", "-o", str(out), "--model", "blank", "-q"])
    assert result.exit_code == 1 and "b.txt" in result.output
    money = ds.dataset(out / "facts").to_table().to_pylist()
    ranked = sorted((f for f in money if f["type"] == "money"), key=lambda f: f["value_number"], reverse=True)
    assert [f["value_number"] for f in ranked] == [9e9, 9.8e6]  # as text, "9800000.0" > "9000000000.0"
    docs = {d["source"].rsplit("/", 1)[-1]: d for d in ds.dataset(out / "documents").to_table().to_pylist()}
    assert docs["b.txt"]["error"] and docs["b.txt"]["sha256"] is None and docs["a.txt"]["error"] is None
