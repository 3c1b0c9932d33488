"""Peak memory of a cold `regpub build --no-docx`, all processes together (PSS: each page shared
by forked workers counted once, split between them), beside the largest process's RSS.

Usage: python benchmarks/memory.py [N ...] [--jobs N] [--part-pages N]   (default: 10000)

Samples /proc/<pid>/smaps_rollup of the build and every process under it (page workers,
Pagefind) every 0.2 s; Linux only. At the peak, says how much of it was the build's own
process and how much the others'. `--jobs` sets REGPUB_JOBS (page workers), `--part-pages` the
pages per part of the search index (a copy of mkdocs.yml with the plugin's `search_part_pages`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
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


@dataclass
class Peak:
    wall: float = 0.0  # s
    pss: int = 0  # kB, all processes together
    own: int = 0  # kB, the build's own process's PSS at that moment
    rss: int = 0  # kB, the largest process's RSS at any moment
    processes: int = 0  # most processes at once


def measure(size: int, jobs: str | None, part_pages: str | None) -> Peak:
    """The peaks of a cold build of `size` documents."""
    content = corpus_of(size)
    site, cache = WORK / f"memory-{size}", WORK / f"cache-{size}-memory"
    for folder in (site, cache):
        shutil.rmtree(folder, ignore_errors=True)
    command = [str(BIN / "regpub"), "build", "--no-docx", "--content", str(content), "--output", str(site)]
    if part_pages is not None:
        config = WORK / "mkdocs-memory.yml"
        text = (HERE.parent / "mkdocs.yml").read_text(encoding="utf-8")
        option = "      content: regulations\n"
        if option not in text:
            sys.exit("mkdocs.yml has no `content: regulations` line to add search_part_pages after")
        text = text.replace(option, f"{option}      search_part_pages: {part_pages}\n")
        config.write_text(f"docs_dir: {HERE.parent / 'docs'}\n{text}", encoding="utf-8")
        command += ["--config", str(config)]
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_MKDOCS_2_WARNING": "1"}
    if jobs is not None:
        environment["REGPUB_JOBS"] = jobs
    started = time.perf_counter()
    build = subprocess.Popen(command, cwd=HERE.parent, env=environment, stdout=subprocess.DEVNULL)
    peak = Peak()
    while build.poll() is None:
        pids = tree(build.pid)
        sampled = [memory(pid) for pid in pids]
        total = sum(pss for pss, _ in sampled)
        if total > peak.pss:
            peak.pss, peak.own = total, sampled[0][0]
        peak.rss = max(peak.rss, max((rss for _, rss in sampled), default=0))
        peak.processes = max(peak.processes, len(pids))
        time.sleep(INTERVAL)
    if build.returncode != 0:
        sys.exit(f"the build failed ({build.returncode})")
    peak.wall = time.perf_counter() - started
    return peak


def _option(name: str) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv[:-1] else None


def main() -> None:
    jobs, part_pages = _option("--jobs"), _option("--part-pages")
    given = {value for value in (jobs, part_pages) if value is not None}
    sizes = [int(arg) for arg in sys.argv[1:] if arg.isdigit() and arg not in given] or [10000]
    print(f"page workers: {jobs or 'one per core'}; search part pages: {part_pages or 'default'}\n")
    columns = ["cold build", "peak PSS, all processes", "of it, the build's own", "peak RSS, largest"]
    columns.append("processes")
    print(f"| documents | {' | '.join(columns)} |\n| ---: |{' ---: |' * len(columns)}")
    for size in sizes:
        p = measure(size, jobs, part_pages)
        sizes_mb = [f"{kb / 1024:,.0f} MB" for kb in (p.pss, p.own, p.rss)]
        figures = [f"{p.wall:.1f} s", *sizes_mb, str(p.processes)]
        print(f"| {size:,} | {' | '.join(figures)} |", flush=True)


if __name__ == "__main__":
    main()
