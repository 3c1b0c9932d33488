"""A regpub page's table of contents: its title, then the sections its record lists
(`generator.doctypes.sections`), with the body's own headings where the body is."""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.structure.toc import AnchorLink, TableOfContents

from generator.core import labels
from generator.doctypes.sections import RECORD, START, TEXT


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
