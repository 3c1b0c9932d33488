"""Find the content files under the root and read them as text, refusing what is not text.

Why: a content root is edited by hand; a stray binary, a file saved as Windows-1251 or a
runaway 50 MB export must become a located message, not a crash or a minute-long stall.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.core.diagnostics import Location, Report

ORGANIZATIONS_FILE = "organizations.yml"
PEOPLE_FILE = "people.yml"

# A regulation or a meeting record is rarely over 1 MB; anything ten times that is an export
# gone wrong. Refusing it keeps `check` bounded in time and memory.
MAX_FILE_BYTES = 10_000_000


@dataclass(frozen=True, slots=True)
class ContentFiles:
    root: Path
    organizations: Path | None
    people: Path | None
    documents: list[Path]

    @property
    def registries(self) -> list[Path]:
        return [path for path in (self.organizations, self.people) if path is not None]

    @property
    def count(self) -> int:
        return len(self.registries) + len(self.documents)


def discover(root: Path) -> ContentFiles:
    """Every `*.md` under the root except `_`-prefixed names, plus the two registries."""
    documents = sorted(_markdown_files(root))
    organizations = root / ORGANIZATIONS_FILE
    people = root / PEOPLE_FILE
    return ContentFiles(
        root=root,
        organizations=organizations if organizations.is_file() else None,
        people=people if people.is_file() else None,
        documents=documents,
    )


def _markdown_files(root: Path) -> Iterator[Path]:
    for folder, subfolders, files in os.walk(root):
        # Hidden folders (.git, editor caches) are never content.
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            if name.endswith(".md") and not name.startswith(("_", ".")):
                yield Path(folder, name)


def read_bytes(path: Path, report: Report) -> bytes | None:
    """The file's bytes, or None after reporting why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            report.add(
                "file-too-large",
                Location(path),
                f"file is {size / 1e6:.1f} MB; content files are limited to {MAX_FILE_BYTES // 10**6} MB",
            )
            return None
        return path.read_bytes()
    except OSError as error:
        report.add("not-utf8", Location(path), f"cannot read file: {error.strerror}")
        return None


def decode_text(path: Path, data: bytes, report: Report) -> str | None:
    """The file's bytes as text, or None after reporting why they are not UTF-8 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        report.add("not-utf8", Location(path), "file is UTF-16; save it as UTF-8")
        return None
    if b"\x00" in data:
        line, column = _place_of_byte(data, data.index(b"\x00"))
        report.add("binary-file", Location(path, line, column), "file contains NUL bytes; is it binary?")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _place_of_byte(data, error.start)
        byte = data[error.start]
        report.add(
            "not-utf8",
            Location(path, line, column),
            f"file is not UTF-8 (byte 0x{byte:02x}); save it as UTF-8",
        )
        return None
    return text.removeprefix("\ufeff")


def _place_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column
