"""Exit codes and the errors the command line reports without a traceback."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INPUT_FAILED = 1  # some inputs could not be processed; the rest were
    USAGE = 2
    INTERRUPTED = 130  # Ctrl-C (SIGINT)
    TERMINATED = 143  # SIGTERM


class KiextractError(Exception):
    """An expected error: its message says what went wrong and what to do."""


class ModelNotFound(KiextractError):
    pass


class PatternsError(KiextractError):
    """The --patterns file is not valid JSON Lines of span-ruler patterns."""


class ProcessingError(KiextractError):
    """A stage failed on a document (`extract`); in batch runs this is a failed record instead."""


class InputError(KiextractError):
    """One input could not be read; other inputs go on."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message
