"""One content-addressed store for everything slow to make: DOCX, PDF, rendered pages (with
the HTML of their text, which the XML is made from), search index parts.

Each output keeps its entries in an area of the store (`$XDG_CACHE_HOME/regpub/<area>/`, else
`~/.cache/regpub/<area>/`). An entry's key is the digest of the area's version (its format
and the versions of the tools that make it) and of every input, so an entry is never stale,
only unused: safe to share between repositories and to delete. One eviction rule for every
area: a build marks the entries it used, and entries no build used for a month are dropped;
an area of large entries (the search index's parts) may also keep only its newest few.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PRUNE_AFTER_DAYS = 30


def store_root() -> Path:
    """`$XDG_CACHE_HOME/regpub` (else `~/.cache/regpub`)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "regpub"


@dataclass(frozen=True, slots=True)
class Store:
    """One area of the store: entries named by `key(...)`, files ending in `suffix` (or
    folders, when `suffix` is empty).

    >>> import tempfile
    >>> store = Store.area("demo", "format-1", suffix=".txt", folder=Path(tempfile.mkdtemp()))
    >>> key = store.key("made from", b"these inputs")
    >>> key == store.key("made from", b"these inputs") != store.key("made from", b"others")
    True
    >>> store.read(key) is None
    True
    >>> _ = store.write(key, b"result")
    >>> store.read(key)
    b'result'
    """

    folder: Path
    version: str  # the area, its format and its tools' versions: part of every key
    suffix: str = ""

    @classmethod
    def area(cls, name: str, version: str, *, suffix: str = "", folder: Path | None = None) -> Store:
        """The store's area `name` (in `folder` instead, e.g. a test's own)."""
        return cls(folder if folder is not None else store_root() / name, f"{name}\n{version}", suffix)

    def key(self, *inputs: str | bytes) -> str:
        """The digest of the area's version and every input, in order."""
        return self.key_of(inputs)

    def key_of(self, inputs: Iterable[str | bytes]) -> str:
        """`key` of inputs read one at a time, so that large ones need not all be in memory."""
        digest = hashlib.sha256(self.version.encode())
        for part in inputs:
            data = part.encode() if isinstance(part, str) else part
            digest.update(b"\n%d\n" % len(data) + data)
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{self.suffix}"

    def read(self, key: str) -> bytes | None:
        """The entry's bytes, marked as used; None when there is none."""
        path = self.path(key)
        try:
            data = path.read_bytes()
            os.utime(path)
        except FileNotFoundError:
            return None
        return data

    def write(self, key: str, data: bytes) -> Path:
        """Store `data` under `key`: whoever reads it meanwhile finds nothing or all of it."""
        path = self.path(key)
        write_atomically(path, data)
        return path

    def keep_folder(self, key: str, made: Path) -> None:
        """Copy the folder `made` in under `key`. The store is only a shortcut, so a failure
        here (a full disk, another build storing the same key) is ignored."""
        partial = self.folder / f".{key}.{os.getpid()}.part"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            shutil.copytree(made, partial)
            os.replace(partial, self.path(key))
        except OSError:
            shutil.rmtree(partial, ignore_errors=True)

    def prune(self, used: Iterable[Path] = (), *, keep_newest: int | None = None) -> None:
        """Mark `used` as used now; drop entries no build used for a month and, with
        `keep_newest`, all but the newest that many."""
        if not self.folder.is_dir():
            return
        now = time.time()
        for path in used:
            os.utime(path, (now, now))
        entries = sorted(
            (_used(entry), entry.path)
            for entry in os.scandir(self.folder)
            if entry.name.endswith(self.suffix) or entry.name.endswith(".part")
        )
        limit = now - PRUNE_AFTER_DAYS * 86400
        drop = [path for when, path in entries if when < limit]
        if keep_newest is not None:
            drop += [path for _, path in entries[: max(0, len(entries) - keep_newest)]]
        for old in dict.fromkeys(drop):
            if os.path.isdir(old):
                shutil.rmtree(old, ignore_errors=True)
            else:
                Path(old).unlink(missing_ok=True)


def _used(entry: os.DirEntry[str]) -> float:
    try:
        return entry.stat().st_mtime
    except FileNotFoundError:  # another build renamed or removed it meanwhile
        return 0.0


def write_atomically(path: Path, data: bytes) -> None:
    """`path` holds either nothing or all of `data`, whoever reads it meanwhile."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)


def installed_version(package: str) -> str:
    """The installed version of `package`, for the areas' versions ("none" when it is not
    installed)."""
    try:
        return version(package)
    except PackageNotFoundError:
        return "none"
