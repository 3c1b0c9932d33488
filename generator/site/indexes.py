"""Generated index pages: sections, documents by year and by form, the register's shell.

Why pages and not a long sidebar: Material writes the whole nav into every page, so the nav
holds only these few entry points and each list lives on its own page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cached_property

from generator.core import labels
from generator.core.model import Kind, Meeting, Organization, Person, Regulation, document_kinds
from generator.core.status import Status
from generator.core.urls import page_md
from generator.doctypes import DOCUMENT_TYPES, RecordType, records
from generator.doctypes.records import Ref
from generator.site.context import PageContexts
from generator.site.markdown import escape

_TRANSLIT = dict(
    pair.split(":")
    for pair in (
        "а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f "
        "х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya"
    ).split()
)
LATEST = 10
# The generated section pages, as the sidebar names them.
SECTION_PAGES = {
    labels.REGISTER: "register/index.md",
    labels.DECISIONS: "decisions/index.md",
    labels.REGULATIONS: "regulations/index.md",
    labels.MEETINGS: "meetings/index.md",
    labels.PEOPLE: "people/index.md",
    labels.ORGANIZATIONS: "organizations/index.md",
}


def slug(text: str) -> str:
    """An ASCII URL segment for a Russian word.

    >>> slug("Постановление"), slug("План работы")
    ('postanovlenie', 'plan-raboty')
    """
    letters = "".join(_TRANSLIT.get(char, char) for char in text.lower())
    cleaned = "".join(
        char if char.isascii() and char.isalnum() else "-" for char in letters.replace("-", " ")
    )
    return "-".join(part for part in cleaned.split("-") if part) or "x"


def year_page(year: int) -> str:
    return f"years/{year}/index.md"


def form_page(form: str) -> str:
    return f"forms/{slug(form)}/index.md"


def _link(md: str, target: str) -> str:
    """A relative Markdown link target from one virtual page to another."""
    depth = md.count("/")
    return "../" * depth + target


def _document_line(md: str, ref: Ref) -> str:
    target = page_md(Kind(ref.kind), ref.id)
    number = f" № {escape(ref.number)}" if ref.number else ""
    return f"- {ref.date} — [{escape(ref.title)}]({_link(md, target)}){number}{_quiet_badge(ref.status)}"


def _quiet_badge(status: records.Status | None) -> str:
    """A list's mark of a document not in force; kept, hidden, for one in force, so that the
    page's script (`assets/regpub-status.js`) shows it on the day it no longer is."""
    if status is None:
        return ""
    hidden = " hidden" if status.in_force else ""
    facts = status.facts.script()
    return (
        f" <span class=\"regpub-status regpub-status--{status.code}\" data-regpub-status='{facts}'"
        f" data-regpub-status-quiet{hidden}>{status.text}</span>"
    )


def _documents_list(md: str, refs: Iterable[Ref]) -> str:
    return "\n".join(_document_line(md, ref) for ref in refs) or labels.NO_DOCUMENTS


class IndexPages:
    def __init__(self, contexts: PageContexts) -> None:
        self.contexts = contexts
        self.corpus = contexts.corpus
        self.regulations = sorted(self.corpus.records(Regulation), key=lambda r: (r.date, r.id), reverse=True)
        self.meetings = sorted(self.corpus.records(Meeting), key=lambda m: (m.date, m.id), reverse=True)
        # Every document of every type, newest first: the home page, the years
        ids = self.corpus.ids_of(document_kinds())
        documents = [document for id_ in ids if (document := self.corpus.document(id_)) is not None]
        self.documents = sorted(documents, key=lambda d: (d.date, d.id), reverse=True)

    def pages(self) -> dict[str, str]:
        """{virtual Markdown file: its Markdown}; lists are kept out of the search index. Made once:
        the site plan lists them and the renderer publishes them."""
        return self._pages

    @cached_property
    def _pages(self) -> dict[str, str]:
        pages = {
            "regulations/index.md": self.regulations_index(),
            "meetings/index.md": self.meetings_index(),
            "people/index.md": self.people_index(),
            "organizations/index.md": self.organizations_index(),
        }
        for record_type in DOCUMENT_TYPES.values():  # a type a package added: a list of its own
            if (md := f"{record_type.kind.section}/index.md") not in pages:
                pages[md] = self.type_index(record_type)
        by_year: dict[int, list[str]] = defaultdict(list)
        for document in self.documents:
            by_year[document.date.year].append(document.id)
        for year, ids in by_year.items():
            pages[year_page(year)] = self.year_index(year, ids)
        by_form: dict[str, list[str]] = defaultdict(list)
        for regulation in self.regulations:
            by_form[regulation.form].append(regulation.id)
        for form, ids in by_form.items():
            pages[form_page(form)] = self.form_index(form, ids)
        listed = {md: _LIST_META + markdown for md, markdown in pages.items()}
        return {**listed, "register/index.md": REGISTER_PAGE, "decisions/index.md": DECISIONS_PAGE}

    def latest(self, md: str) -> str:
        return _documents_list(md, self.contexts.refs(d.id for d in self.documents[:LATEST]))

    def status_counts(self, md: str) -> str:
        counts = Counter(self.contexts.status(regulation) for regulation in self.regulations)
        rows = [labels.STATUS_TABLE, "| --- | ---: |"]
        for status in Status:
            if counts[status]:
                register = _link(md, f"register/index.md?status={status}")
                rows.append(f"| [{status.label}]({register}) | {counts[status]} |")
        return "\n".join(rows)

    def entry_points(self, md: str) -> str:
        years = sorted({d.date.year for d in self.documents}, reverse=True)
        year_links = ", ".join(f"[{year}]({_link(md, year_page(year))})" for year in years)
        forms = sorted({r.form for r in self.regulations})
        form_links = ", ".join(f"[{escape(form)}]({_link(md, form_page(form))})" for form in forms)
        issuers = Counter(issuer for r in self.regulations for issuer in r.issuers)
        issuer_links = ", ".join(
            f"[{escape(ref.title)}]({_link(md, page_md(Kind.ORGANIZATION, ref.id))}) ({issuers[ref.id]})"
            for ref in self.contexts.refs(id_ for id_, _ in issuers.most_common(12))
        )
        return "\n".join(
            [
                f"**{labels.BY_YEAR}:** {year_links or '—'}",
                "",
                f"**{labels.BY_FORM}:** {form_links or '—'}",
                "",
                f"**{labels.BY_ISSUER}:** {issuer_links or '—'}",
            ]
        )

    def regulations_index(self) -> str:
        md = "regulations/index.md"
        return "\n\n".join(
            [
                f"# {labels.REGULATIONS}",
                labels.DOCUMENTS_TOTAL.format(
                    count=len(self.regulations), register=_link(md, "register/index.md")
                ),
                f"## {labels.STATUS_HEADING}", self.status_counts(md),
                f"## {labels.SECTIONS_HEADING}", self.entry_points(md),
                f"## {labels.LATEST_DOCUMENTS}",
                _documents_list(md, self.contexts.refs(r.id for r in self.regulations[:LATEST])),
            ]
        )  # fmt: skip

    def meetings_index(self) -> str:
        md = "meetings/index.md"
        years = Counter(meeting.date.year for meeting in self.meetings)
        year_links = ", ".join(
            f"[{year}]({_link(md, year_page(year))}) ({count})"
            for year, count in sorted(years.items(), reverse=True)
        )
        latest = self.contexts.refs(meeting.id for meeting in self.meetings[:LATEST])
        return "\n\n".join(
            [f"# {labels.MEETINGS}", labels.MEETINGS_TOTAL.format(count=len(self.meetings)),
             f"**{labels.BY_YEAR}:** {year_links or '—'}",
             f"## {labels.LATEST_MEETINGS}", _documents_list(md, latest)]
        )  # fmt: skip

    def people_index(self) -> str:
        md = "people/index.md"
        people = sorted(self.corpus.records(Person), key=lambda p: (p.name, p.id))
        lines = [f"- [{escape(p.name)}]({_link(md, page_md(Kind.PERSON, p.id))})" for p in people]
        return "\n\n".join([f"# {labels.PEOPLE}", "\n".join(lines) or labels.NO_RECORDS])

    def organizations_index(self) -> str:
        md = "organizations/index.md"
        organizations = sorted(self.corpus.records(Organization), key=lambda o: (o.name, o.id))
        children: dict[str | None, list[Organization]] = defaultdict(list)
        known = {o.id for o in organizations}
        for organization in organizations:
            parent = organization.parent if organization.parent in known else None
            children[parent].append(organization)
        lines: list[str] = []

        def walk(parent: str | None, depth: int, seen: frozenset[str]) -> None:
            for organization in children.get(parent, []):
                if organization.id in seen:
                    continue
                target = _link(md, page_md(Kind.ORGANIZATION, organization.id))
                lines.append(f"{'    ' * depth}- [{escape(organization.name)}]({target})")
                walk(organization.id, depth + 1, seen | {organization.id})

        walk(None, 0, frozenset())
        return "\n\n".join([f"# {labels.ORGANIZATIONS}", "\n".join(lines) or labels.NO_RECORDS])

    def year_index(self, year: int, ids: list[str]) -> str:
        md = year_page(year)
        refs = self.contexts.refs(ids)
        parts = [f"# {labels.YEAR_TITLE.format(year=year)}"]
        for kind, record_type in DOCUMENT_TYPES.items():
            parts += [
                f"## {record_type.title}",
                _documents_list(md, [r for r in refs if r.kind == kind]),
            ]
        return "\n\n".join(parts)

    def type_index(self, record_type: RecordType) -> str:
        """The list of a document type that has no index of its own: all of them, newest first."""
        md = f"{record_type.kind.section}/index.md"
        ids = [d.id for d in self.documents if self.corpus.by_id[d.id].kind is record_type.kind]
        return "\n\n".join([f"# {record_type.title}", _documents_list(md, self.contexts.refs(ids))])

    def form_index(self, form: str, ids: list[str]) -> str:
        md = form_page(form)
        return "\n\n".join([f"# {escape(form)}", _documents_list(md, self.contexts.refs(ids))])


_LIST_META = "---\nregpub_list: true\n---\n\n"
REGISTER_PAGE = f"""\
---
regpub_list: true
template: regpub-register.html
title: {labels.REGISTER_TITLE}
hide: [toc]
---

# {labels.REGISTER_TITLE}
"""
DECISIONS_PAGE = f"""\
---
regpub_list: true
template: regpub-decisions.html
title: {labels.DECISIONS}
hide: [toc]
---

# {labels.DECISIONS}
"""
