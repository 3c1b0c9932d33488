"""What each generated page shows: its record (`generator.doctypes.records`), which its theme
template renders, the golden tests compare and the open data publishes.

`PageContexts` makes what every kind of page shares (links to other records, relation groups,
a document's common fields); what a page of one kind shows is that kind's `page` in
`generator.doctypes`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from generator.core.corpus import Corpus, Entry
from generator.core.model import Document, Regulation, Relation
from generator.core.reads import Reads, memo
from generator.core.russian import long_date
from generator.core.status import Status
from generator.core.urls import RecordUrls, docx_path, downloads, page_path
from generator.doctypes import REGISTRY, records
from generator.site.markdown import title_of
from generator.site.versions import version_rows


class PageContexts:
    """Builds page contexts for one corpus as of one date."""

    def __init__(self, corpus: Corpus, as_of: date, *, docx: bool = True) -> None:
        self.corpus = corpus
        self.as_of = as_of
        self.docx = docx
        self._refs: dict[str, tuple[records.Ref, Reads]] = {}

    def status(self, regulation: Regulation) -> Status:
        return self.corpus.status(regulation, self.as_of)

    def status_record(self, regulation: Regulation) -> records.Status:
        facts = self.corpus.status_facts(regulation)
        status = facts.on(self.as_of)
        return records.Status(
            code=str(status),
            label=status.label,
            text=facts.wording(self.as_of),
            in_force=status is Status.IN_FORCE,
            facts=records.StatusFacts.model_validate(facts.shown()),
        )

    def versions(self, regulation: Regulation) -> list[records.Version]:
        """The list of a regulation's texts, newest first (empty when it never had another)."""
        return version_rows(self, regulation)

    def for_entry(self, entry: Entry) -> records.Page:
        assert entry.kind is not None
        assert entry.record is not None
        return REGISTRY[entry.kind].page(self, entry, entry.record)

    # References to other records

    def ref(self, id_: str) -> records.Ref:
        """A link to another record with what a reader needs to judge it from a list; made once
        per record, since a record is linked from many pages (a `Ref` is frozen)."""
        return memo(self._refs, id_, lambda: self._make_ref(id_))

    def _make_ref(self, id_: str) -> records.Ref:
        entry = self.corpus.by_id[id_]
        assert entry.kind is not None
        fields: dict[str, Any] = {}
        document = self.corpus.document(id_)
        if document is not None:
            fields.update(date=long_date(document.date), date_iso=document.date.isoformat())
        if entry.record is not None:
            fields.update(REGISTRY[entry.kind].ref(self, entry.record))
        return records.Ref(
            id=id_, kind=str(entry.kind), title=title_of(entry), url=page_path(entry.kind, id_), **fields
        )

    def refs(self, ids: Iterable[str]) -> list[records.Ref]:
        unique = list(dict.fromkeys(ids))
        return [self.ref(id_) for id_ in unique if id_ in self.corpus.by_id]

    def documents(self, ids: Iterable[str]) -> list[records.Ref]:
        """Documents newest first, as registers list them."""
        return sorted(self.refs(ids), key=lambda ref: (ref.date_iso or "", ref.id), reverse=True)

    def linking_to(self, id_: str, relation: Relation) -> list[records.Ref]:
        """The documents that point at `id_` by `relation`, newest first."""
        return self.documents(link.origin for link in self.corpus.incoming(id_, relation))

    def groups(self, entry: Entry, groups: Iterable[tuple[str, str, str]]) -> list[records.Group]:
        """The related documents, each group a (label, relation, direction: out, in or both),
        strongest first: a document is listed once, under the first group it belongs to.
        People and organizations a body mentions are on their own pages, not among documents."""
        result = []
        seen = {entry.id}
        for label, name, direction in groups:
            relation = Relation(name)
            ids: list[str] = []
            if direction in ("out", "both"):
                ids += [link.target for link in self.corpus.outgoing(entry.id, relation)]
            if direction in ("in", "both"):
                ids += [link.origin for link in self.corpus.incoming(entry.id, relation)]
            documents = self.documents(id_ for id_ in ids if id_ not in seen and self.corpus.document(id_))
            seen.update(document.id for document in documents)
            if documents:
                result.append(records.Group(label=label, relation=str(relation), items=documents))
        return result

    def document(self, entry: Entry, record: Document) -> dict[str, Any]:
        """The fields every document's record has (`records.DocumentRecord`): title, date,
        summary, tags, place, downloads; its type's `page` adds its own."""
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
            **downloads(docx_path(entry.kind, record.id), docx=self.docx),
            "xml": RecordUrls(entry.kind, record.id).xml,
        }
