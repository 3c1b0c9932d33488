"""What we publish, read by the clients other people use: the W3C Nu HTML checker (vnu.jar,
run by Debian's Java) on every page, and axe-core in Debian's chromium on every kind of page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page, expect

from tests.conftest import CHROMIUM

VNU = Path(__file__).resolve().parent.parent / ".venv" / "vnu.jar"  # make test fetches it
JAVA = shutil.which("java")
AXE = Axe()  # axe-core as axe-playwright-python bundles it


@pytest.mark.skipif(JAVA is None, reason="Java is not installed (make test installs it as root)")
@pytest.mark.skipif(not VNU.exists(), reason="the Nu checker is not fetched (make test fetches it)")
def test_every_page_is_valid_html(sample_site: Path) -> None:
    assert JAVA is not None
    result = subprocess.run(
        [JAVA, "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html", str(sample_site)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    pages = {Path(message["url"].removeprefix("file:")) for message in messages}
    errors = [f"{message['url'].split('/site/')[-1]}: {message['message']}" for message in messages]
    assert len(list(sample_site.rglob("*.html"))) >= 40  # every page kind is there to check
    assert errors == [], f"{len(errors)} errors on {len(pages)} pages"


# One page of every kind, and the search dialog open with results.
PAGE_KINDS = [
    "",
    "register/",
    "regulations/",
    "regulations/coordination-regulation-2021-2025/",
    "regulations/coordination-regulation-2021-2025/2021-01-01/",
    "regulations/coordination-regulation-2021-2025/changes/",
    "regulations/directive-05-ct-tw/",
    "meetings/",
    "meetings/coordination-meeting-2020-12-21/",
    "people/",
    "people/nguyen-duc-trung/",
    "organizations/",
    "organizations/provincial-party-committee/",
    "years/2020/",
    "editors/",
    "404.html",
]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make test installs it)")
@pytest.mark.parametrize("path", [*PAGE_KINDS, "search"])
def test_no_serious_accessibility_problems(browser: Browser, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if path == "search":
        page.goto(site_url)
        page.get_by_role("button", name="Поиск").click()
        page.locator("dialog.regpub-search input").fill("координации")
        expect(page.locator(".regpub-search__result").first).to_be_visible()
    else:
        response = page.goto(site_url + path)
        assert response is not None
        assert response.status == 200 or path == "404.html"
    violations = AXE.run(page).response["violations"]
    context.close()
    serious = [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['html'][:80]}"
        for violation in violations
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]
    assert serious == []


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make test installs it)")
def test_the_skip_link_lands_on_the_document_not_past_it(browser: Browser, site_url: str) -> None:
    page: Page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "regulations/coordination-regulation-2021-2025/")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    expect(skip).to_be_focused()
    skip.press("Enter")
    expect(page).to_have_url(re.compile(r"#regpub-start$"))
    kicker = page.locator("#regpub-start .regpub-kicker")
    expect(kicker).to_be_in_viewport()
    page.close()
