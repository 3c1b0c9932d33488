"""README: "Computed status" on the day a page is read: one rule, written in Python
(`generator/core/status.py`) and in the pages' script (`assets/regpub-status.js`), must give
the same status and the same words for every case; a page read on another day than its build's
shows that day's status with script, and the build day's, worded to stay true, without."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import product
from pathlib import Path

import pytest

from generator.core.control import Control, ControlFacts
from generator.core.status import Status, StatusFacts
from generator.resources import site_theme
from tests.conftest import CHROMIUM, WriteContent, regulation, serve_folder, shoot
from tests.test_site import build

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian chromium is not installed (make test installs it as root)"
)

if CHROMIUM.exists():
    from playwright.sync_api import Browser, Page, expect

SCRIPT = site_theme() / "assets" / "regpub-status.js"
EXPIRED = (
    "regulations/coordination-regulation-2021-2025/"  # in force 2021–2025; the sample is built on 2026-01-01
)


def _cases() -> Iterator[StatusFacts]:
    """Every combination of the rule's facts around a few days, and random ones besides."""
    days = [date(2020, 1, 1), date(2021, 6, 30), date(2024, 2, 29), date(2027, 3, 1)]
    optional = [None, *days]
    for draft, repealed, start, end, external in product(
        (False, True), optional, optional, optional, (False, True)
    ):
        if start and end and end < start:
            continue
        for superseded in ((), (days[1],), (days[3], days[0])):
            yield StatusFacts(draft, repealed, superseded, start, end, external)
    chance = random.Random(20)
    for _ in range(300):
        picked = sorted(date(2019, 1, 1) + timedelta(days=chance.randrange(3000)) for _ in range(5))
        yield StatusFacts(
            draft=chance.random() < 0.1,
            repealed_on=picked[3] if chance.random() < 0.4 else None,
            superseded_from=tuple(picked[4:]) if chance.random() < 0.3 else (),
            effective_from=picked[0] if chance.random() < 0.7 else None,
            effective_to=picked[2] if chance.random() < 0.4 else None,
            external=chance.random() < 0.1,
        )


def _days(facts: StatusFacts) -> list[date]:
    """The days either side of each day the facts name, and one far from all of them."""
    named = [facts.repealed_on, facts.effective_from, facts.effective_to, *facts.superseded_from]
    near = {day + timedelta(days=shift) for day in named if day for shift in (-1, 0, 1)}
    return sorted({date(2010, 5, 5), *near})


@pytest.fixture
def blank(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><html lang='ru'><head><title>t</title></head><body></body></html>")
    page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
    yield page
    context.close()


def test_the_script_applies_the_python_rule_to_every_case(blank: Page) -> None:
    cases = [(facts, day) for facts in _cases() for day in _days(facts)]
    asked = [[facts.shown(), day.isoformat()] for facts, day in cases]
    answers = blank.evaluate(
        """cases => cases.map(([facts, day]) => [
            regpubStatus.on(facts, day), regpubStatus.since(facts, day),
            regpubStatus.nextChange(facts, day), regpubStatus.wording(facts, day)])""",
        asked,
    )
    expected = [
        [
            str(facts.on(day)),
            (since := facts.since(day)) and since.isoformat(),
            (turn := facts.next_change(day)) and turn.isoformat(),
            facts.wording(day),
        ]
        for facts, day in cases
    ]
    differ = [(asked[index], answers[index], expected[index]) for index in range(len(cases))]
    differ = [case for case in differ if case[1] != case[2]]
    assert differ == [], f"{len(differ)} of {len(cases)} cases differ, e.g. {differ[:3]}"
    assert len(cases) > 5000
    assert {answer[0] for answer in answers} == {str(status) for status in Status}


def test_the_script_finds_the_text_in_force_as_the_python_rule_does(blank: Page) -> None:
    starts = [date(2020, 1, 1), date(2021, 6, 30), date(2027, 3, 1)]
    spans = [(start, until) for start, until in zip(starts, [*starts[1:], None], strict=True)]
    cases = [(facts, span, day) for facts in _cases() for span in spans for day in _days(facts)[:6]]
    asked = [
        [facts.shown(), start.isoformat(), until and until.isoformat(), day.isoformat()]
        for facts, (start, until), day in cases
    ]
    answers = blank.evaluate("cases => cases.map((c) => regpubStatus.textInForce(...c))", asked)
    expected = [facts.text_in_force(start, until, day) for facts, (start, until), day in cases]
    assert answers == expected
    assert set(answers) == {True, False}


def _control_cases() -> list[tuple[ControlFacts, date]]:
    days = [None, date(2021, 3, 31), date(2021, 3, 20), date(2021, 4, 5)]
    cases = []
    for due, done in product(days, days):
        facts = ControlFacts(due, done)
        named = {day for day in (due, done) if day}
        around = {day + timedelta(days=shift) for day in named for shift in (-1, 0, 1)} | {date(2020, 1, 1)}
        cases += [(facts, day) for day in sorted(around)]
    return cases


def test_the_script_applies_the_python_rule_of_control_status(blank: Page) -> None:
    """README: "Decisions, votes and assignments": an assignment's status on any day, alike in both."""
    cases = _control_cases()
    asked = [[facts.shown(), day.isoformat()] for facts, day in cases]
    answers = blank.evaluate(
        "cases => cases.map(([f, d]) => [regpubStatus.controlOn(f, d), regpubStatus.controlWording(f, d)])",
        asked,
    )
    expected = [[str(facts.on(day)), facts.wording(day)] for facts, day in cases]
    assert answers == expected
    assert {answer[0] for answer in answers} == {str(status) for status in Control}
    assert ControlFacts(date(2021, 3, 31), date(2021, 4, 5)).wording(date(2021, 5, 1)) == (
        "Исполнено с нарушением срока 5 апреля 2021 г."
    )
    assert ControlFacts(date(2021, 3, 31)).wording(date(2021, 4, 2)) == "Просрочено с 1 апреля 2021 г."
    assert ControlFacts(date(2021, 3, 31)).wording(date(2021, 3, 31)) == "На контроле до 31 марта 2021 г."
    for facts, day in cases:  # the wording holds until the next change, and only until then
        if (turn := facts.next_change(day)) is not None:
            assert facts.wording(turn - timedelta(days=1)) == facts.wording(day)
            assert facts.on(turn) is not facts.on(day)


def test_a_wording_stays_true_until_the_status_changes() -> None:
    """The words the page shows without script are the same on every day of one status."""
    for facts in _cases():
        for day in _days(facts):
            turn = facts.next_change(day)
            if turn is not None:
                assert facts.wording(turn - timedelta(days=1)) == facts.wording(day), (facts, day)
                assert facts.wording(turn) != facts.wording(day), (facts, day)


def test_repealed_in_the_future_reads_in_force_until_then() -> None:
    facts = StatusFacts(repealed_on=date(2027, 5, 1), effective_from=date(2020, 2, 1))
    on_build_day = facts.wording(date(2026, 12, 4))
    assert on_build_day == "Действует с 1 февраля 2020 г.; утрачивает силу с 1 мая 2027 г."
    assert facts.wording(date(2027, 5, 1)) == "Утратил силу с 1 мая 2027 г."
    assert StatusFacts(effective_from=date(2027, 3, 1)).wording(date(2026, 12, 4)) == (
        "Вступает в силу 1 марта 2027 г."
    )


def _open(browser: Browser, url: str, *, on: str | None, script: bool = True) -> Page:
    context = browser.new_context(java_script_enabled=script, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if on is not None:
        page.clock.set_fixed_time(f"{on}T10:00:00")
    page.goto(url)
    return page


def test_a_page_read_before_its_status_changed_shows_the_status_of_that_day(
    browser: Browser, site_url: str
) -> None:
    page = _open(browser, site_url + EXPIRED, on="2025-06-01")
    meta = page.locator("dl.regpub-meta .regpub-status")
    expect(meta).to_have_text("Действует с 1 января 2021 г. по 31 декабря 2025 г.")
    expect(meta).to_have_class("regpub-status regpub-status--in_force")
    expect(page.locator(".regpub-banner[data-regpub-status-banner]")).to_be_hidden()
    shoot(page, "status-read-before-expiry")
    page.context.close()


def test_a_page_read_on_the_build_day_shows_what_it_was_built_with(browser: Browser, site_url: str) -> None:
    """The script changes nothing on the build's own day: both implementations agree in place."""
    with_script = _open(browser, site_url + EXPIRED, on="2026-01-01")
    without = _open(browser, site_url + EXPIRED, on=None, script=False)
    for page in (with_script, without):
        expect(page.locator("dl.regpub-meta .regpub-status")).to_have_text(
            "Срок действия истёк 31 декабря 2025 г."
        )
        banner = page.locator(".regpub-banner[data-regpub-status-banner]")
        expect(banner).to_be_visible()
        expect(banner).to_have_text("Срок действия истёк 31 декабря 2025 г.")
    badges = [with_script.locator("[data-regpub-status]"), without.locator("[data-regpub-status]")]
    assert badges[0].all_inner_texts() == badges[1].all_inner_texts()
    shoot(without, "status-without-script")
    with_script.context.close()
    without.context.close()


def test_lists_mark_a_document_on_the_day_it_stops_being_in_force(browser: Browser, site_url: str) -> None:
    """The documents' list hides the mark of one in force, and shows it from the day it is not."""
    before = _open(browser, site_url + "regulations/", on="2025-06-01")
    after = _open(browser, site_url + "regulations/", on="2026-01-01")
    title = "Положение о координации работы"
    item = "li:has(a:text-matches('^" + title + "'))"
    expect(before.locator(f"{item} .regpub-status")).to_be_hidden()
    expect(after.locator(f"{item} .regpub-status")).to_have_text("Срок действия истёк 31 декабря 2025 г.")
    before.context.close()
    after.context.close()


def test_the_list_of_texts_marks_the_one_in_force_on_the_reading_day(browser: Browser, site_url: str) -> None:
    """Built on 2026-01-01, when the regulation had expired; read in 2021 and in 2024."""
    rows = ".regpub-versions li"
    in_2021 = _open(browser, site_url + EXPIRED, on="2021-06-01")
    expect(in_2021.locator(f"{rows}:has-text('Редакция от 1 января 2021 г.') .regpub-status")).to_have_text(
        "действующая редакция"
    )
    expect(in_2021.locator(f"{rows}:has-text('Редакция от 1 января 2023 г.') .regpub-status")).to_have_text(
        "недействующая редакция"
    )
    earlier = _open(browser, site_url + EXPIRED + "2021-01-01/", on="2024-02-01")
    banner = earlier.locator(".regpub-banner")
    expect(banner).to_have_class("regpub-banner regpub-banner--expired")
    expect(banner).to_have_text(
        re.compile(
            r"^\s*Недействующая редакция \(с 1 января 2021 г\.\)\.\s*"
            r"Действующая редакция — от 1 января 2023 г\.\s*$"
        ),
        use_inner_text=True,
    )
    earlier.clock.set_fixed_time("2022-02-01T10:00:00")
    earlier.reload()
    expect(banner).to_have_class("regpub-banner regpub-banner--in_force")
    expect(banner).to_contain_text("Действующая редакция (с 1 января 2021 г.)", use_inner_text=True)
    expect(banner).not_to_contain_text("Недействующая", use_inner_text=True)
    shoot(earlier, "status-earlier-text-in-force")
    in_2021.context.close()
    earlier.context.close()


def test_the_register_answers_for_any_date(browser: Browser, site_url: str) -> None:
    """The date field (and its URL parameter) gives every document's status on that day;
    without it, the reading day's."""
    title = "Положение о координации работы партийного комитета провинциального народного комитета"
    row = f"table.regpub-register tbody tr:has(a:text-matches('^{title}'))"
    page = _open(browser, f"{site_url}register/?on=2025-06-01", on="2026-02-01")
    expect(page.locator(f"{row} .regpub-status")).to_have_text(
        "Действует с 1 января 2021 г. по 31 декабря 2025 г."
    )
    expect(page.locator("input[name=on]")).to_have_value("2025-06-01")
    page.locator("select[name=status]").select_option(label="Срок действия истёк")
    expect(page.locator(row)).to_have_count(0)
    expect(page).to_have_url(re.compile(r"on=2025-06-01"))
    shoot(page, "register-on-a-date")
    page.locator("input[name=on]").fill("")
    page.locator("input[name=on]").dispatch_event("change")
    expect(page.locator(f"{row} .regpub-status")).to_have_text("Срок действия истёк 31 декабря 2025 г.")
    page.context.close()


def test_a_site_built_before_an_amendment_takes_effect_reads_right_after(
    browser: Browser, write_content: WriteContent, tmp_path: Path
) -> None:
    """Built on 4 December 2026 and not rebuilt: on 2 March 2027 the amendment that took effect
    the day before is in force, and the page of the document it amends says its text lacks it."""
    root = write_content(
        {
            "base.md": regulation("base", effective="{from: 2020-02-01}"),
            "change.md": regulation(
                "change", date="2026-11-20", amends="[base]", effective="{from: 2027-03-01}"
            ),
        }
    )
    output = tmp_path / "site"
    result = build(output, "--content", str(root), "--as-of", "2026-12-04", "--no-docx")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Statuses change next on 1 March 2027 (change): rebuild on that day." in result.stdout
    with serve_folder(output) as url:
        for day, shown in (("2026-12-04", False), ("2027-03-02", True)):
            page = _open(browser, url + "regulations/base/", on=day)
            note = page.get_by_text("Текст не включает изменения")
            if shown:
                expect(note).to_be_visible()
            else:
                expect(note).to_be_hidden()
            page.context.close()
        without = _open(browser, url + "regulations/change/", on=None, script=False)
        expect(without.locator("dl.regpub-meta .regpub-status")).to_have_text(
            "Вступает в силу 1 марта 2027 г."
        )
        later = _open(browser, url + "regulations/change/", on="2027-03-02")
        expect(later.locator("dl.regpub-meta .regpub-status")).to_have_text("Действует с 1 марта 2027 г.")
        expect(later.locator(".regpub-banner[data-regpub-status-banner]")).to_be_hidden()
        without.context.close()
        later.context.close()


def test_a_text_on_a_date_opens_the_one_in_force_that_day(browser: Browser, site_url: str) -> None:
    page = _open(browser, site_url + EXPIRED, on="2026-01-01")
    form = page.locator("form[data-regpub-on-date]")
    expect(form).to_be_visible()
    form.locator("input[name=on]").fill("2022-03-15")
    form.get_by_role("button", name="Открыть").click()
    expect(page).to_have_url(re.compile(r"/coordination-regulation-2021-2025/2021-01-01/$"))
    page.go_back()
    form.locator("input[name=on]").fill("2024-03-15")
    form.get_by_role("button", name="Открыть").click()
    expect(form.locator(".regpub-on-date__answer")).to_have_text(
        "На 15 марта 2024 г. действовал текст на этой странице."
    )
    form.locator("input[name=on]").fill("2027-03-15")
    form.get_by_role("button", name="Открыть").click()
    expect(form.locator(".regpub-on-date__answer")).to_have_text(
        "На 15 марта 2027 г.: срок действия истёк 31 декабря 2025 г."
    )
    shoot(page, "status-text-on-a-date")
    page.context.close()
    without = _open(browser, site_url + EXPIRED, on=None, script=False)
    expect(without.locator("form[data-regpub-on-date]")).to_be_hidden()  # the list answers instead
    without.context.close()
