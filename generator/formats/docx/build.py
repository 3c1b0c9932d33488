"""DOCX downloads: one per non-external regulation and meeting, laid out as official documents,
and for a regulation with versions (README: "Versions") one per earlier text and a redline per amendment.

    inputs (docx_input) → cache lookup by digest → pandoc workers (docx_pandoc) → out_dir

Why this shape: converting is the slow part (pandoc, ~30 ms a document), so a document is
converted only when something that affects its DOCX changed: the cache key is a digest of the
generated pandoc input (which holds the titles of everything it refers to and the computed
status), the reference document, the Lua scripts and the pandoc binary. A rebuild with no
change copies every file from the cache and starts no pandoc process. What must be converted
is fed to one long-lived pandoc per core (`generator/resources/docx/convert.lua`).

The files are byte-identical on every build: zip entry times and docProps dates come from the
document's date, never from the clock, and no user or machine name is written.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.core.corpus import Corpus, Entry
from generator.core.errors import DocxError
from generator.core.progress import Progress
from generator.core.store import Store
from generator.doctypes import REGISTRY
from generator.formats.docx.inputs import DocxInput, docx_input, version_inputs
from generator.formats.docx.pandoc import Job, find_toolchain, run_jobs

__all__ = [
    "DocxError",
    "DocxResult",
    "build_docx",
    "document_inputs",
    "documents_with_docx",
    "not_cached",
    "publish",
    "render_native",
]


@dataclass(frozen=True, slots=True)
class DocxResult:
    """What a build did: the files written, and how many were converted or reused."""

    files: tuple[Path, ...]  # every DOCX written under out_dir, in corpus order
    converted: int  # files pandoc converted in this build (one DOCX each, unless identical)
    reused: int  # files taken from the cache
    processes: int  # pandoc processes started (0 when nothing changed)
    seconds: float


def documents_with_docx(corpus: Corpus) -> Iterator[Entry]:
    """Regulations and meetings that get a DOCX: all but external documents (README: "What comes out")."""
    for entry in corpus.entries:
        if (
            entry.kind is not None
            and entry.record is not None
            and REGISTRY[entry.kind].has_docx(entry.record)
        ):
            yield entry


def build_docx(
    corpus: Corpus,
    as_of: date,
    out_dir: Path,
    *,
    site_url: str | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: bool = False,
    pandoc: Path | None = None,
    reference: Path | None = None,
) -> DocxResult:
    """Write `out_dir/<docx_path(kind, id)>` for every document that gets a DOCX, and for a
    regulation with versions the DOCX of each earlier text and each text's redline.

    `site_url` turns references into links to the published pages; `jobs` is the number of
    pandoc processes (default: one per core); `progress` shows a bar when stderr is a terminal;
    `pandoc` overrides the binary (default: the one pypandoc-binary bundles, else PATH);
    `reference` the DOCX that gives page and styles (default: the package's).
    Raises `DocxError` with a message for the user when pandoc is missing or fails; then no
    file under `out_dir` has been written or changed.
    """
    started = time.perf_counter()
    toolchain = find_toolchain(pandoc, reference=reference)
    store = Store.area("docx", toolchain.fingerprint, suffix=".docx", folder=cache_dir)
    inputs = document_inputs(corpus, as_of, site_url)
    cached = {document.path: store.path(store.key(document.canonical())) for document in inputs}
    missing = not_cached(inputs, cached)
    processes = 0
    if missing:
        store.folder.mkdir(parents=True, exist_ok=True)
        work = [Job(document.job(), "docx", path) for path, document in missing.items()]
        bar = Progress(len(work), "DOCX", enabled=progress and sys.stderr.isatty())
        processes = run_jobs(toolchain, work, jobs or os.cpu_count() or 1, bar)
    files = tuple(publish(cached[document.path], out_dir / document.path) for document in inputs)
    store.prune(set(cached.values()))
    return DocxResult(
        files, len(missing), len(inputs) - len(missing), processes, time.perf_counter() - started
    )


def not_cached(inputs: list[DocxInput], cached: dict[str, Path]) -> dict[Path, DocxInput]:
    """What to convert: one document per cache file that does not exist yet (identical
    documents share one)."""
    missing: dict[Path, DocxInput] = {}
    for document in inputs:
        if not cached[document.path].is_file():
            missing.setdefault(cached[document.path], document)
    return missing


def document_inputs(corpus: Corpus, as_of: date, site_url: str | None) -> list[DocxInput]:
    """What pandoc converts: every document's current text, its earlier texts and redlines."""
    return [
        document
        for entry in documents_with_docx(corpus)
        for document in (
            docx_input(corpus, entry, as_of, site_url),
            *version_inputs(corpus, entry, as_of, site_url),
        )
    ]


def render_native(
    corpus: Corpus, entry: Entry, as_of: date, *, site_url: str | None = None, pandoc: Path | None = None
) -> str:
    """pandoc's `native` form of one document after the layout filters: what golden tests compare."""
    toolchain = find_toolchain(pandoc)
    document = docx_input(corpus, entry, as_of, site_url)
    with tempfile.TemporaryDirectory(prefix="regpub-native-") as folder:
        output = Path(folder) / f"{entry.id}.native"
        run_jobs(toolchain, [Job(document.job(), "native", output)], 1, Progress(1, "", enabled=False))
        return readable_native(output.read_text(encoding="utf-8"))


_NATIVE_ESCAPE = re.compile(r"(\\\\)|\\(\d+)(\\&)?")


def readable_native(text: str) -> str:
    r"""pandoc's native text with non-ASCII characters shown as themselves, not as `\1055`.

    >>> readable_native(r'Str "\1087\1086\1076\&2 \\1"')
    'Str "под2 \\\\1"'
    """

    def decode(match: re.Match[str]) -> str:
        if match.group(1) or int(match.group(2)) < 128:
            return match.group(0)
        return chr(int(match.group(2)))

    return _NATIVE_ESCAPE.sub(decode, text)


def publish(cached: Path, target: Path) -> Path:
    """Copy from the cache through a temporary file, so `target` is always a whole DOCX."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    shutil.copyfile(cached, partial)
    os.replace(partial, target)
    return target
