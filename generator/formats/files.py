"""What each planned page and file holds: the renderer of a `SitePlan`.

One renderer serves the build (every page, once) and the preview (a page when the browser asks
for it), so the two cannot show different things. A record's page record is made once and kept.
The XML of a text is made from its page's HTML (`akn`), so whoever renders the pages asks for
it, and for SHA256SUMS (`checksums`) when every XML is made.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import Any, Protocol, cast

from generator.core.corpus import Entry
from generator.core.editions import editions
from generator.core.reads import Reads, memo
from generator.core.urls import SCHEMA_FILES
from generator.doctypes.records import DocumentRecord, Page
from generator.formats.akn.document import akn_xml
from generator.formats.akn.naming import DEFAULT_COUNTRY
from generator.formats.data import files as data
from generator.formats.data.schema import open_data_schema
from generator.formats.jsonld import json_ld, script_text
from generator.site.context import PageContexts
from generator.site.indexes import IndexPages
from generator.site.markdown import page_markdown
from generator.site.plan import FileKind, PageKind, PlannedFile, PlannedPage, SitePlan
from generator.site.versions import version_pages


class Decorate(Protocol):
    """What only the build knows of a document's page (its DOCX checksum, its git history)."""

    def __call__(self, entry: Entry, record: DocumentRecord) -> dict[str, Any]:
        """The fields to add to the document's record."""

    def key(self, entry: Entry) -> str:
        """What those fields depend on."""


class SiteRenderer:
    def __init__(
        self,
        plan: SitePlan,
        contexts: PageContexts,
        indexes: IndexPages,
        *,
        site_url: str | None,
        site_name: str,
        decorate: Decorate | None = None,
        docx_checksums: dict[str, str] | None = None,
        country: str = DEFAULT_COUNTRY,
    ) -> None:
        self.plan = plan
        self.contexts = contexts
        self.corpus = contexts.corpus
        self.indexes = indexes
        self.site_url = site_url
        self.site_name = site_name
        self._decorate = decorate
        self._docx_checksums = docx_checksums or {}
        self.country = country
        # Made once, with what they read of the corpus (`generator.core.reads`).
        self._records: dict[str, tuple[Page, Reads]] = {}
        self._editions: dict[str, tuple[dict[str, tuple[Page, str]], Reads]] = {}
        self._sums: dict[str, str] = {}  # a data file's path → the SHA-256 of the text made for it
        self._rows_taken: set[int] = set()  # the columns of `_rows` taken since it was made
        # (a document's id, a maker of its catalog entry and register row) → them, made or kept
        self.keep_rows: Callable[[str, Callable[[], str]], str] | None = None

    def record(self, id_: str) -> Page:
        """The record of a record's page (a document's is also its open data), made once."""
        return memo(self._records, id_, lambda: self._make_record(id_))

    def _make_record(self, id_: str) -> Page:
        entry = self.corpus.by_id[id_]
        record = self.contexts.for_entry(entry)
        if self._decorate is not None and isinstance(record, DocumentRecord):
            record = record.model_copy(update=self._decorate(entry, record))
        linked = json_ld(self.corpus, record, site_url=self.site_url, site_name=self.site_name)
        if linked is not None:
            record = record.model_copy(update={"json_ld": script_text(linked)})
        return record

    def beside(self, entry: Entry) -> str:
        """What a record's page shows from outside the corpus (`Decorate.key`)."""
        return self._decorate.key(entry) if self._decorate is not None else ""

    def page(self, page: PlannedPage) -> tuple[Page | None, str]:
        """(the record its template renders, the Markdown MkDocs reads) of a planned page."""
        if page.kind is PageKind.LIST:
            return None, self._lists[page.md]
        assert page.record is not None
        entry = self.corpus.by_id[page.record]
        if page.kind is PageKind.RECORD:
            record = self.record(page.record)
            return record, page_markdown(self.corpus, entry, record.sections)
        return self._edition_pages(entry)[page.md]

    def text(self, file: PlannedFile) -> str:
        """The content of a DATA or RECORD_DATA file, made each time it is asked for: nothing
        holds them all (a site's data is as large as its corpus), only their digests
        (`checksums`)."""
        text = self._make_text(file)
        self._sums[file.path] = sha256(text)
        return text

    def text_sum(self, path: str) -> str | None:
        """The SHA-256 of the text last made for the data file at `path`, if one was."""
        return self._sums.get(path)

    def _make_text(self, file: PlannedFile) -> str:
        if file.kind is FileKind.RECORD_DATA:
            assert file.record is not None
            folder = posixpath.dirname(file.path)
            return data.to_json(data.relative_links(self.record(file.record).published(), folder))
        if file.path == "catalog.json":
            return data.catalog(self.contexts, self._rows_column(0))
        if file.path == "register.json":
            return data.register_rows(self.contexts, self._rows_column(1))
        if file.path == "decisions.json":
            return data.assignments(self.contexts)
        if file.path in SCHEMA_FILES:
            return data.to_json(open_data_schema(SCHEMA_FILES[file.path]))
        assert file.path == "feed.xml", file
        return data.atom_feed(self.contexts, self._documents, self.site_url, self.site_name)

    def akn(self, file: PlannedFile, rendered: str) -> str:
        """The XML file of a text, from the HTML its page has of the text (`rendered`)."""
        assert file.kind is FileKind.AKN, file
        assert file.record is not None, file
        entry = self.corpus.by_id[file.record]
        as_of = self.contexts.as_of
        texts = editions(self.corpus, entry, as_of)
        text = next(text for text in texts if (text.start == file.start if file.start else text.current))
        xml = akn_xml(
            self.corpus, entry, as_of, rendered=rendered, country=self.country, site_url=self.site_url,
            edition=text,
        )  # fmt: skip
        return xml.decode("utf-8")

    @cached_property
    def _lists(self) -> dict[str, str]:
        return self.indexes.pages()

    @cached_property
    def _documents(self) -> _Documents:
        return _Documents(self, [cast(str, file.record) for file in self.plan.of_kind(FileKind.RECORD_DATA)])

    @cached_property
    def _rows(self) -> dict[str, tuple[str, str]]:
        """Each document's entry of the catalog and row of the register, made from its record or
        kept (`keep_rows`) from a build that made its record alike."""
        rows = {}
        for id_ in self._documents:

            def make(id_: str = id_) -> str:
                record = self._documents[id_]
                return f"{data.catalog_entry(record)}\n{data.register_row(record)}"

            kept = self.keep_rows(id_, make) if self.keep_rows is not None else make()
            entry, row = kept.split("\n", 1)  # JSON has no line breaks but escaped ones
            rows[id_] = (entry, row)
        return rows

    def _rows_column(self, column: int) -> dict[str, str]:
        """The catalog's entries (0) or the register's rows (1) by document; once both were
        taken, the rows are let go (they are as large as the catalog) and made again if asked
        for again."""
        rows = self._rows
        self._rows_taken.add(column)
        if self._rows_taken == {0, 1}:
            del self.__dict__["_rows"]  # the cached property's value
            self._rows_taken.clear()
        return {id_: pair[column] for id_, pair in rows.items()}

    def _edition_pages(self, entry: Entry) -> dict[str, tuple[Page, str]]:

        def make() -> dict[str, tuple[Page, str]]:
            regulation = self.contexts.corpus.regulation(entry.id)
            assert regulation is not None
            document = self.record(entry.id)
            assert isinstance(document, DocumentRecord)  # only documents have editions
            return version_pages(self.contexts, regulation, document)

        return memo(self._editions, entry.id, make)

    def checksums(self, known: dict[str, str]) -> str:
        """SHA256SUMS: every DOCX, PDF, JSON and XML file of the site by path, given the digests
        of the XML files (made with the pages) and of the JSON files not made again."""
        sums = self._docx_checksums | known
        for file in self.plan.files:
            if file.path.endswith(".json") and file.path not in known:
                sums[file.path] = self._sums.get(file.path) or sha256(self.text(file))
        return "".join(f"{digest}  {path}\n" for path, digest in sorted(sums.items()))


class _Documents(Mapping[str, DocumentRecord]):
    """Every document's record by id, each made when asked for."""

    def __init__(self, renderer: SiteRenderer, ids: list[str]) -> None:
        self._renderer = renderer
        self._ids = ids

    def __getitem__(self, id_: str) -> DocumentRecord:
        record = self._renderer.record(id_)
        assert isinstance(record, DocumentRecord)  # the plan gives documents their data
        return record

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def sha256(text: str) -> str:
    """The hex digest of a text file's UTF-8 bytes, as SHA256SUMS lists it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
