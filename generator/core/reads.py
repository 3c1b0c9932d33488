"""What an output read of the corpus while it was made, so that a rebuild can tell, without
making it, whether it would come out the same.

While a record's page or data is made under `recording()`, the corpus notes every record looked
up by id, every record's links asked for in either direction, every regulation's earlier texts,
every citation's form and number looked up, and whether the whole corpus was walked (a list of
all documents depends on every record). `generator.core.inputs.Inputs` says what each thing read
is now, the day included: when none of an output's reads changed since the last build, the output
is the one the last build made.

Made-once values (a link to a record shown on many pages, a regulation's history) keep the reads
they were made with (`memo`): a page that takes one from the memo reads what it was made of.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K")

_open: list[Reads] = []  # the recordings under way, innermost last


@dataclass(slots=True, eq=False)  # a recording is one object: `recording` removes it by identity
class Reads:
    ids: set[str] = field(default_factory=set)  # records looked up (their fields, their body)
    links: set[str] = field(default_factory=set)  # records whose links were asked for
    versions: set[str] = field(default_factory=set)  # regulations whose earlier texts were read
    citations: set[tuple[str, str]] = field(default_factory=set)  # (form's stem, number) looked up
    everything: bool = False  # the whole corpus was walked

    def add(self, other: Reads) -> None:
        self.ids |= other.ids
        self.links |= other.links
        self.versions |= other.versions
        self.citations |= other.citations
        self.everything = self.everything or other.everything

    def tokens(self) -> set[str]:
        """What was read, one token per record, links, earlier texts or citation key
        (`generator.core.inputs.Inputs.facets` names the same things)."""
        citations = (f"{stem}\x1f{number}" for stem, number in self.citations)
        prefixed = (("i:", self.ids), ("l:", self.links), ("v:", self.versions), ("c:", citations))
        return {prefix + name for prefix, names in prefixed for name in names}

    def encode(self) -> str:
        """One line for the record of a build: its tokens (no id or key holds a space or a newline)."""
        return "*" if self.everything else " ".join(sorted(self.tokens()))


def note_id(id_: str) -> None:
    for reads in _open:
        reads.ids.add(id_)


def note_links(id_: str) -> None:
    for reads in _open:
        reads.links.add(id_)


def note_versions(id_: str) -> None:
    for reads in _open:
        reads.versions.add(id_)


def note_citation(key: tuple[str, str]) -> None:
    for reads in _open:
        reads.citations.add(key)


def note_everything() -> None:
    for reads in _open:
        reads.everything = True


@contextmanager
def recording() -> Iterator[Reads]:
    """Record what the corpus is asked inside the block (nested blocks record into each other)."""
    reads = Reads()
    _open.append(reads)
    try:
        yield reads
    finally:
        _open.remove(reads)


@contextmanager
def unrecorded() -> Iterator[None]:
    """Work inside the block is nobody's read (an index built once for every output)."""
    saved = _open[:]
    _open.clear()
    try:
        yield
    finally:
        _open[:] = saved


def memo(known: MutableMapping[K, tuple[T, Reads]], key: K, make: Callable[[], T]) -> T:
    """`make()` once per `key`; whoever takes it from `known` reads what it was made from."""
    kept = known.get(key)
    if kept is None:
        with recording() as reads:
            value = make()
        kept = known[key] = (value, reads)
    for outer in _open:
        outer.add(kept[1])
    return kept[0]


class NotedIds(dict[str, T]):
    """Records by id: a lookup, or asking whether one exists, is a read of that id."""

    def __getitem__(self, id_: str) -> T:
        note_id(id_)
        return dict.__getitem__(self, id_)

    def get(self, id_: str, default: T | None = None) -> T | None:  # type: ignore[override]
        note_id(id_)
        return dict.get(self, id_, default)

    def __contains__(self, id_: object) -> bool:
        if isinstance(id_, str):
            note_id(id_)
        return dict.__contains__(self, id_)


class Walked(list[T]):
    """Every record (or link, or earlier text): walking it is reading them all."""

    def __iter__(self) -> Iterator[T]:
        note_everything()
        return list.__iter__(self)
