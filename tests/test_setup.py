"""Mistakes in an editors' repository's set-up: one clear message, exit 2, the site untouched.

The cases are data (`setup_cases.yml`); each starts from what `regpub init` writes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REGPUB

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "setup_cases.yml").read_text("utf-8"))
MARKER = "the previous site\n"


@pytest.fixture(scope="module")
def initialized(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`regpub init` once; each case works on a copy."""
    folder = tmp_path_factory.mktemp("init") / "repository"
    result = subprocess.run([str(REGPUB), "init", str(folder)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return folder


def apply(case: dict[str, Any], repository: Path) -> None:
    for name in case.get("remove", []):
        path = repository / name
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    for name, (old, new) in case.get("replace", {}).items():
        path = repository / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{case['name']}: {old!r} is not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for name, text in case.get("append", {}).items():
        with (repository / name).open("a", encoding="utf-8") as file:
            file.write(text)
    for name, text in case.get("write", {}).items():
        path = repository / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_setup_mistake_is_named_in_one_message(
    case: dict[str, Any], initialized: Path, tmp_path: Path
) -> None:
    repository = tmp_path / "repository"
    shutil.copytree(initialized, repository)
    (repository / "site").mkdir()
    (repository / "site" / "index.html").write_text(MARKER, encoding="utf-8")
    apply(case, repository)
    args = case.get("args", ["build", "--no-docx"])
    env = {**os.environ, **case.get("env", {})}
    result = subprocess.run(
        [str(REGPUB), *args], cwd=repository, capture_output=True, text=True, check=False, timeout=60, env=env
    )
    assert "Traceback" not in result.stderr
    assert result.stderr == case["stderr"].replace("{repo}", str(repository))
    assert result.returncode == 2
    assert [path.name for path in (repository / "site").iterdir()] == ["index.html"]
    assert (repository / "site" / "index.html").read_text(encoding="utf-8") == MARKER
    assert not [path.name for path in repository.iterdir() if path.name.startswith(".site-")]


def test_init_then_check_and_build_without_docx(initialized: Path, tmp_path: Path) -> None:
    """The repository init writes is valid as it is (the installed-wheel test builds it fully)."""
    repository = tmp_path / "repository"
    shutil.copytree(initialized, repository)
    check = subprocess.run(
        [str(REGPUB), "check", "--strict"], cwd=repository, capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout
    assert check.stdout.strip() == "Checked 4 files: no problems."
    assert sorted(
        path.relative_to(repository).as_posix() for path in repository.rglob("*") if path.is_file()
    ) == [
        ".github/workflows/regpub.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "docs/index.md",
        "mkdocs.yml",
        "regulations/2025/council-meeting-2025-03-14.md",
        "regulations/2025/council-rules-2025.md",
        "regulations/organizations.yml",
        "regulations/people.yml",
    ]


def test_a_custom_dir_template_overrides_regpubs(initialized: Path, tmp_path: Path) -> None:
    """An editor's `custom_dir` comes before regpub's templates; the others stay regpub's."""
    repository = tmp_path / "repository"
    shutil.copytree(initialized, repository)
    apply(
        {
            "name": "override",
            "replace": {"mkdocs.yml": ["theme:\n", "theme:\n  custom_dir: overrides\n"]},
            "write": {
                "overrides/regpub-person.html": (
                    '{% extends "main.html" %}\n'
                    "{% block content %}<h1>Карточка: {{ regpub.title | e }}</h1>{% endblock %}\n"
                )
            },
        },
        repository,
    )
    result = subprocess.run(
        [str(REGPUB), "build", "--no-docx", "--output", "out"],
        cwd=repository, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    person = (repository / "out" / "people" / "ivanova-anna" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Карточка: Анна Петровна Иванова</h1>" in person
    document = (repository / "out" / "regulations" / "council-rules-2025" / "index.html").read_text("utf-8")
    assert '<h1 class="regpub-title"' in document


def test_material_search_next_to_regpub_is_named(initialized: Path, tmp_path: Path) -> None:
    """It would index only the pages MkDocs renders itself, so the build says to remove it."""
    repository = tmp_path / "repository"
    shutil.copytree(initialized, repository)
    apply(
        {"name": "search", "replace": {"mkdocs.yml": ["  - regpub\n", "  - search\n  - regpub\n"]}},
        repository,
    )
    result = _build(repository)
    assert result.returncode == 0, result.stderr
    assert "the search plugin is not needed with regpub" in result.stderr


def test_an_edited_hook_renders_the_pages_again(initialized: Path, tmp_path: Path) -> None:
    """The page cache knows the hooks named in mkdocs.yml: a changed hook is a changed page."""
    repository = tmp_path / "repository"
    shutil.copytree(initialized, repository)
    hook = "def on_page_content(html, page, config, files):\n    return html + '<p>MARK-{}</p>'\n"
    apply({"name": "hook", "write": {"hooks.py": hook.format("A")}}, repository)
    config = repository / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks: [hooks.py]\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    page = repository / "out" / "regulations" / "council-rules-2025" / "index.html"
    for mark in ("A", "B"):
        (repository / "hooks.py").write_text(hook.format(mark), encoding="utf-8")
        result = subprocess.run(
            [str(REGPUB), "build", "--no-docx", "--output", "out"],
            cwd=repository, capture_output=True, text=True, check=False, timeout=120, env=env,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert f"MARK-{mark}" in page.read_text(encoding="utf-8")


def test_a_broken_setup_is_named_before_the_content_is_read(initialized: Path, tmp_path: Path) -> None:
    """A large corpus takes seconds to check: a set-up that cannot build says so first."""
    repository = tmp_path / "repository"
    shutil.copytree(initialized, repository)
    apply(
        {"name": "both", "remove": ["docs"], "write": {"regulations/broken.md": "---\nid: x\n---\n"}},
        repository,
    )
    result = _build(repository)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "docs_dir: The path" in result.stderr
    assert result.stdout == ""  # no diagnostics: the content was not checked


def _build(repository: Path) -> subprocess.CompletedProcess[str]:
    """`regpub build --no-docx` in a repository, as an editor runs it."""
    return subprocess.run(
        [str(REGPUB), "build", "--no-docx"],
        cwd=repository,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
