"""Comparing two texts of a regulation: inserted, deleted, changed and renumbered articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.render.diff import compare, render_html

GOLDEN = Path(__file__).parent / "diff"
UPDATE = os.environ.get("REGPUB_UPDATE_GOLDEN") == "1"

OLD = """\
Стороны принимают настоящее Положение.

## Статья 1. Предмет

Положение определяет порядок координации сторон.

## Статья 2. Обмен информацией

Стороны ежеквартально обмениваются информацией о ходе работы.

## Статья 3. Проверки

Стороны проводят совместные проверки один раз в год.

## Статья 4. Отчётность

Стороны отчитываются о результатах на совместном заседании в декабре.
"""

NEW = """\
Стороны принимают настоящее Положение.

## Статья 1. Предмет

Положение определяет порядок координации и взаимодействия сторон.

## Статья 2. Цифровая платформа

Стороны ведут общий реестр поручений на цифровой платформе провинции.

## Статья 3. Обмен информацией

Стороны ежеквартально обмениваются информацией о ходе работы.

## Статья 4. Отчётность

Стороны отчитываются о результатах на совместном заседании в декабре.
"""


def kinds(old: str, new: str) -> list[tuple[str, str, str]]:
    return [
        (change.kind, change.old.anchor if change.old else "", change.new.anchor if change.new else "")
        for change in compare(old, new)
    ]


def test_inserted_deleted_changed_and_renumbered_articles() -> None:
    assert kinds(OLD, NEW) == [
        ("same", "", ""),
        ("changed", "article-1", "article-1"),
        ("inserted", "", "article-2"),
        ("moved", "article-2", "article-3"),
        ("deleted", "article-3", ""),
        ("same", "article-4", "article-4"),
    ]


def test_changed_article_is_shown_word_by_word() -> None:
    changed = compare(OLD, NEW)[1]
    assert [word for word in changed.words if word[0] != "="] == [("+", "и взаимодействия ")]


def test_identical_texts_have_no_changes() -> None:
    assert {change.kind for change in compare(OLD, OLD)} == {"same"}


@pytest.mark.parametrize("name", ["amendment"])
def test_rendered_diff_matches_golden(name: str) -> None:
    rendered = render_html(compare(OLD, NEW)) + "\n"
    path = GOLDEN / f"{name}.html"
    if UPDATE:
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")
