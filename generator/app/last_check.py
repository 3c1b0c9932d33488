"""The last check of a content root, so that `regpub check` with nothing changed reads no file.

What `check` says depends on the content root's files (paths and bytes, photos included), the
date statuses are computed for, the folder it runs in, regpub's own files and the installed
packages. Its diagnostics are kept under the digest of these, with the files taken by size and
modification and change times as a build takes them (`generator.app.last_build`); when the
digest is the one of a kept check, `check` says again what it said then. When it is not, the
files are taken by their bytes: a file touched, or written back as it was (a branch switched
and back), still finds the check kept. A file edited, added or removed makes a full check, in
which unchanged files still come from the build state. The last few checks are kept (a content
root, a branch switched back), each under both digests.
"""

from __future__ import annotations

import os
import pickle
import sys
from contextlib import suppress
from datetime import date
from pathlib import Path

from generator.app.last_build import folder_files, installed_packages
from generator.core.diagnostics import Report
from generator.core.store import Store, regpub_files

FORMAT = "regpub-last-check-1"
KEEP = 8  # checks kept, the most recently used


def check_inputs(root: Path, as_of: date, *, contents: bool = False) -> str:
    """The digest of everything a check of `root` as of `as_of` reads, and of the folder it runs
    in (diagnostics name files relative to it); the files taken by their bytes with `contents`,
    else by their sizes and times."""
    where = [os.getcwd(), str(root.resolve()), folder_files(root, contents=contents)]
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


def _store() -> Store:
    return Store.area("checks", FORMAT, suffix=".pickle")
