"""An editor's body as MkDocs Markdown: `[[…]]` become links, article headings get anchors.

Links are written to the target's virtual `.md` file, relative to the page, so MkDocs checks
them and turns them into the right URLs whatever `use_directory_urls` is.
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any

from generator.body import (
    HEADING,
    REFERENCE,
    classify_lines,
    heading_anchor,
    parse_reference,
    split_code_spans,
)
from generator.corpus import Corpus, Entry
from generator.model import Kind
from generator.urls import page_source

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def escape(text: str) -> str:
    r"""Text safe inside Markdown link text.

    >>> escape("Положение [ред. 2]")
    'Положение \\[ред. 2\\]'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def title_of(entry: Entry) -> str:
    """How a record is named in text: a document's title, a person's or organization's name."""
    record = entry.record
    if record is None:
        return entry.id
    return str(getattr(record, "title", None) or getattr(record, "name", entry.id))


def link_to(entry: Entry, target: Entry, anchor: str | None = None) -> str:
    """The relative link from `entry`'s page to `target`'s page, as MkDocs Markdown expects."""
    here = posixpath.dirname(page_source(_kind(entry), entry.id))
    there = posixpath.relpath(page_source(_kind(target), target.id), here)
    return f"{there}#{anchor}" if anchor else there


def _kind(entry: Entry) -> Kind:
    assert entry.kind is not None
    return entry.kind


def render_body(corpus: Corpus, entry: Entry) -> str:
    """The body, ready for MkDocs; the corpus was checked, so every reference resolves."""
    body = entry.body
    if body is None:
        return ""
    lines = []
    for _, line, is_code in classify_lines(body.text):
        lines.append(line if is_code else _render_line(corpus, entry, line))
    return "\n".join(lines)


def _render_line(corpus: Corpus, entry: Entry, line: str) -> str:
    if "[[" in line:
        line = "".join(
            piece if is_code else REFERENCE.sub(lambda m: _reference(corpus, entry, m), piece)
            for piece, is_code in split_code_spans(line)
        )
    heading = HEADING.match(line)
    if heading:
        anchor = heading_anchor(heading.group(1))
        if anchor:
            line = f"{line.rstrip()} {{#{anchor}}}"
    return line


def _reference(corpus: Corpus, entry: Entry, match: re.Match[str]) -> str:
    parsed = parse_reference(match.group(1))
    target = corpus.get(parsed[0]) if parsed else None
    if parsed is None or target is None:
        return match.group(0)  # unreachable after a clean check; left visible rather than lost
    _, anchor, text = parsed
    return f"[{escape(text or title_of(target))}]({link_to(entry, target, anchor)})"


def page_markdown(corpus: Corpus, entry: Entry, context: dict[str, Any]) -> str:
    """A generated page: its title and theme template in front matter, then the body."""
    template = f"regpub-{context['kind']}.html"
    title = json.dumps(context["title"], ensure_ascii=False)  # a JSON string is valid YAML
    return f"---\ntitle: {title}\ntemplate: {template}\n---\n\n{render_body(corpus, entry)}\n"
