"""What an amendment changed: one comparison of two texts, shown by the site's "what changed"
page (render/diff.py) and by the DOCX redline (render/redline.py) alike, so the two cannot
disagree.

A text is split into blocks (paragraphs, list items, headings, and opaque runs such as code,
tables and div fences) and the blocks into parts: the preamble, then one part per article,
section or chapter heading. Parts are paired by their anchor (`article-3`); an article that is
gone from one number but reappears, nearly the same, under another is "moved" rather than
deleted and inserted. Within a pair, blocks are paired in order and compared word by word,
with what a change must not split (`[[…]]`, links, emphasis, code) kept whole.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from generator.body import code_lines, heading_anchor

_LIST_ITEM = re.compile(r"^([ \t]*(?:\d{1,9}[.)]|[-*+]|[a-zA-Z][)])[ \t]+)(.*)$")
_QUOTE = re.compile(r"^([ \t]*>[ \t]?)(.*)$")
_HEADING = re.compile(r"^([ \t]*#{1,6}[ \t]+)(.*?)((?:[ \t]+\{#[\w.:-]+\})?)[ \t]*$")
# Lines a change cannot wrap: div fences, tables, footnote definitions, HTML.
_OPAQUE = re.compile(r"^[ \t]*(?::::|\||\+[-=]|\[\^[^\]]*\]:|<)")
# Spaces, punctuation, and words, with what a change must not split kept whole: `[[…]]`,
# links, *emphasis*, **strong**, `code`, escapes.
_WORD = re.compile(
    r"\s+|(?:\[\[.*?\]\]|\[[^\]]*\]\([^)]*\)|\*\*[^*]+?\*\*|\*[^*\s][^*]*?\*|`[^`]*`|\\.|[^\s.,;:!?)»])+|\S"
)
_MOVED_SIMILARITY = 0.6

Words = tuple[tuple[str, str], ...]  # (op, text): op is "=" (kept), "+" (inserted), "-" (deleted)


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
    def words(self) -> list[str]:
        return [word for block in self.blocks[1 if self.anchor else 0 :] for word in block.text.split()]


@dataclass(frozen=True, slots=True)
class Edit:
    """What became of one block: "same", "changed" (see `words`), "inserted" or "deleted"."""

    kind: str
    old: Block | None
    new: Block | None
    words: Words = ()

    @property
    def block(self) -> Block:
        shown = self.new or self.old
        assert shown is not None
        return shown


@dataclass(frozen=True, slots=True)
class Change:
    """What became of one part: "same", "changed", "inserted", "deleted" or "moved"."""

    kind: str
    old: Part | None
    new: Part | None
    edits: tuple[Edit, ...]

    @property
    def part(self) -> Part:
        shown = self.new or self.old
        assert shown is not None
        return shown


def compare(old_text: str, new_text: str) -> list[Change]:
    """Changes from `old_text` to `new_text`, in the order of the new text; a deleted part
    stands after what preceded it in the old one."""
    old_parts, new_parts = split_parts(old_text), split_parts(new_text)
    old_by_anchor = {part.anchor: part for part in old_parts}
    new_anchors = {part.anchor for part in new_parts}
    unmatched = [part for part in old_parts if part.anchor not in new_anchors]
    changes: list[Change] = []
    for part in new_parts:
        old = old_by_anchor.get(part.anchor)
        # Same number and same heading is the same article, however much its text changed.
        if old is not None and (old.heading == part.heading or _similar(old, part) >= _MOVED_SIMILARITY / 2):
            edits = _edits(old, part)
            same = all(edit.kind == "same" for edit in edits)
            changes.append(Change("same" if same else "changed", old, part, edits))
            continue
        if old is not None:  # same number, another article: the old one moved or is gone
            unmatched.append(old)
        moved = max(unmatched, key=lambda candidate: _similar(candidate, part), default=None)
        if moved is not None and _similar(moved, part) >= _MOVED_SIMILARITY:
            unmatched.remove(moved)
            changes.append(Change("moved", moved, part, _edits(moved, part)))
        else:
            changes.append(
                Change("inserted", None, part, tuple(Edit("inserted", None, b) for b in part.blocks))
            )
    for part in sorted(unmatched, key=old_parts.index):
        before = old_parts[: old_parts.index(part)]
        positions = [index for index, change in enumerate(changes) if change.old in before]
        deleted = Change("deleted", part, None, tuple(Edit("deleted", block, None) for block in part.blocks))
        changes.insert(max(positions) + 1 if positions else 0, deleted)
    return changes


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


def compare_words(old: str, new: str) -> Words:
    """`new` as kept, inserted and deleted pieces; spaces at a change's ends are kept pieces.

    >>> compare_words("в работе.", "в работе, в том числе.")
    (('=', 'в работе'), ('+', ', в том числе'), ('=', '.'))
    """
    before, after = _WORD.findall(old), _WORD.findall(new)
    pieces: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if pieces and pieces[-1][0] == op:
            pieces[-1] = (op, pieces[-1][1] + text)
        elif text:
            pieces.append((op, text))

    def changed(op: str, text: str) -> None:
        core = text.strip()
        if not core:  # only spaces: the new text's are kept, the old text's dropped
            if op == "+":
                add("=", text)
            return
        start = text.index(core)
        add("=", text[:start])
        add(op, core)
        add("=", text[start + len(core) :])

    for op, i1, i2, j1, j2 in _joined(difflib.SequenceMatcher(None, before, after, autojunk=False), before):
        if op == "equal":
            add("=", "".join(after[j1:j2]))
            continue
        if i2 > i1:
            changed("-", "".join(before[i1:i2]))
        if j2 > j1:
            changed("+", "".join(after[j1:j2]))
    return tuple(pieces)


def _joined(matcher: difflib.SequenceMatcher[str], before: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The matcher's opcodes, with changes that only a space separates made one change: "со дня
    подписания" → "с 1 января" reads as one deletion and one insertion, not three of each."""
    joined: list[tuple[str, int, int, int, int]] = []
    for opcode in matcher.get_opcodes():
        code = opcode
        if len(joined) >= 2 and code[0] != "equal" and joined[-1][0] == "equal" and joined[-2][0] != "equal":
            _, i1, i2, _, _ = joined[-1]
            if not "".join(before[i1:i2]).strip():
                joined.pop()  # the space, now inside the change
                earlier = joined.pop()
                code = ("replace", earlier[1], code[2], earlier[3], code[4])
        joined.append(code)
    return joined


def _similar(old: Part, new: Part) -> float:
    return difflib.SequenceMatcher(None, old.words, new.words, autojunk=False).ratio()


def _edits(old: Part, new: Part) -> tuple[Edit, ...]:
    """The blocks of two paired parts: equal runs kept, the rest paired in order."""
    edits: list[Edit] = []
    matcher = difflib.SequenceMatcher(
        None, [b.line for b in old.blocks], [b.line for b in new.blocks], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            edits.extend(
                Edit("same", before, after)
                for before, after in zip(old.blocks[i1:i2], new.blocks[j1:j2], strict=True)
            )
            continue
        olds, news = old.blocks[i1:i2], new.blocks[j1:j2]
        for index in range(max(len(olds), len(news))):
            before = olds[index] if index < len(olds) else None
            after = news[index] if index < len(news) else None
            if before is not None and after is not None and not (before.opaque or after.opaque):
                edits.append(Edit("changed", before, after, compare_words(before.text, after.text)))
                continue
            if before is not None:
                edits.append(Edit("deleted", before, None))
            if after is not None:
                edits.append(Edit("inserted", None, after))
    return tuple(edits)
