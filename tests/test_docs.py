"""The documented diagnostic codes are exactly the codes `check` can print."""

from __future__ import annotations

import re

from generator.core.diagnostics import CODES
from tests.conftest import REPO


def test_every_code_is_documented_with_its_severity() -> None:
    text = (REPO / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (error|warning|note) \|", text, re.MULTILINE))
    assert documented == {code.name: str(code.severity) for code in CODES.values()}
