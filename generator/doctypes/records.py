"""The open data's own types: what each document's `<id>.json` holds, and the pieces a new
document type's record is made of (`DocumentRecord`, `Ref`, `Group`).

The files are written from the page contexts (generator/formats/data/files.py), so the data
says what the pages say; each document type names its model here (`RecordType.data`), and
`generator.formats.data.schema` publishes their JSON Schema beside the data
(`schema/catalog.json`, `schema/document.json`). The test suite validates every published file
against the published schema with check-jsonschema, so the description cannot drift from the
data.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.core.model import Kind

Iso = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="the date as YYYY-MM-DD")]
Russian = Annotated[str, Field(description="the date as Russian documents print it: 21 декабря 2020 г.")]
Address = Annotated[str, Field(description="a page or file of the site, relative to this file")]
StatusCode = Literal["draft", "repealed", "superseded", "pending", "expired", "external", "in_force"]


class Open(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Status(Open):
    """A regulation's status as of the build's date (README: "Computed status")."""

    code: StatusCode
    label: str = Field(description="the status in Russian")
    in_force: bool


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


class DocumentRecord(Open):
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
    versions: list[Version]


class Speaker(Open):
    person: Ref
    summary: str | None


class AgendaItem(Open):
    title: str
    speakers: list[Speaker]
    decisions: list[str]
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
    agenda: list[AgendaItem]
    photos: list[Photo]
    adopted: list[Ref]
