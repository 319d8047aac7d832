"""Run the pipeline over many inputs: in order, streamed, on one process or a pool of workers.

Each result is an `Outcome` (records.py): a record, a failed record (a stage raised on it), an
input that could not be read, or a document skipped because its sha256 is in `skip`. Workers load
the pipeline once and read their own files, so reading and extraction both spread over the
processes.
"""
from __future__ import annotations

import itertools
from typing import Iterable, Iterator

from .errors import InputError
from .inputs import Source, read_inputs
from .pipeline import process
from .records import Outcome

CHUNK = 16

_worker: dict = {}


def _run_chunk(
    nlp, chunk: list[Source], published: str | None, max_chars: int, skip: frozenset[str] = frozenset(),
    input_format: str = "auto", with_text: bool = False,
) -> list[Outcome]:
    """Read and process one chunk of sources; errors and skips keep their place in the order."""
    slots: list[Outcome | None] = []
    items = []
    for src in chunk:
        try:
            found = read_inputs(src, published=published, max_chars=max_chars, input_format=input_format, with_text=with_text)
        except InputError as exc:
            slots.append(Outcome(src.name, error=exc.reason))
            continue
        for item in found:  # one per document: a JSON Lines file holds many
            if isinstance(item, InputError):
                slots.append(Outcome(item.source, error=item.reason))
            elif item.sha256 in skip:
                slots.append(Outcome(item.source, skipped=True))
            else:
                items.append(item)
                slots.append(None)
    outcomes = iter(process(nlp, items, batch_size=CHUNK))
    return [next(outcomes) if slot is None else slot for slot in slots]


def _init_worker(model: str, patterns: str | None, published: str | None, max_chars: int, skip: frozenset[str], input_format: str = "auto", with_text: bool = False) -> None:
    import signal

    from .pipeline import load_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # and SIGTERM; the pool ends workers with it
    if "nlp" not in _worker:  # inherited from the parent when the pool forks
        _worker["nlp"] = load_pipeline(model, patterns=patterns)
    _worker.update(published=published, max_chars=max_chars, skip=skip, input_format=input_format, with_text=with_text)


def _work(chunk: list[Source]) -> list[Outcome]:
    return _run_chunk(_worker["nlp"], chunk, _worker["published"], _worker["max_chars"], _worker["skip"], _worker["input_format"], _worker["with_text"])


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    it = iter(sources)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def run(
    sources: Iterable[Source],
    *,
    model: str = "auto",
    patterns: str | None = None,
    published: str | None = None,
    max_chars: int,
    jobs: int = 1,
    nlp=None,
    chunk_size: int = CHUNK,
    skip: frozenset[str] = frozenset(),
    input_format: str = "auto",
    with_text: bool = False,
) -> Iterator[Outcome]:
    """Yield one Outcome per document (a JSON Lines file holds many), in input order. Standard input ('-') is read in this process.

    With jobs > 1 a pool of worker processes does the work; a pipeline passed as `nlp` is shared
    with them when the platform forks (else each worker loads `model`)."""
    if nlp is None and jobs <= 1:
        from .pipeline import load_pipeline

        nlp = load_pipeline(model, patterns=patterns)
    if jobs <= 1:
        for chunk in _chunks(sources, chunk_size):
            yield from _run_chunk(nlp, chunk, published, max_chars, skip, input_format, with_text)
        return

    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "fork" and nlp is not None:
        _worker["nlp"] = nlp
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(model, patterns, published, max_chars, skip, input_format, with_text))
    try:
        for results in pool.imap(_work, _chunks(sources, chunk_size)):
            yield from results
        pool.close()
    finally:
        pool.terminate()
        pool.join()
