"""The last check of a content root, so that `regpub check` with nothing changed reads no file.

What `check` says depends on the content root's files (paths and bytes, photos included), the
date statuses are computed for, the folder it runs in, regpub's own files and the installed
packages. Its diagnostics are kept under the digest of these, with the files taken by size and
modification and change times as a build takes them (`generator.app.last_build`); when the
digest is the one of a kept check, `check` says again what it said then. When it is not, the
files are taken by their bytes (read only where a file's size or times changed: the digests are
kept too), so a file touched, or written back as it was (a branch switched and back), still
finds the check kept. A file edited, added or removed makes a full check, in which unchanged
files still come from the build state. The last few checks are kept (a content root, a branch
switched back), each under both digests.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from contextlib import suppress
from datetime import date
from pathlib import Path

from generator.app.last_build import folder_files, installed_packages, walk_files
from generator.core.diagnostics import Report
from generator.core.store import Store, regpub_files

FORMAT = "regpub-last-check-1"
KEEP = 8  # checks kept, the most recently used


def check_inputs(root: Path, as_of: date, *, contents: bool = False) -> str:
    """The digest of everything a check of `root` as of `as_of` reads, and of the folder it runs
    in (diagnostics name files relative to it); the files taken by their bytes with `contents`,
    else by their sizes and times."""
    files = _file_digests(root) if contents else folder_files(root)
    where = [os.getcwd(), str(root.resolve()), files]
    return _store().key_of([as_of.isoformat(), sys.version, installed_packages(), regpub_files(), *where])


def checked_before(inputs: str) -> tuple[Report, int] | None:
    """(the diagnostics, the number of files checked) of a check of the same `inputs`, if kept."""
    data = _store().read(inputs)
    if data is None:
        return None
    try:
        report, files = pickle.loads(data)
    except Exception:  # a damaged entry, or one of another format: only a missed shortcut
        return None
    return (report, files) if isinstance(report, Report) and isinstance(files, int) else None


def keep_check(inputs: str, report: Report, files: int) -> None:
    """Keep what the check of `inputs` found."""
    with suppress(OSError):  # a read-only or full cache: the next check does the work again
        _store().write(inputs, pickle.dumps((report, files), protocol=pickle.HIGHEST_PROTOCOL))
        _store().prune(keep_newest=2 * KEEP)  # each check under two digests


def _file_digests(root: Path) -> str:
    """Each file under `root` with the digest of its bytes, read only where the file's size or
    times changed since the digests were last taken (kept per content root)."""
    key = _digests().key_of([str(root.resolve())])
    data = _digests().read(key)
    known: object = None
    with suppress(Exception):  # a damaged entry: the files are read again
        known = pickle.loads(data) if data is not None else None
    before = known if isinstance(known, dict) else {}
    now: dict[str, tuple[tuple[int, int, int], str]] = {}
    for relative, status in walk_files(root):
        stamp = (status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        kept = before.get(relative)
        if isinstance(kept, tuple) and kept[0] == stamp:
            now[relative] = kept
        else:
            now[relative] = (stamp, _digest_of(root / relative))
    with suppress(OSError):  # a read-only or full cache: the digests are taken again next time
        _digests().write(key, pickle.dumps(now, protocol=pickle.HIGHEST_PROTOCOL))
        _digests().prune(keep_newest=KEEP)
    return "\n".join(f"{relative} {digest}" for relative, (_, digest) in now.items())


def _digest_of(path: Path) -> str:
    try:
        with path.open("rb") as file:
            return hashlib.file_digest(file, "blake2b").hexdigest()
    except OSError as error:  # what the check says of it depends on why
        return f"unreadable {error.errno}"


def _digests() -> Store:
    return Store.area("check-files", FORMAT, suffix=".pickle")


def _store() -> Store:
    return Store.area("checks", FORMAT, suffix=".pickle")
