"""The site's search index: Pagefind, in parts of a bounded size, merged in the reader's browser.

Pagefind holds every page it indexes in memory (about 0.2 MB a page), so a large site is
indexed in parts of at most `part_pages` pages, one after another: the first part is the
bundle at `pagefind/`, the others go to `pagefind/parts/<n>/` and are named in
`pagefind/regpub-parts.json`, which the search dialog reads to merge them (Pagefind's
`mergeIndex`: one WebAssembly module, results ranked together, filters counted together).
A document's pages (its text, earlier texts, changes) stay in one part, chosen by the digest
of the document's folder. Each part is cached under the digests of its pages' search copies,
which hold only what Pagefind reads of a page (`search_copy`: Pagefind makes the same index of
them, byte for byte), so an edit re-indexes only the parts in which what Pagefind reads changed:
a page that shows an edited title only where Pagefind does not look (the relations, marked
`data-pagefind-ignore`) leaves its part as it was. The page workers make the digests as they
write the pages; the parts are indexed up to `jobs` at a time.

Pagefind writes its filter files and their metadata in hash-map order (Pagefind/pagefind#638);
`canonical` rewrites them in a fixed order, so the same pages always give the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
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
FORMAT = "regpub-search-4"
KEEP_STATES = 3  # cached parts kept per part of the site: its last few states
# What a merged part needs, with its `.pf_meta`; the rest of Pagefind's bundle (UI scripts,
# WebAssembly) is the first part's alone.
_PART_FILES = ("pagefind-entry.json", "index", "fragment", "filter")
_SIGNATURE = b"pagefind_dcd"
UNINDEXED = "unindexed"  # `indexed_digest` of a page without `data-pagefind-body`

# What Pagefind reads of a page (https://pagefind.app/docs/indexing/): the elements marked
# `data-pagefind-body` (when a site has any, the pages without one are left out), less those marked
# `data-pagefind-ignore`, in which it still reads the filters and metadata (`data-pagefind-filter`…).
_BODY = re.compile(r"<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-body\b[^>]*>")
_IGNORED = re.compile(r"<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>")
_SAID = re.compile(r"<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-(?!ignore)[\w-]+\b[^>]*>")
_ALSO_READ = re.compile(  # outside those: the title, headings, images, filters and metadata
    r"<(title|h1|img)\b[^>]*>|<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-(?!ignore|body)[\w-]+\b[^>]*>"
)
_HTML = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


@dataclass(frozen=True)
class SitePages:
    """A site's HTML pages as a rebuild has them: some written anew, some kept where they are."""

    files: Mapping[str, Path]  # path in the site → the file
    indexed: Mapping[str, str] = field(default_factory=dict)  # a page → its `indexed_digest`, where known
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
        return f"search index: {self.parts} parts built" if self.parts > 1 else "search index: built"


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
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> SearchReport:
    """Index the site's `pages` (default: every page under `site`) into `site/pagefind/`, up to
    `jobs` parts at a time; with `cache`, reuse each part whose pages are the same, and leave such
    a part in the output folder `pages.published` when it is the very one there."""
    known = pages if pages is not None else SitePages(site_pages(site))
    digests = _indexed_pages(known)
    parts = search_parts(digests, part_pages)
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # a --dirty build keeps the old one
    keys = [cache.key_of(_part_inputs(part, digests)) if cache is not None else "" for part in parts]
    # Beside the site, on its file system: the parts made here are linked into it.
    with tempfile.TemporaryDirectory(prefix=".regpub-search-", dir=site.parent) as scratch:
        sources: dict[int, Path] = {}
        for number, key in enumerate(keys):
            if cache is not None and (stored := cache.path(key)).is_dir():
                os.utime(stored)
                sources[number] = stored
        reused = len(sources)
        wanted = [number for number in range(len(parts)) if number not in sources]
        made_now = _index_parts(known.files, parts, wanted, Path(scratch), jobs=jobs, progress=progress)
        for number, made in made_now:
            sources[number] = made
            if cache is not None:
                cache.keep_folder(keys[number], made)
                # Linked from the store, so that the next build finds the part it reuses in place.
                if cache.path(keys[number]).is_dir():
                    sources[number] = cache.path(keys[number])
        kept = [path for number in range(len(parts)) for path in _place(site, known, number, sources[number])]
    merged = [f"parts/{number}/" for number in range(1, len(parts))]
    bundle.mkdir(parents=True, exist_ok=True)
    (bundle / PARTS_FILE).write_text(json.dumps(merged) + "\n", encoding="utf-8")
    if cache is not None:
        cache.prune(keep_newest=KEEP_STATES * len(parts))
    return SearchReport(parts=len(parts), reused=reused, kept=kept)


def _index_parts(
    files: Mapping[str, Path], parts: list[list[str]], wanted: list[int], scratch: Path, *, jobs: int,
    progress: Callable[[int, int], None] | None,
) -> Iterator[tuple[int, Path]]:  # fmt: skip
    """Index the `wanted` parts into `scratch`, up to `jobs` at a time (each one a Pagefind
    process, which uses more than one core itself): (the part's number, its folder), as each is
    done."""

    def index(number: int) -> tuple[int, Path]:
        _index(files, parts[number], scratch / f"part-{number}", scratch / f"pages-{number}")
        return number, scratch / f"part-{number}"

    with ThreadPoolExecutor(max(1, min(jobs, len(wanted) or 1))) as pool:
        for done, future in enumerate(as_completed([pool.submit(index, number) for number in wanted]), 1):
            if progress is not None:
                progress(done, len(wanted))
            yield future.result()


def _place(site: Path, known: SitePages, number: int, source: Path) -> list[str]:
    """Link the files of part `number` from `source` into the site; those the output folder
    already holds as they are stay there (returned, for publishing to keep)."""
    target = BUNDLE if number == 0 else f"{BUNDLE}/parts/{number}"
    files = _part_files(source, first=number == 0)
    if known.published is not None and _same_files(source, known.published / target, files):
        return [f"{target}/{name}" for name in files]
    for name in files:
        (site / target / name).parent.mkdir(parents=True, exist_ok=True)
        _link(str(source / name), str(site / target / name))
    return []


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
    """Pagefind over `pages` alone: a tree of links to them, so their URLs stay the site's.
    (Pagefind would index their search copies alike, in 15 % less time, but making the copies
    here, one process for the whole site, costs more than that.)"""
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
    canonical(output)


def _link(source: str, target: str) -> None:
    """A file of a part into the site: linked, not copied (a stored part is never written in
    place, and publishing finds a linked file unchanged without reading it); copied where links
    cannot be made."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def canonical(bundle: Path) -> None:
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


def _part_inputs(pages: list[str], digests: Mapping[str, str]) -> Iterator[str]:
    """What a part's cache key is made of: each page and what Pagefind reads of it."""
    for page in pages:
        yield f"{page}\n{digests[page]}"


def _indexed_pages(known: SitePages) -> dict[str, str]:
    """The pages Pagefind indexes, each with the digest of what it reads of it."""
    said = known.indexed
    digests = {page: said.get(page) or indexed_digest(at.read_bytes()) for page, at in known.files.items()}
    indexed = {page: digest for page, digest in digests.items() if digest != UNINDEXED}
    if indexed:
        return indexed
    # No page marks its indexed part: Pagefind reads every page whole.
    return {page: hashlib.sha256(path.read_bytes()).hexdigest() for page, path in known.files.items()}


def indexed_digest(page: bytes) -> str:
    """The digest of what Pagefind reads of an HTML page (its `search_copy`), or UNINDEXED when
    the page marks no part to index."""
    copy = search_copy(page)
    return hashlib.sha256(copy).hexdigest() if copy is not None else UNINDEXED


def search_copy(page: bytes) -> bytes | None:
    """What Pagefind reads of an HTML page, as a smaller page it indexes alike (None when the page
    marks no part to index): the parts marked `data-pagefind-body`, less the content of what they
    mark `data-pagefind-ignore` but for the filters and metadata in it; and from the rest of the
    page what Pagefind also reads there: `<html lang>`, filters and metadata, the title, the
    first heading and the images (its fallbacks for a page's title and image). A part is cached
    under the digests of these copies, so a page that changed only where Pagefind does not look
    (the relations, the navigation) leaves its part of the index as it was."""
    html = page.decode("utf-8", errors="replace")
    bodies = list(_elements(_BODY, html, 0, len(html)))
    if not bodies:
        return None
    opening = _HTML.search(html)
    pieces = [f"<!DOCTYPE html>{opening.group(0) if opening else '<html>'}<body>"]
    position = 0
    for start, _, end in bodies:
        pieces += [html[at:to] for at, _, to in _elements(_ALSO_READ, html, position, start)]
        position = start
        for cut, opened, cut_end in _elements(_IGNORED, html, start, end):
            if _SAID.match(html, cut):  # a filter or metadata of its own: kept whole
                continue
            pieces.append(html[position:opened])
            pieces += [html[said:said_end] for said, _, said_end in _elements(_SAID, html, opened, cut_end)]
            pieces.append(f"</{_IGNORED.match(html, cut).group(1)}>")  # type: ignore[union-attr]
            position = cut_end
        pieces.append(html[position:end])
        position = end
    pieces += [html[at:to] for at, _, to in _elements(_ALSO_READ, html, position, len(html))]
    pieces.append("</body></html>")
    return "".join(pieces).encode()


def _elements(opening: re.Pattern[str], html: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """The elements whose opening tags match `opening` between `start` and `end`, outermost only:
    (where each starts, where its opening tag ends, where it ends)."""
    position = start
    while (found := opening.search(html, position, end)) is not None:
        name = next(group for group in found.groups() if group)  # the tag's name, in whichever group
        close = min(_element_end(html, name, found.end()), end)
        yield found.start(), found.end(), close
        position = max(close, found.end())


def _element_end(html: str, name: str, start: int) -> int:
    """Where the element `name` whose opening tag ends at `start` ends, past its closing tag."""
    if name.lower() in _VOID:
        return start
    depth = 1
    for tag in re.compile(rf"<(/?){re.escape(name)}\b[^>]*>", re.IGNORECASE).finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(html)
