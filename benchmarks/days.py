"""What the daily build costs (README: "Computed status"): the site built as of one day, then
rebuilt into the same folder as of the next day (no status changes) and as of the next day on
which one does, the day `regpub build` names.

Usage: python benchmarks/days.py [N ...] [--from YYYY-MM-DD]   (default: 1000, from 2023-03-01)

Prints, with the floor F of the same run: each build's wall time and peak RSS, and what it did to
the output folder ("N files written, M removed, K unchanged").
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from check import corpus_of
from floor import floor

HERE = Path(__file__).resolve().parent
WORK = HERE / ".sites"
BIN = Path(sys.executable).parent
_NEXT = re.compile(r"Statuses change next on (\d+ \w+ \d{4})")
_DID = re.compile(r": ([\d,]+ files written, [\d,]+ removed, [\d,]+ unchanged)")


def build(content: Path, site: Path, day: date) -> tuple[float, str, date | None]:
    """(wall s, what it did to the folder, the next day a status changes) of one build."""
    command = [str(BIN / "regpub"), "build", "--no-docx", "--as-of", day.isoformat(),
               "--content", str(content), "--output", str(site)]  # fmt: skip
    started = time.perf_counter()
    result = subprocess.run(command, cwd=HERE.parent, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    did = _DID.search(result.stdout)
    turn = _NEXT.search(result.stdout)
    following = time.strptime(turn[1], "%d %B %Y") if turn else None
    return wall, did[1] if did else "?", date(*following[:3]) if following else None


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sizes = [int(arg) for arg in sys.argv[1:] if arg.isdigit()] or [1000]
    start = date(2023, 3, 1)
    if "--from" in sys.argv:
        start = date.fromisoformat(sys.argv[sys.argv.index("--from") + 1])
    for size in sizes:
        content = corpus_of(size)
        f = floor(content)
        site, cache = WORK / f"days-{size}", WORK / f"cache-{size}-days"
        for folder in (site, cache):
            shutil.rmtree(folder, ignore_errors=True)
        os.environ["XDG_CACHE_HOME"] = str(cache)
        print(f"\n{size:,} documents (floor F = {f:.2f} s)\n")
        print("| build | as of | time | output folder |\n| --- | --- | ---: | --- |")
        wall, did, turn = build(content, site, start)
        print(f"| cold (empty caches) | {start} | {wall:.1f} s = {wall / f:.2f} F | {did} |", flush=True)
        following = start + timedelta(days=1)
        if turn == following:
            sys.exit(f"a status changes on {following}: pick another --from")
        wall, did, _ = build(content, site, following)
        print(f"| the next day, no status changes | {following} | {wall:.1f} s = {wall / f:.2f} F | {did} |")
        if turn is not None:
            wall, did, _ = build(content, site, turn)
            print(f"| the day a status changes | {turn} | {wall:.1f} s = {wall / f:.2f} F | {did} |")


if __name__ == "__main__":
    main()
