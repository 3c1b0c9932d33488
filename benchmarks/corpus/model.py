"""What the plan decides about each document before any text is written: its kind, date, id,
form and number, title, relations, and the amendments made to it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .forms import Form
from .phrases import Topic
from .registries import Org


@dataclass(frozen=True)
class Change:
    """One change an amendment makes to article `article` of its target.

    `words`: the phrase `old` becomes `new` in the paragraph `before` (giving `after`);
    `paragraph`: the paragraph `before` (which starts with `old`) is restated as `after`;
    `article`: a new article `<article>.1` titled `new` with the paragraphs of `after`.
    """

    kind: str
    article: int
    old: str
    new: str
    before: str
    after: str


@dataclass(eq=False)
class Amendment:
    """`by` amends `target` with `changes`; `start` is when the text it made applies from, or
    None when no text of the target includes the change yet (an outstanding change)."""

    by: Doc
    target: Doc
    changes: list[Change]
    start: dt.date | None = None


@dataclass(eq=False)
class Doc:
    index: int  # chronological order
    id: str
    kind: str  # "regulation" or "meeting"
    date: dt.date
    form: Form | None = None
    number: str | None = None
    rest: str = ""  # a regulation's title after its form; a meeting's whole title
    topic: Topic | None = None  # what a regulation is about
    event: str = ""  # what a meeting was: «заседание», «рабочее совещание»
    draft: bool = False
    external: bool = False
    articles: int = 0  # the original text's articles (all of them stay in later texts)
    issuers: list[Org] = field(default_factory=list)  # a meeting's organizers
    effective: tuple[dt.date, dt.date | None] | None = None
    repealed_on: dt.date | None = None
    based_on: list[Doc] = field(default_factory=list)
    supersedes: list[Doc] = field(default_factory=list)
    related: list[Doc] = field(default_factory=list)
    amends: Amendment | None = None
    amended_by: list[Amendment] = field(default_factory=list)
    meeting: Doc | None = None  # adopted_at
    adopted: list[Doc] = field(default_factory=list)  # a meeting's adopted regulations

    @property
    def title(self) -> str:
        return f"{self.form.name} {self.rest}" if self.form else self.rest

    @property
    def printed_form(self) -> Form:
        """A regulation's form (a meeting has none)."""
        assert self.form is not None, f"{self.id} is a meeting"
        return self.form

    @property
    def start(self) -> dt.date:
        """When the original text applies from: `effective.from`, else the date."""
        return self.effective[0] if self.effective else self.date

    @property
    def is_regulation(self) -> bool:
        return self.kind == "regulation"

    @property
    def consolidated(self) -> list[Amendment]:
        """The amendments that made a text of this document, in order."""
        return [amendment for amendment in self.amended_by if amendment.start is not None]
