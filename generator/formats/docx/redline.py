"""The DOCX redline: a text with what an amendment changed as Word tracked changes.

The changes are generator/core/compare.py's, the same the site's "what changed" page shows; here
they are written as pandoc's tracked-change spans (`[…]{.insertion author=… date=…}`), which
pandoc turns into `w:ins` and `w:del`. A span never crosses a block: list markers, heading
marks and anchors stay outside.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.core.compare import Change, Edit, compare


def redline(old: str, new: str, author: str, when: str) -> str:
    r"""The Markdown of `new` with what changed since `old` as tracked changes.

    >>> print(redline("1. Один два.\n", "1. Один три.\n\nНовый.\n", "A", "D"))
    1. Один [два]{.deletion author="A" date="D"}[три]{.insertion author="A" date="D"}.
    <BLANKLINE>
    [Новый.]{.insertion author="A" date="D"}
    <BLANKLINE>
    """
    return tracked_changes(compare(old, new), f'author="{author}" date="{when}"')


def tracked_changes(changes: Sequence[Change], attributes: str) -> str:
    lines: list[str] = []
    for change in changes:
        for edit in change.edits:
            line = _line(edit, attributes)
            if line is None:
                continue
            if lines and edit.block.blank_before:
                lines.append("")
            lines.append(line)
    return "\n".join(lines) + "\n" if lines else ""


def _line(edit: Edit, attributes: str) -> str | None:
    block = edit.block
    if edit.kind == "same":
        return block.line
    if block.opaque:  # the new text's structure is kept; an old table or fence is dropped
        return block.line if edit.kind == "inserted" else None
    if edit.kind == "changed":
        text = "".join(text if op == "=" else _span(op, text, attributes) for op, text in edit.words)
    elif block.text.strip():
        text = _span("+" if edit.kind == "inserted" else "-", block.text, attributes)
    else:
        text = block.text
    # A deleted heading keeps no anchor: the new text may give its number to another article.
    return f"{block.prefix}{text}{'' if edit.kind == 'deleted' else block.suffix}"


def _span(op: str, text: str, attributes: str) -> str:
    return f"[{text}]{{.{'insertion' if op == '+' else 'deletion'} {attributes}}}"
