"""Versions (редакции) on the site: the list on a regulation's page, a page per earlier text,
and a page per amendment showing what it changed (README: "Versions")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from generator.core import labels
from generator.core.body import REFERENCE, parse_reference
from generator.core.compare import compare
from generator.core.corpus import Corpus, Edition
from generator.core.editions import history
from generator.core.model import Kind, Regulation
from generator.core.pandoc_markdown import body_markdown
from generator.core.russian import long_date
from generator.core.urls import (
    EditionUrls,
    RecordUrls,
    changes_docx_path,
    changes_path,
    docx_path,
    downloads,
    version_docx_path,
)
from generator.doctypes import records
from generator.site.changes import render_html
from generator.site.markdown import generated_page, render_body, title_of

if TYPE_CHECKING:  # the page contexts use this module for their list of versions
    from generator.site.context import PageContexts


@dataclass(frozen=True, slots=True)
class EditionPage:
    """One edition of a regulation and the URL of its page."""

    edition: Edition
    url: str

    @property
    def start(self) -> date:
        return self.edition.start

    @property
    def current(self) -> bool:
        return self.edition.current


def editions_shown(corpus: Corpus, regulation: Regulation, as_of: date) -> list[tuple[Edition, EditionUrls]]:
    """The texts a regulation's page lists, oldest first, with their URLs; none when it never
    had another (the site plan and the pages both ask here)."""
    urls = RecordUrls(Kind.REGULATION, regulation.id)
    return [
        (edition, urls.edition(edition.start, current=edition.current))
        for edition in history(corpus, corpus.by_id[regulation.id], as_of)
    ]


def editions_of(contexts: PageContexts, regulation: Regulation) -> list[EditionPage]:
    """Every text of the regulation, oldest first; empty when it never had another."""
    return [
        EditionPage(edition, urls.page)
        for edition, urls in editions_shown(contexts.corpus, regulation, contexts.as_of)
    ]


def _readable(contexts: PageContexts, body: str) -> str:
    """The text as readers see it: `[[id]]` as the target's title, `[[id|text]]` as the text."""

    def shown(match: re.Match[str]) -> str:
        parsed = parse_reference(match.group(1))
        target = contexts.corpus.get(parsed[0]) if parsed else None
        if parsed is None or target is None:
            return match.group(0)
        return parsed[2] or title_of(target)

    return REFERENCE.sub(shown, body)


def _docx(regulation: Regulation, text: EditionPage) -> str | None:
    if regulation.external:
        return None
    return (
        docx_path(Kind.REGULATION, regulation.id)
        if text.current
        else version_docx_path(regulation.id, text.start)
    )


def version_rows(contexts: PageContexts, regulation: Regulation) -> list[records.Version]:
    """The list of texts for the regulation's page, newest first, marking the one in force on
    the build's day (`assets/regpub-status.js` marks the reading day's from `until_iso`)."""
    texts = editions_of(contexts, regulation)
    rows = []
    for index, text in enumerate(texts):
        state = labels.EDITION_IN_FORCE if text.edition.in_force else labels.EDITION_NOT_IN_FORCE
        rows.append(
            records.Version(
                from_=long_date(text.start),
                from_iso=text.start.isoformat(),
                until_iso=texts[index + 1].start.isoformat() if index + 1 < len(texts) else None,
                by=contexts.ref(by) if (by := text.edition.by) and by in contexts.corpus.by_id else None,
                note=text.edition.note,
                url=text.url,
                current_text=text.current,
                in_force=text.edition.in_force,
                label=labels.EDITION_ROW.format(state=state),
                changes=changes_path(text.url) if index > 0 else None,
                **downloads(_docx(regulation, text), docx=contexts.docx),
                xml=RecordUrls(Kind.REGULATION, regulation.id).edition(text.start, current=text.current).xml,
                changes_docx=(
                    changes_docx_path(regulation.id, text.start, current=text.current)
                    if index > 0 and contexts.docx
                    else None
                ),
            )
        )
    return list(reversed(rows))


def version_pages(
    contexts: PageContexts, regulation: Regulation, document: records.DocumentRecord
) -> dict[str, tuple[records.Page, str]]:
    """{virtual Markdown file: (record, Markdown)} for each earlier text and each amendment's changes."""
    texts = editions_of(contexts, regulation)
    versions: list[records.Version] = getattr(document, "versions", [])
    rows = {row.url: row for row in versions}
    in_force = next((row for row in versions if row.in_force), None)
    pages: dict[str, tuple[records.Page, str]] = {}
    for index, text in enumerate(texts):
        row = rows[text.url]
        if not text.current:
            source = f"{text.url}index.md"
            title = labels.EDITION_TITLE.format(title=regulation.title, date=row.from_)
            version = records.VersionPage(
                title=title, document=document, version=row, in_force_version=in_force
            )
            body = render_body(contexts.corpus, text.edition.body, source, regulation.id, text=text.start)
            pages[source] = (version, generated_page(version.kind, title, body))
        if index > 0:
            previous = texts[index - 1]
            diff = compare(
                body_markdown(contexts.corpus, previous.edition.body, regulation.id),
                body_markdown(contexts.corpus, text.edition.body, regulation.id),
            )
            changes = records.ChangesPage(
                title=labels.CHANGES_TITLE.format(title=regulation.title, date=row.from_),
                document=document,
                version=row,
                previous=rows[previous.url],
                diff=render_html(diff, lambda piece: _readable(contexts, piece)),
            )
            pages[f"{row.changes}index.md"] = (changes, generated_page(changes.kind, changes.title))
    return pages
