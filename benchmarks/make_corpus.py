#!/usr/bin/env python3
"""Write a deterministic synthetic regpub content root for the benchmarks.

Usage: python benchmarks/make_corpus.py N DIR [--seed S] [--no-versions] [--stats]

DIR must be new or empty (exit code 2 otherwise). The generator is the `corpus` package beside
this script (its docstring says what it writes and in which proportions); `--stats` counts
them on what was written. Other scripts import `make_corpus` from here with benchmarks/ on
sys.path.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from corpus import make_corpus
from corpus.stats import count, table

__all__ = ["make_corpus"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic regpub content root for benchmarks.")
    parser.add_argument("n", type=int, metavar="N", help="number of documents")
    parser.add_argument("dir", type=Path, metavar="DIR", help="output folder (new or empty)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--no-versions", action="store_true", help="write no earlier texts")
    parser.add_argument("--stats", action="store_true", help="count the proportions of what was written")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    started = time.perf_counter()
    try:
        make_corpus(args.n, args.dir, args.seed, versions=not args.no_versions)
    except FileExistsError as error:
        print(f"make_corpus: {error}; refusing to write into it", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"make_corpus: {error}", file=sys.stderr)
        return 2
    print(
        f"{args.n} documents written to {args.dir} in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )
    if args.stats:
        print(table(count(args.dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
