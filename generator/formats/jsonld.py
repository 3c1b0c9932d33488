"""What a search engine reads from a document's page: schema.org JSON-LD.

A document type names its schema.org type (`RecordType.schema_org`). A regulation, or any
other `Legislation`, gives its identifier, date, form, who passed it, its legal force
from the computed status (README: "Computed status"), what it changes, consolidates and is based on, and its
DOCX, PDF and Akoma Ntoso XML as encodings. A meeting is an `Event` (date, place,
organizers) whose record is a document with the same encodings. Addresses are absolute with
a site URL; without one they are relative to the page, as JSON-LD resolves them.
"""

from __future__ import annotations

import json
from typing import Any

from generator.core.corpus import Corpus
from generator.core.model import Kind, Relation
from generator.core.urls import page_path
from generator.doctypes import REGISTRY
from generator.doctypes.records import DocumentRecord, Page, Period, Ref, Version
from generator.formats.data.files import relative_path

SCHEMA = "https://schema.org"

# The computed status as schema.org's LegalForceStatus; a draft or an external document
# (whose force regpub does not know) says nothing.
LEGAL_FORCE = {
    "in_force": "InForce",
    "pending": "NotInForce",
    "expired": "NotInForce",
    "repealed": "NotInForce",
    "superseded": "NotInForce",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
XML = "application/akn+xml"


def script_text(data: dict[str, Any]) -> str:
    """JSON for a `<script>` element: nothing in it can end the element or start markup.

    >>> print(script_text({"name": "</script> & «Ё»"}))
    {"name": "\\u003c/script\\u003e \\u0026 «Ё»"}
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class _Addresses:
    """Site paths as the page's JSON-LD writes them."""

    def __init__(self, page: str, site_url: str | None) -> None:
        self.page = page.rstrip("/")
        self.site_url = site_url.rstrip("/") + "/" if site_url else None

    def __call__(self, path: str) -> str:
        return f"{self.site_url}{path}" if self.site_url else relative_path(path, self.page)


def json_ld(corpus: Corpus, page: Page, *, site_url: str | None, site_name: str) -> dict[str, Any] | None:
    """The JSON-LD of a document's page (None for people and organizations)."""
    schema_type = REGISTRY[Kind(page["kind"])].schema_org
    if schema_type is None or not isinstance(page, DocumentRecord):
        return None
    address = _Addresses(page.url, site_url)
    work: dict[str, Any] = {
        "@context": SCHEMA,
        "@id": address(page.url),
        "url": address(page.url),
        "name": page.title,
        "inLanguage": "ru",
        "publisher": {"@type": "Organization", "name": site_name},
    }
    if page.summary:
        work["description"] = page.summary
    if page.tags:
        work["keywords"] = ", ".join(page.tags)
    encodings = [
        {"@type": "MediaObject", "contentUrl": address(url), "encodingFormat": media}
        for url, media in ((page.docx, DOCX), (page.pdf, PDF), (page.xml, XML))
        if url
    ]
    if schema_type == "Event":
        return _meeting(work, page, encodings, address)
    return _legislation(corpus, work, page, encodings, address)


def _organizations(refs: list[Ref], address: _Addresses) -> list[dict[str, str]]:
    return [{"@type": "Organization", "name": ref.title, "url": address(ref.url)} for ref in refs]


def _legislation(
    corpus: Corpus,
    work: dict[str, Any],
    page: DocumentRecord,
    encodings: list[dict[str, str]],
    address: _Addresses,
) -> dict[str, Any]:
    def documents(ids: list[str]) -> list[dict[str, str]]:
        return [
            {"@type": "Legislation", "@id": address(ref["url"]), "name": ref["title"]}
            for ref in (context_ref(corpus, id_) for id_ in dict.fromkeys(ids))
            if ref is not None
        ]

    # What a document type may add to its record: a number, a period in force, texts.
    id_ = page.id
    number: str | None = getattr(page, "number", None)
    effective: Period | None = getattr(page, "effective", None)
    versions: list[Version] = getattr(page, "versions", [])
    work |= {
        "@type": "Legislation",
        "legislationIdentifier": number or id_,
        "legislationDate": page.date_iso,
        "legislationType": page.form,
        "legislationPassedBy": _organizations(page.authors(), address),
    }
    status = page.legal_status()
    force = LEGAL_FORCE.get(status.code) if status else None
    if force:
        work["legislationLegalForce"] = f"{SCHEMA}/{force}"
    if effective and effective.to_iso:
        work["expires"] = effective.to_iso
    current = next((version for version in versions if version.current_text), None)
    if current is not None:
        work["legislationDateVersion"] = current.from_iso
    consolidated = [version.by.id for version in versions if version.by]
    changes = [link.target for link in corpus.outgoing(id_, Relation.AMENDS)]
    based_on = [link.target for link in corpus.outgoing(id_, Relation.BASED_ON)]
    for field, ids in (
        ("legislationChanges", changes),
        ("legislationConsolidates", consolidated),
        ("isBasedOn", based_on),
    ):
        if linked := documents(ids):
            work[field] = linked
    if encodings:
        work["encoding"] = encodings
    return work


def context_ref(corpus: Corpus, id_: str) -> dict[str, str] | None:
    """A document's title and page, if it is in the corpus."""
    entry = corpus.get(id_)
    if entry is None or entry.kind is None or entry.record is None:
        return None
    return {"title": entry.record.display_title, "url": page_path(entry.kind, id_)}


def _meeting(
    work: dict[str, Any], page: DocumentRecord, encodings: list[dict[str, str]], address: _Addresses
) -> dict[str, Any]:
    work |= {
        "@type": "Event",
        "startDate": page.date_iso,
        "organizer": _organizations(page.authors(), address),
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "eventStatus": f"{SCHEMA}/EventScheduled",
    }
    if page.place:
        work["location"] = {"@type": "Place", "name": page.place}
    if encodings:
        work["subjectOf"] = {"@type": "DigitalDocument", "name": page.title, "encoding": encodings}
    return work
