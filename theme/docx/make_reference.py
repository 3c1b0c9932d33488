#!/usr/bin/env python3
"""Regenerate `reference.docx`: the page and the styles of every DOCX download.

Usage (from the repository root, with the project's virtualenv)::

    .venv/bin/python theme/docx/make_reference.py

It starts from pandoc's own default reference document (so every style pandoc's DOCX writer
uses exists) and rewrites the styles and the page as a Russian official document wants them
(GOST R 7.0.97-2016): A4; margins 20 mm left, 10 mm right, 20 mm top and bottom; Times New
Roman 14 pt, first-line indent 1.25 cm, justified, line spacing 1.15; 12 pt in tables and
signature blocks; the page number at the top centre from page 2; language ru-RU. The custom
paragraph styles (Issuer, Document Form, …) are the ones `generator/formats/docx/source.py`
names. The body of the reference shows a specimen of each, so a reviewer can open the file and
see them; pandoc ignores it.

Why a script: the styles are reviewed as code, and the file is rebuilt identically (fixed zip
timestamps, no author, no dates from the clock), so a diff of `reference.docx` means a diff here.
Needs `python-docx` (a test dependency) and pandoc (from `pypandoc-binary`).
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import docx.document
import pypandoc  # type: ignore[import-untyped]
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

# The package ships the document: `python theme/docx/make_reference.py [OUTPUT]`.
OUTPUT = Path(__file__).resolve().parents[2] / "generator" / "resources" / "docx" / "reference.docx"
Element = Any  # an lxml element of python-docx's oxml layer

FONT = "Times New Roman"
MONO = "Courier New"
LANGUAGE = "ru-RU"
INDENT = 709  # 1.25 cm in twentieths of a point
TEXT_WIDTH = 10205  # A4 210 mm - 20 mm - 10 mm = 180 mm
LINE = 276  # line spacing 1.15 (240 = single)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Style:
    """A style as we want it: every property listed, nothing inherited from pandoc's theme."""

    name: str
    kind: str = "paragraph"
    based_on: str | None = "Normal"
    next: str | None = None
    align: str | None = None  # both, center, left, right
    first_line: int | None = None  # twips
    left: int | None = None
    before: int | None = None
    after: int | None = None
    line: int | None = None
    size: int | None = None  # points
    bold: bool = False
    italic: bool = False
    keep_next: bool = False
    outline: int | None = None  # 0 = Heading 1
    letter_spacing: int | None = None  # twips between letters
    hyphenate: bool = True
    font: str | None = None
    tabs: tuple[tuple[str, int], ...] = ()  # (alignment, position)
    exact_line: bool = False  # `line` is an exact height, not a multiple
    widow_control: bool = False


def _heading(level: int, *, centred: bool, italic: bool = False) -> Style:
    return Style(
        f"heading {level}",
        next="Body Text",
        align="center" if centred else "both",
        first_line=0 if centred else INDENT,
        before=240 if level <= 3 else 120,
        after=120 if level <= 3 else 60,
        size=14,
        bold=not italic,
        italic=italic,
        keep_next=True,
        outline=level - 1,
        hyphenate=False,
    )


# Levels 1-2 are sections and chapters (centred), 3 is an article (at the paragraph indent);
# the Lua filter `layout.lua` maps the body's headings onto them.
STYLES: tuple[Style, ...] = (
    Style(
        "Normal",
        based_on=None,
        align="both",
        first_line=0,
        before=0,
        after=0,
        line=LINE,
        size=14,
        font=FONT,
        widow_control=True,
    ),
    Style("Body Text", first_line=INDENT),
    Style("First Paragraph", based_on="Body Text", next="Body Text"),
    Style("Compact", based_on="Body Text"),
    Style("Title", align="center", before=0, after=240, bold=True, hyphenate=False),
    Style("Subtitle", align="center", after=240),
    Style("Author", align="center"),
    Style("Date", align="center"),
    Style("Abstract", first_line=INDENT, size=12),
    Style("Bibliography", first_line=0),
    _heading(1, centred=True),
    _heading(2, centred=True),
    _heading(3, centred=False),
    _heading(4, centred=False),
    *(_heading(level, centred=False, italic=True) for level in range(5, 10)),
    Style("Block Text", based_on="Body Text", left=INDENT, before=120, after=120, italic=True),
    Style("Footnote Text", first_line=0, line=240, size=10),
    Style("Footnote Block Text", based_on="Footnote Text", left=INDENT),
    Style("Definition Term", first_line=INDENT, bold=True, keep_next=True),
    Style("Definition", left=INDENT, first_line=INDENT),
    Style("Caption", align="left", after=120, size=12, italic=True),
    Style("Table Caption", based_on="Caption", keep_next=True),
    Style("Image Caption", based_on="Caption", align="center"),
    Style("Figure", align="center"),
    Style("Captioned Figure", based_on="Figure", keep_next=True),
    Style("TOC Heading", align="center", bold=True, before=240, after=120, hyphenate=False),
    Style("Source Code", align="left", line=240, size=12, font=MONO),
    # Our own paragraph styles, in the order they appear on a page.
    Style("Issuer", align="center", line=240, after=120, bold=True, hyphenate=False),
    Style(
        "Document Form",
        align="center",
        before=240,
        bold=True,
        letter_spacing=40,
        keep_next=True,
        hyphenate=False,
    ),
    Style("Document Title", align="center", before=240, line=240, bold=True, keep_next=True, hyphenate=False),
    # What the site knows of the text (its edition, a status other than in force), above the
    # requisites and apart from them: not part of the document as it was signed.
    Style("Document Note", align="right", line=240, size=12, italic=True, hyphenate=False),
    Style("Document Date Number", align="left", before=240, tabs=(("right", TEXT_WIDTH),)),
    Style("Document Place", align="center", hyphenate=False),
    Style("Gap", line=240, exact_line=True),
    Style("Protocol Entry", first_line=0),
    Style("Protocol Heading", align="left", first_line=0, before=240, keep_next=True, hyphenate=False),
    Style("Note", based_on="Body Text", left=INDENT, first_line=0, before=120, after=120, size=12),
    Style("Table Text", align="left", line=240, size=12),
    Style("Signature Position", align="left", line=240, before=240, size=12, hyphenate=False),
    Style("Signature Name", align="right", line=240, before=240, size=12, hyphenate=False),
)

CHARACTER_STYLES: dict[str, dict[str, str | None]] = {
    # Links stay black and plain: the documents are printed and filed.
    "Hyperlink": {"color": None, "underline": None},
    "Verbatim Char": {"font": MONO, "size": "24"},
    "Footnote Reference": {"superscript": "1"},
    "Body Text Char": {},
    "Section Number": {},
}


def default_reference(pandoc: str) -> bytes:
    """pandoc's own reference.docx, the base every style of its DOCX writer exists in."""
    command = [pandoc, "--print-default-data-file", "reference.docx"]
    return subprocess.run(command, check=True, capture_output=True).stdout


def build(pandoc: str) -> bytes:
    document = docx.Document(io.BytesIO(default_reference(pandoc)))
    styles_root = document.styles.element
    _set_defaults(styles_root)
    for style in STYLES:
        _apply(styles_root, style)
    for name, props in CHARACTER_STYLES.items():
        _apply_character(styles_root, name, props)
    _strip_theme(styles_root)
    _set_table_style(styles_root)
    _set_page(document)
    _set_settings(document)
    _write_specimen(document)
    _clear_properties(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _element(tag: str, **attributes: str) -> Element:
    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _run_fonts(font: str) -> Element:
    # Explicit fonts for every script, no theme fonts: themes override explicit names.
    return _element("w:rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font)


def _set_defaults(root: Element) -> None:
    defaults = root.find(qn("w:docDefaults"))
    run = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(run):
        run.remove(child)
    run.append(_run_fonts(FONT))
    run.append(_element("w:sz", val="28"))
    run.append(_element("w:szCs", val="28"))
    run.append(_element("w:lang", val=LANGUAGE, eastAsia=LANGUAGE, bidi="ar-SA"))
    paragraph = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(paragraph):
        paragraph.remove(child)
    paragraph.append(_element("w:spacing", before="0", after="0", line=str(LINE), lineRule="auto"))


def _style_id(name: str) -> str:
    """The style id pandoc and python-docx derive from a name: `Body Text` → `BodyText`."""
    return name.replace(" ", "").replace("heading", "Heading")


def _find_or_create(root: Element, kind: str, name: str) -> Element:
    style_id = _style_id(name)
    for element in root.findall(qn("w:style")):
        if element.get(qn("w:styleId")) == style_id:
            return element
    element = _element("w:style", type=kind, styleId=style_id)
    element.set(qn("w:customStyle"), "1")
    element.append(_element("w:name", val=name))
    root.append(element)
    return element


def _apply(root: Element, style: Style) -> None:
    element = _find_or_create(root, style.kind, style.name)
    for tag in ("w:basedOn", "w:next", "w:pPr", "w:rPr", "w:rsid", "w:semiHidden", "w:unhideWhenUsed"):
        for child in element.findall(qn(tag)):
            element.remove(child)
    anchor = element.find(qn("w:name"))
    position = list(element).index(anchor) + 1
    if style.based_on:
        element.insert(position, _element("w:basedOn", val=_style_id(style.based_on)))
        position += 1
    if style.next:
        element.insert(position, _element("w:next", val=_style_id(style.next)))
    if element.find(qn("w:qFormat")) is None:
        element.append(_element("w:qFormat"))
    element.append(_paragraph_properties(style))
    element.append(_run_properties(style))


def _paragraph_properties(style: Style) -> Element:
    properties = _element("w:pPr")
    if style.keep_next:
        properties.append(_element("w:keepNext"))
        properties.append(_element("w:keepLines"))
    if style.widow_control:
        properties.append(_element("w:widowControl"))
    if style.tabs:
        tabs = _element("w:tabs")
        for alignment, position in style.tabs:
            tabs.append(_element("w:tab", val=alignment, pos=str(position)))
        properties.append(tabs)
    if not style.hyphenate:
        # Names, titles and headings are never broken across lines (GOST R 7.0.97-2016).
        properties.append(_element("w:suppressAutoHyphens"))
    spacing = {
        key: str(value)
        for key, value in (("before", style.before), ("after", style.after), ("line", style.line))
        if value is not None
    }
    if style.line is not None:
        spacing["lineRule"] = "exact" if style.exact_line else "auto"
    if spacing:
        properties.append(_element("w:spacing", **spacing))
    indent = {
        key: str(value)
        for key, value in (("left", style.left), ("firstLine", style.first_line))
        if value is not None
    }
    if indent:
        properties.append(_element("w:ind", **indent))
    if style.align:
        properties.append(_element("w:jc", val=style.align))
    if style.outline is not None:
        properties.append(_element("w:outlineLvl", val=str(style.outline)))
    return properties


def _run_properties(style: Style) -> Element:
    properties = _element("w:rPr")
    if style.font:
        properties.append(_run_fonts(style.font))
    if style.bold:
        properties.append(_element("w:b"))
        properties.append(_element("w:bCs"))
    if style.italic:
        properties.append(_element("w:i"))
        properties.append(_element("w:iCs"))
    properties.append(_element("w:color", val="000000"))
    if style.letter_spacing:
        properties.append(_element("w:spacing", val=str(style.letter_spacing)))
    if style.size:
        properties.append(_element("w:sz", val=str(style.size * 2)))
        properties.append(_element("w:szCs", val=str(style.size * 2)))
    return properties


def _apply_character(root: Element, name: str, props: dict[str, str | None]) -> None:
    element = _find_or_create(root, "character", name)
    for child in element.findall(qn("w:rPr")):
        element.remove(child)
    properties = _element("w:rPr")
    if props.get("font"):
        properties.append(_run_fonts(str(props["font"])))
    # Children in the order the OOXML schema wants: rFonts, sz, szCs, vertAlign.
    if props.get("size"):
        properties.append(_element("w:sz", val=str(props["size"])))
        properties.append(_element("w:szCs", val=str(props["size"])))
    if props.get("superscript"):
        properties.append(_element("w:vertAlign", val="superscript"))
    element.append(properties)


def _strip_theme(root: Element) -> None:
    """Heading N Char and the like carry theme fonts and colours; make them plain too."""
    for style in root.findall(qn("w:style")):
        run = style.find(qn("w:rPr"))
        if run is None:
            continue
        for tag in ("w:rFonts", "w:color"):
            for child in run.findall(qn(tag)):
                if child.get(qn("w:asciiTheme")) or child.get(qn("w:themeColor")):
                    run.remove(child)


def _set_table_style(root: Element) -> None:
    """Body tables: thin borders on every cell (the signature block has none, see docx_source)."""
    table = _find_or_create(root, "table", "Table")
    for child in table.findall(qn("w:tblStylePr")) + table.findall(qn("w:tblPr")):
        table.remove(child)
    properties = _element("w:tblPr")
    properties.append(_element("w:tblInd", w="0", type="dxa"))
    borders = _element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{side}", val="single", sz="4", space="0", color="000000"))
    properties.append(borders)
    margins = _element("w:tblCellMar")
    for side, width in (("top", "0"), ("left", "85"), ("bottom", "0"), ("right", "85")):
        margins.append(_element(f"w:{side}", w=width, type="dxa"))
    properties.append(margins)
    table.append(properties)
    header = _element("w:tblStylePr", type="firstRow")
    header_run = _element("w:rPr")
    header_run.append(_element("w:b"))
    header.append(header_run)
    table.append(header)


def _set_page(document: docx.document.Document) -> None:
    section = document.sections[-1]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(20), Mm(10)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.gutter = Mm(0)
    # The first page has no number (GOST R 7.0.97-2016, 6.5): an empty first-page header.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph_properties = paragraph._p.get_or_add_pPr()
    paragraph_properties.append(_element("w:jc", val="center"))
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(12)
        if kind:
            run._r.append(_element("w:fldChar", fldCharType=kind))
        elif text == " PAGE ":
            instruction = _element("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text


def _set_settings(document: docx.document.Document) -> None:
    settings = document.settings.element
    for tag, attributes in (("w:themeFontLang", {"val": LANGUAGE}), ("w:defaultTabStop", {"val": "709"})):
        element = settings.find(qn(tag))
        if element is not None:
            for key, value in attributes.items():
                element.set(qn(f"w:{key}"), value)
    # Russian text is justified; hyphenation keeps the gaps between words small.
    if settings.find(qn("w:autoHyphenation")) is None:
        settings.find(qn("w:defaultTabStop")).addnext(_element("w:autoHyphenation"))
    for rsids in settings.findall(qn("w:rsids")):
        settings.remove(rsids)


SPECIMEN: tuple[tuple[str, str], ...] = (
    ("Document Note", "Редакция от 1 января 2021 г. (недействующая). Срок действия истёк"),
    ("Issuer", "НАИМЕНОВАНИЕ ОРГАНИЗАЦИИ"),
    ("Document Form", "ПОЛОЖЕНИЕ"),
    ("Document Date Number", "21 декабря 2020 г.\t№ 05-CT/TW"),
    ("Document Place", "г. Винь"),
    ("Document Title", "о порядке работы (образец стилей, pandoc не переносит этот текст)"),
    ("heading 1", "Раздел I. Общие положения"),
    ("heading 3", "Статья 1. Предмет регулирования"),
    ("First Paragraph", "Первый абзац после заголовка: Times New Roman 14 пт, отступ 1,25 см, по ширине."),
    ("Body Text", "Абзац основного текста документа."),
    ("Protocol Entry", "Председатель — И.И. Иванов"),
    ("Protocol Heading", "ПОВЕСТКА ДНЯ:"),
    ("Note", "Примечание. Текст примечания, 12 пт."),
    ("Block Text", "Цитата."),
    ("Table Text", "Текст в таблице, 12 пт."),
    ("Signature Position", "Должность подписавшего, 12 пт"),
    ("Signature Name", "И.И. Иванов"),
)


def _write_specimen(document: docx.document.Document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for style, text in SPECIMEN:
        paragraph = document.add_paragraph(style=document.styles[style])
        for i, part in enumerate(text.split("\t")):
            if i:
                paragraph.add_run().add_tab()
            paragraph.add_run(part)


def _clear_properties(document: docx.document.Document) -> None:
    # No build-machine or user names and no clock time in the committed file.
    properties = document.core_properties
    properties.title = "regpub: образец оформления DOCX"
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.keywords = ""
    properties.language = LANGUAGE
    properties.revision = 1
    properties.created = FIXED_DATE.replace(tzinfo=None)
    properties.modified = FIXED_DATE.replace(tzinfo=None)


def _normalise_zip(data: bytes) -> bytes:
    """The same bytes on every run: fixed entry times, entries in their saved order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return buffer.getvalue()


def main() -> None:
    data = build(pypandoc.get_pandoc_path())
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    output.write_bytes(data)
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
