"""What an amendment changed: two texts compared article by article, word by word.

Articles are paired by their anchor (`article-3`); an article that is gone from one number but
reappears, nearly the same, under another is shown as moved rather than as deleted and
inserted. The result is plain data (golden-testable) and renders to HTML with <ins>/<del>.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

from generator.body import HEADING, classify_lines, heading_anchor

_TOKENS = re.compile(r"\s+|[^\s]+")
_MOVED_SIMILARITY = 0.6


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of a text: the preamble, or an article / section / chapter with its heading."""

    anchor: str  # "" for what precedes the first heading
    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # "same", "changed", "inserted", "deleted", "moved"
    old: Part | None
    new: Part | None
    words: tuple[tuple[str, str], ...] = ()  # (op, text): op is "=", "+" or "-"


def split_parts(text: str) -> list[Part]:
    parts: list[Part] = []
    anchor, heading = "", ""
    lines: list[str] = []
    for _, line, is_code in classify_lines(text):
        match = None if is_code else HEADING.match(line)
        found = heading_anchor(match.group(1)) if match else None
        if match and found:
            if anchor or "".join(lines).strip():
                parts.append(Part(anchor, heading, "\n".join(lines).strip()))
            anchor, heading, lines = found, match.group(1), []
        else:
            lines.append(line)
    if anchor or "".join(lines).strip():
        parts.append(Part(anchor, heading, "\n".join(lines).strip()))
    return parts


def compare(old_text: str, new_text: str) -> list[Change]:
    """Changes from `old_text` to `new_text`, in the order of the new text."""
    old_parts, new_parts = split_parts(old_text), split_parts(new_text)
    old_by_anchor = {part.anchor: part for part in old_parts}
    new_anchors = {part.anchor for part in new_parts}
    unmatched_old = [part for part in old_parts if part.anchor not in new_anchors]
    changes: list[Change] = []
    for part in new_parts:
        old = old_by_anchor.get(part.anchor)
        # Same number and same heading is the same article, however much its text changed.
        if old is not None and (old.heading == part.heading or _similar(old, part) >= _MOVED_SIMILARITY / 2):
            changes.append(_pair(old, part))
            continue
        if old is not None:  # same number, another article: the old one moved or is gone
            unmatched_old.append(old)
        moved = max(unmatched_old, key=lambda candidate: _similar(candidate, part), default=None)
        if moved is not None and _similar(moved, part) >= _MOVED_SIMILARITY:
            unmatched_old.remove(moved)
            changes.append(Change("moved", moved, part, _words(moved, part)))
        else:
            changes.append(Change("inserted", None, part))
    # A deleted article is shown where it stood: after what preceded it in the old text.
    for part in sorted(unmatched_old, key=old_parts.index):
        before = old_parts[: old_parts.index(part)]
        positions = [i for i, change in enumerate(changes) if change.old in before]
        changes.insert(max(positions) + 1 if positions else 0, Change("deleted", part, None))
    return changes


def _similar(old: Part, new: Part) -> float:
    return difflib.SequenceMatcher(None, old.text.split(), new.text.split(), autojunk=False).ratio()


def _pair(old: Part, new: Part) -> Change:
    if old.text == new.text and old.heading == new.heading:
        return Change("same", old, new)
    return Change("changed", old, new, _words(old, new))


def _words(old: Part, new: Part) -> tuple[tuple[str, str], ...]:
    before = _TOKENS.findall(f"{old.heading}\n{old.text}")
    after = _TOKENS.findall(f"{new.heading}\n{new.text}")
    result: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            result.append(("=", "".join(before[a1:a2])))
            continue
        if a2 > a1:
            result.append(("-", "".join(before[a1:a2])))
        if b2 > b1:
            result.append(("+", "".join(after[b1:b2])))
    return tuple(result)


_TITLES = {
    "changed": "изменена",
    "inserted": "добавлена",
    "deleted": "исключена",
    "moved": "перенесена",
}


def render_html(changes: list[Change]) -> str:
    """The changes as HTML; unchanged articles are listed by name only."""
    blocks = []
    for change in changes:
        part = change.new or change.old
        assert part is not None
        name = html.escape(part.heading or "Преамбула")
        if change.kind == "same":
            blocks.append(f'<p class="regpub-diff__same">{name} — без изменений</p>')
            continue
        title = _TITLES[change.kind]
        if change.kind == "moved" and change.old and change.new:
            title = f"перенесена: было «{html.escape(change.old.heading)}»"
        if change.words:
            body = "".join(_word_html(op, text) for op, text in change.words)
        else:
            tag = "ins" if change.kind == "inserted" else "del"
            whole = "\n".join(piece for piece in (part.heading, part.text) if piece)
            body = f"<{tag}>{html.escape(whole)}</{tag}>"
        blocks.append(
            f'<section class="regpub-diff__part regpub-diff__part--{change.kind}">'
            f'<h3>{name} <small>({title})</small></h3><div class="regpub-diff__text">{body}</div></section>'
        )
    return "\n".join(blocks)


def _word_html(op: str, text: str) -> str:
    escaped = html.escape(text)
    return {"=": escaped, "+": f"<ins>{escaped}</ins>", "-": f"<del>{escaped}</del>"}[op]
