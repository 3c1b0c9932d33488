"""A meeting's votes in Akoma Ntoso (README: "Decisions, votes and assignments"): under each
decision in the record «Голосовали: …», a roll call's voters as `<vote>`s naming their choice;
in the debate's analysis a `<voting>` per vote, its `<count>`s by option and the decision's
outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from generator.core import labels
from generator.core.decisions import Decision
from generator.doctypes.decisions import OPTIONS
from generator.formats.akn.body import sub

# What `<voting>` and `<count>` refer to: (eId of the TLCConcept, what it shows).
CONCEPTS = {
    "yes": ("vote-yes", "за"),
    "no": ("vote-no", "против"),
    "abstain": ("vote-abstain", "воздержались"),
    "unanimous": ("vote-unanimous", labels.UNANIMOUS),
    "adopted": ("decision-adopted", "принято"),
    "rejected": ("decision-rejected", labels.REJECTED.rstrip(".").lower()),
}


@dataclass(frozen=True, slots=True)
class Voting:
    """One vote, for the analysis: its eId, the decision's, the result, the counts."""

    eid: str
    decision: str
    result: str
    counts: tuple[tuple[str, str, str], ...]  # (option, eId of its count, value)


def write_vote(
    entry: etree._Element, decision: Decision, eid: str, name: Callable[[str], tuple[str, str]]
) -> Voting:
    """«Голосовали: …» under the decision whose element is `entry` (eId `eid`); `name` gives a
    person's TLC reference and name for a roll call's `<vote by>`."""
    vote = decision.vote
    assert vote is not None
    voting = f"{eid}__voting"
    line = sub(entry, "p", f"{labels.VOTED} ", class_="vote")
    if vote.unanimous:
        line.text = f"{labels.VOTED} {labels.UNANIMOUS}."
        return Voting(voting, eid, decision.result, (("unanimous", f"{voting}__unanimous", "unanimous"),))
    counts = []
    for index, (field, option, word) in enumerate(OPTIONS):
        tally, count = getattr(vote, field), f"{voting}__{option}"
        _append(line, f"{('; ' if vote.roll_call else ', ') if index else ''}«{word}» — ")
        if isinstance(tally, tuple):
            for k, person in enumerate(tally):
                reference, shown = name(person)
                sub(line, "vote", shown, by=reference, choice=f"#{count}").tail = (
                    ", " if k < len(tally) - 1 else None
                )
            counts.append((option, count, str(len(tally))))
            if not tally:
                _append(line, labels.NONE)
        else:
            _append(line, str(tally) if tally else labels.NONE)
            counts.append((option, count, str(tally)))
    _append(line, ".")
    return Voting(voting, eid, decision.result, tuple(counts))


def analysis(meta: etree._Element, votings: list[Voting], concept: Callable[[str], str]) -> None:
    """The debate's `<parliamentary>` analysis; `concept` gives the reference of a TLCConcept
    of `CONCEPTS` (and puts it among the references)."""
    if not votings:
        return
    found = meta.find("analysis")
    parliamentary = sub(
        found if found is not None else sub(meta, "analysis", source="#regpub"), "parliamentary"
    )
    for voting in votings:
        element = sub(
            parliamentary,
            "voting",
            eId=voting.eid,
            outcome=concept(voting.result),
            href=f"#{voting.decision}",
        )
        for option, eid, value in voting.counts:
            sub(element, "count", eId=eid, value=value, refersTo=concept(option))


def _append(element: etree._Element, text: str) -> None:
    """Text after what `element` holds so far."""
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text
