"""A body's Markdown as pandoc reads it, and as two of its texts are compared (generator/core/compare.py).

Article, section and chapter headings get their anchors (`{#article-3}`), Material admonitions
become pandoc divs, and citations by form and number (`Решение № 12`) become `[[id|…]]`
references (README: "Versions").

>>> escape("1. Статья [[x]] *и* № 05-CT/TW")
'1\\\\. Статья \\\\[\\\\[x\\\\]\\\\] \\\\*и\\\\* № 05\\\\-CT\\\\/TW'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.core import labels
from generator.core.body import ADMONITION, REFERENCE, Body, code_lines, parse_reference
from generator.core.citations import cite
from generator.core.corpus import Corpus

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_SPACE = re.compile(r"\s+")

_HEADING_LINE = re.compile(r"^( {0,3}#{1,6}[ \t]+.*?)(?:[ \t]+#+)?[ \t]*$")


def body_markdown(
    corpus: Corpus, body: Body | None, self_id: str, more: Callable[[list[str]], list[str]] | None = None
) -> str:
    """The body (of the document `self_id`) as pandoc should read it: citations linked as
    `[[id|…]]` references; article, section and chapter headings with their anchors
    (`{#article-3}`, as `generator.core.body` found them, so the DOCX bookmarks are the anchors
    `[[id#article-3]]` names); Material admonitions (`!!! note "Заголовок"` with an indented
    block) as styled divs."""
    if body is None:
        return ""
    lines = cite(corpus, body, self_id).text.replace("\r\n", "\n").split("\n")
    for offset, anchor in body.heading_anchors().items():
        match = _HEADING_LINE.match(lines[offset]) if 0 <= offset < len(lines) else None
        if match:
            lines[offset] = f"{match.group(1)} {{#{anchor}}}"
    if more is not None:  # what the DOCX adds to the text, line by line (each part's history)
        lines = more(lines)
    return "\n".join(rewrite_admonitions(lines)).strip("\n") + "\n"


def rewrite_admonitions(lines: list[str]) -> list[str]:
    """`!!! note "Title"` + indented lines → `::: {custom-style="Note"}` with a bold title.

    >>> rewrite_admonitions(["!!! warning", "    Текст.", "", "Дальше."])
    ['::: {custom-style="Note"}', '**Внимание**', '', 'Текст.', ':::', '', '', 'Дальше.']
    """
    result: list[str] = []
    code = code_lines(lines)  # an example of `!!!` in code is not an admonition
    index = 0
    while index < len(lines):
        line = lines[index]
        match = None if index in code else ADMONITION.match(line)
        if match is None:
            result.append(line)
            index += 1
            continue
        content, index = _indented_block(lines, index + 1, len(match.group("indent")) + 4)
        result.extend(_admonition(match, content))
    return result


def _indented_block(lines: list[str], start: int, indent: int) -> tuple[list[str], int]:
    end = start
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith(" " * indent)):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return [line[indent:] for line in lines[start:end]], end


def _admonition(match: re.Match[str], content: list[str]) -> list[str]:
    pad = match.group("indent")
    kind = match.group("kind").lower()
    title = match.group("title")
    if title is None:
        title = labels.ADMONITION_TITLES.get(kind, kind.capitalize())
    lines = [f'{pad}::: {{custom-style="Note"}}']
    if title.strip():
        lines += [f"{pad}**{escape(title)}**", ""]
    lines += [f"{pad}{line}" if line else "" for line in rewrite_admonitions(content)]
    return [*lines, f"{pad}:::", ""]


def escape(text: str) -> str:
    """Plain text as pandoc Markdown that reads back as the same text, on one line."""
    return _PUNCTUATION.sub(r"\\\1", _SPACE.sub(" ", text).strip())


def referenced(corpus: Corpus, text: str) -> list[str]:
    """The ids of the corpus's documents that `[[…]]` references in `text` name."""
    found = []
    for match in REFERENCE.finditer(text):
        parsed = parse_reference(match.group(1))
        if parsed and corpus.get(parsed[0]) is not None:
            found.append(parsed[0])
    return found
