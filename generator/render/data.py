"""Open data: `catalog.json`, one JSON file per document, the register's rows, an Atom feed.

All of it is derived from the page contexts, so the data says exactly what the pages say.
Output is deterministic: sorted, no build timestamps, so two builds are byte-identical.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from typing import Any

from feedgen.feed import FeedGenerator

from generator import labels
from generator.model import DOCUMENT_KINDS
from generator.render.context import Context, PageContexts

FEED_SIZE = 50


def to_json(data: Any) -> str:
    """Compact, with sorted keys: an indent would make json use its pure-Python encoder, ten
    times slower (16 s of a 10,000-document build)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def document_ids(contexts: PageContexts) -> list[str]:
    """Every document (regulation, meeting), newest first."""
    corpus = contexts.corpus
    documents = [document for id_ in corpus.ids_of(DOCUMENT_KINDS) if (document := corpus.document(id_))]
    return [d.id for d in sorted(documents, key=lambda d: (d.date, d.id), reverse=True)]


def catalog(contexts: PageContexts, pages: dict[str, Context]) -> str:
    return to_json(
        {
            "as_of": contexts.as_of.isoformat(),
            "documents": [pages[id_] for id_ in document_ids(contexts)],
        }
    )


def register_rows(contexts: PageContexts, pages: dict[str, Context]) -> str:
    """Compact rows for the register page: one small array per document, fields by position."""
    rows = []
    for id_ in document_ids(contexts):
        page = pages[id_]
        status = page.get("status") or {"code": "", "label": ""}
        issuers = page.get("issuers") or page.get("organizers") or []
        rows.append(
            [
                page["url"],
                page["kind"],
                page["title"],
                page["form"],
                page.get("number") or "",
                page["date_iso"],
                [issuer["title"] for issuer in issuers],
                status["code"],
                status["label"],
            ]
        )
    fields = ["url", "kind", "title", "form", "number", "date", "issuers", "status", "status_label"]
    return json.dumps({"fields": fields, "rows": rows}, ensure_ascii=False, separators=(",", ":"))


def atom_feed(contexts: PageContexts, pages: dict[str, Context], site_url: str | None, title: str) -> str:
    base = (site_url or "/").rstrip("/") + "/"
    ids = document_ids(contexts)[:FEED_SIZE]
    feed = FeedGenerator()
    feed.id(f"{base}feed.xml")
    feed.title(title)
    feed.language("ru")
    feed.link(href=base, rel="alternate")
    feed.link(href=f"{base}feed.xml", rel="self")
    newest = max((pages[id_]["date_iso"] for id_ in ids), default="2000-01-01")
    feed.updated(_midnight(newest))
    for id_ in reversed(ids):  # feedgen prepends: add oldest first to list newest first
        page = pages[id_]
        entry = feed.add_entry()
        entry.id(f"{base}{page['url']}")
        entry.title(page["title"])
        entry.link(href=f"{base}{page['url']}")
        entry.updated(_midnight(page["date_iso"]))
        entry.published(_midnight(page["date_iso"]))
        summary = page.get("summary") or labels.SUMMARY.format(form=page["form"], date=page["date"])
        entry.summary(summary)
        entry.category(term=page["form"])
    return str(feed.atom_str(pretty=True).decode("utf-8"))


def _midnight(iso: str) -> datetime:
    return datetime.combine(datetime.fromisoformat(iso).date(), time(), tzinfo=UTC)
