"""What versions cost the site build: the synthetic corpus with and without earlier texts.

Usage: python benchmarks/versions.py [N]   (default: 10000)

The synthetic corpus has earlier texts (the `corpus` package: every amended regulation gets one
per consolidated amendment, at most three, its file records the latest as its current
version). The same corpus is generated again without them (`make_corpus(..., versions=False)`:
the same documents and current texts, no earlier texts and no `version:`), and both are built
with `regpub build --no-docx`, each with empty caches, and the wall times compared (target:
versions and diffs add ≤ 20 %).
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from check import corpus_of
from make_corpus import make_corpus
from site_build import regpub_build

HERE = Path(__file__).resolve().parent
WORK = HERE / ".versions"


def earlier_texts(root: Path) -> tuple[int, int]:
    """(earlier texts, regulations that have some): files `<id>.<YYYY-MM-DD>.md`."""
    stems = [path.stem for path in root.rglob("*.md") if "." in path.stem]
    return len(stems), len({stem.split(".")[0] for stem in stems})


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    versioned = corpus_of(size)
    plain = WORK / f"corpus-{size}-without-versions"
    shutil.rmtree(plain, ignore_errors=True)
    started = time.perf_counter()
    make_corpus(size, plain, seed=1, versions=False)
    print(
        f"generated {size} documents without earlier texts in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    texts, count = earlier_texts(versioned)
    rows = []
    for name, content in (("without versions", plain), ("with versions", versioned)):
        output = WORK / f"site-{name.replace(' ', '-')}"
        cache = WORK / f"cache-{name.replace(' ', '-')}"
        shutil.rmtree(cache, ignore_errors=True)  # each build cold: neither reuses the other's pages
        wall, rss = regpub_build(content, output, cache)
        pages = len(list(output.rglob("index.html")))
        rows.append((name, wall, rss, pages))
    base = rows[0][1]
    print(f"{size:,} documents, {count} regulations with {texts} earlier texts\n")
    print("| corpus | build | peak RSS | pages | extra time |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, wall, rss, pages in rows:
        print(f"| {name} | {wall:.1f} s | {rss:.0f} MB | {pages:,} | {100 * (wall - base) / base:+.0f} % |")


if __name__ == "__main__":
    main()
