"""What each planned page and file holds: the renderer of a `SitePlan`.

One renderer serves the build (every page, once) and the preview (a page when the browser asks
for it), so the two cannot show different things. A record's page record is made once and kept.
The XML of a text is made from its page's HTML (`akn`), so whoever renders the pages asks for
it, and for SHA256SUMS (`checksums`) when every XML is made.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable
from functools import cached_property
from typing import Any

from generator.core.corpus import Entry
from generator.core.editions import editions
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

# What only the build knows of a document's page (its DOCX checksum, its git history): the
# fields to add to its record.
Decorate = Callable[[Entry, DocumentRecord], dict[str, Any]]


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
        self._records: dict[str, Page] = {}
        self._texts: dict[str, str] = {}
        self._editions: dict[str, dict[str, tuple[Page, str]]] = {}

    def record(self, id_: str) -> Page:
        """The record of a record's page (a document's is also its open data), made once."""
        record = self._records.get(id_)
        if record is None:
            entry = self.corpus.by_id[id_]
            record = self.contexts.for_entry(entry)
            if self._decorate is not None and isinstance(record, DocumentRecord):
                record = record.model_copy(update=self._decorate(entry, record))
            linked = json_ld(self.corpus, record, site_url=self.site_url, site_name=self.site_name)
            if linked is not None:
                record = record.model_copy(update={"json_ld": script_text(linked)})
            self._records[id_] = record
        return record

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
        """The content of a DATA or RECORD_DATA file, made once."""
        text = self._texts.get(file.path)
        if text is None:
            text = self._texts[file.path] = self._make_text(file)
        return text

    def _make_text(self, file: PlannedFile) -> str:
        if file.kind is FileKind.RECORD_DATA:
            assert file.record is not None
            folder = posixpath.dirname(file.path)
            return data.to_json(data.relative_links(self.record(file.record).published(), folder))
        if file.path == "catalog.json":
            return data.catalog(self.contexts, self._documents)
        if file.path == "register.json":
            return data.register_rows(self.contexts, self._documents)
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
    def _documents(self) -> dict[str, DocumentRecord]:
        documents = {}
        for file in self.plan.of_kind(FileKind.RECORD_DATA):
            assert file.record is not None
            record = self.record(file.record)
            assert isinstance(record, DocumentRecord)  # the plan gives documents their data
            documents[file.record] = record
        return documents

    def _edition_pages(self, entry: Entry) -> dict[str, tuple[Page, str]]:
        pages = self._editions.get(entry.id)
        if pages is None:
            regulation = self.contexts.corpus.regulation(entry.id)
            assert regulation is not None
            document = self.record(entry.id)
            assert isinstance(document, DocumentRecord)  # only documents have editions
            pages = version_pages(self.contexts, regulation, document)
            self._editions[entry.id] = pages
        return pages

    def checksums(self, xml: dict[str, str]) -> str:
        """SHA256SUMS: every DOCX, PDF, JSON and XML file of the site by path, given the digests
        of the XML files (made with the pages)."""
        sums = self._docx_checksums | xml
        for file in self.plan.files:
            if file.path.endswith(".json"):
                sums[file.path] = sha256(self.text(file))
        return "".join(f"{digest}  {path}\n" for path, digest in sorted(sums.items()))


def sha256(text: str) -> str:
    """The hex digest of a text file's UTF-8 bytes, as SHA256SUMS lists it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
