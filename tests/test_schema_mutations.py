"""The published front-matter schema and `regpub check` agree on every single-field change a
schema can express, as the schema's real client (check-jsonschema) reads it.

Each case changes one field of a valid regulation or meeting (or removes it); `check` and
check-jsonschema must both accept it or both reject it. Rules a schema cannot state (links to
other records, files on disk, the as-of date, the body) are out of this table.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator.app.schema import json_schema
from generator.content.check import check_content
from tests.conftest import REPO, SAMPLE

CHECK_JSONSCHEMA = REPO / ".venv" / "bin" / "check-jsonschema"
BASES = {
    "regulation": {
        "id": "rules",
        "type": "regulation",
        "title": "Положение о порядке работы",
        "date": "2020-01-10",
        "form": "Положение",
        "issuers": "[provincial-party-committee]",
    },
    "meeting": {
        "id": "session",
        "type": "meeting",
        "title": "Заседание комитета",
        "date": "2020-01-10",
        "organizers": "[provincial-party-committee]",
        "chairs": "[nguyen-duc-trung]",
    },
}
DELETE = None


def _decision(decision: str) -> str:
    return f"[{{title: Вопрос, decisions: [{decision}]}}]"


# (document, field, its new YAML value or DELETE, whether check accepts it)
CASES = [
    ("regulation", "title", "2021", True),
    ("regulation", "title", "true", True),
    ("regulation", "title", '""', False),
    ("regulation", "title", DELETE, False),
    ("regulation", "title", "[a, b]", False),
    ("regulation", "tags", "[2021]", True),
    ("regulation", "tags", "Тема", False),
    ("regulation", "number", "1.10", True),
    ("regulation", "number", "4", True),
    ("regulation", "number", '"05-CT/TW"', True),
    ("regulation", "status", "repealed", False),
    ("regulation", "status", "draft", True),
    ("regulation", "status", "active", False),
    ("regulation", "repealed_on", "2021-01-01", False),
    ("regulation", "source_url", "ftp://example.org/x", False),
    ("regulation", "source_url", "https://example.org/x", True),
    ("regulation", "date", "21.12.2020", False),
    ("regulation", "date", "2020-13-01", False),
    ("regulation", "date", DELETE, False),
    ("regulation", "id", "Bad_Id", False),
    ("regulation", "id", "2021", True),
    ("regulation", "id", "a" * 81, False),
    ("regulation", "type", "regultion", False),
    ("regulation", "type", "meeting", False),
    ("regulation", "type", DELETE, False),
    ("regulation", "issuers", "[]", False),
    ("regulation", "issuers", DELETE, False),
    ("regulation", "form", '""', False),
    ("regulation", "issuer", "[provincial-party-committee]", False),
    ("regulation", "external", "yes", False),
    ("regulation", "external", "true", True),
    ("regulation", "effective", "{from: 2021-01-01}", True),
    ("regulation", "effective", "{to: 2021-01-01}", False),
    ("regulation", "effective", "2021-01-01", False),
    ("regulation", "signatories", "[{person: nguyen-duc-trung}]", True),
    ("regulation", "signatories", "[{position: Секретарь}]", False),
    ("regulation", "version", "{from: 2021-01-01}", False),
    ("meeting", "chairs", "[]", False),
    ("meeting", "chairs", DELETE, False),
    ("meeting", "agenda", "[{title: Вопрос, decisions: [2021]}]", True),
    ("meeting", "agenda", "[{decisions: [Принять]}]", False),
    ("meeting", "form", "Положение", False),
    ("meeting", "secretary", "nguyen-duc-trung", True),
    ("meeting", "invited", "[nguyen-nam-dinh]", True),
    ("meeting", "invited", "nguyen-nam-dinh", False),
    # Decisions, votes and assignments (README: "Decisions, votes and assignments")
    ("meeting", "agenda", _decision("{text: Утвердить план.}"), True),
    ("meeting", "agenda", _decision("{vote: unanimous}"), False),
    ("meeting", "agenda", _decision("{text: Утвердить., vote: unanimous}"), True),
    ("meeting", "agenda", _decision("{text: Утвердить., vote: единогласно}"), False),
    ("meeting", "agenda", _decision("{text: Утвердить., vote: {for: 12, against: 0, abstained: 1}}"), True),
    ("meeting", "agenda", _decision("{text: Утвердить., vote: {for: -1}}"), False),
    ("meeting", "agenda", _decision("{text: Утвердить., vote: {for: 2.5}}"), False),
    ("meeting", "agenda", _decision("{text: Утвердить., vote: {for: [nguyen-nam-dinh], against: []}}"), True),
    ("meeting", "agenda", _decision("{text: Утвердить., vote: {for: [Nguyen]}}"), False),
    ("meeting", "agenda", _decision("{text: Утвердить., vote: {yes: 3}}"), False),
    ("meeting", "agenda", _decision("{text: Утвердить., result: rejected}"), True),
    ("meeting", "agenda", _decision("{text: Утвердить., result: failed}"), False),
    (
        "meeting",
        "agenda",
        _decision("{text: Поручить., assignees: [nguyen-nam-dinh], due: 2021-03-31}"),
        True,
    ),
    ("meeting", "agenda", _decision("{text: Поручить., due: 31.03.2021}"), False),
    ("meeting", "agenda", _decision("{text: Поручить., done: {on: 2021-03-20}}"), True),
    ("meeting", "agenda", _decision("{text: Поручить., done: {report: session}}"), False),
    ("meeting", "agenda", _decision("{text: Поручить., deadline: 2021-03-31}"), False),
]


def _front_matter(kind: str, field: str, value: str | None) -> str:
    fields = dict(BASES[kind])
    if value is DELETE:
        fields.pop(field, None)
    else:
        fields[field] = value
    return "".join(f"{name}: {text}\n" for name, text in fields.items())


def _write_case(folder: Path, yaml: str) -> Path:
    """A content root holding the document (and the sample's registries); the YAML beside it."""
    folder.mkdir()
    for registry in ("organizations.yml", "people.yml"):
        shutil.copy(SAMPLE / registry, folder / registry)
    (folder / "document.md").write_text(f"---\n{yaml}---\n\n## Статья 1. Порядок\n\nТекст.\n", "utf-8")
    instance = folder.with_suffix(".yml")
    instance.write_text(yaml, encoding="utf-8")
    return instance


@pytest.mark.skipif(not CHECK_JSONSCHEMA.exists(), reason="check-jsonschema is not installed (make test)")
def test_schema_and_check_agree_on_every_single_field_change(tmp_path: Path) -> None:
    schema = tmp_path / "document.schema.json"
    schema.write_text(json.dumps(json_schema("document"), ensure_ascii=False), encoding="utf-8")
    cases = [(kind, "id", BASES[kind]["id"], True) for kind in BASES] + CASES  # the bases first
    instances = [
        _write_case(tmp_path / f"case-{index:02d}", _front_matter(kind, field, value))
        for index, (kind, field, value, _) in enumerate(cases)
    ]
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", str(schema), "-o", "json", *map(str, instances)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    assert report["parse_errors"] == []
    rejected = {Path(error["filename"]).stem for error in report["errors"]}
    disagreements = []
    for instance, (kind, field, value, accepted) in zip(instances, cases, strict=True):
        check_accepts = not check_content(instance.with_suffix(""), date(2026, 1, 1)).report.has_errors
        assert check_accepts == accepted, f"check changed its mind: {kind} {field}: {value}"
        schema_accepts = instance.stem not in rejected
        if schema_accepts != check_accepts:
            disagreements.append(f"{kind} {field}: {value} (check {check_accepts}, schema {schema_accepts})")
    assert disagreements == []
    assert len(CASES) >= 53
    assert sum(not accepted for *_, accepted in CASES) >= 20  # most changes are mistakes
