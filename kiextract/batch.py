"""Run the pipeline over many inputs: in order, streamed, on one process or a pool of workers.

Each result is `(source_name, record_dict | None, error | None)`. Workers load the pipeline once
and read their own files, so reading and extraction both spread over the processes.
"""
from __future__ import annotations

import itertools
from typing import Iterable, Iterator

from .errors import InputError
from .inputs import Source, read_input
from .pipeline import process

CHUNK = 16
Result = tuple[str, "dict | None", "str | None"]

_worker: dict = {}


def _run_chunk(nlp, chunk: list[Source], published: str | None, max_chars: int) -> list[Result]:
    """Read and process one chunk of sources; errors keep their place in the order."""
    slots: list[Result | None] = []
    items = []
    for src in chunk:
        try:
            items.append(read_input(src, published=published, max_chars=max_chars))
            slots.append(None)
        except InputError as exc:
            slots.append((src.name, None, exc.reason))
    records = iter(process(nlp, items, batch_size=CHUNK))
    out: list[Result] = []
    for src, slot in zip(chunk, slots):
        if slot is None:
            rec = next(records)
            out.append((rec.source, rec.to_dict(), None))
        else:
            out.append(slot)
    return out


def _init_worker(model: str, patterns: str | None, published: str | None, max_chars: int) -> None:
    import signal

    from .pipeline import load_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _worker.update(nlp=load_pipeline(model, patterns=patterns), published=published, max_chars=max_chars)


def _work(chunk: list[Source]) -> list[Result]:
    return _run_chunk(_worker["nlp"], chunk, _worker["published"], _worker["max_chars"])


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
) -> Iterator[Result]:
    """Yield one result per source, in input order. Standard input ('-') is read in this process."""
    if jobs <= 1:
        if nlp is None:
            from .pipeline import load_pipeline

            nlp = load_pipeline(model, patterns=patterns)
        for chunk in _chunks(sources, chunk_size):
            yield from _run_chunk(nlp, chunk, published, max_chars)
        return

    import multiprocessing as mp

    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(model, patterns, published, max_chars))
    try:
        for results in pool.imap(_work, _chunks(sources, chunk_size)):
            yield from results
        pool.close()
    finally:
        pool.terminate()
        pool.join()
