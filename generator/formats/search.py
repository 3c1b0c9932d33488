"""The site's search index: Pagefind, in parts of a bounded size, merged in the reader's browser.

Pagefind holds every page it indexes in memory (about 0.2 MB a page), so a large site is
indexed in parts of at most `part_pages` pages, one after another: the first part is the
bundle at `pagefind/`, the others go to `pagefind/parts/<n>/` and are named in
`pagefind/regpub-parts.json`, which the search dialog reads to merge them (Pagefind's
`mergeIndex`: one WebAssembly module, results ranked together, filters counted together).
A document's pages (its text, earlier texts, changes) stay in one part, chosen by the digest
of the document's folder, so an edit re-indexes only the parts whose pages changed: each part
is cached under the digest of its pages.

Pagefind writes its filter files and their metadata in hash-map order (Pagefind/pagefind#638);
`_canonical` rewrites them in a fixed order, so the same pages always give the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cbor2

from generator.core.errors import SearchError
from generator.core.store import Store, installed_version

# Pagefind indexes what the templates mark `data-pagefind-body`, in Russian; `.headerlink`:
# the "#" permalinks beside headings.
OPTIONS = ("--force-language", "ru", "--silent", "--exclude-selectors", ".headerlink")
BUNDLE = "pagefind"
PARTS_FILE = "regpub-parts.json"
PART_PAGES = 3000  # ≈ 600 MB of Pagefind's memory
# Part of every cached part's key: change it when what a part holds or how it is written changes.
FORMAT = "regpub-search-2"
KEEP_STATES = 3  # cached parts kept per part of the site: its last few states
# What a merged part needs, with its `.pf_meta`; the rest of Pagefind's bundle (UI scripts,
# WebAssembly) is the first part's alone.
_PART_FILES = ("pagefind-entry.json", "index", "fragment", "filter")
_SIGNATURE = b"pagefind_dcd"


@dataclass(frozen=True)
class SitePages:
    """A site's HTML pages as a rebuild has them: some written anew, some kept where they are."""

    files: Mapping[str, Path]  # path in the site → the file
    keys: Mapping[str, str] = field(default_factory=dict)  # a page → the key of what it is made from
    published: Path | None = None  # the output folder, whose parts of the bundle may stay as they are


@dataclass(frozen=True)
class SearchReport:
    parts: int
    reused: int
    kept: list[str] = field(default_factory=list)  # files of the bundle left in `published` as they are

    def brief(self) -> str:
        if self.reused == self.parts:
            return "search index: from the cache"
        if self.reused:
            return f"search index: {self.parts - self.reused} of {self.parts} parts built"
        return "search index: built"


def site_pages(site: Path) -> dict[str, Path]:
    """The HTML pages under `site` but the search bundle's: path relative to `site` → the file."""
    return {
        path.relative_to(site).as_posix(): path
        for path in site.rglob("*.html")
        if path.relative_to(site).parts[0] != BUNDLE
    }


def search_parts(pages: Iterable[str], part_pages: int = PART_PAGES) -> list[list[str]]:
    """The site's HTML pages (paths relative to the site), in parts of about `part_pages`.

    A document's pages share its folder (`regulations/<id>/…`) and go to the part its
    folder's digest picks; the few pages outside documents' folders (home, lists, guides) go
    to the first part.
    """
    ordered = sorted(pages)
    count = max(1, math.ceil(len(ordered) / max(part_pages, 1)))
    parts: list[list[str]] = [[] for _ in range(count)]
    for page in ordered:
        folders = page.split("/")
        if len(folders) < 3:  # index.html, regulations/index.html: not a document's
            parts[0].append(page)
            continue
        digest = hashlib.sha256("/".join(folders[:2]).encode()).digest()
        parts[int.from_bytes(digest[:8], "big") % count].append(page)
    return [part for part in parts if part] or [[]]


def build_search_index(
    site: Path,
    cache: Store | None = None,
    *,
    pages: SitePages | None = None,
    part_pages: int = PART_PAGES,
    progress: Callable[[int, int], None] | None = None,
) -> SearchReport:
    """Index the site's `pages` (default: every page under `site`) into `site/pagefind/`; with
    `cache`, reuse each part whose pages are the same, and leave such a part in the output folder
    `pages.published` when it is the very one there."""
    known = pages if pages is not None else SitePages(site_pages(site))
    parts = search_parts(known.files, part_pages)
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # a --dirty build keeps the old one
    reused, kept = 0, []
    # Beside the site, so the trees of links to its pages are on its file system.
    with tempfile.TemporaryDirectory(prefix=".regpub-search-", dir=site.parent) as scratch:
        for number, part in enumerate(parts):
            if progress is not None:
                progress(number + 1, len(parts))
            key = _part_key(cache, known, part) if cache is not None else ""
            source = cache.path(key) if cache is not None else None
            if source is not None and source.is_dir():
                os.utime(source)
                reused += 1
            else:
                source = Path(scratch) / f"part-{number}"
                _index(known.files, part, source, Path(scratch) / f"pages-{number}")
                if cache is not None:
                    cache.keep_folder(key, source)
            target = BUNDLE if number == 0 else f"{BUNDLE}/parts/{number}"
            files = _part_files(source, first=number == 0)
            if known.published is not None and _same_files(source, known.published / target, files):
                kept += [f"{target}/{name}" for name in files]
                continue
            for name in files:
                (site / target / name).parent.mkdir(parents=True, exist_ok=True)
                _link(str(source / name), str(site / target / name))
    merged = [f"parts/{number}/" for number in range(1, len(parts))]
    bundle.mkdir(parents=True, exist_ok=True)
    (bundle / PARTS_FILE).write_text(json.dumps(merged) + "\n", encoding="utf-8")
    if cache is not None:
        cache.prune(keep_newest=KEEP_STATES * len(parts))
    return SearchReport(parts=len(parts), reused=reused, kept=kept)


def _part_files(part: Path, *, first: bool) -> list[str]:
    """The files of an index part that go into the site (relative paths): a merged part leaves
    out what only the first part's bundle needs."""
    files = []
    for folder, _, names in os.walk(part):
        relative = os.path.relpath(folder, part)
        for name in names:
            path = name if relative == "." else f"{relative}/{name}"
            top = path.split("/", 1)[0]
            if first or top in _PART_FILES or (top == name and name.endswith(".pf_meta")):
                files.append(path)
    return sorted(files)


def _same_files(part: Path, published: Path, files: list[str]) -> bool:
    """Whether the folder `published` holds the very files of the stored `part` (links to them)."""
    try:
        return all(os.stat(part / name).st_ino == os.lstat(published / name).st_ino for name in files) and (
            part.stat().st_dev == published.stat().st_dev
        )
    except OSError:
        return False


def _index(where: Mapping[str, Path], pages: list[str], output: Path, tree: Path) -> None:
    """Pagefind over `pages` alone: a tree of links to them, so their URLs stay the site's."""
    for page in pages:
        (tree / page).parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(where[page], tree / page)
        except OSError:  # another file system, or one without hard links
            shutil.copyfile(where[page], tree / page)
    command = [sys.executable, "-m", "pagefind", "--site", str(tree), "--output-path", str(output), *OPTIONS]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchError(f"Pagefind failed to index the site:\n{result.stdout}{result.stderr}")
    shutil.rmtree(tree, ignore_errors=True)
    _canonical(output)


def _link(source: str, target: str) -> None:
    """A file of a part into the site: linked, not copied (a stored part is never written in
    place, and publishing finds a linked file unchanged without reading it); copied where links
    cannot be made."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _canonical(bundle: Path) -> None:
    """Rewrite Pagefind's filter files and metadata with their entries in a fixed order, under
    names made from their bytes, as Pagefind names its other files."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    renamed: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        name, values = _read(path)
        data = _pack([name, sorted(values, key=lambda value: value[0])])
        language = path.stem.split("_", 1)[0]
        new = f"{language}_{hashlib.sha256(data).hexdigest()[:7]}"
        path.unlink()
        (bundle / "filter" / f"{new}.pf_filter").write_bytes(data)
        renamed[path.stem] = new
    for language in entry["languages"].values():
        old = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(old)
        try:
            meta[3] = sorted([[name, renamed[hash_]] for name, hash_ in meta[3]])
        except (IndexError, KeyError, TypeError, ValueError) as error:
            raise SearchError(
                f"Pagefind wrote metadata regpub cannot read ({old.name}): {error!r}"
            ) from error
        data = _pack(meta)
        prefix = language["hash"].split("_", 1)[0]
        language["hash"] = f"{prefix}_{hashlib.sha256(data).hexdigest()[:10]}"
        old.unlink()
        (bundle / f"pagefind.{language['hash']}.pf_meta").write_bytes(data)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise SearchError(f"Pagefind wrote a file regpub cannot read: {path.name}")
    return cbor2.loads(data[len(_SIGNATURE) :])


def _pack(content: Any) -> bytes:
    """A Pagefind file: its signature and CBOR, gzipped without a time stamp."""
    return gzip.compress(_SIGNATURE + cbor2.dumps(content), mtime=0)


def search_store() -> Store:
    """Where index parts are kept: the store's area `search`, a folder per part."""
    return Store.area("search", f"{FORMAT}\n{installed_version('pagefind')}\n{OPTIONS}")


def _part_key(cache: Store, known: SitePages, pages: list[str]) -> str:
    """The digest of a part's pages: each one's key where it is known, else its bytes."""

    def inputs() -> Iterator[str | bytes]:
        for page in pages:
            yield page
            key = known.keys.get(page)
            yield f"made from {key}" if key else known.files[page].read_bytes()

    return cache.key_of(inputs())
