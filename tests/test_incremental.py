"""Builds in proportion to the change: a build into the folder it built before replaces only the
files that changed, does nothing when nothing changed, and always gives what a cold build of the
same sources gives, byte for byte."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from tests.conftest import REGPUB, REPO, SAMPLE
from tests.test_site import build, tree_digest

PROGRAMME = "2019/coordination-programme-2019-2020.md"
REGULATION = "2020/coordination-regulation-2021-2025.md"


def test_a_build_with_nothing_to_do_does_nothing_and_an_edit_replaces_only_what_it_changed(
    tmp_path: Path,
) -> None:
    content, cache, site = tmp_path / "content", tmp_path / "cache", tmp_path / "site"
    shutil.copytree(SAMPLE, content)
    added = _added_document(content, 1)
    args = ("--as-of", "2026-01-01", "--content", str(content), "--no-docx")
    first = build(site, *args, cache=cache)
    assert first.returncode == 0, first.stderr
    pages = int(re.search(r"pages: (\d+) rendered, 0 from the cache;", first.stdout)[1])  # type: ignore[index]
    files = len(tree_digest(site))
    assert first.stdout.splitlines()[-1] == f"{site}/: {files:,} files written, 0 removed, 0 unchanged."
    before = {path: (path.stat().st_ino, path.read_bytes()) for path in site.rglob("*") if path.is_file()}

    again = build(site, *args, cache=cache)
    assert again.returncode == 0, again.stderr
    assert (
        again.stdout.splitlines()[-1]
        == f"{site}/: nothing to do, 0 files written, 0 removed, {files:,} unchanged."
    )
    assert first.stdout.splitlines()[:-1] == again.stdout.splitlines()[:-1]  # its notes, again
    assert {
        path: (path.stat().st_ino, path.read_bytes()) for path in site.rglob("*") if path.is_file()
    } == before

    programme = content / PROGRAMME
    programme.write_text(programme.read_text(encoding="utf-8") + "\nДополнение.\n", encoding="utf-8")
    added.unlink()
    edited = build(site, *args, cache=cache)
    assert edited.returncode == 0, edited.stderr
    after = {path: (path.stat().st_ino, path.read_bytes()) for path in site.rglob("*") if path.is_file()}
    written = {path for path in after if path not in before or after[path][1] != before[path][1]}
    removed = set(before) - set(after)
    unchanged = set(after) - written
    assert site / "regulations/coordination-programme-2019-2020/index.html" in written
    assert site / "regulations/added-order-1/index.html" in removed
    assert edited.stdout.splitlines()[-1] == (
        f"{site}/: {len(written):,} files written, {len(removed):,} removed, {len(unchanged):,} unchanged."
    )
    assert all(after[path][0] == before[path][0] for path in unchanged)  # the very same files
    assert not (site / "regulations/added-order-1").exists()  # its folder too
    # What the edits left alike is taken from the folder, neither rendered nor read from the cache.
    counts = re.search(r"pages: (\d+) rendered, (\d+) from the cache, (\d+) as built before;", edited.stdout)
    assert counts is not None, edited.stdout
    assert int(counts[3]) > pages / 2, edited.stdout
    pages = sum(map(int, counts.groups()))  # less the removed document's
    # A body edited alone changes its page and its XML only: nothing else is made again.
    programme.write_text(programme.read_text(encoding="utf-8") + "\nЕщё дополнение.\n", encoding="utf-8")
    again = build(site, *args, cache=cache)
    assert f"pages: 1 rendered, 0 from the cache, {pages - 1} as built before;" in again.stdout, again.stdout


def _folders(root: Path) -> set[Path]:
    return {path.relative_to(root) for path in root.rglob("*") if path.is_dir()}


def _added_document(content: Path, number: int) -> Path:
    """A regulation of the content root's own that nothing refers to."""
    path = content / "2024" / f"added-order-{number}.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        f"---\nid: added-order-{number}\ntype: regulation\ntitle: Добавленное положение {number}\n"
        "form: Положение\ndate: 2024-03-01\nissuers: [ppc-party-committee]\n"
        "related: [coordination-programme-2019-2020]\n---\n\n## Статья 1. Общие положения\n\nТекст.\n",
        encoding="utf-8",
    )
    return path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _set_line(path: Path, start: str, value: str, *, after: str | None = None) -> None:
    """Give the first line that begins with `start` (after the line `after`) the value `value`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    first = lines.index(after) if after is not None else 0
    index = next(i for i, line in enumerate(lines) if i >= first and line.startswith(start))
    lines[index] = f"{start}{value}"
    path.write_text("\n".join(lines), encoding="utf-8")


class IncrementalBuilds(RuleBasedStateMachine):
    """Edits of every kind a site sees, in random order; after each, the site built into the
    folder of the previous builds with their caches equals a cold build of the same sources."""

    @initialize()
    def start(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="regpub-incremental-"))
        self.content = self.folder / "content"
        shutil.copytree(SAMPLE, self.content)
        self.overrides = self.folder / "overrides"
        self.overrides.mkdir()
        self.config = self.folder / "mkdocs.yml"
        text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
        text = text.replace("      content: regulations\n", f"      content: {self.content}\n")
        text = text.replace("theme:\n", f"theme:\n  custom_dir: {self.overrides}\n", 1)
        self.config.write_text(f"docs_dir: {REPO / 'docs'}\n{text}", encoding="utf-8")
        self.as_of = date(2026, 1, 1)
        self.builds = 0
        self.removed: list[str] = []

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _build(self, output: Path, cache: Path) -> subprocess.CompletedProcess[str]:
        command = [str(REGPUB), "build", "--config", str(self.config), "--output", str(output), "--no-docx",
                   "--as-of", self.as_of.isoformat()]  # fmt: skip
        environment = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "XDG_CACHE_HOME": str(cache)}
        return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False, env=environment)

    @invariant()
    def equals_a_cold_build(self) -> None:
        self.builds += 1
        warm = self._build(self.folder / "site", self.folder / "cache")
        cold_site, cold_cache = self.folder / f"cold-{self.builds}", self.folder / f"cold-cache-{self.builds}"
        cold = self._build(cold_site, cold_cache)
        try:
            assert (warm.returncode, warm.stderr) == (cold.returncode, cold.stderr)
            assert warm.returncode == 0, warm.stdout + warm.stderr
            assert tree_digest(self.folder / "site") == tree_digest(cold_site)
            assert _folders(self.folder / "site") == _folders(cold_site)  # none left empty
        finally:
            shutil.rmtree(cold_site, ignore_errors=True)
            shutil.rmtree(cold_cache, ignore_errors=True)

    @rule(suffix=st.sampled_from([" (изменённая)", " на 2019–2020 годы", ""]))
    def retitle(self, suffix: str) -> None:
        path = self.content / PROGRAMME
        _set_line(path, "title: ", f"Программа координации{suffix}")

    @rule(end=st.sampled_from(["2020-12-31", "2026-06-30", "2025-12-31"]))
    def move_the_end_of_force(self, end: str) -> None:
        path = self.content / PROGRAMME
        _set_line(path, "  to: ", end)

    @rule(day=st.sampled_from(["2020-12-21", "2020-12-18"]))
    def move_the_date_of_signing(self, day: str) -> None:
        """The regulation's date is in its Akoma Ntoso URI, which other texts' XML names."""
        path = self.content / REGULATION
        _set_line(path, "date: ", day)

    @rule()
    def toggle_a_relation(self) -> None:
        path = next(self.content.glob("*/coordination-content-2021.md"))  # it may have been moved
        related = "related:\n  - coordination-programme-2019-2020\n"
        text = path.read_text(encoding="utf-8")
        if related in text:
            path.write_text(text.replace(related, "related:\n"), encoding="utf-8")
        else:
            _edit(path, "related:\n", related)

    @rule(name=st.sampled_from(["Нгуен Дык Чунг", "Нгуен Дык Чунг-Младший"]))
    def rename_a_person(self, name: str) -> None:
        path = self.content / "people.yml"
        _set_line(path, "  name: ", name, after="- id: nguyen-duc-trung")

    @rule(name=st.sampled_from(["Партийный комитет провинциального народного комитета", "Партком ПНК"]))
    def rename_an_organization(self, name: str) -> None:
        """An earlier text's XML names its issuer, which its page does not show."""
        path = self.content / "organizations.yml"
        _set_line(path, "  name: ", name, after="- id: ppc-party-committee")

    @rule(day=st.sampled_from(["2022-03-01", "2022-03-02"]))
    def move_the_date_of_an_amendment(self, day: str) -> None:
        """The amended regulation's XML dates the amendment's event; its earlier text's page does not."""
        path = self.content / "2022" / "coordination-amendment-2022.md"
        _set_line(path, "date: ", day)

    @rule(number=st.integers(1, 2))
    def add_or_remove_a_document(self, number: int) -> None:
        path = self.content / "2024" / f"added-order-{number}.md"
        if path.exists():
            path.unlink()
        else:
            _added_document(self.content, number)

    @rule()
    def add_or_remove_a_namesake(self) -> None:
        """A second «Резолюция № 4»: the meeting's «Резолюции № 4» no longer names one document,
        so its page loses that link, though neither the meeting nor the resolution changed."""
        path = self.content / "2024" / "namesake-resolution-4.md"
        if path.exists():
            path.unlink()
            return
        path.parent.mkdir(exist_ok=True)
        path.write_text(
            "---\nid: namesake-resolution-4\ntype: regulation\ntitle: Другая резолюция\nform: Резолюция\n"
            "number: 4\ndate: 2024-05-01\nissuers: [ppc-party-committee]\n---\n\nТекст.\n",
            encoding="utf-8",
        )

    @rule()
    def move_a_document_to_another_folder(self) -> None:
        here, there = self.content / "2020" / "coordination-content-2021.md", self.content / "2021"
        there.mkdir(exist_ok=True)
        if here.exists():
            here.rename(there / here.name)
        else:
            (there / here.name).rename(here)

    @rule()
    def remove_or_add_an_earlier_text(self) -> None:
        name = "2020/coordination-regulation-2021-2025.2021-01-01.md"
        if (self.content / name).exists():
            (self.content / name).unlink()
        else:
            shutil.copy(SAMPLE / name, self.content / name)

    @rule(words=st.sampled_from(["Учебный образец", "Образец регламента"]))
    def override_a_template(self, words: str) -> None:
        (self.overrides / "partials").mkdir(exist_ok=True)
        (self.overrides / "partials" / "copyright.html").write_text(f"<p>{words}</p>\n", encoding="utf-8")

    @rule(description=st.sampled_from(["Документы провинции", "Положения и протоколы"]))
    def change_a_setting(self, description: str) -> None:
        _set_line(self.config, "site_description: ", f"{description}")

    @rule(page=st.sampled_from([
        "regulations/coordination-programme-2019-2020/index.html",
        "regulations/coordination-regulation-2021-2025/coordination-regulation-2021-2025.xml",
    ]))  # fmt: skip
    def edit_a_published_file(self, page: str) -> None:
        """Someone changes a file in the output folder: the next build must not take it as built."""
        path = self.folder / "site" / page
        if path.is_file():
            path.write_bytes(path.read_bytes().replace(b"</", b" </", 1))

    @rule(words=st.sampled_from(["Первый пункт.", "Иной пункт."]))
    def edit_a_body(self, words: str) -> None:
        path = self.content / REGULATION
        text = path.read_text(encoding="utf-8").rstrip("\n").rsplit("\n\nДобавлено: ", 1)[0]
        path.write_text(f"{text}\n\nДобавлено: {words}\n", encoding="utf-8")

    @rule(day=st.sampled_from([date(2020, 6, 1), date(2026, 1, 1), date(2021, 12, 31)]))
    def read_on_another_day(self, day: date) -> None:
        self.as_of = day


IncrementalBuilds.TestCase.settings = settings(
    max_examples=int(os.environ.get("REGPUB_INCREMENTAL_EXAMPLES", "2")),
    stateful_step_count=int(os.environ.get("REGPUB_INCREMENTAL_STEPS", "6")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_an_incremental_build_equals_a_cold_one = IncrementalBuilds.TestCase
