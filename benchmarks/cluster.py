"""The cost of the Dask engine and of Parquet output, in one run so that ratios compare like with like.

    python benchmarks/cluster.py ARCHIVE [--rounds 2] [--model auto] [--copies 10]

ARCHIVE is a tar.xz of articles (10kGNAD). --copies N writes each article N times (as N files):
the cluster's fixed cost (spawning workers that import spaCy and load the pipeline) is paid once
per run, so a corpus of the size a cluster is for (10 x 1,028 = the 10,280 articles of the whole
10kGNAD) shows the engine's overhead per document rather than its start-up. Each round runs, each in a fresh process and in turns:
`kiextract facts DIR --jobs 2 -o out.jsonl` and `kiextract facts DIR --dask local:2 -o parts/`
(the same two worker processes' worth of cores; the cluster's start-up and the workers' pipeline
loads are inside the time, as a user sees them). Then the Parquet writer alone: the records of
the run written as documents/ and facts/ parts, rows and megabytes per second.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path


def unpack(archive: Path, folder: Path, copies: int = 1) -> int:
    n = 0
    with tarfile.open(archive) as tar:
        for m in sorted((m for m in tar.getmembers() if m.isfile()), key=lambda m: m.name):
            data = tar.extractfile(m).read()
            for c in range(copies):
                (folder / f"{n:06d}.txt").write_bytes(data)
                n += 1
    return n


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("archive", type=Path)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--model", default="auto")
    ap.add_argument("--copies", type=int, default=1, help="write each article this many times")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kiextract-cluster-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        n = unpack(args.archive, corpus, args.copies)
        kx = [sys.executable, "-m", "kiextract", "facts", str(corpus), "--model", args.model, "-q"]
        rows = []
        for r in range(args.rounds):
            jobs = timed(kx + ["--jobs", "2", "-o", str(work / "jobs2.jsonl")])
            shutil.rmtree(work / "parts", ignore_errors=True)
            dask = timed(kx + ["--dask", "local:2", "--format", "jsonl", "-o", str(work / "parts")])
            rows.append((r + 1, jobs, dask))
            print(f"round {r + 1}: --jobs 2 {jobs:.1f} s, --dask local:2 {dask:.1f} s", file=sys.stderr)
        same = [json.loads(x) for x in (work / "jobs2.jsonl").read_text(encoding="utf-8").splitlines()] == [
            json.loads(x) for p in sorted((work / "parts").glob("part-*.jsonl")) for x in p.read_text(encoding="utf-8").splitlines()
        ]
        print(f"{n:,} documents; model {args.model}; outputs equal: {same}\n")
        print("| round | --jobs 2 s | --dask local:2 s | overhead |")
        print("| ---: | ---: | ---: | ---: |")
        for r, jobs, dask in rows:
            print(f"| {r} | {jobs:.1f} | {dask:.1f} | {100 * (dask / jobs - 1):+.0f}% |")
        from kiextract.parquet import write_part

        records = [json.loads(x) for x in (work / "jobs2.jsonl").read_text(encoding="utf-8").splitlines()]
        facts = sum(len(r["facts"]) for r in records)
        start = time.perf_counter()
        for k in range(0, len(records), 64):
            write_part(work / "pq", k // 64, records[k:k + 64])
        seconds = time.perf_counter() - start
        size = sum(p.stat().st_size for p in (work / "pq").rglob("*.parquet")) / 1e6
        print(f"\nParquet: {len(records):,} documents and {facts:,} facts in {seconds:.2f} s "
              f"({len(records) / seconds:,.0f} documents/s, {facts / seconds:,.0f} facts/s, {size:.1f} MB, zstd)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
