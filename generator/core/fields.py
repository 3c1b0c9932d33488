"""Field checks: a record's front matter or registry entry against its model, with located messages.

Why: pydantic knows what is wrong but speaks in `loc` tuples; editors need the line and column
of the key or value and a suggestion.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from generator.core.diagnostics import Report
from generator.core.frontmatter import Key, LocatedYaml
from generator.core.values import describe

M = TypeVar("M", bound=BaseModel)

_CUSTOM_CODES = {
    "bad_id": "bad-id",
    "bad_date": "bad-date",
    "bad_value": "bad-value",
    "wrong_type": "wrong-type",
}
_EXPECTED = {
    "string_type": "text",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "bool_type": "true or false",
}


def label(key: Sequence[str | int]) -> str:
    """A field key as an editor reads it in a message.

    >>> label(("agenda", 0, "speakers", 1, "person"))
    'agenda[0].speakers[1].person'
    """
    text = ""
    for part in key:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# Field checks


def validate_fields(
    model: type[M], data: dict[str, Any], source: LocatedYaml, prefix: Key, report: Report
) -> tuple[M | None, bool]:
    """(record, complete): the typed record after reporting every field problem at its place.

    Why partial records: a typo in one optional field should not hide the reference errors of
    the others, so the record is typed again without the failed fields. It is then marked
    incomplete, and rules that read across fields skip it rather than report a false cascade.
    """
    try:
        return model.model_validate(data), True
    except ValidationError as error:
        items = _without_consequences(error.errors(include_url=False))
        for item in items:
            code, key, at_key, message = _explain(model, item)
            report.add(code, source.locate((*prefix, *key), at_key=at_key), message)
        failed = {item["loc"][0] if item["loc"] else None for item in items}
    if None in failed:
        return None, False
    try:
        kept = {name: value for name, value in data.items() if name not in failed}
        return model.model_validate(kept), False
    except ValidationError:
        return None, False


def _without_consequences(items: list[Any]) -> list[Any]:
    """Drop 'list too short' where the list's own items failed: the items are the news."""
    failed_inside = {tuple(item["loc"])[:index] for item in items for index in range(1, len(item["loc"]))}
    return [
        item for item in items if not (item["type"] == "too_short" and tuple(item["loc"]) in failed_inside)
    ]


def _explain(model: type[BaseModel], error: Any) -> tuple[str, Key, bool, str]:
    """(code, field key, point at the key?, message) for one pydantic error."""
    key: Key = tuple(error["loc"])
    kind, value = error["type"], error.get("input")
    where = label(key)
    if kind == "missing":
        parent = key[:-1]
        inside = f" in {label(parent)}" if parent else ""
        return "missing-field", parent, True, f"missing required field '{key[-1]}'{inside}"
    if kind == "extra_forbidden":
        parent = key[:-1]
        inside = f" in {label(parent)}" if parent else ""
        hint = did_you_mean(str(key[-1]), _fields_at(model, parent))
        return "unknown-field", key, True, f"unknown field '{key[-1]}'{inside}{hint}"
    if kind in _CUSTOM_CODES:  # raised by the field types in `model`
        detail = error["ctx"]["message"]
        joiner = " " if detail.startswith(("should ", "must ", "is ")) else ": "
        return _CUSTOM_CODES[kind], key, False, f"{where}{joiner}{detail}"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        hint = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
        message = f"{where} must be {error['ctx']['expected']}, got {describe(value)}{hint}"
        return "bad-value", key, False, message
    if kind == "too_short":
        return "missing-field", key, False, f"{where} must list at least one id"
    if kind in _EXPECTED:
        return "wrong-type", key, False, f"{where} should be {_EXPECTED[kind]}, got {describe(value)}"
    return "bad-value", key, False, f"{where}: {error['msg']}"


def _fields_at(model: type[BaseModel], key: Key) -> list[str]:
    """The field names (as written in YAML) of the model found at `key`."""
    current: type[BaseModel] | None = model
    for part in key:
        if isinstance(part, int) or current is None:
            continue
        fields = {info.alias or name: info for name, info in current.model_fields.items()}
        info = fields.get(part)
        current = _model_in(info.annotation) if info else None
    if current is None:
        return []
    return [info.alias or name for name, info in current.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


# Corpus checks
