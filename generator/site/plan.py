"""The site plan: every page and file of the site, computed once from the checked corpus.

It is the one place that says what the site contains. `regpub build` and `mkdocs build` (the
plugin) turn it into MkDocs files; `regpub serve` answers exactly its URLs, rendering each on
request; tests walk it. What a page or file holds is the renderer's business
(`generator/formats/files.py`); the plan only says what exists and where.

Why: the build and the preview used to keep two lists of what the site has, and the preview's
had already lost the earlier texts, the changes pages, the JSON files and the photos.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from generator.core.corpus import Corpus, Entry
from generator.core.editions import editions, history
from generator.core.urls import SCHEMA_FILES, RecordUrls, md_of, pdf_of
from generator.doctypes import REGISTRY
from generator.site.indexes import SECTION_PAGES, IndexPages

DATA_FILES = ("catalog.json", "register.json", "decisions.json", "feed.xml", *SCHEMA_FILES)
CHECKSUMS = "SHA256SUMS"


class PageKind(StrEnum):
    RECORD = "record"  # a regulation, meeting, person or organization
    VERSION = "version"  # an earlier text of a regulation
    CHANGES = "changes"  # what an amendment changed in a regulation's text
    LIST = "list"  # a section, the documents of a year or a form, the register


class FileKind(StrEnum):
    DATA = "data"  # catalog.json, register.json, decisions.json, feed.xml, schema/*.json
    RECORD_DATA = "record-data"  # a document's <id>.json
    PHOTO = "photo"  # a meeting photo, copied from the content root
    DOCX = "docx"  # a DOCX download (the document, an earlier text, a redline)
    PDF = "pdf"  # the PDF beside a DOCX of a document or an earlier text (redlines have none)
    AKN = "akn"  # a text of a document as Akoma Ntoso XML (external documents' too), made from its page
    CHECKSUMS = "checksums"  # SHA256SUMS of the downloads, the JSON and the XML: made last


@dataclass(frozen=True, slots=True)
class PlannedPage:
    """A generated page: its URL relative to the site root, what it shows."""

    url: str
    kind: PageKind
    record: str | None = None  # the record it shows; for VERSION and CHANGES the regulation
    start: date | None = None  # VERSION and CHANGES: the date the text applies from
    in_nav: bool = False  # a section page the sidebar links to

    @property
    def md(self) -> str:
        """The virtual Markdown file MkDocs renders into `url`."""
        return md_of(self.url)


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """A file of the site that is not a page."""

    path: str
    kind: FileKind
    record: str | None = None
    disk: Path | None = None  # PHOTO: the editor's file
    start: date | None = None  # AKN: an earlier text's date (None: the current text)


@dataclass(frozen=True)  # no slots: the lookups below are cached on the instance
class SitePlan:
    pages: tuple[PlannedPage, ...]
    files: tuple[PlannedFile, ...]
    docx: bool  # whether the DOCX downloads are part of the site

    @cached_property
    def by_md(self) -> dict[str, PlannedPage]:
        return {page.md: page for page in self.pages}

    @cached_property
    def by_path(self) -> dict[str, PlannedFile]:
        return {file.path: file for file in self.files}

    def of_kind(self, kind: FileKind) -> list[PlannedFile]:
        return [file for file in self.files if file.kind is kind]

    @cached_property
    def xml_by_md(self) -> dict[str, PlannedFile]:
        """The XML of each text by the page it is made from: the current text's by the record's
        page, an earlier text's by its own (`generator.core.editions`: every earlier text of a
        document has a page)."""
        pages = {(page.record, page.start): page.md for page in self.pages if page.kind in _TEXT_PAGES}
        return {pages[file.record, file.start]: file for file in self.of_kind(FileKind.AKN)}

    def page_of(self, file: PlannedFile) -> PlannedPage:
        """The page an XML file is made from."""
        return self.by_md[self._md_by_xml[file.path]]

    @cached_property
    def _md_by_xml(self) -> dict[str, str]:
        return {file.path: md for md, file in self.xml_by_md.items()}


_TEXT_PAGES = (PageKind.RECORD, PageKind.VERSION)  # the pages that show a text of a document


def plan_site(corpus: Corpus, as_of: date, indexes: IndexPages, *, docx: bool) -> SitePlan:
    """Every page and file for the corpus as of `as_of`, in a stable order."""
    pages: list[PlannedPage] = []
    files: list[PlannedFile] = []
    for entry in corpus.entries:
        if entry.kind is None or entry.record is None:
            continue
        urls = RecordUrls(entry.kind, entry.id)
        pages.append(PlannedPage(urls.page, PageKind.RECORD, entry.id))
        pages.extend(_edition_pages(corpus, entry, as_of))
        record_type = REGISTRY[entry.kind]
        if record_type.document:
            files.append(PlannedFile(urls.data, FileKind.RECORD_DATA, entry.id))
            for text in editions(corpus, entry, as_of):
                edition = urls.edition(text.start, current=text.current)
                start = None if text.current else text.start
                files.append(PlannedFile(edition.xml, FileKind.AKN, entry.id, start=start))
        for photo in record_type.photos(entry.record):
            disk = (entry.path.parent / photo.replace("\\", "/")).resolve()
            files.append(PlannedFile(urls.photo(photo), FileKind.PHOTO, entry.id, disk))
        if docx:
            files.extend(
                PlannedFile(path, kind, entry.id) for path, kind in download_files(corpus, entry, as_of)
            )
    in_nav = set(SECTION_PAGES.values())
    for source in indexes.pages():
        url = source.removesuffix("index.md")
        pages.append(PlannedPage(url, PageKind.LIST, in_nav=source in in_nav))
    files.extend(PlannedFile(name, FileKind.DATA) for name in DATA_FILES)
    files.append(PlannedFile(CHECKSUMS, FileKind.CHECKSUMS))
    return SitePlan(tuple(pages), tuple(files), docx)


def _edition_pages(corpus: Corpus, entry: Entry, as_of: date) -> list[PlannedPage]:
    assert entry.kind is not None
    urls = RecordUrls(entry.kind, entry.id)
    pages = []
    for index, text in enumerate(history(corpus, entry, as_of)):
        edition = urls.edition(text.start, current=text.current)
        if not text.current:
            pages.append(PlannedPage(edition.page, PageKind.VERSION, entry.id, edition.start))
        if index > 0:
            pages.append(PlannedPage(edition.changes, PageKind.CHANGES, entry.id, edition.start))
    return pages


def download_files(corpus: Corpus, entry: Entry, as_of: date) -> list[tuple[str, FileKind]]:
    """The DOCX downloads of one document: its own; for a regulation with several texts, each
    earlier text's and each later text's redline (README: "What comes out"); each but the redlines with its
    PDF. External documents have none."""
    record_type = REGISTRY[entry.kind] if entry.kind else None
    if record_type is None or entry.record is None or not record_type.has_docx(entry.record):
        return []
    urls = RecordUrls(record_type.kind, entry.id)
    paths = [(urls.docx, FileKind.DOCX), (pdf_of(urls.docx), FileKind.PDF)]
    for index, edition in enumerate(history(corpus, entry, as_of)):
        text = urls.edition(edition.start, current=edition.current)
        if not edition.current:
            paths += [(text.docx, FileKind.DOCX), (pdf_of(text.docx), FileKind.PDF)]
        if index > 0:
            paths.append((text.redline, FileKind.DOCX))
    return paths
