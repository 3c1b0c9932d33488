"""A third document type, the order (распоряжение), made only of its own files: this package,
its template and the entry point beside it (README: "Adding a document type"). The test suite
puts this folder on PYTHONPATH to prove that such a type gets a page, a DOCX, a PDF, valid
Akoma Ntoso, JSON-LD and open data without a change anywhere in regpub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from generator.core.model import DocumentFields, FieldLink, Kind, Relation, Signatory
from generator.core.values import NonEmptyIds, Number, Text
from generator.doctypes import Akn, RecordType
from generator.doctypes import records as data
from generator.doctypes.frame import GAP, Frame, Names, capitalise, date_line, signatures, styled
from generator.doctypes.sections import TEXT, sections

ORDER_KIND = Kind.define("order", "orders", document=True)
FORM = "Распоряжение"


class Order(DocumentFields):
    ISSUED_BY = "issuers"
    type: Literal["order"]
    number: Number | None = None
    issuers: NonEmptyIds
    signatories: tuple[Signatory, ...] = ()
    place: Text | None = None

    def links(self) -> Iterator[FieldLink]:
        for i, issuer in enumerate(self.issuers):
            yield Relation.ISSUER, issuer, ("issuers", i)
        for i, signatory in enumerate(self.signatories):
            yield Relation.SIGNATORY, signatory.person, ("signatories", i, "person")
        yield from super().links()


class OrderData(data.DocumentRecord):
    """An order's page and open data."""

    kind: Literal["order"]
    number: str | None
    issuers: list[data.Ref]
    signatories: list[data.Signatory]

    def authors(self) -> list[data.Ref]:
        return self.issuers


def ref(pages: Any, record: Order) -> dict[str, Any]:
    return {"form": FORM, "number": record.number}


def page(pages: Any, entry: Any, record: Order) -> OrderData:
    relations = pages.groups(entry, [("См. также", "related", "both")])
    return OrderData(
        **pages.document(entry, record),
        **ref(pages, record),
        issuers=pages.refs(record.issuers),
        signatories=[
            data.Signatory(person=pages.ref(s.person), position=s.position, organization=None)
            for s in record.signatories
        ],
        relations=relations,
        sections=sections((TEXT, True), ("relations", relations)),
    )


def frame(names: Names, record: Order, status: Any, edition: str | None) -> Frame:
    blocks = [
        styled("Issuer", *(names.name(id_).upper() for id_ in record.issuers)),
        styled("Document Form", FORM.upper()),
        date_line(record.date, record.number),
        styled("Document Title", record.title),
        GAP,
    ]
    rows = [(capitalise(s.position or ""), names.signature(s.person)) for s in record.signatories]
    subject = f"{FORM} № {record.number}" if record.number else FORM
    tail = signatures(rows) if rows else ""
    return Frame("\n".join(blocks), tail, subject, [names.name(id_) for id_ in record.issuers])


def skeleton(form: str | None, issued_by: str, person: str) -> tuple[list[str], list[str]]:
    return [f"issuers: {issued_by}", "# number: 1-р"], ["1. Поручить …"]


ORDER = RecordType(
    ORDER_KIND,
    Order,
    "an order",
    "Распоряжения",
    page,
    ref,
    frame=frame,
    skeleton=skeleton,
    has_docx=lambda record: True,
    akn=Akn(
        "act",
        "order",
        "adoption",
        lambda record: FORM,
        lambda record: record.number,
        lambda record: [(s.person, s.position, s.organization) for s in record.signatories],
    ),
    schema_org="Legislation",
    data=OrderData,
    templates=Path(__file__).parent / "templates",
)
