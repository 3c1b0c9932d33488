"""A person of the registry (people.yml): a page of what they signed, chaired, attended, said."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.core.model import Kind, Meeting, Person, Relation
from generator.core.russian import long_date
from generator.core.urls import page_path
from generator.doctypes.sections import sections

if TYPE_CHECKING:
    from generator.core.corpus import Entry
    from generator.site.context import Context, PageContexts

__all__ = ["Person", "page", "ref"]


def ref(pages: PageContexts, record: Person) -> Context:
    return {}


def page(pages: PageContexts, entry: Entry, record: Person) -> Context:
    spoke: list[Context] = []
    for link in pages.corpus.incoming(record.id, Relation.SPEAKER):
        meeting = pages.corpus.by_id[link.source].record
        assert isinstance(meeting, Meeting)  # a speaker is stated only by a meeting
        item = meeting.agenda[int(link.key[1])]
        summary = item.speakers[int(link.key[3])].summary
        spoke.append({"meeting": pages.ref(meeting.id), "item": item.title, "summary": summary})
    spoke.sort(key=lambda row: row["meeting"]["date_iso"], reverse=True)
    context: Context = {
        "kind": str(Kind.PERSON),
        "id": record.id,
        "title": record.name,
        "signature_name": record.signature_name,
        "url": page_path(Kind.PERSON, record.id),
        "positions": [
            {
                "title": position.title,
                "organization": pages.ref(position.organization) if position.organization else None,
                "from": long_date(position.from_) if position.from_ else None,
                "to": long_date(position.to) if position.to else None,
            }
            for position in record.positions
        ],
        "signed": pages.sources(record.id, Relation.SIGNATORY),
        "chaired": pages.sources(record.id, Relation.CHAIR),
        "secretary_of": pages.sources(record.id, Relation.SECRETARY),
        "attended": pages.sources(record.id, Relation.ATTENDEE),
        "spoke": spoke,
        "referenced_by": pages.sources(record.id, Relation.REFERENCES),
    }
    context["sections"] = sections(
        ("positions", context["positions"]),
        ("signed", context["signed"]),
        ("chaired", context["chaired"]),
        ("secretary", context["secretary_of"]),
        ("attended", context["attended"]),
        ("referenced", context["referenced_by"]),
        ("spoke", spoke),
    )
    return context
