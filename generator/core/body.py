"""A body's structure, read once when it is loaded: which lines are code, the anchors its
article, section and chapter headings make, its `[[…]]` references, and its problems.

Validation, the page Markdown (site/markdown), the pandoc body (pandoc_markdown), the
citations (citations.py), the comparison of two texts (compare.py) and the XML's numbered
parts (formats/akn/body) all read a body through what is found here, so they agree on what is
code, what is a heading, what its anchor is and how its number is printed.

Why a line scanner and not a Markdown parser: `check` must stay fast at 10,000 documents and
only needs lexical facts. Fenced code (also inside an admonition's indented content, as the
admonition extension reads it) and code spans are skipped, so examples in code are not
mistaken for references, headings or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")  # a code fence's opening or closing line
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_ARTICLE = re.compile(r"Статья[ \t]+(\d+(?:\.\d+)*)\.?(?:\s|$)")
_DIVISION = re.compile(r"(Раздел|Глава)[ \t]+([IVXLCDM]+|\d+)\.?(?:\s|$)")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
REFERENCE = re.compile(r"\[\[([^\[\]]*)\]\]")
_OPEN = re.compile(r"\[\[")
_EMPTY_LINK = re.compile(r"(!?)\[([^\[\]]*)\]\(\s*\)|(!?)\[\s*\]\(([^()\s]*)\)")
# CommonMark raw HTML: an open or closing tag with an ASCII name, or a comment. Autolinks
# (<https://…>) and text such as `a < b` or `<Название>` are not tags.
# A Material admonition: `!!! note "Заголовок"`, `??? note` (collapsible), `???+ note`.
ADMONITION = re.compile(
    r"""^(?P<indent>\ *)(?:!!!|\?\?\?\+?)   # the marker
        [\ \t]+(?P<kind>[\w-]+)(?:[\ \t]+[\w-]+)*  # the type, then extra classes
        (?:[\ \t]+"(?P<title>[^"]*)")?[\ \t]*$      # an optional "title"
    """,
    re.VERBOSE,
)
_HTML = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|!--)")
_LIST_ITEM = re.compile(r"^([ \t]*(?:\d{1,9}[.)]|[-*+]|[a-zA-Z][)])[ \t]+)(.*)$")
_QUOTE = re.compile(r"^([ \t]*>[ \t]?)(.*)$")
_HEADING = re.compile(r"^([ \t]*#{1,6}[ \t]+)(.*?)((?:[ \t]+\{#[\w.:-]+\})?)[ \t]*$")
# Lines a change cannot wrap: div fences, tables, footnote definitions, HTML.
_OPAQUE = re.compile(r"^[ \t]*(?::::|\||\+[-=]|\[\^[^\]]*\]:|<)")
_DIVISION_ANCHOR = {"Раздел": "section", "Глава": "chapter"}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


@dataclass(frozen=True, slots=True)
class InlineRef:
    """A `[[target#anchor|text]]` reference at a body line and column."""

    target: str
    anchor: str | None
    text: str | None
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class BodyProblem:
    code: str
    line: int
    column: int
    message: str


class Mention(NamedTuple):  # a tuple: thousands are read back from the build state on every check
    """A document named by its form and number (and maybe its date) in a line of prose, as
    written, before the corpus is asked which document that is (`generator.core.citations`)."""

    start: int  # character offsets in the line
    end: int
    text: str
    stem: str  # the form's stem (`labels.FORMS`)
    number: str  # normalized (`normalize_number`)
    date: date | None


@dataclass(slots=True, weakref_slot=True, eq=False)  # one body, one identity: cached by it
class Body:
    text: str
    first_line: int
    references: list[InlineRef] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)  # anchor → line
    problems: list[BodyProblem] = field(default_factory=list)
    code: frozenset[int] = frozenset()  # offsets of the lines that are code
    headings: dict[int, int] = field(default_factory=dict)  # offset of a heading's line → its level
    # Offset of a line → the documents it names by form and number; None until found
    # (`generator.core.citations.mentions_of`, when the file is loaded: kept in the build state).
    mentions: dict[int, tuple[Mention, ...]] | None = None

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    def parts(self) -> list[Part]:
        """The preamble, then each article, section and chapter with its blocks.

        >>> body = scan_body("Преамбула.\\n\\n## Статья 1. Предмет\\n\\n1. Первый пункт.\\n", 1)
        >>> [(part.anchor, part.number, [block.text for block in part.blocks]) for part in body.parts()]
        [('', '', ['Преамбула.']), ('article-1', '1', ['Статья 1. Предмет', 'Первый пункт.'])]
        """
        return split_parts(self.text)

    def heading_anchors(self) -> dict[int, str]:
        """Line offset → the anchor its heading makes."""
        return {line - self.first_line: anchor for anchor, line in self.anchors.items()}


def roman_to_int(numeral: str) -> int:
    """The value of a Roman numeral, as section and chapter numbers are written.

    >>> roman_to_int("XIV")
    14
    """
    total = 0
    for current, following in zip(numeral, numeral[1:] + " ", strict=True):
        value = _ROMAN[current]
        total += -value if _ROMAN.get(following, 0) > value else value
    return total


def heading_anchor(title: str) -> str | None:
    """The anchor an article, section or chapter heading makes, e.g. `article-3`."""
    article = _ARTICLE.match(title)
    if article:
        return f"article-{article.group(1)}"
    division = _DIVISION.match(title)
    if division:
        word, number = division.groups()
        value = number if number.isdigit() else str(roman_to_int(number))
        return f"{_DIVISION_ANCHOR[word]}-{value}"
    return None


def heading_number(title: str) -> tuple[str, str] | None:
    """An article's, section's or chapter's number as printed and the words after it (Akoma
    Ntoso's `<num>` and `<heading>`); None for another heading.

    >>> heading_number("Статья 1. Предмет")
    ('Статья 1.', 'Предмет')
    >>> heading_number("Глава IV")
    ('Глава IV', '')
    """
    stripped = title.lstrip()
    match = _ARTICLE.match(stripped) or _DIVISION.match(stripped)
    if match is None:
        return None
    return match.group(0).rstrip(), stripped[match.end() :].lstrip()


def code_lines(lines: Sequence[str]) -> frozenset[int]:
    """The offsets of the lines that are code: fence lines and what they enclose, also inside
    an admonition's indented content (a fence there is indented with the content)."""
    code: set[int] = set()
    _mark_code(lines, 0, len(lines), 0, code)
    return frozenset(code)


def _mark_code(lines: Sequence[str], start: int, end: int, indent: int, code: set[int]) -> None:
    fence: str | None = None
    index = start
    while index < end:
        line = lines[index][indent:]
        opening = FENCE.match(line) if "`" in line or "~" in line else None
        maybe = fence is None and opening is None and ("!!!" in line or "???" in line)
        admonition = ADMONITION.match(line) if maybe else None
        if admonition is not None:
            inner = indent + len(admonition.group("indent")) + 4
            stop = index + 1
            while stop < end and (not lines[stop].strip() or lines[stop].startswith(" " * inner)):
                stop += 1
            _mark_code(lines, index + 1, stop, inner, code)
            index = stop
            continue
        if fence is not None:
            code.add(index)
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
        elif opening:
            fence = opening.group(1)
            code.add(index)
        index += 1


def split_code_spans(line: str) -> list[tuple[str, bool]]:
    """The line as (segment, is_code) pieces, so prose can be changed and code left alone."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _CODE_SPAN.finditer(line):
        pieces.append((line[position : match.start()], False))
        pieces.append((match.group(0), True))
        position = match.end()
    pieces.append((line[position:], False))
    return pieces


def parse_reference(inner: str) -> tuple[str, str | None, str | None] | None:
    """(target, anchor, text) of the inside of `[[…]]`, or None when it is malformed."""
    target, bar, text = inner.partition("|")
    target, hash_sign, anchor = target.strip().partition("#")
    if not target or (hash_sign and not anchor.strip()) or (bar and not text.strip()):
        return None
    return target, anchor.strip() or None, text.strip() or None


def scan_body(text: str, first_line: int) -> Body:
    lines = text.split("\n")
    code = code_lines(lines)
    body = Body(text, first_line, code=code)
    for offset, line in enumerate(lines):
        if offset not in code:
            _scan_line(body, _blank_code_spans(line.rstrip("\r")), first_line + offset)
    return body


def _blank_code_spans(line: str) -> str:
    # Replace code spans by spaces of the same length, so columns stay true.
    if "`" not in line:
        return line
    return _CODE_SPAN.sub(lambda match: " " * len(match.group(0)), line)


def _scan_line(body: Body, line: str, number: int) -> None:
    heading = HEADING.match(line)
    if heading:
        body.headings[number - body.first_line] = len(heading.group(1))
        _add_anchor(body, heading.group(2), number, heading.start(2) + 1)
    if "[[" in line:
        _scan_references(body, line, number)
    if "](" in line:
        for match in _EMPTY_LINK.finditer(line):
            body.problems.append(
                BodyProblem("empty-link", number, match.start() + 1, _empty_link_message(match))
            )
    if "<" in line:
        for match in _HTML.finditer(line):
            shown = match.group(0) if len(match.group(0)) <= 30 else match.group(0)[:27] + "..."
            what = "an HTML comment" if shown == "<!--" else "raw HTML"
            message = f"{what} '{shown}' is not allowed in a body; use Markdown"
            body.problems.append(BodyProblem("raw-html", number, match.start() + 1, message))


def _add_anchor(body: Body, title: str, number: int, column: int) -> None:
    anchor = heading_anchor(title)
    if anchor is None:
        return
    if anchor in body.anchors:
        message = f"heading makes anchor '#{anchor}' again (first on line {body.anchors[anchor]})"
        body.problems.append(BodyProblem("duplicate-anchor", number, column, message))
        return
    body.anchors[anchor] = number


def _scan_references(body: Body, line: str, number: int) -> None:
    starts = set()
    for match in REFERENCE.finditer(line):
        starts.add(match.start())
        column = match.start() + 1
        parsed = parse_reference(match.group(1))
        if parsed is None:
            message = f"malformed reference '{match.group(0)}': write [[id]], [[id|text]] or [[id#anchor]]"
            body.problems.append(BodyProblem("bad-reference", number, column, message))
            continue
        body.references.append(InlineRef(*parsed, number, column))
    for opening in _OPEN.finditer(line):
        if opening.start() not in starts:
            message = "reference '[[' is not closed with ']]' on the same line"
            body.problems.append(BodyProblem("bad-reference", number, opening.start() + 1, message))


def _empty_link_message(match: re.Match[str]) -> str:
    image = (match.group(1) or match.group(3)) == "!"
    what = "image" if image else "link"
    if match.group(4):  # text empty, target present
        return f"{what} has a target but no text; write the text between [ and ]"
    return f"{what} '{match.group(0)}' has no target; remove it or fill in the address"


# The structure: blocks and parts


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, list item or heading (its text, one line, between `prefix` and `suffix`:
    the list marker or heading marks, the `{#anchor}`), or an opaque run of lines that is
    compared and shown whole."""

    prefix: str
    text: str
    suffix: str
    blank_before: bool
    opaque: bool = False

    @property
    def line(self) -> str:
        return f"{self.prefix}{self.text}{self.suffix}"

    @property
    def is_heading(self) -> bool:
        return not self.opaque and self.prefix.lstrip().startswith("#")


@dataclass(frozen=True, slots=True)
class Part:
    """The preamble (anchor "") or an article, section or chapter, its heading first."""

    anchor: str
    blocks: tuple[Block, ...]

    @property
    def heading(self) -> str:
        return self.blocks[0].text if self.anchor else ""

    @property
    def number(self) -> str:
        """The article's, section's or chapter's number as its anchor gives it: `3`, `1.2`."""
        return self.anchor.partition("-")[2]

    @property
    def words(self) -> list[str]:
        return [word for block in self.blocks[1 if self.anchor else 0 :] for word in block.text.split()]


def split_parts(text: str) -> list[Part]:
    """The text's blocks grouped into the preamble and its articles, sections and chapters."""
    groups: list[tuple[str, list[Block]]] = [("", [])]
    for block in split_blocks(text):
        anchor = heading_anchor(block.text) if block.is_heading else None
        if anchor is not None:
            groups.append((anchor, []))
        groups[-1][1].append(block)
    return [Part(anchor, tuple(blocks)) for anchor, blocks in groups if anchor or blocks]


def split_blocks(text: str) -> list[Block]:
    """A body's Markdown as blocks; the continuation lines of a paragraph or item joined."""
    result: list[Block] = []
    current: list[str] = []  # the prefix, then the text lines of the open paragraph or item
    blank = False
    lines = text.replace("\r\n", "\n").split("\n")
    code_at = code_lines(lines)
    code: list[str] = []  # the lines of the open run of code

    def close() -> None:
        nonlocal blank
        if current:
            prefix, *texts = current
            result.append(Block(prefix, " ".join(line.strip() for line in texts), "", blank))
            current.clear()
            blank = False

    for index, line in enumerate(lines):
        if index in code_at:
            close()
            code.append(line)
            continue
        if code:  # the run of code ended: one opaque block
            result.append(Block("", "\n".join(code), "", blank, opaque=True))
            code, blank = [], False
        if not line.strip():
            close()
            blank = True
            continue
        heading = _HEADING.match(line)
        item = _LIST_ITEM.match(line) or _QUOTE.match(line)
        if _OPAQUE.match(line):
            close()
            result.append(Block("", line, "", blank, opaque=True))
            blank = False
        elif heading:
            close()
            result.append(Block(heading.group(1), heading.group(2), heading.group(3), blank))
            blank = False
        elif item:
            close()
            current.extend([item.group(1), item.group(2)])
        elif current:
            current.append(line)
        else:
            current.extend([line[: len(line) - len(line.lstrip())], line])
    if code:
        result.append(Block("", "\n".join(code), "", blank, opaque=True))
    close()
    return result
