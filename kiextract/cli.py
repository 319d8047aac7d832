"""The `kiextract` command line. It only translates flags and calls the library; spaCy is imported
lazily so that `kiextract --help` answers at once."""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .errors import ExitCode, KiextractError
from .records import FACT_TYPES

app = typer.Typer(
    help="Extract facts (persons, roles, organisations, places, dates, money, counts, contacts) from German news articles.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


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
    paths: List[str] = typer.Argument(..., help="Files, directories (every *.txt below, recursively) or - for stdin."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="Output format [default: table on a terminal, else jsonl]."),
    types: Optional[List[FactType]] = typer.Option(None, "--type", "-t", help="Only facts of this type (repeatable)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    published: Optional[str] = typer.Option(None, "--published", callback=_check_date, help="Publication date for every input (YYYY-MM-DD); overrides what the text says."),
    model: str = typer.Option("auto", "--model", "-m", help="auto, blank, or the name or path of a spaCy German pipeline."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", exists=True, dir_okay=False, help="JSONL file of spaCy span-ruler patterns (labels PER, ORG, LOC) to add."),
    glob: str = typer.Option("*.txt", "--glob", help="Which files to take from directories."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
    max_chars: int = typer.Option(5_000_000, "--max-chars", min=1, help="Refuse inputs longer than this."),
    db: Optional[Path] = typer.Option(None, "--db", dir_okay=False, help="Store documents and facts in this SQLite file; skip documents already stored."),
    force: bool = typer.Option(False, "--force", help="With --db: process documents again even when already stored."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
) -> None:
    """Print the facts of each article (or store them with --db).

    Example: kiextract facts seeds/ --format json > facts.json
    """
    err = _stderr()
    try:
        code = _run_facts(paths, fmt, types, output, published, model, patterns, glob, jobs, max_chars, db, force, err)
    except KiextractError as exc:
        if debug:
            raise
        err.print(f"[red]error:[/] {exc}", markup=True)
        code = ExitCode.USAGE
    raise typer.Exit(int(code))


def _run_facts(paths, fmt, types, output, published, model, patterns, glob, jobs, max_chars, db, force, err) -> ExitCode:
    from rich.markup import escape

    from . import batch
    from .inputs import discover
    from .output import make_writer
    from .pipeline import load_pipeline, pipeline_name

    write_output = db is None or fmt is not None or output is not None
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    if fmt is None:
        fmt = Format.table if (output is None and sys.stdout.isatty()) else Format.jsonl
    wanted = {t.value for t in types} if types else None
    if "-" in paths:
        jobs = 1

    sources = list(discover(paths, glob=glob))
    nlp = load_pipeline(model, patterns=patterns)  # fails early, with a clear message, for a bad --model
    writer = make_writer(fmt.value, out, width=None if out.isatty() else 100) if write_output else None
    conn, skip = None, frozenset()
    if db is not None:
        from .store import known_documents, open_store, write_document

        conn = open_store(db)
        skip = frozenset() if force else frozenset(known_documents(conn, __version__))
        name = pipeline_name(nlp)
    failed = done = stored = skipped = 0
    progress = None
    if err.is_terminal and len(sources) > 1:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(
            TextColumn("kiextract"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} files/s"), TimeRemainingColumn(), console=err, transient=True,
        )
        task = progress.add_task("facts", total=len(sources), rate="-")
        progress.start()
    import time

    started = time.perf_counter()
    try:
        results = batch.run(
            sources, model=model, patterns=str(patterns) if patterns else None, published=published,
            max_chars=max_chars, jobs=jobs, nlp=nlp, skip=skip,
        )
        for source, record, error in results:
            done += 1
            if error is not None:
                failed += 1
                err.print(f"[red]error:[/] {escape(source)}: {escape(error)}")
            elif record is None:
                skipped += 1
            else:
                if wanted is not None:
                    record["facts"] = [f for f in record["facts"] if f["type"] in wanted]
                for w in record["warnings"]:
                    err.print(f"[yellow]warning:[/] {escape(record['source'])}: {escape(w)}")
                if conn is not None:
                    write_document(conn, record, __version__, name)
                    stored += 1
                if writer is not None:
                    writer.write(record)
            if progress is not None:
                rate = done / max(time.perf_counter() - started, 1e-9)
                progress.update(task, advance=1, rate=f"{rate:.1f}")
    except KeyboardInterrupt:
        if writer is not None:
            writer.close()
        if progress is not None:
            progress.stop()
        err.print(f"interrupted after {done} of {len(sources)} inputs; the output so far is complete")
        return ExitCode.INTERRUPTED
    if writer is not None:
        writer.close()
    if progress is not None:
        progress.stop()
    if output:
        out.close()
    if conn is not None:
        conn.close()
        err.print(f"{db}: stored {stored} documents, skipped {skipped} already stored, {failed} failed")
    if failed:
        err.print(f"{failed} of {len(sources)} inputs failed; the other {len(sources) - failed} were processed")
        return ExitCode.INPUT_FAILED
    return ExitCode.OK


@app.command()
def models() -> None:
    """Show which German pipelines are installed and which one --model auto takes.

    Example: kiextract models
    """
    from .pipeline import OFFICIAL_MODELS, installed_models, resolve_model, shipped_model_path

    installed = installed_models()
    for name in OFFICIAL_MODELS:
        typer.echo(f"{name:<18} {'installed' if name in installed else 'not installed'}")
    shipped = shipped_model_path()
    typer.echo(f"{'kiextract (shipped)':<18} {shipped if shipped else 'missing'}")
    typer.echo(f"auto -> {resolve_model('auto')}")


def run() -> None:
    """Entry point: `kiextract` and `python -m kiextract`."""
    app(prog_name="kiextract")
