"""Hostile and huge input: does kiextract's time grow linearly with the text, and its memory stay bounded?

    python benchmarks/adversarial.py [--model blank] [--sizes 100000,1000000] [--only SHAPE,...] [--timeout 300]

For every shape below (each a reproducer of a defect once found), a text of each size is built by
repeating the shape and processed by `kiextract.extract` in a fresh process (web pages and JSON
Lines corpora through kiextract's readers first). The table gives
seconds per size, the ratio of the largest to the smallest (linear time: about the ratio of the
sizes; the target is at most 12 for 1 MB against 100 KB) and the peak memory (RSS) of the process.
Not a test: the machine is shared and noisy; read the ratios. A shape that runs past --timeout
is reported as such and the script goes on.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

SHAPES = {
    "number words": lambda: "Es waren " + "dreißig" * 26 + "x Menschen. ",
    "names joined by und": lambda: "Anna Meier und Bernd Schulz und ",
    "name list": lambda: "Anna Meier, Bernd Meier, ",
    "capitalised words": lambda: "Haus Baum Stadt Kreis Amt ",
    "dates on one line": lambda: "Am 1.2.2018 kam Anna. ",
    "date ranges": lambda: "vom 3. bis 5. März 2018 ",
    "dates and counts": lambda: "am 5. April 2018 kamen 300 Besucher. ",
    "phone lines": lambda: "Tel. 0221 1234567\n",
    "dotted digits": lambda: "1.2.3.4.",
    "dotted labels": lambda: "a1.a1.",
    "e-mail labels": lambda: "x@a-b.a-b.",
    "euro signs": lambda: "€",
    "brackets": lambda: "(",
    "exclamation marks": lambda: "!",
    "quotes": lambda: '"',
    "percent signs": lambda: "%",
    "alternating punctuation": lambda: ".,",
    "punctuation pairs": lambda: "€(",
    "bracketed exclamations": lambda: '"(!)',
    "inline tags in one paragraph": lambda: "<i>x</i> ",
    "small JSON Lines records": lambda: json.dumps({"text": "Landrat Anna Meier kam am 5. April 2018 nach Köln."}, ensure_ascii=False) + "\n",
    "plain news": lambda: (
        "Landrat Stephan Pusch (CDU) besuchte am Mittwoch das Kommunale Integrationszentrum in "
        "Heinsberg. Die Förderung von 365.000 Euro kommt 54 Zentren zugute, sagte er.\n"
    ),
}


# Shapes read as a web page or a JSON Lines corpus (through kiextract's readers), not as text.
HTML_SHAPES = {"inline tags in one paragraph"}
JSONL_SHAPES = {"small JSON Lines records"}


def build(shape: str, size: int) -> str:
    unit = SHAPES[shape]()
    if shape in JSONL_SHAPES:
        return unit * max(1, size // len(unit))  # whole records
    body = (unit * (size // len(unit) + 1))[:size]
    if shape in HTML_SHAPES:
        return f"<html><body><article><p>Landrat Anna Meier kam nach Köln. {body}</p></article></body></html>"
    return body


def measure(shape: str, size: int, model: str) -> dict:
    from kiextract.pipeline import extract, load_pipeline

    nlp = load_pipeline(model)
    extract("Landrat Stephan Pusch kam am 5. April 2018.", nlp=nlp)  # load lists and tables
    text = build(shape, size)
    start = time.perf_counter()
    if shape in HTML_SHAPES or shape in JSONL_SHAPES:
        from kiextract.inputs import inputs_from_bytes
        from kiextract.pipeline import process

        suffix = ".html" if shape in HTML_SHAPES else ".jsonl"
        items = [i for i in inputs_from_bytes(f"x{suffix}", text.encode("utf-8"), suffix) if not isinstance(i, Exception)]
        facts = sum(len(o.record.facts) for o in process(nlp, items) if o.record is not None)
    else:
        facts = len(extract(text, nlp=nlp).facts)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak, "facts": facts}


def child(shape: str, size: int, model: str, timeout: float) -> dict | None:
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--measure", shape, "--size", str(size), "--model", model],
            capture_output=True, text=True, check=True, timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="blank")
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--only", help="comma-separated shapes")
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.size, args.model)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.only.split(",") if args.only else list(SHAPES)
    print(f"| shape | {' | '.join(f'{s:,} chars s' for s in sizes)} | ratio | peak MB |")
    print(f"| --- | {' | '.join('---:' for _ in sizes)} | ---: | ---: |")
    for shape in shapes:
        results = [child(shape, size, args.model, args.timeout) for size in sizes]
        cells = [f"{r['seconds']:.2f}" if r else f"> {args.timeout:.0f}" for r in results]
        ratio = f"{results[-1]['seconds'] / max(results[0]['seconds'], 1e-3):.1f}" if results[0] and results[-1] else "–"
        peak = f"{max(r['peak_mb'] for r in results if r):,.0f}" if any(results) else "–"
        print(f"| {shape} | {' | '.join(cells)} | {ratio} | {peak} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
