"""The kinds of record, each in one place: what regpub knows about a regulation, a meeting, a
person or an organization beyond its fields.

A `RecordType` names its model (the schema of its front matter or registry entry, with the
relations its fields state, in `generator.core.model`), its page (the context its theme template
`regpub-<kind>.html` renders), what a link to one shows, the checks that need more than one
field, and, for documents, its DOCX frame, its Akoma Ntoso shape, its schema.org type and its
open-data record. Everything that differs between kinds of record is reached through
`REGISTRY`; nothing outside this package asks which class a record is. Other packages add
document types with `register`, through the entry point group `regpub.doctypes` (README:
"Adding a document type").
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.core import labels
from generator.core.model import Kind
from generator.doctypes import meeting, organization, person, records, regulation
from generator.doctypes.frame import Signature

if TYPE_CHECKING:
    from generator.core.corpus import Corpus, Entry
    from generator.core.diagnostics import Report
    from generator.doctypes.frame import Frame, Names
    from generator.site.context import PageContexts


@dataclass(frozen=True, slots=True)
class Akn:
    """How a document type is written as Akoma Ntoso: its document type (`act`: a body of
    articles and chapters; `debateReport`: a meeting's attendance and agenda, read from
    the fields of a `Meeting`), the name or subtype, the FRBR work date's name, and what the
    preface and the signatures print."""

    doctype: str
    name: str | None  # `<act name="…">` or `<debateReport name="…">`; None: the doctype's own
    made: str  # the FRBRdate name of the work: `adoption`, `meeting`
    form: Callable[[Any], str]  # docType and FRBRname: «Решение», «Протокол»
    number: Callable[[Any], str | None] = lambda record: None
    signatures: Callable[[Any], list[Signature]] = lambda record: []


@dataclass(frozen=True, slots=True)
class RecordType:
    kind: Kind
    model: type[Any]
    noun: str  # how messages name one: "a regulation"
    title: str  # how the site names them all: «Документы», «Заседания»
    page: Callable[[PageContexts, Entry, Any], records.Page]  # what its page shows
    # What a link to one shows beside its title: fields of a `records.Ref` (form, number, status).
    ref: Callable[[PageContexts, Any], dict[str, Any]]
    check: Callable[[Corpus, Entry, Any, date, Report], None] | None = None
    # A document's DOCX: the frame around its body, given its status and its edition's line.
    frame: Callable[[Names, Any, str | None, str | None], Frame] | None = None
    # What `regpub new` writes for a document: (fields, body) given the form it guessed, the
    # issuers' YAML and a person id to show as an example.
    skeleton: Callable[[str | None, str, str], tuple[list[str], list[str]]] | None = None
    has_docx: Callable[[Any], bool] = lambda record: False
    photos: Callable[[Any], tuple[str, ...]] = lambda record: ()  # files published beside the page
    editions: bool = False  # may have earlier texts (README: "Versions")
    # How other systems name one: its Akoma Ntoso document and its schema.org type
    # (`Legislation`, `Event`); None: it is not a document. A person or an organization is an
    # Akoma Ntoso TLC (`TLCPerson`, `TLCOrganization`) instead.
    akn: Akn | None = None
    schema_org: str | None = None
    tlc: str = "TLCConcept"
    # The open data of its page (`<id>.json` and `catalog.json`, and their JSON Schema): a
    # model in `generator.doctypes.records`' terms; a document type needs one.
    data: type[Any] | None = None
    templates: Path | None = None  # a folder with its theme template, `regpub-<kind>.html`

    @property
    def document(self) -> bool:
        """Dated, with a body, a data file and relation groups (a regulation, a meeting)."""
        return self.kind.document


REGISTRY: dict[Kind, RecordType] = {
    Kind.REGULATION: RecordType(
        Kind.REGULATION,
        regulation.Regulation,
        "a regulation",
        labels.REGULATIONS,
        regulation.page,
        regulation.ref,
        regulation.check,
        regulation.frame,
        skeleton=regulation.skeleton,
        has_docx=regulation.has_docx,
        editions=True,
        akn=Akn("act", None, "adoption", regulation.form, regulation.number, regulation.signed),
        schema_org="Legislation",
        data=records.Regulation,
    ),
    Kind.MEETING: RecordType(
        Kind.MEETING,
        meeting.Meeting,
        "a meeting",
        labels.MEETINGS,
        meeting.page,
        meeting.ref,
        meeting.check,
        meeting.frame,
        skeleton=meeting.skeleton,
        has_docx=lambda record: True,
        photos=meeting.photos,
        akn=Akn("debateReport", "protocol", "meeting", meeting.form, signatures=meeting.signed),
        schema_org="Event",
        data=records.Meeting,
    ),
    Kind.PERSON: RecordType(
        Kind.PERSON, person.Person, "a person", labels.PEOPLE, person.page, person.ref, tlc="TLCPerson"
    ),
    Kind.ORGANIZATION: RecordType(
        Kind.ORGANIZATION,
        organization.Organization,
        "an organization",
        labels.ORGANIZATIONS,
        organization.page,
        organization.ref,
        tlc="TLCOrganization",
    ),
}
DOCUMENT_TYPES = {kind: record_type for kind, record_type in REGISTRY.items() if record_type.document}
_BY_MODEL = {record_type.model: record_type for record_type in REGISTRY.values()}


def register(record_type: RecordType) -> None:
    """Add a document type from another package (README: "Adding a document type"): its kind
    made with `Kind.define`, everything else in the `RecordType`."""
    if record_type.kind in REGISTRY or record_type.model in _BY_MODEL:
        raise ValueError(f"the kind '{record_type.kind}' is registered already")
    if not record_type.document or record_type.akn is None or record_type.data is None:
        raise ValueError(f"'{record_type.kind}': a new type is a document, with its XML and its open data")
    REGISTRY[record_type.kind] = record_type
    DOCUMENT_TYPES[record_type.kind] = record_type
    _BY_MODEL[record_type.model] = record_type


def type_of(model: type[Any]) -> RecordType:
    """The type whose records `model` validates."""
    return _BY_MODEL[model]


def template_folders() -> list[Path]:
    """The folders of the theme templates of the types packages added."""
    return [record_type.templates for record_type in REGISTRY.values() if record_type.templates is not None]


# Document types that installed packages add: an entry point in the group `regpub.doctypes`
# names a `RecordType` (README: "Adding a document type"). A package being imported right now
# is the one that imported this module first: loading it here would find it half made.
for _point in entry_points(group="regpub.doctypes"):
    if _point.module not in sys.modules:
        register(_point.load())
