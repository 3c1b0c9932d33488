"""Names as the Akoma Ntoso Naming Convention writes them: a document's FRBR URIs (`FrbrUri`),
and an act's eIds (`chp_1__art_3`, `art_3__para_2`) from the anchors the site gives the same parts
(`article-3`, README: "Body conventions"): the XML's eIds follow the convention AKN tools expect,
the page keeps its anchors, and a link to `id#article-3` reaches the element it names in either.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from datetime import date

from generator.core.body import Body
from generator.core.corpus import Corpus
from generator.doctypes import REGISTRY

LANGUAGE = "rus"
DEFAULT_COUNTRY = "ru"  # the plugin's `country` when mkdocs.yml names none
_COUNTRY = re.compile(r"[a-z]{2}(-[a-z0-9]+)?")


@dataclass(frozen=True, slots=True)
class FrbrUri:
    """A document's FRBR URIs, for its XML, `catalog.json` and links alike.

    >>> uri = FrbrUri("vn", "act", None, date(2020, 12, 21), "coordination-regulation")
    >>> uri.work
    '/akn/vn/act/2020-12-21/coordination-regulation'
    >>> uri.expression(date(2021, 1, 1))
    '/akn/vn/act/2020-12-21/coordination-regulation/rus@2021-01-01'
    >>> FrbrUri("vn", "debateReport", "protocol", date(2020, 12, 21), "m").manifestation(date(2020, 12, 21))
    '/akn/vn/debateReport/protocol/2020-12-21/m/rus@2020-12-21.xml'
    """

    country: str  # ISO 3166-1 alpha-2 in lower case, maybe with a locality: `vn`, `vn-na`
    doctype: str
    subtype: str | None
    work_date: date
    number: str

    def __post_init__(self) -> None:
        if not valid_country(self.country):
            raise ValueError(f"'{self.country}' is not an AKN country code such as 'vn' or 'vn-na'")

    @property
    def work(self) -> str:
        parts = ["", "akn", self.country, self.doctype, self.subtype, self.work_date.isoformat(), self.number]
        return "/".join(part for part in parts if part is not None)

    def expression(self, start: date) -> str:
        return f"{self.work}/{LANGUAGE}@{start.isoformat()}"

    def manifestation(self, start: date) -> str:
        return f"{self.expression(start)}.xml"


def valid_country(code: str) -> bool:
    """Whether `code` can stand in an FRBR URI: `ru`, `vn`, `vn-na`; not `RU`, `rus`."""
    return _COUNTRY.fullmatch(code) is not None


def frbr_uri(corpus: Corpus, id_: str, *, country: str) -> FrbrUri | None:
    """The URIs of the document `id_`; None for a person, an organization or an unknown id."""
    entry, document = corpus.get(id_), corpus.document(id_)
    shape = REGISTRY[entry.kind].akn if entry is not None and entry.kind is not None else None
    if document is None or shape is None:
        return None
    return FrbrUri(country, shape.doctype, shape.name, document.date, id_)


_ABBREVIATIONS = {"article": "art", "section": "sec", "chapter": "chp"}


def part_eid(anchor: str) -> str:
    """An article's, section's or chapter's own part of its eId.

    >>> part_eid("article-3"), part_eid("section-1"), part_eid("article-1.2")
    ('art_3', 'sec_1', 'art_1-2')
    """
    kind, _, number = anchor.partition("-")
    return f"{_ABBREVIATIONS.get(kind, kind)}_{number.replace('.', '-')}"


_KNOWN: weakref.WeakKeyDictionary[Body, dict[str, str]] = weakref.WeakKeyDictionary()


def eids(body: Body) -> dict[str, str]:
    """Each article's, section's and chapter's eId in the act, by its page anchor: its own part
    after those of the numbered parts around it (a heading without a number adds nothing).

    >>> from generator.core.body import scan_body
    >>> text = "## Глава 1. Общие\\n\\n### Статья 3. Цели\\n\\n## Приложение\\n\\n### Статья 4. Срок\\n"
    >>> eids(scan_body(text, 1))
    {'chapter-1': 'chp_1', 'article-3': 'chp_1__art_3', 'article-4': 'art_4'}
    """
    known = _KNOWN.get(body)
    if known is None:
        known = _KNOWN[body] = {}
        anchors = body.heading_anchors()
        around: list[tuple[int, str]] = []  # (heading level, eId) of the parts this one is in
        for offset, level in sorted(body.headings.items()):
            while around and around[-1][0] >= level:
                around.pop()
            if (anchor := anchors.get(offset)) is None:
                continue
            eid = "__".join([*(outer for _, outer in around), part_eid(anchor)])
            known.setdefault(anchor, eid)
            around.append((level, eid))
    return known
