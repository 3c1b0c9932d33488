"""What we publish, read by the clients other people use: the W3C Nu HTML checker (vnu.jar,
run by Debian's Java) on every page, and axe-core in Debian's chromium on every kind of page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser  # type: ignore[import-untyped]
import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page, expect

from tests.conftest import CHROMIUM, PUBLISHED_AT

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
    "decisions/",
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
    serious = serious_violations(page)
    context.close()
    assert serious == []


def serious_violations(page: Page) -> list[str]:
    """What axe-core finds serious or critical on the page as it is now."""
    violations = AXE.run(page).response["violations"]
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['html'][:80]}"
        for violation in violations
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


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


SITE_URL = PUBLISHED_AT


def _feed_problems(feed: feedparser.FeedParserDict) -> list[str]:
    """What RFC 4287 requires of the feed and that feedparser reads: absolute ids, authors."""
    problems = [f"not well-formed: {feed.bozo_exception}"] if feed.bozo else []
    ids = [feed.feed.get("id", ""), *(entry.get("id", "") for entry in feed.entries)]
    problems += [f"relative id {id_!r}" for id_ in ids if not urlsplit(id_).scheme]
    problems += [f"{entry.id}: no author" for entry in feed.entries if not entry.get("authors")]
    return problems


def test_the_feed_is_atom_as_feed_readers_read_it(sample_site: Path, published_site: Path) -> None:
    unpublished = feedparser.parse(sample_site / "feed.xml")
    assert len(unpublished.entries) == 8
    assert _feed_problems(unpublished) == []
    feed = feedparser.parse(published_site / "feed.xml")
    assert _feed_problems(feed) == []
    assert feed.feed.id == f"{SITE_URL}feed.xml"
    for entry in feed.entries:  # each entry is its page's address, and the page is there
        assert entry.id == entry.link
        assert (published_site / entry.link.removeprefix(SITE_URL) / "index.html").is_file(), entry.link
    # Without a site URL, links are relative to the feed, as a reader resolves them.
    for entry in unpublished.entries:
        assert (sample_site / entry.link / "index.html").is_file(), entry.link


def test_the_sitemap_lists_every_page_when_the_site_has_an_address(
    sample_site: Path, published_site: Path
) -> None:
    assert not (sample_site / "sitemap.xml").exists()  # no address, no sitemap
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [
        loc.text or "" for loc in ET.parse(published_site / "sitemap.xml").getroot().iter(f"{namespace}loc")
    ]
    pages = {
        path.parent.relative_to(published_site).as_posix()
        for path in published_site.rglob("index.html")
        if not path.parent.relative_to(published_site).as_posix().startswith(("assets", "pagefind"))
    }
    listed = {location.removeprefix(SITE_URL).rstrip("/") or "." for location in locations}
    assert all(location.startswith(SITE_URL) for location in locations)
    assert listed == pages


def _links(data: object) -> list[str]:
    """Every address a JSON client would follow: the values of its url-like fields."""
    if isinstance(data, dict):
        found = [v for k, v in data.items() if k in ("url", "docx", "changes", "changes_docx", "file") and v]
        return [*found, *(link for value in data.values() for link in _links(value))]
    if isinstance(data, list):
        return [link for item in data for link in _links(item)]
    return []


def test_open_data_links_resolve_as_a_client_resolves_them(sample_site: Path) -> None:
    base = "https://data.example.org/site/"
    files = [sample_site / "catalog.json", *sample_site.glob("*/*/*.json")]
    assert len(files) == 9  # the catalog and one file per document
    broken = []
    for file in files:
        address = base + file.relative_to(sample_site).as_posix()
        for link in _links(json.loads(file.read_text(encoding="utf-8"))):
            target = urljoin(address, link)
            path = sample_site / target.removeprefix(base)
            if (
                not target.startswith(base)
                or not (path / "index.html" if target.endswith("/") else path).is_file()
            ):
                broken.append(f"{file.name}: {link} → {target}")
    assert broken == []


def test_open_data_dates_are_iso_as_well_as_russian(sample_site: Path) -> None:
    regulation = json.loads(
        (
            sample_site
            / "regulations/coordination-regulation-2021-2025/coordination-regulation-2021-2025.json"
        ).read_text(encoding="utf-8")
    )
    assert regulation["effective"] == {
        "from": "1 января 2021 г.",
        "from_iso": "2021-01-01",
        "to": "31 декабря 2025 г.",
        "to_iso": "2025-12-31",
    }
    assert regulation["status"]["code"] == "expired"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", regulation["source"]["date_iso"])


CHECK_JSONSCHEMA = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "check-jsonschema"


@pytest.mark.skipif(not CHECK_JSONSCHEMA.exists(), reason="check-jsonschema is not installed (make test)")
def test_open_data_validates_against_its_published_schema(sample_site: Path) -> None:
    documents = sorted(sample_site.glob("*/*/*.json"))
    assert len(documents) == 8
    data = (("catalog.json", [sample_site / "catalog.json"]), ("document.json", documents))
    for schema, files in (*data, ("decisions.json", [sample_site / "decisions.json"])):
        result = subprocess.run(
            [str(CHECK_JSONSCHEMA), "--schemafile", str(sample_site / "schema" / schema), *map(str, files)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make test installs it)")
def test_every_status_badge_is_readable(browser: Browser, site_url: str) -> None:
    """The sample has no draft or pending document, so each badge is shown here, as the
    templates write it, and axe-core judges its contrast."""
    page = browser.new_page()
    page.goto(site_url + "regulations/coordination-regulation-2021-2025/")
    codes = ["draft", "repealed", "superseded", "pending", "expired", "external", "in_force"]
    page.evaluate(
        """(codes) => {
            const kicker = document.querySelector(".regpub-kicker");
            for (const code of codes) {
                const badge = document.createElement("span");
                badge.className = `regpub-status regpub-status--${code}`;
                badge.textContent = "Не вступил в силу";
                kicker.append(" ", badge);
            }
        }""",
        codes,
    )
    violations = AXE.run(page, options={"runOnly": ["color-contrast"]}).response["violations"]
    page.close()
    assert [node["html"] for violation in violations for node in violation["nodes"]] == []
