"""Content-addressed caches of what is slow to make (DOCX, rendered pages, the search index).

A file's name is the digest of everything it was made from, so a cache is never stale, only
unused; each build marks what it used and drops what no build used for a month. Safe to share
between repositories and to delete.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PRUNE_AFTER_DAYS = 30


def cache_dir(kind: str) -> Path:
    """`$XDG_CACHE_HOME/regpub/<kind>` (else `~/.cache/regpub/<kind>`)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "regpub" / kind


def write_atomically(path: Path, data: bytes) -> None:
    """`path` holds either nothing or all of `data`, whoever reads it meanwhile."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)


def prune(folder: Path, used: Iterable[Path], suffixes: tuple[str, ...]) -> None:
    """Mark this build's files as used, and drop files no build used for a month."""
    if not folder.is_dir():
        return
    now = time.time()
    for path in used:
        os.utime(path, (now, now))
    limit = now - PRUNE_AFTER_DAYS * 86400
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.endswith((*suffixes, ".part")):
                continue
            try:
                unused = entry.stat().st_mtime < limit
            except FileNotFoundError:  # another build renamed or removed it meanwhile
                continue
            if unused:
                Path(entry.path).unlink(missing_ok=True)


def installed_version(package: str) -> str:
    """The installed version of `package`, for cache keys ("none" when it is not installed)."""
    try:
        return version(package)
    except PackageNotFoundError:
        return "none"
