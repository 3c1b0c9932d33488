"""Typed records of the content: Regulation, Meeting, Person, Organization, and the relations
their fields state.

These pydantic models are the one definition of the front-matter and registry schema: `check`
validates with them and `regpub schema` prints their JSON Schema, so the two cannot drift.
Every scalar reaches them as text (see `frontmatter`); the types in `generator.core.values` parse
it deliberately. Everything else regpub knows about a kind of record is in `generator.doctypes`.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from generator.core.decisions import Decision
from generator.core.frontmatter import Key
from generator.core.values import Date, Flag, Id, Ids, NonEmptyIds, Number, Text, Url

FieldLink = tuple["Relation", str, Key]  # a relation, the id it points to, the field stating it


class Kind(str):
    """What an id names; ids are unique across all kinds together.

    Kinds are an open set: the four below are regpub's own, and a document type from another
    package defines its own with `Kind.define` (README: "Adding a document type"). `Kind(name)`
    is the defined kind of that name, so `is` compares kinds as it compares enum members.
    """

    __slots__ = ()
    REGULATION: ClassVar[Kind]
    MEETING: ClassVar[Kind]
    PERSON: ClassVar[Kind]
    ORGANIZATION: ClassVar[Kind]

    def __new__(cls, name: str) -> Kind:
        try:
            return _KINDS[name]
        except KeyError:
            raise ValueError(f"'{name}' is not a kind of record") from None

    def __getnewargs__(self) -> tuple[str]:
        return (str(self),)

    @classmethod
    def define(cls, name: str, section: str, *, document: bool) -> Kind:
        """A new kind whose pages are `<section>/<id>/`; a document is dated, with a body."""
        if name in _KINDS or section in {kind.section for kind in _KINDS.values()}:
            raise ValueError(f"the kind '{name}' or the section '{section}' is taken")
        kind = str.__new__(cls, name)
        _KINDS[name] = kind
        _SECTIONS[kind] = section
        if document:
            _DOCUMENTS.add(kind)
        return kind

    @classmethod
    def all(cls) -> tuple[Kind, ...]:
        """Every kind defined so far, in the order they were defined."""
        return tuple(_KINDS.values())

    @property
    def value(self) -> str:
        return str.__str__(self)

    @property
    def section(self) -> str:
        """The URL section of this kind's pages: `regulations/<id>/`."""
        return _SECTIONS[self]

    @property
    def document(self) -> bool:
        """Dated, with a body, a data file and relation groups; the rest are registries."""
        return self in _DOCUMENTS


_KINDS: dict[str, Kind] = {}
_SECTIONS: dict[Kind, str] = {}
_DOCUMENTS: set[Kind] = set()
Kind.REGULATION = Kind.define("regulation", "regulations", document=True)
Kind.MEETING = Kind.define("meeting", "meetings", document=True)
Kind.PERSON = Kind.define("person", "people", document=False)
Kind.ORGANIZATION = Kind.define("organization", "organizations", document=False)


def document_kinds() -> frozenset[Kind]:
    """Every kind of document defined so far: regpub's two and any a package added."""
    return frozenset(_DOCUMENTS)


class Relation(StrEnum):
    """A typed edge from one record to another, named after the field that states it."""

    BASED_ON = "based_on"
    SUPERSEDES = "supersedes"
    AMENDS = "amends"
    ADOPTED_AT = "adopted_at"
    RELATED = "related"
    REFERENCES = "references"  # [[id]] in a body
    ISSUER = "issuers"
    SIGNATORY = "signatories.person"
    SIGNED_FOR = "signatories.organization"
    ORGANIZER = "organizers"
    CHAIR = "chairs"
    SECRETARY = "secretary"
    ATTENDEE = "attendees"
    INVITED = "invited"
    SPEAKER = "agenda.speakers.person"
    VOTER = "agenda.decisions.vote"
    ASSIGNEE = "agenda.decisions.assignees"
    REPORT = "agenda.decisions.done.report"
    AGENDA_DOCUMENT = "agenda.documents"
    POSITION_AT = "positions.organization"
    PARENT = "parent"
    VERSION_BY = "version.by"

    @property
    def targets(self) -> frozenset[Kind]:
        """The kinds of record this relation may point to: any document for `related`, any
        record for a reference in a body."""
        if self in (Relation.RELATED, Relation.REPORT):
            return document_kinds()
        return _TARGETS.get(self) or frozenset(Kind.all())


_REGULATION = frozenset({Kind.REGULATION})
_ORGANIZATION = frozenset({Kind.ORGANIZATION})
_PERSON = frozenset({Kind.PERSON})
_TARGETS: dict[Relation, frozenset[Kind]] = {
    Relation.BASED_ON: _REGULATION,
    Relation.SUPERSEDES: _REGULATION,
    Relation.AMENDS: _REGULATION,
    Relation.AGENDA_DOCUMENT: _REGULATION,
    Relation.VERSION_BY: _REGULATION,
    Relation.ADOPTED_AT: frozenset({Kind.MEETING}),
    Relation.ISSUER: _ORGANIZATION,
    Relation.SIGNED_FOR: _ORGANIZATION,
    Relation.ORGANIZER: _ORGANIZATION,
    Relation.POSITION_AT: _ORGANIZATION,
    Relation.PARENT: _ORGANIZATION,
    Relation.SIGNATORY: _PERSON,
    Relation.CHAIR: _PERSON,
    Relation.SECRETARY: _PERSON,
    Relation.ATTENDEE: _PERSON,
    Relation.SPEAKER: _PERSON,
    Relation.INVITED: _PERSON,
    Relation.VOTER: _PERSON,
    Relation.ASSIGNEE: _PERSON | _ORGANIZATION,
}


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _list_links(relation: Relation, field: str, ids: tuple[str, ...]) -> Iterator[FieldLink]:
    for i, target in enumerate(ids):
        yield relation, target, (field, i)


# Registries (README: "What an editor writes")


class Position(Record):
    title: Text
    organization: Id | None = None
    from_: Date | None = Field(default=None, alias="from")
    to: Date | None = None


class Person(Record):
    id: Id
    name: Text
    signature_name: Text | None = None
    positions: tuple[Position, ...] = ()

    @property
    def signature(self) -> str:
        return self.signature_name or self.name

    @property
    def display_title(self) -> str:
        return self.name

    def links(self) -> Iterator[FieldLink]:
        for i, position in enumerate(self.positions):
            if position.organization:
                yield Relation.POSITION_AT, position.organization, ("positions", i, "organization")


class Organization(Record):
    id: Id
    name: Text
    short_name: Text | None = None
    parent: Id | None = None

    @property
    def display_title(self) -> str:
        return self.name

    def links(self) -> Iterator[FieldLink]:
        if self.parent:
            yield Relation.PARENT, self.parent, ("parent",)


# Documents (README: "What an editor writes")


class Period(Record):
    from_: Date = Field(alias="from")
    to: Date | None = None


class CurrentVersion(Record):
    """`version` of a document file whose text is not the original (README: "Versions")."""

    from_: Date = Field(alias="from")
    by: Id


class EarlierVersion(Record):
    """`version` of an earlier text: `by` is absent for the original."""

    from_: Date = Field(alias="from")
    by: Id | None = None


class VersionFile(Record):
    """A file holding an earlier text of a regulation; everything else it inherits."""

    version_of: Id
    version: EarlierVersion
    note: Text | None = None


class Signatory(Record):
    person: Id
    position: Text | None = None
    organization: Id | None = None


class Speaker(Record):
    person: Id
    summary: Text | None = None


class AgendaItem(Record):
    title: Text
    speakers: tuple[Speaker, ...] = ()
    decisions: tuple[Decision, ...] = ()
    documents: Ids = ()


class Photo(Record):
    file: Text
    caption: Text | None = None
    credit: Text | None = None


class DocumentFields(Record):
    id: Id
    title: Text
    date: Date
    summary: Text | None = None
    tags: tuple[Text, ...] = ()
    related: Ids = ()

    ISSUED_BY: ClassVar[str]  # the field naming who issued the document or held the meeting

    @property
    def display_title(self) -> str:
        return self.title

    @property
    def issued_by(self) -> tuple[str, ...]:
        ids: tuple[str, ...] = getattr(self, self.ISSUED_BY)
        return ids

    def links(self) -> Iterator[FieldLink]:
        yield from _list_links(Relation.RELATED, "related", self.related)


# `status: repealed` and `repealed_on` go together (doctypes/regulation.py checks it): the
# schema says so too, for editors' tools.
_REPEAL: JsonDict = {
    "allOf": [
        {
            "if": {"required": ["status"], "properties": {"status": {"const": "repealed"}}},
            "then": {"required": ["repealed_on"]},
        },
        {
            "if": {"required": ["repealed_on"]},
            "then": {"required": ["status"], "properties": {"status": {"const": "repealed"}}},
        },
    ]
}


class Regulation(DocumentFields):
    model_config = ConfigDict(json_schema_extra=_REPEAL)
    ISSUED_BY = "issuers"
    type: Literal["regulation"]
    form: Text
    number: Number | None = None
    issuers: NonEmptyIds
    signatories: tuple[Signatory, ...] = ()
    place: Text | None = None
    effective: Period | None = None
    status: Literal["draft", "repealed"] | None = None
    repealed_on: Date | None = None
    adopted_at: Id | None = None
    based_on: Ids = ()
    supersedes: Ids = ()
    amends: Ids = ()
    external: Flag = False
    source_url: Url | None = None
    version: CurrentVersion | None = None

    def links(self) -> Iterator[FieldLink]:
        yield from _list_links(Relation.ISSUER, "issuers", self.issuers)
        for i, signatory in enumerate(self.signatories):
            yield Relation.SIGNATORY, signatory.person, ("signatories", i, "person")
            if signatory.organization:
                yield Relation.SIGNED_FOR, signatory.organization, ("signatories", i, "organization")
        if self.adopted_at:
            yield Relation.ADOPTED_AT, self.adopted_at, ("adopted_at",)
        yield from _list_links(Relation.BASED_ON, "based_on", self.based_on)
        yield from _list_links(Relation.SUPERSEDES, "supersedes", self.supersedes)
        yield from _list_links(Relation.AMENDS, "amends", self.amends)
        if self.version:
            yield Relation.VERSION_BY, self.version.by, ("version", "by")
        yield from super().links()


class Meeting(DocumentFields):
    ISSUED_BY = "organizers"
    type: Literal["meeting"]
    organizers: NonEmptyIds
    place: Text | None = None
    chairs: NonEmptyIds
    secretary: Id | None = None
    attendees: Ids = ()
    invited: Ids = ()
    agenda: tuple[AgendaItem, ...] = ()
    photos: tuple[Photo, ...] = ()

    def links(self) -> Iterator[FieldLink]:
        yield from _list_links(Relation.ORGANIZER, "organizers", self.organizers)
        yield from _list_links(Relation.CHAIR, "chairs", self.chairs)
        if self.secretary:
            yield Relation.SECRETARY, self.secretary, ("secretary",)
        yield from _list_links(Relation.ATTENDEE, "attendees", self.attendees)
        yield from _list_links(Relation.INVITED, "invited", self.invited)
        for i, item in enumerate(self.agenda):
            for j, speaker in enumerate(item.speakers):
                yield Relation.SPEAKER, speaker.person, ("agenda", i, "speakers", j, "person")
            for j, document in enumerate(item.documents):
                yield Relation.AGENDA_DOCUMENT, document, ("agenda", i, "documents", j)
            for j, decision in enumerate(item.decisions):
                yield from decision_links(decision, ("agenda", i, "decisions", j))
        yield from super().links()

    @property
    def participants(self) -> set[str]:
        """Everyone recorded as present: chairs, the secretary and attendees."""
        secretary = {self.secretary} if self.secretary else set()
        return {*self.chairs, *secretary, *self.attendees}


def decision_links(decision: Decision, key: Key) -> Iterator[FieldLink]:
    """Who a decision names: the voters of a roll call, its assignees, the report of its execution."""
    if decision.vote is not None:
        for option in ("for", "against", "abstained"):
            tally = getattr(decision.vote, "for_" if option == "for" else option)
            for k, person in enumerate(tally if isinstance(tally, tuple) else ()):
                yield Relation.VOTER, person, (*key, "vote", option, k)
    for k, assignee in enumerate(decision.assignees):
        yield Relation.ASSIGNEE, assignee, (*key, "assignees", k)
    if decision.done is not None and decision.done.report is not None:
        yield Relation.REPORT, decision.done.report, (*key, "done", "report")


Document = Regulation | Meeting
AnyRecord = Regulation | Meeting | Person | Organization
