"""Build the site from synthetic corpora and measure what readers and hosts pay for it.

Usage: python benchmarks/site_build.py [N ...] [--no-plain] [--one-process] [--rebuild | --rebuild-only]
                                       [--jobs N]
       (default: 1000 10000)

For each size: `regpub build --no-docx` (wall time, peak RSS, HTML bytes per document page,
site size, search index size, bytes a browser downloads for its first search query), then the
same Markdown built by a plain MkDocs + Material site (`navigation.prune`, built-in lunr search,
every page in the nav) for comparison. Every time is also given as a multiple of the floor F
of the same run (benchmarks/floor.py). Prints Markdown tables for benchmarks/README.md.
`--rebuild` adds rebuilds into the folder of a cold build (nothing changed, a body, a title, a
person edited); `--rebuild-only` measures only those; `--jobs N` sets REGPUB_JOBS for the
rebuilds (1: a size whose page workers would not fit in memory).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from check import corpus_of
from floor import floor
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / ".sites"
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
_COMPRESSED = {".html", ".js", ".css", ".json", ".xml", ".svg"}
_REFERENCE = re.compile(r"\[\[([^\]|#]*)[^\]]*\]\]")


def measured(command: list[str], cwd: Path, said: list[str] | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of a command run to completion; fails loudly. With `said`, what
    the command printed is added to it."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{command[0]} failed: {errors.read().decode()}")
        output.seek(0)
        if said is not None:
            said.append(output.read().decode())
    return elapsed, usage.ru_maxrss / 1024


def size_of(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def page_sizes(site: Path) -> tuple[float, int]:
    """(mean, max) bytes of the document pages' HTML."""
    sizes = [p.stat().st_size for p in site.glob("regulations/*/index.html")]
    sizes += [p.stat().st_size for p in site.glob("meetings/*/index.html")]
    return sum(sizes) / len(sizes), max(sizes)


def first_query_bytes(site: Path, query: str, *, pagefind: bool) -> int:
    """Bytes the browser fetches for search from opening the page to the first results."""
    if not CHROMIUM.exists():
        return -1

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    total = 0
    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=flags)
        page = browser.new_page()
        sizes: list[int] = []
        search_files = re.compile(r"/(pagefind/|search/)")
        page.on(
            "requestfinished",
            lambda request: (
                sizes.append(request.sizes()["responseBodySize"])
                if search_files.search(request.url)
                else None
            ),
        )
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if pagefind:
            page.get_by_role("button", name="Поиск").click()
            page.locator("dialog.regpub-search input").fill(query)
            page.locator(".regpub-search__result").first.wait_for(timeout=60_000)
        else:
            # Material's worker fetches the whole lunr index; results may never come at 10,000
            # documents, so the download is measured after two minutes at most.
            page.locator("input.md-search__input").click()
            page.locator("input.md-search__input").fill(query)
            with contextlib.suppress(PlaywrightTimeout):
                page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
        page.wait_for_load_state("networkidle")
        total = sum(sizes)
        browser.close()
    server.shutdown()
    return total


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """A static host as readers meet one: text files gzip-compressed on the wire."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.suffix not in _COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        if not path.is_file():
            self.send_error(404)
            return
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def regpub_build(
    content: Path, site: Path, cache: Path, jobs: int | None = None, said: list[str] | None = None
) -> tuple[float, float]:
    """(wall s, peak RSS MB) of `regpub build --no-docx` with its caches in `cache`; what it
    printed added to `said`."""
    os.environ["XDG_CACHE_HOME"] = str(cache)
    if jobs is None:
        os.environ.pop("REGPUB_JOBS", None)
    else:
        os.environ["REGPUB_JOBS"] = str(jobs)
    command = [str(BIN / "regpub"), "build", "--no-docx", "--as-of", "2026-01-01", "--content", str(content),
               "--output", str(site)]  # fmt: skip
    return measured(command, REPO, said)


def regpub_site(size: int, f: float, *, jobs: int | None = None) -> dict[str, str]:
    """A cold build (empty caches); `jobs` sets REGPUB_JOBS (1: every page in one process)."""
    content = corpus_of(size)
    site = WORK / f"regpub-{size}"
    cache = WORK / f"cache-{size}-cold"
    shutil.rmtree(cache, ignore_errors=True)
    wall, rss = regpub_build(content, site, cache, jobs)
    mean, largest = page_sizes(site)
    return {
        "build": f"{wall:.1f} s = {wall / f:.1f} F",
        "peak RSS": f"{rss:.0f} MB",
        "HTML per document page (mean / max)": f"{mean / 1024:.0f} / {largest / 1024:.0f} KB",
        "site size": f"{size_of(site) / 1e6:.0f} MB",
        "search index": f"{size_of(site / 'pagefind') / 1e6:.1f} MB",
        "first query download": f"{first_query_bytes(site, 'координации', pagefind=True) / 1024:.0f} KB",
    }


def rebuilds(size: int, jobs: int | None = None) -> list[tuple[str, float, float, str]]:
    """(run, wall s, peak RSS MB, what the build did): cold, again with nothing changed, then one
    document's body edited, its title edited, a person renamed, each into the folder of the
    build before."""
    content = WORK / f"edited-{size}"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(corpus_of(size), content)
    site, cache = WORK / f"rebuilt-{size}", WORK / f"cache-{size}-warm"
    shutil.rmtree(cache, ignore_errors=True)
    build = functools.partial(_build, content, site, cache, jobs)
    runs = [("cold (empty caches)", *build())]
    runs.append(("nothing changed", *build()))
    edited = next(
        path for path in sorted(content.rglob("*.md")) if {"Статья 1.", "\ntitle: "} <= _words(path)
    )
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("Статья 1.", "Статья 1. Изменённая", 1), encoding="utf-8")
    runs.append(("one document's body edited", *build()))
    text = edited.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: (.*)$", r"title: \1 (изменённое)", text, count=1)
    edited.write_text(text, encoding="utf-8")
    runs.append(("the same document's title edited", *build()))
    people = content / "people.yml"
    text = people.read_text(encoding="utf-8")
    people.write_text(re.sub(r"(?m)^  name: (.*)$", r"  name: \1-Новый", text, count=1), encoding="utf-8")
    runs.append(("a person renamed in people.yml", *build()))
    return runs


def _build(content: Path, site: Path, cache: Path, jobs: int | None) -> tuple[float, float, str]:
    """`regpub_build`, with what the build did: pages rendered, search parts indexed."""
    said: list[str] = []
    wall, rss = regpub_build(content, site, cache, jobs, said=said)
    did = re.search(r"\((?:[^;()]*;\s*)?(pages: [^;]*); (search index: [^)]*)\)", said[0])
    return wall, rss, "; ".join(did.groups()) if did else ""


def _words(path: Path) -> set[str]:
    """Which of the markers `rebuilds` edits the file has."""
    text = path.read_text(encoding="utf-8")
    return {marker for marker in ("Статья 1.", "\ntitle: ") if marker in text}


def plain_site(size: int, f: float) -> dict[str, str]:
    """The same Markdown as a default Material site: every page in the nav, lunr search."""
    content = corpus_of(size)
    project = WORK / f"plain-{size}"
    shutil.rmtree(project, ignore_errors=True)
    docs = project / "docs"
    nav = []
    for source in sorted(content.rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        title = re.search(r'^title: "?(.*?)"?$', text, re.MULTILINE)
        target = docs / source.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        heading = title.group(1) if title else source.stem
        plain_body = _REFERENCE.sub(r"\1", body)  # [[id|text]] → id: plain MkDocs has no such links
        target.write_text(f"# {heading}\n\n{plain_body}", encoding="utf-8")
        nav.append(f"  - '{source.stem}': {source.relative_to(content)}")
    (docs / "index.md").write_text("# Главная\n", encoding="utf-8")
    config = [
        "site_name: plain", "theme:", "  name: material", "  language: ru", "  font: false",
        "  features: [navigation.prune]", "plugins: [search]", "nav:", "  - Главная: index.md", *nav,
    ]  # fmt: skip
    (project / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")
    wall, rss = measured([str(BIN / "mkdocs"), "build", "-q"], project)
    site = project / "site"
    mean, largest = page_sizes_plain(site)
    return {
        "build": f"{wall:.1f} s = {wall / f:.1f} F",
        "peak RSS": f"{rss:.0f} MB",
        "HTML per document page (mean / max)": f"{mean / 1024:.0f} / {largest / 1024:.0f} KB",
        "site size": f"{size_of(site) / 1e6:.0f} MB",
        "search index": f"{size_of(site / 'search') / 1e6:.1f} MB",
        "first query download": f"{first_query_bytes(site, 'координации', pagefind=False) / 1024:.0f} KB",
    }


def page_sizes_plain(site: Path) -> tuple[float, int]:
    sizes = [p.stat().st_size for p in site.glob("*/*/index.html")]
    return sum(sizes) / len(sizes), max(sizes)


LARGE = 20_000  # above this many documents, F is measured once (each run of it takes minutes)


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    args = sys.argv[1:]
    jobs = int(args.pop(args.index("--jobs") + 1)) if "--jobs" in args else None
    sizes = [int(arg) for arg in args if arg.isdigit()] or [1000, 10000]
    plain = "--no-plain" not in args
    for size in sizes:
        f = floor(corpus_of(size), runs=1 if size > LARGE else 3)
        if "--rebuild-only" in sys.argv:
            print(f"\n{size:,} documents (floor F = {f:.2f} s), rebuilds\n")
            print("| run | build | peak RSS | what it did |\n| --- | ---: | ---: | --- |")
            for run, wall, rss, did in rebuilds(size, jobs):
                print(f"| {run} | {wall:.1f} s = {wall / f:.2f} F | {rss:.0f} MB | {did} |", flush=True)
            continue
        rows = {"regpub": regpub_site(size, f)}
        if "--one-process" in sys.argv:
            rows["regpub, pages in one process"] = regpub_site(size, f, jobs=1)
        if plain:
            rows["plain MkDocs + Material"] = plain_site(size, f)
        keys = list(rows["regpub"])
        print(f"\n{size:,} documents (floor F = {f:.2f} s)\n")
        print("| | " + " | ".join(keys) + " |")
        print("| --- |" + " ---: |" * len(keys))
        for name, row in rows.items():
            print(f"| {name} | " + " | ".join(row[key] for key in keys) + " |", flush=True)
        if "--rebuild" in sys.argv:
            print(f"\n{size:,} documents, rebuilds\n")
            print("| run | build | peak RSS | what it did |\n| --- | ---: | ---: | --- |")
            for run, wall, rss, did in rebuilds(size, jobs):
                print(f"| {run} | {wall:.1f} s = {wall / f:.2f} F | {rss:.0f} MB | {did} |", flush=True)


if __name__ == "__main__":
    main()
