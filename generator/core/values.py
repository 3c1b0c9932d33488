"""The values front matter holds, parsed from text deliberately: ids, dates, texts, flags,
addresses, with messages that say what is wrong (`frontmatter` hands every scalar over as text)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX_LENGTH = 80
_ID = re.compile(ID_PATTERN)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL = re.compile(r"https?://\S+")


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


def _parse_tally(value: object) -> object:
    """How many voted one way (a whole number, 0 or more), or who did (a list of person ids:
    a roll call)."""
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            try:
                _check_id(item)
            except PydanticCustomError as error:
                raise _fail(
                    error.type, f"[{index}] {error.context['message'] if error.context else ''}"
                ) from None
        return tuple(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise _fail(
        "bad_value",
        f"should be a whole number of votes, 0 or more, or a list of person ids; got {describe(value)}",
    )


def _check_url(value: object) -> object:
    if isinstance(value, str) and not _URL.fullmatch(value):
        raise _fail("bad_value", f"'{value}' is not an http:// or https:// address")
    return value


# The schema reads values as `check` does: every scalar as its text. So where check takes
# any scalar's text (`title: 2021` is the text "2021"), the schema admits numbers and
# booleans too; what a YAML tool would type otherwise is in tests/test_schema.py.
_SCALAR = ["string", "number", "boolean"]
Id = Annotated[
    str,
    BeforeValidator(_check_id),
    WithJsonSchema(
        {"type": ["string", "integer"], "minimum": 0, "pattern": ID_PATTERN, "maxLength": ID_MAX_LENGTH}
    ),
]
Date = Annotated[
    date,
    BeforeValidator(parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
Text = Annotated[str, BeforeValidator(_check_text), WithJsonSchema({"type": _SCALAR, "minLength": 1})]
# An official number is text (`05-CT/TW`, `1.10`), though editors write `number: 4` unquoted.
Number = Text
Flag = Annotated[bool, BeforeValidator(_parse_bool), WithJsonSchema({"type": "boolean"})]
Url = Annotated[
    str, BeforeValidator(_check_url), WithJsonSchema({"type": "string", "pattern": r"^https?://\S+$"})
]
Ids = tuple[Id, ...]
# One option of a vote: a count, or the ids of who chose it (a roll call).
Tally = Annotated[
    int | tuple[str, ...],
    BeforeValidator(_parse_tally),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": ["integer", "string"], "minimum": 0, "pattern": r"^\d+$"},
                {"type": "array", "items": {"type": ["string", "integer"], "pattern": ID_PATTERN}},
            ]
        }
    ),
]
NonEmptyIds = Annotated[tuple[Id, ...], Field(min_length=1)]
