"""When each content file last changed, and in which commit: read from git, when there is git.

One `git log` over the content folder gives every file's newest commit, so 10,000 documents
cost one process, not 10,000. Outside a git checkout (or without git) the answer is empty and
pages simply show no provenance.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Revision:
    commit: str
    date: date
    path: str  # the file's path in the repository, for history links

    @property
    def short(self) -> str:
        return self.commit[:8]


def last_changes(root: Path) -> dict[Path, Revision]:
    """{resolved file path: its newest commit} for every committed file under `root`."""
    git = shutil.which("git")
    if git is None:
        return {}
    top = _run([git, "rev-parse", "--show-toplevel"], root.resolve())
    if top is None:
        return {}
    repository = Path(top.strip())
    relative = root.resolve().relative_to(repository).as_posix() or "."
    log = _run([git, "log", "--format=%x00%H %cs", "--name-only", "--no-renames", "--", relative], repository)
    changes: dict[Path, Revision] = {}
    for block in (log or "").split("\0")[1:]:
        header, _, names = block.partition("\n")
        commit, _, day = header.partition(" ")
        for name in names.split("\n"):
            path = repository / name
            if name and path not in changes:
                changes[path] = Revision(commit, date.fromisoformat(day), name)
    return changes


def _run(command: list[str], cwd: Path) -> str | None:
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None
