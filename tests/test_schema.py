"""`regpub schema` and `check` agree: the sample validates against the schema as editors' tools read it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.app.schema import json_schema
from generator.core.diagnostics import Report
from generator.core.frontmatter import load_yaml, split_front_matter
from tests.conftest import SAMPLE

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def as_yaml_12(value: Any) -> Any:
    """Type plain data the way a YAML 1.2 core-schema tool (VS Code's YAML support) does."""
    if isinstance(value, dict):
        return {key: as_yaml_12(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_yaml_12(item) for item in value]
    if value in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return value.lower() == "true"
    if isinstance(value, str) and _INT.fullmatch(value):
        return int(value)
    if isinstance(value, str) and _FLOAT.fullmatch(value):
        return float(value)
    return value


def front_matter(path: Path) -> Any:
    report = Report()
    split = split_front_matter(path.read_text(encoding="utf-8"), path, report)
    assert split is not None
    located = load_yaml(split.yaml_text, path, split.yaml_line, report)
    assert located is not None
    return as_yaml_12(located.data)


def registry(path: Path) -> Any:
    located = load_yaml(path.read_text(encoding="utf-8"), path, 1, Report())
    assert located is not None
    return as_yaml_12(located.data)


@pytest.mark.parametrize("path", sorted(SAMPLE.rglob("*.md")), ids=lambda p: p.stem)
def test_sample_documents_validate_against_the_schema(path: Path) -> None:
    data = front_matter(path)
    schema = json_schema("version" if "version_of" in data else "document")
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("name", ["people", "organizations"])
def test_sample_registries_validate_against_the_schema(name: str) -> None:
    data = registry(SAMPLE / f"{name}.yml")
    jsonschema.validate(data, json_schema(name), cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"issuer": ["ppc-party-committee"]}, "Additional properties are not allowed"),
        ({"id": "Coordination_2021"}, "does not match"),
        ({"type": "regultion"}, "'regultion' is not one of ['meeting', 'regulation']"),
        ({"issuers": []}, "should be non-empty"),
        ({"status": "active"}, "'active' is not one of"),
    ],
)
def test_schema_rejects_what_check_rejects(change: dict[str, Any], problem: str) -> None:
    data = front_matter(SAMPLE / "2020" / "coordination-regulation-2021-2025.md") | change
    validator = jsonschema.Draft202012Validator(json_schema("document"))
    messages = [error.message for error in all_errors(validator.iter_errors(data))]
    assert any(problem in message for message in messages), messages


def all_errors(errors: Iterable[jsonschema.ValidationError]) -> Iterator[jsonschema.ValidationError]:
    """Errors with those inside oneOf/anyOf branches, where the regulation branch reports."""
    for error in errors:
        yield error
        yield from all_errors(error.context or [])
