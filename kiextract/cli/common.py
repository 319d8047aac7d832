"""What the commands share: the error console, escaping for the terminal, checked output files,
the SIGTERM handler and the choices of the flags."""
from __future__ import annotations

import errno
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import KiextractError
from ..locales import CHOICES as LOCALE_CHOICES
from ..output import FORMATS
from ..records import FACT_TYPES, INPUT_FORMATS

Format = Enum("Format", {f: f for f in FORMATS}, type=str)  # the output module's formats
InputFormat = Enum("InputFormat", {f: f for f in INPUT_FORMATS}, type=str)
LocaleChoice = Enum("LocaleChoice", {c: c for c in LOCALE_CHOICES}, type=str)  # auto, de-DE, de-AT, de-CH
LOCALE_HELP = "How the texts are written: de-DE, de-AT, de-CH (phone region, currency and number format, holidays, parties), or auto: found in each text. Example: --locale de-CH"
DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm")


def stderr():
    """The console for messages (stderr), without colour where NO_COLOR is set."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, no_color=bool(os.environ.get("NO_COLOR")))


def escape(text: str) -> str:
    """Text for Rich markup on a terminal: markup and control characters escaped."""
    from rich.markup import escape as rich_escape

    from ..output import printable

    return rich_escape(printable(text))


def check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from ..components.dates.resolve import parse_published_option

    parsed = parse_published_option(value)
    if parsed is None:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY (or DD.MM.YYYY)")
    return parsed


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: the output written so far is closed and stays valid."""


def terminate(signum, frame) -> None:
    raise Terminated()


def check_output(output: Path) -> None:
    """A one-line error naming the -o file when it cannot be written (before any work is done)."""
    if output.is_dir():
        raise KiextractError(f"-o {output}: is a directory; give a file name such as {output / 'facts.jsonl'}")
    if not output.parent.is_dir():
        raise KiextractError(f"-o {output}: the directory {output.parent} does not exist; create it first")
    if not os.access(output if output.exists() else output.parent, os.W_OK):
        raise KiextractError(f"-o {output}: permission denied; choose a file you can write")


def open_output(output: Path) -> "OutputFile":
    """The -o file opened for writing, or a one-line error naming it."""
    check_output(output)
    return OutputFile(output)


class OutputFile:
    """The -o file, written whole or not at all: the text goes into a hidden file beside it, which
    `close()` renames into place; a write that fails (disk full, I/O error, a folder made
    read-only) is a one-line `KiextractError`, and the file the user named stays as it was.
    `abort()` drops what was written."""

    def __init__(self, path: Path, flag: str = "-o") -> None:
        import tempfile

        self.path, self.flag = path, flag
        self.failed = False  # after a failed write, what follows goes nowhere
        try:
            if path.exists() and not path.is_file():  # "-o /dev/null", a named pipe: written through
                self.tmp = None
                self.fh = open(path, "w", encoding="utf-8", newline="")
                return
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
            self.tmp = Path(tmp)
            os.chmod(fd, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())  # as open() would make it
            self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
        except PermissionError:
            raise KiextractError(f"{flag} {path}: permission denied; choose a file you can write") from None
        except OSError as exc:
            raise KiextractError(f"{flag} {path}: cannot write ({exc.strerror or exc})") from None

    def _failed(self, exc: OSError) -> KiextractError:
        self.abort()
        self.failed = True
        what = "disk full" if exc.errno == errno.ENOSPC else exc.strerror or str(exc)
        return KiextractError(f"{self.flag} {self.path}: cannot write ({what}); {self.path} is left as it was")

    def write(self, text: str) -> int:
        if self.failed:
            return len(text)
        try:
            return self.fh.write(text)
        except OSError as exc:
            raise self._failed(exc) from None

    def flush(self) -> None:
        if self.failed:
            return
        try:
            self.fh.flush()
        except OSError as exc:
            raise self._failed(exc) from None

    def isatty(self) -> bool:
        return False

    def close(self) -> None:
        if self.failed or self.fh.closed:
            return
        try:
            self.fh.flush()
            if self.tmp is not None:
                os.fsync(self.fh.fileno())
            self.fh.close()
            if self.tmp is not None:
                os.replace(self.tmp, self.path)
        except OSError as exc:
            raise self._failed(exc) from None

    def abort(self) -> None:
        try:
            if not self.fh.closed:
                self.fh.close()
        except OSError:
            pass
        try:
            if self.tmp is not None:
                self.tmp.unlink()
        except OSError:
            pass


def fact_types(values: list[str]) -> tuple[str, ...]:
    """The fact types of --type: repeated, comma lists, singular or plural, any case ("-t
    persons,Money" -> person, money); one line naming what is accepted otherwise."""
    plural = {t + "s": t for t in FACT_TYPES} | {"organisations": "organization", "organisation": "organization"}
    out = []
    for value in values:
        for word in (w.strip().lower() for w in value.split(",")):
            if not word:
                continue
            kind = word if word in FACT_TYPES else plural.get(word)
            if kind is None:
                raise KiextractError(f"--type {word}: no such fact type; use {', '.join(FACT_TYPES)} (or their plurals, comma-separated)")
            if kind not in out:
                out.append(kind)
    return tuple(out)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_whole(path: Path, text: str, flag: str) -> None:
    """`text` into `path`, whole or not at all (`OutputFile`); a failure is one line naming `flag`."""
    out = OutputFile(path, flag)
    out.write(text)
    out.close()


def stdout_failed(exc: OSError) -> KiextractError:
    """A write to standard output that failed (not a closed pipe): a one-line error; what is left
    goes nowhere so that the exit is quiet."""
    quiet_stdout()
    what = "disk full" if exc.errno == errno.ENOSPC else exc.strerror or str(exc)
    return KiextractError(f"standard output: cannot write ({what}); the output is incomplete")


def quiet_stdout() -> None:
    """After a closed pipe (`| head -1`): send what is left to /dev/null so that the exit is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
