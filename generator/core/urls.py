"""Where everything lives in the published site: one place for page URLs and file names.

`RecordUrls` and `EditionUrls` are the value objects; the functions below are short names for
their most used parts. Paths are relative to the site root, folders end in `/`.

>>> record = RecordUrls(Kind.REGULATION, "reg")
>>> record.page, record.docx, record.data
('regulations/reg/', 'regulations/reg/reg.docx', 'regulations/reg/reg.json')
>>> earlier = record.edition(date(2021, 1, 1), current=False)
>>> earlier.page, earlier.changes
('regulations/reg/2021-01-01/', 'regulations/reg/2021-01-01/changes/')
>>> earlier.docx
'regulations/reg/2021-01-01/reg-2021-01-01.docx'
>>> earlier.redline
'regulations/reg/2021-01-01/reg-2021-01-01-changes.docx'
>>> absolute("https://example.org/npa", record.page)
'https://example.org/npa/regulations/reg/'
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date

from generator.core.model import Kind

# The open data's published JSON Schemas: where on the site, and which records each describes.
SCHEMA_FILES = {
    "schema/catalog.json": "catalog",
    "schema/document.json": "document",
    "schema/decisions.json": "decisions",
}


def md_of(url: str) -> str:
    """The virtual Markdown file MkDocs renders into the folder URL `url`."""
    return f"{url}index.md"


def absolute(site_url: str, path: str) -> str:
    """`path` below the published site's address."""
    return f"{site_url.rstrip('/')}/{path}"


@dataclass(frozen=True, slots=True)
class RecordUrls:
    """A record's page and the files published beside it."""

    kind: Kind
    id: str

    @property
    def page(self) -> str:
        return f"{self.kind.section}/{self.id}/"

    @property
    def md(self) -> str:
        """The virtual Markdown file MkDocs renders into `page`."""
        return md_of(self.page)

    @property
    def docx(self) -> str:
        """The DOCX download of a regulation or meeting (README: "What comes out")."""
        return f"{self.page}{self.id}.docx"

    @property
    def xml(self) -> str:
        """The document's current text as Akoma Ntoso 3.0 XML (README: "What comes out")."""
        return f"{self.page}{self.id}.xml"

    @property
    def data(self) -> str:
        """The document's open data, `<id>.json` beside its page."""
        return f"{self.page}{self.id}.json"

    def photo(self, file: str) -> str:
        """A meeting photo, beside the page under its own name (`file` as the editor wrote it)."""
        return f"{self.page}{posixpath.basename(file.replace(chr(92), '/'))}"

    def edition(self, start: date, *, current: bool) -> EditionUrls:
        return EditionUrls(self, start, current)


@dataclass(frozen=True, slots=True)
class EditionUrls:
    """One text of a regulation (README: "Versions"): the current one lives at the document's own page."""

    record: RecordUrls
    start: date
    current: bool

    @property
    def page(self) -> str:
        return self.record.page if self.current else f"{self.record.page}{self.start.isoformat()}/"

    @property
    def changes(self) -> str:
        """What the amendment that made this text changed, beside the text."""
        return f"{self.page}changes/"

    @property
    def docx(self) -> str:
        if self.current:
            return self.record.docx
        return f"{self.page}{self.record.id}-{self.start.isoformat()}.docx"

    @property
    def xml(self) -> str:
        if self.current:
            return self.record.xml
        return f"{self.page}{self.record.id}-{self.start.isoformat()}.xml"

    @property
    def redline(self) -> str:
        """The change from the previous text as Word tracked changes."""
        return f"{self.page}{self.record.id}-{self.start.isoformat()}-changes.docx"


def page_path(kind: Kind, id_: str) -> str:
    """The page's folder URL relative to the site root (directory URLs, as MkDocs writes them)."""
    return RecordUrls(kind, id_).page


def page_md(kind: Kind, id_: str) -> str:
    """The virtual Markdown file MkDocs renders into `page_path`."""
    return RecordUrls(kind, id_).md


def changes_path(text_path: str) -> str:
    """What an amendment changed, beside the text it produced."""
    return f"{text_path}changes/"


def docx_path(kind: Kind, id_: str) -> str:
    """The DOCX download of a regulation or meeting, beside its page."""
    return RecordUrls(kind, id_).docx


def pdf_of(docx: str) -> str:
    """The PDF beside a DOCX, laid out the same (README: "What comes out").

    >>> pdf_of("regulations/reg/2021-01-01/reg-2021-01-01.docx")
    'regulations/reg/2021-01-01/reg-2021-01-01.pdf'
    """
    return docx.removesuffix(".docx") + ".pdf"


def version_docx_path(id_: str, start: date) -> str:
    """The DOCX of an earlier text, beside its page: `regulations/<id>/<date>/<id>-<date>.docx`.

    >>> version_docx_path("reg", date(2021, 1, 1))
    'regulations/reg/2021-01-01/reg-2021-01-01.docx'
    """
    return RecordUrls(Kind.REGULATION, id_).edition(start, current=False).docx


def changes_docx_path(id_: str, start: date, *, current: bool) -> str:
    """The redline DOCX of the text from `start`, in the folder of that text (README: "Versions").

    >>> changes_docx_path("reg", date(2023, 1, 1), current=True)
    'regulations/reg/reg-2023-01-01-changes.docx'
    >>> changes_docx_path("reg", date(2022, 1, 1), current=False)
    'regulations/reg/2022-01-01/reg-2022-01-01-changes.docx'
    """
    return RecordUrls(Kind.REGULATION, id_).edition(start, current=current).redline


def downloads(path: str | None, *, docx: bool) -> dict[str, str | None]:
    """A text's files beside its page, given where its DOCX goes (None: a text without files,
    as an external document): the DOCX and its PDF when the build makes them.

    >>> downloads("meetings/m/m.docx", docx=True)
    {'docx': 'meetings/m/m.docx', 'pdf': 'meetings/m/m.pdf'}
    """
    made = path is not None and docx
    return {"docx": path if made else None, "pdf": pdf_of(path) if made and path else None}
