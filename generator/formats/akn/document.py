"""Akoma Ntoso 3.0 XML of every text of every document, for other systems to read (OASIS LegalDocML).

A regulation is an `<act>`. A meeting is a `<debateReport name="protocol">`: minutes summarise
what was said and decided (a `<debate>` is a verbatim record), and its open `mainBody` takes the
attendance (`rollCall`), the agenda (`debateSection`s with `speech`es and decisions) and the
record as written. An external regulation, published elsewhere, is an act of its requisites
whose body names its status and where it is published, so that every `<ref>` has a file to go to.

FRBR URIs (`FrbrUri`): the work `/akn/{country}/act/{date}/{id}`, a meeting's
`/akn/{country}/debateReport/protocol/{date}/{id}`, with the document's date and its id as the
number (unique and stable, where official numbers are neither: the number is `FRBRnumber`'s
`showAs`). A text is the expression `…/rus@{the day it took effect}`, its XML the manifestation
`…/rus@{day}.xml`. The body is `generator.formats.akn.body`'s, from the HTML of the text's page;
this module writes the rest: meta (identification, lifecycle, what amendments changed,
references and their TLCs), preface, conclusions, a meeting's agenda.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from lxml import etree
from pymdownx.slugs import slugify  # type: ignore[import-untyped]

from generator.core import labels
from generator.core.corpus import Corpus, Edition, Entry
from generator.core.editions import editions, shown_on, text_date, text_of_day
from generator.core.model import AgendaItem, Document, Kind, Relation
from generator.core.russian import long_date
from generator.core.status import Status
from generator.core.urls import absolute, page_path
from generator.doctypes import REGISTRY, Akn
from generator.doctypes.frame import Signature
from generator.formats.akn import modifications, votes
from generator.formats.akn.body import NS, BodyWriter, Node, serialize, sub
from generator.formats.akn.naming import LANGUAGE, FrbrUri, eids, frbr_uri
from generator.site.markdown import title_of


def akn_xml(
    corpus: Corpus,
    entry: Entry,
    as_of: date,
    *,
    rendered: str,
    country: str,
    site_url: str | None = None,
    edition: Edition | None = None,
) -> bytes:
    """The document's text `edition` (one of `editions.editions`; by default the current one) as AKN,
    as of `as_of` (its status; the manifestation's date, `shown_on`: the same input gives the same bytes).
    `rendered` is the HTML its page has of the text (`generator.mkdocs.pages.RenderedPage.body`).

    With `site_url` the TLCs of people and organizations are their pages on the site; without,
    ontology IRIs `/ontology/person/{country}/{id}`."""
    texts = editions(corpus, entry, as_of)
    text = edition or next(text for text in texts if text.current)
    writer = _Writer(corpus, entry, as_of, country=country, site_url=site_url, texts=texts, edition=text)
    return serialize(writer.write(rendered))


def _frbr(
    parent: etree._Element, level: str, uri: str, made: tuple[date, str], authors: list[str], *,
    format_: str = "", alias: str | None = None,
) -> etree._Element:  # fmt: skip
    """What a work, an expression and a manifestation all say; `!main`: the document itself."""
    frbr = sub(parent, level)
    sub(frbr, "FRBRthis", value=f"{uri}/!main{format_}")
    sub(frbr, "FRBRuri", value=f"{uri}{format_}")
    if alias:
        sub(frbr, "FRBRalias", value=alias, name="title")
    sub(frbr, "FRBRdate", date=made[0].isoformat(), name=made[1])
    for author in authors:
        sub(frbr, "FRBRauthor", href=author)
    return frbr


class _Writer:
    """One text of one document as AKN; collects the TLCs and documents it names for `<meta>`."""

    def __init__(
        self, corpus: Corpus, entry: Entry, as_of: date, *, country: str, site_url: str | None,
        texts: list[Edition], edition: Edition,
    ) -> None:  # fmt: skip
        self.corpus, self.entry, self.as_of, self.site_url = corpus, entry, as_of, site_url
        self.texts, self.edition = texts, edition
        self.document = cast(Document, corpus.document(entry.id))
        self.shape = cast(Akn, REGISTRY[cast(Kind, entry.kind)].akn)
        self.uri = cast(FrbrUri, frbr_uri(corpus, entry.id, country=country))
        self.regulation = corpus.regulation(entry.id)  # its status and texts (README: "Computed status")
        self.body = BodyWriter(corpus, self._refer)
        self.tlcs: dict[str, tuple[str, str, str]] = {}  # eId → (element, href, showAs)
        self.documents: dict[str, str] = {}  # id → passiveRef (it changes this one) or activeRef
        self.votings: list[votes.Voting] = []  # a meeting's, for its analysis

    def write(self, rendered: str) -> etree._Element:
        # The stubs do not know a default namespace (None) in an nsmap.
        root = etree.Element(f"{{{NS}}}akomaNtoso", nsmap={None: NS})  # type: ignore[dict-item]
        tree = self.body.parse(self.edition.body, rendered)
        shape, record = self.shape, self.document
        if shape.doctype == "act":
            contains = "originalVersion" if self.edition == self.texts[0] else "singleVersion"
            document = sub(root, "act", name=shape.name or "act", contains=contains)
        else:
            document = sub(root, shape.doctype, name=shape.name or shape.doctype)
        meta = sub(document, "meta")
        self._preface(document, shape.form(record), shape.number(record))
        if shape.doctype == "act":
            self._act(document, tree)
        else:
            self._meeting(sub(document, "mainBody"), record, tree)
        self._signatures(document, shape.signatures(record))
        self._meta(meta)
        return root

    # What the text names

    def _tlc(self, id_: str, role: str | None = None) -> str:
        """`#id` of the TLC of the record `id_`, or of the role `id_` shown as `role`."""
        if role is not None:
            self.tlcs.setdefault(
                id_, ("TLCRole", f"/ontology/role/regpub/{slugify(case='lower')(role, '-')}", role)
            )
            return f"#{id_}"
        entry = self.corpus.by_id[id_]
        kind = cast(Kind, entry.kind)
        if self.site_url:
            href = absolute(self.site_url, page_path(kind, id_))
        else:
            href = f"/ontology/{kind}/{self.uri.country}/{id_}"
        self.tlcs.setdefault(id_, (REGISTRY[kind].tlc, href, title_of(entry)))
        return f"#{id_}"

    def _refer(self, entry: Entry, anchor: str | None) -> tuple[str, str, str]:
        """A link in the body: a document's FRBR work URI, or the expression URI of its text of the
        day this text was made, and the eId; a record's TLC."""
        if entry.kind is not None and not entry.kind.document:
            return entry.kind.value, "refersTo", self._tlc(entry.id)
        # Made in a text of a day when the document had another text: that text (README: "Versions").
        day = text_date(self.corpus, self.entry.id, self.edition.start)
        then = text_of_day(self.corpus, entry.id, day) if day is not None else None
        if then and anchor and (then.body is None or anchor not in then.body.anchors):
            then = None  # not in the text of that day (check warns): the current text's
        uri = self._uri(entry.id)
        target, body = (uri.expression(then.start), then.body) if then else (uri.work, entry.body)
        eid = eids(body).get(anchor, anchor) if anchor and body else anchor
        return "ref", "href", f"{target}#{eid}" if eid else target

    def _concept(self, key: str) -> str:
        eid, shown = votes.CONCEPTS[key]
        self.tlcs.setdefault(eid, ("TLCConcept", f"/ontology/concept/regpub/{eid}", shown))
        return f"#{eid}"

    def _uri(self, id_: str) -> FrbrUri:
        return cast(FrbrUri, frbr_uri(self.corpus, id_, country=self.uri.country))

    def _document_ref(self, id_: str | None, element: str = "passiveRef") -> str:
        if id_ is None or self.corpus.document(id_) is None:
            return "#regpub"
        self.documents.setdefault(id_, element)
        return f"#{id_}"

    # Meta

    def _meta(self, meta: etree._Element) -> None:
        self._identification(sub(meta, "identification", source="#regpub"))
        if self.document.tags:
            classification = sub(meta, "classification", source="#regpub")
            for tag in self.document.tags:
                sub(classification, "keyword", value=tag, showAs=tag, dictionary="#regpub")
        lifecycle = sub(meta, "lifecycle", source="#regpub")
        for when, kind, source in sorted(self._events(), key=lambda event: event[0]):
            sub(lifecycle, "eventRef", date=when.isoformat(), source=source, type=kind)
        modifications.analysis(  # each amending document is among the references too
            meta, self.corpus, self.entry.id, self.edition, own=self.uri.work,
            work=lambda id_: (self._document_ref(id_), self._uri(id_).work)[1],
            expression=lambda id_, start: self._uri(id_).expression(start),
        )  # fmt: skip
        votes.analysis(meta, self.votings, self._concept)
        references = sub(meta, "references", source="#regpub")
        first = self.uri.expression(self.texts[0].start)
        sub(references, "original", eId="original", href=first, showAs=self.document.title)
        for id_, element in sorted(self.documents.items()):
            sub(
                references,
                element,
                eId=id_,
                href=self._uri(id_).work,
                showAs=title_of(self.corpus.by_id[id_]),
            )
        tlcs = [("TLCOrganization", "regpub", self.site_url or "/ontology/organization/regpub", "regpub")]
        tlcs += sorted((element, eid, href, shown) for eid, (element, href, shown) in self.tlcs.items())
        for element, eid, href, shown in tlcs:
            sub(references, element, eId=eid, href=href, showAs=shown)
        if self.edition.note:
            sub(sub(sub(meta, "notes", source="#regpub"), "note", eId="edition-note"), "p", self.edition.note)

    def _identification(self, identification: etree._Element) -> None:
        uri, record, start = self.uri, self.document, self.edition.start
        authors = [self._tlc(id_) for id_ in record.issued_by]
        made = (record.date, self.shape.made)
        work = _frbr(identification, "FRBRWork", uri.work, made, authors, alias=record.title)
        sub(work, "FRBRcountry", value=uri.country)
        if uri.subtype:
            sub(work, "FRBRsubtype", value=uri.subtype)
        sub(work, "FRBRnumber", value=self.entry.id, showAs=self.shape.number(record))
        sub(work, "FRBRname", value=self.shape.form(record))
        made = (start, "amendment" if self.edition.by else "generation")
        expression = _frbr(identification, "FRBRExpression", uri.expression(start), made, authors)
        sub(expression, "FRBRlanguage", language=LANGUAGE)
        # The day what it says last changed by the calendar, not the build's: a daily build that
        # changes nothing in it writes the same file.
        generated = (shown_on(self.corpus, self.entry.id, self.as_of)[0], "generation")
        manifestation = _frbr(
            identification, "FRBRManifestation", uri.expression(start), generated, ["#regpub"], format_=".xml"
        )
        sub(manifestation, "FRBRformat", value="application/akn+xml")

    def _events(self) -> list[tuple[date, str, str]]:
        """(date, type, source) of each text; of each amendment in force that no text has yet;
        of the repeal, by a document superseding this one when there is one."""
        events = [(self.texts[0].start, "generation", "#original")]
        events += [(text.start, "amendment", self._document_ref(text.by)) for text in self.texts[1:]]
        regulation = self.regulation
        if regulation is None:
            return events
        for id_ in self.corpus.outstanding_amendments(regulation, self.as_of):
            events.append((self._start(id_), "amendment", self._document_ref(id_)))
        for link in self.corpus.outgoing(regulation.id):
            if link.relation in (Relation.AMENDS, Relation.SUPERSEDES):
                self._document_ref(link.target, "activeRef")
        if regulation.repealed_on:
            links = self.corpus.incoming(regulation.id, Relation.SUPERSEDES)
            by = min((self._start(link.origin), link.origin) for link in links)[1] if links else None
            events.append((regulation.repealed_on, "repeal", self._document_ref(by)))
        return events

    def _start(self, id_: str) -> date:
        """When the regulation `id_` takes effect."""
        other = self.corpus.regulation(id_)
        assert other is not None, id_  # amending and superseding documents are regulations
        return other.effective.from_ if other.effective else other.date

    # Front and back matter

    def _preface(self, document: etree._Element, form: str, number: str | None) -> None:
        """The requisites in the DOCX's order (GOST R 7.0.97-2016), after what the site knows of
        this text: its edition, a status other than in force."""
        preface, record = sub(document, "preface"), self.document
        notes = []
        if self.regulation is not None:
            if len(self.texts) > 1 or self.regulation.version is not None:
                notes.append(self.edition.label)
            if (status := self.corpus.status_note(self.regulation, self.as_of)) is not None:
                notes.append(status)
        for note in notes:
            sub(sub(preface, "p", class_="note"), "docStatus", note)
        for id_ in record.issued_by:
            issuer = sub(preface, "p", class_="issuer")
            sub(issuer, "docProponent", title_of(self.corpus.by_id[id_]), refersTo=self._tlc(id_))
        sub(sub(preface, "p", class_="form"), "docType", form)
        line = sub(preface, "p", class_="date")
        dated = sub(line, "docDate", long_date(record.date), date=record.date.isoformat())
        if number:
            dated.tail = " "
            sub(line, "docNumber", f"№ {number}")
        if record.place:
            sub(preface, "p", record.place, class_="place")
        sub(sub(sub(preface, "longTitle"), "p"), "docTitle", record.title)

    def _act(self, document: etree._Element, tree: Node | None) -> None:
        if tree is not None:
            self.body.act(document, tree)
            return
        # No text here: an external regulation's status and where it is published
        regulation, content = (
            self.regulation,
            sub(sub(sub(document, "body"), "hcontainer", name="text", eId="text"), "content"),
        )
        url = regulation.source_url if regulation else None
        external = Status.EXTERNAL.label if regulation and regulation.external and not url else None
        line = sub(content, "p", external)
        if url:
            sub(line, "a", url, href=url)

    def _signatures(self, document: etree._Element, rows: Sequence[Signature]) -> None:
        """(person, role as printed: a signatory's position, Председатель, Секретарь; for whom)."""
        if not rows:
            return
        box = sub(sub(document, "conclusions"), "blockContainer", class_="signatures")
        roles = {labels.CHAIR: "chair", labels.SECRETARY: "secretary"}
        for person, role, organization in rows:
            signature = sub(sub(box, "p", class_="signature"), "signature")
            if role:
                shown = role[:1].upper() + role[1:]
                eid = roles.setdefault(shown, f"position-{len(roles) - 1}")  # position-1, -2: after the two
                sub(signature, "role", shown, refersTo=self._tlc(eid, shown)).tail = " "
            record = self.corpus.person(person)
            sub(signature, "person", record.signature if record else person, refersTo=self._tlc(person))
            if organization:
                signature[-1].tail = ", "
                shown = title_of(self.corpus.by_id[organization])
                sub(signature, "organization", shown, refersTo=self._tlc(organization))

    def _meeting(self, main: etree._Element, meeting: Any, tree: Node | None) -> None:
        """Who was there, the agenda (what was heard and decided) and the record as written;
        eIds are the anchors of the meeting's page (`agenda`, `item-1`, `record`). `meeting`
        has the fields of a `Meeting`, as every `debateReport` type's records do."""
        roll = sub(main, "rollCall", eId=self.body.eid("attendance"))
        chairs = labels.CHAIRS if len(meeting.chairs) > 1 else labels.CHAIR
        self._people(sub(roll, "p", f"{chairs} — "), meeting.chairs, self._tlc("chair", labels.CHAIR))
        if meeting.secretary:
            line = sub(roll, "p", f"{labels.SECRETARY} — ")
            self._people(line, (meeting.secretary,), self._tlc("secretary", labels.SECRETARY))
        if meeting.attendees:
            self._people(sub(roll, "p", f"{labels.PRESENT}: "), meeting.attendees, None)
        if invited := getattr(meeting, "invited", ()):
            self._people(sub(roll, "p", f"{labels.INVITED}: "), invited, None)
        if meeting.agenda:
            agenda = sub(main, "debateSection", name="agenda", eId=self.body.eid("agenda"))
            sub(agenda, "heading", labels.SECTIONS["agenda"])
            for n, item in enumerate(meeting.agenda, 1):
                self._agenda_item(
                    sub(agenda, "debateSection", name="agendaItem", eId=self.body.eid(f"item-{n}")), n, item
                )
        if tree is not None:
            record = sub(main, "debateSection", name="record", eId=self.body.eid("record"))
            sub(record, "heading", labels.SECTIONS["record"])
            self.body.record(record, tree)

    def _people(self, line: etree._Element, people: Sequence[str], role: str | None) -> None:
        """People in a line of the attendance, `as` their role there."""
        for id_ in people:
            name = title_of(self.corpus.by_id[id_])
            sub(line, "person", name, refersTo=self._tlc(id_), as_=role).tail = ", "
        line[-1].tail = None

    def _agenda_item(self, section: etree._Element, n: int, item: AgendaItem) -> None:
        """СЛУШАЛИ (the title), ВЫСТУПИЛИ (a speech each), ПОСТАНОВИЛИ (numbered 2.1., 2.2.)."""
        sub(section, "num", f"{n}.")
        sub(section, "heading", item.title)
        for speaker in item.speakers:
            speech = sub(section, "speech", by=self._tlc(speaker.person))
            sub(speech, "from", title_of(self.corpus.by_id[speaker.person]))
            sub(speech, "p", speaker.summary)
        if item.decisions:
            decisions = sub(
                section, "debateSection", name="decisions", eId=self.body.eid(f"item-{n}__decisions")
            )
            sub(decisions, "heading", labels.DECIDED.rstrip(":").capitalize())
            listing = sub(decisions, "blockList")
            for k, decision in enumerate(item.decisions, 1):
                entry = sub(listing, "item", eId=self.body.eid(f"item-{n}__decisions__dec_{k}"))
                sub(entry, "num", f"{n}.{k}.")
                sub(entry, "p", decision.text)
                if decision.vote is not None:
                    voter = lambda id_: (self._tlc(id_), title_of(self.corpus.by_id[id_]))  # noqa: E731
                    self.votings.append(votes.write_vote(entry, decision, entry.get("eId", ""), voter))
        if item.documents:
            adopted = labels.ADOPTED_ONE if len(item.documents) == 1 else labels.ADOPTED_MANY
            line = sub(section, "p", f"{adopted} ", class_="documents")
            for id_ in item.documents:
                document = self.corpus.by_id[id_]
                sub(line, "ref", title_of(document), href=self._refer(document, None)[2]).tail = "; "
            line[-1].tail = "."
