"""`regpub serve` as an editor uses it: edit, break and fix a document; the browser follows."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, REGPUB, REPO, SAMPLE, shoot

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian chromium is not installed (make test installs it as root)"
)
if CHROMIUM.exists():
    from playwright.sync_api import Browser, expect

DOCUMENT = Path("2020") / "coordination-regulation-2021-2025.md"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    with serving(content) as (url, process):
        yield url, content, process


@contextmanager
def serving(content: Path, *args: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`regpub serve` of `content` on a free port: (its address, the process)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [str(REGPUB), "serve", "--content", str(content), "--address", f"127.0.0.1:{port}", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith(f"Serving the preview on http://127.0.0.1:{port}/"), first
    try:
        yield f"http://127.0.0.1:{port}/", process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_preview_serves_the_xml_and_checksums_the_build_writes(split_site: Path) -> None:
    """Both make a text's XML from its page: the preview renders the page when the XML is asked
    for, SHA256SUMS from every page (`split_site` is built without DOCX, as the preview is)."""
    regulation = "regulations/coordination-regulation-2021-2025"
    earlier = f"{regulation}/2021-01-01/coordination-regulation-2021-2025-2021-01-01.xml"
    meeting = "meetings/coordination-meeting-2020-12-21/coordination-meeting-2020-12-21.xml"
    paths = [meeting, earlier, "SHA256SUMS"]
    with serving(SAMPLE, "--as-of", "2026-01-01") as (url, _):
        for path in paths:
            with urllib.request.urlopen(f"{url}{path}") as response:
                assert response.read() == (split_site / path).read_bytes(), path


def test_edit_break_and_fix_a_document_in_the_browser(
    browser: Browser, server: tuple[str, Path, subprocess.Popen[str]]
) -> None:
    url, content, process = server
    source = content / DOCUMENT
    original = source.read_text(encoding="utf-8")
    page = browser.new_page()
    page.goto(f"{url}regulations/coordination-regulation-2021-2025/")
    heading = page.locator("h1.regpub-title")
    expect(heading).to_contain_text("Положение о координации работы")

    source.write_text(original.replace("title: Положение", "title: Новое положение"), encoding="utf-8")
    expect(heading).to_contain_text("Новое положение о координации", timeout=10_000)
    # The other side of a relation follows too: the meeting lists the new title.
    page.goto(f"{url}meetings/coordination-meeting-2020-12-21/")
    expect(page.locator("#adopted + ul")).to_contain_text("Новое положение о координации")
    page.goto(f"{url}regulations/coordination-regulation-2021-2025/")

    source.write_text(original.replace("\nissuers:", "\nisuers:"), encoding="utf-8")
    errors = page.locator("ul.regpub-errors")
    expect(errors).to_contain_text(f"{DOCUMENT.name}:14:1", timeout=10_000)
    expect(errors).to_contain_text("unknown field 'isuers' (did you mean 'issuers'?)")
    shoot(page, "preview-error")

    source.write_text(original, encoding="utf-8")
    expect(page.locator("h1.regpub-title")).to_contain_text(
        re.compile("^Положение о координации"), timeout=10_000
    )
    assert process.poll() is None, "the preview server must keep running"
    page.close()
