"""What the commands share: the error console, escaping for the terminal, checked output files,
the SIGTERM handler and the choices of the flags."""
from __future__ import annotations

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
FactType = Enum("FactType", {t: t for t in FACT_TYPES}, type=str)  # the record model's types
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


def open_output(output: Path):
    """The -o file opened for writing, or a one-line error naming it."""
    check_output(output)
    try:
        return open(output, "w", encoding="utf-8", newline="")
    except PermissionError:
        raise KiextractError(f"-o {output}: permission denied; choose a file you can write") from None
    except OSError as exc:
        raise KiextractError(f"-o {output}: cannot write ({exc.strerror or exc})") from None


def quiet_stdout() -> None:
    """After a closed pipe (`| head -1`): send what is left to /dev/null so that the exit is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
