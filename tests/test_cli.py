"""The `regpub` console script, run as a user runs it: a subprocess, its output and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REGPUB, REPO, SAMPLE, WriteContent, regulation


def run(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        [str(REGPUB), *args],
        cwd=cwd,
        env={**environment, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_sample_passes_strict_check() -> None:
    result = run("check", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "Checked 11 files: no problems."


def test_module_entry_point_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--content", str(SAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "no problems" in result.stdout


def test_errors_exit_1_with_located_lines_and_summary(write_content: WriteContent, tmp_path: Path) -> None:
    write_content({"a.md": regulation("a", based_on="[missing-doc]", date="2030-01-01")})
    result = run("check", "--content", "content", "--as-of", "2026-01-01", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/a.md:5:7: warning: date 2030-01-01 is in the future"
        " (after the as-of date 2026-01-01) [future-date]",
        "content/a.md:8:12: error: unknown regulation 'missing-doc' in based_on[0] [unknown-ref]",
        "Checked 3 files: 1 error, 1 warning.",
    ]
    assert "Traceback" not in result.stderr


def test_warnings_fail_only_in_strict_mode(write_content: WriteContent, tmp_path: Path) -> None:
    write_content({"a.md": regulation("a", date="2030-01-01")})
    assert run("check", "--content", "content", "--as-of", "2026-01-01", cwd=tmp_path).returncode == 0
    strict = run("check", "--strict", "--content", "content", "--as-of", "2026-01-01", cwd=tmp_path)
    assert strict.returncode == 1


def test_source_date_epoch_sets_the_as_of_date() -> None:
    # 1 January 2000: every sample document is then in the future.
    result = run("check", "--strict", env={"SOURCE_DATE_EPOCH": "946684800"})
    assert result.returncode == 1
    assert "(after the as-of date 2000-01-01) [future-date]" in result.stdout
    assert run("check", "--as-of", "2020-12-21", env={"SOURCE_DATE_EPOCH": "946684800"}).returncode == 0


def test_json_format(write_content: WriteContent, tmp_path: Path) -> None:
    write_content({"a.md": regulation("a", issuers="[org-c]")})
    result = run("check", "--format", "json", "--content", "content", cwd=tmp_path)
    assert result.returncode == 1
    rows = json.loads(result.stdout)
    assert rows == [
        {
            "path": "content/a.md",
            "line": 7,
            "column": 11,
            "severity": "error",
            "code": "unknown-ref",
            "message": "unknown organization 'org-c' in issuers[0] (did you mean 'org-b'?)",
        }
    ]
    assert "1 error" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "--as-of", "21.12.2020"), "--as-of '21.12.2020' is not a date YYYY-MM-DD"),
        (("check", "--content", "no-such-folder"), "content folder 'no-such-folder' does not exist"),
        (("new", "regulation", "--id", "Bad_Id", "--title", "X"), "is not a valid id"),
        (("new", "meeting", "--id", "coordination-meeting-2020-12-21", "--title", "X"), "already used by"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_source_date_epoch_is_a_usage_error() -> None:
    result = run("check", env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.returncode == 2
    assert "SOURCE_DATE_EPOCH 'yesterday' is not a Unix timestamp" in result.stderr


def test_content_root_from_mkdocs_yml(write_content: WriteContent, tmp_path: Path) -> None:
    write_content({"a.md": regulation("a", issuers="[org-c]")})
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Тест\nplugins:\n  - search\n  - regpub:\n      content: content\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("content/a.md:7:11: error: unknown organization 'org-c'")


@pytest.mark.parametrize("kind", ["regulation", "meeting"])
def test_new_then_check_names_exactly_the_places_to_fill(kind: str, tmp_path: Path) -> None:
    content = tmp_path / "content"
    subprocess.run(["cp", "-r", str(SAMPLE), str(content)], check=True)
    created = run("new", kind, "--id", "new-doc", "--title", "Новый документ", "--content", str(content))
    assert created.returncode == 0, created.stderr
    path = content / f"{created.stdout.split()[1].split('/')[-2]}" / "new-doc.md"
    assert path.is_file()
    result = run("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 1
    problems = [line.split(": ", 1)[1] for line in result.stdout.splitlines()[:-1]]
    expected = {
        "regulation": [
            "error: form must not be empty [bad-value]",
            "error: issuers must list at least one id [missing-field]",
        ],
        "meeting": [
            "error: organizers must list at least one id [missing-field]",
            "error: chairs must list at least one id [missing-field]",
        ],
    }[kind]
    assert problems == expected
    assert all(
        line.startswith(f"content/{path.parent.name}/new-doc.md:") for line in result.stdout.splitlines()[:-1]
    )


def test_schema_prints_json_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["properties"]["type"]["enum"] == ["meeting", "regulation"]
    chosen = {case["if"]["properties"]["type"]["const"]: case["then"]["$ref"] for case in schema["allOf"]}
    assert chosen == {"meeting": "#/$defs/Meeting", "regulation": "#/$defs/Regulation"}
    people = json.loads(run("schema", "people").stdout)
    assert people["type"] == "array"


def test_new_fills_what_it_can_from_the_most_similar_document(tmp_path: Path) -> None:
    content = tmp_path / "content"
    subprocess.run(["cp", "-r", str(SAMPLE), str(content)], check=True)
    title = "Положение о координации работы комитетов на 2026–2030 годы"
    created = run("new", "regulation", "--title", title, "--content", str(content))
    assert created.returncode == 0, created.stderr
    assert "most similar document, coordination-regulation-2021-2025" in created.stdout
    [path] = content.glob("*/polozhenie-o-koordinatsii-raboty-komitetov-na-2026-2030-gody.md")
    text = path.read_text(encoding="utf-8")
    assert "form: Положение\n" in text
    assert "issuers: [ppc-party-committee, provincial-agencies-party-committee]" in text
    assert run("check", "--content", str(content)).returncode == 0
    meeting = run("new", "meeting", "--title", "Заседание комитетов", "--content", str(content))
    assert meeting.returncode == 0, meeting.stderr
    result = run("check", "--content", str(content), cwd=tmp_path)
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines()[:-1]] == [
        "error: chairs must list at least one id [missing-field]"
    ]
    again = run("new", "meeting", "--title", "Заседание комитетов", "--content", str(content))
    assert "(id: zasedanie-komitetov-2)" in again.stdout


def test_new_version_keeps_the_current_text_and_leaves_the_corpus_valid(tmp_path: Path) -> None:
    content = tmp_path / "content"
    subprocess.run(["cp", "-r", str(SAMPLE), str(content)], check=True)
    (content / "2022" / "amendment-content.md").write_text(
        "---\nid: amendment-2021\ntype: regulation\ntitle: Решение о внесении изменений в план\n"
        "date: 2021-06-01\nform: Решение\nissuers: [ppc-party-committee]\n"
        "amends: [coordination-content-2021]\n---\n\nВнести изменения.\n",
        encoding="utf-8",
    )
    noted = run("check", "--strict", "--content", str(content), "--as-of", "2026-01-01")
    assert noted.returncode == 0, "a note never fails the check, not even with --strict"
    assert "[outstanding-change]" in noted.stdout
    assert "0 errors, 0 warnings, 1 note." in noted.stdout
    document = content / "2020" / "coordination-content-2021.md"
    original = document.read_text(encoding="utf-8")
    made = run(
        "new", "version", "coordination-content-2021", "--by", "amendment-2021",
        "--from", "2021-07-01", "--content", str(content),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    kept = content / "2020" / "coordination-content-2021.2021-01-01.md"
    body = original.split("\n---\n", 1)[1]
    assert kept.read_text(encoding="utf-8") == (
        f"---\nversion_of: coordination-content-2021\nversion: {{from: 2021-01-01}}\n---\n{body}"
    )
    assert "\nversion: {from: 2021-07-01, by: amendment-2021}\n---\n" in document.read_text(encoding="utf-8")
    clean = run("check", "--strict", "--content", str(content), "--as-of", "2026-01-01")
    assert clean.returncode == 0
    assert clean.stdout.strip().endswith("no problems.")
    refused = run(
        "new", "version", "coordination-content-2021", "--by", "directive-05-ct-tw",
        "--from", "2021-09-01", "--content", str(content),
    )  # fmt: skip
    assert refused.returncode == 2
    assert "'directive-05-ct-tw' does not amend 'coordination-content-2021'" in refused.stderr


def test_build_counts_notes_by_code_instead_of_listing_them(
    write_content: WriteContent, tmp_path: Path
) -> None:
    cited = "".join(f"Во исполнение постановления от 21.12.2020 № {n}.\n\n" for n in range(1, 4))
    content = write_content({"a.md": regulation("a", body=f"## Статья 1. Общие положения\n\n{cited}")})
    check = run("check", "--content", str(content), "--as-of", "2026-01-01")
    assert check.stdout.count("[unmatched-citation]") == 3
    built = run(
        "build",
        "--no-docx",
        "--content",
        str(content),
        "--output",
        str(tmp_path / "site"),
        "--as-of",
        "2026-01-01",
    )
    assert built.returncode == 0, built.stderr
    assert "[unmatched-citation]" not in built.stdout
    assert built.stdout.splitlines()[0] == "3 notes (unmatched-citation: 3): run `regpub check` to list them."


def test_a_country_akoma_ntoso_cannot_name_is_a_usage_error(tmp_path: Path) -> None:
    subprocess.run(["cp", "-r", str(SAMPLE), str(tmp_path / "content")], check=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Тест\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Тест\ntheme:\n  name: material\n  language: ru\n"
        "plugins:\n  - regpub:\n      content: content\n      country: RUS\n",
        encoding="utf-8",
    )
    result = run("build", "--no-docx", "--output", str(tmp_path / "site"), cwd=tmp_path)
    assert result.returncode == 2
    assert "the regpub plugin's country 'RUS' is not an ISO 3166-1 code in lower case" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
