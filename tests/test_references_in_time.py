"""README: "Versions": a reference made in a text of one day to a document whose text of that
day is not its current one links to the current text and, as «(ред. от …)», to the text of that
day; `check` warns when the anchor is not in that text; the XML names that text's expression."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from generator.content.check import Checked, check_content
from generator.site.markdown import page_markdown
from tests.conftest import REGPUB, REPO, WriteContent, regulation

ORIGINAL = "## Статья 1. Предмет\n\nТекст.\n\n## Статья 2. Сроки\n\nЕжегодно.\n"
CURRENT = ORIGINAL.replace("Ежегодно", "Ежемесячно") + "\n## Статья 3. Отчёты\n\nПубликуются.\n"
AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


@pytest.fixture
def content(write_content: WriteContent) -> Path:
    """Rules amended in 2022; an order of 2021 cites its articles 2 and 3, one of 2023 article 2."""
    return write_content(
        {
            "amend.md": regulation("amend", date="2022-06-01", amends="[rules]"),
            "rules/rules.md": regulation("rules", body=CURRENT, version="{from: 2022-07-01, by: amend}"),
            "rules/2020.md": f"---\nversion_of: rules\nversion: {{from: 2020-01-01}}\n---\n\n{ORIGINAL}",
            "order.md": regulation(
                "order", date="2021-03-01", body="См. [[rules#article-2]] и [[rules#article-3]].\n"
            ),
            "later.md": regulation("later", date="2023-03-01", body="См. [[rules#article-2]].\n"),
        }
    )


@pytest.fixture
def checked(content: Path) -> Checked:
    return check_content(content, date(2026, 1, 1))


def test_check_warns_of_an_anchor_the_text_of_that_day_lacks(checked: Checked) -> None:
    found = [(d.code, Path(d.path).name, d.line, d.message) for d in checked.report.diagnostics]
    assert found == [
        (
            "anchor-missing-then",
            "order.md",
            9,
            "'rules' had no anchor '#article-3' in its text of 2021-03-01 (from 2020-01-01), "
            "which this text refers to",
        )
    ]


def test_the_page_links_the_current_text_and_the_text_of_its_day(checked: Checked) -> None:
    corpus = checked.corpus
    order = page_markdown(corpus, corpus.by_id["order"], ())
    assert (
        '[Положение rules](../rules/index.md#article-2){data-ref="rules"} '
        "([ред. от 01.01.2020](../rules/2020-01-01/index.md#article-2))"
    ) in order
    later = page_markdown(corpus, corpus.by_id["later"], ())
    assert '[Положение rules](../rules/index.md#article-2){data-ref="rules"}.' in later
    assert "ред. от" not in later


def test_the_xml_refers_to_the_expression_of_that_day(content: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build = ["build", "--no-docx", "--content", str(content), "--output", str(site), "--as-of", "2026-01-01"]
    result = subprocess.run([str(REGPUB), *build], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "anchor-missing-then" in result.stdout
    page = (site / "regulations" / "order" / "index.html").read_text(encoding="utf-8")
    assert '(<a href="../rules/2020-01-01/#article-2">ред. от 01.01.2020</a>)' in page
    order = etree.parse(site / "regulations" / "order" / "order.xml")
    refs = order.xpath("//a:body//a:ref/@href", namespaces=AKN)
    # Article 3 is not in the text of 2021 (check warned): the reference keeps to the current text.
    rules = "/akn/vn/act/2020-01-01/rules"
    assert refs == [f"{rules}/rus@2020-01-01#art_2", f"{rules}#art_3"]
    later = etree.parse(site / "regulations" / "later" / "later.xml")
    assert later.xpath("//a:body//a:ref/@href", namespaces=AKN) == [f"{rules}#art_2"]
