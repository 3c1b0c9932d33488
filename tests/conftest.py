"""Shared helpers: write a small content root from a dict of file texts."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "regulations"

ORGANIZATIONS = """\
- id: org-a
  name: Организация А
- id: org-b
  name: Организация Б
  parent: org-a
"""

PEOPLE = """\
- id: person-a
  name: Иван Петрович Сидоров
  signature_name: И.П. Сидоров
- id: person-b
  name: Анна Сергеевна Петрова
"""

WriteContent = Callable[[dict[str, str]], Path]


@pytest.fixture
def write_content(tmp_path: Path) -> WriteContent:
    """Write `{relative path: text}` under a fresh content root with two small registries."""

    def write(files: dict[str, str]) -> Path:
        root = tmp_path / "content"
        defaults = {"organizations.yml": ORGANIZATIONS, "people.yml": PEOPLE}
        for name, text in {**defaults, **files}.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return write


def regulation(id_: str, *, body: str = "## Статья 1. Общие положения\n\nТекст.\n", **fields: str) -> str:
    """A valid regulation's file text; `fields` are extra front-matter lines, written as given."""
    lines = [
        "---",
        f"id: {id_}",
        "type: regulation",
        f"title: Положение {id_}",
        f"date: {fields.pop('date', '2020-01-01')}",
        "form: Положение",
        f"issuers: {fields.pop('issuers', '[org-a]')}",
        *(f"{name}: {value}" for name, value in fields.items()),
        "---",
        "",
    ]
    return "\n".join(lines) + body
