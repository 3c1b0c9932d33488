"""Time `regpub check` on synthetic corpora and record wall time and peak RSS.

Usage: python benchmarks/check.py [N ...]   (default: 1000 10000)

Each size is generated once into a cache folder (benchmarks/.corpora/, ignored by git) by
`make_corpus.py`, then checked three times in a fresh process; the best wall time and the
largest peak RSS are reported, as a Markdown table row for benchmarks/README.md.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from make_corpus import make_corpus  # benchmarks/ is on sys.path when run as a script

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".corpora"
RUNS = 3


def corpus_of(size: int) -> Path:
    folder = CACHE / f"corpus-{size}-v2"  # a new name when the generator or its proportions change
    if not (folder / "people.yml").is_file():
        started = time.perf_counter()
        make_corpus(size, folder, seed=1)
        print(f"generated {size} documents in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return folder


def run_once(root: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of one `regpub check` in a fresh process."""
    command = [sys.executable, "-m", "generator", "check", "--content", str(root), "--as-of", "2026-01-01"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("| documents | wall time (best of 3) | peak RSS | exit code |")
    print("| ---: | ---: | ---: | ---: |")
    for size in sizes:
        root = corpus_of(size)
        runs = [run_once(root) for _ in range(RUNS)]
        best = min(wall for wall, _, _ in runs)
        peak = max(rss for _, rss, _ in runs)
        print(f"| {size:,} | {best:.2f} s | {peak:.0f} MB | {runs[0][2]} |")


if __name__ == "__main__":
    main()
