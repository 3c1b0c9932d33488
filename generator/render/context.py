"""What each generated page shows, as plain data: the context its theme template renders.

Why plain data: it is what the golden tests compare and what `catalog.json` publishes, so the
page, the tests and the open data cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from generator.corpus import Corpus, Entry, Relation, Status
from generator.model import Kind, Meeting, Organization, Person, Regulation
from generator.render.markdown import title_of
from generator.render.versions import versions_context
from generator.russian import long_date
from generator.urls import RecordUrls, docx_path, page_path

Context = dict[str, Any]

# Each relation group on a page: (label, relation, direction); both directions of SPEC §2.3.
_REGULATION_GROUPS = [
    ("На основании", Relation.BASED_ON, "out"),
    ("Основание для", Relation.BASED_ON, "in"),
    ("Заменяет", Relation.SUPERSEDES, "out"),
    ("Заменён", Relation.SUPERSEDES, "in"),
    ("Изменяет", Relation.AMENDS, "out"),
    ("Изменён", Relation.AMENDS, "in"),
    ("Ссылается на", Relation.REFERENCES, "out"),
    ("Ссылаются на этот документ", Relation.REFERENCES, "in"),
    ("См. также", Relation.RELATED, "both"),
]
_MEETING_GROUPS = [
    ("Ссылается на", Relation.REFERENCES, "out"),
    ("Ссылаются на этот документ", Relation.REFERENCES, "in"),
    ("См. также", Relation.RELATED, "both"),
]


class PageContexts:
    """Builds page contexts for one corpus as of one date."""

    def __init__(self, corpus: Corpus, as_of: date, *, docx: bool = True) -> None:
        self.corpus = corpus
        self.as_of = as_of
        self.docx = docx

    def status(self, regulation: Regulation) -> Status:
        return self.corpus.status(regulation, self.as_of)

    def for_entry(self, entry: Entry) -> Context:
        record = entry.record
        if isinstance(record, Regulation):
            return self.regulation(entry, record)
        if isinstance(record, Meeting):
            return self.meeting(entry, record)
        if isinstance(record, Person):
            return self.person(entry, record)
        assert isinstance(record, Organization)
        return self.organization(entry, record)

    # References to other records

    def ref(self, id_: str) -> Context:
        """A link to another record with what a reader needs to judge it from a list."""
        entry = self.corpus.by_id[id_]
        assert entry.kind is not None
        context: Context = {"id": id_, "kind": str(entry.kind), "title": title_of(entry)}
        context["url"] = page_path(entry.kind, id_)
        record = entry.record
        if isinstance(record, Regulation | Meeting):
            context["date"] = long_date(record.date)
            context["date_iso"] = record.date.isoformat()
        if isinstance(record, Regulation):
            context["form"] = record.form
            context["number"] = record.number
            context["status"] = _status(self.status(record))
        if isinstance(record, Meeting):
            context["form"] = "Заседание"
        return context

    def refs(self, ids: Iterable[str]) -> list[Context]:
        unique = list(dict.fromkeys(ids))
        return [self.ref(id_) for id_ in unique if id_ in self.corpus.by_id]

    def _documents(self, ids: Iterable[str]) -> list[Context]:
        """Documents newest first, as registers list them."""
        return sorted(self.refs(ids), key=lambda ref: (ref.get("date_iso", ""), ref["id"]), reverse=True)

    def _groups(self, entry: Entry, groups: list[tuple[str, Relation, str]]) -> list[Context]:
        result = []
        for label, relation, direction in groups:
            ids: list[str] = []
            if direction in ("out", "both"):
                ids += [link.target for link in self.corpus.outgoing(entry.id, relation)]
            if direction in ("in", "both"):
                ids += [link.source for link in self.corpus.incoming(entry.id, relation)]
            documents = self._documents(id_ for id_ in ids if id_ != entry.id)
            if documents:
                result.append({"label": label, "relation": str(relation), "items": documents})
        return result

    # Pages

    def _document(self, entry: Entry, record: Regulation | Meeting) -> Context:
        assert entry.kind is not None
        return {
            "kind": str(entry.kind),
            "id": record.id,
            "title": record.title,
            "date": long_date(record.date),
            "date_iso": record.date.isoformat(),
            "summary": record.summary,
            "tags": list(record.tags),
            "place": record.place,
            "url": page_path(entry.kind, record.id),
            "docx": docx_path(entry.kind, record.id) if self.docx else None,
        }

    def regulation(self, entry: Entry, record: Regulation) -> Context:
        context = self._document(entry, record)
        status = self.status(record)
        adopted = [record.adopted_at] if record.adopted_at else []
        adopted += [link.source for link in self.corpus.incoming(record.id, Relation.AGENDA_DOCUMENT)]
        period = record.effective
        context.update(
            form=record.form,
            number=record.number,
            status=_status(status),
            issuers=self.refs(record.issuers),
            signatories=[
                {
                    "person": self.ref(signatory.person),
                    "position": signatory.position,
                    "organization": self.ref(signatory.organization) if signatory.organization else None,
                }
                for signatory in record.signatories
            ],
            effective={
                "from": long_date(period.from_),
                "to": long_date(period.to) if period.to else None,
            }
            if period
            else None,
            repealed_on=long_date(record.repealed_on) if record.repealed_on else None,
            external=record.external,
            source_url=record.source_url,
            adopted_at=self._documents(adopted),
            relations=self._groups(entry, _REGULATION_GROUPS),
            outstanding=self.refs(self.corpus.outstanding_amendments(record, self.as_of)),
        )
        context["versions"] = versions_context(self, record)
        if record.external:
            context["docx"] = None
        return context

    def meeting(self, entry: Entry, record: Meeting) -> Context:
        context = self._document(entry, record)
        adopted = [link.source for link in self.corpus.incoming(record.id, Relation.ADOPTED_AT)]
        adopted += [document for item in record.agenda for document in item.documents]
        context.update(
            form="Заседание",
            organizers=self.refs(record.organizers),
            chairs=self.refs(record.chairs),
            secretary=self.ref(record.secretary) if record.secretary else None,
            attendees=self.refs(record.attendees),
            agenda=[
                {
                    "title": item.title,
                    "speakers": [
                        {"person": self.ref(speaker.person), "summary": speaker.summary}
                        for speaker in item.speakers
                    ],
                    "decisions": list(item.decisions),
                    "documents": self.refs(item.documents),
                }
                for item in record.agenda
            ],
            photos=[
                {"file": photo_path(entry, photo.file), "caption": photo.caption, "credit": photo.credit}
                for photo in record.photos
            ],
            adopted=self._documents(adopted),
            relations=self._groups(entry, _MEETING_GROUPS),
        )
        return context

    def person(self, entry: Entry, record: Person) -> Context:
        def sources(relation: Relation) -> list[Context]:
            return self._documents(link.source for link in self.corpus.incoming(record.id, relation))

        spoke: list[Context] = []
        for link in self.corpus.incoming(record.id, Relation.SPEAKER):
            meeting = self.corpus.by_id[link.source].record
            assert isinstance(meeting, Meeting)
            item = meeting.agenda[int(link.key[1])]
            summary = item.speakers[int(link.key[3])].summary
            spoke.append({"meeting": self.ref(meeting.id), "item": item.title, "summary": summary})
        spoke.sort(key=lambda row: row["meeting"]["date_iso"], reverse=True)
        return {
            "kind": "person",
            "id": record.id,
            "title": record.name,
            "signature_name": record.signature_name,
            "url": page_path(Kind.PERSON, record.id),
            "positions": [
                {
                    "title": position.title,
                    "organization": self.ref(position.organization) if position.organization else None,
                    "from": long_date(position.from_) if position.from_ else None,
                    "to": long_date(position.to) if position.to else None,
                }
                for position in record.positions
            ],
            "signed": sources(Relation.SIGNATORY),
            "chaired": sources(Relation.CHAIR),
            "secretary_of": sources(Relation.SECRETARY),
            "attended": sources(Relation.ATTENDEE),
            "spoke": spoke,
            "referenced_by": sources(Relation.REFERENCES),
        }

    def organization(self, entry: Entry, record: Organization) -> Context:
        def sources(relation: Relation) -> list[Context]:
            return self._documents(link.source for link in self.corpus.incoming(record.id, relation))

        people = [link.source for link in self.corpus.incoming(record.id, Relation.POSITION_AT)]
        children = [link.source for link in self.corpus.incoming(record.id, Relation.PARENT)]
        return {
            "kind": "organization",
            "id": record.id,
            "title": record.name,
            "short_name": record.short_name,
            "url": page_path(Kind.ORGANIZATION, record.id),
            "parent": self.ref(record.parent) if record.parent else None,
            "children": sorted(self.refs(children), key=lambda ref: ref["title"]),
            "people": sorted(self.refs(people), key=lambda ref: ref["title"]),
            "issued": sources(Relation.ISSUER),
            "organized": sources(Relation.ORGANIZER),
            "signed_for": sources(Relation.SIGNED_FOR),
            "referenced_by": sources(Relation.REFERENCES),
        }


def _status(status: Status) -> Context:
    return {"code": str(status), "label": status.label, "in_force": status is Status.IN_FORCE}


def photo_path(entry: Entry, file: str) -> str:
    """Where a meeting photo is published: beside the meeting's page, under its own name."""
    assert entry.kind is not None
    return RecordUrls(entry.kind, entry.id).photo(file)
