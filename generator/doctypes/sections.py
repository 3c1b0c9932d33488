"""The sections of a record's page and its table of contents.

A page shows its template's sections (Повестка дня, Редакции, Связанные документы…) around
the body. Which of them a page has is decided once, in its context (`sections`); the template
shows a section's heading when its anchor is there, with its label from `labels.SECTIONS`, and
the page's table of contents (`generator.mkdocs.toc`) lists the same sections in the same
order, with the body's headings where the body is.
"""

from __future__ import annotations

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
