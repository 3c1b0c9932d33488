"""What each generated page shows, as plain data: the context its theme template renders.

Why plain data: it is what the golden tests compare and what `catalog.json` publishes, so the
page, the tests and the open data cannot disagree. `PageContexts` holds what every kind of
page shares (links to other records, relation groups); what a page of one kind shows is that
kind's `page` in `generator.doctypes`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from generator.core.corpus import Corpus, Entry
from generator.core.model import Document, Regulation, Relation
from generator.core.russian import long_date
from generator.core.status import Status
from generator.core.urls import RecordUrls, docx_path, downloads, page_path
from generator.doctypes import REGISTRY
from generator.site.markdown import title_of
from generator.site.versions import versions_context

Context = dict[str, Any]


class PageContexts:
    """Builds page contexts for one corpus as of one date."""

    def __init__(self, corpus: Corpus, as_of: date, *, docx: bool = True) -> None:
        self.corpus = corpus
        self.as_of = as_of
        self.docx = docx

    def status(self, regulation: Regulation) -> Status:
        return self.corpus.status(regulation, self.as_of)

    def status_context(self, regulation: Regulation) -> Context:
        status = self.status(regulation)
        return {"code": str(status), "label": status.label, "in_force": status is Status.IN_FORCE}

    def versions(self, regulation: Regulation) -> list[Context]:
        """The list of a regulation's texts, newest first (empty when it never had another)."""
        return versions_context(self, regulation)

    def for_entry(self, entry: Entry) -> Context:
        assert entry.kind is not None
        assert entry.record is not None
        return REGISTRY[entry.kind].page(self, entry, entry.record)

    # References to other records

    def ref(self, id_: str) -> Context:
        """A link to another record with what a reader needs to judge it from a list."""
        entry = self.corpus.by_id[id_]
        assert entry.kind is not None
        context: Context = {"id": id_, "kind": str(entry.kind), "title": title_of(entry)}
        context["url"] = page_path(entry.kind, id_)
        document = self.corpus.document(id_)
        if document is not None:
            context["date"] = long_date(document.date)
            context["date_iso"] = document.date.isoformat()
        if entry.record is not None:
            context.update(REGISTRY[entry.kind].ref(self, entry.record))
        return context

    def refs(self, ids: Iterable[str]) -> list[Context]:
        unique = list(dict.fromkeys(ids))
        return [self.ref(id_) for id_ in unique if id_ in self.corpus.by_id]

    def documents(self, ids: Iterable[str]) -> list[Context]:
        """Documents newest first, as registers list them."""
        return sorted(self.refs(ids), key=lambda ref: (ref.get("date_iso", ""), ref["id"]), reverse=True)

    def sources(self, id_: str, relation: Relation) -> list[Context]:
        """The documents that point at `id_` by `relation`, newest first."""
        return self.documents(link.source for link in self.corpus.incoming(id_, relation))

    def groups(self, entry: Entry, groups: Iterable[tuple[str, str, str]]) -> list[Context]:
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
                ids += [link.source for link in self.corpus.incoming(entry.id, relation)]
            documents = self.documents(id_ for id_ in ids if id_ not in seen and self.corpus.document(id_))
            seen.update(document["id"] for document in documents)
            if documents:
                result.append({"label": label, "relation": str(relation), "items": documents})
        return result

    def document(self, entry: Entry, record: Document) -> Context:
        """What every document's page shows: title, date, summary, tags, place, downloads."""
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
