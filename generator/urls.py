"""Where everything lives in the published site: one place for page URLs and file names.

>>> page_path(Kind.REGULATION, "coordination-2021")
'regulations/coordination-2021/'
>>> docx_path(Kind.MEETING, "meeting-2020-12-21")
'meetings/meeting-2020-12-21/meeting-2020-12-21.docx'
"""

from __future__ import annotations

from datetime import date

from generator.model import Kind

SECTIONS: dict[Kind, str] = {
    Kind.REGULATION: "regulations",
    Kind.MEETING: "meetings",
    Kind.PERSON: "people",
    Kind.ORGANIZATION: "organizations",
}


def page_path(kind: Kind, id_: str) -> str:
    """The page's folder URL relative to the site root (directory URLs, as MkDocs writes them)."""
    return f"{SECTIONS[kind]}/{id_}/"


def page_source(kind: Kind, id_: str) -> str:
    """The virtual Markdown file MkDocs renders into `page_path`."""
    return f"{SECTIONS[kind]}/{id_}/index.md"


def version_path(id_: str, start: date) -> str:
    """An earlier text of a regulation: `regulations/<id>/<YYYY-MM-DD>/` (SPEC §7)."""
    return f"{page_path(Kind.REGULATION, id_)}{start.isoformat()}/"


def changes_path(text_path: str) -> str:
    """What an amendment changed, beside the text it produced."""
    return f"{text_path}changes/"


def docx_path(kind: Kind, id_: str) -> str:
    """The DOCX download of a regulation or meeting, beside its page."""
    return f"{page_path(kind, id_)}{id_}.docx"


def version_docx_path(id_: str, start: date) -> str:
    """The DOCX of an earlier text, beside its page: `regulations/<id>/<date>/<id>-<date>.docx`.

    >>> version_docx_path("reg", date(2021, 1, 1))
    'regulations/reg/2021-01-01/reg-2021-01-01.docx'
    """
    return f"{version_path(id_, start)}{id_}-{start.isoformat()}.docx"


def changes_docx_path(id_: str, start: date, *, current: bool) -> str:
    """The redline DOCX of the text from `start`, in the folder of that text (SPEC §7).

    >>> changes_docx_path("reg", date(2023, 1, 1), current=True)
    'regulations/reg/reg-2023-01-01-changes.docx'
    >>> changes_docx_path("reg", date(2022, 1, 1), current=False)
    'regulations/reg/2022-01-01/reg-2022-01-01-changes.docx'
    """
    folder = page_path(Kind.REGULATION, id_) if current else version_path(id_, start)
    return f"{folder}{id_}-{start.isoformat()}-changes.docx"
