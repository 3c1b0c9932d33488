"""The last build into an output folder, so that a build with nothing to do does nothing.

A build's outputs are made only from its inputs: the content files; mkdocs.yml and everything
it names (docs/, the editor's templates and hooks, the letterhead); regpub's own files and the
versions of every installed package (MkDocs, Material, pandoc, Typst, Pagefind, installed
document types); the command's options and the date statuses are computed for; and git's newest
commit, which the pages' "last changed" lines come from. When all of these are what the last
successful build into the same folder was made from, and the folder still holds exactly the
files that build left there (each one's size and modification time), every output would come
out as it is: `regpub build` says what the last build said and stops, having read no content.

Files are compared by size and modification and change times, as make and ninja do, so a
content root of 10,000 files costs 10,000 `stat` calls, not reading 100 MB.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path

from generator.app.publish import output_files
from generator.core.reuse import Made, Previous
from generator.core.store import Store, regpub_files

FORMAT = "regpub-last-build-7"


@dataclass(frozen=True, slots=True)
class LastBuild:
    """What the last successful build into a folder was made from, said, and left there: what a
    build with nothing to do reads. What its files were made from (`previous`) is kept apart, read
    only by a build that has something to do (at 100,000 documents it is 300 MB)."""

    inputs: str  # the digest of `build_inputs`
    said: list[str]  # its lines of output on stdout, the last one (what it wrote) excepted
    warnings: list[str]  # what MkDocs warned about, on stderr
    files: int  # how many files it left
    stamp: str  # the digest of every file it left: path, size and modification time in ns

    def unchanged(self, inputs: str, output: Path) -> bool:
        """Whether a build of `inputs` into `output` would leave it exactly as it is."""
        return inputs == self.inputs and _stamp(output_files(output)) == self.stamp

    def previous(self, output: Path) -> Previous | None:
        """The folder as this build left it, for the next build to take the files it made alike;
        None when that part of the record is gone or is another build's."""
        data = _store().read(_key(output, "made"))
        if data is None:
            return None
        try:
            stamp, files, made, facets = pickle.loads(data)
        except Exception:  # a damaged entry: the next build makes everything
            return None
        if stamp != self.stamp:
            return None
        known = {path: Made(*fields) for path, fields in made.items()}
        return Previous(output.resolve(), known, files, facets)


def _stamp(files: Mapping[str, tuple[int, int] | list[int]]) -> str:
    digest = hashlib.sha256()
    for path, (size, modified) in sorted(files.items()):
        digest.update(f"{path}\0{size}\0{modified}\n".encode())
    return digest.hexdigest()


def _store() -> Store:
    return Store.area("builds", FORMAT, suffix=".pickle")


def _key(output: Path, part: str = "") -> str:
    return _store().key(str(output.resolve()), part)


def read_last_build(output: Path) -> LastBuild | None:
    data = _store().read(_key(output))
    if data is None:
        return None
    try:
        return LastBuild(**pickle.loads(data))
    except Exception:  # a damaged entry, or one of another format: only a missed shortcut
        return None


def keep_last_build(
    output: Path, inputs: str, said: list[str], warnings: list[str], made: Mapping[str, Made], *,
    facets: dict[str, str],
) -> None:  # fmt: skip
    """Remember the build that just put `output` in place: what its files were made from first,
    then the record a build with nothing to do reads (without it, the other is never read)."""
    files = {path: list(stat) for path, stat in output_files(output).items()}
    known = {
        path: [it.key, it.note, it.reads, it.inputs] for path, it in made.items() if it.key and path in files
    }
    record = LastBuild(inputs, said, warnings, len(files), _stamp(files))
    fields = {name: getattr(record, name) for name in LastBuild.__dataclass_fields__}
    with suppress(OSError):  # a read-only or full cache: the next build does the work again
        rest = (record.stamp, files, known, facets)
        _store().write(_key(output, "made"), pickle.dumps(rest, protocol=pickle.HIGHEST_PROTOCOL))
        _store().write(_key(output), pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL))


def forget_last_build(output: Path) -> None:
    """A build into `output` is under way or failed: no later build may trust the record."""
    _store().path(_key(output)).unlink(missing_ok=True)


def build_inputs(*, content: Path, site: str, as_of: date, docx: bool) -> str:
    """The digest of everything a build reads; `site` is what the site's configuration gives
    (mkdocs.yml, its settings, the plugin's options and the files and folders they name)."""
    parts = [
        site,
        f"{as_of.isoformat()} docx={docx} {sys.version}",
        os.environ.get("PYPANDOC_PANDOC", ""),
        installed_packages(),
        regpub_files(),
        str(content.resolve()),
        folder_files(content),
        _newest_commit(content) or "",
    ]
    return _store().key_of(parts)


def installed_packages() -> str:
    """Every installed package by its metadata folder, whose name carries its version (reading
    each one's metadata would cost ten times more), on Python's path in order; and the modules of
    the document types, which an editable install changes without a new version."""
    rows = []
    for folder in sys.path:
        try:
            entries = sorted(os.scandir(folder or "."), key=lambda entry: entry.name)
        except OSError:
            continue
        rows += [
            f"{folder} {entry.name} {entry.stat().st_mtime_ns}"
            for entry in entries
            if entry.name.endswith((".dist-info", ".egg-info", ".egg-link", ".pth"))
        ]
    for module in _doctype_sources():
        status = os.stat(module)
        rows.append(f"{module} {status.st_size} {status.st_mtime_ns}")
    return "\n".join(rows)


def _doctype_sources() -> list[str]:
    """The Python files of the packages that add document types (entry points in the group
    `regpub.doctypes`), found without importing them, so that `check` with nothing to do need not
    load the document types; regpub's own are in `regpub_files`."""
    files: set[str] = set()
    for point in entry_points(group="regpub.doctypes"):
        spec = importlib.util.find_spec(point.module.split(".", 1)[0])  # a top-level name: nothing imported
        if spec is None:
            continue
        for folder in spec.submodule_search_locations or []:
            files.update(str(path) for path in Path(folder).rglob("*.py"))
        if spec.origin and not spec.submodule_search_locations:
            files.add(spec.origin)
    return sorted(files)


def folder_files(folder: Path) -> str:
    """Each file under `folder` with its size and modification and change times."""
    return "\n".join(
        f"{relative} {status.st_size} {status.st_mtime_ns} {status.st_ctime_ns}"
        for relative, status in walk_files(folder)
    )


def walk_files(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Each file under `folder` (but in `.git` and `__pycache__`), in a fixed order: its path
    relative to `folder` and its status."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if name not in ("__pycache__", ".git"))
        for name in sorted(names):
            path = os.path.join(root, name)
            yield os.path.relpath(path, folder), os.stat(path)


def _newest_commit(content: Path) -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    try:
        done = subprocess.run(
            [git, "rev-parse", "HEAD"], cwd=content, capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None
