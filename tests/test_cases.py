"""Golden cases for `regpub check`: one folder per case under tests/cases.

Why data and not code: a case is a small content root an editor could have written, and the
exact lines an editor would read; reviewing a message change is reading a diff of expected.txt.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from generator.content.check import check_content
from generator.core.diagnostics import CODES

CASES_DIR = Path(__file__).parent / "cases"
CASES = sorted(path for path in CASES_DIR.iterdir() if path.is_dir())
AS_OF = date(2026, 1, 1)
UPDATE = os.environ.get("REGPUB_UPDATE_GOLDEN") == "1"
_CODE = re.compile(r"^\S+:\d+:\d+: (?:error|warning|note): .+ \[([a-z0-9-]+)\]$")


def _expected_lines(case: Path) -> list[str]:
    return (case / "expected.txt").read_text(encoding="utf-8").splitlines()


def _line_count(path: Path) -> int:
    """Lines as an editor counts them; an empty file still has line 1."""
    data = path.read_bytes()
    return max(1, data.count(b"\n") + (0 if data.endswith(b"\n") else 1))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`regpub check` on `<case>/content` prints exactly the lines of `<case>/expected.txt`.

    The check runs in the case folder with the content root `content` and the as-of date
    2026-01-01, so paths read `content/…` and statuses and future dates never depend on today.
    expected.txt holds the diagnostic lines without the summary line; it is empty for a valid case.

    To rewrite every expected.txt from the checker's current output (after an intended change
    of messages), run `REGPUB_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_cases.py`
    and then read the diff of every rewritten file before committing it.
    """
    monkeypatch.chdir(case)
    diagnostics = check_content(Path("content"), AS_OF).report.diagnostics
    actual = [diagnostic.format() for diagnostic in diagnostics]
    if UPDATE:
        (case / "expected.txt").write_text("".join(f"{line}\n" for line in actual), encoding="utf-8")
    else:
        assert actual == _expected_lines(case)
    for diagnostic in diagnostics:
        lines = _line_count(Path(diagnostic.path))
        assert 1 <= diagnostic.line <= lines, f"{diagnostic.format()} (the file has {lines} lines)"
        assert diagnostic.column >= 1, diagnostic.format()


def test_every_code_has_a_golden_case() -> None:
    exercised: set[str] = set()
    for case in CASES:
        for line in _expected_lines(case):
            match = _CODE.match(line)
            assert match, f"{case.name}/expected.txt: not a diagnostic line: {line!r}"
            exercised.add(match.group(1))
    assert sorted(set(CODES) - exercised) == [], "codes without a golden case"
    assert sorted(exercised - set(CODES)) == [], "expected.txt names codes the checker does not have"
