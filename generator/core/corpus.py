"""The linked corpus: every record by id, both directions of every relation, status on a date."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar, cast

from generator.core import labels
from generator.core.body import Body
from generator.core.diagnostics import Location
from generator.core.frontmatter import Key, LocatedYaml
from generator.core.model import (
    AnyRecord,
    Document,
    Kind,
    Meeting,
    Organization,
    Person,
    Regulation,
    Relation,
    VersionFile,
)
from generator.core.reads import NotedIds, Walked, note_links, note_versions
from generator.core.russian import long_date
from generator.core.status import Status, StatusFacts

R = TypeVar("R", Regulation, Meeting, Person, Organization)


@dataclass(slots=True)
class Entry:
    """One record as loaded: `record` is None when its fields failed validation."""

    id: str
    kind: Kind | None
    record: AnyRecord | None
    source: LocatedYaml
    key: Key = ()  # where the record's fields sit in `source` (an index in a registry)
    body: Body | None = None
    complete: bool = True  # False when some fields failed and were left out of `record`

    @property
    def path(self) -> Path:
        return self.source.path

    def locate(self, key: Key = (), *, at_key: bool = False) -> Location:
        return self.source.locate((*self.key, *key), at_key=at_key)


@dataclass(slots=True)
class VersionText:
    """An earlier text of a regulation, from a file with `version_of` (README: "Versions")."""

    record: VersionFile | None  # None when its fields failed validation
    source: LocatedYaml
    body: Body
    complete: bool = True

    @property
    def path(self) -> Path:
        return self.source.path

    def locate(self, key: Key = (), *, at_key: bool = False) -> Location:
        return self.source.locate(key, at_key=at_key)


@dataclass(frozen=True, slots=True)
class Edition:
    """One text of a regulation (README: "Versions"): an earlier one from a version file, or the
    current one."""

    start: date
    by: str | None
    note: str | None
    body: Body | None
    current: bool
    in_force: bool  # the text in force as of the date asked, while the document is in force

    @property
    def label(self) -> str:
        """`Редакция от 1 января 2021 г. (недействующая)`: how documents name it."""
        state = labels.EDITION_IN_FORCE if self.in_force else labels.EDITION_NOT_IN_FORCE
        return labels.EDITION.format(date=long_date(self.start), state=state)


@dataclass(frozen=True, slots=True)
class Link:
    """A reference written in a record (`origin`): a field value or a `[[…]]` in the body."""

    origin: str  # the id of the record that names `target`
    relation: Relation
    target: str
    key: Key = ()  # the field holding it; empty for body references
    line: int = 0  # body references only
    column: int = 0
    anchor: str | None = None


def links_of(entry: Entry) -> Iterator[Link]:
    """Every reference the entry writes, with where it is written."""
    record = entry.record
    if record is not None:
        for relation, target, key in record.links():
            yield Link(entry.id, relation, target, key)
    if entry.body is not None:
        for ref in entry.body.references:
            yield Link(entry.id, Relation.REFERENCES, ref.target, (), ref.line, ref.column, ref.anchor)


def _version_order(text: VersionText) -> tuple[str, str]:
    record = text.record
    return (record.version.from_.isoformat() if record else "", str(text.path))


class Corpus:
    """All records of a content root, linked.

    The first record with an id owns it; later ones are kept in `duplicates` for the report.
    Only links whose target exists become edges, so pages never show dangling relations.
    """

    def __init__(self, root: Path, entries: list[Entry], versions: list[VersionText] | None = None) -> None:
        self.root = root
        # Reading the corpus while an output is made is noted (`generator.core.reads`): the
        # lookups below, walking `entries`, `links` or `version_texts`, asking for links.
        self.version_texts = Walked(versions or [])
        # Earlier texts by the regulation they belong to, oldest first (`earlier`).
        self._versions: dict[str, list[VersionText]] = defaultdict(list)
        for text in sorted(self.version_texts, key=_version_order):
            if text.record is not None:
                self._versions[text.record.version_of].append(text)
        self.entries: list[Entry] = Walked()
        self.duplicates: list[tuple[Entry, Entry]] = []  # (later, first)
        self.by_id: dict[str, Entry] = NotedIds()
        for entry in entries:
            first = self.by_id.get(entry.id)
            if first is None:
                self.by_id[entry.id] = entry
                self.entries.append(entry)
            else:
                self.duplicates.append((entry, first))
        self.links: list[Link] = Walked(link for entry in self.entries for link in links_of(entry))
        self._outgoing: dict[str, list[Link]] = defaultdict(list)
        self._incoming: dict[str, list[Link]] = defaultdict(list)
        for link in self.links:
            if link.target in self.by_id:
                self._outgoing[link.origin].append(link)
                self._incoming[link.target].append(link)
        self._field_rows: dict[str, str] = {}

    def facts_around(self, id_: str) -> str:
        """The digest of what an output about the record `id_` may show of the corpus: its own
        fields and its earlier texts', every link from and to it (a body's `[[…]]` by what it
        names, not where) and the fields of the records at their other ends, and one step
        further the same way (the organization of a person a meeting names; what supersedes a
        document that amends this one, which decides whether the amendment is in force)."""
        fields = self._fields
        rows = [fields(id_)]
        rows += [json.dumps(text.source.data, ensure_ascii=False, default=str) for text in self.earlier(id_)]
        for links, end in ((self._outgoing, "target"), (self._incoming, "origin")):
            for link in links.get(id_, []):
                rows += [_link_row(link), fields(getattr(link, end))]
                for further in links.get(getattr(link, end), []):
                    rows += [_link_row(further), fields(getattr(further, end))]
        return hashlib.sha256("\n".join(rows).encode()).hexdigest()

    def _fields(self, id_: str) -> str:
        """A record's fields as written (its file's front matter; its item of a registry) and
        what was made of them. Made once per record, when first asked for."""
        row = self._field_rows.get(id_)
        if row is None:
            entry = dict.get(self.by_id, id_)  # not a read of an output: a key's input
            if entry is None:
                return "null"
            data = entry.source.data
            for step in entry.key:
                data = data[step]  # type: ignore[index]  # the key of a registry's item
            row = self._field_rows[id_] = json.dumps(
                [entry.id, str(entry.kind), entry.complete, entry.body is None, data],
                ensure_ascii=False, default=str,
            )  # fmt: skip
        return row

    def get(self, id_: str) -> Entry | None:
        return self.by_id.get(id_)

    def ids_of(self, kinds: frozenset[Kind]) -> list[str]:
        return [entry.id for entry in self.entries if entry.kind in kinds]

    def records(self, kind: type[R]) -> Iterator[R]:
        for entry in self.entries:
            if isinstance(entry.record, kind):
                yield entry.record

    def regulation(self, id_: str) -> Regulation | None:
        entry = self.by_id.get(id_)
        return cast(Regulation, entry.record) if entry and entry.kind is Kind.REGULATION else None

    def person(self, id_: str) -> Person | None:
        entry = self.by_id.get(id_)
        return cast(Person, entry.record) if entry and entry.kind is Kind.PERSON else None

    def document(self, id_: str) -> Document | None:
        entry = self.by_id.get(id_)
        return (
            cast(Document, entry.record) if entry and entry.kind is not None and entry.kind.document else None
        )

    def earlier(self, id_: str) -> list[VersionText]:
        """The earlier texts of the regulation `id_`, oldest first."""
        note_versions(id_)
        return self._versions.get(id_, [])

    def outgoing(self, id_: str, relation: Relation | None = None) -> list[Link]:
        note_links(id_)
        links = self._outgoing.get(id_, [])
        return [link for link in links if relation is None or link.relation is relation]

    def incoming(self, id_: str, relation: Relation | None = None) -> list[Link]:
        """The other direction: who points at `id_` (backlinks, 'Заменён', 'Основание для', …)."""
        note_links(id_)
        links = self._incoming.get(id_, [])
        return [link for link in links if relation is None or link.relation is relation]

    def status(self, regulation: Regulation, as_of: date) -> Status:
        """README: "Computed status"."""
        return self.status_facts(regulation).on(as_of)

    def status_facts(self, regulation: Regulation) -> StatusFacts:
        """What the regulation's status depends on, for any day."""
        superseded_from = (
            other.effective.from_ if other.effective else other.date
            for link in self.incoming(regulation.id, Relation.SUPERSEDES)
            if (other := self.regulation(link.origin)) is not None and other.status != "draft"
        )
        period = regulation.effective
        return StatusFacts(
            draft=regulation.status == "draft",
            repealed_on=regulation.repealed_on if regulation.status == "repealed" else None,
            superseded_from=tuple(sorted(set(superseded_from))),
            effective_from=period.from_ if period else None,
            effective_to=period.to if period else None,
            external=bool(regulation.external),
        )

    def status_note(self, regulation: Regulation, as_of: date) -> str | None:
        """A status other than in force, as a download states it: with the day it holds from."""
        facts = self.status_facts(regulation)
        return facts.wording(as_of) if facts.on(as_of) is not Status.IN_FORCE else None

    def next_status_change(self, as_of: date) -> tuple[date, list[str]] | None:
        """The first day after `as_of` on which some regulation's status or its text in force,
        or the control status of an assignment, changes, and whose."""
        turns: dict[date, list[str]] = defaultdict(list)
        for regulation in self.records(Regulation):
            facts = self.status_facts(regulation)
            texts = self.editions(regulation, as_of)
            # Which text is in force shows only where there are texts to choose between.
            starts = [text.start for text in texts] if len(texts) > 1 or regulation.version else []
            now = _shown(facts, starts, as_of)
            later = sorted(day for day in {*starts, *facts.turns()} if day > as_of)
            if (turn := next((day for day in later if _shown(facts, starts, day) != now), None)) is not None:
                turns[turn].append(regulation.id)
        for meeting in self.records(Meeting):  # an assignment's control status
            for item in meeting.agenda:
                for decision in item.decisions:
                    if decision.is_assignment and (turn := decision.control.next_change(as_of)):
                        turns[turn].append(meeting.id)
        return min(((day, list(dict.fromkeys(ids))) for day, ids in turns.items()), default=None)

    def editions(self, regulation: Regulation, as_of: date) -> list[Edition]:
        """Every text of the regulation, oldest first; just the current one when it never changed."""
        texts: list[tuple[date, str | None, str | None, Body | None, bool]] = [
            (text.record.version.from_, text.record.version.by, text.record.note, text.body, False)
            for text in self.earlier(regulation.id)
            if text.record is not None and text.complete
        ]
        period, version = regulation.effective, regulation.version
        start = version.from_ if version else (period.from_ if period else regulation.date)
        texts.append((start, version.by if version else None, None, self.by_id[regulation.id].body, True))
        texts.sort(key=lambda text: text[0])
        facts = self.status_facts(regulation)
        untils = [text[0] for text in texts[1:]] + [None]
        return [
            Edition(*text, in_force=facts.text_in_force(text[0], until, as_of))
            for text, until in zip(texts, untils, strict=True)
        ]

    def outstanding_amendments(self, regulation: Regulation, as_of: date) -> list[str]:
        """Amending documents in force whose change is in no text of `regulation` (README: "Versions")."""
        return [
            id_
            for id_ in self.unapplied_amendments(regulation)
            if (amending := self.regulation(id_)) is not None
            and self.status(amending, as_of) is Status.IN_FORCE
        ]

    def unapplied_amendments(self, regulation: Regulation) -> list[str]:
        """Documents that amend `regulation` and made none of its texts, in force or not (yet)."""
        made_by = {text.record.version.by for text in self.earlier(regulation.id) if text.record}
        if regulation.version:
            made_by.add(regulation.version.by)
        return [
            link.origin
            for link in self.incoming(regulation.id, Relation.AMENDS)
            if link.origin != regulation.id
            and link.origin not in made_by
            and self.regulation(link.origin) is not None
        ]


def _shown(facts: StatusFacts, starts: list[date], day: date) -> tuple[Status, date | None]:
    """What a regulation's page says on `day`: its status, and the start of its text in force."""
    status = facts.on(day)
    text = max((start for start in starts if start <= day), default=None)
    return status, text if status is Status.IN_FORCE else None


def _link_row(link: Link) -> str:
    return f"{link.origin} {link.relation} {link.target} {link.key} {link.anchor}"
