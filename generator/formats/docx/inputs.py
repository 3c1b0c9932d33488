"""What pandoc gets for one document's DOCX: generated Markdown around the editor's body.

A document is three parts, read by pandoc separately (so nothing in a body can change how the
generated parts parse): `head` (issuers, form, title, date and number, place; for a meeting
also the protocol: chairs, agenda, СЛУШАЛИ / ВЫСТУПИЛИ / ПОСТАНОВИЛИ), `body` (the editor's
Markdown, with anchors on article headings and admonitions rewritten as pandoc divs) and
`tail` (the signature block). Paragraphs carry the custom styles of
`generator/resources/docx/reference.docx` (`::: {custom-style="Issuer"}`); `layout.lua` there resolves
the `[[…]]` references with `refs` and maps headings and lists onto the reference's styles.

Everything that affects the DOCX is in a `DocxInput`, so its digest is the cache key.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from xml.sax.saxutils import escape as xml_escape

from generator.core import labels
from generator.core.body import Body
from generator.core.corpus import Corpus, Entry
from generator.core.editions import history
from generator.core.history import Amendment, Segment, annotate, histories_of, part_note, title_note
from generator.core.model import Kind, Regulation
from generator.core.pandoc_markdown import body_markdown, referenced
from generator.core.russian import long_date
from generator.core.urls import changes_docx_path, docx_path, version_docx_path
from generator.doctypes import REGISTRY
from generator.doctypes.frame import Names, Reference, capitalise, styled
from generator.formats.docx.redline import redline

ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # the earliest time a zip entry can hold

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class DocxInput:
    id: str
    kind: Kind
    head: str
    body: str
    tail: str
    refs: dict[str, Reference] = field(default_factory=dict)
    core: str = ""  # docProps/core.xml
    time: int = 0  # seconds since the epoch for every zip entry
    path: str = ""  # where the DOCX goes under the site root (not part of the job)
    # The PDF's properties (title, authors and keywords one a line, date): what `core` says.
    properties: dict[str, str] = field(default_factory=dict)
    redline: bool = False  # a text's changes as tracked changes: a DOCX only, no PDF

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


def docx_input(corpus: Corpus, entry: Entry, as_of: date, site_url: str | None = None) -> DocxInput:
    """The pandoc input for a regulation or a meeting (its current text)."""
    names = Names(corpus, site_url)
    body = _body_markdown(
        corpus, names, entry.body, entry.id, max(histories_of(corpus, entry.id), default=None)
    )
    texts = history(corpus, entry, as_of)
    edition = texts[-1].label if texts else None
    return _assemble(corpus, names, entry, as_of, body, edition=edition)


def version_inputs(corpus: Corpus, entry: Entry, as_of: date, site_url: str | None = None) -> list[DocxInput]:
    """The DOCX inputs of a regulation's other texts: each earlier text, laid out like the
    current one, and a redline per non-original text (its change from the previous text as
    Word tracked changes, attributed to and dated by the amending document)."""
    record = corpus.regulation(entry.id)
    if record is None or record.external:
        return []
    texts = history(corpus, entry, as_of)
    inputs: list[DocxInput] = []
    for index, text in enumerate(texts):
        if not text.current:
            names = Names(corpus, site_url)
            body = _body_markdown(corpus, names, text.body, entry.id, text.start)
            inputs.append(
                _assemble(
                    corpus,
                    names,
                    entry,
                    as_of,
                    body,
                    edition=text.label,
                    title=labels.EDITION_TITLE.format(title=record.title, date=long_date(text.start)),
                    path=version_docx_path(entry.id, text.start),
                )
            )
        if index == 0:
            continue
        names = Names(corpus, site_url)
        old = _body_markdown(corpus, names, texts[index - 1].body, entry.id)
        new = _body_markdown(corpus, names, text.body, entry.id)
        amendment = corpus.regulation(text.by) if text.by else None
        when = amendment.date if amendment else text.start
        author = change_author(amendment) if amendment else (text.by or "regpub")
        by = _SPACE.sub(" ", amendment.title).strip() if amendment else (text.by or labels.AN_AMENDMENT)
        start = long_date(text.start)
        inputs.append(
            _assemble(
                corpus,
                names,
                entry,
                as_of,
                redline(old, new, author, f"{when.isoformat()}T00:00:00Z"),
                edition=labels.CHANGES_DOCX_EDITION.format(by=by, date=start),
                title=labels.CHANGES_DOCX_TITLE.format(title=record.title, date=start),
                path=changes_docx_path(entry.id, text.start, current=text.current),
                when=when,
                redline=True,
            )
        )
    return inputs


def change_author(amendment: Regulation) -> str:
    """Who made a tracked change, short: `Решение от 20 декабря 2022 г. № 5`, else the title."""
    if amendment.form.strip():
        number = f" № {amendment.number}" if amendment.number else ""
        form = capitalise(amendment.form.strip())
        text = labels.SUMMARY.format(form=form, date=long_date(amendment.date)) + number
    else:
        text = amendment.title
    text = _SPACE.sub(" ", text).replace('"', "").strip()
    return text if len(text) <= 80 else text[:79].rstrip() + "…"


def _body_markdown(
    corpus: Corpus, names: Names, body: Body | None, self_id: str, start: date | None = None
) -> str:
    """A body as pandoc reads it, recording what it refers to (with `[[…]]` and citations); of
    a regulation's text that applies from `start`, with each part's history written in."""
    if body is None:
        return ""
    for ref in body.references:
        names.refer(ref.target)
    histories = histories_of(corpus, self_id)
    more = None
    if start is not None and start in histories:
        history = histories[start]

        def more(lines: list[str]) -> list[str]:
            return annotate(
                lines,
                body,
                history,
                lambda anchor, part: _note(part_note(anchor, part, _unlinked)),
                lambda made: _note(title_note(made, _unlinked)),
            )

    text = body_markdown(corpus, body, self_id, more)
    for id_ in referenced(corpus, text):
        names.refer(id_)
    return text


def _unlinked(amendment: Amendment) -> None:
    return None


def _note(segments: list[Segment]) -> str:
    """A history note as the DOCX prints it: a paragraph of the notes' style."""
    return styled("Document Note", "".join(text for text, _ in segments)).rstrip("\n")


def _assemble(
    corpus: Corpus,
    names: Names,
    entry: Entry,
    as_of: date,
    body: str,
    *,
    edition: str | None = None,
    title: str | None = None,
    path: str | None = None,
    when: date | None = None,
    redline: bool = False,
) -> DocxInput:
    """Head, body and tail of a regulation or meeting DOCX; `edition` is a line under the title."""
    record, kind = corpus.document(entry.id), entry.kind
    assert record is not None
    assert kind is not None
    make_frame = REGISTRY[kind].frame
    if make_frame is None:
        raise TypeError(f"{entry.id} is {REGISTRY[kind].noun}, which has no DOCX")
    regulation = corpus.regulation(entry.id)
    frame = make_frame(names, record, corpus.status_note(regulation, as_of) if regulation else None, edition)
    day = when or record.date
    core = core_properties(
        title or record.title, frame.subject, frame.authors, record.tags, record.summary, when=day
    )
    output = path or docx_path(kind, entry.id)
    properties = {
        "title": _SPACE.sub(" ", title or record.title).strip(),
        "authors": "\n".join(frame.authors),
        "keywords": "\n".join(record.tags),
        "date": day.isoformat(),
    }
    return DocxInput(
        entry.id,
        kind,
        frame.head,
        body,
        frame.tail,
        names.refs,
        core,
        zip_time(day),
        output,
        properties,
        redline,
    )


def zip_time(day: date) -> int:
    """The time every zip entry gets: the document's date, never the build's clock.

    >>> zip_time(date(2020, 12, 21)), zip_time(date(1917, 11, 7)) == zip_time(date(1980, 1, 1))
    (1608508800, True)
    """
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return int(max(midnight, ZIP_EPOCH).timestamp())


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
