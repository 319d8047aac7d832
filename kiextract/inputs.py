"""Find input files and read them into texts: discovery, decoding, and clear errors per file."""
from __future__ import annotations

import codecs
import fnmatch
import hashlib
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from .errors import InputError
from .pipeline import MAX_CHARS, Input

BINARY_SNIFF = 8192


@dataclass(frozen=True)
class Source:
    """A path to read (or '-' for standard input), or an error found while looking for inputs."""

    name: str
    path: Path | None = None
    error: str | None = None

    def __post_init__(self) -> None:
        # a file name with bytes that are not UTF-8 ("caf\xe9.txt") is read by its path but named
        # with U+FFFD in records and messages, which must stay valid UTF-8
        object.__setattr__(self, "name", display_name(self.name))


def display_name(name: str) -> str:
    """`name` as valid Unicode text: undecodable bytes of a file name become U+FFFD.

    >>> display_name(os.fsdecode(b"caf\\xe9.txt"))
    'caf\ufffd.txt'
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
            return name.encode("utf-8", "replace").decode("utf-8")


def discover(paths: list[str], glob: str | Sequence[str] = "*.txt") -> Iterator[Source]:
    """Every input named by `paths`, lazily: files as given, directories walked recursively in
    sorted order for names matching any of the `glob` patterns, '-' for stdin. Problems become
    `Source(error=...)` so that the caller reports them and goes on."""
    globs = (glob,) if isinstance(glob, str) else tuple(glob)
    for raw in paths:
        if raw == "-":
            yield Source("-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for item in _walk(path, globs):
                found = True
                yield item
            if not found:
                wanted = " or ".join(repr(g) for g in globs)
                yield Source(raw, error=f"no files matching {wanted} in this directory; pass --glob to choose other files")
        elif path.exists():
            yield Source(raw, path)
        elif path.is_symlink():
            yield Source(raw, error=_link_problem(path))
        else:
            yield Source(raw, error="no such file or directory; check the path")


def _walk(root: Path, globs: tuple[str, ...]) -> Iterator[Source]:
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[Source]:
        try:
            st = folder.stat()
        except OSError as exc:
            yield Source(str(folder), error=f"cannot enter directory ({exc.strerror or exc})")
            return
        if (st.st_dev, st.st_ino) in seen:
            yield Source(str(folder), error="symbolic link loop: this directory was already visited, skipped")
            return
        seen.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield Source(str(folder), error=f"cannot list directory ({exc.strerror or exc})")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(path)
            elif any(fnmatch.fnmatch(entry.name, g) for g in globs):
                if entry.is_symlink() and not path.exists():
                    yield Source(str(path), error=_link_problem(path))
                else:
                    yield Source(str(path), path)

    yield from visit(root)


def _link_problem(path: Path) -> str:
    import errno

    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link points back to itself); fix or remove the link"
    return "broken symbolic link (its target does not exist); fix or remove the link"


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Text from bytes: UTF-8 with or without BOM, else cp1252 with a warning.

    >>> decode("Güler".encode("cp1252"), "x.txt")
    ('Güler', ['x.txt is not UTF-8; read as Windows-1252 (cp1252): check umlauts'])
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, [f"{source} is not UTF-8; read as Windows-1252 (cp1252): check umlauts"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [f"{source} is not UTF-8; read as Latin-1: check umlauts"]


def read_input(source: Source, published: str | None = None, max_chars: int = MAX_CHARS, stdin=None) -> Input:
    """Read one source into an `Input`, or raise `InputError` saying what is wrong and what to do."""
    if source.error:
        raise InputError(source.name, source.error)
    try:
        limit = max_chars * 4  # bytes: at most four per character in UTF-8
        if source.name == "-":
            data = (stdin or sys.stdin.buffer).read(limit + 1)  # never more than the limit
            name = "<stdin>"
            if len(data) > limit:
                raise InputError(name, _too_large(len(data), max_chars, unit="bytes or more"))
        else:
            assert source.path is not None
            st = source.path.stat()
            if stat.S_ISDIR(st.st_mode):
                raise InputError(source.name, "is a directory")
            if not stat.S_ISREG(st.st_mode):
                raise InputError(source.name, "not a regular file (a FIFO, device or socket), skipped; pass only text files")
            if st.st_size > limit:
                raise InputError(source.name, _too_large(st.st_size, max_chars))
            with source.path.open("rb") as fh:
                data = fh.read(limit + 1)  # a file that grows while it is read is still bounded
            if len(data) > limit:
                raise InputError(source.name, _too_large(len(data), max_chars, unit="bytes or more"))
            name = source.name
    except InputError:
        raise
    except PermissionError:
        raise InputError(source.name, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(source.name, f"cannot read ({exc.strerror or exc})") from None
    if b"\x00" in data[:BINARY_SNIFF]:
        raise InputError(name, "looks like a binary file (it contains NUL bytes), not text; pass only .txt articles")
    text, warnings = decode(data, name)
    if len(text) > max_chars:
        raise InputError(name, _too_large(len(text), max_chars, unit="characters"))
    if not text.strip():
        warnings.append(f"{name} is empty: no facts")
    return Input(
        text=text,
        source=name,
        sha256=hashlib.sha256(data).hexdigest(),
        published=published,
        warnings=tuple(warnings),
    )


def _too_large(size: int, limit: int, unit: str = "bytes") -> str:
    return (
        f"too large ({size:,} {unit}; the limit is {limit:,} characters). "
        f"Split it into articles, or raise the limit with --max-chars"
    )
