"""Running pandoc: find it without starting it, and convert many documents in a few processes.

Each worker is one `pandoc lua convert.lua REFERENCE.docx` (`generator/resources/docx/`) fed jobs
on its standard input, one JSON line each, and answering `ok` or `error<TAB>message` per job; a Python thread
per worker hands out the next job as soon as its pandoc is free, so the cores stay busy.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from generator.core.errors import DocxError, ResourceError
from generator.core.progress import Progress
from generator.resources import docx_theme

LUA_FILES = ("convert.lua", "layout.lua")
# Part of every cache key: change it when the meaning of a job or of its digest changes.
FORMAT_VERSION = "regpub-docx-1"


@dataclass(frozen=True, slots=True)
class Toolchain:
    """What converts: the pandoc binary, the Lua filters and the reference document (page and
    styles), with a fingerprint of them all."""

    pandoc: Path
    theme: Path
    reference: Path
    fingerprint: str

    @property
    def command(self) -> list[str]:
        return [str(self.pandoc), "lua", str(self.theme / "convert.lua"), str(self.reference)]


def find_toolchain(
    pandoc: Path | None = None, theme: Path | None = None, reference: Path | None = None
) -> Toolchain:
    """Locate pandoc and the theme without running anything (a warm build starts no process).

    `theme` is the folder of the Lua filters (default: the package's); `reference` the DOCX
    whose page and styles every download takes (default: the package's, an editor's letterhead
    otherwise).

    The pandoc binary is identified by its path, size and modification time: a new pandoc
    (a pypandoc-binary upgrade) makes new cache keys without asking pandoc its version.
    """
    binary = pandoc or _default_pandoc()
    if binary is None or not binary.is_file():
        where = f" at {binary}" if binary else ""
        raise DocxError(
            f"pandoc not found{where}: install the project's dependencies (pip install -e .), "
            "which bundle pandoc 3 through pypandoc-binary, or put pandoc 3 on PATH"
        )
    fingerprint = hashlib.sha256(FORMAT_VERSION.encode())
    status = binary.stat()
    fingerprint.update(f"\n{binary.resolve()}\n{status.st_size}\n{status.st_mtime_ns}\n".encode())
    try:
        theme = theme or docx_theme()
    except ResourceError as error:
        raise DocxError(str(error)) from None
    reference = reference or theme / "reference.docx"
    for name, path in [*((name, theme / name) for name in LUA_FILES), ("reference.docx", reference)]:
        try:
            fingerprint.update(name.encode() + b"\n" + path.read_bytes())
        except OSError as error:
            raise DocxError(f"cannot read the DOCX theme file {path}: {error.strerror or error}") from None
    return Toolchain(binary, theme, reference, fingerprint.hexdigest())


def _default_pandoc() -> Path | None:
    """`$PYPANDOC_PANDOC`, else the pandoc pypandoc-binary bundles, else `pandoc` on PATH."""
    explicit = os.environ.get("PYPANDOC_PANDOC")
    if explicit:
        return Path(explicit)
    spec = importlib.util.find_spec("pypandoc")
    if spec is not None and spec.origin is not None:
        name = "pandoc.exe" if sys.platform == "win32" else "pandoc"
        bundled = Path(spec.origin).parent / "files" / name
        if bundled.is_file():
            return bundled
    found = shutil.which("pandoc")
    return Path(found) if found else None


@dataclass(frozen=True, slots=True)
class Job:
    """One conversion: the fields of `DocxInput.job()`, the output format and the file to write."""

    fields: dict[str, object]
    to: str  # "docx" or "native"
    output: Path

    @property
    def id(self) -> str:
        return str(self.fields.get("id", "?"))

    @property
    def size(self) -> int:
        return len(str(self.fields.get("body", "")))


@dataclass
class _Batch:
    """What the worker threads share: the queue, and what they converted, failed and started."""

    pending: deque[Job]
    progress: Progress
    converted: int = 0
    failures: list[str] = field(default_factory=list)
    processes: list[subprocess.Popen[str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, job: Job, failure: str) -> None:
        """One job answered: converted when `failure` is empty."""
        with self.lock:
            if failure:
                self.failures.append(f"{job.id}: {failure}")
            else:
                self.converted += 1
        self.progress.advance()


def run_jobs(toolchain: Toolchain, jobs: list[Job], workers: int, progress: Progress) -> int:
    """Convert every job, in up to `workers` pandoc processes; returns how many were started.

    Every failure is collected and raised once, as one `DocxError` naming each document; the
    outputs of failed jobs are never left behind (each is written to a `.part` file first).
    """
    # Longest first, so no process is left with a big document at the end.
    batch = _Batch(deque(sorted(jobs, key=lambda job: -job.size)), progress)
    threads = [
        threading.Thread(target=_work, args=(toolchain, batch), daemon=True)
        for _ in range(max(1, min(workers, len(jobs))))
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    except BaseException:
        for process in batch.processes:
            process.kill()
        raise
    finally:
        progress.close()
    if batch.pending:  # every process stopped before the queue was empty
        batch.failures.append(f"not converted: {', '.join(job.id for job in batch.pending)}")
    if batch.failures:
        failed = len(jobs) - batch.converted
        lines = "\n  ".join(batch.failures)
        raise DocxError(f"pandoc could not make {failed} of {len(jobs)} DOCX files:\n  {lines}")
    return len(batch.processes)


def _work(toolchain: Toolchain, batch: _Batch) -> None:
    """One pandoc process: take the next job until none is left; record what failed."""
    with tempfile.TemporaryFile() as stderr:
        try:
            process = subprocess.Popen(
                toolchain.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                encoding="utf-8",
                errors="replace",
            )
        except OSError as error:
            batch.failures.append(f"cannot start pandoc ({toolchain.pandoc}): {error.strerror or error}")
            return
        batch.processes.append(process)
        with process:
            assert process.stdin is not None
            assert process.stdout is not None
            while batch.pending:
                try:
                    job = batch.pending.popleft()
                except IndexError:
                    break
                answer = _convert(process.stdin, process.stdout, job)
                if answer is None:
                    code = process.wait()
                    message = _tail(stderr) or "no message"
                    batch.failures.append(f"{job.id}: pandoc stopped (exit code {code}): {message}")
                    break
                batch.record(job, answer)
            process.stdin.close()


def _convert(stdin: IO[str], stdout: IO[str], job: Job) -> str | None:
    """Send one job and read its answer: "" when done, pandoc's message, or None if it is gone."""
    partial = job.output.with_name(f"{job.output.name}.{os.getpid()}-{threading.get_ident()}.part")
    line = json.dumps({**job.fields, "to": job.to, "output": str(partial)}, ensure_ascii=False)
    try:
        stdin.write(line + "\n")
        stdin.flush()
        answer = stdout.readline()
    except OSError:
        answer = ""
    if answer.startswith("ok"):
        os.replace(partial, job.output)
        return ""
    partial.unlink(missing_ok=True)
    if not answer:
        return None
    return answer.partition("\t")[2].strip() or answer.strip()


def _tail(stderr: IO[bytes], limit: int = 2000) -> str:
    stderr.seek(0)
    text = stderr.read().decode("utf-8", errors="replace").strip()
    return " ".join(text[-limit:].split())
