"""An organization of the registry (organizations.yml): its place in the tree, its people and
the documents it issued, organized or signed for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.core.model import Kind, Organization, Relation
from generator.core.urls import page_path
from generator.doctypes.decisions import assignment_rows
from generator.doctypes.records import Organization as OrganizationPage
from generator.doctypes.sections import sections

if TYPE_CHECKING:
    from generator.core.corpus import Entry
    from generator.site.context import PageContexts

__all__ = ["Organization", "page", "ref"]


def ref(pages: PageContexts, record: Organization) -> dict[str, Any]:
    return {}


def page(pages: PageContexts, entry: Entry, record: Organization) -> OrganizationPage:
    people = [link.origin for link in pages.corpus.incoming(record.id, Relation.POSITION_AT)]
    children = [link.origin for link in pages.corpus.incoming(record.id, Relation.PARENT)]
    issued = pages.linking_to(record.id, Relation.ISSUER)
    organized = pages.linking_to(record.id, Relation.ORGANIZER)
    signed_for = pages.linking_to(record.id, Relation.SIGNED_FOR)
    referenced_by = pages.linking_to(record.id, Relation.REFERENCES)
    assignments = assignment_rows(pages, pages.corpus.incoming(record.id, Relation.ASSIGNEE))
    return OrganizationPage(
        kind=str(Kind.ORGANIZATION),
        id=record.id,
        title=record.name,
        short_name=record.short_name,
        url=page_path(Kind.ORGANIZATION, record.id),
        parent=pages.ref(record.parent) if record.parent else None,
        children=sorted(pages.refs(children), key=lambda ref: ref.title),
        people=sorted(pages.refs(people), key=lambda ref: ref.title),
        issued=issued,
        organized=organized,
        signed_for=signed_for,
        referenced_by=referenced_by,
        assignments=assignments,
        sections=sections(
            ("assignments", assignments),
            ("issued", issued),
            ("organized", organized),
            ("signed-for", signed_for),
            ("referenced", referenced_by),
        ),
    )
