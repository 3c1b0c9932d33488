"""The site plan is what the site contains: the build writes exactly it, the preview serves all of it."""

from __future__ import annotations

import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from generator.content.check import check_content
from generator.site.context import PageContexts
from generator.site.indexes import IndexPages
from generator.site.plan import FileKind, SitePlan, plan_site
from tests.conftest import REGPUB, REPO, SAMPLE

AS_OF = date(2026, 1, 1)
# The sample has earlier texts and changes pages; valid-full has a meeting photo.
CONTENTS = {"sample": SAMPLE, "valid-full": REPO / "tests" / "cases" / "valid-full" / "content"}


def plan_of(content: Path, *, docx: bool) -> SitePlan:
    checked = check_content(content, AS_OF)
    assert not checked.report.has_errors
    indexes = IndexPages(PageContexts(checked.corpus, AS_OF, docx=docx))
    return plan_site(checked.corpus, AS_OF, indexes, docx=docx)


def planned_outputs(plan: SitePlan) -> set[str]:
    return {f"{page.url}index.html" for page in plan.pages} | {file.path for file in plan.files}


def hand_written_outputs() -> set[str]:
    """What docs/ becomes, with directory URLs."""
    outputs = set()
    for path in (REPO / "docs").rglob("*"):
        if path.is_file():
            relative = path.relative_to(REPO / "docs")
            if path.suffix != ".md":
                outputs.add(relative.as_posix())
            elif path.stem == "index":
                outputs.add((relative.parent / "index.html").as_posix())
            else:
                outputs.add((relative.parent / path.stem / "index.html").as_posix())
    return {output.removeprefix("./") for output in outputs}


@pytest.mark.parametrize("docx", [False, True], ids=["without-docx", "with-docx"])
def test_the_build_writes_exactly_the_plan(docx: bool, tmp_path: Path) -> None:
    output = tmp_path / "site"
    args = ["build", "--output", str(output), "--as-of", AS_OF.isoformat(), *([] if docx else ["--no-docx"])]
    result = subprocess.run([str(REGPUB), *args], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    built = {path.relative_to(output).as_posix() for path in output.rglob("*") if path.is_file()}
    plan = plan_of(SAMPLE, docx=docx)
    assert planned_outputs(plan) <= built
    if docx:
        assert plan.of_kind(FileKind.DOCX)
    else:
        assert not [path for path in built if path.endswith(".docx")]
    theme = {path for path in built if path.startswith(("assets/", "pagefind/"))}
    site_files = {"404.html"}  # and no sitemap: the sample has no site URL
    assert built - planned_outputs(plan) - theme - site_files == hand_written_outputs()


@pytest.fixture(params=list(CONTENTS), ids=list(CONTENTS))
def preview(request: pytest.FixtureRequest) -> Iterator[tuple[str, Path]]:
    content: Path = CONTENTS[request.param]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [str(REGPUB), "serve", "--content", str(content), "--as-of", AS_OF.isoformat(),
         "--address", f"127.0.0.1:{port}"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith(f"Serving the preview on http://127.0.0.1:{port}/"), first
    yield f"http://127.0.0.1:{port}/", content
    process.terminate()
    process.wait(timeout=10)


def test_the_preview_serves_every_url_of_the_plan(preview: tuple[str, Path]) -> None:
    url, content = preview
    plan = plan_of(content, docx=False)
    paths = [page.url for page in plan.pages] + [file.path for file in plan.files]
    assert any(file.kind is FileKind.PHOTO for file in plan.files) or content == SAMPLE
    failed = []
    for path in paths:
        try:
            with urllib.request.urlopen(url + path, timeout=30) as response:
                body = response.read()
                if response.status != 200 or not body:
                    failed.append(f"{path}: {response.status}, {len(body)} bytes")
        except OSError as error:
            failed.append(f"{path}: {error}")
    assert failed == []
    assert len(paths) > 20
    if content == SAMPLE:  # in git: the page says when its source last changed, as the build's does
        with urllib.request.urlopen(f"{url}regulations/coordination-regulation-2021-2025/") as response:
            assert "Последнее изменение в исходных материалах" in response.read().decode("utf-8")
