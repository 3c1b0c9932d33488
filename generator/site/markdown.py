"""An editor's body as MkDocs Markdown: `[[…]]` become links, article headings get anchors.

Links are written to the target's virtual `.md` file, relative to the page, so MkDocs checks
them and turns them into the right URLs whatever `use_directory_urls` is. Each also names its
record (`data-ref="id"`), so that what is made from the page's HTML (the Akoma Ntoso XML)
knows what it links to without reading URLs back.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from generator.core import labels
from generator.core.body import REFERENCE, Body, parse_reference, split_code_spans
from generator.core.citations import cite
from generator.core.corpus import Corpus, Entry
from generator.core.editions import text_date, text_of_day
from generator.core.history import (
    Amendment,
    Link,
    Segment,
    TextHistory,
    annotate,
    histories_of,
    part_note,
    title_note,
)
from generator.core.model import Kind
from generator.core.urls import RecordUrls, changes_path, page_md
from generator.doctypes.sections import RECORD

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


# What every body may use (README: "What an editor writes") and what the generated pages need
# (attr_list: anchors).
MARKDOWN_EXTENSIONS = (
    "attr_list",
    "tables",
    "footnotes",
    "def_list",
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
)


def toc_settings() -> dict[str, Any]:
    """Permalinks on headings; Russian headings get readable anchors (#повестка-дня, not #_1)."""
    from pymdownx.slugs import slugify  # type: ignore[import-untyped]  # noqa: PLC0415

    return {"permalink": "#", "permalink_title": labels.PERMALINK, "slugify": slugify(case="lower")}


def escape(text: str) -> str:
    r"""Text safe inside Markdown link text.

    >>> escape("Положение [ред. 2]")
    'Положение \\[ред. 2\\]'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def title_of(entry: Entry) -> str:
    """How a record is named in text: a document's title, a person's or organization's name."""
    return entry.record.display_title if entry.record else entry.id


def link_to(page: str, target: Entry, anchor: str | None = None) -> str:
    """The relative link from the virtual page `page` to `target`'s page, as MkDocs expects.

    >>> from pathlib import Path
    >>> from generator.core.frontmatter import LocatedYaml
    >>> from generator.core.model import Kind
    >>> person = Entry("p", Kind.PERSON, None, LocatedYaml(Path("x"), None, {}))
    >>> link_to("regulations/r/2021-01-01/index.md", person, None)
    '../../../people/p/index.md'
    """
    assert target.kind is not None
    there = posixpath.relpath(page_md(target.kind, target.id), posixpath.dirname(page))
    return f"{there}#{anchor}" if anchor else there


def render_body(
    corpus: Corpus, body: Body | None, page: str, self_id: str, top: int = 2, *, text: date | None = None
) -> str:
    """A body (of the document `self_id`) ready for MkDocs on the virtual page `page`: its
    citations linked, its references as links, its headings' anchors written out; after a
    clean check every reference resolves. For a regulation's text (the one applying from
    `text`), the history of its parts, each change linked to the changes page."""
    if body is None:
        return ""
    anchors = body.heading_anchors()
    day = text_date(corpus, self_id, text)  # what the text's references meant, on the day it speaks from
    # The page's title is its only h1: the body's top headings become h2 (h3 under a section
    # heading of the template: `top`), whatever level the editor began at, and the others keep
    # their distance from them.
    shift = top - min(body.headings.values(), default=top)
    lines = cite(corpus, body, self_id).text.split("\n")
    for offset, line in enumerate(lines):
        if offset in body.code:
            continue
        rendered = _level(line, body.headings[offset] + shift) if shift and offset in body.headings else line
        if "[[" in line:
            rendered = "".join(
                piece if is_code else REFERENCE.sub(lambda m: _reference(corpus, page, m, day), piece)
                for piece, is_code in split_code_spans(line)
            )
        if offset in anchors:
            rendered = f"{rendered.rstrip()} {{#{anchors[offset]}}}"
        lines[offset] = rendered
    histories = histories_of(corpus, self_id)
    if text is not None and text in histories:
        lines = _with_history(lines, body, page, self_id, histories=histories, text=text)
    return "\n".join(lines)


def _with_history(
    lines: list[str], body: Body, page: str, self_id: str, *, histories: dict[date, TextHistory], text: date
) -> list[str]:
    """The notes of each part's history as paragraphs of their own class; a part's amendments
    link to the change they made on the changes page, the title's to the amending documents."""
    here = posixpath.dirname(page)
    latest = max(histories)
    urls = RecordUrls(Kind.REGULATION, self_id)

    def change(anchor: str) -> Link:
        def link(amendment: Amendment) -> str:
            made = urls.edition(amendment.start, current=amendment.start == latest).page
            return f"{posixpath.relpath(changes_path(made) + 'index.md', here)}#{anchor}"

        return link

    def document(amendment: Amendment) -> str:
        return posixpath.relpath(page_md(Kind.REGULATION, amendment.id), here)

    def written(segments: list[Segment], kind: str) -> str:
        text = "".join(f"[{escape(shown)}]({to})" if to else escape(shown) for shown, to in segments)
        return f"{text}\n{{: .regpub-history .regpub-history--{kind} }}"

    return annotate(
        lines,
        body,
        histories[text],
        lambda anchor, part: written(part_note(anchor, part, change(anchor)), "part"),
        lambda history: written(title_note(history, document), "title"),
    )


def _level(line: str, level: int) -> str:
    """The heading line at another level (at most 6).

    >>> _level("### Статья 1", 2)
    '## Статья 1'
    """
    text = line.lstrip(" ").lstrip("#")
    return "#" * min(level, 6) + text


def _reference(corpus: Corpus, page: str, match: re.Match[str], day: date | None) -> str:
    """A `[[…]]` reference as a link; made in a text of `day` to a document whose text of that
    day is not its current one, also «(ред. от …)» to that text (README: "Versions")."""
    parsed = parse_reference(match.group(1))
    target = corpus.get(parsed[0]) if parsed else None
    if parsed is None or target is None:
        return match.group(0)  # unreachable after a clean check; left visible rather than lost
    _, anchor, text = parsed
    link = f'[{escape(text or title_of(target))}]({link_to(page, target, anchor)}){{data-ref="{target.id}"}}'
    then = text_of_day(corpus, target.id, day) if day is not None else None
    if then is None:
        return link
    edition = RecordUrls(Kind.REGULATION, target.id).edition(then.start, current=False).page
    there = posixpath.relpath(f"{edition}index.md", posixpath.dirname(page)) + (
        f"#{anchor}" if anchor else ""
    )
    return f"{link} ([{labels.TEXT_OF_DAY.format(date=f'{then.start:%d.%m.%Y}')}]({there}))"


def page_markdown(corpus: Corpus, entry: Entry, sections: Sequence[str]) -> str:
    """A record's page (showing `sections`): its title and theme template in front matter, then
    the body."""
    assert entry.kind is not None
    assert entry.record is not None
    page = page_md(entry.kind, entry.id)
    top = 3 if RECORD in sections else 2  # under the record's own h2
    current = max(histories_of(corpus, entry.id), default=None)  # a regulation's current text
    body = render_body(corpus, entry.body, page, entry.id, top, text=current)
    return generated_page(str(entry.kind), entry.record.display_title, body)


def generated_page(kind: str, title: str, body: str = "") -> str:
    """Front matter naming the title and the theme template (`regpub-<kind>.html`), then `body`."""
    template = f"regpub-{kind}.html"
    title = json.dumps(title, ensure_ascii=False)  # a JSON string is valid YAML
    return f"---\ntitle: {title}\ntemplate: {template}\n---\n\n{body}\n"
