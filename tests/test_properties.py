"""Property: whatever an editor's file holds, `check` returns located diagnostics, never a crash.

Hypothesis builds front matter from the real field names with wrong and right values, bodies
from Markdown fragments that matter to the scanner, then mangles the text (cut, duplicate,
swap, insert bytes) the way broken saves and bad merges do.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.content.check import check_content
from tests.conftest import ORGANIZATIONS, PEOPLE

FIELDS = [
    "id", "type", "title", "date", "summary", "tags", "related", "form", "number", "issuers",
    "signatories", "place", "effective", "status", "repealed_on", "adopted_at", "based_on",
    "supersedes", "amends", "external", "source_url", "organizers", "chairs", "secretary",
    "attendees", "agenda", "photos", "person", "from", "to", "issuer",
]  # fmt: skip
SCALARS = [
    "doc-a", "doc-b", "org-a", "person-a", "regulation", "meeting", "2020-12-21", "2021-02-30",
    "05-CT/TW", "1.10", "no", "yes", "true", "~", "null", "''", '"x"', "Положение", "[]", "{}",
    "[doc-a, doc-b]", "{from: 2021-01-01, to: 2020-01-01}", "&a x", "*a", "!!python/object x",
    "[[[[", "'unclosed", "- a", ": b", "\t", "draft", "repealed", "../x.jpg", "/etc/passwd",
]  # fmt: skip
BODY_PIECES = [
    "## Статья 1. Общие", "## Статья 1. Снова", "# Раздел II", "### Глава IV.", "[[doc-a]]",
    "[[doc-b#article-1]]", "[[person-a|Иванов]]", "[[", "]]", "[[]]", "[[x#]]", "![]()", "[]()",
    "[текст]()", "<div>", "</b>", "<!--", "<https://example.org>", "a < b", "```", "~~~", "`code`",
    "Текст статьи.", "---", "|", "\\", "\x0c", "\r",
]  # fmt: skip

front_matter_lines = st.lists(
    st.one_of(
        st.builds(lambda k, v: f"{k}: {v}", st.sampled_from(FIELDS), st.sampled_from(SCALARS)),
        st.builds(lambda k, v: f"  - {k}: {v}", st.sampled_from(FIELDS), st.sampled_from(SCALARS)),
        st.builds(lambda v: f"  - {v}", st.sampled_from(SCALARS)),
        st.text(max_size=20),
    ),
    max_size=14,
)
bodies = st.lists(st.one_of(st.sampled_from(BODY_PIECES), st.text(max_size=15)), max_size=12)


@st.composite
def document_texts(draw: st.DrawFn) -> str:
    lines = ["---", *draw(front_matter_lines), "---", *draw(bodies)]
    text = "\n".join(lines)
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["cut", "insert", "duplicate", "drop-line"]))
        at = draw(st.integers(0, len(text)))
        if action == "cut":
            text = text[:at]
        elif action == "insert":
            text = text[:at] + draw(st.text(min_size=1, max_size=5)) + text[at:]
        elif action == "duplicate":
            text = text[:at] + text[at : at + 40] + text[at:]
        else:
            kept = text.split("\n")
            kept.pop(min(at, len(kept) - 1))
            text = "\n".join(kept)
    return text


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(document_texts(), min_size=1, max_size=3), raw=st.binary(max_size=40))
@example(texts=["---\n\r[\n---"], raw=b"")  # YAML ends a line at a lone CR; the file does not
def test_check_never_raises_and_always_points_at_a_real_line(texts: list[str], raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "organizations.yml").write_text(ORGANIZATIONS, encoding="utf-8")
        (root / "people.yml").write_text(PEOPLE, encoding="utf-8")
        for index, text in enumerate(texts):
            (root / f"doc{index}.md").write_text(text, encoding="utf-8", errors="surrogatepass")
        (root / "raw.md").write_bytes(b"---\nid: raw\n" + raw)
        report = check_content(root, date(2026, 1, 1)).report
        for diagnostic in report.diagnostics:
            data = Path(diagnostic.path).read_bytes()
            line_count = max(1, data.count(b"\n") + 1)
            assert 1 <= diagnostic.line <= line_count, diagnostic
            assert diagnostic.column >= 1, diagnostic
            assert diagnostic.message, diagnostic
