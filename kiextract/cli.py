"""The `kiextract` command line. It only translates flags and calls the library; spaCy is imported
lazily so that `kiextract --help` answers at once."""
from __future__ import annotations

import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .errors import ExitCode, KiextractError
from .records import INPUT_FORMATS
from .output import FORMATS
from .records import FACT_TYPES

app = typer.Typer(
    help="Extract facts (persons, roles, organisations, places, dates, money, counts, contacts) from German news articles.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Format = Enum("Format", {f: f for f in FORMATS}, type=str)  # the output module's formats
InputFormat = Enum("InputFormat", {f: f for f in INPUT_FORMATS}, type=str)
DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm")
FactType = Enum("FactType", {t: t for t in FACT_TYPES}, type=str)  # the record model's types


def _stderr():
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, no_color=bool(os.environ.get("NO_COLOR")))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kiextract {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Extract facts from German news articles.

    Example: kiextract facts seeds/ | jq -r '.facts[] | select(.type=="person") | .value'
    """


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from .normalize.dates import parse_published_option

    parsed = parse_published_option(value)
    if parsed is None:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY (or DD.MM.YYYY)")
    return parsed


@app.command()
def facts(
    paths: List[str] = typer.Argument(..., help="Files (text, HTML pages, .jsonl corpora), directories (every *.txt, *.html, *.htm below, recursively) or - for stdin. Example: seeds/ page.html corpus.jsonl"),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="Output format [default: from the -o file's extension (.json, .jsonl, .csv, .txt for a table), else a table on a terminal and jsonl in a pipe]. Example: --format csv"),
    types: Optional[List[FactType]] = typer.Option(None, "--type", "-t", help="Show only facts of this type (repeatable); --db still stores all. Example: -t person -t organization"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout. Example: -o facts.csv"),
    published: Optional[str] = typer.Option(None, "--published", callback=_check_date, help="Publication date for every input; overrides what the text says. Example: --published 2018-04-05"),
    model: str = typer.Option("auto", "--model", "-m", help="auto or blank (rules only), kiextract (the shipped NER model), or the name or path of a spaCy German pipeline. Example: --model kiextract"),
    patterns: Optional[Path] = typer.Option(None, "--patterns", exists=True, dir_okay=False, help='JSONL file of spaCy span-ruler patterns (labels PER, ORG, LOC) to add. Example line: {"label": "ORG", "pattern": "Zirkus ohne Grenzen"}'),
    glob: Optional[List[str]] = typer.Option(None, "--glob", help="Which files to take from directories (repeatable) [default: *.txt, *.html, *.htm]. Example: --glob '*.txt' --glob '*.md'"),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="auto (HTML by name or content, JSON Lines by .jsonl/.ndjson, else text), text, html or jsonl; for stdin give html or jsonl. Example: cat corpus.jsonl | kiextract facts - --input-format jsonl"),
    dask: Optional[str] = typer.Option(None, "--dask", help="Run on a Dask cluster: a scheduler's address, or local:N for N worker processes here. Inputs are read by the workers (paths on shared storage, or fsspec URLs such as s3://bucket/news/). Example: --dask tcp://scheduler:8786"),
    partition_size: int = typer.Option(64, "--partition-size", min=1, help="With --dask or --format parquet: documents per task and per part file. Example: --partition-size 256"),
    with_text: bool = typer.Option(False, "--with-text", help="Put the text the offsets refer to (a web page's extracted main text) into each record. Example: page.html --with-text"),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes. Example: --jobs 2"),
    max_chars: int = typer.Option(5_000_000, "--max-chars", min=1, help="Refuse inputs longer than this many characters. Example: --max-chars 200000"),
    db: Optional[Path] = typer.Option(None, "--db", dir_okay=False, help="Store documents and facts in this SQLite file; skip documents already stored. Example: --db facts.sqlite"),
    force: bool = typer.Option(False, "--force", help="With --db: process documents again even when already stored. Example: --db facts.sqlite --force"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No warnings, progress or summary on stderr; errors only. Example: -q"),
    csv_raw: bool = typer.Option(False, "--csv-raw", help="CSV cells as they are: no quote before cells a spreadsheet would run as a formula (=, +, -, @). Example: --format csv --csv-raw"),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
) -> None:
    """Print the facts of each article (or store them with --db).

    Example: kiextract facts seeds/ --format json > facts.json
    """
    err = _stderr()
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        if dask is not None or (fmt is not None and fmt.value == "parquet"):
            code = _run_parts(paths, fmt, types, output, published, model, patterns, glob or list(DEFAULT_GLOBS), jobs, max_chars, db, quiet, err, input_format.value, with_text, dask, partition_size)
        else:
            code = _run_facts(paths, fmt, types, output, published, model, patterns, glob or list(DEFAULT_GLOBS), jobs, max_chars, db, force, quiet, csv_raw, err, input_format.value, with_text)
    except KiextractError as exc:
        if debug:
            raise
        err.print(f"[red]error:[/] {escape(str(exc))}", markup=True)
        code = ExitCode.USAGE
    except KeyboardInterrupt as exc:  # before any output was opened: nothing to finish
        code = ExitCode.TERMINATED if isinstance(exc, Terminated) else ExitCode.INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)
    raise typer.Exit(int(code))


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: the output written so far is closed and stays valid."""


def _terminate(signum, frame) -> None:
    raise Terminated()


def escape(text: str) -> str:
    """Text for Rich markup on a terminal: markup and control characters escaped."""
    from rich.markup import escape as rich_escape

    from .output import printable

    return rich_escape(printable(text))


def _check_output(output: Path) -> None:
    """A one-line error naming the -o file when it cannot be written (before any work is done)."""
    if output.is_dir():
        raise KiextractError(f"-o {output}: is a directory; give a file name such as {output / 'facts.jsonl'}")
    if not output.parent.is_dir():
        raise KiextractError(f"-o {output}: the directory {output.parent} does not exist; create it first")
    if not os.access(output if output.exists() else output.parent, os.W_OK):
        raise KiextractError(f"-o {output}: permission denied; choose a file you can write")


def _open_output(output: Path):
    """The -o file opened for writing, or a one-line error naming it."""
    _check_output(output)
    try:
        return open(output, "w", encoding="utf-8", newline="")
    except PermissionError:
        raise KiextractError(f"-o {output}: permission denied; choose a file you can write") from None
    except OSError as exc:
        raise KiextractError(f"-o {output}: cannot write ({exc.strerror or exc})") from None


def _quiet_stdout() -> None:
    """After a closed pipe (`| head -1`): send what is left to /dev/null so that the exit is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _run_parts(paths, fmt, types, output, published, model, patterns, globs, jobs, max_chars, db, quiet, err, input_format, with_text, dask, partition_size) -> ExitCode:
    """`--dask` and `--format parquet`: the corpus in partitions, each written as its own part
    (OUT/documents/ and OUT/facts/ for Parquet, OUT/part-NNNNN.jsonl for JSON Lines), or, without
    --output, JSON Lines on stdout in input order."""
    import dataclasses
    import time

    from .distributed import Options, connect, list_inputs, partitions, run_part, task_key
    from .parquet import remove_temporary

    fmt_name = fmt.value if fmt is not None else ("parquet" if output is not None and output.suffix == "" else "jsonl")
    if fmt_name not in ("parquet", "jsonl"):
        raise KiextractError(f"--format {fmt_name}: with --dask use --format parquet or jsonl (a folder of parts with --output, or JSON Lines on stdout)")
    if db is not None:
        raise KiextractError("--db: not with --dask or --format parquet; the parts are the output")
    if fmt_name == "parquet" and output is None:
        raise KiextractError("--format parquet needs --output DIR (a folder for the documents/ and facts/ datasets)")
    if output is not None:
        if output.suffix.lower() in (".json", ".jsonl", ".ndjson", ".csv", ".txt"):
            raise KiextractError(f"--output {output}: with --dask or --format parquet the output is a folder of parts; give a folder name (without {output.suffix})")
        if output.exists() and not output.is_dir():
            raise KiextractError(f"--output {output}: exists and is not a folder; parts need a folder")
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KiextractError(f"--output {output}: cannot create the folder ({exc.strerror or exc})") from None
    if "-" in paths:
        raise KiextractError("-: standard input cannot be spread over workers; give files, folders or URLs")
    if dask is not None and not (dask.startswith(("tcp://", "tls://", "ws://", "wss://", "inproc://")) or (dask.startswith("local:") and dask[6:].isdigit() and int(dask[6:]) > 0)):
        raise KiextractError(f"--dask {dask}: give a scheduler address (tcp://host:8786) or local:N (N worker processes here)")
    import importlib.util

    needed = (["pyarrow"] if fmt_name == "parquet" else []) + (["distributed"] if dask is not None else [])
    missing = [m for m in needed if importlib.util.find_spec(m) is None]
    if missing:
        raise KiextractError(f"{'--dask' if dask is not None else '--format parquet'} needs {', '.join(missing)}: pip install 'kiextract[cluster]'")
    options = dataclasses.asdict(Options(model, str(patterns) if patterns else None, published, max_chars, input_format, with_text))
    names = list_inputs(paths, globs)
    chunks = partitions(names, partition_size)
    wanted = tuple(t.value for t in types) if types else None
    out_dir = str(output.resolve()) if output is not None else None
    started = time.perf_counter()
    failed = documents = facts = 0
    writer = None
    if out_dir is None:
        from .output import make_writer

        writer = make_writer("jsonl", sys.stdout)

    def report(result) -> None:
        nonlocal failed, documents, facts
        documents += result.documents
        facts += result.facts
        for source, message in result.failures:
            failed += 1
            err.print(f"[red]error:[/] {escape(source)}: {escape(message)}")
        if not quiet:
            for source, message in result.warnings:
                err.print(f"[yellow]warning:[/] {escape(source)}: {escape(message)}")

    client = cluster = None
    futures = []
    try:
        if dask is None:  # Parquet on this machine: the batch runner's processes, parts written here
            from .distributed import _pipeline

            # a bad --model fails before any part is written; forked processes inherit the pipeline
            _pipeline(Options(**options))
            if jobs > 1:
                import concurrent.futures as cf
                import multiprocessing as mp

                ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
                with cf.ProcessPoolExecutor(jobs, mp_context=ctx) as pool:
                    for result in pool.map(run_part, range(len(chunks)), chunks, [options] * len(chunks), [out_dir] * len(chunks), [fmt_name] * len(chunks), [wanted] * len(chunks)):
                        report(result)
                        if writer is not None:
                            for r in result.records:
                                writer.write(r)
            else:
                for k, chunk in enumerate(chunks):
                    result = run_part(k, chunk, options, out_dir, fmt_name, wanted)
                    report(result)
                    if writer is not None:
                        for r in result.records:
                            writer.write(r)
        else:
            from distributed import as_completed, progress

            try:
                client, cluster = connect(dask, Options(**options))
            except (OSError, TimeoutError) as exc:
                raise KiextractError(f"--dask {dask}: cannot reach the scheduler ({exc})") from None
            futures = [
                client.submit(run_part, k, chunk, options, out_dir, fmt_name, wanted, key=task_key(k, chunk, options, out_dir, fmt_name), retries=2, pure=False)
                for k, chunk in enumerate(chunks)
            ]
            if err.is_terminal and not quiet and futures:
                progress(futures)
            pending: dict[int, object] = {}
            next_part = 0
            for future in as_completed(futures):
                result = future.result()
                report(result)
                pending[result.part] = result
                while next_part in pending:  # stdout keeps input order
                    done = pending.pop(next_part)
                    if writer is not None:
                        for r in done.records:
                            writer.write(r)
                    next_part += 1
    except KeyboardInterrupt:
        if client is not None and futures:
            client.cancel(futures)
        if out_dir is not None:
            remove_temporary(out_dir)
        err.print(f"interrupted after {documents} documents; the parts written are complete")
        return ExitCode.INTERRUPTED
    finally:
        if writer is not None:
            writer.close()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    seconds = time.perf_counter() - started
    if not quiet:
        where = f" into {escape(str(output))}" if output is not None else ""
        err.print(f"{documents} documents, {facts} facts, {failed} failed, {len(chunks)} parts{where} in {seconds:.1f} s")
    return ExitCode.INPUT_FAILED if failed else ExitCode.OK


def _run_facts(paths, fmt, types, output, published, model, patterns, globs, jobs, max_chars, db, force, quiet, csv_raw, err, input_format="auto", with_text=False) -> ExitCode:
    import dataclasses
    import time

    from . import batch
    from .inputs import discover
    from .output import format_for, make_writer
    from .pipeline import load_pipeline, pipeline_name

    write_output = db is None or fmt is not None or output is not None
    if fmt is not None:
        fmt_name = fmt.value
    elif output is not None:
        fmt_name = format_for(output)
    else:
        fmt_name = "table" if sys.stdout.isatty() else "jsonl"
    wanted = {t.value for t in types} if types else None
    if "-" in paths:
        jobs = 1

    if output is not None:
        _check_output(output)
    conn, skip = None, frozenset()
    if db is not None:  # refused before anything is written, the -o file included
        from .store import StoreError, known_documents, open_store, write_document

        conn = open_store(db)
        skip = frozenset() if force else frozenset(known_documents(conn, __version__))
    sources = list(discover(paths, glob=globs))
    nlp = load_pipeline(model, patterns=patterns)  # fails early, with a clear message, for a bad --model
    name = pipeline_name(nlp)
    out = _open_output(output) if output else sys.stdout
    writer = make_writer(fmt_name, out, width=None if out.isatty() else 100, csv_raw=csv_raw) if write_output else None
    failed = done = stored = skipped = 0
    progress = None
    if err.is_terminal and len(sources) > 1 and not quiet:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        progress = Progress(
            TextColumn("kiextract"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} files/s"), TimeRemainingColumn(), console=err, transient=True,
        )
        task = progress.add_task("facts", total=len(sources), rate="-")
        progress.start()

    def finish() -> None:
        if progress is not None:
            progress.stop()
        if writer is not None:
            writer.close()
        if output:
            out.close()
        if conn is not None:
            conn.close()

    started = time.perf_counter()
    try:
        results = batch.run(
            sources, model=model, patterns=str(patterns) if patterns else None, published=published,
            max_chars=max_chars, jobs=jobs, nlp=nlp, skip=skip, input_format=input_format, with_text=with_text,
        )
        for outcome in results:
            done += 1
            if outcome.failed:
                failed += 1
                err.print(f"[red]error:[/] {escape(outcome.source)}: {escape(outcome.message)}")
            if outcome.skipped:
                skipped += 1
            elif outcome.record is not None:
                record = outcome.record
                if not quiet:
                    for w in record.warnings:
                        err.print(f"[yellow]warning:[/] {escape(record.source)}: {escape(w)}")
                if conn is not None:  # the store keeps every fact, whatever --type shows
                    try:
                        write_document(conn, record.to_dict(), __version__, name)
                    except KiextractError:
                        raise
                    except Exception as exc:  # disk full, I/O error: what is stored stays whole
                        raise StoreError(f"--db {db}: storing {record.source} failed ({type(exc).__name__}: {exc}); the documents before it are stored") from None
                    stored += 1
                if writer is not None:
                    if wanted is not None:
                        record = dataclasses.replace(record, facts=tuple(f for f in record.facts if f.type in wanted))
                    writer.write(record.to_dict())
            if progress is not None:
                rate = done / max(time.perf_counter() - started, 1e-9)
                progress.update(task, advance=1, rate=f"{rate:.1f}")
    except KeyboardInterrupt as exc:
        finish()
        how = "terminated" if isinstance(exc, Terminated) else "interrupted"
        err.print(f"{how} after {done} of {len(sources)} inputs; the output so far is complete")
        return ExitCode.TERMINATED if isinstance(exc, Terminated) else ExitCode.INTERRUPTED
    except BrokenPipeError:  # the reader has gone (`| head -1`): stop quietly
        _quiet_stdout()
        if progress is not None:
            progress.stop()
        if conn is not None:
            conn.close()
        return ExitCode.OK
    except KiextractError:
        finish()
        raise
    finish()
    if conn is not None and not quiet:
        err.print(f"{escape(str(db))}: stored {stored} documents, skipped {skipped} already stored, {failed} failed")
    if failed:
        if not quiet:
            err.print(f"{failed} of {len(sources)} inputs failed; the other {len(sources) - failed} were processed")
        return ExitCode.INPUT_FAILED
    return ExitCode.OK


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("eval")
def eval_(
    predictions: Path = typer.Argument(..., help="kiextract records (.json array or .jsonl), or articles (a folder or .txt files) to run first. Example: facts.jsonl"),
    gold_dir: Path = typer.Argument(..., help="Folder of gold files, one JSON per article named like it (docs/gold.md). Example: gold/"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List what each article missed and what it claimed wrongly. Example: -v"),
    fmt: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f", help="table or json. Example: --format json"),
    floors: Optional[List[str]] = typer.Option(None, "--min", help="Fail (exit 1) when a category's F1 is below this (repeatable; 'micro' too). Example: --min roles=0.85"),
    model: str = typer.Option("auto", "--model", "-m", help="With articles: the pipeline to run them with. Example: --model blank"),
) -> None:
    """Precision, recall and F1 of kiextract against gold annotations, per category and micro.

    Example: kiextract eval facts.jsonl gold/ --min micro=0.8
    """
    err = _stderr()
    try:
        code = _run_eval(predictions, gold_dir, verbose, fmt, floors or [], model, err)
    except KiextractError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", markup=True)
        code = ExitCode.USAGE
    raise typer.Exit(int(code))


def _run_eval(predictions: Path, gold_dir: Path, verbose: bool, fmt: "EvalFormat", floor_specs: list[str], model: str, err) -> ExitCode:
    import json

    from .evaluate import below_floors, evaluate, parse_floor, read_records

    try:
        floors = dict(parse_floor(spec) for spec in floor_specs)
    except ValueError as exc:
        raise KiextractError(str(exc)) from None
    if not predictions.exists():
        raise KiextractError(f"{predictions}: no such file or directory")
    if not gold_dir.is_dir() or not any(gold_dir.glob("*.json")):
        raise KiextractError(f"{gold_dir}: not a folder of gold files (*.json); see docs/gold.md")
    if predictions.is_file() and predictions.suffix.lower() in (".json", ".jsonl", ".ndjson"):
        try:
            records = read_records(predictions)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KiextractError(f"{predictions}: not kiextract JSON or JSON Lines ({exc})") from None
    elif predictions.exists():
        from . import batch
        from .inputs import discover

        outcomes = batch.run(list(discover([str(predictions)])), model=model, max_chars=5_000_000)
        records = [o.record.to_dict() for o in outcomes if o.record is not None]
    else:
        raise KiextractError(f"{predictions}: no such file or directory")
    result = evaluate(records, gold_dir)
    if fmt == EvalFormat.json:
        typer.echo(json.dumps(result.to_dict(verbose=verbose), ensure_ascii=False, indent=2))
    else:
        if verbose:
            for article, cats in result.details.items():
                for cat, d in cats.items():
                    if d.missed or d.spurious:
                        typer.echo(f"  {article} {cat}: missed {d.missed} spurious {d.spurious}")
        typer.echo(f"{'category':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
        for cat, sc in result.scores.items():
            typer.echo(f"{cat:<14} {sc.precision:6.3f} {sc.recall:6.3f} {sc.f1:6.3f} {sc.tp:5d} {sc.predicted:5d} {sc.gold:5d}")
        micro = result.micro
        typer.echo(f"micro F1 {micro.f1:.3f} (P {micro.precision:.3f} R {micro.recall:.3f})")
    if result.missing:
        err.print(f"[yellow]warning:[/] no record for {len(result.missing)} gold articles: {escape(', '.join(result.missing[:10]))}")
    failed = below_floors(result, floors)
    for line in failed:
        err.print(f"[red]below the floor:[/] {escape(line)}")
    return ExitCode.INPUT_FAILED if failed else ExitCode.OK


@app.command()
def show(
    paths: List[str] = typer.Argument(..., help="Articles: files (text, HTML, .jsonl), directories (every *.txt, *.html, *.htm below) or - for stdin. Example: seeds/000_a3353c067c880684.txt"),
    html_out: Optional[Path] = typer.Option(None, "--html", help="Write HTML instead of printing: a page for one article (OUT.html), else a folder with an index page and one page per article. Example: --html facts.html"),
    published: Optional[str] = typer.Option(None, "--published", callback=_check_date, help="Publication date for every input; overrides what the text says. Example: --published 2018-04-05"),
    model: str = typer.Option("auto", "--model", "-m", help="auto or blank (rules only), kiextract (the shipped NER model), or the name or path of a spaCy German pipeline. Example: --model kiextract"),
    glob: Optional[List[str]] = typer.Option(None, "--glob", help="Which files to take from directories (repeatable) [default: *.txt, *.html, *.htm]. Example: --glob '*.md'"),
) -> None:
    """Show the article with every fact highlighted by type, and the facts with their values.

    Example: kiextract show seeds/000_a3353c067c880684.txt --html show.html
    """
    err = _stderr()
    try:
        code = _run_show(paths, html_out, published, model, glob or list(DEFAULT_GLOBS), err)
    except KiextractError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", markup=True)
        code = ExitCode.USAGE
    raise typer.Exit(int(code))


def _run_show(paths, html_out: Optional[Path], published, model: str, globs, err) -> ExitCode:
    import re

    from rich.console import Console

    from .errors import InputError
    from .inputs import discover, read_inputs
    from .pipeline import load_pipeline, process
    from .show import html_page, index_page, print_terminal

    sources = list(discover(paths, glob=globs))
    if not sources:
        raise KiextractError("no articles to show; pass .txt files or folders with them")
    single = html_out is not None and len(sources) == 1 and html_out.suffix.lower() in (".html", ".htm")
    if html_out is not None:
        target = html_out.parent if single else html_out
        if target.exists() and not target.is_dir():
            raise KiextractError(f"--html {html_out}: {target} is not a folder")
        if not single and html_out.suffix.lower() in (".html", ".htm") and len(sources) > 1:
            raise KiextractError(f"--html {html_out}: {len(sources)} articles need a folder (an index page and one page each); give a folder name")
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KiextractError(f"--html {html_out}: cannot create the folder ({exc.strerror or exc})") from None
    nlp = load_pipeline(model)
    out = Console(highlight=False, no_color=bool(os.environ.get("NO_COLOR")) or None)
    failed = 0
    pages: list[tuple[str, dict]] = []
    used: set[str] = set()
    def documents():
        for source in sources:
            try:
                yield from read_inputs(source, published=published)
            except InputError as exc:
                yield exc

    for item in documents():
        if isinstance(item, InputError):
            err.print(f"[red]error:[/] {escape(str(item))}")
            failed += 1
            continue
        outcome = next(iter(process(nlp, [item])))
        record = outcome.record.to_dict()
        if outcome.failed:
            err.print(f"[red]error:[/] {escape(item.source)}: {escape(outcome.message or 'failed')}")
            failed += 1
        if html_out is None:
            print_terminal(out, record, item.text)
            continue
        if single:
            page, name = html_out, html_out.name
        else:
            stem = re.sub(r"[^\w.-]+", "_", Path(item.source).stem)[:80] or "article"
            name, n = f"{stem}.html", 1
            while name in used:
                n += 1
                name = f"{stem}-{n}.html"
            used.add(name)
            page = html_out / name
        page.write_text(html_page(record, item.text, back=None if single else "index.html"), encoding="utf-8")
        pages.append((name, record))
    if html_out is not None and not single:
        (html_out / "index.html").write_text(index_page(pages), encoding="utf-8")
        err.print(f"wrote {len(pages)} pages and {escape(str(html_out / 'index.html'))}")
    elif single and pages:
        err.print(f"wrote {escape(str(html_out))}")
    return ExitCode.INPUT_FAILED if failed else ExitCode.OK


@app.command()
def models() -> None:
    """Show which German pipelines are installed and what --model auto takes (the rules only).

    Example: kiextract models
    """
    from .pipeline import (
        OFFICIAL_MODELS,
        installed_models,
        resolve_model,
        shipped_model_path,
    )

    installed = installed_models()
    for name in OFFICIAL_MODELS:
        typer.echo(f"{name:<18} {'installed' if name in installed else 'not installed'}")
    shipped = shipped_model_path()
    typer.echo(f"{'kiextract':<18} {shipped if shipped else 'missing'} (--model kiextract)")
    typer.echo(f"auto -> {resolve_model('auto')} (the rules only; see docs/model.md)")


def run() -> None:
    """Entry point: `kiextract` and `python -m kiextract`."""
    app(prog_name="kiextract")
