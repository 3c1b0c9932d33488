"""One content-addressed store for everything slow to make: DOCX, PDF, rendered pages (with
the HTML of their text, which the XML is made from), search index parts, and the build state
(what each content file loaded into).

Each output keeps its entries in an area of the store (`$XDG_CACHE_HOME/regpub/<area>/`, else
`~/.cache/regpub/<area>/`). An entry's key is the digest of the area's version (its format
and the versions of the tools that make it) and of every input, so an entry is never stale,
only unused: safe to share between repositories and to delete. One eviction rule for every
area: a build marks the entries it used, and entries no build used for a month are dropped;
an area of large entries (the search index's parts) may also keep only its newest few. An
area of many small entries (`Packed`: the build state) keeps them in one SQLite file instead
of a file each, because creating ten thousand small files costs more than making them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PRUNE_AFTER_DAYS = 30
MARK_EVERY = 86400  # seconds: an entry's mark of use is renewed at most daily (enough for the rule)


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
        return _digest(self.version, inputs)

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
        if keep_newest is None:  # a month-old entry looked for once a day: a stat per entry of a large area
            marker = self.folder / _PRUNED
            if _used_at(marker) > now - 86400:
                return
            with suppress(OSError):
                marker.touch()
        entries = sorted(
            (_used(entry), entry.path)
            for entry in os.scandir(self.folder)
            if (entry.name.endswith(self.suffix) or entry.name.endswith(".part")) and entry.name != _PRUNED
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


class Packed:
    """An area of many small entries in one SQLite file (`<area>.sqlite3`), with the keys and the
    eviction rule of every area. New entries and marks of use are written in batches and at
    `close`; two runs at once wait for each other's batch. Whatever goes wrong with the file
    costs only the shortcut: it is read as empty, and, when damaged, made anew.
    """

    BATCH = 500  # new entries held in memory before they are written

    def __init__(self, name: str, version: str, *, folder: Path | None = None) -> None:
        self.version = f"{name}\n{version}"
        self.file = (folder if folder is not None else store_root()) / f"{name}.sqlite3"
        self._new: list[tuple[str, bytes, float]] = []
        self._used: list[str] = []
        self._db = self._open()

    def key(self, *inputs: str | bytes) -> str:
        return _digest(self.version, inputs)

    def read(self, key: str) -> bytes | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT data, used FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        if row[1] < time.time() - MARK_EVERY:  # not marked within the day
            self._used.append(key)
        data: bytes = row[0]
        return data

    def write(self, key: str, data: bytes) -> None:
        self._new.append((key, data, time.time()))
        if len(self._new) >= self.BATCH:
            self.flush()

    def close(self) -> None:
        """Write what is held, mark what was used, drop what no run used for a month."""
        self.flush()
        if self._db is None:
            return
        with suppress(sqlite3.Error), self._db:
            limit = time.time() - PRUNE_AFTER_DAYS * 86400
            self._db.execute("DELETE FROM entries WHERE used < ?", (limit,))
        self._db.close()
        self._db = None

    def flush(self) -> None:
        """Write the new entries and the marks of use held so far (one caller at a time)."""
        new, used, self._new, self._used = self._new, self._used, [], []
        if self._db is None:
            return
        now = time.time()
        with suppress(sqlite3.Error), self._db:
            self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", new)
            self._db.executemany("UPDATE entries SET used = ? WHERE key = ?", [(now, key) for key in used])

    def _open(self) -> sqlite3.Connection | None:
        for _ in range(2):
            try:
                self.file.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.file, timeout=30, isolation_level=None, check_same_thread=False)
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, data BLOB, used REAL)")
                # Dropping what no run used for a month finds those rows without reading every entry.
                db.execute("CREATE INDEX IF NOT EXISTS entries_used ON entries (used)")
                db.isolation_level = "DEFERRED"  # `with db:` is one transaction
                return db
            except sqlite3.OperationalError:  # locked by another run too long, read-only: go without
                return None
            except sqlite3.DatabaseError:  # not a database, or a damaged one: start anew
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.file}{suffix}").unlink(missing_ok=True)
            except (sqlite3.Error, OSError):
                return None
        return None


def _digest(version: str, inputs: Iterable[str | bytes]) -> str:
    digest = hashlib.sha256(version.encode())
    for part in inputs:
        data = part.encode() if isinstance(part, str) else part
        digest.update(b"\n%d\n" % len(data) + data)
    return digest.hexdigest()


_PRUNED = ".pruned"  # in an area's folder: when its old entries were last dropped


def _used_at(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


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


@cache
def regpub_files() -> str:
    """The digest of every file of regpub's package (code, templates, styles): part of the
    version of what they make, so that a change without a new version is not taken for none."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"\n{path.relative_to(package).as_posix()}\n".encode() + path.read_bytes())
    return digest.hexdigest()


def installed_version(package: str) -> str:
    """The installed version of `package`, for the areas' versions ("none" when it is not
    installed)."""
    try:
        return version(package)
    except PackageNotFoundError:
        return "none"
