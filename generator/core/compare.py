"""What an amendment changed: one comparison of two texts, shown by the site's "what changed"
page (site/changes.py) and by the DOCX redline (formats/docx/redline.py) alike, so the two cannot
disagree.

A text is split into its parts (`generator.core.body.split_parts`: the preamble, then one part per
article, section or chapter heading, each a run of blocks). Parts are paired by their anchor
(`article-3`); an article that is gone from one number but reappears, nearly the same, under
another is "moved" rather than deleted and inserted. Within a pair, blocks are paired in
order and compared word by word, with what a change must not split (`[[…]]`, links,
emphasis, code) kept whole.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from generator.core.body import Block, Part, split_parts

# Spaces, punctuation, and words, with what a change must not split kept whole: `[[…]]`,
# links, *emphasis*, **strong**, `code`, escapes.
_WORD = re.compile(
    r"\s+|(?:\[\[.*?\]\]|\[[^\]]*\]\([^)]*\)|\*\*[^*]+?\*\*|\*[^*\s][^*]*?\*|`[^`]*`|\\.|[^\s.,;:!?)»])+|\S"
)
_MOVED_SIMILARITY = 0.6

Words = tuple[tuple[str, str], ...]  # (op, text): op is "=" (kept), "+" (inserted), "-" (deleted)


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


@lru_cache(maxsize=64)  # the changes page and each part's history ask for the same comparison
def compare(old_text: str, new_text: str) -> tuple[Change, ...]:
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
    return tuple(changes)


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
