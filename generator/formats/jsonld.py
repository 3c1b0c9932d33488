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
from generator.formats.data.files import relative_path
from generator.site.context import Context

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
FORMATS = (
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("pdf", "application/pdf"),
    ("xml", "application/akn+xml"),
)


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


def json_ld(
    corpus: Corpus, context: Context, *, site_url: str | None, site_name: str
) -> dict[str, Any] | None:
    """The JSON-LD of a document's page (None for people and organizations)."""
    schema_type = REGISTRY[Kind(context["kind"])].schema_org
    if schema_type is None:
        return None
    address = _Addresses(context["url"], site_url)
    work: dict[str, Any] = {
        "@context": SCHEMA,
        "@id": address(context["url"]),
        "url": address(context["url"]),
        "name": context["title"],
        "inLanguage": "ru",
        "publisher": {"@type": "Organization", "name": site_name},
    }
    if context.get("summary"):
        work["description"] = context["summary"]
    if context.get("tags"):
        work["keywords"] = ", ".join(context["tags"])
    encodings = [
        {"@type": "MediaObject", "contentUrl": address(context[key]), "encodingFormat": media}
        for key, media in FORMATS
        if context.get(key)
    ]
    if schema_type == "Event":
        return _meeting(work, context, encodings, address)
    return _legislation(corpus, work, context, encodings, address)


def _organizations(refs: list[Context], address: _Addresses) -> list[dict[str, str]]:
    return [{"@type": "Organization", "name": ref["title"], "url": address(ref["url"])} for ref in refs]


def _legislation(
    corpus: Corpus,
    work: dict[str, Any],
    context: Context,
    encodings: list[dict[str, str]],
    address: _Addresses,
) -> dict[str, Any]:
    def documents(ids: list[str]) -> list[dict[str, str]]:
        return [
            {"@type": "Legislation", "@id": address(ref["url"]), "name": ref["title"]}
            for ref in (context_ref(corpus, id_) for id_ in dict.fromkeys(ids))
            if ref is not None
        ]

    id_ = context["id"]
    work |= {
        "@type": "Legislation",
        "legislationIdentifier": context.get("number") or id_,
        "legislationDate": context["date_iso"],
        "legislationType": context["form"],
        "legislationPassedBy": _organizations(context.get("issuers") or [], address),
    }
    force = LEGAL_FORCE.get(str((context.get("status") or {}).get("code")))
    if force:
        work["legislationLegalForce"] = f"{SCHEMA}/{force}"
    effective = context.get("effective") or {}
    if effective.get("to_iso"):
        work["expires"] = effective["to_iso"]
    versions = context.get("versions") or []
    current = next((version for version in versions if version["current_text"]), None)
    if current is not None:
        work["legislationDateVersion"] = current["from_iso"]
    consolidated = [version["by"]["id"] for version in versions if version.get("by")]
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
    work: dict[str, Any], context: Context, encodings: list[dict[str, str]], address: _Addresses
) -> dict[str, Any]:
    work |= {
        "@type": "Event",
        "startDate": context["date_iso"],
        "organizer": _organizations(context["organizers"], address),
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "eventStatus": f"{SCHEMA}/EventScheduled",
    }
    if context.get("place"):
        work["location"] = {"@type": "Place", "name": context["place"]}
    if encodings:
        work["subjectOf"] = {"@type": "DigitalDocument", "name": context["title"], "encoding": encodings}
    return work
