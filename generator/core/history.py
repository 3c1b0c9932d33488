"""Each part's history (README: "Versions"): which amendments changed or added each article,
section and chapter of a regulation's text, as Russian consolidated texts say it after the part
(«(в ред. решения от 10.06.2020 № 31/4)», «(введена решением от …)») and under the title
(«(в ред. решений от …, от …)»).

It is read off the comparison of consecutive texts that the "what changed" page and the redline
DOCX show (`generator.core.compare`), not a second one.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from generator.core import labels
from generator.core.body import Body
from generator.core.compare import compare
from generator.core.corpus import Corpus, Edition
from generator.core.model import Regulation
from generator.core.pandoc_markdown import body_markdown
from generator.core.reads import Reads, memo


@dataclass(frozen=True, slots=True)
class Amendment:
    """An amending document as a consolidated text names it, and the text it made."""

    id: str
    form: str
    day: date  # its date
    number: str | None
    start: date  # the day the text it made applies from


@dataclass(frozen=True, slots=True)
class PartHistory:
    """What made a part of one text what it is, oldest first."""

    added_by: Amendment | None  # the amendment that added the part, if one did
    changed_by: tuple[Amendment, ...]  # the amendments that changed it since


@dataclass(frozen=True, slots=True)
class TextHistory:
    """One text's history: the amendments that made it, and each part's (by anchor)."""

    made_by: tuple[Amendment, ...]
    parts: Mapping[str, PartHistory]


def text_histories(corpus: Corpus, regulation: Regulation) -> dict[date, TextHistory]:
    """Each text of the regulation (by the day it applies from) with its history."""
    texts = corpus.editions(regulation, regulation.date)
    histories = {texts[0].start: TextHistory((), {})}
    made_by: tuple[Amendment, ...] = ()
    parts: dict[str, PartHistory] = {}
    for old, new in pairwise(texts):
        amendment = _amendment(corpus, new)
        if amendment is not None:
            made_by = (*made_by, amendment)
            # The texts as the changes page and the redline compare them (the comparison is cached).
            before, after = (body_markdown(corpus, text.body, regulation.id) for text in (old, new))
            parts = _after(parts, before, after, amendment)
        histories[new.start] = TextHistory(made_by, parts)
    return histories


def _amendment(corpus: Corpus, text: Edition) -> Amendment | None:
    amending = corpus.regulation(text.by) if text.by else None
    if amending is None:
        return None
    return Amendment(amending.id, amending.form, amending.date, amending.number, text.start)


def _after(parts: dict[str, PartHistory], old: str, new: str, amendment: Amendment) -> dict[str, PartHistory]:
    """The parts' histories once `amendment` changed the text `old` into `new`."""
    result: dict[str, PartHistory] = {}
    for change in compare(old, new):
        if change.new is None or not change.new.anchor:  # gone, or the preamble
            continue
        before = parts.get(change.old.anchor) if change.old else None
        before = before or PartHistory(None, ())
        if change.kind == "inserted":
            result[change.new.anchor] = PartHistory(amendment, ())
        elif change.kind in ("changed", "moved"):
            result[change.new.anchor] = PartHistory(before.added_by, (*before.changed_by, amendment))
        elif before.added_by or before.changed_by:
            result[change.new.anchor] = before
    return result


# How the notes are worded

Link = Callable[[Amendment], str | None]  # where a mention of an amendment links to, if anywhere
Segment = tuple[str, str | None]  # text, and the address it links to


def part_note(anchor: str, history: PartHistory, link: Link) -> list[Segment]:
    """«(введена решением от 10.06.2020 № 31/4; в ред. решения от …)», in linkable pieces."""
    segments: list[Segment] = [("(", None)]
    if history.added_by is not None:
        added = labels.ADDED_MASCULINE if anchor.startswith("section-") else labels.ADDED_FEMININE
        segments += [(f"{added} ", None), (_named(history.added_by, 2), link(history.added_by))]
        if history.changed_by:
            segments.append(("; ", None))
    if history.changed_by:
        segments += [(f"{labels.AS_AMENDED} ", None), *_listed(history.changed_by, link)]
    return [*segments, (")", None)]


def title_note(history: TextHistory, link: Link) -> list[Segment]:
    """«(в ред. решений от 10.06.2020 № 31/4, от …)»: the amendments that made the text."""
    return [("(", None), (f"{labels.AS_AMENDED} ", None), *_listed(history.made_by, link), (")", None)]


def _listed(amendments: Sequence[Amendment], link: Link) -> list[Segment]:
    """Amendments in the genitive, one form named once when they share it: «решений от …, от …»."""
    shared = len({amendment.form for amendment in amendments}) == 1 and len(amendments) > 1
    segments: list[Segment] = []
    for index, amendment in enumerate(amendments):
        if index:
            segments.append((", ", None))
        named = _named(amendment, 1 if shared else 0) if index == 0 or not shared else _dated(amendment)
        segments.append((named, link(amendment)))
    return segments


def _named(amendment: Amendment, case: int) -> str:
    """The amendment's form in `case` (0 genitive, 1 genitive plural, 2 instrumental), its date
    and number: «решения от 10.06.2020 № 31/4»."""
    forms = labels.FORM_CASES.get(amendment.form.strip(), labels.DOCUMENT_CASES)
    return f"{forms[case]} {_dated(amendment)}"


def _dated(amendment: Amendment) -> str:
    number = f" № {amendment.number}" if amendment.number else ""
    return f"от {amendment.day:%d.%m.%Y}{number}"


def annotate(
    lines: list[str],
    body: Body,
    history: TextHistory,
    part: Callable[[str, PartHistory], str],
    title: Callable[[TextHistory], str],
) -> list[str]:
    """The body's lines (one per line of its text, as `generator.core.citations.cite` leaves
    them) with the history written in: `title(history)` first, when amendments made the text,
    and `part(anchor, …)` after each part they changed or added."""
    lines = list(lines)
    for anchor, end in _part_ends(body, len(lines)).items():
        if (shown := history.parts.get(anchor)) is not None:
            lines[end] = f"{lines[end]}\n\n{part(anchor, shown)}"
    if history.made_by and lines:
        lines[0] = f"{title(history)}\n\n{lines[0]}"
    return lines


def _part_ends(body: Body, count: int) -> dict[str, int]:
    """The last line that is not blank of each article, section and chapter, by anchor."""
    texts = body.text.replace("\r\n", "\n").split("\n")
    starts = sorted(body.heading_anchors().items())
    ends: dict[str, int] = {}
    followers = [line for line, _ in starts[1:]] + [count]
    for (start, anchor), following in zip(starts, followers[: len(starts)], strict=True):
        end = following - 1
        while end > start and not texts[end].strip():
            end -= 1
        ends[anchor] = end
    return ends


# A regulation's page, its earlier texts' pages and their DOCX ask in turn; kept while the
# corpus lives (the preview reads a new one on every save).
_KNOWN: weakref.WeakKeyDictionary[Corpus, dict[str, tuple[dict[date, TextHistory], Reads]]] = (
    weakref.WeakKeyDictionary()
)


def histories_of(corpus: Corpus, id_: str) -> dict[date, TextHistory]:
    """`text_histories` of the regulation `id_` (none for another record)."""

    def make() -> dict[date, TextHistory]:
        regulation = corpus.regulation(id_)
        return text_histories(corpus, regulation) if regulation is not None else {}

    return memo(_KNOWN.setdefault(corpus, {}), id_, make)
