"""Material's markup made valid and accessible: HTML as the W3C Nu checker reads the
standard, and a skip link that lands on the content.

Material for MkDocs 9 writes three things the standard does not allow, on every page:
`autocomplete` on its checkbox toggles (the attribute belongs to text-like inputs),
`tabindex=""` on the navigation's section labels (not an integer; browsers ignore it), and,
on a page the navigation does not list, `<label for="__toc">` naming a toggle the page does
not have. They are removed from each page's output, so Material's own templates stay its own.
"""

from __future__ import annotations

import re

from mkdocs.structure.toc import AnchorLink, TableOfContents

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label [^>]*?) tabindex=""')
_TOC_LABEL = re.compile(r'(<label class="md-nav__title") for="__toc"')


def valid_html(page: str) -> str:
    """The page without the markup above; anything else stays byte for byte."""
    page = _TOGGLE_AUTOCOMPLETE.sub(r"\1", page)
    page = _EMPTY_TABINDEX.sub(r"\1", page)
    if 'id="__toc"' not in page:
        page = _TOC_LABEL.sub(r"\1", page)
    return page


def start_of_content(title: str, toc: TableOfContents) -> TableOfContents:
    """A regpub page's table of contents, its title first: Material's skip link goes to the
    first entry, so it lands where the page's own content starts (`#regpub-start` in every
    regpub template), not past the title, status and metadata to the first heading of the body;
    the table of contents lists the body's headings under it."""
    start = AnchorLink(title, "regpub-start", 1)
    start.children = list(toc)
    return TableOfContents([start])
