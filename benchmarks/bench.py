"""Speed and memory of kiextract on real news, in one run so that ratios compare like with like.

    python benchmarks/bench.py ../shared/data/news/10kgnad/articles.tar.xz [--repeat 10] [--model auto]

Unpacks the articles to a temporary folder and prints one Markdown table: characters and documents
per second and peak memory (RSS of the measuring process) for
  (a) tokenising with spacy.blank("de") alone,
  (b) the same tokenising with Docs made as kiextract makes them, then each kiextract stage alone on
      that blank pipeline (a stage's cost = its time minus the run without it),
  (c) the full pipeline: rules only (blank), and the default (--model auto) with --jobs 1 and --jobs 2,
  (d) dateparser.search.search_dates(text, languages=["de"]) over the same texts,
then the ratios the issues ask about, `kiextract --help` time, memory with the files repeated
--repeat times, and an incremental --db re-run of the unchanged folder.

Every configuration runs in its own process (so that peak memory is its own); tokenising and the
stages run --rounds times each, in turns (one process of each, then the next round), and the
fastest counts: a slow spell of the machine then hits every configuration alike. Not a test: the
machine is shared and noisy; read the ratios, not the absolute figures. --only measures some
configurations alone, e.g. the numbers ratio:

    python benchmarks/bench.py ARCHIVE --only tokenize,stage:none,stage:ki_numbers
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

def stages() -> tuple[str, ...]:
    """The stages of the checkout being measured."""
    from kiextract.factories import STAGES

    return STAGES


def peak_mb() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(me, kids) / 1024


def load_texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]


def run_all(sources, nlp, jobs: int):
    """The Outcomes of the checkout being measured (its engine, or the batch module of kiextract
    before the engine, so that one run compares an old commit with the new one)."""
    try:
        from kiextract import engine
    except ImportError:
        from kiextract import batch

        return batch.run(sources, nlp=nlp, jobs=jobs, max_chars=5_000_000)
    return engine.run(sources, engine.Options(), jobs=jobs, nlp=nlp)


def measure(config: str, folder: Path, model: str, repeat: int) -> dict:
    """Run one configuration in this process; return seconds, chars, docs, peak MB."""
    texts = load_texts(folder)
    chars = sum(len(t) for t in texts)
    if config == "tokenize":
        import spacy

        nlp = spacy.blank("de")
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
    elif config.startswith("stage:"):
        import spacy

        from kiextract import factories  # noqa: F401  (registers the stages)
        from kiextract.pipeline import Input, _make_doc

        nlp = spacy.blank("de")
        stage = config.split(":", 1)[1]
        for name in (["ki_entities"] if stage == "ki_roles" else []) + ([stage] if stage != "none" else []):
            nlp.add_pipe(name)
        nlp("Landrat Stephan Pusch kam am 5. April 2018 mit 300 Gästen.")  # load lists and tables
        start = time.perf_counter()
        # as in kiextract's own runs: the Doc is made with its text known (no doc.text rebuild)
        for _ in nlp.pipe((_make_doc(nlp, Input(text=t)) for t in texts), batch_size=64):
            pass
    elif config == "searchdates":
        from dateparser.search import search_dates

        search_dates("am 5. April 2018", languages=["de"])
        start = time.perf_counter()
        for t in texts:
            search_dates(t, languages=["de"])
    elif config.startswith(("full:", "html:")):
        kind, which, jobs = config.split(":")
        import tempfile

        from kiextract.inputs import discover
        from kiextract.pipeline import load_pipeline

        nlp = load_pipeline("blank" if which == "blank" else model)
        if kind == "html":  # the same articles as web pages: navigation, teasers, meta tags around them
            pages = Path(tempfile.mkdtemp(prefix="kiextract-bench-html-"))
            for n, t in enumerate(texts):
                (pages / f"{n:05d}.html").write_text(html_page(t, n), encoding="utf-8")
            folder = pages
        sources = list(discover([str(folder)], glob=("*.txt", "*.html"))) * repeat
        texts_chars = chars * repeat
        next(run_all(sources[:1], nlp, 1))  # load lists and tables
        start = time.perf_counter()
        n = 0
        for _ in run_all(sources, nlp, int(jobs)):
            n += 1
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "chars": texts_chars, "docs": n, "peak_mb": peak_mb()}
    else:
        raise SystemExit(f"unknown configuration {config}")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "chars": chars, "docs": len(texts), "peak_mb": peak_mb()}


def html_page(text: str, n: int) -> str:
    """An article as a news site serves it: head with metadata, navigation, teasers, a footer."""
    import html

    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())
    title = html.escape(text.split(".")[0][:80])
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title} | Beispielzeitung</title>'
        f'<meta property="og:site_name" content="Beispielzeitung"><meta name="author" content="Redaktion">'
        f'<meta property="article:published_time" content="2016-05-{1 + n % 28:02d}T08:00:00+02:00">'
        f'<link rel="canonical" href="https://www.beispielzeitung.invalid/artikel/{n}"></head><body>'
        '<header><nav><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/wirtschaft">Wirtschaft</a> '
        '<a href="/sport">Sport</a> <a href="/kultur">Kultur</a></nav></header>'
        '<div class="ad">Anzeige: Jetzt vier Wochen für 0,99 Euro lesen!</div>'
        f"<main><article><h1>{title}</h1>{paragraphs}</article></main>"
        '<aside><h3>Meistgelesen</h3><ul><li><a href="/a">Stadtrat beschließt Haushalt</a></li>'
        '<li><a href="/b">Feuerwehr rückt zu 120 Einsätzen aus</a></li></ul></aside>'
        "<footer>Impressum · Datenschutz · Kontakt</footer></body></html>"
    )


def child(config: str, folder: Path, model: str, repeat: int = 1, checkout: Path | None = None) -> dict:
    """Measure one configuration in a process of its own; with `checkout`, of the kiextract in
    that folder (an older commit's worktree) instead of the one installed."""
    env = dict(os.environ, PYTHONPATH=str(checkout)) if checkout is not None else None
    out = subprocess.run(
        [sys.executable, __file__, "--measure", config, "--dir", str(folder), "--model", model, "--repeat", str(repeat)],
        capture_output=True, text=True, check=True, env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def timed(cmd: list[str], **kw) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, **kw)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("archive", nargs="?", help="tar.xz of articles (10kGNAD)")
    ap.add_argument("--model", default="auto")
    ap.add_argument("--repeat", type=int, default=10, help="memory check: the files repeated this often (0: skip)")
    ap.add_argument("--rounds", type=int, default=5, help="tokenising and stage runs: the fastest of this many processes, taken in turns")
    ap.add_argument("--only", help="comma-separated configurations to measure (tokenize, stage:NAME, full:blank:1, full:default:1, full:default:2, html:blank:1, html:default:1, searchdates); skips the CLI checks")
    ap.add_argument("--against", type=Path, metavar="CHECKOUT",
                    help="also measure the kiextract of this folder (e.g. a git worktree of an older commit) in the same rounds, and print both with their ratio")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.dir, args.model, args.repeat)))
        return 0
    if not args.archive:
        ap.error("give the archive of articles, e.g. ../shared/data/news/10kgnad/articles.tar.xz")
    if not Path(args.archive).is_file():
        ap.error(f"{args.archive}: no such archive (the 10kGNAD articles are in ../shared/data/news/10kgnad/ beside the checkout)")

    tmp = Path(tempfile.mkdtemp(prefix="kiextract-bench-"))
    try:
        with tarfile.open(args.archive) as tar:
            tar.extractall(tmp, filter="data")
        folder = tmp
        rows: list[tuple[str, dict]] = []
        results = {}
        configs = ["tokenize", "stage:none"] + [f"stage:{s}" for s in stages()] + ["full:blank:1", "full:default:1", "full:default:2", "html:blank:1", "html:default:1", "searchdates"]
        if args.only:
            wanted = args.only.split(",")
            unknown = [c for c in wanted if c not in configs]
            if unknown:
                ap.error(f"unknown configuration(s) {', '.join(unknown)}; choose from {', '.join(configs)}")
            configs = [c for c in configs if c in wanted]
        rounds = {c: args.rounds if c.startswith(("tokenize", "stage:")) or args.against else 1 for c in configs}
        runs: dict[str, list[dict]] = {c: [] for c in configs}
        old: dict[str, list[dict]] = {c: [] for c in configs}
        for r in range(max(rounds.values())):
            for c in configs:
                if r < rounds[c]:
                    if args.against is not None:  # the old checkout and this one in turns, in each round
                        old[c].append(child(c, folder, args.model, checkout=args.against.resolve()))
                        print(f"measured {c} of {args.against} (round {r + 1}): {old[c][-1]['seconds']:.2f} s", file=sys.stderr)
                    runs[c].append(child(c, folder, args.model))
                    print(f"measured {c} (round {r + 1}): {runs[c][-1]['seconds']:.2f} s", file=sys.stderr)
        if args.against is not None:
            print(f"| configuration | {args.against} chars/s | this checkout chars/s | time this / old | peak MB old / this |")
            print("| --- | ---: | ---: | ---: | ---: |")
            for c in configs:
                a, b = min(old[c], key=lambda x: x["seconds"]), min(runs[c], key=lambda x: x["seconds"])
                print(f"| {c} | {a['chars'] / a['seconds']:,.0f} | {b['chars'] / b['seconds']:,.0f} | {b['seconds'] / a['seconds']:.3f} | {a['peak_mb']:,.0f} / {b['peak_mb']:,.0f} |")
            return 0
        for c in configs:
            results[c] = min(runs[c], key=lambda r: r["seconds"])
            rows.append((c, results[c]))

        def cps(r):
            return r["chars"] / r["seconds"]

        tok = results.get("tokenize")  # None when --only leaves it out: no "vs. tokenising" column then
        some = tok or next(iter(results.values()))
        print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
              f"{some['docs']:,} documents, {some['chars']:,} characters; model {args.model}; fastest of {args.rounds} rounds\n")
        print("| configuration | chars/s | docs/s | peak MB | time s | vs. tokenising |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        names = {"tokenize": "(a) spacy.blank(\"de\") tokenising", "searchdates": "(d) dateparser search_dates",
                 "stage:none": "(b) tokenising, Docs made as kiextract makes them, no stage",
                 "full:blank:1": "(c) full pipeline, --model blank, --jobs 1",
                 "full:default:1": f"(c) full pipeline, --model {args.model}, --jobs 1",
                 "full:default:2": f"(c) full pipeline, --model {args.model}, --jobs 2",
                 "html:blank:1": "(e) the same articles as web pages, --model blank, --jobs 1 (chars of main text)",
                 "html:default:1": f"(e) the same articles as web pages, --model {args.model}, --jobs 1 (chars of main text)"}
        for c, r in rows:
            label = names.get(c, f"(b) tokenising + {c.split(':', 1)[-1]}" + (" (after ki_entities)" if c == "stage:ki_roles" else ""))
            vs_tok = f"{r['seconds'] / tok['seconds']:.2f}×" if tok else "–"
            print(f"| {label} | {cps(r):,.0f} | {r['docs'] / r['seconds']:,.1f} | {r['peak_mb']:,.0f} | {r['seconds']:.2f} | {vs_tok} |")

        def stage_cost(name):
            # the stage's time minus the same run without it
            base = results["stage:ki_entities" if name == "ki_roles" else "stage:none"]["seconds"]
            return max(results[f"stage:{name}"]["seconds"] - base, 1e-9)

        def have(*names):
            return all(n in results for n in names)

        print("\n| ratio | value | target |")
        print("| --- | ---: | --- |")
        if have("tokenize", "stage:none", "stage:ki_numbers"):
            print(f"| ki_numbers adds to tokenising | {stage_cost('ki_numbers') / tok['seconds']:.0%} | ≤ 30% |")
        if have("searchdates", "stage:none", "stage:ki_dates"):
            print(f"| search_dates time / ki_dates time | {results['searchdates']['seconds'] / stage_cost('ki_dates'):.0f}× | ≥ 10× |")
        if have("full:default:1"):
            print(f"| full default --jobs 1 | {cps(results['full:default:1']):,.0f} chars/s | ≥ 100,000 |")
        if have("full:default:1", "full:default:2"):
            print(f"| --jobs 2 / --jobs 1 speed | {results['full:default:1']['seconds'] / results['full:default:2']['seconds']:.2f}× | ≥ 1.6× |")
        if args.only:
            return 0
        help_t = min(timed([shutil.which("kiextract") or "kiextract", "--help"]) for _ in range(5))
        print(f"| kiextract --help | {help_t:.2f} s | < 0.3 s |")
        db = tmp / "bench.sqlite"
        cmd = [shutil.which("kiextract") or "kiextract", "facts", str(folder), "--db", str(db), "--model", args.model]
        first = timed(cmd)
        second = timed(cmd)
        print(f"| --db re-run of the unchanged folder / first run | {second / first:.1%} ({second:.1f} s / {first:.1f} s) | < 10% |")
        if args.repeat > 1:
            big = child("full:default:1", folder, args.model, repeat=args.repeat)
            print(f"| peak MB, {tok['docs']:,} files vs. ×{args.repeat} ({big['docs']:,} files) | "
                  f"{results['full:default:1']['peak_mb']:,.0f} vs. {big['peak_mb']:,.0f} | < 500, flat |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
