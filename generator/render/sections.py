"""The sections of a record's page and its table of contents.

A page shows its template's sections (Повестка дня, Редакции, Связанные документы…) around
the body. Which of them a page has is decided once, in its context (`sections`); the template
shows a section's heading when its anchor is there, with its label from `labels.SECTIONS`, and
the page's table of contents lists the same sections in the same order, with the body's
headings where the body is.
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.structure.toc import AnchorLink, TableOfContents

from generator import labels

# Two sections hold the body's own headings: TEXT puts them at the page's top level (a
# regulation's articles), RECORD under its heading (a meeting's record, "Ход заседания").
TEXT = "text"
RECORD = "record"
START = "regpub-start"  # where every regpub template's own content starts


def sections(*rows: tuple[str, object]) -> list[str]:
    """The anchors of the sections a page shows, in page order: a row (anchor, content) is
    shown when its content is not empty.

    >>> sections((TEXT, True), ("versions", []), ("relations", [{"id": "x"}]))
    ['text', 'relations']
    """
    return [anchor for anchor, content in rows if content]


def page_toc(title: str, body: TableOfContents, shown: Iterable[str]) -> TableOfContents:
    """A regpub page's table of contents: its title first, then its sections.

    Material's skip link goes to the first entry, so it lands where the page's own content
    starts, not past the title, status and metadata to the first heading of the body.

    >>> toc = page_toc("Протокол", TableOfContents([]), ["agenda", "relations"])
    >>> [(link.title, link.id) for link in next(iter(toc)).children]
    [('Повестка дня', 'agenda'), ('Связанные документы', 'relations')]
    """
    start = AnchorLink(title, START, 1)
    for anchor in shown:
        if anchor == TEXT:
            start.children.extend(body)
            continue
        section = AnchorLink(labels.SECTIONS[anchor], anchor, 2)
        if anchor == RECORD:
            section.children = list(body)
        start.children.append(section)
    return TableOfContents([start])
