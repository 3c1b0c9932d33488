"""Typed records of the content: Regulation, Meeting, Person, Organization.

These pydantic models are the one definition of the front-matter and registry schema: `check`
validates with them and `regpub schema` prints their JSON Schema, so the two cannot drift.
Every scalar reaches them as text (see `frontmatter`); the types below parse it deliberately.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX_LENGTH = 80
_ID = re.compile(ID_PATTERN)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL = re.compile(r"https?://\S+")


class Kind(StrEnum):
    """What an id names; ids are unique across all kinds together."""

    REGULATION = "regulation"
    MEETING = "meeting"
    PERSON = "person"
    ORGANIZATION = "organization"


def describe(value: object) -> str:
    """A value as an editor would name it in a message: text '…', a list, a mapping."""
    if value is None:
        return "an empty value"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text '{shown}'"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


def _fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, "{message}", {"message": message})


def suggest_id(value: str) -> str | None:
    """A valid id close to `value`, for the 'bad id' message."""
    slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:ID_MAX_LENGTH].strip("-")
    return slug if slug and slug != value and _ID.match(slug) else None


def _check_id(value: object) -> object:
    if not isinstance(value, str):
        raise _fail("wrong_type", f"should be an id, got {describe(value)}")
    if len(value) > ID_MAX_LENGTH:
        raise _fail("bad_id", f"is {len(value)} characters long; ids are limited to {ID_MAX_LENGTH}")
    if not _ID.match(value):
        hint = suggest_id(value)
        tail = f" (e.g. '{hint}')" if hint else ""
        message = (
            f"'{value}' is not a valid id: use lower-case Latin letters, digits and single hyphens{tail}"
        )
        raise _fail("bad_id", message)
    return value


def parse_date(value: object) -> object:
    """`YYYY-MM-DD` text to a date, with a message that says what is wrong."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise _fail("wrong_type", f"should be a date YYYY-MM-DD, got {describe(value)}")
    if not _DATE.fullmatch(value):
        hint = _suggest_date(value)
        tail = f" (did you mean {hint}?)" if hint else " (e.g. 2020-12-21)"
        raise _fail("bad_date", f"'{value}' is not a date in the form YYYY-MM-DD{tail}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise _fail("bad_date", f"'{value}' is not a real date: {error}") from None


_DAY_FIRST = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")


def _suggest_date(value: str) -> str | None:
    """The ISO form of a date written the Russian way or without leading zeros.

    >>> _suggest_date("21.12.2020"), _suggest_date("2020-2-3"), _suggest_date("вчера")
    ('2020-12-21', '2020-02-03', None)
    """
    text = value.strip()
    day_first, year_first = _DAY_FIRST.fullmatch(text), _YEAR_FIRST.fullmatch(text)
    if day_first:
        day, month, year = day_first.groups()
    elif year_first:
        year, month, day = year_first.groups()
    else:
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _parse_bool(value: object) -> object:
    if isinstance(value, bool):
        return value
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    raise _fail("wrong_type", f"should be true or false, got {describe(value)}")


def _check_text(value: object) -> object:
    if isinstance(value, str) and not value.strip():
        raise _fail("bad_value", "must not be empty")
    return value


def _check_url(value: object) -> object:
    if isinstance(value, str) and not _URL.fullmatch(value):
        raise _fail("bad_value", f"'{value}' is not an http:// or https:// address")
    return value


Id = Annotated[
    str,
    BeforeValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX_LENGTH}),
]
Date = Annotated[
    date,
    BeforeValidator(parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
Text = Annotated[str, BeforeValidator(_check_text), WithJsonSchema({"type": "string", "minLength": 1})]
# An official number is text (`05-CT/TW`, `1.10`), but editors write `number: 4` unquoted and
# YAML 1.2 tools then see an integer; the schema admits both so their editors stay quiet.
Number = Annotated[
    str,
    BeforeValidator(_check_text),
    WithJsonSchema({"type": ["string", "integer"], "minLength": 1}),
]
Flag = Annotated[bool, BeforeValidator(_parse_bool), WithJsonSchema({"type": "boolean"})]
Url = Annotated[str, BeforeValidator(_check_url), WithJsonSchema({"type": "string", "format": "uri"})]
Ids = tuple[Id, ...]
NonEmptyIds = Annotated[tuple[Id, ...], Field(min_length=1)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# Registries (SPEC §2.2)


class Position(Record):
    title: Text
    organization: Id | None = None
    from_: Date | None = Field(default=None, alias="from")
    to: Date | None = None


class Person(Record):
    id: Id
    name: Text
    signature_name: Text | None = None
    positions: tuple[Position, ...] = ()

    @property
    def signature(self) -> str:
        return self.signature_name or self.name


class Organization(Record):
    id: Id
    name: Text
    short_name: Text | None = None
    parent: Id | None = None


# Documents (SPEC §2.3)


class Period(Record):
    from_: Date = Field(alias="from")
    to: Date | None = None


class CurrentVersion(Record):
    """`version` of a document file whose text is not the original (SPEC §7)."""

    from_: Date = Field(alias="from")
    by: Id


class EarlierVersion(Record):
    """`version` of an earlier text: `by` is absent for the original."""

    from_: Date = Field(alias="from")
    by: Id | None = None


class VersionFile(Record):
    """A file holding an earlier text of a regulation; everything else it inherits."""

    version_of: Id
    version: EarlierVersion
    note: Text | None = None


class Signatory(Record):
    person: Id
    position: Text | None = None
    organization: Id | None = None


class Speaker(Record):
    person: Id
    summary: Text | None = None


class AgendaItem(Record):
    title: Text
    speakers: tuple[Speaker, ...] = ()
    decisions: tuple[Text, ...] = ()
    documents: Ids = ()


class Photo(Record):
    file: Text
    caption: Text | None = None
    credit: Text | None = None


class DocumentFields(Record):
    id: Id
    title: Text
    date: Date
    summary: Text | None = None
    tags: tuple[Text, ...] = ()
    related: Ids = ()


class Regulation(DocumentFields):
    type: Literal["regulation"]
    form: Text
    number: Number | None = None
    issuers: NonEmptyIds
    signatories: tuple[Signatory, ...] = ()
    place: Text | None = None
    effective: Period | None = None
    status: Literal["draft", "repealed"] | None = None
    repealed_on: Date | None = None
    adopted_at: Id | None = None
    based_on: Ids = ()
    supersedes: Ids = ()
    amends: Ids = ()
    external: Flag = False
    source_url: Url | None = None
    version: CurrentVersion | None = None


class Meeting(DocumentFields):
    type: Literal["meeting"]
    organizers: NonEmptyIds
    place: Text | None = None
    chairs: NonEmptyIds
    secretary: Id | None = None
    attendees: Ids = ()
    agenda: tuple[AgendaItem, ...] = ()
    photos: tuple[Photo, ...] = ()

    @property
    def participants(self) -> set[str]:
        """Everyone recorded as present: chairs, the secretary and attendees."""
        secretary = {self.secretary} if self.secretary else set()
        return {*self.chairs, *secretary, *self.attendees}


Document = Regulation | Meeting
AnyRecord = Regulation | Meeting | Person | Organization
DOCUMENT_MODELS: dict[str, type[Regulation] | type[Meeting]] = {
    "regulation": Regulation,
    "meeting": Meeting,
}
KIND_OF: dict[type[Any], Kind] = {
    Regulation: Kind.REGULATION,
    Meeting: Kind.MEETING,
    Person: Kind.PERSON,
    Organization: Kind.ORGANIZATION,
}
