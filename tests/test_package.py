"""regpub as an editor gets it: the wheel built from this checkout, installed with pip into a
fresh virtualenv, used in a repository that `regpub init` made outside the checkout.

Nothing here imports the checkout's `generator`: every command runs the installed one, in a
folder with no file of this repository.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, REPO, serve_folder, shoot
from tests.test_workflow import INIT_WORKFLOW, workflow_commands

REGULATION = "regulations/council-rules-2025/"
MEETING = "meetings/council-meeting-2025-03-14/"
SITE_URL = "https://npa.example.org/council/"


@dataclass(frozen=True)
class Installed:
    """A virtualenv with the wheel installed, and the distributions it came from."""

    bin: Path
    dist: Path
    home: Path

    def run(self, *command: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        """A command of the virtualenv's (`regpub`, `mkdocs`, `python`), as an editor runs it."""
        return self.shell([str(self.bin / command[0]), *command[1:]], cwd=cwd, check=check)

    def shell(
        self, command: str | list[str], *, cwd: Path, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """A command line with the virtualenv first on PATH (a CI step)."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")
        }
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        env["XDG_CACHE_HOME"] = str(self.home / "cache")  # a cold DOCX cache, the editor's own
        env["SOURCE_DATE_EPOCH"] = "1767225600"  # 2026-01-01: statuses do not move with the clock
        result = subprocess.run(
            command, shell=isinstance(command, str),
            cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300,
        )  # fmt: skip
        if check:
            assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
        return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    home = tmp_path_factory.mktemp("editor")
    dist = home / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(REPO)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    venv = home / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    [wheel] = dist.glob("regpub-*.whl")
    pip = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert pip.returncode == 0, pip.stdout + pip.stderr
    return Installed(venv / "bin", dist, home)


@pytest.fixture(scope="module")
def repository(installed: Installed) -> Path:
    """An editors' repository made by the installed `regpub init`, checked and built there."""
    folder = installed.home / "council-documents"
    installed.run("regpub", "init", str(folder), cwd=installed.home)
    check = installed.run("regpub", "check", "--strict", cwd=folder)
    assert check.stdout.strip() == "Checked 4 files: no problems."
    installed.run("regpub", "build", "--site-url", SITE_URL, cwd=folder)
    return folder


def test_the_distributions_pass_twine_check(installed: Installed) -> None:
    names = sorted(path.name for path in installed.dist.iterdir())
    assert names == ["regpub-0.1.0-py3-none-any.whl", "regpub-0.1.0.tar.gz"]
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *(str(p) for p in installed.dist.iterdir())],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2


def test_the_installed_package_is_not_the_checkout(installed: Installed, repository: Path) -> None:
    where = installed.run("python", "-c", "import generator; print(generator.__file__)", cwd=repository)
    assert Path(where.stdout.strip()).is_relative_to(installed.bin.parent)
    version = installed.run("regpub", "--version", cwd=repository)
    assert version.stdout.strip() == "regpub 0.1.0"


def test_regpub_build_publishes_pages_docx_and_search(repository: Path) -> None:
    site = repository / "site"
    for page in (REGULATION, MEETING, "register/", "people/ivanova-anna/", "organizations/council/"):
        assert (site / page / "index.html").is_file(), page
    for document in (REGULATION, MEETING):
        docx = site / document / f"{document.split('/')[1]}.docx"
        assert docx.read_bytes()[:2] == b"PK", docx
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert list((site / "pagefind").glob("index/*.pf_index"))
    page = (site / REGULATION / "index.html").read_text(encoding="utf-8")
    assert "Положение о порядке подготовки и проведения заседаний Совета" in page
    assert "assets/regpub.css" in page
    assert "regpub-search.js" in page
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}{REGULATION}</loc>" in sitemap
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert len(catalog["documents"]) == 2


def test_mkdocs_build_works_in_the_editors_repository(installed: Installed, repository: Path) -> None:
    result = installed.run("mkdocs", "build", "--site-dir", "mkdocs-site", cwd=repository)
    assert "Traceback" not in result.stderr
    built = repository / "mkdocs-site"
    assert (built / REGULATION / "index.html").is_file()
    assert (built / MEETING / f"{MEETING.split('/')[1]}.docx").is_file()
    assert (built / "pagefind" / "pagefind.js").is_file()
    shutil.rmtree(built)


def test_the_ci_workflow_commands_run_in_the_editors_repository(
    installed: Installed, repository: Path
) -> None:
    workflow = repository / ".github" / "workflows" / "regpub.yml"
    assert workflow.read_bytes() == INIT_WORKFLOW.read_bytes()
    commands = workflow_commands(workflow, SITE_URL)
    assert [command.split()[:2] for command in commands] == [["regpub", "check"], ["regpub", "build"]]
    for command in commands:
        installed.shell(command, cwd=repository)
    assert (repository / "site" / REGULATION / "index.html").is_file()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make test installs it)")
def test_the_editors_site_opens_and_searches_in_the_browser(repository: Path, browser: object) -> None:
    from playwright.sync_api import Browser, expect  # noqa: PLC0415

    assert isinstance(browser, Browser)
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(f"{message.text} ({message.location.get('url')})")
            if message.type == "error"
            else None
        ),
    )
    with serve_folder(repository / "site") as url:
        # Each page settles before the next navigation, which would cut its requests short.
        page.goto(url + REGULATION, wait_until="networkidle")
        expect(page.locator("h1")).to_contain_text("Положение о порядке подготовки и проведения заседаний")
        expect(page.locator("#article-2")).to_contain_text("Статья 2. Созыв заседания")
        download = page.get_by_role("link", name="Скачать DOCX")
        assert download.get_attribute("href") == "council-rules-2025.docx"
        shoot(page, "editors-repository-regulation")
        page.goto(url + MEETING, wait_until="networkidle")
        expect(page.locator("h1")).to_contain_text("Заседание Совета")
        page.get_by_role("button", name="Поиск").click()
        page.locator("dialog.regpub-search input").fill("созыва")
        result = page.locator("dialog.regpub-search a", has_text="Положение о порядке подготовки").first
        expect(result).to_be_visible(timeout=10_000)
        result.click()
        expect(page).to_have_url(url + REGULATION)
    context.close()
    assert errors == []


@pytest.fixture
def broken_resource(installed: Installed, request: pytest.FixtureRequest) -> Iterator[str]:
    """One of the installed package's files moved away for the test, then put back."""
    name: str = request.param
    where = installed.run("python", "-c", "import generator; print(generator.__file__)", cwd=installed.home)
    path = Path(where.stdout.strip()).parent / "resources" / name
    hidden = path.with_name(path.name + ".hidden")
    path.rename(hidden)
    try:
        yield name
    finally:
        hidden.rename(path)


@pytest.mark.parametrize(
    ("broken_resource", "message"),
    [
        ("site/regpub-meeting.html", "has no regpub-meeting.html; reinstall it"),
        ("docx/layout.lua", "has no layout.lua; reinstall it"),
    ],
    indirect=["broken_resource"],
)
def test_a_missing_package_file_is_named(
    installed: Installed, repository: Path, broken_resource: str, message: str, tmp_path: Path
) -> None:
    result = installed.run("regpub", "build", "--output", str(tmp_path / "out"), cwd=repository, check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [line, nothing] = result.stderr.splitlines()
    assert line.startswith("regpub: mkdocs.yml: regpub is installed incompletely: ")
    assert line.endswith(message + " (pip install --force-reinstall regpub)")
    assert nothing == f"Nothing was built; {tmp_path / 'out'} is unchanged."
    assert not (tmp_path / "out").exists()


def test_the_letterhead_option_gives_every_docx_its_page(
    installed: Installed, repository: Path, tmp_path: Path
) -> None:
    """`reference_docx` in mkdocs.yml: the editors' own reference document, path from mkdocs.yml."""
    import docx  # noqa: PLC0415
    from docx.shared import Mm  # noqa: PLC0415

    where = installed.run("python", "-c", "import generator; print(generator.__file__)", cwd=repository)
    reference = Path(where.stdout.strip()).parent / "resources" / "docx" / "reference.docx"
    letterhead = docx.Document(str(reference))
    letterhead.sections[0].left_margin = Mm(35)
    (repository / "theme").mkdir(exist_ok=True)
    letterhead.save(str(repository / "theme" / "blank.docx"))
    config = repository / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(
        original.replace("  - regpub\n", "  - regpub:\n      reference_docx: theme/blank.docx\n"),
        encoding="utf-8",
    )
    try:
        installed.run("regpub", "build", "--output", str(tmp_path / "site"), cwd=repository)
    finally:
        config.write_text(original, encoding="utf-8")
    for document in (REGULATION, MEETING):
        name = f"{document.split('/')[1]}.docx"
        made = docx.Document(str(tmp_path / "site" / document / name))
        assert abs((made.sections[0].left_margin or 0) - Mm(35)) < Mm(0.1), name
        default = docx.Document(str(repository / "site" / document / name))
        assert abs((default.sections[0].left_margin or 0) - Mm(20)) < Mm(0.1), name  # GOST R 7.0.97: 20 mm


def test_the_preview_serves_the_editors_pages(installed: Installed, repository: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PATH": f"{installed.bin}{os.pathsep}{os.environ['PATH']}"}
    process = subprocess.Popen(
        [str(installed.bin / "regpub"), "serve", "--address", f"127.0.0.1:{port}"],
        cwd=repository, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        assert process.stdout.readline().startswith(f"Serving the preview on http://127.0.0.1:{port}/")
        for path, text in [
            (REGULATION, "Статья 2. Созыв заседания"),
            (MEETING, "Утвердить Положение о порядке подготовки"),
            ("people/ivanova-anna/", "Анна Петровна Иванова"),
            ("assets/regpub.css", ".regpub-banner"),
        ]:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=30) as response:
                assert response.status == 200, path
                assert text in response.read().decode("utf-8"), path
    finally:
        process.terminate()
        process.wait(timeout=10)
