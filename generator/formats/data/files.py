"""Open data: `catalog.json`, one JSON file per document, the register's rows, an Atom feed.

All of it is derived from the pages' records, so the data says exactly what the pages say.
Output is deterministic: sorted, no build timestamps, so two builds are byte-identical.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, time
from typing import Any

from feedgen.feed import FeedGenerator

from generator.core import labels
from generator.core.model import document_kinds
from generator.doctypes.decisions import assignment_rows
from generator.doctypes.records import DocumentRecord
from generator.site.context import PageContexts

FEED_SIZE = 50


def to_json(data: Any) -> str:
    """Compact, with sorted keys: an indent would make json use its pure-Python encoder, ten
    times slower (16 s of a 10,000-document build)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def document_ids(contexts: PageContexts) -> list[str]:
    """Every document (regulation, meeting), newest first."""
    corpus = contexts.corpus
    documents = [document for id_ in corpus.ids_of(document_kinds()) if (document := corpus.document(id_))]
    return [d.id for d in sorted(documents, key=lambda d: (d.date, d.id), reverse=True)]


# The fields of a context that hold an address on the site, relative to its root.
_SITE_PATHS = frozenset({"url", "docx", "pdf", "xml", "changes", "changes_docx", "file"})


def relative_links(data: Any, folder: str) -> Any:
    """`data` with each address on the site made relative to `folder`, where its JSON file is,
    so a client resolves it against the file's own URL, as URLs are resolved (RFC 3986).

    >>> relative_links({"url": "regulations/a/", "items": [{"url": "people/p/"}]}, "regulations/a")
    {'url': './', 'items': [{'url': '../../people/p/'}]}
    """
    if isinstance(data, dict):
        return {
            key: relative_path(value, folder)
            if key in _SITE_PATHS and isinstance(value, str)
            else relative_links(value, folder)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [relative_links(item, folder) for item in data]
    return data


def relative_path(path: str, folder: str) -> str:
    """An address on the site (`regulations/a/`, relative to its root) relative to `folder`;
    by their parts, as `posixpath.relpath` would, without its trip to the working directory
    (a site's JSON has tens of thousands of them).

    >>> relative_path("people/p/", "regulations/a"), relative_path("regulations/a/#x", "regulations/a")
    ('../../people/p/', '#x')
    >>> relative_path("catalog.json", ""), relative_path("regulations/a/", "regulations/a")
    ('catalog.json', './')
    """
    if "://" in path or path.startswith("/"):
        return path
    target, base = [part for part in path.split("/") if part], [part for part in folder.split("/") if part]
    common = 0
    while common < min(len(target), len(base)) and target[common] == base[common]:
        common += 1
    relative = "/".join([".."] * (len(base) - common) + target[common:]) or "."
    return f"{relative}/" if path.endswith("/") or relative == "." else relative


def catalog_entry(page: DocumentRecord) -> str:
    """A document's entry in `catalog.json`, as `catalog` writes it."""
    return to_json(page.published()).rstrip("\n")


def catalog(contexts: PageContexts, entries: Mapping[str, str]) -> str:
    """`catalog.json`, from each document's `catalog_entry` (made once per document, and kept
    while the document's record would come out the same): what `to_json` writes of the whole."""
    documents = ",".join(entries[id_] for id_ in document_ids(contexts))
    return f'{{"as_of":{json.dumps(contexts.as_of.isoformat())},"documents":[{documents}]}}\n'


def assignments(contexts: PageContexts) -> str:
    """`decisions.json`: every decision with a deadline or assignees, overdue first (as of the
    build's date), then by deadline (README: "Decisions, votes and assignments")."""
    rows = [
        row.model_dump(mode="json", by_alias=True, exclude_unset=True) for row in assignment_rows(contexts)
    ]
    return to_json({"as_of": contexts.as_of.isoformat(), "assignments": rows})


def register_row(page: DocumentRecord) -> str:
    """A document's row of the register: one small array, fields by position (`register_rows`);
    its status as of the build's date, with the facts the page's script computes any day's from."""
    status = page.legal_status()
    row = [
        page.url,
        page["kind"],
        page.title,
        page.form,
        getattr(page, "number", None) or "",
        page.date_iso,
        [issuer.title for issuer in page.authors()],
        status.code if status else "",
        status.label if status else "",
        status.facts.model_dump(by_alias=True, exclude_unset=True) if status else None,
    ]
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def register_rows(contexts: PageContexts, rows: Mapping[str, str]) -> str:
    """`register.json`: the register page's rows (`register_row`), newest document first."""
    fields = ["url", "kind", "title", "form", "number", "date", "issuers"]
    fields += ["status", "status_label", "status_facts"]
    listed = ",".join(rows[id_] for id_ in document_ids(contexts))
    return f'{{"fields":{json.dumps(fields, separators=(",", ":"))},"rows":[{listed}]}}'


def atom_feed(
    contexts: PageContexts, pages: Mapping[str, DocumentRecord], site_url: str | None, title: str
) -> str:
    """The newest documents as an Atom feed (RFC 4287). Ids are absolute: the pages' addresses
    when the site URL is known, else name-based UUID URNs, the same from build to build. Links
    are then relative to the feed, which sits at the site's root; each entry's authors are the
    organizations that issued the document or held the meeting."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    ids = document_ids(contexts)[:FEED_SIZE]
    feed = FeedGenerator()
    feed.id(_atom_id(site_url, title, "feed.xml"))
    feed.title(title)
    feed.author(name=title)
    feed.language("ru")
    feed.link(href=base or "./", rel="alternate")
    feed.link(href=f"{base}feed.xml", rel="self")
    newest = max((pages[id_].date_iso for id_ in ids), default="2000-01-01")
    feed.updated(_midnight(newest))
    for id_ in reversed(ids):  # feedgen prepends: add oldest first to list newest first
        page = pages[id_]
        entry = feed.add_entry()
        entry.id(_atom_id(site_url, title, page.url))
        entry.title(page.title)
        for issuer in page.authors():
            entry.author(name=issuer.title)
        entry.link(href=f"{base}{page.url}")
        entry.updated(_midnight(page.date_iso))
        entry.published(_midnight(page.date_iso))
        entry.summary(page.summary or labels.SUMMARY.format(form=page.form, date=page.date))
        entry.category(term=page.form)
    return str(feed.atom_str(pretty=True).decode("utf-8"))


def _atom_id(site_url: str | None, site_name: str, path: str) -> str:
    """The page's address, or without a site URL a UUID URN named by the site and the path.

    >>> _atom_id("https://example.org/npa", "Совет", "feed.xml")
    'https://example.org/npa/feed.xml'
    >>> _atom_id(None, "Совет", "feed.xml")
    'urn:uuid:7a70a5c4-f56f-5653-b953-40231f6b60e8'
    """
    if site_url:
        return f"{site_url.rstrip('/')}/{path}"
    return uuid.uuid5(uuid.NAMESPACE_URL, f"regpub:{site_name}/{path}").urn


def _midnight(iso: str) -> datetime:
    return datetime.combine(datetime.fromisoformat(iso).date(), time(), tzinfo=UTC)
