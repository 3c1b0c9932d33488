"""The computed status of a regulation (README: "Computed status").

A status depends on the day it is asked for, so a regulation's `StatusFacts` hold every date the
rule reads; `StatusFacts.on` applies the rule, and the site's script
(`resources/site/assets/regpub-status.js`) applies the same rule to the same facts on the day a
page is read. What a page says without script, `StatusFacts.wording`, stays true until the
status next changes («Действует с 1 февраля 2020 г.», «Вступает в силу 1 марта 2027 г.»).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from generator.core.labels import STATUS
from generator.core.russian import long_date

ONE_DAY = timedelta(days=1)


class Status(StrEnum):
    """Computed status of a regulation (README: "Computed status"), in the order the rules are tried."""

    DRAFT = "draft"
    REPEALED = "repealed"
    SUPERSEDED = "superseded"
    PENDING = "pending"
    EXPIRED = "expired"
    EXTERNAL = "external"
    IN_FORCE = "in_force"

    @property
    def label(self) -> str:
        return STATUS[self]


@dataclass(frozen=True, slots=True)
class StatusFacts:
    """What a regulation's status depends on: its own fields and when the documents that
    supersede it start (`Corpus.status_facts`)."""

    draft: bool = False
    repealed_on: date | None = None  # only with `status: repealed`
    superseded_from: tuple[date, ...] = ()  # the start of each non-draft document superseding it
    effective_from: date | None = None
    effective_to: date | None = None
    external: bool = False

    def on(self, day: date) -> Status:
        """README: "Computed status", rule by rule, in order."""
        if self.draft:
            return Status.DRAFT
        if self.repealed_on is not None and self.repealed_on <= day:
            return Status.REPEALED
        if any(start <= day for start in self.superseded_from):
            return Status.SUPERSEDED
        if self.effective_from is not None and self.effective_from > day:
            return Status.PENDING
        if self.effective_to is not None and self.effective_to < day:
            return Status.EXPIRED
        if self.external:
            return Status.EXTERNAL
        return Status.IN_FORCE

    def text_in_force(self, start: date, until: date | None, day: date) -> bool:
        """Whether a text of the regulation that applies from `start` (until the next text's
        `until`) is the one in force on `day`: the regulation is in force, and the text applies."""
        return self.on(day) is Status.IN_FORCE and start <= day and (until is None or day < until)

    def turns(self) -> list[date]:
        """The days on which the status may change, in order."""
        days = {*self.superseded_from}
        if self.repealed_on is not None:
            days.add(self.repealed_on)
        if self.effective_from is not None:
            days.add(self.effective_from)
        if self.effective_to is not None:
            days.add(self.effective_to + ONE_DAY)
        return sorted(days)

    def since(self, day: date) -> date | None:
        """The first day of the status `day` has, if it began on a known day."""
        status = self.on(day)
        for turn in reversed([turn for turn in self.turns() if turn <= day]):
            if self.on(turn - ONE_DAY) is not status:
                return turn
        return None

    def next_change(self, day: date) -> date | None:
        """The first day after `day` with another status, if any."""
        status = self.on(day)
        return next((turn for turn in self.turns() if turn > day and self.on(turn) is not status), None)

    def wording(self, day: date) -> str:
        """The status of `day`, worded to stay true until it next changes."""
        status, since, turn = self.on(day), self.since(day), self.next_change(day)
        if status is Status.PENDING and self.effective_from is not None:
            return f"Вступает в силу {long_date(self.effective_from)}"
        if status is Status.EXPIRED and self.effective_to is not None:
            return f"{status.label} {long_date(self.effective_to)}"
        text = status.label
        if since is not None and status in (Status.IN_FORCE, Status.REPEALED, Status.SUPERSEDED):
            text = f"{status.label} с {long_date(since)}"
        if status in (Status.IN_FORCE, Status.EXTERNAL) and turn is not None:
            coming = self.on(turn)
            if coming is Status.EXPIRED:
                text += f" по {long_date(turn - ONE_DAY)}"
            elif coming is Status.REPEALED:
                text += f"; утрачивает силу с {long_date(turn)}"
            elif coming is Status.SUPERSEDED:
                text += f"; заменяется с {long_date(turn)}"
        return text

    def shown(self) -> dict[str, Any]:
        """The facts as the page carries them for the script: ISO dates, empty ones left out."""
        facts: dict[str, Any] = {}
        if self.draft:
            facts["draft"] = True
        if self.repealed_on is not None:
            facts["repealed"] = self.repealed_on.isoformat()
        if self.superseded_from:
            facts["superseded"] = sorted(day.isoformat() for day in self.superseded_from)
        if self.effective_from is not None:
            facts["from"] = self.effective_from.isoformat()
        if self.effective_to is not None:
            facts["to"] = self.effective_to.isoformat()
        if self.external:
            facts["external"] = True
        return facts
