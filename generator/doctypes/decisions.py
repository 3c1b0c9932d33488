"""A meeting's decisions as its page, its open data and its protocol show them (README:
"Decisions, votes and assignments"): the vote as Popolo's VoteEvent and as the protocol words it
(«ГОЛОСОВАЛИ: «за» — 12, «против» — нет, «воздержались» — 1»), the assignment with its control
status."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from generator.core import labels
from generator.core.corpus import Link
from generator.core.decisions import Decision, Vote
from generator.core.model import Kind, Meeting, Relation
from generator.core.russian import long_date
from generator.core.urls import page_path
from generator.doctypes.records import (
    Assignment,
    AssignmentRow,
    ControlStatus,
    PersonVote,
    RollCallVote,
    VoteCount,
    VoteEvent,
)
from generator.doctypes.records import ControlFacts as ControlFactsRecord
from generator.doctypes.records import Decision as DecisionRecord

if TYPE_CHECKING:
    from generator.site.context import PageContexts

# The options of a vote: (field, Popolo's option, the protocol's word).
OPTIONS = (("for_", "yes", "за"), ("against", "no", "против"), ("abstained", "abstain", "воздержались"))


def decision_records(
    pages: PageContexts, number: int, decisions: tuple[Decision, ...]
) -> list[DecisionRecord]:
    """The decisions of the agenda item `number`, numbered 2.1., 2.2. as the protocol numbers them."""
    shown = []
    for k, decision in enumerate(decisions, 1):
        extra: dict[str, VoteEvent | Assignment] = {}  # absent, not null, where there is none
        if decision.vote is not None:
            extra["vote"] = _vote(pages, decision)
        if decision.is_assignment:
            extra["assignment"] = _assignment(pages, decision)
        shown.append(
            DecisionRecord(number=f"{number}.{k}.", text=decision.text, result=decision.result, **extra)
        )
    return shown


def vote_summary(vote: Vote) -> str:
    """«за» — 12, «против» — нет, «воздержались» — 1; «единогласно»."""
    if vote.unanimous:
        return labels.UNANIMOUS
    shown = []
    for field, _, word in OPTIONS:
        tally = getattr(vote, field)
        count = len(tally) if isinstance(tally, tuple) else tally
        shown.append(f"«{word}» — {count or labels.NONE}")
    return ", ".join(shown)


def control_record(decision: Decision, as_of: date) -> ControlStatus:
    facts = decision.control
    status = facts.on(as_of)
    return ControlStatus(
        code=status.value,
        label=status.label,
        text=facts.wording(as_of),
        facts=ControlFactsRecord.model_validate(facts.shown()),
    )


def assignment_line(names: list[str], decision: Decision) -> str:
    """«Ответственные: …. Срок — до 31 марта 2021 г.», as the protocol prints it."""
    parts = [f"{labels.ASSIGNEES} {', '.join(names)}."] if names else []
    if decision.due is not None:
        parts.append(f"{labels.DUE} {long_date(decision.due)}")
    return " ".join(parts)


def _vote(pages: PageContexts, decision: Decision) -> VoteEvent:
    vote = decision.vote
    assert vote is not None
    counts, votes = [], []
    for field, option, _ in OPTIONS:
        tally = getattr(vote, field)
        if isinstance(tally, tuple):
            votes += [PersonVote(voter=pages.ref(person), option=option) for person in tally]
        if not vote.unanimous:
            counts.append(VoteCount(option=option, value=len(tally) if isinstance(tally, tuple) else tally))
    return VoteEvent(
        motion=decision.text,
        result="pass" if decision.result == "adopted" else "fail",
        unanimous=vote.unanimous,
        counts=counts,
        votes=votes,
        summary=vote_summary(vote),
    )


def _assignment(pages: PageContexts, decision: Decision) -> Assignment:
    done = decision.done
    return Assignment(
        assignees=pages.refs(decision.assignees),
        due=long_date(decision.due) if decision.due else None,
        due_iso=decision.due.isoformat() if decision.due else None,
        done=long_date(done.on) if done else None,
        done_iso=done.on.isoformat() if done else None,
        report=pages.ref(done.report) if done and done.report and done.report in pages.corpus.by_id else None,
        control=control_record(decision, pages.as_of),
    )


# Assignments and votes of the whole corpus, and of one assignee or voter


def assignment_rows(pages: PageContexts, links: list[Link] | None = None) -> list[AssignmentRow]:
    """Every assignment (or those the links `agenda[i].decisions[j].assignees[k]` name),
    overdue first (as of the build's date), then by deadline; one row per decision."""
    corpus = pages.corpus
    if links is None:
        places = [
            (meeting, i, j)
            for meeting in corpus.records(Meeting)
            for i, item in enumerate(meeting.agenda)
            for j, decision in enumerate(item.decisions)
            if decision.is_assignment
        ]
    else:
        places = [
            (cast(Meeting, corpus.by_id[link.origin].record), int(link.key[1]), int(link.key[3]))
            for link in links
        ]
    rows = []
    for meeting, i, j in dict.fromkeys(places):
        item, decision = meeting.agenda[i], meeting.agenda[i].decisions[j]
        rows.append(
            AssignmentRow(
                meeting=pages.ref(meeting.id),
                item=f"{i + 1}. {item.title}",
                number=f"{i + 1}.{j + 1}.",
                url=f"{page_path(Kind.MEETING, meeting.id)}#decision-{i + 1}-{j + 1}",
                text=decision.text,
                assignment=_assignment(pages, decision),
            )
        )
    rows.sort(key=lambda row: (row.meeting.date_iso or "", row.number))
    rows.sort(key=lambda row: (row.assignment.control.code != "overdue", row.assignment.due_iso or "9999"))
    return rows


def votes_of(pages: PageContexts, id_: str) -> list[RollCallVote]:
    """How the person `id_` voted in roll calls, newest meeting first."""
    corpus, votes = pages.corpus, []
    options = {"for": "yes", "against": "no", "abstained": "abstain"}
    for link in corpus.incoming(id_, Relation.VOTER):
        meeting = cast(Meeting, corpus.by_id[link.origin].record)
        i, j = int(link.key[1]), int(link.key[3])
        votes.append(
            RollCallVote(
                meeting=pages.ref(meeting.id),
                number=f"{i + 1}.{j + 1}.",
                url=f"{page_path(Kind.MEETING, meeting.id)}#decision-{i + 1}-{j + 1}",
                text=meeting.agenda[i].decisions[j].text,
                option=options[str(link.key[5])],
            )
        )
    return sorted(votes, key=lambda vote: (vote.meeting.date_iso or "", vote.number), reverse=True)
