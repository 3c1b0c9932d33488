"""Comparing two texts of a regulation: inserted, deleted, changed and renumbered articles."""

from __future__ import annotations

import html
import os
import re
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.core.compare import compare
from generator.formats.docx.pandoc import find_toolchain
from generator.formats.docx.redline import redline
from generator.site.changes import render_html

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
    words = [word for edit in changed.edits for word in edit.words if word[0] != "="]
    assert words == [("+", "и взаимодействия")]


def test_identical_texts_have_no_changes() -> None:
    assert {change.kind for change in compare(OLD, OLD)} == {"same"}


@pytest.mark.parametrize("name", ["amendment"])
def test_rendered_diff_matches_golden(name: str) -> None:
    rendered = render_html(compare(OLD, NEW)) + "\n"
    path = GOLDEN / f"{name}.html"
    if UPDATE:
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


# The site's page and the DOCX redline show the same changes: one comparison, two renderings.

CASES = {
    "articles": (OLD, NEW),
    "list items and punctuation": (
        "## Статья 1. Права\n\nСтороны вправе:\n\n1. запрашивать сведения;\n2. проводить проверки;\n"
        "3. направлять предложения.\n",
        "## Статья 1. Права\n\nСтороны вправе, в пределах своей компетенции:\n\n1. запрашивать сведения;\n"
        "2. направлять предложения;\n3. участвовать в заседаниях.\n",
    ),
    "paragraphs": (
        "## Глава 1. Общие положения\n\nПервый абзац\nс переносом строки.\n\nВторой абзац.\n\n"
        "## Глава 2. Заключительные положения\n\nНастоящее Положение вступает в силу со дня подписания.\n",
        "## Глава 1. Общие положения\n\nПервый абзац с переносом строки.\n\n"
        "## Глава 2. Заключительные положения\n\nНастоящее Положение вступает в силу с 1 января 2024 г.\n\n"
        "Новый абзац о порядке **применения**.\n",
    ),
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def site_changes(page: str) -> list[tuple[str, str]]:
    """(ins or del, text) in reading order, as a reader of the page sees them."""
    found = [(tag, html.unescape(text)) for tag, text in re.findall(r"<(ins|del)>(.*?)</\1>", page, re.S)]
    return _merged(found)


def docx_changes(document: Path) -> list[tuple[str, str]]:
    """(ins or del, text) in reading order, as Word's tracked changes hold them."""
    with zipfile.ZipFile(document) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    found = []
    for element in root.iter():
        if element.tag == f"{W}ins":
            found.append(("ins", "".join(t.text or "" for t in element.iter(f"{W}t"))))
        elif element.tag == f"{W}del":
            found.append(("del", "".join(t.text or "" for t in element.iter(f"{W}delText"))))
    return _merged(found)


def _merged(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    merged: list[tuple[str, str]] = []
    for tag, text in found:
        words = " ".join(text.replace("*", "").split())
        if merged and merged[-1][0] == tag:
            merged[-1] = (tag, f"{merged[-1][1]} {words}")
        elif words:
            merged.append((tag, words))
    return merged


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_and_the_redline_show_the_same_changes(name: str, tmp_path: Path) -> None:
    old, new = CASES[name]
    page = render_html(compare(old, new))
    markdown = tmp_path / "redline.md"
    markdown.write_text(redline(old, new, "Автор", "2024-01-01T00:00:00Z"), encoding="utf-8")
    document = tmp_path / "redline.docx"
    pandoc = find_toolchain().pandoc
    subprocess.run([str(pandoc), str(markdown), "-f", "markdown", "-o", str(document)], check=True)
    shown = site_changes(page)
    assert shown
    assert docx_changes(document) == shown


def test_the_sample_amendment_is_shown_alike_on_the_site_and_in_the_docx(sample_site: Path) -> None:
    folder = sample_site / "regulations" / "coordination-regulation-2021-2025"
    page = (folder / "changes" / "index.html").read_text(encoding="utf-8")
    diff = page[page.index('<div class="regpub-diff">') :]
    shown = site_changes(diff)
    assert shown == [("ins", ", в том числе общую цифровую платформу обмена информацией между Сторонами")]
    assert docx_changes(folder / "coordination-regulation-2021-2025-2023-01-01-changes.docx") == shown
