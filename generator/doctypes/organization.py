"""An organization of the registry (organizations.yml): its place in the tree, its people and
the documents it issued, organized or signed for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.core.model import Kind, Organization, Relation
from generator.core.urls import page_path
from generator.doctypes.sections import sections

if TYPE_CHECKING:
    from generator.core.corpus import Entry
    from generator.site.context import Context, PageContexts

__all__ = ["Organization", "page", "ref"]


def ref(pages: PageContexts, record: Organization) -> Context:
    return {}


def page(pages: PageContexts, entry: Entry, record: Organization) -> Context:
    people = [link.source for link in pages.corpus.incoming(record.id, Relation.POSITION_AT)]
    children = [link.source for link in pages.corpus.incoming(record.id, Relation.PARENT)]
    context: Context = {
        "kind": str(Kind.ORGANIZATION),
        "id": record.id,
        "title": record.name,
        "short_name": record.short_name,
        "url": page_path(Kind.ORGANIZATION, record.id),
        "parent": pages.ref(record.parent) if record.parent else None,
        "children": sorted(pages.refs(children), key=lambda ref: ref["title"]),
        "people": sorted(pages.refs(people), key=lambda ref: ref["title"]),
        "issued": pages.sources(record.id, Relation.ISSUER),
        "organized": pages.sources(record.id, Relation.ORGANIZER),
        "signed_for": pages.sources(record.id, Relation.SIGNED_FOR),
        "referenced_by": pages.sources(record.id, Relation.REFERENCES),
    }
    context["sections"] = sections(
        ("issued", context["issued"]),
        ("organized", context["organized"]),
        ("signed-for", context["signed_for"]),
        ("referenced", context["referenced_by"]),
    )
    return context
