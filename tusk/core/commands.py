"""Shared behaviour of Tusk's commands: one-line errors and exit codes (design.md)."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand

EXIT_BAD_INPUT = 2
READ_SECONDS = 120


@contextmanager
def time_limit(path: str, seconds: int = READ_SECONDS) -> Iterator[None]:
    """Stop reading a document that takes unreasonably long, with a message, never a hang.

    Uses SIGALRM, so it only acts in the main thread of a command; elsewhere it does nothing.
    """
    from niapdoc.errors import ReportError

    def expired(signum: int, frame: Any) -> None:
        raise ReportError(
            f"{path} took more than {seconds} s to read, far longer than any report: it may "
            "be damaged; save it again from Word or send the Word file"
        )

    try:
        previous = signal.signal(signal.SIGALRM, expired)
    except ValueError:  # not the main thread
        yield
        return
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class TuskCommand(BaseCommand):
    """A command that reports bad input in one line on stderr and exits 2, never a traceback."""

    def fail(self, message: str) -> NoReturn:
        """Print `message` as the one line of an error and exit 2."""
        self.stderr.write(f"error: {message}")
        sys.exit(EXIT_BAD_INPUT)

    def read_document(self, path: str) -> Any:
        """Read a report file into the interchange model, or fail with the reader's message."""
        from django.conf import settings

        from niapdoc.errors import ReportError
        from niapdoc.reading import read_report

        raw = self.read_input(path, limit=settings.TUSK_MAX_REPORT_BYTES)
        try:
            with time_limit(path):
                return read_report(raw, filename=Path(path).name)
        except ReportError as exc:
            self.fail(str(exc))

    def read_input(self, path: str, *, limit: int) -> bytes:
        """The bytes of a file the user named, refusing what is missing, a folder or too large."""
        file = Path(path)
        if not file.exists():
            self.fail(f"{path}: no such file: check the path")
        if not file.is_file():
            self.fail(f"{path}: not a file: name the report file itself")
        size = file.stat().st_size
        if size > limit:
            self.fail(
                f"{path}: {size / 1_048_576:.1f} MB is over the limit of "
                f"{limit / 1_048_576:.0f} MB: remove pictures or split the annexes off"
            )
        try:
            return file.read_bytes()
        except OSError as exc:
            self.fail(f"{path}: cannot be read ({exc.strerror}): check its permissions")
