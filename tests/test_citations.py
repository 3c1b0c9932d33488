"""Russian citations of documents by form, date and number: what links and what does not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.content.check import Checked, check_content
from generator.core.citations import CitationIndex
from generator.core.pandoc_markdown import body_markdown
from generator.site.markdown import page_markdown, render_body
from tests.conftest import regulation

DOCUMENTS = {
    "directive": {"form": "Директива", "number": "05-CT/TW", "date": "2016-05-15"},
    "resolution": {"form": "Резолюция", "number": "4", "date": "2016-10-30"},
    "decree-2020": {"form": "Постановление", "number": "15", "date": "2020-12-21"},
    "decree-2019": {"form": "Постановление", "number": "15", "date": "2019-03-01"},
    "decision": {"form": "Решение", "number": "4/2019", "date": "2019-04-04"},
    "order": {"form": "Приказ", "number": "123-р", "date": "2021-02-02"},
    "disposition": {"form": "Распоряжение", "number": "179-рп", "date": "2002-09-11"},
    "plan": {"form": "План", "number": "7", "date": "2021-01-15"},
    "programme": {"form": "Программа", "number": "2", "date": "2019-01-01"},
    "statute": {"form": "Положение", "number": "1", "date": "2020-12-21"},
}

# (sentence, the id the citation links to, or None when nothing may link)
CASES = [
    ("Во исполнение Директивы № 05-CT/TW стороны координируют работу.", "directive"),
    ("Согласно Директиве №05-CT/TW.", "directive"),
    ("положения, прилагаемые к директиве № 05-СТ/TW (кириллицей)", "directive"),
    ("выполнение Резолюции №4 Центрального Комитета", "resolution"),
    ("в соответствии с Резолюцией № 4", "resolution"),
    ("Резолюция № 4 от 30.10.2016 вступила в силу", "resolution"),
    ("утверждено постановлением от 21.12.2020 № 15", "decree-2020"),
    ("постановлением от 01.03.2019 № 15 установлено", "decree-2019"),
    ("Постановление от 21 декабря 2020 г. № 15", "decree-2020"),
    ("согласно постановлению от 1 марта 2019 г. № 15", "decree-2019"),
    ("постановлением провинциального комитета от 21.12.2020 № 15", "decree-2020"),
    ("Постановления № 15 достаточно", None),  # two documents numbered 15: ambiguous
    ("постановлением от 22.12.2020 № 15", None),  # no document of that date
    ("решением № 4/2019 утверждён план", "decision"),
    ("Решения № 4/2019.", "decision"),
    ("в решении от 04.04.2019 № 4/2019", "decision"),
    ("решение № 4 принято единогласно", None),  # the number is 4/2019, not 4
    ("приказом № 123-р назначен ответственный", "order"),
    ("Приказа № 123-Р", "order"),
    ("Приказ от 02.02.2021 № 123-р", "order"),
    ("распоряжением от 11.09.2002 № 179-рп приняты планы", "disposition"),
    ("Распоряжения № 179-рп", "disposition"),
    ("по Плану № 7 на 2021 год", "plan"),
    ("планом № 7", "plan"),
    ("программой № 2 предусмотрено", "programme"),
    ("Программы № 2", "programme"),
    ("Положением № 1 определено", "statute"),
    ("в Положении № 1 о координации", "statute"),
    ("Положения № 2 не существует", None),  # no such number
    ("Директива № 06-CT/TW", None),
    ("Резолюция № 5", None),
    ("приказ № 124-р", None),
    ("Это положение важно для № 1 в списке.", None),  # the sign belongs to something else
    ("Директива 05 CT/TW без знака номера", None),  # as the seed writes it: not a citation
    ("Стороны обсудили положение дел.", None),
    ("номер 15 без вида документа", None),
    ("Письмо № 15 от 21.12.2020", None),  # not a form the corpus knows
    ("Указ № 4", None),
    ("№ 15 постановления", None),  # the number comes first
    ("постановлений № 15 и № 16", None),  # ambiguous 15, unknown 16
    ("Резолюции №4, Директивы № 05-CT/TW и Приказа № 123-р", ["resolution", "directive", "order"]),
    ("`Директива № 05-CT/TW` в коде не ссылка", None),
    ("[[other|Директива № 05-CT/TW]] уже ссылка", None),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> CitationIndex:
    root = tmp_path_factory.mktemp("citations") / "content"
    root.mkdir()
    (root / "organizations.yml").write_text("- id: org-a\n  name: Организация А\n", encoding="utf-8")
    for id_, fields in DOCUMENTS.items():
        text = regulation(id_, date=fields["date"], number=f'"{fields["number"]}"').replace(
            "form: Положение", f"form: {fields['form']}"
        )
        (root / f"{id_}.md").write_text(text, encoding="utf-8")
    (root / "other.md").write_text(regulation("other"), encoding="utf-8")
    checked = check_content(root, date(2026, 1, 1))
    assert checked.report.diagnostics == []
    return CitationIndex(checked.corpus)


def test_the_table_has_enough_real_looking_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case[0][:40] for case in CASES])
def test_citation(index: CitationIndex, sentence: str, expected: str | list[str] | None) -> None:
    linked = [citation.target for citation in index.find(sentence) if citation.target]
    wanted = expected if isinstance(expected, list) else ([expected] if expected else [])
    assert linked == wanted


def test_linking_wraps_the_citation_as_written(index: CitationIndex) -> None:
    line = "утверждено постановлением от 21.12.2020 № 15, а также"
    assert index.link(line) == "утверждено [[decree-2020|постановлением от 21.12.2020 № 15]], а также"


BODY = """## Статья 1. Основание

Во исполнение Директивы № 05-CT/TW стороны координируют работу.

!!! note "Пример"

    Ссылка в коде остаётся текстом:

    ```
    Директива № 05-CT/TW и [[nowhere]]
    ```
"""


@pytest.fixture(scope="module")
def amended(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    """A regulation amended once whose both texts cite the directive, with a code example
    inside an admonition."""
    root = tmp_path_factory.mktemp("amended") / "content"
    root.mkdir()
    (root / "organizations.yml").write_text("- id: org-a\n  name: Организация А\n", encoding="utf-8")
    directive = regulation("directive", date="2016-05-15", number='"05-CT/TW"')
    (root / "directive.md").write_text(directive.replace("form: Положение", "form: Директива"), "utf-8")
    (root / "amendment.md").write_text(regulation("amendment", date="2021-06-01", amends="[rules]"), "utf-8")
    current = regulation("rules", body=BODY + "\nНовый абзац.\n", version="{from: 2021-07-01, by: amendment}")
    (root / "rules.md").write_text(current, encoding="utf-8")
    earlier = "---\nversion_of: rules\nversion: {from: 2020-01-01}\n---\n\n" + BODY
    (root / "rules.2020-01-01.md").write_text(earlier, encoding="utf-8")
    checked = check_content(root, date(2026, 1, 1))
    assert checked.report.diagnostics == []  # [[nowhere]] in code is no reference
    return checked


def test_every_text_of_a_document_reads_its_citations_alike(amended: Checked) -> None:
    corpus = amended.corpus
    entry = corpus.by_id["rules"]
    earlier = corpus.earlier("rules")[0]
    current_page = page_markdown(corpus, entry, ())
    earlier_page = render_body(corpus, earlier.body, "regulations/rules/2020-01-01/index.md", "rules")
    link = '[Директивы № 05-CT/TW]({}directive/index.md){{data-ref="directive"}}'
    assert f"Во исполнение {link.format('../')} стороны" in current_page
    assert f"Во исполнение {link.format('../../')} стороны" in earlier_page
    for text in (current_page, earlier_page):  # the example in code stays as written
        assert "    Директива № 05-CT/TW и [[nowhere]]\n" in text
    for body in (entry.body, earlier.body):
        pandoc = body_markdown(corpus, body, "rules")
        assert "[[directive|Директивы № 05-CT/TW]]" in pandoc
        assert "\nДиректива № 05-CT/TW и [[nowhere]]\n" in pandoc  # dedented, still code


def test_an_unmatched_citation_in_an_earlier_text_gets_a_note(tmp_path: Path) -> None:
    root = tmp_path / "content"
    root.mkdir()
    (root / "organizations.yml").write_text("- id: org-a\n  name: Организация А\n", encoding="utf-8")
    (root / "amendment.md").write_text(regulation("amendment", date="2021-06-01", amends="[rules]"), "utf-8")
    (root / "rules.md").write_text(regulation("rules", version="{from: 2021-07-01, by: amendment}"), "utf-8")
    earlier = "---\nversion_of: rules\nversion: {from: 2020-01-01}\n---\n\nСм. Решение № 999.\n"
    (root / "rules.2020-01-01.md").write_text(earlier, encoding="utf-8")
    report = check_content(root, date(2026, 1, 1)).report
    found = [(d.code, Path(d.path).name, d.line, d.column, d.message) for d in report.diagnostics]
    message = "'Решение № 999' matches no document in the corpus, so it is not linked"
    assert found == [("unmatched-citation", "rules.2020-01-01.md", 6, 5, message)]
