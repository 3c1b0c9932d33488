"""The control status of an assignment (README: "Decisions, votes and assignments"): a decision
with a deadline or assignees is «На контроле», «Просрочено», «Исполнено» or «Исполнено с
нарушением срока» on a given day. Like a document's status (`generator.core.status`), it is
computed for the day a page is read: `ControlFacts.on` is the rule, and the site's script
(`assets/regpub-status.js`) applies the same rule to the same facts; what a page says without
script (`wording`) stays true until the status next changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from generator.core.labels import CONTROL
from generator.core.russian import long_date


class Control(StrEnum):
    ON_CONTROL = "on_control"
    OVERDUE = "overdue"
    DONE = "done"
    DONE_LATE = "done_late"

    @property
    def label(self) -> str:
        return CONTROL[self]


@dataclass(frozen=True, slots=True)
class ControlFacts:
    """What an assignment's control status depends on."""

    due: date | None = None
    done: date | None = None  # `done.on`

    def on(self, day: date) -> Control:
        """README: "Decisions, votes and assignments", rule by rule."""
        if self.done is not None and self.done <= day:
            return Control.DONE_LATE if self.due is not None and self.done > self.due else Control.DONE
        if self.due is not None and self.due < day:
            return Control.OVERDUE
        return Control.ON_CONTROL

    def next_change(self, day: date) -> date | None:
        """The first day after `day` with another status, if any."""
        turns = sorted({turn for turn in (self.due and self.due + timedelta(days=1), self.done) if turn})
        return next((turn for turn in turns if turn > day and self.on(turn) is not self.on(day)), None)

    def wording(self, day: date) -> str:
        """The status of `day`, worded to stay true until it next changes: «На контроле до
        31 марта 2021 г.», «Просрочено с 1 апреля 2021 г.», «Исполнено 20 марта 2021 г.»."""
        status = self.on(day)
        if status in (Control.DONE, Control.DONE_LATE) and self.done is not None:
            return f"{status.label} {long_date(self.done)}"
        if status is Control.OVERDUE and self.due is not None:
            return f"{status.label} с {long_date(self.due + timedelta(days=1))}"
        if self.due is not None:
            return f"{status.label} до {long_date(self.due)}"
        return status.label

    def shown(self) -> dict[str, Any]:
        """The facts as the page carries them for the script: ISO dates, empty ones left out."""
        facts = {"due": self.due, "done": self.done}
        return {key: day.isoformat() for key, day in facts.items() if day is not None}
