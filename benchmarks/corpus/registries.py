"""The two registries: organizations (regions of bodies: an administration, a committee or two,
their departments and sections) and people (each with a post in one of them, some with two)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from .dates import DATE_MAX, DATE_MIN
from .grammar import GEN, NOM, NP, Adj, Noun, adj, cap, low
from .names import (
    CHILD_ORGS,
    DEPT_TAILS,
    FEMALE_NAMES,
    MALE_NAMES,
    ORG_HEADS,
    PARTY_CHILDREN,
    PATRONYMIC_STEMS,
    PREPOSITIONS,
    REGION_ADJS,
    REGION_TYPES,
    SURNAMES,
    TOP_ORGS,
    feminine_surname,
    patronymic,
)
from .rules import Ids, make_id


@dataclass(frozen=True)
class Region:
    adj: Adj
    noun: Noun
    id: str  # the part of its bodies' ids that names the region
    acronym: str

    def gen(self) -> str:
        return f"{self.adj.form(self.noun.gender, GEN)} {self.noun.form(GEN)}"


@dataclass
class Org:
    id: str
    head: NP  # adjectives and the head noun
    rest: str  # the invariable tail: domain, then the region or parent in the genitive
    kind: str  # a key of ORG_HEADS
    parent: Org | None
    region: int
    short_name: str | None = None

    def case(self, case: int, capital: bool = False) -> str:
        text = f"{self.head(case)} {self.rest}".strip()
        return cap(text) if capital else low(text)

    @property
    def name(self) -> str:
        return self.case(NOM, capital=True)


@dataclass(frozen=True)
class Position:
    title: str
    organization: Org
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class Person:
    id: str
    surname: str
    first: str
    middle: str
    female: bool
    signs: bool  # has a signature name in the registry
    positions: list[Position] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.surname} {self.first} {self.middle}"

    @property
    def signature_name(self) -> str:
        return f"{self.first[0]}.{self.middle[0]}. {self.surname}"

    @property
    def gn(self) -> str:
        return "f" if self.female else "m"

    def position_at(self, org: Org) -> Position:
        return next(position for position in self.positions if position.organization is org)


def _region(index: int, ids_seen: dict[str, int]) -> Region:
    adjective = REGION_ADJS[index % len(REGION_ADJS)]
    noun = REGION_TYPES[(index // len(REGION_ADJS) + index) % len(REGION_TYPES)]
    words = adj(adjective)
    base = make_id(f"{words.form(noun.gender, NOM)} {noun.form(NOM)}")
    seen = ids_seen.get(base, 0)
    ids_seen[base] = seen + 1
    region_id = f"{base}-{seen + 1}" if seen else base
    return Region(words, noun, region_id, (adjective[0] + noun.form(NOM)[0]).upper())


def _acronym(text: str) -> str:
    return "".join(
        part[:1].upper()
        for word in text.split()
        if word.lower() not in PREPOSITIONS
        for part in word.split("-")
    )


def _org(
    ids: Ids, rng: random.Random, region: tuple[int, Region], spec: tuple[str, str, str], parent: Org | None
) -> Org:
    """A body of a kind, with adjectives and a tail (`spec`), under `parent` or heading the region."""
    index, place = region
    kind, adjectives, tail = spec
    head = NP(tuple(adj(a) for a in adjectives.split()), ORG_HEADS[kind][0])
    top_level = parent is None or (parent.parent is None and parent.kind != "партком")
    owner = place.gen() if top_level or parent is None else parent.case(GEN)
    core = " ".join(w for w in f"{head(NOM)} {tail}".split() if w not in PREPOSITIONS)
    suffix = parent.id if parent is not None and parent.parent is not None else place.id
    org = Org(ids.claim(make_id(f"{core} {suffix}")), head, f"{tail} {owner}".strip(), kind, parent, index)
    if rng.random() < 0.45:
        own = _acronym(f"{head(NOM)} {tail}")
        if len(own) == 1:  # "Администрация СО" rather than "А СО"
            own = cap(head(NOM))
        if parent is None or parent.parent is None:
            org.short_name = f"{own} {place.acronym}"
        else:
            org.short_name = f"{own} {parent.short_name or _acronym(parent.name)}"
    return org


def _region_bodies(ids: Ids, rng: random.Random, region: tuple[int, Region]) -> list[Org]:
    """A region's administration, one or two other top bodies, departments and sections."""
    tops = [TOP_ORGS[0], *rng.sample(TOP_ORGS[1:], 1 + (rng.random() < 0.3))]
    batch: list[Org] = []
    for kind, adjectives in tops:
        top = _org(ids, rng, region, (kind, adjectives, ""), None)
        batch.append(top)
        if kind == "партком" and rng.random() < 0.7:
            batch.append(_org(ids, rng, region, rng.choice(PARTY_CHILDREN), top))
    admin = batch[0]
    for kind, adjectives, tail in rng.sample(CHILD_ORGS, rng.randint(4, 8)):
        child = _org(ids, rng, region, (kind, adjectives, tail), admin)
        batch.append(child)
        if kind in ("департамент", "управление") and rng.random() < 0.35:
            batch.append(_org(ids, rng, region, ("отдел", "", rng.choice(DEPT_TAILS)), child))
    return batch


def build_orgs(count: int, rng: random.Random, ids: Ids) -> list[Org]:
    """`count` organizations: a forest of regions, each with its bodies."""
    orgs: list[Org] = []
    seen: dict[str, int] = {}
    index = 0
    while len(orgs) < count:
        batch = _region_bodies(ids, rng, (index, _region(index, seen)))
        orgs.extend(batch[: count - len(orgs)])
        index += 1
    return orgs


def _new_person(rng: random.Random, ids: Ids) -> Person:
    female = rng.random() < 0.45
    first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    surname = rng.choice(SURNAMES)
    if female:
        surname = feminine_surname(surname)
    middle = patronymic(rng.choice(PATRONYMIC_STEMS), female)
    base = make_id(f"{surname} {first}")
    if base in ids.used:
        base = make_id(f"{surname} {first} {middle}")
    return Person(ids.claim(base), surname, first, middle, female, rng.random() < 0.85)


def _title(role: str, org: Org) -> str:
    return f"{role} {org.case(GEN)}"


def build_people(count: int, orgs: list[Org], rng: random.Random, ids: Ids) -> list[Person]:
    """`count` people; the first of them head one organization each, in order."""
    people: list[Person] = []
    for index in range(count):
        person = _new_person(rng, ids)
        if index < len(orgs):
            org = orgs[index]
            person.positions.append(Position(_title(ORG_HEADS[org.kind][1], org), org))
        else:
            org = rng.choice(orgs)
            person.positions.append(Position(_title(rng.choice(ORG_HEADS[org.kind][2]), org), org))
        other = rng.choice(orgs)
        if rng.random() < 0.45 and other is not org:
            title = _title(rng.choice(ORG_HEADS[other.kind][2]), other)
            if rng.random() < 0.6:  # a past post, listed after the current one
                start = DATE_MIN + dt.timedelta(days=rng.randrange(0, 4000))
                end = min(start + dt.timedelta(days=rng.randint(365, 2500)), DATE_MAX)
                person.positions.append(Position(title, other, start, end))
            else:
                person.positions.append(Position(title, other))
        people.append(person)
    return people


@dataclass
class Registries:
    """Organizations and people, with who works where."""

    orgs: list[Org]
    people: list[Person]
    members: dict[str, list[Person]] = field(default_factory=dict)  # organization id → its people

    def __post_init__(self) -> None:
        self.members = {org.id: [] for org in self.orgs}
        for person in self.people:
            self.members[person.positions[0].organization.id].append(person)
        self.by_id = {org.id: org for org in self.orgs}

    def head(self, org: Org) -> Person:
        return self.members[org.id][0]

    def pick_orgs(self, rng: random.Random, count: int) -> list[Org]:
        """One organization, or two that usually belong to the same region."""
        first = rng.choice(self.orgs)
        if count == 1:
            return [first]
        peers = [org for org in self.orgs if org.region == first.region and org is not first]
        second = rng.choice(peers if peers and rng.random() < 0.7 else self.orgs)
        return [first] if second is first else [first, second]


def org_items(orgs: list[Org]) -> list[dict[str, Any]]:
    """organizations.yml."""
    items = []
    for org in orgs:
        item: dict[str, Any] = {"id": org.id, "name": org.name}
        if org.short_name:
            item["short_name"] = org.short_name
        if org.parent is not None:
            item["parent"] = org.parent.id
        items.append(item)
    return items


def person_items(people: list[Person]) -> list[dict[str, Any]]:
    """people.yml."""
    items = []
    for person in people:
        item: dict[str, Any] = {"id": person.id, "name": person.name}
        if person.signs:
            item["signature_name"] = person.signature_name
        positions = []
        for position in person.positions:
            entry: dict[str, Any] = {"title": position.title, "organization": position.organization.id}
            if position.start:
                entry["from"] = position.start
            if position.end:
                entry["to"] = position.end
            positions.append(entry)
        item["positions"] = positions
        items.append(item)
    return items
