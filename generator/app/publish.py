"""Putting a built site in place: only the files that changed are touched.

The build writes what it makes into a fresh folder beside the output; the files it keeps from
the last build (`generator.core.reuse`) it leaves in the output, unread. A build that fails
leaves the output untouched. One that succeeds then puts in place, in the output, each file that
is new or whose bytes changed, each by a rename (a reader never sees half a file), and removes
the files that are gone. A file whose bytes did not change is left as it was (the same file, its
modification time kept), so rsync, a static host's upload and a web server's caches see only
the files that changed. The first build into a folder renames the whole folder into place.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection, Iterator
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


def publish(staging: Path, output: Path, kept: Collection[str] = ()) -> Published:
    """Make `output` the site built in `staging`, with the files at the site paths `kept` left
    in `output` as they are; `staging` is gone afterwards."""
    if not output.exists():
        written = sum(1 for _ in _files(staging))
        staging.rename(output)
        return Published(written, 0, 0)
    before = dict(_files(output))
    linked = _same_device(staging, output)
    built: set[str] = set()
    new: list[str] = []
    for relative, entry in _files(staging):
        built.add(relative)
        old = before.get(relative)
        if old is None or not ((linked and old.inode() == entry.inode()) or _same_content(old, entry)):
            new.append(relative)
    keep = set(kept)
    gone = [relative for relative in before if relative not in built and relative not in keep]
    for relative in gone:
        os.unlink(os.path.join(output, relative))
    _remove_empty_folders(output, gone)
    for relative in new:
        _move(os.path.join(staging, relative), os.path.join(output, relative))
    shutil.rmtree(staging)
    left = len(before) - len(gone) - len(before.keys() & built)  # kept where they were
    return Published(len(new), len(gone), len(built) - len(new) + left)


def output_files(output: Path) -> dict[str, tuple[int, int]]:
    """{path in the folder: (size, modification time in ns)} of every file under `output`."""
    files = {}
    for relative, entry in _files(output):
        status = entry.stat(follow_symlinks=False)
        files[relative] = (status.st_size, status.st_mtime_ns)
    return files


def _files(folder: Path) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """What is under `folder` but folders (none when it does not exist): relative paths and the
    entries `os.scandir` found them as (which know their inode without a system call)."""
    stack = [""]
    while stack:
        prefix = stack.pop()
        try:
            entries = list(os.scandir(os.path.join(folder, prefix) if prefix else folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            relative = f"{prefix}{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                stack.append(f"{relative}/")
            else:
                yield relative, entry


def _same_device(staging: Path, output: Path) -> bool:
    """Whether a file in `staging` with the inode of one in `output` is that very file."""
    try:
        return staging.stat().st_dev == output.stat().st_dev
    except OSError:
        return False


def _same_content(old: os.DirEntry[str], new: os.DirEntry[str]) -> bool:
    try:
        if not old.is_file(follow_symlinks=False):
            return False
        if old.stat(follow_symlinks=False).st_size != new.stat(follow_symlinks=False).st_size:
            return False
        with open(old.path, "rb") as before, open(new.path, "rb") as after:
            while True:
                block = before.read(_BLOCK)
                if block != after.read(_BLOCK):
                    return False
                if not block:
                    return True
    except OSError:
        return False


def _remove_empty_folders(output: Path, gone: list[str]) -> None:
    """Remove the folders that removing the files `gone` left empty, deepest first."""
    folders = {os.path.dirname(relative) for relative in gone} - {""}
    for deepest in sorted(folders, key=lambda folder: folder.count("/"), reverse=True):
        folder = deepest
        while folder:
            try:
                os.rmdir(os.path.join(output, folder))
            except OSError:  # not empty (or already gone)
                break
            folder = os.path.dirname(folder)


def _move(source: str, target: str) -> None:
    try:
        os.replace(source, target)
    except FileNotFoundError:  # a new folder
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(source, target)
