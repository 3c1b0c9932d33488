"""The site's "what changed" page: generator/core/compare.py's changes as HTML with <ins>/<del>,
the same changes the DOCX redline (formats/docx/redline.py) shows as Word tracked changes.

Each changed part is a section headed by its heading (with the heading's own changes marked),
then its paragraphs and list items, each on its own line, as readers see them (`shown` turns
a piece of Markdown into reader text: a `[[…]]` reference into its target's title).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from generator.core import labels
from generator.core.body import Block
from generator.core.compare import Change, Edit

_TAGS = {"+": "ins", "-": "del"}
_OP_OF_KIND = {"inserted": "+", "deleted": "-"}  # a block inserted or deleted whole


def render_html(changes: Sequence[Change], shown: Callable[[str], str] = lambda text: text) -> str:
    """The changes as HTML; unchanged parts are listed by name only."""
    blocks = []
    for change in changes:
        part = change.part
        # A part of the new text keeps its anchor here: each part's history links to its change.
        anchor = f' id="{change.new.anchor}"' if change.new is not None and change.new.anchor else ""
        if change.kind == "same":
            name = html.escape(shown(part.heading) or labels.PREAMBLE)
            blocks.append(f'<p class="regpub-diff__same"{anchor}>{labels.UNCHANGED.format(name=name)}</p>')
            continue
        title = labels.CHANGE_KINDS[change.kind]
        if change.kind == "moved" and change.old is not None:
            title = labels.MOVED_FROM.format(heading=html.escape(shown(change.old.heading)))
        edits = list(change.edits)
        heading = _text(edits.pop(0), shown) if part.anchor else labels.PREAMBLE
        body = "".join(_block(edit, shown) for edit in edits)
        blocks.append(
            f'<section class="regpub-diff__part regpub-diff__part--{change.kind}"{anchor}>'
            f"<h2>{heading} <small>({title})</small></h2>{body}</section>"
        )
    return "\n".join(blocks)


def _block(edit: Edit, shown: Callable[[str], str]) -> str:
    block = edit.block
    if block.opaque:
        if block.text.startswith(":::"):  # a div's fence (an admonition's frame): no text
            return ""
        code = html.escape(block.text)
        tag = _TAGS.get(_OP_OF_KIND.get(edit.kind, "="))
        return f"<pre>{f'<{tag}>{code}</{tag}>' if tag else code}</pre>"
    return f'<p class="regpub-diff__block">{_marker(block)}{_text(edit, shown)}</p>'


def _text(edit: Edit, shown: Callable[[str], str]) -> str:
    if edit.kind == "changed":
        return "".join(_piece(op, shown(text)) for op, text in edit.words)
    return _piece(_OP_OF_KIND.get(edit.kind, "="), shown(edit.block.text))


def _piece(op: str, text: str) -> str:
    escaped = html.escape(text)
    tag = _TAGS.get(op)
    return f"<{tag}>{escaped}</{tag}>" if tag else escaped


def _marker(block: Block) -> str:
    """A list item's number or bullet, a quote's bar, as text before the item."""
    marker = block.prefix.strip()
    if not marker:
        return ""
    shown = "•" if marker in ("-", "*", "+") else "|" if marker == ">" else marker
    return f'<span class="regpub-diff__marker">{html.escape(shown)}</span> '
