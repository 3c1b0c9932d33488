"""A meeting (заседание) and its protocol: its page, its checks and its DOCX frame."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, Any

from generator.core import labels
from generator.core.decisions import Decision
from generator.core.fields import label
from generator.core.frontmatter import Key
from generator.core.model import Kind, Meeting, Relation
from generator.core.pandoc_markdown import escape
from generator.core.urls import RecordUrls
from generator.doctypes.decisions import OPTIONS, assignment_line, decision_records, vote_summary
from generator.doctypes.frame import (
    GAP,
    Frame,
    Names,
    Signature,
    date_line,
    div,
    lower_first,
    sentence,
    signatures,
    styled,
)
from generator.doctypes.records import AgendaItem, Photo, Speaker
from generator.doctypes.records import Meeting as MeetingPage
from generator.doctypes.sections import RECORD, sections

if TYPE_CHECKING:
    from generator.core.corpus import Corpus, Entry
    from generator.core.diagnostics import Report
    from generator.site.context import PageContexts

__all__ = ["Meeting", "check", "form", "frame", "page", "photos", "ref", "signed"]


def skeleton(form: str | None, issued_by: str, person: str) -> tuple[list[str], list[str]]:
    """What `regpub new meeting` writes: the fields after id, type, title and date; the body."""
    fields = [
        f"organizers: {issued_by}",
        f"chairs: []  # TODO: person ids from people.yml, e.g. [{person}]",
        "# secretary: person-id",
        "# attendees: [person-id, person-id]",
        "# invited: [person-id]  # приглашённые",
        "# agenda:",
        "#   - title: Вопрос повестки дня",
        "#     speakers: [{person: person-id, summary: Краткое содержание выступления}]",
        "#     decisions:",
        "#       - Что постановили",
        "#       - text: Поручить подготовить обзор.",
        "#         vote: {for: 12, against: 0, abstained: 1}  # или unanimous, или списки person-id",
        "#         assignees: [person-id]  # или organization-id",
        "#         due: YYYY-MM-DD",
        "#         # done: {on: YYYY-MM-DD, report: document-id}",
        "#     documents: [regulation-id]",
    ]
    return fields, ["Ход заседания."]


def ref(pages: PageContexts, record: Meeting) -> dict[str, Any]:
    return {"form": labels.MEETING_FORM}


def form(record: Meeting) -> str:
    return labels.PROTOCOL


def signed(record: Meeting) -> list[Signature]:
    """The protocol's signatures: the chairs, then the secretary."""
    rows: list[Signature] = [(id_, labels.CHAIR, None) for id_ in record.chairs]
    return rows + [(id_, labels.SECRETARY, None) for id_ in [record.secretary] if id_]


def photos(record: Meeting) -> tuple[str, ...]:
    return tuple(photo.file for photo in record.photos)


def page(pages: PageContexts, entry: Entry, record: Meeting) -> MeetingPage:
    adopted = [link.origin for link in pages.corpus.incoming(record.id, Relation.ADOPTED_AT)]
    adopted += [document for item in record.agenda for document in item.documents]
    urls = RecordUrls(Kind.MEETING, entry.id)
    agenda = [
        AgendaItem(
            title=item.title,
            speakers=[
                Speaker(person=pages.ref(speaker.person), summary=speaker.summary)
                for speaker in item.speakers
            ],
            decisions=decision_records(pages, n, item.decisions),
            documents=pages.refs(item.documents),
        )
        for n, item in enumerate(record.agenda, 1)
    ]
    photos = [
        Photo(file=urls.photo(photo.file), caption=photo.caption, credit=photo.credit)
        for photo in record.photos
    ]
    adopted_here = pages.documents(adopted)
    relations = pages.groups(entry, labels.MEETING_RELATIONS)
    return MeetingPage(
        **pages.document(entry, record),
        **ref(pages, record),
        organizers=pages.refs(record.organizers),
        chairs=pages.refs(record.chairs),
        secretary=pages.ref(record.secretary) if record.secretary else None,
        attendees=pages.refs(record.attendees),
        invited=pages.refs(record.invited),
        agenda=agenda,
        photos=photos,
        adopted=adopted_here,
        relations=relations,
        sections=sections(
            ("agenda", agenda),
            ("adopted", adopted_here),
            (RECORD, entry.body is not None and not entry.body.is_empty),
            ("photos", photos),
            ("relations", relations),
        ),
    )


def _decision_lines(names: Names, n: int, k: int, decision: Decision) -> list[str]:
    """A decision in the protocol: its text, «Голосовали: …» (by name for a roll call), «Решение
    не принято.», «Ответственные: …. Срок — до …»."""
    lines = [f"{n}.{k}. {sentence(decision.text)}"]
    vote = decision.vote
    if vote is not None and vote.roll_call:
        named = []
        for field, _, word in OPTIONS:
            tally = getattr(vote, field)
            people = ", ".join(names.name(person) for person in tally) if isinstance(tally, tuple) else ""
            named.append(f"«{word}» — {people or labels.NONE}")
        lines.append(f"{labels.VOTED} {'; '.join(named)}.")
    elif vote is not None:
        lines.append(f"{labels.VOTED} {vote_summary(vote)}.")
    if decision.result == "rejected":
        lines.append(labels.REJECTED)
    if decision.is_assignment:
        lines.append(assignment_line([names.name(id_) for id_ in decision.assignees], decision))
    return lines


def check_decision(entry: Entry, meeting: Meeting, decision: Decision, key: Key, report: Report) -> None:
    """README: "Decisions, votes and assignments": what a schema cannot say of one decision
    (ids are checked with every other link)."""
    vote = decision.vote
    if vote is not None and not vote.unanimous:
        _check_vote(entry, meeting, decision, key, report)
    for field, day in (("due", decision.due), ("done", decision.done.on if decision.done else None)):
        if day is not None and day < meeting.date:
            where = (*key, field) if field == "due" else (*key, "done", "on")
            message = f"{label(where)} ({day}) is before the meeting ({meeting.date})"
            report.add("decision-date", entry.locate(where), message)
    if decision.due is not None and not decision.assignees:
        message = f"{label((*key, 'due'))} is set but nobody is assigned; add assignees"
        report.add("due-without-assignees", entry.locate((*key, "due"), at_key=True), message)


def _check_vote(entry: Entry, meeting: Meeting, decision: Decision, key: Key, report: Report) -> None:
    assert decision.vote is not None
    tallies = {
        "for": decision.vote.for_,
        "against": decision.vote.against,
        "abstained": decision.vote.abstained,
    }
    counts = {option: len(tally) if isinstance(tally, tuple) else tally for option, tally in tallies.items()}
    present = meeting.participants
    seen: dict[str, str] = {}
    for option, tally in tallies.items():
        for k, person in enumerate(tally if isinstance(tally, tuple) else ()):
            where = entry.locate((*key, "vote", option, k))
            if person in seen:
                message = f"'{person}' voted both '{seen[person]}' and '{option}'"
                report.add("vote-twice", where, message)
            seen.setdefault(person, option)
            if person not in present:
                message = f"voter '{person}' is not among the meeting's chairs, secretary or attendees"
                report.add("voter-not-present", where, message)
    voted = sum(counts.values())
    if voted > len(present):
        message = f"{voted} votes, but the meeting lists {len(present)} participants"
        report.add("vote-over-participants", entry.locate((*key, "vote"), at_key=True), message)
    adopted = decision.result == "adopted"
    if adopted == (counts["for"] <= counts["against"]):
        shown = f"«за» {counts['for']}, «против» {counts['against']}"
        message = f"the decision is {decision.result}, but the vote is {shown}; check result or the vote"
        report.add("vote-result", entry.locate((*key, "vote"), at_key=True), message)


def check(corpus: Corpus, entry: Entry, meeting: Meeting, as_of: date, report: Report) -> None:
    present = meeting.participants
    for i, item in enumerate(meeting.agenda):
        for j, speaker in enumerate(item.speakers):
            if speaker.person not in present:
                message = (
                    f"speaker '{speaker.person}' is not among the meeting's chairs, secretary "
                    "or attendees; add them to attendees"
                )
                where = entry.locate(("agenda", i, "speakers", j, "person"))
                report.add("speaker-not-participant", where, message)
    for i, item in enumerate(meeting.agenda):
        for j, decision in enumerate(item.decisions):
            check_decision(entry, meeting, decision, ("agenda", i, "decisions", j), report)
    for i, photo in enumerate(meeting.photos):
        _check_photo(corpus.root, entry, photo.file, ("photos", i, "file"), report)


def _check_photo(root: Path, entry: Entry, file: str, key: Key, report: Report) -> None:
    where = entry.locate(key)
    # Judge paths the same on every OS: a drive letter or a leading slash is absolute, and a
    # backslash separates folders, as editors on Windows write them.
    path = file.replace("\\", "/")
    if path.startswith("/") or PureWindowsPath(path).drive:
        report.add(
            "photo-outside-root",
            where,
            f"photo '{file}' is an absolute path; give it relative to the document",
        )
        return
    target = entry.path.parent / path
    real_root = os.path.realpath(root)
    real_target = os.path.realpath(target)
    if os.path.commonpath([real_root, real_target]) != real_root:
        report.add("photo-outside-root", where, f"photo '{file}' is outside the content root '{root}'")
        return
    if not os.path.isfile(real_target):
        shown = os.path.normpath(target)
        report.add("photo-missing", where, f"photo '{file}' does not exist (looked for {shown})")


def frame(names: Names, record: Meeting, status: str | None, edition: str | None) -> Frame:
    """The protocol: organizers, ПРОТОКОЛ, date, place, title (GOST R 7.0.97-2016), who was
    present, the agenda with what was heard and decided; the chairs' and secretary's
    signatures at the end."""
    blocks = [
        styled("Issuer", *(names.name(id_).upper() for id_ in record.organizers)),
        styled("Document Form", labels.PROTOCOL_FORM),
        date_line(record.date, None),
    ]
    if record.place:
        blocks.append(styled("Document Place", record.place))
    blocks += [
        styled("Document Title", record.title),
        GAP,
        _attendance(names, record),
        *_agenda(names, record),
        GAP,
    ]
    rows = [(labels.CHAIR, names.signature(id_)) for id_ in record.chairs]
    if record.secretary:
        rows.append((labels.SECRETARY, names.signature(record.secretary)))
    tail = signatures(rows)
    return Frame("\n".join(blocks), tail, labels.PROTOCOL, [names.name(id_) for id_ in record.organizers])


def _attendance(names: Names, record: Meeting) -> str:
    chairs = ", ".join(names.name(id_) for id_ in record.chairs)
    lines = [f"{labels.CHAIRS if len(record.chairs) > 1 else labels.CHAIR} — {chairs}"]
    if record.secretary:
        lines.append(f"{labels.SECRETARY} — {names.name(record.secretary)}")
    if record.attendees:
        lines.append(f"{labels.PRESENT}: " + ", ".join(names.name(id_) for id_ in record.attendees))
    if record.invited:
        lines.append(f"{labels.INVITED}: " + ", ".join(names.name(id_) for id_ in record.invited))
    return styled("Protocol Entry", *(sentence(line) for line in lines))


def _agenda(names: Names, record: Meeting) -> list[str]:
    """ПОВЕСТКА ДНЯ, then for each item СЛУШАЛИ, ВЫСТУПИЛИ, ПОСТАНОВИЛИ (GOST R 7.0.97 protocol)."""
    if not record.agenda:
        return []
    items = (f"{n}. {sentence(item.title)}" for n, item in enumerate(record.agenda, 1))
    blocks = [styled("Protocol Heading", labels.AGENDA), styled("Body Text", *items)]
    for n, item in enumerate(record.agenda, 1):
        blocks += [
            styled("Protocol Heading", labels.HEARD.format(n=n)),
            styled("Body Text", sentence(item.title)),
        ]
        if item.speakers:
            speeches = [
                " — ".join(filter(None, (names.name(s.person), lower_first(s.summary or ""))))
                for s in item.speakers
            ]
            blocks += [styled("Protocol Heading", labels.SPOKE), styled("Body Text", *speeches)]
        if item.decisions:
            decisions = [
                line for k, d in enumerate(item.decisions, 1) for line in _decision_lines(names, n, k, d)
            ]
            blocks += [styled("Protocol Heading", labels.DECIDED), styled("Body Text", *decisions)]
        if item.documents:
            label = labels.ADOPTED_ONE if len(item.documents) == 1 else labels.ADOPTED_MANY
            titles = "; ".join(names.refer(id_) for id_ in item.documents)
            blocks.append(div("Body Text", [f"{escape(label)} {titles}\\."]))
    return blocks
