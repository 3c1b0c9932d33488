"""Time `regpub check` on synthetic corpora and record wall time and peak RSS.

Usage: python benchmarks/check.py [N ...]   (default: 1000 10000)

Each size is generated once into a cache folder (benchmarks/.corpora/, ignored by git) by
`make_corpus.py`, then checked three times in a fresh process with an empty build state
(cold), three times with the state the first run left and nothing changed (warm: the last
check's diagnostics said again), three times after a file was touched (its modification time:
the last check found by the files' bytes), and three times after a file was edited (a comment
added to people.yml, another each time, taken back at the end: that file read again, the rest
from the state, the corpus checks run again); the best wall time and the largest peak RSS of
each are reported next to the floor F of the same run (floor.py), as a Markdown table row for
benchmarks/README.md.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_corpus import make_corpus  # benchmarks/ is on sys.path when run as a script

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".corpora"
RUNS = 3


def corpus_of(size: int) -> Path:
    folder = CACHE / f"corpus-{size}-v3"  # a new name when the generator or its proportions change
    if not (folder / "people.yml").is_file():
        started = time.perf_counter()
        make_corpus(size, folder, seed=1)
        print(f"generated {size} documents in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return folder


def run_once(root: Path, cache: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of one `regpub check` in a fresh process, with
    the build state in `cache`."""
    command = [sys.executable, "-m", "generator", "check", "--content", str(root), "--as-of", "2026-01-01"]
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def main() -> None:
    from floor import floor  # noqa: PLC0415  (floor imports this module's corpus_of)

    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    columns = ["cold (empty state): best of 3, peak RSS", "warm: nothing changed", "warm: a file touched",
               "warm: a file edited"]  # fmt: skip
    print(f"| documents | F | {' | '.join(columns)} | exit code |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        root = corpus_of(size)
        f = floor(root)
        cache = Path(tempfile.mkdtemp(prefix="regpub-check-"))
        cold = []
        for _ in range(RUNS):
            shutil.rmtree(cache)
            cold.append(run_once(root, cache))
        warm = [run_once(root, cache) for _ in range(RUNS)]
        touched = []
        for _ in range(RUNS):
            os.utime(root / "people.yml")
            touched.append(run_once(root, cache))
        edited = _edited(root, cache)
        shutil.rmtree(cache)
        figures = " | ".join(_figure(runs, f) for runs in (cold, warm, touched, edited))
        row = f"| {size:,} | {f:.2f} s | {figures} | {cold[0][2]} |"
        print(row, flush=True)


def _edited(root: Path, cache: Path) -> list[tuple[float, float, int]]:
    """Checks after people.yml was edited, each time anew; the file as it was after."""
    people = root / "people.yml"
    original = people.read_bytes()
    try:
        runs = []
        for run in range(RUNS):
            people.write_bytes(original + f"# правка {run}\n".encode())
            runs.append(run_once(root, cache))
        return runs
    finally:
        people.write_bytes(original)


def _figure(runs: list[tuple[float, float, int]], f: float) -> str:
    best = min(wall for wall, _, _ in runs)
    return f"{best:.2f} s = {best / f:.2f} F, {max(rss for _, rss, _ in runs):.0f} MB"


if __name__ == "__main__":
    main()
