"""DOCX downloads (issue 4): layout read back with python-docx, LibreOffice rendering, caching,
reproducibility and golden files of the generated pandoc input and pandoc's structure.

Real pandoc throughout (the one pypandoc-binary bundles). Regenerate the golden files with
`REGPUB_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_docx.py`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import takewhile
from pathlib import Path
from xml.etree import ElementTree

import docx
import docx.document
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Length, Mm, Pt

from generator.content.check import Checked, check_content
from generator.core.errors import DocxError
from generator.core.model import Kind, Person
from generator.core.progress import Progress
from generator.core.urls import changes_docx_path, docx_path, version_docx_path
from generator.formats.docx.build import DocxResult, build_docx, documents_with_docx, render_native
from generator.formats.docx.inputs import docx_input, version_inputs
from generator.formats.docx.pandoc import Job, find_toolchain, run_jobs
from generator.formats.docx.redline import redline
from generator.resources import docx_theme
from tests.conftest import REPO, SAMPLE, WriteContent, regulation

AS_OF = date(2026, 1, 1)
SITE = "https://example.org/npa/"
REGULATION = "coordination-regulation-2021-2025"
MEETING = "coordination-meeting-2020-12-21"
GOLDEN = Path(__file__).parent / "docx"
DOCX_THEME = docx_theme()
ARTIFACTS = Path(__file__).parent / "artifacts" / "docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The sample regulation's original text, and the redline of its current text (README: "Versions").
EARLIER = Path(version_docx_path(REGULATION, date(2021, 1, 1)))
REDLINE = Path(changes_docx_path(REGULATION, date(2023, 1, 1), current=True))
AMENDMENT_AUTHOR = "Решение от 20 декабря 2022 г."


@dataclass(frozen=True)
class Build:
    checked: Checked
    result: DocxResult
    out: Path
    cache: Path

    def path(self, id_: str) -> Path:
        entry = self.checked.corpus.get(id_)
        assert entry is not None
        assert entry.kind is not None
        return self.out / docx_path(entry.kind, id_)

    def open(self, id_: str) -> docx.document.Document:
        return docx.Document(str(self.path(id_)))


def build(
    root: Path, out: Path, cache: Path, *, site_url: str | None = None, jobs: int | None = None
) -> Build:
    checked = check_content(root, AS_OF)
    assert not checked.report.failed(strict=False), [d.format() for d in checked.report.diagnostics]
    result = build_docx(checked.corpus, AS_OF, out, cache_dir=cache, site_url=site_url, jobs=jobs)
    return Build(checked, result, out, cache)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("docx")
    return build(SAMPLE, folder / "site", folder / "cache")


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("docx-linked")
    return build(SAMPLE, folder / "site", folder / "cache", site_url=SITE)


def texts(document: docx.document.Document) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph with text, in order."""
    return [(p.style.name if p.style else "", p.text) for p in document.paragraphs if p.text.strip()]


def millimetres(*lengths: Length | None) -> tuple[float, ...]:
    """Lengths rounded to 0.1 mm (Word stores twips: 210 mm is 11906 twips, not exactly 210)."""
    return tuple(round(length.mm, 1) if length is not None else -1.0 for length in lengths)


def xml_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        names = [name for name in archive.namelist() if name.endswith((".xml", ".rels"))]
        return {name: archive.read(name).decode("utf-8") for name in names}


# What is built


def test_every_document_but_external_ones_gets_a_docx(sample: Build) -> None:
    expected = {entry.id for entry in documents_with_docx(sample.checked.corpus)}
    assert expected == {
        REGULATION,
        MEETING,
        "coordination-programme-2019-2020",
        "coordination-content-2021",
        "coordination-amendment-2022",
    }
    # The regulation with two texts also gets its earlier text and the redline of the current one.
    assert {path.stem for path in sample.result.files} == expected | {EARLIER.stem, REDLINE.stem}
    for id_ in expected:
        assert sample.path(id_).is_file()
    assert not list(sample.out.rglob("directive-05-ct-tw*.docx"))
    assert sample.path(MEETING).relative_to(sample.out).as_posix() == docx_path(Kind.MEETING, MEETING)
    assert (sample.result.converted, sample.result.reused) == (7, 0)


# The page and the styles (GOST R 7.0.97-2016)


def test_page_is_a4_with_official_margins_and_page_numbers_from_page_two(sample: Build) -> None:
    for path in sample.result.files:
        section = docx.Document(str(path)).sections[-1]
        assert millimetres(section.page_width, section.page_height) == (210, 297), path.name
        margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
        assert millimetres(*margins) == (20, 10, 20, 20), path.name
        assert section.different_first_page_header_footer
        assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
        header = section.header.paragraphs[0]
        assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert "PAGE" in "".join(node.text or "" for node in header._p.iter(f"{W}instrText"))


def test_fonts_sizes_indents_and_language(sample: Build) -> None:
    document = sample.open(REGULATION)
    styles = document.styles
    normal = styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    body = styles["Body Text"].paragraph_format
    assert body.first_line_indent is not None
    assert abs(body.first_line_indent - Cm(1.25)) < Mm(0.1)
    assert styles["Normal"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    line_spacing = styles["Normal"].paragraph_format.line_spacing
    assert isinstance(line_spacing, float)
    assert 1.0 <= line_spacing <= 1.5
    for name in ("Table Text", "Signature Position", "Signature Name"):
        assert styles[name].font.size == Pt(12), name
    defaults = styles.element.find(f"{W}docDefaults")
    assert defaults is not None
    languages = {node.get(f"{W}val") for node in defaults.iter(f"{W}lang")}
    assert languages == {"ru-RU"}
    fonts = defaults.find(f"{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts is not None
    assert fonts.get(f"{W}ascii") == fonts.get(f"{W}cs") == "Times New Roman"


# The regulation


def test_regulation_head_is_a_note_then_the_requisites_in_gost_order(sample: Build) -> None:
    paragraphs = texts(sample.open(REGULATION))
    assert paragraphs[:7] == [
        # What the site knows of this text, apart from the requisites:
        ("Document Note", "Редакция от 1 января 2023 г. (недействующая)"),  # it has an earlier text
        ("Document Note", "Срок действия истёк 31 декабря 2025 г."),  # 2021–2025, seen from 2026
        # GOST R 7.0.97-2016: issuer, form, date and number, (place), title.
        ("Issuer", "ПАРТИЙНЫЙ КОМИТЕТ ПРОВИНЦИАЛЬНОГО НАРОДНОГО КОМИТЕТА"),
        ("Issuer", "ПАРТИЙНЫЙ КОМИТЕТ БЛОКА ПРОВИНЦИАЛЬНЫХ АГЕНТСТВ"),
        ("Document Form", "ПОЛОЖЕНИЕ"),
        ("Document Date Number", "21 декабря 2020 г."),
        (
            "Document Title",
            "о координации работы партийного комитета провинциального народного комитета и партийного "
            "комитета блока провинциальных агентств на период 2021–2025 годов",
        ),
    ]


def test_regulation_sections_and_articles_are_headings_with_numbers(sample: Build) -> None:
    paragraphs = texts(sample.open(REGULATION))
    sections = [text for style, text in paragraphs if style == "Heading 1"]
    articles = [text for style, text in paragraphs if style == "Heading 3"]
    assert sections == [
        "Раздел I. Общие положения",
        "Раздел II. Содержание координации",
        "Раздел III. Организация исполнения",
    ]
    assert len(articles) == 15
    assert articles[0] == "Статья 1. Предмет регулирования"
    assert articles[-1] == "Статья 15. Срок действия"
    # Numbered points are paragraphs that start with their number, at the paragraph indent.
    assert ("Body Text", "1. обмен и предоставление информации;") in paragraphs


def test_regulation_signature_block_is_a_borderless_table(sample: Build) -> None:
    document = sample.open(REGULATION)
    table = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        [
            "Заместитель секретаря провинциального комитета партии, председатель провинциального "
            "народного комитета",
            "Нгуен Дык Чунг",
        ],
        [
            "Член провинциального постоянного комитета партии, секретарь партийного комитета "
            "провинциальных агентств",
            "Нгуен Нам Динь",
        ],
    ]
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert borders is not None
    assert {side.get(f"{W}val") for side in borders} == {"nil"}
    assert table.rows[0].cells[1].paragraphs[0].style.name == "Signature Name"


def test_signature_uses_signature_name(write_content: WriteContent, tmp_path: Path) -> None:
    root = write_content(
        {"a.md": regulation("a", signatories="[{person: person-a, position: директор}]")},
    )
    built = build(root, tmp_path / "site", tmp_path / "cache")
    rows = [[cell.text for cell in row.cells] for row in built.open("a").tables[-1].rows]
    assert rows == [["Директор", "И.П. Сидоров"]]
    assert not any(style == "Document Note" for style, _ in texts(built.open("a")))  # in force, one text


# The meeting (protocol form)


def test_meeting_is_a_protocol_with_its_sections_in_order(sample: Build) -> None:
    paragraphs = texts(sample.open(MEETING))
    assert paragraphs[:3] == [
        ("Issuer", "ПАРТИЙНЫЙ КОМИТЕТ ПРОВИНЦИАЛЬНОГО НАРОДНОГО КОМИТЕТА"),
        ("Issuer", "ПОСТОЯННЫЙ КОМИТЕТ ПАРТИЙНОГО КОМИТЕТА БЛОКА ПРОВИНЦИАЛЬНЫХ АГЕНТСТВ"),
        ("Document Form", "ПРОТОКОЛ"),
    ]
    lines = [text for _, text in paragraphs]
    assert "21 декабря 2020 г." in lines
    assert "Председатели — Нгуен Дык Чунг, Нгуен Нам Динь." in lines
    assert "Присутствовали: Хоанг Ван Ньен, Чу Ба Лонг, Нгуен Ба Хао." in lines
    headings = [text for style, text in paragraphs if style == "Protocol Heading"]
    assert headings == [
        "ПОВЕСТКА ДНЯ:",
        "1. СЛУШАЛИ:",
        "ВЫСТУПИЛИ:",
        "2. СЛУШАЛИ:",
        "ПОСТАНОВИЛИ:",
        "3. СЛУШАЛИ:",
        "ВЫСТУПИЛИ:",
        "ПОСТАНОВИЛИ:",
    ]
    agenda = lines.index("ПОВЕСТКА ДНЯ:")
    assert lines[agenda + 1] == "1. Результаты выполнения программы координации на 2019–2020 годы."
    assert "Хоанг Ван Ньен — доложил о результатах взаимодействия двух комитетов в 2019–2020 годах." in lines
    assert "2.1. Продолжать координировать руководство работой по административной реформе." in lines
    adopted = [text for text in lines if text.startswith("Принят документ:")]
    assert adopted[-1] == (
        "Принят документ: Положение о координации работы партийного комитета провинциального народного "
        "комитета и партийного комитета блока провинциальных агентств на период 2021–2025 годов."
    )
    # Then the body, after the protocol.
    assert lines.index("Итоги координации в 2019–2020 годах") > lines.index(adopted[-1])


def test_meeting_is_signed_by_chairs_and_secretary(
    sample: Build, write_content: WriteContent, tmp_path: Path
) -> None:
    rows = [[cell.text for cell in row.cells] for row in sample.open(MEETING).tables[-1].rows]
    assert rows == [["Председатель", "Нгуен Дык Чунг"], ["Председатель", "Нгуен Нам Динь"]]
    root = write_content(
        {
            "m.md": "---\nid: m\ntype: meeting\ntitle: Заседание\ndate: 2020-02-03\norganizers: [org-a]\n"
            "chairs: [person-a]\nsecretary: person-b\nplace: г. Винь\n---\nТекст.\n"
        }
    )
    built = build(root, tmp_path / "site", tmp_path / "cache")
    document = built.open("m")
    rows = [[cell.text for cell in row.cells] for row in document.tables[-1].rows]
    assert rows == [["Председатель", "И.П. Сидоров"], ["Секретарь", "Анна Сергеевна Петрова"]]
    lines = [text for _, text in texts(document)]
    assert "Председатель — Иван Петрович Сидоров." in lines
    assert "Секретарь — Анна Сергеевна Петрова." in lines
    assert ("Document Place", "г. Винь") in texts(document)
    assert "ПОВЕСТКА ДНЯ:" not in lines  # no agenda, no empty section


# References


def test_no_raw_reference_reaches_any_docx(sample: Build, linked: Build) -> None:
    for built in (sample, linked):
        for path in built.result.files:
            for name, xml in xml_parts(path).items():
                assert "[[" not in xml, f"{path.name}:{name}"
                assert "]]" not in xml, f"{path.name}:{name}"


def test_references_print_titles_and_given_text(sample: Build) -> None:
    text = "\n".join(p.text for p in sample.open(MEETING).paragraphs)
    assert "товарищ Нгуен Дык Чунг, заместитель" in text  # [[person]] prints the name
    assert "по программе координации на 2019–2020 годы." in text  # [[id|text]]
    assert "(см. Положение о координации работы" in text  # [[id#article-3]] prints the title
    document_xml = xml_parts(sample.path(MEETING))["word/document.xml"]
    assert "<w:hyperlink" not in document_xml  # without a site URL, plain text


def test_references_link_to_the_site_with_site_url(linked: Build) -> None:
    parts = xml_parts(linked.path(MEETING))
    rels = parts["word/_rels/document.xml.rels"]
    assert f'Target="{SITE}regulations/{REGULATION}/#article-3"' in rels
    assert f'Target="{SITE}people/nguyen-duc-trung/"' in rels
    assert f'Target="{SITE}organizations/ppc-party-committee/"' in rels
    assert "<w:hyperlink" in parts["word/document.xml"]


def test_a_reference_to_an_own_article_is_an_internal_link(
    write_content: WriteContent, tmp_path: Path
) -> None:
    body = (
        "## Статья 1. Первая\n\nСм. [[a#article-2]] и [[a#article-2|статью 2]].\n\n"
        "## Статья 2. Вторая\n\nТекст.\n"
    )
    built = build(write_content({"a.md": regulation("a", body=body)}), tmp_path / "site", tmp_path / "cache")
    xml = xml_parts(built.path("a"))["word/document.xml"]
    assert 'w:anchor="article-2"' in xml
    assert 'w:name="article-2"' in xml  # the heading's bookmark
    assert "См. Положение a и статью 2." in [p.text for p in built.open("a").paragraphs]


# Body conventions


def test_lists_tables_admonitions_footnotes_and_quotes(write_content: WriteContent, tmp_path: Path) -> None:
    body = (
        'Текст со "словами" в кавычках[^1].\n\n'
        "1. первый пункт;\n2. второй пункт:\n   a) подпункт;\n   b) ещё подпункт.\n\n"
        "- маркер\n\n"
        "| Показатель | Значение |\n|---|---|\n| Срок | 2021 |\n\n"
        '!!! note "Обратите внимание"\n    Текст примечания.\n\n'
        "!!! warning\n    Без заголовка.\n\n"
        "```\n!!! note\n    в коде\n```\n\n"
        "[^1]: Сноска.\n"
    )
    built = build(write_content({"a.md": regulation("a", body=body)}), tmp_path / "site", tmp_path / "cache")
    document = built.open("a")
    paragraphs = texts(document)
    lines = [text for _, text in paragraphs]
    assert "Текст со «словами» в кавычках." in lines  # and a footnote reference
    assert [line for line in lines if line[:2] in {"1.", "2.", "a)", "b)", "– "}] == [
        "1. первый пункт;",
        "2. второй пункт:",
        "a) подпункт;",
        "b) ещё подпункт.",
        "– маркер",
    ]
    assert ("Note", "Обратите внимание") in paragraphs
    assert ("Note", "Текст примечания.") in paragraphs
    assert ("Note", "Внимание") in paragraphs
    assert "!!! note" in "\n".join(lines)  # code stays code
    table = document.tables[0]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Показатель", "Значение"],
        ["Срок", "2021"],
    ]
    assert table.rows[1].cells[0].paragraphs[0].style.name == "Table Text"
    assert "Сноска." in xml_parts(built.path("a"))["word/footnotes.xml"]


# Document properties


def test_document_properties(sample: Build) -> None:
    properties = sample.open(REGULATION).core_properties
    assert properties.title.startswith("Положение о координации работы")
    assert properties.subject == "Положение"
    assert properties.author == (
        "Партийный комитет провинциального народного комитета; "
        "Партийный комитет блока провинциальных агентств"
    )
    assert properties.keywords == (
        "координация, административная реформа, обмен информацией, партийное строительство, "
        "информационные технологии"
    )
    assert properties.language == "ru-RU"
    assert properties.last_modified_by == ""
    assert properties.created is not None
    assert properties.created.date() == date(2020, 12, 21)
    assert sample.open(MEETING).core_properties.subject == "Протокол"


def test_subject_has_the_number(write_content: WriteContent, tmp_path: Path) -> None:
    root = write_content({"a.md": regulation("a", number="05-CT/TW", place="г. Винь")})
    built = build(root, tmp_path / "site", tmp_path / "cache")
    assert built.open("a").core_properties.subject == "Положение № 05-CT/TW"
    paragraphs = texts(built.open("a"))
    assert ("Document Date Number", "1 января 2020 г.\t№ 05-CT/TW") in paragraphs
    assert ("Document Place", "г. Винь") in paragraphs


NASTY = "A *b* _c_ [d](e) <f> \\g `h` $i$ @j ^k^ ~l~ \"m\" 'n' -- ... #o | {#p} 1. & < > [[q]]"


def test_text_from_front_matter_prints_as_typed(write_content: WriteContent, tmp_path: Path) -> None:
    """Titles, places, numbers, names and positions are text, never Markdown or XML."""
    quoted = NASTY.replace("\\", "\\\\").replace('"', '\\"')
    organizations = f'- id: org-a\n  name: "Орган {quoted}"\n'
    people = f'- id: person-a\n  name: "Имя {quoted}"\n'
    fields = {"number": f'"{quoted}"', "place": f'"{quoted}"'}
    fields["signatories"] = f'[{{person: person-a, position: "должность {quoted}"}}]'
    text = regulation("a", **fields).replace("title: Положение a", f'title: "Положение {quoted}"')
    root = write_content({"organizations.yml": organizations, "people.yml": people, "a.md": text})
    built = build(root, tmp_path / "site", tmp_path / "cache")
    document = built.open("a")
    paragraphs = texts(document)
    assert ("Issuer", f"ОРГАН {NASTY.upper()}") in paragraphs
    assert ("Document Title", NASTY) in paragraphs  # the form word "Положение" printed above it
    assert ("Document Date Number", f"1 января 2020 г.\t№ {NASTY}") in paragraphs
    assert ("Document Place", NASTY) in paragraphs
    rows = [[cell.text for cell in row.cells] for row in document.tables[-1].rows]
    assert rows == [[f"Должность {NASTY}", f"Имя {NASTY}"]]
    assert document.core_properties.title == f"Положение {NASTY}"


def test_no_user_or_machine_names_in_any_part(sample: Build) -> None:
    names = {os.environ.get("USER", ""), os.environ.get("LOGNAME", ""), os.uname().nodename} - {""}
    for path in sample.result.files:
        parts = xml_parts(path)
        assert "lastModifiedBy" not in parts["docProps/core.xml"]
        assert "Microsoft" not in parts["docProps/app.xml"]
        for name, xml in parts.items():
            for word in names:
                assert f">{word}<" not in xml, f"{path.name}:{name} contains {word}"


# Versions (README: "Versions"): a DOCX per earlier text, a redline per amendment


REQUISITES = ("Issuer", "Document Form", "Document Date Number", "Document Place", "Document Title")


def edition_line(document: docx.document.Document) -> str:
    """The note above the requisites saying which text this is."""
    return next(p.text for p in document.paragraphs if p.style and p.style.name == "Document Note")


def test_an_earlier_text_gets_its_own_docx_laid_out_like_the_current_one(sample: Build) -> None:
    assert sample.out / EARLIER in sample.result.files
    earlier = docx.Document(str(sample.out / EARLIER))
    current = sample.open(REGULATION)
    earlier_text = "\n".join(p.text for p in earlier.paragraphs)
    current_text = "\n".join(p.text for p in current.paragraphs)
    article_9 = "активно применяют информационные технологии в управлении и работе"
    assert f"{article_9}." in earlier_text
    assert "цифровую платформу" not in earlier_text
    assert f"{article_9}, в том числе общую цифровую платформу" in current_text
    # The same head and signatures; as of 2026 the document has expired, so no text is in force.
    assert edition_line(earlier) == "Редакция от 1 января 2021 г. (недействующая)"
    assert edition_line(current) == "Редакция от 1 января 2023 г. (недействующая)"

    def requisites(document: docx.document.Document) -> list[tuple[str, str]]:  # the note differs
        return [(style, text) for style, text in texts(document) if style in REQUISITES]

    assert requisites(earlier) == requisites(current)
    assert [cell.text for row in earlier.tables[-1].rows for cell in row.cells] == [
        cell.text for row in current.tables[-1].rows for cell in row.cells
    ]


def test_a_regulation_without_versions_has_no_edition_line(sample: Build) -> None:
    document = sample.open("coordination-content-2021")
    notes = [p.text for p in document.paragraphs if p.style and p.style.name == "Document Note"]
    assert not [note for note in notes if note.startswith("Редакция")]


def test_the_redline_shows_the_amendment_as_tracked_changes(sample: Build) -> None:
    assert sample.out / REDLINE in sample.result.files
    assert REDLINE.as_posix() == (f"regulations/{REGULATION}/{REGULATION}-2023-01-01-changes.docx")
    xml = xml_parts(sample.out / REDLINE)["word/document.xml"]
    root = ElementTree.fromstring(xml)
    insertions = root.findall(f".//{W}ins")
    deletions = root.findall(f".//{W}del")
    inserted = ["".join(t.text or "" for t in ins.iter(f"{W}t")) for ins in insertions]
    assert any("цифровую платформу" in text for text in inserted), inserted
    for change in insertions + deletions:
        assert change.get(f"{W}author") == AMENDMENT_AUTHOR
        assert (change.get(f"{W}date") or "").startswith("2022-12-20")
    # Article 9 item 1 only gained words: nothing is deleted, the rest of the text is untouched.
    assert deletions == []
    assert inserted == [", в том числе общую цифровую платформу обмена информацией между Сторонами"]
    document = docx.Document(str(sample.out / REDLINE))
    expected = "Изменения, внесённые документом «Решение о внесении изменений в Положение"
    assert edition_line(document).startswith(expected)
    assert edition_line(document).endswith("(редакция от 1 января 2023 г.)")
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Статья 15" in body  # the whole text, not only the changed article
    with zipfile.ZipFile(sample.out / REDLINE) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2022, 12, 20, 0, 0, 0)}


def test_redline_markdown_keeps_markers_and_anchors_outside_the_spans() -> None:
    old = "### Статья 1. Старое {#article-1}\n\n1. Один\n   два.\n2. Три.\n\nАбзац.\n"
    new = "### Статья 1. Новое {#article-1}\n\n1. Один\n   два.\n\nАбзац.\n\n### Статья 2. Ещё {#article-2}\n"
    got = redline(old, new, "A", "D")
    a = 'author="A" date="D"'
    assert got == (
        f"### Статья 1. [Старое]{{.deletion {a}}}[Новое]{{.insertion {a}}} {{#article-1}}\n\n"
        "1. Один два.\n"
        f"2. [Три.]{{.deletion {a}}}\n\n"
        "Абзац.\n\n"
        f"### [Статья 2. Ещё]{{.insertion {a}}} {{#article-2}}\n"
    )


# Reproducibility and the cache


def test_two_builds_are_byte_identical(
    sample: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Vladivostok")  # pandoc's zip times must not depend on the zone
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    again = build(SAMPLE, tmp_path / "site", tmp_path / "cache")
    assert again.result.converted == 7
    for first, second in zip(sample.result.files, again.result.files, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name
    with zipfile.ZipFile(sample.path(REGULATION)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2020, 12, 21, 0, 0, 0)}


def test_a_rebuild_without_change_starts_no_pandoc(sample: Build, tmp_path: Path) -> None:
    again = build(SAMPLE, tmp_path / "site", sample.cache)
    assert (again.result.converted, again.result.reused, again.result.processes) == (0, 7, 0)
    for first, second in zip(sample.result.files, again.result.files, strict=True):
        assert first.read_bytes() == second.read_bytes()


def test_a_change_converts_only_what_it_affects(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(SAMPLE, root)
    first = build(root, tmp_path / "one", tmp_path / "cache")
    assert first.result.converted == 7
    path = root / "2020" / "coordination-content-2021.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nДобавленный абзац.\n", encoding="utf-8")
    second = build(root, tmp_path / "two", tmp_path / "cache")
    assert (second.result.converted, second.result.reused) == (1, 6)
    # A person's name is printed in the meeting (attendance, [[…]] references) only.
    people = root / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("Чу Ба Лонг", "Чу Ба Лонг-младший"), "utf-8")
    third = build(root, tmp_path / "three", tmp_path / "cache")
    assert third.result.converted == 1
    assert "Чу Ба Лонг-младший" in "\n".join(p.text for p in third.open(MEETING).paragraphs)
    # The status is part of the input: seen from 2024 the regulation is in force, no label.
    checked = check_content(root, date(2024, 1, 1))
    result = build_docx(checked.corpus, date(2024, 1, 1), tmp_path / "four", cache_dir=tmp_path / "cache")
    # The 2021–2025 regulation, its earlier text and its redline; the plan for 2021 stays expired.
    assert result.converted == 3
    current = docx.Document(str(next(f for f in result.files if f.stem == REGULATION)))
    head = list(takewhile(lambda p: not (p.style and p.style.name == "Issuer"), current.paragraphs))
    notes = [p.text for p in head if p.style and p.style.name == "Document Note"]
    assert notes == ["Редакция от 1 января 2023 г. (действующая)"]  # no status: in force
    # Seen from 2024 the current text is the one in force, the original one is not.
    assert edition_line(current) == "Редакция от 1 января 2023 г. (действующая)"
    assert edition_line(docx.Document(str(tmp_path / "four" / EARLIER))) == (
        "Редакция от 1 января 2021 г. (недействующая)"
    )


def test_jobs_and_a_single_process_give_the_same_files(sample: Build, tmp_path: Path) -> None:
    single = build(SAMPLE, tmp_path / "site", tmp_path / "cache", jobs=1)
    assert single.result.processes == 1
    for first, second in zip(sample.result.files, single.result.files, strict=True):
        assert first.read_bytes() == second.read_bytes()


# Errors


def test_missing_pandoc_is_a_clear_error(sample: Build, tmp_path: Path) -> None:
    with pytest.raises(DocxError, match="pandoc not found at /nonexistent/pandoc"):
        build_docx(sample.checked.corpus, AS_OF, tmp_path / "site", pandoc=Path("/nonexistent/pandoc"))
    assert not (tmp_path / "site").exists()


def test_a_failing_pandoc_is_reported_and_nothing_is_written(sample: Build, tmp_path: Path) -> None:
    broken = tmp_path / "pandoc"
    broken.write_text("#!/bin/sh\necho 'pandoc: out of memory' >&2\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    out = tmp_path / "site"
    with pytest.raises(DocxError) as raised:
        build_docx(sample.checked.corpus, AS_OF, out, cache_dir=tmp_path / "cache", pandoc=broken)
    message = str(raised.value)
    assert "pandoc could not make" in message
    assert "pandoc stopped (exit code 3): pandoc: out of memory" in message
    assert "not converted: " in message  # the others, once no pandoc is left
    assert not out.exists()
    assert not [path for path in (tmp_path / "cache").iterdir() if path.suffix == ".docx"]


def test_a_document_pandoc_rejects_is_named_in_the_error(sample: Build, tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(DOCX_THEME, theme)
    (theme / "reference.docx").write_bytes(b"not a zip file")
    corpus = sample.checked.corpus
    entry = corpus.get(REGULATION)
    assert entry is not None
    output = tmp_path / "out.docx"
    job = Job(docx_input(corpus, entry, AS_OF).job(), "docx", output)
    with pytest.raises(DocxError, match=f"pandoc could not make 1 of 1 DOCX files:\n  {REGULATION}: "):
        run_jobs(find_toolchain(theme=theme), [job], 1, Progress(1, "", enabled=False))
    assert list(tmp_path.glob("out.docx*")) == []


# Golden files: the generated pandoc input and pandoc's structure after the Lua filters


def golden_cases() -> Iterator[tuple[str, str]]:
    for id_ in (REGULATION, MEETING):
        yield id_, "md"
        yield id_, "native"


@pytest.mark.parametrize(("id_", "suffix"), list(golden_cases()))
def test_golden(linked: Build, id_: str, suffix: str) -> None:
    corpus = linked.checked.corpus
    entry = corpus.get(id_)
    assert entry is not None
    if suffix == "md":
        actual = docx_input(corpus, entry, AS_OF, SITE).markdown()
    else:
        actual = render_native(corpus, entry, AS_OF, site_url=SITE)
    golden = GOLDEN / f"{id_}.{suffix}"
    if os.environ.get("REGPUB_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}: run with REGPUB_UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


def version_cases() -> Iterator[str]:
    yield EARLIER.stem
    yield REDLINE.stem


@pytest.mark.parametrize("name", list(version_cases()))
def test_golden_versions(linked: Build, name: str) -> None:
    """The generated input of the earlier text's DOCX and of the redline (its tracked changes)."""
    corpus = linked.checked.corpus
    entry = corpus.get(REGULATION)
    assert entry is not None
    [source] = [s for s in version_inputs(corpus, entry, AS_OF, SITE) if Path(s.path).stem == name]
    actual = source.markdown()
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("REGPUB_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}: run with REGPUB_UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


# The reference document


def test_reference_document_is_what_its_script_makes(tmp_path: Path) -> None:
    script = REPO / "theme" / "docx" / "make_reference.py"
    made = tmp_path / "reference.docx"
    subprocess.run([sys.executable, str(script), str(made)], check=True, capture_output=True, cwd=tmp_path)
    assert made.read_bytes() == (DOCX_THEME / "reference.docx").read_bytes(), (
        "generator/resources/docx/reference.docx is out of date: run make reference-docx"
    )


# LibreOffice renders every DOCX (what a clerk opens), first pages saved as PNG to look at


def test_libreoffice_converts_every_docx_to_pdf(sample: Build) -> None:
    soffice, pdftoppm, pdftotext = (shutil.which(tool) for tool in ("soffice", "pdftoppm", "pdftotext"))
    if soffice is None or pdftoppm is None or pdftotext is None:
        pytest.skip(
            "LibreOffice (soffice) or poppler-utils (pdftoppm) not installed: `make system-deps` as root"
        )
    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
    ARTIFACTS.mkdir(parents=True)
    profile = ARTIFACTS / "libreoffice-profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(ARTIFACTS),
        *map(str, sample.result.files),
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr
    shutil.rmtree(profile, ignore_errors=True)
    signers = {person.signature for person in sample.checked.corpus.records(Person)}
    for path in sample.result.files:
        pdf = ARTIFACTS / f"{path.stem}.pdf"
        assert pdf.is_file(), f"{path.name}: {completed.stderr}"
        assert pdf.read_bytes().startswith(b"%PDF"), path.name
        subprocess.run(
            [pdftoppm, "-r", "80", "-png", "-f", "1", "-l", "2", str(pdf), str(ARTIFACTS / path.stem)],
            check=True,
        )
        assert (ARTIFACTS / f"{path.stem}-1.png").is_file()
        text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "ПАРТИЙНЫЙ КОМИТЕТ" in text, path.name
        assert _signatures_not_alone(pdftotext, pdf, signers), f"{path.name}: the signatures stand alone"
    meeting = subprocess.run(
        [pdftotext, str(ARTIFACTS / f"{MEETING}.pdf"), "-"], capture_output=True, text=True, check=True
    )
    assert "СЛУШАЛИ:" in meeting.stdout


def test_libreoffice_shows_the_redline_insertion(sample: Build) -> None:
    """The redline as a clerk sees it: LibreOffice shows tracked changes by default. Page 1 and
    the page with the change are saved as PNG under tests/artifacts/docx-redline to look at."""
    soffice, pdftoppm, pdftotext = (shutil.which(tool) for tool in ("soffice", "pdftoppm", "pdftotext"))
    if soffice is None or pdftoppm is None or pdftotext is None:
        pytest.skip(
            "LibreOffice (soffice) or poppler-utils (pdftoppm) not installed: `make system-deps` as root"
        )
    folder = ARTIFACTS.with_name("docx-redline")
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    profile = folder / "libreoffice-profile"
    completed = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(sample.out / REDLINE),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    shutil.rmtree(profile, ignore_errors=True)
    pdf = folder / f"{REDLINE.stem}.pdf"
    assert pdf.is_file(), completed.stderr
    pages = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages_text = pages.split("\f")
    changed = next(n for n, text in enumerate(pages_text, 1) if "цифровую" in text)
    for page in sorted({1, changed}):
        subprocess.run(
            [pdftoppm, "-r", "80", "-png", "-f", str(page), "-l", str(page), str(pdf), str(folder / "page")],
            check=True,
        )
    assert list(folder.glob("page-*1.png"))
    assert "общую цифровую платформу" in " ".join(pages.split())


def test_a_redline_marks_deleted_words_as_well_as_inserted_ones(tmp_path: Path) -> None:
    content = Path(__file__).parent / "cases" / "versions-valid" / "content"
    built = build(content, tmp_path / "site", tmp_path / "cache")
    redline = tmp_path / "site" / "regulations" / "rules" / "rules-2023-03-01-changes.docx"
    assert redline in built.result.files
    root = ElementTree.fromstring(xml_parts(redline)["word/document.xml"])
    deleted = ["".join(t.text or "" for t in change.iter(f"{W}delText")) for change in root.iter(f"{W}del")]
    inserted = ["".join(t.text or "" for t in change.iter(f"{W}t")) for change in root.iter(f"{W}ins")]
    assert any("Вторая" in text for text in deleted), deleted
    assert any("Третья" in text for text in inserted), inserted
    for change in [*root.iter(f"{W}del"), *root.iter(f"{W}ins")]:
        assert (change.get(f"{W}author") or "").startswith("Решение")
        assert (change.get(f"{W}date") or "").startswith("2022-12-01")


def _signatures_not_alone(pdftotext: str, pdf: Path, signers: set[str]) -> bool:
    """Whether the page with the signatures also holds some of the document's text (GOST R
    7.0.97: a signature is never alone on a page); true for a document without signatures."""
    pages = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    for page in reversed(pages.stdout.split("\f")):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if not any(signer in line for line in lines for signer in signers):
            continue
        text = [
            line for line in lines if not line.isdigit() and not any(signer in line for signer in signers)
        ]
        return bool(text)
    return True
