"""Shared helpers: write a small content root from a dict of file texts."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "regulations"
SPLIT_PAGES = 8  # pages per part of the split sample's search index: three parts or more
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "tests" / "artifacts"
REGPUB = Path(sys.executable).parent / "regpub"

ORGANIZATIONS = """\
- id: org-a
  name: Организация А
- id: org-b
  name: Организация Б
  parent: org-a
"""

PEOPLE = """\
- id: person-a
  name: Иван Петрович Сидоров
  signature_name: И.П. Сидоров
- id: person-b
  name: Анна Сергеевна Петрова
"""

WriteContent = Callable[[dict[str, str]], Path]

# A document type from another package (tests/test_doctypes.py runs regpub with it on the
# path): importing it here would register it in every test.
collect_ignore = ["order_type"]


@pytest.fixture
def write_content(tmp_path: Path) -> WriteContent:
    """Write `{relative path: text}` under a fresh content root with two small registries."""

    def write(files: dict[str, str]) -> Path:
        root = tmp_path / "content"
        defaults = {"organizations.yml": ORGANIZATIONS, "people.yml": PEOPLE}
        for name, text in {**defaults, **files}.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return write


def regulation(id_: str, *, body: str = "## Статья 1. Общие положения\n\nТекст.\n", **fields: str) -> str:
    """A valid regulation's file text; `fields` are extra front-matter lines, written as given."""
    lines = [
        "---",
        f"id: {id_}",
        "type: regulation",
        f"title: Положение {id_}",
        f"date: {fields.pop('date', '2020-01-01')}",
        "form: Положение",
        f"issuers: {fields.pop('issuers', '[org-a]')}",
        *(f"{name}: {value}" for name, value in fields.items()),
        "---",
        "",
    ]
    return "\n".join(lines) + body


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus built once, as `regpub build` builds it, as of 1 January 2026."""
    output = tmp_path_factory.mktemp("sample") / "site"
    _build_sample("--output", str(output))
    return output


PUBLISHED_AT = "https://council.example.org/npa/"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample as published at PUBLISHED_AT (no DOCX: what is read here is the data)."""
    output = tmp_path_factory.mktemp("published") / "site"
    _build_sample("--output", str(output), "--no-docx", "--site-url", PUBLISHED_AT)
    return output


def _build_sample(*args: str) -> None:
    """`regpub build` from the repository's root as of 1 January 2026; it must succeed."""
    result = subprocess.run(
        [str(REGPUB), "build", *args, "--as-of", "2026-01-01"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def config_with_parts(folder: Path, content: Path, part_pages: int) -> Path:
    """The sample's mkdocs.yml, reading `content`, with its search index in parts of
    `part_pages` pages; written into `folder`, to run from the repository's root."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    option = "      content: regulations\n"
    assert option in text
    text = text.replace(option, f"      content: {content}\n      search_part_pages: {part_pages}\n")
    config = folder / "mkdocs.yml"
    config.write_text(f"docs_dir: {REPO / 'docs'}\n{text}", encoding="utf-8")
    return config


@pytest.fixture(scope="session")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample built as `sample_site`, with its search index in parts of SPLIT_PAGES pages."""
    folder = tmp_path_factory.mktemp("split")
    config = config_with_parts(folder, SAMPLE, SPLIT_PAGES)
    _build_sample("--config", str(config), "--output", str(folder / "site"), "--no-docx")
    return folder / "site"


@pytest.fixture(scope="session")
def site_url(sample_site: Path) -> Iterator[str]:
    """The built sample served over HTTP on a free loopback port."""
    with serve_folder(sample_site) as url:
        yield url


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """A static file server for `folder` on a free loopback port; its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128  # a browser opens many connections at once; 5 resets some under load


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive as static hosts do: with HTTP/1.0 every response closes its connection, and
    # chromium's reused sockets then fail now and again (ERR_SOCKET_NOT_CONNECTED).
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, driven by Playwright; never a downloaded browser."""
    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[*flags, "--no-first-run"])
        yield launched
        launched.close()


def shoot(page: Page, name: str) -> None:
    """A screenshot under tests/artifacts/, for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
