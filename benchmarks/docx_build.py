"""Time the DOCX (or PDF) downloads on a synthetic corpus: cold, warm, one change, the naive way.

Usage: python benchmarks/docx_build.py [N] [--naive K] [--pdf]   (default: 1000 documents, naive on 100)

With `--pdf` the same runs time `build_pdf` (pandoc writes Typst, Typst lays it out), no naive run.

- cold: `build_docx` with an empty cache (every document converted by pandoc workers);
- warm: the same again with the cache filled (nothing converted, no pandoc started);
- one change: one document's body edited, checked again, built with the filled cache;
- naive: one `pandoc` process per document, sequentially, on the first K documents' generated
  input (same reference document, no Lua layout), extrapolated to documents per second.
Targets (issue 4, 2 cores): cold ≥ 40 documents/s, warm ≤ 2 s, one change ≤ 2 s.
The `check` time (loading and linking the corpus) is shown apart; it is `benchmarks/check.py`'s.
Prints Markdown for benchmarks/README.md. (Not `docx.py`: benchmarks/ is on mypy's path and on
sys.path when a script here runs, and a `docx` module there would shadow python-docx.)
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from check import corpus_of  # benchmarks/ is on sys.path when run as a script

from generator.content.check import check_content
from generator.core.corpus import Corpus
from generator.formats.docx.build import DocxResult, build_docx, documents_with_docx
from generator.formats.docx.inputs import docx_input
from generator.formats.docx.pandoc import find_toolchain
from generator.formats.pdf import build_pdf

HERE = Path(__file__).resolve().parent
AS_OF = date(2026, 1, 1)


def timed_check(root: Path) -> tuple[Corpus, float]:
    started = time.perf_counter()
    checked = check_content(root, AS_OF)
    return checked.corpus, time.perf_counter() - started


PDF = False  # set by --pdf


def timed_build(corpus: Corpus, out: Path, cache: Path) -> DocxResult:
    build = build_pdf if PDF else build_docx
    return build(corpus, AS_OF, out, cache_dir=cache, progress=True)


def edit_one(root: Path) -> Path:
    """Copy the corpus and append a paragraph to one regulation; returns the copy."""
    copy = Path(tempfile.mkdtemp(prefix="regpub-bench-")) / "content"
    shutil.copytree(root, copy)
    document = sorted(copy.rglob("*.md"))[len(list(copy.rglob("*.md"))) // 2]
    with document.open("a", encoding="utf-8") as file:
        file.write("\nДобавленный при замере абзац.\n")
    return copy


def naive(corpus: Corpus, count: int, work: Path) -> float:
    """Seconds per document with one pandoc process per file, one after another."""
    toolchain = find_toolchain()
    entries = list(documents_with_docx(corpus))[:count]
    inputs = []
    for entry in entries:
        source = docx_input(corpus, entry, AS_OF)
        path = work / f"{entry.id}.md"
        path.write_text(f"{source.head}\n{source.body}\n{source.tail}", encoding="utf-8")
        inputs.append(path)
    reference = toolchain.theme / "reference.docx"
    started = time.perf_counter()
    for path in inputs:
        command = [str(toolchain.pandoc), "-f", "markdown+wikilinks_title_after_pipe", "--reference-doc"]
        command += [str(reference), "-o", str(path.with_suffix(".docx")), str(path)]
        subprocess.run(command, check=True)
    return (time.perf_counter() - started) / len(inputs)


def machine() -> str:
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    pandoc = subprocess.run(
        [str(find_toolchain().pandoc), "--version"], capture_output=True, text=True, check=True
    )
    return (
        f"{time.strftime('%Y-%m-%d')}, {model}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{pandoc.stdout.splitlines()[0]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=1000)
    parser.add_argument("--naive", type=int, default=100, help="documents for the naive run (0: skip)")
    parser.add_argument("--pdf", action="store_true", help="time the PDF downloads instead")
    args = parser.parse_args()
    global PDF  # noqa: PLW0603
    PDF = args.pdf
    root = corpus_of(args.size)
    corpus, check_seconds = timed_check(root)
    total = len(list(documents_with_docx(corpus)))
    with tempfile.TemporaryDirectory(prefix="regpub-docx-bench-") as folder:
        work = Path(folder)
        cold = timed_build(corpus, work / "cold", work / "cache")
        warm = timed_build(corpus, work / "warm", work / "cache")
        changed_root = edit_one(root)
        changed_corpus, changed_check = timed_check(changed_root)
        changed = timed_build(changed_corpus, work / "changed", work / "cache")
        shutil.rmtree(changed_root.parent)
        naive_seconds = 0.0
        if args.naive and not PDF:
            (work / "naive").mkdir()
            naive_seconds = naive(corpus, args.naive, work / "naive")
    print(f"machine: {machine()}")
    what = "PDF" if PDF else "DOCX"
    print(f"corpus: {args.size} documents ({total} get a DOCX), {what}, check {check_seconds:.2f} s\n")
    print("| run | wall time | documents/s | converted | reused | pandoc processes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, result in (("cold (empty cache)", cold), ("warm (no change)", warm), ("one change", changed)):
        rate = total / result.seconds
        row = f"| {name} | {result.seconds:.2f} s | {rate:,.0f} | {result.converted} | {result.reused} |"
        print(f"{row} {result.processes} |")
    if naive_seconds:
        print(
            f"| naive: one pandoc per file, sequential ({args.naive} files) | {naive_seconds * total:.1f} s "
            f"(extrapolated) | {1 / naive_seconds:.1f} | {args.naive} | 0 | {args.naive} |"
        )
    print(f"\none change also re-ran `check` ({changed_check:.2f} s), not included above.")


if __name__ == "__main__":
    main()
