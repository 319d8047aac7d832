"""`kiextract facts`: the facts of each input as a table, JSON, JSON Lines or CSV, into SQLite
(`--db`), or as partitioned parts (`--format parquet`, `--dask`). Every road runs on engine.py."""
from __future__ import annotations

import contextlib
import dataclasses
import errno
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import typer

from .. import __version__
from ..engine import Options
from ..errors import ExitCode, KiextractError
from ..records import FACT_TYPES
from . import common
from .common import (
    DEFAULT_GLOBS,
    LOCALE_HELP,
    Format,
    InputFormat,
    LocaleChoice,
    Terminated,
    escape,
)


@dataclass
class Run:
    """One `kiextract facts` call: what to read, how to process it (`options`), where the facts go."""

    paths: list[str]
    options: Options
    fmt: str | None  # --format, None: from -o's extension or the terminal
    types: tuple[str, ...] | None
    output: Path | None
    globs: list[str]
    jobs: int
    db: Path | None
    force: bool
    quiet: bool
    csv_raw: bool
    dask: str | None
    partition_size: int
    err: object


def facts(
    paths: List[str] = typer.Argument(..., help="Files (text, HTML pages, .jsonl corpora), directories (every *.txt, *.html, *.htm below, recursively) or - for stdin. Example: seeds/ page.html corpus.jsonl"),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="Output format [default: from the -o file's extension (.json, .jsonl, .csv, .txt for a table), else a table on a terminal and jsonl in a pipe]. Example: --format csv"),
    types: Optional[List[str]] = typer.Option(None, "--type", "-t", help=f"Show only facts of these types (repeatable, or a comma list; plurals too: {', '.join(FACT_TYPES)}); --db still stores all. Example: -t person,organization"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout. Example: -o facts.csv"),
    published: Optional[str] = typer.Option(None, "--published", callback=common.check_date, help="Publication date for every input; overrides what the text says. Example: --published 2018-04-05"),
    model: str = typer.Option("auto", "--model", "-m", help="auto or blank (rules only), kiextract (the shipped NER model), or the name or path of a spaCy German pipeline. Example: --model kiextract"),
    patterns: Optional[Path] = typer.Option(None, "--patterns", exists=True, dir_okay=False, help='JSONL file of spaCy span-ruler patterns (labels PER, ORG, LOC) to add. Example line: {"label": "ORG", "pattern": "Zirkus ohne Grenzen"}'),
    glob: Optional[List[str]] = typer.Option(None, "--glob", help="Which files to take from directories (repeatable) [default: *.txt, *.html, *.htm]. Example: --glob '*.txt' --glob '*.md'"),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="auto (HTML by name or content, JSON Lines by .jsonl/.ndjson, else text), text, html or jsonl; for stdin give html or jsonl. Example: cat corpus.jsonl | kiextract facts - --input-format jsonl"),
    dask: Optional[str] = typer.Option(None, "--dask", help="Run on a Dask cluster: a scheduler's address, or local:N for N worker processes here. Inputs are read by the workers (paths on shared storage, or fsspec URLs such as s3://bucket/news/). Example: --dask tcp://scheduler:8786"),
    partition_size: int = typer.Option(64, "--partition-size", min=1, help="With --dask or --format parquet: documents per task and per part file. Example: --partition-size 256"),
    locale: LocaleChoice = typer.Option(LocaleChoice.auto, "--locale", "-l", help=LOCALE_HELP),
    with_text: bool = typer.Option(False, "--with-text", help="Put the text the offsets refer to (a web page's extracted main text) into each record. Example: page.html --with-text"),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (at most the inputs and the machine's cores). Example: --jobs 2"),
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
    err = common.stderr()
    try:
        chosen_types = common.fact_types(types) if types else None
    except KiextractError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", markup=True)
        raise typer.Exit(int(ExitCode.USAGE)) from None
    run = Run(
        paths=paths,
        options=Options(model, str(patterns) if patterns else None, published, max_chars, input_format.value, with_text, locale=locale.value),
        fmt=fmt.value if fmt is not None else None, types=chosen_types, output=output,
        globs=glob or list(DEFAULT_GLOBS), jobs=jobs, db=db, force=force, quiet=quiet, csv_raw=csv_raw, dask=dask,
        partition_size=partition_size, err=err,
    )
    previous = signal.signal(signal.SIGTERM, common.terminate)
    try:
        code = run_parts(run) if dask is not None or run.fmt == "parquet" else run_facts(run)
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


def run_facts(run: Run) -> ExitCode:
    """The facts of every input, streamed in input order to the writer and the store."""
    from .. import engine
    from ..inputs import discover
    from ..output import format_for, make_writer
    from ..pipeline import load_pipeline, pipeline_name

    err, output, db = run.err, run.output, run.db
    write_output = db is None or run.fmt is not None or output is not None
    fmt_name = run.fmt or (format_for(output) if output is not None else "table" if sys.stdout.isatty() else "jsonl")
    if fmt_name is None:
        raise KiextractError(
            f"-o {output}: kiextract cannot write {output.suffix} files; name the file .json, .jsonl, .csv or .txt (a table), "
            f"or give --format (Parquet: -o FOLDER --format parquet)"
        )
    jobs = 1 if "-" in run.paths else run.jobs
    if output is not None:
        common.check_output(output)
    conn = None
    options = run.options
    if db is not None:  # refused before anything is written, the -o file included
        from ..store import StoreError, known_documents, open_store, write_document

        conn = open_store(db)
        if not run.force:
            options = dataclasses.replace(options, skip=frozenset(known_documents(conn, __version__)))
    sources = list(discover(run.paths, glob=run.globs))
    nlp = load_pipeline(options.model, patterns=options.patterns)  # fails early, with a clear message, for a bad --model
    name = pipeline_name(nlp)
    out = common.open_output(output) if output else sys.stdout
    try:
        writer = make_writer(fmt_name, out, width=None if out.isatty() else 100, csv_raw=run.csv_raw) if write_output else None
    except BrokenPipeError:
        common.quiet_stdout()
        return ExitCode.OK
    except OSError as exc:  # standard output full or failing
        raise common.stdout_failed(exc) from None
    failed = done = stored = skipped = 0
    progress = None
    if err.is_terminal and len(sources) > 1 and not run.quiet:
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
        try:
            if writer is not None:
                writer.close()
            if output:
                out.close()
        except BrokenPipeError:
            common.quiet_stdout()
        except OSError as exc:  # standard output: the -o file says its own failure
            raise common.stdout_failed(exc) from None
        finally:
            if conn is not None:
                conn.close()

    def finish_quietly() -> None:
        """finish() on the way out of an error: the first error is the one reported."""
        try:
            finish()
        except KiextractError:
            pass

    started = time.perf_counter()
    try:
        for outcome in engine.run(sources, options, jobs=jobs, nlp=nlp):
            done += 1
            if outcome.failed:
                failed += 1
                err.print(f"[red]error:[/] {escape(outcome.source)}: {escape(outcome.message)}")
            if outcome.skipped:
                skipped += 1
            elif outcome.record is not None or outcome.error is not None:
                # an input that could not be read is a record too (its source and error, no facts):
                # JSON, JSON Lines, the store and Parquet carry the same documents
                record = outcome.record if outcome.record is not None else engine.unreadable(outcome)
                if not run.quiet:
                    for w in record.warnings:
                        err.print(f"[yellow]warning:[/] {escape(record.source)}: {escape(w)}")
                if conn is not None:  # the store keeps every fact, whatever --type shows
                    try:
                        write_document(conn, record.to_dict(), __version__, name)
                    except KiextractError:
                        raise
                    except Exception as exc:  # disk full, I/O error: what is stored stays whole
                        full = "disk is full" in str(exc) or getattr(exc, "errno", None) == errno.ENOSPC
                        why = "disk full" if full else f"{type(exc).__name__}: {exc}"
                        raise StoreError(f"--db {db}: storing {record.source} failed ({why}); the documents before it are stored") from None
                    stored += 1
                if writer is not None:
                    if run.types is not None:
                        record = dataclasses.replace(record, facts=tuple(f for f in record.facts if f.type in run.types))
                    try:
                        writer.write(record.to_dict())
                    except BrokenPipeError:
                        raise
                    except OSError as exc:  # standard output full or failing (the -o file says its own)
                        raise common.stdout_failed(exc) from None
            if progress is not None:
                rate = done / max(time.perf_counter() - started, 1e-9)
                progress.update(task, advance=1, rate=f"{rate:.1f}")
    except KeyboardInterrupt as exc:
        finish()
        how = "terminated" if isinstance(exc, Terminated) else "interrupted"
        err.print(f"{how} after {done} of {len(sources)} inputs; the output so far is complete")
        return ExitCode.TERMINATED if isinstance(exc, Terminated) else ExitCode.INTERRUPTED
    except BrokenPipeError:  # the reader has gone (`| head -1`): stop quietly
        common.quiet_stdout()
        if progress is not None:
            progress.stop()
        if conn is not None:
            conn.close()
        return ExitCode.OK
    except KiextractError:
        finish_quietly()
        raise
    finish()
    if conn is not None and not run.quiet:
        err.print(f"{escape(str(db))}: stored {stored} documents, skipped {skipped} already stored, {failed} failed")
    if failed:
        if not run.quiet:
            err.print(f"{failed} of {done} documents failed; the other {done - failed} were processed")
        return ExitCode.INPUT_FAILED
    return ExitCode.OK


def _parts_written(out_dir) -> int | None:
    """The complete part files in a partitioned output folder (Parquet's documents/, or JSON Lines
    parts), or None without a folder."""
    if out_dir is None:
        return None
    folder = Path(out_dir)
    return len(list((folder / "documents").glob("part-*.parquet"))) + len(list(folder.glob("part-*.jsonl")))


def _check_parts(run: Run) -> str:
    """The format of a partitioned run, or a one-line error for flags that do not go with one."""
    output, dask = run.output, run.dask
    fmt_name = run.fmt or ("parquet" if output is not None and output.suffix == "" else "jsonl")
    if fmt_name not in ("parquet", "jsonl"):
        raise KiextractError(f"--format {fmt_name}: with --dask use --format parquet or jsonl (a folder of parts with --output, or JSON Lines on stdout)")
    if run.db is not None:
        raise KiextractError("--db: not with --dask or --format parquet; the parts are the output")
    if dask is not None and run.jobs > 1:
        raise KiextractError("--jobs: not with --dask; the cluster's workers do the work (local:N for N processes here)")
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
    if "-" in run.paths:
        raise KiextractError("-: standard input cannot be spread over workers; give files, folders or URLs")
    if dask is not None and not (dask.startswith(("tcp://", "tls://", "ws://", "wss://", "inproc://")) or (dask.startswith("local:") and dask[6:].isdigit() and int(dask[6:]) > 0)):
        raise KiextractError(f"--dask {dask}: give a scheduler address (tcp://host:8786) or local:N (N worker processes here)")
    import importlib.util

    needed = (["pyarrow"] if fmt_name == "parquet" else []) + (["distributed"] if dask is not None else [])
    missing = [m for m in needed if importlib.util.find_spec(m) is None]
    if missing:
        raise KiextractError(f"{'--dask' if dask is not None else '--format parquet'} needs {', '.join(missing)}: pip install 'kiextract[cluster]'")
    return fmt_name


def run_parts(run: Run) -> ExitCode:
    """`--dask` and `--format parquet`: the corpus in partitions, each written as its own part
    (OUT/documents/ and OUT/facts/ for Parquet, OUT/part-NNNNN.jsonl for JSON Lines), or, without
    --output, JSON Lines on stdout in input order."""
    from .. import engine
    from ..distributed import (
        PartTask,
        connect,
        list_inputs,
        partitions,
        run_part,
        run_part_task,
        task_key,
    )
    from ..output import make_writer
    from ..parquet import remove_temporary

    fmt_name = _check_parts(run)
    err, output, options = run.err, run.output, run.options
    chunks = partitions(list_inputs(run.paths, run.globs), run.partition_size)
    out_dir = str(output.resolve()) if output is not None else None
    started = time.perf_counter()
    failed = documents = facts = 0
    writer = make_writer("jsonl", sys.stdout) if out_dir is None else None

    def report(result) -> None:
        nonlocal failed, documents, facts
        documents += result.documents
        facts += result.facts
        for source, message in result.failures:
            failed += 1
            err.print(f"[red]error:[/] {escape(source)}: {escape(message)}")
        if not run.quiet:
            for source, message in result.warnings:
                err.print(f"[yellow]warning:[/] {escape(source)}: {escape(message)}")
        if writer is not None:
            for r in result.records:
                writer.write(r)

    client = cluster = None
    futures = []
    try:
        if run.dask is None:  # Parquet on this machine: the engine's processes, parts written here
            nlp = engine.pipeline(options)  # a bad --model fails before any part is written
            tasks = [PartTask(k, tuple(chunk), out_dir, fmt_name, run.types) for k, chunk in enumerate(chunks)]
            for result in engine.parallel(run_part_task, tasks, options, run.jobs, nlp):
                report(result)
        else:
            from distributed import as_completed, progress

            try:
                client, cluster = connect(run.dask, options)
            except (OSError, TimeoutError) as exc:
                raise KiextractError(f"--dask {run.dask}: cannot reach the scheduler ({exc})") from None
            futures = [
                client.submit(run_part, k, chunk, options, out_dir, fmt_name, run.types, key=task_key(k, chunk, options, out_dir, fmt_name), retries=2, pure=False)
                for k, chunk in enumerate(chunks)
            ]
            if err.is_terminal and not run.quiet and futures:
                progress(futures)
            pending: dict[int, object] = {}
            next_part = 0
            for future in as_completed(futures):
                result = future.result()
                pending[result.part] = result
                while next_part in pending:  # stdout keeps input order
                    report(pending.pop(next_part))
                    next_part += 1
    except KeyboardInterrupt as exc:
        with contextlib.suppress(BaseException):  # a second Ctrl-C while cancelling: still one line
            if client is not None and futures:
                client.cancel(futures)
        if out_dir is not None:
            remove_temporary(out_dir)
        how = "terminated" if isinstance(exc, Terminated) else "interrupted"
        written = _parts_written(out_dir)
        if written is None:
            err.print(f"{how} after {documents} documents; the output so far is complete")
        else:  # workers may have written parts whose results had not come back yet
            err.print(f"{how}: {written} parts written to {escape(str(out_dir))}, each complete ({documents} documents reported)")
        return ExitCode.TERMINATED if isinstance(exc, Terminated) else ExitCode.INTERRUPTED
    finally:
        with contextlib.suppress(BaseException):  # Ctrl-C while closing: what is written is complete
            if writer is not None:
                writer.close()
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()
    seconds = time.perf_counter() - started
    if not run.quiet:
        where = f" into {escape(str(output))}" if output is not None else ""
        err.print(f"{documents} documents, {facts} facts, {failed} failed, {len(chunks)} parts{where} in {seconds:.1f} s")
    return ExitCode.INPUT_FAILED if failed else ExitCode.OK
