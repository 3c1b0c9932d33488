"""What pandoc gets for one document's DOCX: generated Markdown around the editor's body.

A document is three parts, read by pandoc separately (so nothing in a body can change how the
generated parts parse): `head` (issuers, form, title, date and number, place; for a meeting
also the protocol: chairs, agenda, СЛУШАЛИ / ВЫСТУПИЛИ / ПОСТАНОВИЛИ), `body` (the editor's
Markdown, with anchors on article headings and admonitions rewritten as pandoc divs) and
`tail` (the signature block). Paragraphs carry the custom styles of
`generator/resources/docx/reference.docx` (`::: {custom-style="Issuer"}`); `layout.lua` there resolves
the `[[…]]` references with `refs` and maps headings and lists onto the reference's styles.

Everything that affects the DOCX is in a `DocxSource`, so its digest is the cache key.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from xml.sax.saxutils import escape as xml_escape

from generator.body import Body
from generator.corpus import Corpus, Entry, Status
from generator.model import KIND_OF, Kind, Meeting, Organization, Person, Regulation
from generator.render.pandoc_body import body_markdown, escape, referenced
from generator.render.redline import redline
from generator.russian import long_date
from generator.urls import changes_docx_path, docx_path, page_path, version_docx_path

# Page geometry shared with theme/docx/make_reference.py: A4 minus 20 mm and 10 mm margins.
TEXT_WIDTH = 10205  # twips
POSITION_WIDTH = 6123  # 60 %: the position, then room for the handwritten signature
ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # the earliest time a zip entry can hold

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Reference:
    """What a `[[id]]` prints (the target's title or name) and, with a site URL, links to."""

    title: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class DocxSource:
    id: str
    kind: Kind
    head: str
    body: str
    tail: str
    refs: dict[str, Reference] = field(default_factory=dict)
    core: str = ""  # docProps/core.xml
    time: int = 0  # seconds since the epoch for every zip entry
    path: str = ""  # where the DOCX goes under the site root (not part of the job)

    def job(self) -> dict[str, object]:
        """The job `convert.lua` reads, without its output path."""
        refs = {
            id_: {"title": ref.title, **({"url": ref.url} if ref.url else {})}
            for id_, ref in sorted(self.refs.items())
        }
        return {
            "id": self.id,
            "head": self.head,
            "body": self.body,
            "tail": self.tail,
            "refs": refs,
            "core": self.core,
            "time": self.time,
        }

    def canonical(self) -> str:
        """The job as text, the same on every run: what the cache key is made from."""
        return json.dumps(self.job(), ensure_ascii=False, sort_keys=True)

    def markdown(self) -> str:
        """All parts as one readable text, for golden files and for reading."""
        refs = "\n".join(
            f"- {id_}: {ref.title}" + (f" <{ref.url}>" if ref.url else "")
            for id_, ref in sorted(self.refs.items())
        )
        parts = (
            ("head", self.head),
            ("body", self.body),
            ("tail", self.tail),
            ("refs", refs + "\n" if refs else ""),
            ("core", self.core + "\n"),
        )
        return "".join(f"<!-- {name} -->\n{text}" for name, text in parts)


def docx_source(corpus: Corpus, entry: Entry, as_of: date, site_url: str | None = None) -> DocxSource:
    """The pandoc input for a regulation or a meeting (its current text)."""
    record = entry.record
    builder = _Builder(corpus, site_url)
    body = _body_markdown(corpus, builder, entry.body, entry.id)
    edition = None
    if isinstance(record, Regulation):
        texts = corpus.editions(record, as_of)
        if len(texts) > 1:
            edition = texts[-1].label
    return _assemble(corpus, builder, entry, as_of, body, edition=edition)


def version_sources(
    corpus: Corpus, entry: Entry, as_of: date, site_url: str | None = None
) -> list[DocxSource]:
    """The DOCX inputs of a regulation's other texts: each earlier text, laid out like the
    current one, and a redline per non-original text (its change from the previous text as
    Word tracked changes, attributed to and dated by the amending document)."""
    record = entry.record
    if not isinstance(record, Regulation) or record.external:
        return []
    texts = corpus.editions(record, as_of)
    if len(texts) < 2:
        return []
    sources: list[DocxSource] = []
    for index, text in enumerate(texts):
        if not text.current:
            builder = _Builder(corpus, site_url)
            body = _body_markdown(corpus, builder, text.body, entry.id)
            sources.append(
                _assemble(
                    corpus,
                    builder,
                    entry,
                    as_of,
                    body,
                    edition=text.label,
                    title=f"{record.title} (редакция от {long_date(text.start)})",
                    path=version_docx_path(entry.id, text.start),
                )
            )
        if index == 0:
            continue
        builder = _Builder(corpus, site_url)
        old = _body_markdown(corpus, builder, texts[index - 1].body, entry.id)
        new = _body_markdown(corpus, builder, text.body, entry.id)
        amending = corpus.get(text.by) if text.by else None
        amendment = amending.record if amending and isinstance(amending.record, Regulation) else None
        when = amendment.date if amendment else text.start
        author = change_author(amendment) if amendment else (text.by or "regpub")
        by = _SPACE.sub(" ", amendment.title).strip() if amendment else (text.by or "изменением")
        sources.append(
            _assemble(
                corpus,
                builder,
                entry,
                as_of,
                redline(old, new, author, f"{when.isoformat()}T00:00:00Z"),
                edition=f"Изменения, внесённые документом «{by}» (редакция от {long_date(text.start)})",
                title=f"{record.title} (изменения в редакции от {long_date(text.start)})",
                path=changes_docx_path(entry.id, text.start, current=text.current),
                when=when,
            )
        )
    return sources


def change_author(amendment: Regulation) -> str:
    """Who made a tracked change, short: `Решение от 20 декабря 2022 г. № 5`, else the title."""
    if amendment.form.strip():
        number = f" № {amendment.number}" if amendment.number else ""
        text = f"{_capitalise(amendment.form.strip())} от {long_date(amendment.date)}{number}"
    else:
        text = amendment.title
    text = _SPACE.sub(" ", text).replace('"', "").strip()
    return text if len(text) <= 80 else text[:79].rstrip() + "…"


def _body_markdown(corpus: Corpus, builder: _Builder, body: Body | None, self_id: str) -> str:
    """A body as pandoc reads it, recording what it refers to (with `[[…]]` and citations)."""
    if body is None:
        return ""
    for ref in body.references:
        builder.refer(ref.target)
    text = body_markdown(corpus, body, self_id)
    for id_ in referenced(corpus, text):
        builder.refer(id_)
    return text


def _assemble(
    corpus: Corpus,
    builder: _Builder,
    entry: Entry,
    as_of: date,
    body: str,
    *,
    edition: str | None = None,
    title: str | None = None,
    path: str | None = None,
    when: date | None = None,
) -> DocxSource:
    """Head, body and tail of a regulation or meeting DOCX; `edition` is a line under the title."""
    record = entry.record
    if isinstance(record, Regulation):
        head, tail = builder.regulation(record, corpus.status(record, as_of), edition)
        subject = " ".join(filter(None, (record.form, f"№ {record.number}" if record.number else None)))
        authors = [builder.organization_name(id_) for id_ in record.issuers]
    elif isinstance(record, Meeting):
        head, tail = builder.meeting(record)
        subject = "Протокол"
        authors = [builder.organization_name(id_) for id_ in record.organizers]
    else:
        raise TypeError(f"{entry.id} is not a regulation or a meeting")
    day = when or record.date
    core = core_properties(title or record.title, subject, authors, record.tags, record.summary, when=day)
    kind = KIND_OF[type(record)]
    output = path or docx_path(kind, entry.id)
    return DocxSource(entry.id, kind, head, body, tail, builder.refs, core, zip_time(day), output)


def zip_time(day: date) -> int:
    """The time every zip entry gets: the document's date, never the build's clock.

    >>> zip_time(date(2020, 12, 21)), zip_time(date(1917, 11, 7)) == zip_time(date(1980, 1, 1))
    (1608508800, True)
    """
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return int(max(midnight, ZIP_EPOCH).timestamp())


class _Builder:
    """Generates the head and tail Markdown of one document and collects what it refers to."""

    def __init__(self, corpus: Corpus, site_url: str | None) -> None:
        self.corpus = corpus
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.refs: dict[str, Reference] = {}

    def refer(self, id_: str) -> str:
        """Record a reference to `id_`; returns the `[[id]]` that prints its title."""
        entry = self.corpus.get(id_)
        if entry is None or entry.kind is None or entry.record is None:
            return escape(id_)
        record = entry.record
        title = record.title if isinstance(record, (Regulation, Meeting)) else record.name
        url = f"{self.site_url}{page_path(entry.kind, id_)}" if self.site_url else None
        self.refs[id_] = Reference(_SPACE.sub(" ", title).strip(), url)
        return f"[[{id_}]]"

    def organization_name(self, id_: str) -> str:
        record = self.corpus.get(id_)
        return record.record.name if record and isinstance(record.record, Organization) else id_

    def person_name(self, id_: str) -> str:
        record = self.corpus.get(id_)
        return record.record.name if record and isinstance(record.record, Person) else id_

    def person_signature(self, id_: str) -> str:
        record = self.corpus.get(id_)
        return record.record.signature if record and isinstance(record.record, Person) else id_

    def regulation(self, record: Regulation, status: Status, edition: str | None = None) -> tuple[str, str]:
        blocks = [
            _styled("Issuer", *(self.organization_name(id_).upper() for id_ in record.issuers)),
            _styled("Document Form", record.form.upper()),
            _styled("Document Title", title_after_form(record.title, record.form)),
        ]
        if edition:
            blocks.append(_styled("Subtitle", edition))
        if status is not Status.IN_FORCE:
            blocks.append(_styled("Document Status", status.label))
        blocks.append(_date_line(record.date, record.number))
        if record.place:
            blocks.append(_styled("Document Place", record.place))
        blocks.append(GAP)
        rows = [
            (_capitalise(signatory.position or ""), self.person_signature(signatory.person))
            for signatory in record.signatories
        ]
        tail = "\n".join([GAP, signature_table(rows)]) if rows else ""
        return "\n".join(blocks), tail

    def meeting(self, record: Meeting) -> tuple[str, str]:
        blocks = [
            _styled("Issuer", *(self.organization_name(id_).upper() for id_ in record.organizers)),
            _styled("Document Form", "ПРОТОКОЛ"),
            _styled("Document Title", record.title),
            _date_line(record.date, None),
        ]
        if record.place:
            blocks.append(_styled("Document Place", record.place))
        blocks.append(GAP)
        blocks.append(self._attendance(record))
        blocks.extend(self._agenda(record))
        blocks.append(GAP)
        rows = [("Председатель", self.person_signature(id_)) for id_ in record.chairs]
        if record.secretary:
            rows.append(("Секретарь", self.person_signature(record.secretary)))
        return "\n".join(blocks), "\n".join([GAP, signature_table(rows)])

    def _attendance(self, record: Meeting) -> str:
        chairs = ", ".join(self.person_name(id_) for id_ in record.chairs)
        lines = [f"{'Председатели' if len(record.chairs) > 1 else 'Председатель'} — {chairs}"]
        if record.secretary:
            lines.append(f"Секретарь — {self.person_name(record.secretary)}")
        if record.attendees:
            lines.append("Присутствовали: " + ", ".join(self.person_name(id_) for id_ in record.attendees))
        return _styled("Protocol Entry", *(_sentence(line) for line in lines))

    def _agenda(self, record: Meeting) -> list[str]:
        """ПОВЕСТКА ДНЯ, then for each item СЛУШАЛИ, ВЫСТУПИЛИ, ПОСТАНОВИЛИ (GOST R 7.0.97 protocol)."""
        if not record.agenda:
            return []
        blocks = [
            _styled("Protocol Heading", "ПОВЕСТКА ДНЯ:"),
            _styled(
                "Body Text", *(f"{n}. {_sentence(item.title)}" for n, item in enumerate(record.agenda, 1))
            ),
        ]
        for n, item in enumerate(record.agenda, 1):
            blocks += [
                _styled("Protocol Heading", f"{n}. СЛУШАЛИ:"),
                _styled("Body Text", _sentence(item.title)),
            ]
            if item.speakers:
                speeches = [
                    " — ".join(filter(None, (self.person_name(s.person), _lower_first(s.summary or ""))))
                    for s in item.speakers
                ]
                blocks += [_styled("Protocol Heading", "ВЫСТУПИЛИ:"), _styled("Body Text", *speeches)]
            if item.decisions:
                decisions = [f"{n}.{k}. {_sentence(text)}" for k, text in enumerate(item.decisions, 1)]
                blocks += [_styled("Protocol Heading", "ПОСТАНОВИЛИ:"), _styled("Body Text", *decisions)]
            if item.documents:
                label = "Принят документ:" if len(item.documents) == 1 else "Приняты документы:"
                titles = "; ".join(self.refer(id_) for id_ in item.documents)
                blocks.append(_div("Body Text", [f"{escape(label)} {titles}\\."]))
        return blocks


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


def core_properties(
    title: str, subject: str, authors: list[str], tags: tuple[str, ...], summary: str | None, *, when: date
) -> str:
    """docProps/core.xml: what Word shows under File → Properties; no user or machine names."""
    stamp = f"{when.isoformat()}T00:00:00Z"
    fields = [
        ("dc:title", title),
        ("dc:subject", subject),
        ("dc:creator", "; ".join(authors)),
        ("cp:keywords", ", ".join(tags)),
        ("dc:description", summary or ""),
        ("dc:language", "ru-RU"),
    ]
    elements = "".join(
        f"<{tag}>{xml_escape(_SPACE.sub(' ', value).strip())}</{tag}>" for tag, value in fields
    )
    dates = "".join(
        f'<dcterms:{tag} xsi:type="dcterms:W3CDTF">{stamp}</dcterms:{tag}>' for tag in ("created", "modified")
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{elements}{dates}</cp:coreProperties>"
    )


# Generated blocks -------------------------------------------------------------------------

# An empty paragraph of fixed height between the parts of the page (the reference's "Gap").
GAP = '```{=openxml}\n<w:p><w:pPr><w:pStyle w:val="Gap"/></w:pPr></w:p>\n```\n'
_TAB = "`<w:r><w:tab/></w:r>`{=openxml}"


def _div(style: str, paragraphs: list[str]) -> str:
    return f'::: {{custom-style="{style}"}}\n' + "\n\n".join(paragraphs) + "\n:::\n"


def _styled(style: str, *texts: str) -> str:
    """Paragraphs of plain text in a custom style of the reference document."""
    return _div(style, [escape(text) for text in texts])


def _date_line(when: date, number: str | None) -> str:
    """`21 декабря 2020 г.` at the left margin and `№ 05-CT/TW` at the right (a right tab stop)."""
    text = escape(long_date(when))
    if number:
        text += _TAB + escape(f"№ {number}")
    return _div("Document Date Number", [text])


def signature_table(rows: list[tuple[str, str]]) -> str:
    """A borderless two-column table: the position on the left, the name on the right.

    Raw OpenXML, because pandoc's tables take the bordered default table style.
    """
    name_width = TEXT_WIDTH - POSITION_WIDTH
    cells = "".join(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        f'<w:tc><w:tcPr><w:tcW w:w="{POSITION_WIDTH}" w:type="dxa"/></w:tcPr>'
        f"{_xml_paragraph('SignaturePosition', position)}</w:tc>"
        f'<w:tc><w:tcPr><w:tcW w:w="{name_width}" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>'
        f"{_xml_paragraph('SignatureName', name)}</w:tc></w:tr>"
        for position, name in rows
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
    return f"```{{=openxml}}\n{table}\n```\n"


def _xml_paragraph(style_id: str, text: str) -> str:
    run = (
        f'<w:r><w:t xml:space="preserve">{xml_escape(_SPACE.sub(" ", text).strip())}</w:t></w:r>'
        if text
        else ""
    )
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{run}</w:p>'


def _sentence(text: str) -> str:
    """Text ending with a full stop unless it already ends with punctuation."""
    text = _SPACE.sub(" ", text).strip()
    return text if not text or text[-1] in ".!?…:;" else text + "."


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """`Доложил о …` → `доложил о …` after a dash; `ПНК …` (an abbreviation) stays."""
    text = _sentence(text)
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
