"""The floor F every benchmark is measured against, taken in the same run as what it measures.

Usage: python benchmarks/floor.py [N ...]   (default: 1000 10000)

F is the least any publisher of these files pays: every body through Python-Markdown (with the
extensions the site's bodies use) on all cores, plus every front matter and registry through
libyaml. The machine's speed moves by 2x between days, so a figure is only comparable across
days as a ratio to F (benchmarks/README.md).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from pathlib import Path

import markdown  # type: ignore[import-untyped]
import yaml
from check import corpus_of

from generator.site.markdown import MARKDOWN_EXTENSIONS

CHUNK = 64  # files a worker takes at a time


def floor(content: Path, *, runs: int = 3) -> float:
    """F of a content root in seconds: the best of `runs`, each with a fresh pool of workers."""
    paths = sorted(str(path) for path in content.rglob("*") if path.suffix in (".md", ".yml", ".yaml"))
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
            converted = sum(pool.imap_unordered(_convert, paths, chunksize=CHUNK))
        best = min(best, time.perf_counter() - start)
    assert converted == len(paths)
    return best


def _convert(path: str) -> int:
    text = Path(path).read_text(encoding="utf-8")
    if not path.endswith(".md"):
        yaml.load(text, Loader=yaml.CSafeLoader)
        return 1
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        yaml.load(text[4:end], Loader=yaml.CSafeLoader)
        body = text[end + 5 :]
    _markdown().reset().convert(body)
    return 1


_CONVERTER: list[markdown.Markdown] = []


def _markdown() -> markdown.Markdown:
    """One converter per worker, as the site's page workers have."""
    if not _CONVERTER:
        _CONVERTER.append(markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, "toc"]))
    return _CONVERTER[0]


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:] if arg.isdigit()] or [1000, 10000]
    print("| documents | F |\n| ---: | ---: |")
    for size in sizes:
        print(f"| {size:,} | {floor(corpus_of(size)):.2f} s |", flush=True)


if __name__ == "__main__":
    main()
