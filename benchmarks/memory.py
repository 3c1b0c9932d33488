"""Peak memory of a cold `regpub build --no-docx`, all processes together (PSS: each page shared
by forked workers counted once, split between them), beside the largest process's RSS.

Usage: python benchmarks/memory.py [N ...]   (default: 10000)

Samples /proc/<pid>/smaps_rollup of the build and every process under it (page workers,
Pagefind) every 0.2 s; Linux only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from check import corpus_of

HERE = Path(__file__).resolve().parent
WORK = HERE / ".sites"
BIN = Path(sys.executable).parent
INTERVAL = 0.2


def tree(root: int) -> list[int]:
    """`root` and every process under it."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry.name}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack += children.get(pid, [])
    return found


def memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB; zeros when it is gone."""
    pss = rss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
            elif line.startswith("Rss:"):
                rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


def measure(size: int) -> tuple[float, float, float, int]:
    """(wall s, peak PSS of all processes in MB, peak RSS of the largest in MB, most processes)."""
    content = corpus_of(size)
    site, cache = WORK / f"memory-{size}", WORK / f"cache-{size}-memory"
    for folder in (site, cache):
        shutil.rmtree(folder, ignore_errors=True)
    command = [str(BIN / "regpub"), "build", "--no-docx", "--content", str(content), "--output", str(site)]
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    build = subprocess.Popen(command, cwd=HERE.parent, env=environment, stdout=subprocess.DEVNULL)
    peak_pss = peak_rss = processes = 0
    while build.poll() is None:
        pids = tree(build.pid)
        sampled = [memory(pid) for pid in pids]
        peak_pss = max(peak_pss, sum(pss for pss, _ in sampled))
        peak_rss = max(peak_rss, max((rss for _, rss in sampled), default=0))
        processes = max(processes, len(pids))
        time.sleep(INTERVAL)
    if build.returncode != 0:
        sys.exit(f"the build failed ({build.returncode})")
    return time.perf_counter() - started, peak_pss / 1024, peak_rss / 1024, processes


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:] if arg.isdigit()] or [10000]
    print("| documents | cold build | peak PSS, all processes | peak RSS, largest process | processes |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        wall, pss, rss, processes = measure(size)
        print(f"| {size:,} | {wall:.1f} s | {pss:,.0f} MB | {rss:,.0f} MB | {processes} |", flush=True)


if __name__ == "__main__":
    main()
