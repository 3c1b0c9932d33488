"""README: "Versions": each part's history, «(в ред. …)» after every article an amendment
changed, «(введена …)» after one it added, the amending documents under the title, on every text
of a regulation, on its page and in its DOCX, read off the comparison the changes page shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.content.check import Checked, check_content
from generator.core.history import histories_of
from generator.formats.docx.inputs import docx_input, version_inputs
from generator.site.markdown import page_markdown, render_body
from tests.conftest import WriteContent, regulation

ORIGINAL = """## Статья 1. Предмет

Положение определяет порядок.

## Статья 2. Сроки

Отчёт представляется ежегодно.

## Статья 3. Контроль

Контроль возлагается на секретаря.
"""
SECOND = ORIGINAL.replace("ежегодно", "ежеквартально")
CURRENT = SECOND.replace("ежеквартально", "ежемесячно") + "\n## Статья 4. Отчётность\n\nОтчёты публикуются.\n"


def _earlier(version: str, body: str) -> str:
    return f"---\nversion_of: rules\nversion: {{from: {version}}}\n---\n\n{body}"


@pytest.fixture
def amended(write_content: WriteContent) -> Checked:
    """Rules amended twice: article 2 changed by both amendments, article 4 added by the second."""
    decision = "form: Положение"

    def amendment(id_: str, day: str, number: str) -> str:
        text = regulation(id_, date=day, number=f'"{number}"', amends="[rules]")
        return text.replace(decision, "form: Решение")

    root = write_content(
        {
            "amend-1.md": amendment("amend-1", "2021-06-01", "1"),
            "amend-2.md": amendment("amend-2", "2022-06-01", "2/5"),
            "rules/rules.md": regulation("rules", body=CURRENT, version="{from: 2022-07-01, by: amend-2}"),
            "rules/2020.md": _earlier("2020-01-01", ORIGINAL),
            "rules/2021.md": _earlier("2021-07-01, by: amend-1", SECOND),
        }
    )
    checked = check_content(root, date(2026, 1, 1))
    assert checked.report.diagnostics == []
    return checked


def _notes(markdown: str) -> list[str]:
    return [line for line in markdown.split("\n") if line.startswith(("(в ред.", "(введена"))]


def test_the_current_text_says_what_changed_each_article(amended: Checked) -> None:
    page = page_markdown(amended.corpus, amended.corpus.by_id["rules"], ())
    assert _notes(page) == [
        "(в ред. [решений от 01.06.2021 № 1](../amend-1/index.md), "
        "[от 01.06.2022 № 2/5](../amend-2/index.md))",
        "(в ред. [решений от 01.06.2021 № 1](2021-07-01/changes/index.md#article-2), "
        "[от 01.06.2022 № 2/5](changes/index.md#article-2))",
        "(введена [решением от 01.06.2022 № 2/5](changes/index.md#article-4))",
    ]
    # Each note follows its article's last paragraph and is a paragraph of its own class.
    assert "Отчёт представляется ежемесячно.\n\n(в ред." in page
    assert "Отчёты публикуются.\n\n(введена" in page
    assert page.count("{: .regpub-history .regpub-history--part }") == 2
    assert page.index("regpub-history--title") < page.index("Статья 1")


def test_an_earlier_text_has_the_history_of_its_own_day(amended: Checked) -> None:
    corpus = amended.corpus
    second, original = (
        next(text for text in corpus.earlier("rules") if text.record and text.record.version.from_ == day)
        for day in (date(2021, 7, 1), date(2020, 1, 1))
    )
    page = "regulations/rules/2021-07-01/index.md"
    assert _notes(render_body(corpus, second.body, page, "rules", text=date(2021, 7, 1))) == [
        "(в ред. [решения от 01.06.2021 № 1](../../amend-1/index.md))",
        "(в ред. [решения от 01.06.2021 № 1](changes/index.md#article-2))",
    ]
    assert _notes(render_body(corpus, original.body, page, "rules", text=date(2020, 1, 1))) == []


def test_the_docx_says_it_too_in_the_notes_style(amended: Checked) -> None:
    corpus = amended.corpus
    current = docx_input(corpus, corpus.by_id["rules"], date(2026, 1, 1)).body
    title = "\\(в ред\\. решений от 01\\.06\\.2021 № 1\\, от 01\\.06\\.2022 № 2\\/5\\)"  # pandoc's escapes
    assert current.startswith(f'::: {{custom-style="Document Note"}}\n{title}\n:::\n')
    assert 'Отчёты публикуются.\n\n::: {custom-style="Document Note"}\n\\(введена решением' in current
    earlier = [item.body for item in version_inputs(corpus, corpus.by_id["rules"], date(2026, 1, 1))]
    assert sum("\\(в ред\\. решения от 01\\.06\\.2021 № 1\\)" in body for body in earlier) == 1
    assert all("введена" not in body for body in earlier)  # nor in the redlines: they show the change itself


def test_a_section_added_is_introduced_in_the_masculine(write_content: WriteContent) -> None:
    root = write_content(
        {
            "amend.md": regulation("amend", date="2021-06-01", amends="[rules]"),
            "rules/rules.md": regulation(
                "rules",
                body=ORIGINAL + "\n## Раздел II. Заключение\n\nТекст.\n",
                version="{from: 2021-07-01, by: amend}",
            ),
            "rules/2020.md": _earlier("2020-01-01", ORIGINAL),
        }
    )
    corpus = check_content(root, date(2026, 1, 1)).corpus
    history = histories_of(corpus, "rules")[date(2021, 7, 1)]
    assert [(anchor, part.added_by and part.added_by.id) for anchor, part in history.parts.items()] == [
        ("section-2", "amend")
    ]
    page = page_markdown(corpus, corpus.by_id["rules"], ())
    assert "(введён [положением от 01.06.2021](changes/index.md#section-2))" in page


def test_the_sample_links_each_note_to_its_change(sample_site: Path) -> None:
    folder = sample_site / "regulations" / "coordination-regulation-2021-2025"
    page = (folder / "index.html").read_text(encoding="utf-8")
    note = (
        '<p class="regpub-history regpub-history--part">'
        '(в ред. <a href="changes/#article-9">решения от 20.12.2022</a>)</p>'
    )
    assert note in page
    assert page.index(note) < page.index('id="article-10"')
    changes = (folder / "changes" / "index.html").read_text(encoding="utf-8")
    assert 'id="article-9"' in changes
    xml = (folder / "coordination-regulation-2021-2025.xml").read_text(encoding="utf-8")
    assert "в ред." not in xml  # the XML says it in its metadata
