"""Each part's history in Akoma Ntoso (README: "Versions"): the text of a regulation lists in
`<passiveModifications>` what every amendment that made it did to each article, section and
chapter, and the amending document lists in `<activeModifications>` what it did to the texts it
made. The same facts as the page's «(в ред. …)» notes (`generator.core.history`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from lxml import etree

from generator.core.corpus import Corpus, Edition
from generator.core.history import TextHistory, histories_of
from generator.core.model import Relation
from generator.formats.akn.body import sub
from generator.formats.akn.naming import eids


@dataclass(frozen=True, slots=True)
class Modification:
    """One amendment's change to one part: `insertion` or `substitution` (AKN's types)."""

    kind: str
    by: str  # the amending document
    regulation: str  # the amended one
    start: date  # the text of it the change made
    anchor: str  # the part, by its eId


def passive(history: TextHistory, regulation: str) -> list[Modification]:
    """What the amendments that made a text did to its parts, part by part, oldest first."""
    found = []
    for anchor, part in history.parts.items():
        if part.added_by is not None:
            found.append(Modification("insertion", part.added_by.id, regulation, part.added_by.start, anchor))
        for amendment in part.changed_by:
            found.append(Modification("substitution", amendment.id, regulation, amendment.start, anchor))
    return found


def active(corpus: Corpus, amending: str) -> list[Modification]:
    """What the document `amending` did to the texts it made of the documents it amends."""
    found = []
    for link in corpus.outgoing(amending, Relation.AMENDS):
        for start, history in histories_of(corpus, link.target).items():
            if history.made_by and history.made_by[-1].id == amending:
                found += [change for change in passive(history, link.target) if change.start == start]
    return found


def analysis(
    meta: etree._Element, corpus: Corpus, id_: str, text: Edition, *,
    own: str, work: Callable[[str], str], expression: Callable[[str, date], str],
) -> None:  # fmt: skip
    """`<analysis>` of the document `id_`'s `text` (its work URI `own`), if amendments made it or
    it made others': each change's source is the amending document's `work` URI, its destination
    the part's eId in the changed text (here, or in that text's `expression`)."""
    history = histories_of(corpus, id_).get(text.start)
    passive_ = passive(history, id_) if history else []
    active_ = active(corpus, id_) if text.current else []
    if not passive_ and not active_:
        return
    element = sub(meta, "analysis", source="#regpub")
    elsewhere = lambda change: f"{expression(change.regulation, change.start)}/!main#{_eid(corpus, change)}"  # noqa: E731
    here = lambda change: f"#{_eid(corpus, change)}"  # noqa: E731
    _write(element, "activeModifications", active_, lambda _: own, elsewhere)
    _write(element, "passiveModifications", passive_, lambda change: work(change.by), here)


def _eid(corpus: Corpus, change: Modification) -> str:
    """The changed part's eId in the text the change made."""
    regulation = corpus.regulation(change.regulation)
    texts = corpus.editions(regulation, change.start) if regulation else []
    body = next((text.body for text in texts if text.start == change.start), None)
    return eids(body).get(change.anchor, change.anchor) if body else change.anchor


def _write(
    analysis: etree._Element,
    element: str,
    modifications: list[Modification],
    source: Callable[[Modification], str],
    destination: Callable[[Modification], str],
) -> None:
    """`<passiveModifications>` or `<activeModifications>` with a `<textualMod>` per change."""
    if not modifications:
        return
    listed = sub(analysis, element)
    for number, change in enumerate(modifications, 1):
        mod = sub(listed, "textualMod", type=change.kind, eId=f"{element[0]}mod_{number}")
        sub(mod, "source", href=source(change))
        sub(mod, "destination", href=destination(change))
