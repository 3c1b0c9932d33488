"""The published sample in a real browser: Debian's chromium driven by Playwright.

No browser is ever downloaded: Playwright launches /usr/bin/chromium. `make test` installs it
when missing and run as root; without it these tests are skipped and say why.
Screenshots are saved under tests/artifacts/ for people to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS, CHROMIUM, SPLIT_PAGES, serve_folder, shoot

REGULATION = "regulations/coordination-regulation-2021-2025/"
MEETING = "meetings/coordination-meeting-2020-12-21/"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian chromium is not installed (make test installs it as root)"
)

if CHROMIUM.exists():
    from playwright.sync_api import Browser, ConsoleMessage, Page, expect


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    # Read on the day the sample is built as of, so that statuses are those its pages were built with.
    opened.clock.set_fixed_time("2026-01-01T10:00:00")
    yield opened
    context.close()


def search(page: Page, site_url: str, query: str) -> None:
    page.goto(site_url)
    page.get_by_role("button", name="Поиск").click()
    field = page.locator("dialog.regpub-search input")
    field.fill(query)


def test_home_page_loads_without_console_errors(page: Page, site_url: str) -> None:
    errors: list[str] = []

    def collect(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", collect)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url)
    expect(page.locator("h1")).to_contain_text("Реестр положений и протоколов")
    expect(page.get_by_role("heading", name="Последние документы")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert errors == []
    shoot(page, "home-desktop")


def test_search_finds_a_word_in_another_grammatical_case(page: Page, site_url: str) -> None:
    search(page, site_url, "координации")
    results = page.locator(".regpub-search__result")
    expect(results.first).to_be_visible()
    titles = results.all_inner_texts()
    assert any(title.startswith("Положение о координации работы") for title in titles), titles
    # An excerpt that runs through the metadata keeps its labels apart from their values.
    excerpts = " ".join(page.locator("dialog.regpub-search li > p").all_inner_texts())
    assert "координации" in excerpts
    assert not re.search(r"(Дата|Организаторы|Издан)[0-9А-Я]", excerpts), excerpts


def test_search_finds_a_number_as_typed(page: Page, site_url: str) -> None:
    search(page, site_url, "05-CT/TW")
    results = page.locator(".regpub-search__result")
    expect(results.first).to_be_visible()
    titles = results.all_inner_texts()
    assert titles[0] == "Об усилении изучения и следования идеологии, морали и стилю Хо Ши Мина"
    shoot(page, "search-number")
    results.first.click()
    expect(page).to_have_url(re.compile(r"/regulations/directive-05-ct-tw/$"))


def test_register_filter_narrows_the_list_and_survives_a_reload(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}register/")
    rows = page.locator("table.regpub-register tbody tr")
    expect(rows).to_have_count(8)
    page.select_option("select[name=status]", "expired")
    expect(rows).to_have_count(3)
    assert "status=expired" in page.url
    page.reload()
    expect(page.locator("select[name=status]")).to_have_value("expired")
    expect(rows).to_have_count(3)
    expect(page.locator(".regpub-register__count")).to_have_text("Найдено: 3 из 8")
    shoot(page, "register-desktop")


def test_relation_link_navigates_to_the_other_document(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{REGULATION}")
    expect(page.locator(".regpub-banner")).to_contain_text("Срок действия истёк")
    page.locator(".regpub-relations").get_by_role(
        "link", name=re.compile("Об усилении изучения")
    ).first.click()
    expect(page).to_have_url(re.compile(r"/regulations/directive-05-ct-tw/$"))
    backlinks = page.locator(".regpub-relations").get_by_role(
        "link", name=re.compile("Положение о координации")
    )
    expect(backlinks.first).to_be_visible()
    shoot(page, "regulation-desktop")


def test_meeting_page_shows_who_signed_and_what_was_adopted(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{MEETING}")
    expect(page.get_by_role("heading", name="Повестка дня")).to_be_visible()
    adopted = page.locator("#adopted + ul").get_by_role("link", name=re.compile("Положение о координации"))
    expect(adopted).to_be_visible()
    shoot(page, "meeting-desktop")


def test_docx_link_downloads_a_file(page: Page, site_url: str, sample_site: Path) -> None:
    if not (sample_site / REGULATION / "coordination-regulation-2021-2025.docx").exists():
        pytest.skip("the DOCX downloads are not built yet")
    page.goto(f"{site_url}{REGULATION}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать DOCX").click()
    assert download.value.suggested_filename == "coordination-regulation-2021-2025.docx"


@pytest.mark.parametrize("path", ["", REGULATION, MEETING, "register/"])
def test_site_is_usable_at_390_pixels(browser: Browser, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}{path}")
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path or 'home'} scrolls sideways by {overflow}px"
    expect(page.locator("h1").first).to_be_visible()
    shoot(page, f"{(path.strip('/').split('/')[0] or 'home')}-mobile")
    context.close()


def test_printing_a_document_gives_the_document_not_the_site(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{REGULATION}")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".regpub-download"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("h1.regpub-title")).to_be_visible()
    expect(page.locator("#article-1")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "regulation-print.pdf"))


def test_open_an_earlier_version_and_what_the_amendment_changed(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{REGULATION}")
    versions = page.locator(".regpub-versions")
    versions.get_by_role("link", name="Редакция от 1 января 2021 г.").click()
    expect(page).to_have_url(re.compile(r"/coordination-regulation-2021-2025/2021-01-01/$"))
    expect(page.locator(".regpub-banner")).to_contain_text("Недействующая редакция")
    page.go_back()
    versions.get_by_role("link", name="что изменилось").click()
    expect(page.locator(".regpub-diff ins").first).to_contain_text("цифровую платформу")
    shoot(page, "changes-desktop")


def test_download_an_earlier_text_and_the_redline(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{REGULATION}2021-01-01/")
    with page.expect_download() as version:
        page.get_by_role("link", name="текст этой редакции", exact=True).click()
    assert version.value.suggested_filename == "coordination-regulation-2021-2025-2021-01-01.docx"
    with page.expect_download() as printable:
        page.get_by_role("link", name="текст этой редакции в PDF").click()
    assert printable.value.suggested_filename == "coordination-regulation-2021-2025-2021-01-01.pdf"
    page.goto(f"{site_url}{REGULATION}changes/")
    with page.expect_download() as redline:
        page.get_by_role("link", name="Скачать DOCX с исправлениями").click()
    assert redline.value.suggested_filename == "coordination-regulation-2021-2025-2023-01-01-changes.docx"


def test_search_loads_the_filters_only_when_they_are_opened(page: Page, site_url: str) -> None:
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    search(page, site_url, "координации")
    results = page.locator(".regpub-search__result")
    expect(results.first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "/pagefind/filter/" in url or "pagefind-ui" in url]
    everything = results.count()
    page.locator(".regpub-search__filters summary").click()
    page.get_by_role("group", name="Вид").get_by_label(re.compile(r"^Положение")).check()
    expect(results).not_to_have_count(everything)
    assert [url for url in fetched if "/pagefind/filter/" in url]
    assert all(title.startswith("Положение") for title in results.all_inner_texts())
    shoot(page, "search-filters")


def test_search_over_an_index_in_parts_finds_what_the_whole_index_finds(
    page: Page, site_url: str, split_site: Path
) -> None:
    """The parts are merged in the browser: the same documents, and the same filter counts."""

    def everything_found(url: str) -> tuple[list[str], str]:
        search(page, url, "координации")
        results = page.locator(".regpub-search__result")
        expect(results.first).to_be_visible()
        more = page.locator(".regpub-search__more")
        total = int(page.locator(".regpub-search__status").inner_text().removeprefix("Найдено: "))
        while more.is_visible():
            more.click()
        expect(results).to_have_count(total)
        page.locator(".regpub-search__filters summary").click()
        expect(page.get_by_role("group", name="Вид")).to_be_visible()
        return sorted(link.get_attribute("href") or "" for link in results.all()), page.locator(
            ".regpub-search__filters"
        ).inner_text()

    whole = everything_found(site_url)
    with serve_folder(split_site) as split_url:
        parts = everything_found(split_url)
    assert len(whole[0]) > SPLIT_PAGES  # more than a part's worth of pages
    assert parts == whole


def test_search_ranks_an_earlier_text_after_the_current_one_and_says_so(page: Page, site_url: str) -> None:
    search(page, site_url, "координации")
    results = page.locator(".regpub-search__result")
    expect(results.first).to_be_visible()
    more = page.locator(".regpub-search__more")
    while more.is_visible():
        shown = results.count()
        more.click()
        expect(results).not_to_have_count(shown)
    titles = results.all_inner_texts()
    current = "Положение о координации работы партийного комитета провинциального народного комитета"
    texts = [(index, title) for index, title in enumerate(titles) if title.startswith(current)]
    earlier = [index for index, title in texts if title.endswith("прежняя редакция")]  # marked
    now = [index for index, title in texts if not title.endswith("прежняя редакция")]
    assert now, titles
    assert earlier, titles
    assert now[0] < earlier[0]


def test_register_never_breaks_a_date_or_a_number(page: Page, site_url: str) -> None:
    page.goto(site_url + "register/")
    cells = page.locator("table.regpub-register .regpub-register__nowrap")
    expect(cells.first).to_be_visible()
    lines = cells.evaluate_all("(cells) => cells.map((cell) => cell.getClientRects().length)")
    assert lines
    assert set(lines) == {1}
    shoot(page, "register-1280")


def test_on_a_phone_the_register_shows_the_list_before_the_filters(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}register/")
    first = page.locator("table.regpub-register tbody tr").first
    expect(first).to_be_in_viewport()  # the first document is on the first screen
    expect(page.locator(".regpub-register__filters select[name=kind]")).to_be_hidden()
    page.get_by_text("Отбор", exact=True).click()
    expect(page.locator(".regpub-register__filters select[name=kind]")).to_be_visible()
    page.goto(f"{site_url}register/?kind=meeting")  # a shared link with a filter shows it
    expect(page.locator(".regpub-register__filters select[name=kind]")).to_be_visible()
    context.close()
