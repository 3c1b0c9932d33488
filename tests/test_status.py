"""README: "Computed status": every status rule, at dates on both sides of each boundary."""

from __future__ import annotations

from datetime import date

import pytest

from generator.content.check import check_content
from generator.core.corpus import Corpus
from generator.core.model import Regulation
from generator.core.status import Status
from tests.conftest import SAMPLE, WriteContent, regulation


def status(corpus: Corpus, id_: str, as_of: str) -> Status:
    record = corpus.regulation(id_)
    assert isinstance(record, Regulation)
    return corpus.status(record, date.fromisoformat(as_of))


@pytest.fixture
def corpus(write_content: WriteContent) -> Corpus:
    root = write_content(
        {
            "draft.md": regulation("draft", status="draft", effective="{from: 2019-01-01}"),
            "repealed.md": regulation("repealed", status="repealed", repealed_on="2022-06-01"),
            "old.md": regulation("old"),
            "new.md": regulation(
                "new", date="2022-10-01", supersedes="[old]", effective="{from: 2023-01-01}"
            ),
            "dated.md": regulation("dated"),
            "newer.md": regulation("newer", date="2021-05-05", supersedes="[dated]"),
            "kept.md": regulation("kept"),
            "draft-successor.md": regulation("draft-successor", status="draft", supersedes="[kept]"),
            "pending.md": regulation("pending", effective="{from: 2024-01-01}"),
            "period.md": regulation("period", effective="{from: 2021-01-01, to: 2025-12-31}"),
            "open.md": regulation("open", effective="{from: 2021-01-01, to: null}"),
            "external.md": regulation("external", external="true", body=""),
            "external-old.md": regulation(
                "external-old", external="true", effective="{from: 2010-01-01, to: 2015-12-31}", body=""
            ),
            "repealed-and-superseded.md": regulation(
                "repealed-and-superseded", status="repealed", repealed_on="2021-01-01"
            ),
            "successor.md": regulation("successor", supersedes="[repealed-and-superseded]"),
        }
    )
    checked = check_content(root, date(2026, 1, 1))
    assert checked.report.diagnostics == []
    return checked.corpus


@pytest.mark.parametrize(
    ("id_", "as_of", "expected"),
    [
        ("draft", "2026-01-01", Status.DRAFT),
        ("draft", "2018-01-01", Status.DRAFT),
        ("repealed", "2022-05-31", Status.IN_FORCE),
        ("repealed", "2022-06-01", Status.REPEALED),
        ("old", "2022-12-31", Status.IN_FORCE),
        ("old", "2023-01-01", Status.SUPERSEDED),
        ("dated", "2021-05-04", Status.IN_FORCE),
        ("dated", "2021-05-05", Status.SUPERSEDED),
        ("kept", "2026-01-01", Status.IN_FORCE),
        ("pending", "2023-12-31", Status.PENDING),
        ("pending", "2024-01-01", Status.IN_FORCE),
        ("period", "2020-12-31", Status.PENDING),
        ("period", "2025-12-31", Status.IN_FORCE),
        ("period", "2026-01-01", Status.EXPIRED),
        ("open", "2040-01-01", Status.IN_FORCE),
        ("external", "2026-01-01", Status.EXTERNAL),
        ("external-old", "2012-01-01", Status.EXTERNAL),
        ("external-old", "2016-01-01", Status.EXPIRED),
        ("repealed-and-superseded", "2026-01-01", Status.REPEALED),
    ],
)
def test_status_rules(corpus: Corpus, id_: str, as_of: str, expected: Status) -> None:
    assert status(corpus, id_, as_of) is expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2020-12-21", Status.PENDING),
        ("2021-01-01", Status.IN_FORCE),
        ("2023-06-15", Status.IN_FORCE),
        ("2025-12-31", Status.IN_FORCE),
        ("2026-01-01", Status.EXPIRED),
        ("2026-11-25", Status.EXPIRED),
    ],
)
def test_sample_regulation_2021_2025(as_of: str, expected: Status) -> None:
    checked = check_content(SAMPLE, date.fromisoformat(as_of))
    assert status(checked.corpus, "coordination-regulation-2021-2025", as_of) is expected


def test_status_labels_are_russian() -> None:
    assert [s.label for s in Status] == [
        "Проект",
        "Утратил силу",
        "Заменён",
        "Не вступил в силу",
        "Срок действия истёк",
        "Внешний документ",
        "Действует",
    ]
