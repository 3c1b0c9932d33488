"""The pieces a DOCX frame is made of: paragraphs in the reference document's custom styles
(`::: {custom-style="Issuer"}`), the date-and-number line, the signature table, and the names
of the records a document mentions (`Names`, which also collects its `[[…]]` references).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape as xml_escape

from generator.core.corpus import Corpus
from generator.core.pandoc_markdown import escape
from generator.core.russian import long_date
from generator.core.urls import page_path

# Page geometry shared with theme/docx/make_reference.py: A4 minus 20 mm and 10 mm margins.
TEXT_WIDTH = 10205  # twips
POSITION_WIDTH = 6123  # 60 %: the position, then room for the handwritten signature

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Reference:
    """What a `[[id]]` prints (the target's title or name) and, with a site URL, links to."""

    title: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    """What a document type puts around a body: the head (issuer, form, title, date…), the
    tail (signatures), and the DOCX properties' subject and authors."""

    head: str
    tail: str
    subject: str
    authors: list[str]


class Names:
    """How one DOCX names the records it mentions, collecting the references it makes."""

    def __init__(self, corpus: Corpus, site_url: str | None) -> None:
        self.corpus = corpus
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.refs: dict[str, Reference] = {}

    def refer(self, id_: str) -> str:
        """Record a reference to `id_`; returns the `[[id]]` that prints its title."""
        entry = self.corpus.get(id_)
        if entry is None or entry.kind is None or entry.record is None:
            return escape(id_)
        title = entry.record.display_title
        url = f"{self.site_url}{page_path(entry.kind, id_)}" if self.site_url else None
        self.refs[id_] = Reference(_SPACE.sub(" ", title).strip(), url)
        return f"[[{id_}]]"

    def name(self, id_: str) -> str:
        """An organization's or a person's name (the id, should the record be missing)."""
        entry = self.corpus.get(id_)
        return entry.record.display_title if entry and entry.record else id_

    def signature(self, id_: str) -> str:
        """A person as they sign (`И. И. Иванов`)."""
        person = self.corpus.person(id_)
        return person.signature if person else id_


def title_after_form(title: str, form: str) -> str:
    """The title as printed under the form: `ПОЛОЖЕНИЕ` / `о координации …`, not `Положение о …`.

    >>> title_after_form("Положение о координации работы", "Положение")
    'о координации работы'
    >>> title_after_form("Об усилении партийного строительства", "Резолюция")
    'Об усилении партийного строительства'
    """
    words = _SPACE.sub(" ", title).strip()
    head, _, rest = words.partition(" ")
    return rest if rest and head.casefold() == form.strip().casefold() else words


# Raw parts come twice, as OpenXML for the DOCX and as Typst for the PDF (each writer keeps
# its own format and drops the other); `generator/resources/docx/regpub.typ` defines the calls.
# An empty paragraph of fixed height between the parts of the page (the reference's "Gap").
GAP = (
    '```{=openxml}\n<w:p><w:pPr><w:pStyle w:val="Gap"/></w:pPr></w:p>\n```\n'
    "\n```{=typst}\n#regpub-gap()\n```\n"
)
_TAB = "`<w:r><w:tab/></w:r>`{=openxml}`#h(1fr)`{=typst}"


def div(style: str, paragraphs: list[str]) -> str:
    return f'::: {{custom-style="{style}"}}\n' + "\n\n".join(paragraphs) + "\n:::\n"


def styled(style: str, *texts: str) -> str:
    """Paragraphs of plain text in a custom style of the reference document."""
    return div(style, [escape(text) for text in texts])


def date_line(when: date, number: str | None) -> str:
    """`21 декабря 2020 г.` at the left margin and `№ 05-CT/TW` at the right (a right tab stop)."""
    text = escape(long_date(when))
    if number:
        text += _TAB + escape(f"№ {number}")
    return div("Document Date Number", [text])


# The gap before the signatures, kept with them; convert.lua keeps the paragraph before it too,
# so the signature block never stands alone at the top of a page.
SIGNATURES_GAP = '```{=openxml}\n<w:p><w:pPr><w:pStyle w:val="Gap"/><w:keepNext/></w:pPr></w:p>\n```\n'


def typst_string(text: str) -> str:
    r"""Text as a Typst string literal.

    >>> print(typst_string('Секретарь "ПК" \\ 1'))
    "Секретарь \"ПК\" \\ 1"
    """
    text = _SPACE.sub(" ", text).strip()
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


Signature = tuple[str, str | None, str | None]  # a person id, the role printed, for whom


def signatures(rows: list[tuple[str, str]]) -> str:
    """The signature block: a gap, then a borderless two-column table, the position on the
    left, the name on the right, its rows kept together and with what precedes them.

    Raw OpenXML, because pandoc's tables take the bordered default table style.
    """
    name_width = TEXT_WIDTH - POSITION_WIDTH
    cells = "".join(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        f'<w:tc><w:tcPr><w:tcW w:w="{POSITION_WIDTH}" w:type="dxa"/></w:tcPr>'
        f"{_xml_paragraph('SignaturePosition', position, keep=index < len(rows) - 1)}</w:tc>"
        f'<w:tc><w:tcPr><w:tcW w:w="{name_width}" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>'
        f"{_xml_paragraph('SignatureName', name, keep=index < len(rows) - 1)}</w:tc></w:tr>"
        for index, (position, name) in enumerate(rows)
    )
    borders = "".join(
        f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table = (
        f'<w:tbl><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        ' w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{POSITION_WIDTH}"/><w:gridCol w:w="{name_width}"/></w:tblGrid>'
        f"{cells}</w:tbl>"
    )
    pairs = ", ".join(f"({typst_string(position)}, {typst_string(name)})" for position, name in rows)
    typst = f"#regpub-signatures(({pairs},))"
    return f"{SIGNATURES_GAP}\n```{{=openxml}}\n{table}\n```\n\n```{{=typst}}\n{typst}\n```\n"


def _xml_paragraph(style_id: str, text: str, *, keep: bool = False) -> str:
    run = (
        f'<w:r><w:t xml:space="preserve">{xml_escape(_SPACE.sub(" ", text).strip())}</w:t></w:r>'
        if text
        else ""
    )
    keep_next = "<w:keepNext/>" if keep else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep_next}</w:pPr>{run}</w:p>'


def sentence(text: str) -> str:
    """Text ending with a full stop unless it already ends with punctuation."""
    text = _SPACE.sub(" ", text).strip()
    return text if not text or text[-1] in ".!?…:;" else text + "."


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """`Доложил о …` → `доложил о …` after a dash; `ПНК …` (an abbreviation) stays."""
    text = sentence(text)
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
