"""The kinds of record, each in one place: what regpub knows about a regulation, a meeting, a
person or an organization beyond its fields.

A `RecordType` names its model (the schema of its front matter or registry entry, with the
relations its fields state, in `generator.core.model`), its page (the context its theme template
`regpub-<kind>.html`, named by `render.markdown.generated_page`, renders), what a link to one
shows, the checks that need more than one field, and, for documents, its DOCX frame.
Everything that differs between kinds of record is
reached through `REGISTRY`; nothing outside this package asks which class a record is.
Adding a document type is described in the README ("Adding a document type").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from generator.core.model import DOCUMENT_KINDS, Kind
from generator.doctypes import meeting, organization, person, regulation

if TYPE_CHECKING:
    from generator.core.corpus import Corpus, Entry
    from generator.core.diagnostics import Report
    from generator.core.status import Status
    from generator.doctypes.frame import Frame, Names
    from generator.site.context import Context, PageContexts


@dataclass(frozen=True, slots=True)
class RecordType:
    kind: Kind
    model: type[Any]
    noun: str  # how messages name one: "a regulation"
    page: Callable[[PageContexts, Entry, Any], Context]  # the page's context
    ref: Callable[[PageContexts, Any], Context]  # what a link to one shows beside its title
    check: Callable[[Corpus, Entry, Any, date, Report], None] | None = None
    # A document's DOCX: the frame around its body, given its status and its edition's line.
    frame: Callable[[Names, Any, Status | None, str | None], Frame] | None = None
    # What `regpub new` writes for a document: (fields, body) given the form it guessed, the
    # issuers' YAML and a person id to show as an example.
    skeleton: Callable[[str | None, str, str], tuple[list[str], list[str]]] | None = None
    has_docx: Callable[[Any], bool] = lambda record: False
    photos: Callable[[Any], tuple[str, ...]] = lambda record: ()  # files published beside the page
    editions: bool = False  # may have earlier texts (README: "Versions")
    # How other systems name one: its Akoma Ntoso document type and subtype (`act`, or
    # `debateReport` named `protocol`) and its schema.org type; None: it is not a document.
    akn: tuple[str, str | None] | None = None
    schema_org: str | None = None

    @property
    def document(self) -> bool:
        """Dated, with a body, a data file and relation groups (a regulation, a meeting)."""
        return self.kind in DOCUMENT_KINDS


REGISTRY: dict[Kind, RecordType] = {
    Kind.REGULATION: RecordType(
        Kind.REGULATION,
        regulation.Regulation,
        "a regulation",
        regulation.page,
        regulation.ref,
        regulation.check,
        regulation.frame,
        skeleton=regulation.skeleton,
        has_docx=regulation.has_docx,
        editions=True,
        akn=("act", None),
        schema_org="Legislation",
    ),
    Kind.MEETING: RecordType(
        Kind.MEETING,
        meeting.Meeting,
        "a meeting",
        meeting.page,
        meeting.ref,
        meeting.check,
        meeting.frame,
        skeleton=meeting.skeleton,
        has_docx=lambda record: True,
        photos=meeting.photos,
        akn=("debateReport", "protocol"),
        schema_org="Event",
    ),
    Kind.PERSON: RecordType(Kind.PERSON, person.Person, "a person", person.page, person.ref),
    Kind.ORGANIZATION: RecordType(
        Kind.ORGANIZATION, organization.Organization, "an organization", organization.page, organization.ref
    ),
}
DOCUMENT_TYPES = {kind: record_type for kind, record_type in REGISTRY.items() if record_type.document}
_BY_MODEL = {record_type.model: record_type for record_type in REGISTRY.values()}


def type_of(model: type[Any]) -> RecordType:
    """The type whose records `model` validates."""
    return _BY_MODEL[model]
