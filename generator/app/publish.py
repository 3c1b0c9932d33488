"""Putting a built site in place: only the files that changed are new, and all at once.

The build writes into a fresh folder beside the output. Before that folder takes the output's
place, every file in it that is byte for byte the file already published at its path is
replaced by that very file (a hard link), so a file that did not change keeps its inode and its
modification time: rsync, a static host's upload and a web server's caches see only the files
that changed. Then one rename swaps the folders, so a reader of the output sees either the whole
previous site or the whole new one, and a failed build leaves the previous site untouched.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class Published:
    """What putting the site in place did to the output folder's files."""

    written: int  # new or changed
    removed: int  # published before, gone now
    unchanged: int

    def brief(self) -> str:
        return f"{self.written:,} files written, {self.removed:,} removed, {self.unchanged:,} unchanged"


def publish(staging: Path, output: Path) -> Published:
    """Make the site built in `staging` the folder `output` (which may not exist yet)."""
    written = unchanged = 0
    for relative in _files(staging):
        old, new = output / relative, staging / relative
        if _same_file(old, new):  # taken from the last build (`generator.core.reuse`)
            unchanged += 1
        elif _same_file_content(old, new):
            _take(old, new)
            unchanged += 1
        else:
            written += 1
    removed = sum(1 for relative in _files(output) if not (staging / relative).is_file())
    _swap(output, staging)
    return Published(written, removed, unchanged)


def output_files(output: Path) -> dict[str, tuple[int, int]]:
    """{path in the folder: (size, modification time in ns)} of every file under `output`."""
    files = {}
    for relative in _files(output):
        status = (output / relative).stat()
        files[relative] = (status.st_size, status.st_mtime_ns)
    return files


def _files(folder: Path) -> Iterator[str]:
    """The relative paths of the regular files under `folder` (none when it does not exist)."""
    stack = [""]
    while stack:
        prefix = stack.pop()
        try:
            entries = list(os.scandir(folder / prefix if prefix else folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            relative = f"{prefix}{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                stack.append(f"{relative}/")
            elif entry.is_file(follow_symlinks=False):
                yield relative


def _same_file(old: Path, new: Path) -> bool:
    """Whether `new` is the very file `old` (a link to it)."""
    try:
        return os.path.samestat(old.lstat(), new.lstat())
    except OSError:
        return False


def _same_file_content(old: Path, new: Path) -> bool:
    try:
        if old.is_symlink() or not old.is_file():
            return False
        if old.stat().st_size != new.stat().st_size:
            return False
        with old.open("rb") as before, new.open("rb") as after:
            while True:
                block = before.read(_BLOCK)
                if block != after.read(_BLOCK):
                    return False
                if not block:
                    return True
    except OSError:
        return False


def _take(old: Path, new: Path) -> None:
    """Put the published file `old` at `new`'s place; where it cannot be linked (another file
    system, a file system without links), the new copy, equal to it, stays."""
    link = new.with_name(f".{new.name}.{os.getpid()}.link")
    try:
        os.link(old, link)
        os.replace(link, new)
    except OSError:
        link.unlink(missing_ok=True)


def _swap(output: Path, staging: Path) -> None:
    previous = output.with_name(f".{output.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
