"""PDF downloads: beside each DOCX of a document or an earlier text, the same text laid out the
same way (GOST R 7.0.97-2016), printable as it is; redlines stay DOCX only, since tracked
changes are a word processor's.

    DocxInput → cache lookup by digest → pandoc workers write Typst → Typst compiles → out_dir

The pandoc part is the DOCX's own: the same long-lived workers (`convert.lua`, job format
`typst`) and the same frame, whose paragraph styles become calls of `regpub.typ` (the page and
styles, package data beside the reference DOCX). Typst comes from a wheel, so pip installs
everything; it embeds the fonts it uses, takes the document's date and properties from the
input (never the clock), and writes the same bytes for the same input.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path

import typst

from generator.core.corpus import Corpus
from generator.core.errors import DocxError
from generator.core.progress import Progress
from generator.core.store import Store, write_atomically
from generator.core.urls import pdf_of
from generator.formats.docx.build import DocxResult, document_inputs, not_cached, publish
from generator.formats.docx.inputs import DocxInput
from generator.formats.docx.pandoc import Job, Toolchain, find_toolchain, run_jobs

TEMPLATE = "regpub.typ"


@dataclass(frozen=True, slots=True)
class _Typesetter:
    """Typst with the page and styles, and a fingerprint of both for the cache keys."""

    template: str
    fingerprint: str
    fonts: typst.Fonts

    def compile(self, typst_body: Path, document: DocxInput, target: Path) -> None:
        """Lay out the body pandoc wrote to `typst_body`; write `target` (through a temporary
        file, so it is whole or absent)."""
        body = typst_body.read_text(encoding="utf-8")
        compiler = typst.Compiler(font_paths=self.fonts)
        try:
            pdf = compiler.compile(
                input=f"{self.template}\n{body}".encode(), format="pdf", sys_inputs=document.properties
            )
        except typst.TypstError as error:
            raise DocxError(f"PDF of {document.id}: Typst failed: {error.message}") from None
        assert isinstance(pdf, bytes)
        write_atomically(target, pdf)


def _typesetter(toolchain: Toolchain) -> _Typesetter:
    path = toolchain.theme / TEMPLATE
    try:
        template = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DocxError(f"cannot read the PDF theme file {path}: {error.strerror or error}") from None
    fingerprint = hashlib.sha256(f"regpub-pdf-1\n{version('typst')}\n{template}".encode()).hexdigest()
    return _Typesetter(template, fingerprint, typst.Fonts(include_system_fonts=True))


def build_pdf(
    corpus: Corpus,
    as_of: date,
    out_dir: Path,
    *,
    site_url: str | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: bool = False,
    pandoc: Path | None = None,
) -> DocxResult:
    """Write the PDF beside every DOCX but the redlines under `out_dir`; options as `build_docx`'s.
    Raises `DocxError` when pandoc or Typst fails; then no file under `out_dir` has changed."""
    started = time.perf_counter()
    toolchain = find_toolchain(pandoc)
    typesetter = _typesetter(toolchain)
    made_by = f"{typesetter.fingerprint}\n{toolchain.fingerprint}"
    store = Store.area("pdf", made_by, suffix=".pdf", folder=cache_dir)
    inputs = [document for document in document_inputs(corpus, as_of, site_url) if not document.redline]
    cached = {document.path: store.path(store.key(document.canonical())) for document in inputs}
    missing = not_cached(inputs, cached)
    processes = 0
    if missing:
        store.folder.mkdir(parents=True, exist_ok=True)
        workers = jobs or os.cpu_count() or 1
        with tempfile.TemporaryDirectory(prefix="regpub-typst-") as folder:
            work = [
                Job(document.job(), "typst", Path(folder) / f"{path.stem}.typ")
                for path, document in missing.items()
            ]
            bar = Progress(len(work), "PDF", enabled=progress and sys.stderr.isatty())
            processes = run_jobs(toolchain, work, workers, bar)
            with ThreadPoolExecutor(workers) as pool:  # Typst lets go of the GIL while it works
                list(pool.map(typesetter.compile, [job.output for job in work], missing.values(), missing))
    files = tuple(publish(cached[document.path], out_dir / pdf_of(document.path)) for document in inputs)
    store.prune(set(cached.values()))
    return DocxResult(
        files, len(missing), len(inputs) - len(missing), processes, time.perf_counter() - started
    )
