"""A person of the registry (people.yml): a page of what they signed, chaired, attended, said."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.core.model import Kind, Meeting, Person, Relation
from generator.core.russian import long_date
from generator.core.urls import page_path
from generator.doctypes.decisions import assignment_rows, votes_of
from generator.doctypes.records import Person as PersonPage
from generator.doctypes.records import Position, Spoke
from generator.doctypes.sections import sections

if TYPE_CHECKING:
    from generator.core.corpus import Entry
    from generator.site.context import PageContexts

__all__ = ["Person", "page", "ref"]


def ref(pages: PageContexts, record: Person) -> dict[str, Any]:
    return {}


def page(pages: PageContexts, entry: Entry, record: Person) -> PersonPage:
    spoke: list[Spoke] = []
    for link in pages.corpus.incoming(record.id, Relation.SPEAKER):
        meeting = pages.corpus.by_id[link.origin].record
        assert isinstance(meeting, Meeting)  # a speaker is stated only by a meeting
        item = meeting.agenda[int(link.key[1])]
        summary = item.speakers[int(link.key[3])].summary
        spoke.append(Spoke(meeting=pages.ref(meeting.id), item=item.title, summary=summary))
    spoke.sort(key=lambda row: row.meeting.date_iso or "", reverse=True)
    positions = [
        Position(
            title=position.title,
            organization=pages.ref(position.organization) if position.organization else None,
            from_=long_date(position.from_) if position.from_ else None,
            to=long_date(position.to) if position.to else None,
        )
        for position in record.positions
    ]
    signed = pages.linking_to(record.id, Relation.SIGNATORY)
    chaired = pages.linking_to(record.id, Relation.CHAIR)
    secretary_of = pages.linking_to(record.id, Relation.SECRETARY)
    attended = pages.linking_to(record.id, Relation.ATTENDEE)
    referenced_by = pages.linking_to(record.id, Relation.REFERENCES)
    assignments = assignment_rows(pages, pages.corpus.incoming(record.id, Relation.ASSIGNEE))
    votes = votes_of(pages, record.id)
    return PersonPage(
        kind=str(Kind.PERSON),
        id=record.id,
        title=record.name,
        signature_name=record.signature_name,
        url=page_path(Kind.PERSON, record.id),
        positions=positions,
        signed=signed,
        chaired=chaired,
        secretary_of=secretary_of,
        attended=attended,
        spoke=spoke,
        referenced_by=referenced_by,
        assignments=assignments,
        votes=votes,
        sections=sections(
            ("positions", positions),
            ("assignments", assignments),
            ("signed", signed),
            ("chaired", chaired),
            ("secretary", secretary_of),
            ("attended", attended),
            ("referenced", referenced_by),
            ("spoke", spoke),
            ("votes", votes),
        ),
    )
