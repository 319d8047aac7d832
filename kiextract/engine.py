"""One road for documents: every command and every way of running (one process, `--jobs`, `--db`,
Parquet, Dask, `show`, `eval` on articles) reads its inputs and runs the pipeline here.

- `Options`: how each document is read and processed, one object from the flags to the workers;
- `pipeline(options)`: the pipeline, loaded once per process;
- `process_sources(sources, options)`: read and process some inputs; every input, good or bad,
  becomes an `Outcome` in its place (a JSON Lines file gives one per record);
- `parallel(fn, tasks, options, jobs)`: the one process pool;
- `run(sources, options, jobs=...)`: all of it, streamed in input order.
"""
from __future__ import annotations

import dataclasses
import itertools
import os
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, TypeVar

from .errors import InputError
from .inputs import MAX_CHARS, Source, read_inputs
from .pipeline import describe_exception, load_pipeline, process
from .records import Document, Outcome

CHUNK = 16  # documents per task of the pool: big enough to amortise it, small enough to balance
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Options:
    """How each document is read and processed; the same for every document of a run, in every
    worker process (Dask sends it with every task)."""

    model: str = "auto"
    patterns: str | None = None
    published: str | None = None  # --published: the publication date of every input
    max_chars: int = MAX_CHARS
    input_format: str = "auto"
    with_text: bool = False
    skip: frozenset[str] = frozenset()  # sha256 of documents not to process again (--db)
    locale: str = "auto"  # --locale: de-DE, de-AT, de-CH, or auto (found in each text)


_PIPELINES: dict[tuple[str, str | None], object] = {}  # per process: the pipelines loaded, by (model, patterns)


def pipeline(options: Options):
    """The pipeline `options` ask for, loaded once per process."""
    key = (options.model, options.patterns)
    if key not in _PIPELINES:
        _PIPELINES[key] = load_pipeline(options.model, patterns=options.patterns)
    return _PIPELINES[key]


def unreadable(outcome: Outcome) -> Document:
    """The record of an input that could not be read: its name and error, no facts (Parquet and
    Dask write one for every input)."""
    return Document(source=outcome.source, sha256=None, title=None, published=None, chars=0, error=outcome.error)


def process_sources(sources: Iterable[Source], options: Options, nlp=None) -> list[Outcome]:
    """Read and process `sources`: one Outcome per document, in order; an input that cannot be
    read and a document already stored (`options.skip`) keep their place."""
    nlp = nlp or pipeline(options)
    slots: list[Outcome | None] = []
    items = []
    for src in sources:
        try:
            for item in read_inputs(src, published=options.published, max_chars=options.max_chars, input_format=options.input_format, with_text=options.with_text):
                # one per document: a JSON Lines file holds many
                if isinstance(item, InputError):
                    slots.append(Outcome(item.source, error=item.reason))
                elif item.sha256 in options.skip:
                    slots.append(Outcome(item.source, skipped=True))
                else:
                    items.append(item if options.locale == "auto" else dataclasses.replace(item, locale=options.locale))
                    slots.append(None)
        except InputError as exc:
            slots.append(Outcome(src.name, error=exc.reason))
        except Exception as exc:  # a reader's fault on a hostile input costs that input only (and what of it is left unread)
            slots.append(Outcome(src.name, error=f"cannot be read: {describe_exception(exc)}"))
    outcomes = iter(process(nlp, items, batch_size=CHUNK))
    return [next(outcomes) if slot is None else slot for slot in slots]


def _process_chunk(chunk: list[Source], options: Options) -> list[Outcome]:
    return process_sources(chunk, options)


_worker: dict = {}


def _init_worker(options: Options) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # and SIGTERM; the pool ends workers with it
    _end_with_parent()
    _worker["options"] = options
    pipeline(options)  # inherited from the parent when the pool forks, else loaded here


def _end_with_parent() -> None:
    """A worker ends when its parent does, also when the parent is killed (kill -9) and cannot end
    its pool: Linux sends it SIGTERM then (PR_SET_PDEATHSIG). Elsewhere the pool's own cleanup
    stays the only one."""
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the call: end now
        os._exit(1)


def _call(job: tuple[Callable, object]):
    fn, task = job
    return fn(task, _worker["options"])


def workers(jobs: int, tasks: int) -> int:
    """How many processes `--jobs` gives: never more than the tasks or the machine's cores."""
    return max(1, min(jobs, tasks, os.cpu_count() or 1))


def parallel(fn: Callable[[T, Options], R], tasks: list[T], options: Options, jobs: int = 1, nlp=None) -> Iterator[R]:
    """`fn(task, options)` for every task, results in task order: in this process when one job
    does, else in a pool of worker processes that each load the pipeline once (forked workers
    inherit `nlp`, or the pipeline this process loaded). `fn` must be a module-level function."""
    n = workers(jobs, len(tasks))
    if n <= 1:
        for task in tasks:
            yield fn(task, options)
        return
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    if method == "fork" and nlp is not None:
        _PIPELINES[(options.model, options.patterns)] = nlp
    pool = mp.get_context(method).Pool(n, initializer=_init_worker, initargs=(options,))
    try:
        yield from pool.imap(_call, ((fn, task) for task in tasks))
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def chunks(items: Iterable[T], size: int) -> list[list[T]]:
    it = iter(items)
    return list(iter(lambda: list(itertools.islice(it, size)), []))


def run(sources: Iterable[Source], options: Options = Options(), *, jobs: int = 1, nlp=None, chunk_size: int = CHUNK) -> Iterator[Outcome]:
    """One Outcome per document (a JSON Lines file holds many), in input order. Standard input
    ('-') is read in this process, as is everything with one job."""
    sources = list(sources)
    if jobs <= 1 or any(s.name == "-" for s in sources):
        nlp = nlp or pipeline(options)
        for chunk in chunks(sources, chunk_size):
            yield from process_sources(chunk, options, nlp)
        return
    for outcomes in parallel(_process_chunk, chunks(sources, chunk_size), options, jobs, nlp):
        yield from outcomes
