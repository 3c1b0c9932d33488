"""Page records: what each generated page shows, one frozen type per kind of page, from the
corpus to its theme template; a document's record is also its open data (`<id>.json`).

Why one type for both: the page, the golden tests and the open data cannot disagree. Each
document type names its record here (`RecordType.data`); `generator.formats.data.schema`
publishes their JSON Schema beside the data (`schema/catalog.json`, `schema/document.json`),
and the test suite validates every published file against it with check-jsonschema. What only
lays a page out (`Page.sections`, `Page.json_ld`) is left out of the data and of its schema.

A field left unset is absent from the data, not null: a link to a person has no date, a page
the preview makes has no checksum. Templates read fields by their published names too
(`version["from"]`, `group["items"]`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny
from pydantic.json_schema import SkipJsonSchema

from generator.core.model import Kind
from generator.doctypes.sections import TEXT

Iso = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="the date as YYYY-MM-DD")]
Russian = Annotated[str, Field(description="the date as Russian documents print it: 21 декабря 2020 г.")]
Address = Annotated[str, Field(description="a page or file of the site, relative to this file")]
StatusCode = Literal["draft", "repealed", "superseded", "pending", "expired", "external", "in_force"]


class Open(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    def __getitem__(self, name: str) -> Any:
        """A field by its published name, as a template may ask: `version["from"]`."""
        for field, info in type(self).model_fields.items():
            if name in (field, info.alias):
                return getattr(self, field)
        raise KeyError(name)


class Page(Open):
    """A generated page's record: what its template `regpub-<kind>.html` shows."""

    # What only lays the page out: neither in the data nor in its schema.
    sections: SkipJsonSchema[tuple[str, ...]] = ()  # the sections it shows, in order (its TOC)
    json_ld: SkipJsonSchema[str | None] = None  # its schema.org JSON-LD, for the page's head

    def published(self) -> dict[str, Any]:
        """Its open data: the record without what only lays the page out."""
        return self.model_dump(
            mode="json", by_alias=True, exclude_unset=True, exclude={"sections", "json_ld"}
        )


class StatusFacts(Open):
    """The dates a regulation's status depends on, for the status of any day (README: "Computed
    status"); absent ones do not apply."""

    draft: bool | None = None
    repealed: Iso | None = Field(None, description="`repealed_on`, with `status: repealed`")
    superseded: list[Iso] | None = Field(None, description="when each document superseding it starts")
    from_: Iso | None = Field(None, alias="from", description="`effective.from`")
    to: Iso | None = Field(None, description="`effective.to`")
    external: bool | None = None

    def script(self) -> str:
        """The facts as the page's script reads them (`assets/regpub-status.js`)."""
        return self.model_dump_json(by_alias=True, exclude_unset=True)


class Status(Open):
    """A regulation's status as of the build's date (README: "Computed status")."""

    code: StatusCode
    label: str = Field(description="the status in Russian")
    text: str = Field(
        description="the status with the day it holds from, true until it next changes: "
        "Действует с 1 февраля 2020 г., Вступает в силу 1 марта 2027 г."
    )
    in_force: bool
    facts: StatusFacts


class Ref(Open):
    """Another record, with what a reader needs to judge it from a list."""

    id: str
    kind: str = Field(json_schema_extra=lambda schema: schema.update(enum=list(Kind.all())))
    title: str
    url: Address
    date: Russian | None = None
    date_iso: Iso | None = None
    form: str | None = None
    number: str | None = None
    status: Status | None = None


class Group(Open):
    """Related documents of one relation, in one direction (README: "What an editor writes")."""

    label: str
    relation: str = Field(description="based_on, supersedes, amends, references or related")
    items: list[Ref]


class Source(Open):
    """The commit that last changed the document's file."""

    date: Russian
    date_iso: Iso
    commit: str
    commit_url: str | None
    history_url: str | None


class DocumentRecord(Page):
    """What every document's page shows; a document type's record adds its own fields."""

    id: str
    title: str
    date: Russian
    date_iso: Iso
    form: str
    summary: str | None
    tags: list[str]
    place: str | None
    url: Address
    docx: Address | None
    pdf: Address | None  # the same text laid out the same, as PDF
    xml: Address  # the text as Akoma Ntoso 3.0 XML
    docx_sha256: str | None = None
    source: Source | None = None
    relations: list[Group]

    def authors(self) -> list[Ref]:
        """Who made it (issued it, held the meeting): the feed's authors, the register's column."""
        return []

    def legal_status(self) -> Status | None:
        """Its status as of the build's date, if its type has one (README: "Computed status")."""
        return None


class Period(Open):
    from_: Russian = Field(alias="from")
    from_iso: Iso
    to: Russian | None
    to_iso: Iso | None


class Signatory(Open):
    person: Ref
    position: str | None
    organization: Ref | None


class Version(Open):
    """One text of a regulation (README: "Versions"), newest first."""

    from_: Russian = Field(alias="from")
    from_iso: Iso
    until_iso: Iso | None = Field(None, description="the day the next text applies from")
    by: Ref | None
    note: str | None
    url: Address
    current_text: bool
    in_force: bool
    label: str
    changes: Address | None
    docx: Address | None
    pdf: Address | None
    xml: Address
    changes_docx: Address | None


class Regulation(DocumentRecord):
    kind: Literal["regulation"]
    number: str | None
    status: Status
    issuers: list[Ref]
    signatories: list[Signatory]
    effective: Period | None
    repealed_on: Russian | None
    repealed_on_iso: Iso | None
    external: bool
    source_url: str | None
    adopted_at: list[Ref]
    outstanding: list[Ref] = Field(description="amending documents in force whose change no text includes")
    not_yet_outstanding: list[Ref] = Field(
        [], description="amending documents whose change no text includes, not in force on the build's day"
    )
    versions: list[Version]

    def authors(self) -> list[Ref]:
        return self.issuers

    def legal_status(self) -> Status:
        return self.status


class Speaker(Open):
    person: Ref
    summary: str | None


class ControlFacts(Open):
    """The dates an assignment's control status depends on."""

    due: Iso | None = None
    done: Iso | None = Field(None, description="`done.on`")

    def script(self) -> str:
        """The facts as the page's script reads them (`assets/regpub-status.js`)."""
        return self.model_dump_json(exclude_unset=True)


class ControlStatus(Open):
    """An assignment's control status as of the build's date (README: "Decisions, votes…")."""

    code: Literal["on_control", "overdue", "done", "done_late"]
    label: str = Field(description="the status in Russian")
    text: str = Field(description="the status with its day, true until it next changes: На контроле до …")
    facts: ControlFacts


VoteOption = Literal["yes", "no", "abstain"]


class VoteCount(Open):
    """How many chose one option (Popolo's `count`)."""

    option: VoteOption
    value: int = Field(ge=0)


class PersonVote(Open):
    """How one person voted in a roll call (Popolo's `vote`)."""

    voter: Ref
    option: VoteOption


class VoteEvent(Open):
    """A decision's vote as Popolo's VoteEvent: motion, result, counts, a roll call's votes."""

    motion: str = Field(description="the decision as worded in the protocol")
    result: Literal["pass", "fail"]
    unanimous: bool
    counts: list[VoteCount]
    votes: list[PersonVote]
    summary: str = Field(description="as the protocol says it: «за» — 12, «против» — нет, «воздержались» — 1")


class Assignment(Open):
    """Who must carry a decision out, by when, and whether they did."""

    assignees: list[Ref]
    due: Russian | None = None
    due_iso: Iso | None = None
    done: Russian | None = None
    done_iso: Iso | None = None
    report: Ref | None = None
    control: ControlStatus


class Decision(Open):
    """A decision of an agenda item (ПОСТАНОВИЛИ), numbered as the protocol numbers it."""

    number: str = Field(description="2.1. for the first decision of the second item")
    text: str
    result: Literal["adopted", "rejected"]
    vote: VoteEvent | None = None
    assignment: Assignment | None = None


class AssignmentRow(Open):
    """One assignment, as `decisions.json` and the register of assignments list it."""

    meeting: Ref
    item: str = Field(description="the agenda item, numbered: 2. Содержание координации")
    number: str = Field(description="the decision's number in the protocol: 2.1.")
    url: Address = Field(description="the decision on the meeting's page")
    text: str
    assignment: Assignment


class AgendaItem(Open):
    title: str
    speakers: list[Speaker]
    decisions: list[Decision]
    documents: list[Ref]


class Photo(Open):
    file: Address
    caption: str | None
    credit: str | None


class Meeting(DocumentRecord):
    kind: Literal["meeting"]
    organizers: list[Ref]
    chairs: list[Ref]
    secretary: Ref | None
    attendees: list[Ref]
    invited: list[Ref] = Field([], description="invited, not members (Приглашённые)")
    agenda: list[AgendaItem]
    photos: list[Photo]
    adopted: list[Ref]

    def authors(self) -> list[Ref]:
        return self.organizers


class Position(Open):
    title: str
    organization: Ref | None
    from_: Russian | None = Field(alias="from")
    to: Russian | None


class Spoke(Open):
    meeting: Ref
    item: str
    summary: str | None


class RollCallVote(Open):
    """How a person voted on one decision, in a roll call."""

    meeting: Ref
    number: str = Field(description="the decision's number in the protocol: 2.1.")
    url: Address = Field(description="the decision on the meeting's page")
    text: str
    option: VoteOption


class Person(Page):
    """A person's page: their positions and every document they signed, chaired, attended."""

    kind: Literal["person"]
    id: str
    title: str
    signature_name: str | None
    url: Address
    positions: list[Position]
    signed: list[Ref]
    chaired: list[Ref]
    secretary_of: list[Ref]
    attended: list[Ref]
    spoke: list[Spoke]
    referenced_by: list[Ref]
    assignments: list[AssignmentRow] = Field([], description="assigned to them, overdue first")
    votes: list[RollCallVote] = Field([], description="how they voted in roll calls, newest first")


class Organization(Page):
    """An organization's page: its place among the others, its people, what it issued."""

    kind: Literal["organization"]
    id: str
    title: str
    short_name: str | None
    url: Address
    parent: Ref | None
    children: list[Ref]
    people: list[Ref]
    issued: list[Ref]
    organized: list[Ref]
    signed_for: list[Ref]
    referenced_by: list[Ref]
    assignments: list[AssignmentRow] = Field([], description="assigned to it, overdue first")


class VersionPage(Page):
    """The page of a regulation's earlier (or future) text."""

    sections: SkipJsonSchema[tuple[str, ...]] = (TEXT,)
    kind: Literal["version"] = "version"
    title: str
    document: SerializeAsAny[DocumentRecord]
    version: Version
    in_force_version: Version | None


class ChangesPage(Page):
    """What one amendment changed, compared with the text before it."""

    sections: SkipJsonSchema[tuple[str, ...]] = (TEXT,)
    kind: Literal["changes"] = "changes"
    title: str
    document: SerializeAsAny[DocumentRecord]
    version: Version
    previous: Version
    diff: str  # HTML
