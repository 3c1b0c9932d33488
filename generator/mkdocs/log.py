"""What MkDocs (and the plugins it runs) log, collected while a block runs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def mkdocs_log(lowest: int, *, below: int = logging.CRITICAL + 1) -> Iterator[list[str]]:
    """The messages of the levels from `lowest` up to, not including, `below` that MkDocs'
    loggers receive while the block runs; a warning as MkDocs prints it ("WARNING -  …")."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno < below:
                message = record.getMessage()
                messages.append(message if lowest >= logging.ERROR else f"{record.levelname:<7} -  {message}")

    handler = Collect(lowest)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
