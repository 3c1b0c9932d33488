"""Material's markup made valid: HTML as the W3C Nu checker reads the standard.

Material for MkDocs 9 writes three things the standard does not allow, on every page:
`autocomplete` on its checkbox toggles (the attribute belongs to text-like inputs),
`tabindex=""` on the navigation's section labels (not an integer; browsers ignore it), and,
on a page the navigation does not list, `<label for="__toc">` naming a toggle the page does
not have. They are removed from each page's output, so Material's own templates stay its own.
"""

from __future__ import annotations

import re

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
