"""A regulation (нормативный документ): its page, its checks and its DOCX frame."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from generator.core import labels
from generator.core.model import Regulation, Relation
from generator.core.russian import long_date
from generator.core.urls import downloads
from generator.doctypes.frame import (
    GAP,
    Frame,
    Names,
    Signature,
    capitalise,
    date_line,
    signatures,
    styled,
    title_after_form,
)
from generator.doctypes.records import Period, Signatory
from generator.doctypes.records import Regulation as RegulationPage
from generator.doctypes.sections import TEXT, sections

if TYPE_CHECKING:
    from generator.core.corpus import Corpus, Entry
    from generator.core.diagnostics import Report
    from generator.site.context import PageContexts

__all__ = ["Regulation", "check", "form", "frame", "has_docx", "number", "page", "ref", "signed"]


def skeleton(form: str | None, issued_by: str, person: str) -> tuple[list[str], list[str]]:
    """What `regpub new regulation` writes: the fields after id, type, title and date; the body."""
    todo = '""  # TODO: the form as printed: Положение, Постановление, Решение, …'
    fields = [
        f"form: {form or todo}",
        f"issuers: {issued_by}",
        '# number: ""  # the official number, if it has one',
        "# effective: {from: YYYY-MM-DD, to: YYYY-MM-DD}",
        "# adopted_at: meeting-id",
    ]
    return fields, ["## Статья 1. Общие положения", "", "Текст статьи."]


def has_docx(record: Regulation) -> bool:
    return not record.external  # an external document is published elsewhere (README: "What comes out")


def ref(pages: PageContexts, record: Regulation) -> dict[str, Any]:
    return {"form": record.form, "number": record.number, "status": pages.status_record(record)}


def page(pages: PageContexts, entry: Entry, record: Regulation) -> RegulationPage:
    fields = pages.document(entry, record)
    adopted = [record.adopted_at] if record.adopted_at else []
    adopted += [link.origin for link in pages.corpus.incoming(record.id, Relation.AGENDA_DOCUMENT)]
    period = record.effective
    if record.external:
        fields.update(downloads(None, docx=False))
    versions = pages.versions(record)
    relations = pages.groups(entry, labels.REGULATION_RELATIONS)
    outstanding = pages.corpus.outstanding_amendments(record, pages.as_of)
    unapplied = [
        id_
        for id_ in pages.corpus.unapplied_amendments(record)
        if (amending := pages.corpus.regulation(id_)) is not None and amending.status != "draft"
    ]
    return RegulationPage(
        **fields,
        **ref(pages, record),
        issuers=pages.refs(record.issuers),
        signatories=[
            Signatory(
                person=pages.ref(signatory.person),
                position=signatory.position,
                organization=pages.ref(signatory.organization) if signatory.organization else None,
            )
            for signatory in record.signatories
        ],
        effective=Period(
            from_=long_date(period.from_),
            from_iso=period.from_.isoformat(),
            to=long_date(period.to) if period.to else None,
            to_iso=period.to.isoformat() if period.to else None,
        )
        if period
        else None,
        repealed_on=long_date(record.repealed_on) if record.repealed_on else None,
        repealed_on_iso=record.repealed_on.isoformat() if record.repealed_on else None,
        external=record.external,
        source_url=record.source_url,
        adopted_at=pages.documents(adopted),
        relations=relations,
        outstanding=pages.refs(outstanding),
        not_yet_outstanding=pages.refs(id_ for id_ in unapplied if id_ not in outstanding),
        versions=versions,
        sections=sections((TEXT, True), ("versions", versions), ("relations", relations)),
    )


def check(corpus: Corpus, entry: Entry, regulation: Regulation, as_of: date, report: Report) -> None:
    period = regulation.effective
    if period and period.to and period.to < period.from_:
        message = f"effective.to ({period.to}) is before effective.from ({period.from_})"
        report.add("effective-range", entry.locate(("effective", "to")), message)
    if regulation.status == "repealed" and regulation.repealed_on is None:
        message = "status is 'repealed' but repealed_on is missing; add the date it lost force"
        report.add("repeal-date", entry.locate(("status",)), message)
    if regulation.repealed_on is not None and regulation.status != "repealed":
        message = "repealed_on is set but status is not 'repealed'; set status: repealed"
        report.add("repeal-date", entry.locate(("repealed_on",), at_key=True), message)
    if not regulation.external and (entry.body is None or entry.body.is_empty):
        message = "regulation has no text; write its body or mark it external: true"
        report.add("empty-body", entry.locate(("id",), at_key=True), message)


def form(record: Regulation) -> str:
    return record.form


def number(record: Regulation) -> str | None:
    return record.number


def signed(record: Regulation) -> list[Signature]:
    """Who signed, as printed: (person, position, for which organization)."""
    return [(s.person, s.position, s.organization) for s in record.signatories]


def frame(names: Names, record: Regulation, status: str | None, edition: str | None) -> Frame:
    """The requisites in the order of GOST R 7.0.97-2016 (issuer, form, date and number,
    place, title), after a note of what the site knows of this text (its edition, a status
    other than in force, worded with the day it holds from); signatures at the end."""
    note = [edition] if edition else []
    if status is not None:
        note.append(status)
    blocks = [styled("Document Note", *note), GAP] if note else []
    blocks += [
        styled("Issuer", *(names.name(id_).upper() for id_ in record.issuers)),
        styled("Document Form", record.form.upper()),
        date_line(record.date, record.number),
    ]
    if record.place:
        blocks.append(styled("Document Place", record.place))
    blocks += [styled("Document Title", title_after_form(record.title, record.form)), GAP]
    rows = [
        (capitalise(signatory.position or ""), names.signature(signatory.person))
        for signatory in record.signatories
    ]
    tail = signatures(rows) if rows else ""
    subject = " ".join(filter(None, (record.form, f"№ {record.number}" if record.number else None)))
    return Frame("\n".join(blocks), tail, subject, [names.name(id_) for id_ in record.issuers])
