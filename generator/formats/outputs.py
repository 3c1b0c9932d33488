"""One build's outputs, made in order from the checked content: the plan, the DOCX and PDF
downloads (converted first, so that each page can show its DOCX's checksum), then the renderer
of what every planned page and file holds (the Akoma Ntoso texts are made with their pages).

`regpub build` and `mkdocs build` reach this through the MkDocs plugin, which only hands the
result to MkDocs (generator/mkdocs/plugin.py); `regpub serve` renders a page at a time and takes
only `decorator` from here. Nothing here knows MkDocs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.check import Checked
from generator.content.provenance import Revision, last_changes
from generator.core.corpus import Entry
from generator.core.errors import InternalError
from generator.core.russian import long_date
from generator.core.urls import docx_path
from generator.doctypes import records
from generator.doctypes.records import DocumentRecord
from generator.formats.docx.build import build_docx
from generator.formats.files import SiteRenderer
from generator.formats.pdf import build_pdf
from generator.site.context import PageContexts
from generator.site.indexes import IndexPages
from generator.site.plan import FileKind, SitePlan, plan_site


@dataclass(frozen=True, slots=True)
class Settings:
    """What the site's configuration says about its outputs."""

    site_url: str | None
    site_name: str
    country: str
    reference_docx: Path | None = None  # the editor's letterhead; None: regpub's layout
    commit_url: str | None = None  # patterns of a page's "last changed" links
    history_url: str | None = None


@dataclass(slots=True)
class Outputs:
    """The plan and what holds each of its pages and files; `downloads` are on disk."""

    plan: SitePlan
    indexes: IndexPages
    renderer: SiteRenderer
    downloads: dict[str, Path] = field(default_factory=dict)  # site path → the DOCX or PDF made
    report: list[str] = field(default_factory=list)  # what was made and reused, to say at the end


def make_outputs(checked: Checked, settings: Settings, *, downloads: Path | None) -> Outputs:
    """Everything but the pages' HTML for the checked content; DOCX and PDF into the folder
    `downloads` (None: none are made). Raises DocxError when a conversion failed."""
    as_of, docx = checked.as_of, downloads is not None
    contexts = PageContexts(checked.corpus, as_of, docx=docx)
    indexes = IndexPages(contexts)
    plan = plan_site(checked.corpus, as_of, indexes, docx=docx)
    made: dict[str, Path] = {}
    report: list[str] = []
    if downloads is not None:
        made = _downloads(checked, settings, downloads, report)
        planned = [file.path for file in (*plan.of_kind(FileKind.DOCX), *plan.of_kind(FileKind.PDF))]
        if sorted(planned) != sorted(made):  # a bug: the plan and the converters disagree
            raise InternalError(f"downloads {sorted(set(made) ^ set(planned))[:5]} unlike the site plan")
    checksums = {path: hashlib.sha256(file.read_bytes()).hexdigest() for path, file in made.items()}
    renderer = SiteRenderer(
        plan, contexts, indexes, site_url=settings.site_url, site_name=settings.site_name,
        decorate=decorator(settings, last_changes(checked.corpus.root), checksums),
        docx_checksums=checksums, country=settings.country,
    )  # fmt: skip
    return Outputs(plan, indexes, renderer, made, report)


def _downloads(checked: Checked, settings: Settings, folder: Path, report: list[str]) -> dict[str, Path]:
    corpus, as_of, site_url = checked.corpus, checked.as_of, settings.site_url
    docx = build_docx(
        corpus, as_of, folder, site_url=site_url, progress=True, reference=settings.reference_docx
    )
    pdf = build_pdf(corpus, as_of, folder, site_url=site_url, progress=True)
    report.append(f"DOCX: {docx.converted} converted, {docx.reused} from the cache")
    report.append(f"PDF: {pdf.converted} converted, {pdf.reused} from the cache")
    return {path.relative_to(folder).as_posix(): path for path in (*docx.files, *pdf.files)}


@dataclass(frozen=True, slots=True)
class decorator:  # used as a function that makes a `Decorate`
    """What the build adds to each record's context: its DOCX's checksum, its last commit
    (the preview asks here too, so its pages say what the published ones say)."""

    settings: Settings
    changes: dict[Path, Revision]
    checksums: dict[str, str]
    folders: dict[Path, Path] = field(default_factory=dict)  # a folder → its resolved path

    def __call__(self, entry: Entry, record: DocumentRecord) -> dict[str, Any]:
        return {
            "docx_sha256": self.checksums.get(record.docx or ""),
            "source": _provenance(self.settings, self._revision(entry)),
        }

    def key(self, entry: Entry) -> str:
        """What `__call__` adds for `entry`, in short, without its record."""
        docx = docx_path(entry.kind, entry.id) if entry.kind is not None else ""
        return f"{self.checksums.get(docx)} {self._revision(entry)}"

    def _revision(self, entry: Entry) -> Revision | None:
        """The newest commit of the entry's file, found by its resolved path: its folder
        resolved once for all the files in it (resolving a path looks at each of its folders)."""
        path = entry.path
        if path.is_symlink():
            return self.changes.get(path.resolve())
        folder = self.folders.get(path.parent)
        if folder is None:
            folder = self.folders[path.parent] = path.parent.resolve()
        return self.changes.get(folder / path.name)


def _provenance(settings: Settings, revision: Revision | None) -> records.Source | None:
    if revision is None:
        return None
    values = {"commit": revision.commit, "path": revision.path}
    return records.Source(
        date=long_date(revision.date),
        date_iso=revision.date.isoformat(),
        commit=revision.short,
        commit_url=settings.commit_url.format(**values) if settings.commit_url else None,
        history_url=settings.history_url.format(**values) if settings.history_url else None,
    )
