"""Decisions of a meeting's agenda items (README: "Decisions, votes and assignments"): a line
of text, or a record of its vote, its result and its assignment (who, by when, done when)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, GetJsonSchemaHandler, model_validator
from pydantic.config import JsonDict
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import CoreSchema, PydanticCustomError

from generator.core.control import ControlFacts
from generator.core.values import Date, Id, Ids, Tally, Text


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Vote(_Record):
    """How a decision was voted (README: "Decisions, votes and assignments"): counts, a roll
    call (who voted how), or `unanimous`."""

    for_: Tally = Field(0, alias="for")
    against: Tally = 0
    abstained: Tally = 0
    unanimous: SkipJsonSchema[bool] = False  # `vote: unanimous`

    @model_validator(mode="before")
    @classmethod
    def _unanimous(cls, value: object) -> object:
        if value == "unanimous":
            return {"unanimous": True}
        if isinstance(value, str):
            raise PydanticCustomError(
                "bad_value",
                "{message}",
                {"message": f"should be unanimous or {{for, against, abstained}}, got '{value}'"},
            )
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonDict:
        return {"anyOf": [{"const": "unanimous"}, handler(schema)]}

    @property
    def roll_call(self) -> bool:
        return any(isinstance(tally, tuple) for tally in (self.for_, self.against, self.abstained))


class Done(_Record):
    on: Date
    report: Id | None = None


class Decision(_Record):
    """A decision of an agenda item: its text, or a record with its vote and assignment."""

    text: Text
    vote: Vote | None = None
    result: Literal["adopted", "rejected"] = "adopted"
    assignees: Ids = ()
    due: Date | None = None
    done: Done | None = None

    @model_validator(mode="before")
    @classmethod
    def _text_only(cls, value: object) -> object:
        return {"text": value} if isinstance(value, (str, int, float)) else value

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonDict:
        return {"anyOf": [{"type": ["string", "number", "boolean"], "minLength": 1}, handler(schema)]}

    @property
    def is_assignment(self) -> bool:
        """A decision with a deadline or assignees, whose execution is controlled."""
        return self.due is not None or bool(self.assignees)

    @property
    def control(self) -> ControlFacts:
        """What its control status depends on (`generator.core.control`)."""
        return ControlFacts(self.due, self.done.on if self.done else None)
