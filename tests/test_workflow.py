"""What editors wire into their own repositories: CI annotations, the workflow, pre-commit."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import yaml

from tests.conftest import REGPUB, REPO, WriteContent, regulation

WORKFLOW = REPO / "docs" / "examples" / "github-workflow.yml"
INIT_WORKFLOW = REPO / "generator" / "resources" / "init" / "dot-github" / "workflows" / "regpub.yml"
PAGES_URL = "${{ steps.pages.outputs.base_url }}"


def workflow_commands(workflow_file: Path, site_url: str) -> list[str]:
    """The workflow's `regpub …` steps, with the Pages address GitHub would fill in."""
    workflow = yaml.safe_load(workflow_file.read_text(encoding="utf-8"))
    return [
        step["run"].replace(PAGES_URL, site_url.rstrip("/"))
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if step.get("run", "").startswith("regpub ")
    ]


def test_the_documented_workflow_is_the_one_regpub_init_writes() -> None:
    assert WORKFLOW.read_bytes() == INIT_WORKFLOW.read_bytes()


def test_the_workflow_publishes_every_day_as_well_as_on_a_push() -> None:
    """Statuses change with the calendar (README: "Computed status"), so main is rebuilt daily."""
    workflow = yaml.safe_load(INIT_WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert [entry["cron"].split()[2:] for entry in triggers["schedule"]] == [["*", "*", "*"]]
    condition = workflow["jobs"]["publish"]["if"]
    assert "github.event_name == 'schedule'" in condition
    assert "github.event_name == 'push'" in condition


def test_github_annotations_point_at_the_changed_line(write_content: WriteContent, tmp_path: Path) -> None:
    write_content({"a.md": regulation("a", issuers="[org-c]", date="2030-01-01")})
    result = subprocess.run(
        [str(REGPUB), "check", "--format", "github", "--content", "content", "--as-of", "2026-01-01"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::warning file=content/a.md,line=5,col=7,title=future-date::"
        "date 2030-01-01 is in the future (after the as-of date 2026-01-01)",
        "::error file=content/a.md,line=7,col=11,title=unknown-ref::"
        "unknown organization 'org-c' in issuers[0] (did you mean 'org-b'?)",
        "Checked 3 files: 1 error, 1 warning.",
    ]


def test_example_workflow_commands_run_against_the_sample(tmp_path: Path) -> None:
    """Every `regpub …` step of the example workflow, in a copy of a content repository."""
    commands = workflow_commands(WORKFLOW, "https://editors.example.org/npa/")
    assert commands == [
        "regpub check --strict --format github",
        'regpub build --output site --site-url "https://editors.example.org/npa/"',
    ]
    repository = tmp_path / "editors-repo"
    repository.mkdir()
    for name in ("regulations", "docs"):
        shutil.copytree(REPO / name, repository / name)
    shutil.copy(REPO / "mkdocs.yml", repository / "mkdocs.yml")
    path = f"{REGPUB.parent}{os.pathsep}{os.environ['PATH']}"
    for command in commands:
        result = subprocess.run(
            command, shell=True, cwd=repository, capture_output=True, text=True, check=False,
            env={**os.environ, "PATH": path},
        )  # fmt: skip
        assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
    assert (
        repository / "site" / "regulations" / "coordination-regulation-2021-2025" / "index.html"
    ).is_file()
    assert (repository / "site" / "pagefind").is_dir()
    sitemap = (repository / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert (
        "<loc>https://editors.example.org/npa/regulations/coordination-regulation-2021-2025/</loc>" in sitemap
    )


def test_pre_commit_hook_runs_regpub_check() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["regpub-check"]
    hook = hooks[0]
    assert hook["entry"] == "regpub check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    result = subprocess.run(
        [str(REGPUB), *hook["entry"].split()[1:]], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
