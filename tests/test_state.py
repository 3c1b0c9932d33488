"""The build state: an unchanged content file is read back from the store, never stale."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from datetime import date
from pathlib import Path

import pytest

from generator.app.cli import main
from generator.app.last_check import KEEP, check_inputs, checked_before
from generator.content.state import PARSED_HERE
from generator.core.store import PRUNE_AFTER_DAYS, Packed
from tests.conftest import REGPUB, SAMPLE


def test_a_check_reads_only_the_changed_files_again_and_reports_what_they_hold(tmp_path: Path) -> None:
    content = tmp_path / "regulations"
    shutil.copytree(SAMPLE, content)
    first = _check(content, tmp_path)
    files = sorted(path for path in content.rglob("*") if path.suffix in (".md", ".yml"))
    assert _entries(tmp_path) == len(files)  # one entry per content file
    assert _check(content, tmp_path) == first

    rules = content / "2020" / "coordination-content-2021.md"
    original = rules.read_text(encoding="utf-8")
    rules.write_text(original.replace("type: regulation", "type: regulaton"), encoding="utf-8")
    edited = _check(content, tmp_path)
    line = original[: original.index("type: regulation")].count("\n") + 1
    assert f"coordination-content-2021.md:{line}:7: error: type must be" in edited
    assert "did you mean 'regulation'?" in edited
    assert _entries(tmp_path) == len(files) + 1  # the edited bytes' entry, beside the old

    rules.write_text(original, encoding="utf-8")
    assert _check(content, tmp_path) == first


def test_a_damaged_state_is_read_again_from_the_files(tmp_path: Path) -> None:
    content = tmp_path / "regulations"
    shutil.copytree(SAMPLE, content)
    _check(content, tmp_path)
    with sqlite3.connect(_state(tmp_path)) as db:
        db.execute("UPDATE entries SET data = ?", (b"not a pickle",))
    # Another day: a check that cannot say again what the last one said, so it reads the state.
    fresh = tmp_path / "fresh"
    assert _check(content, tmp_path, "2026-12-05") == _check(content, fresh, "2026-12-05", cwd=tmp_path)
    _state(tmp_path).write_bytes(b"not a database")
    assert _check(content, tmp_path, "2026-12-06") == _check(content, fresh, "2026-12-06", cwd=tmp_path)
    assert _entries(tmp_path) > 0  # made anew


def test_a_check_with_nothing_changed_says_what_the_last_one_said_and_is_never_stale(tmp_path: Path) -> None:
    """The last check is kept under the files' sizes and times: an edit that keeps a file's size
    and modification time still changes its change time, and the folder the check runs in
    changes how the files are named."""
    content = tmp_path / "regulations"
    shutil.copytree(SAMPLE, content)
    first = _check(content, tmp_path)
    assert _check(content, tmp_path) == first
    rules = content / "2020" / "coordination-content-2021.md"
    status = rules.stat()
    original = rules.read_bytes()
    rules.write_bytes(original.replace(b"type: regulation", b"type: regulatiox"))
    os.utime(rules, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert rules.stat().st_size == status.st_size
    assert "regulations/2020/coordination-content-2021.md:" in _check(content, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    moved = _check(content, tmp_path, cwd=elsewhere)
    assert f"{rules}:" in moved  # named in full: it is not below the folder the check runs in
    assert moved == _check(content, tmp_path / "fresh", cwd=elsewhere)
    rules.write_bytes(original)
    assert _check(content, tmp_path) == first


def test_a_file_touched_or_written_back_as_it_was_finds_the_kept_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Taken by their times the files are new; taken by their bytes they are the ones checked."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "regulations"
    shutil.copytree(SAMPLE, content)
    as_of = date(2026, 12, 4)
    # In this process, whose Python path is part of the key.
    assert main(["check", "--content", str(content), "--as-of", as_of.isoformat()]) == 0
    rules = content / "2020" / "coordination-content-2021.md"
    original = rules.read_bytes()
    rules.write_bytes(original)  # as an editor saving without a change, or a checkout, does
    assert checked_before(check_inputs(content, as_of)) is None
    assert checked_before(check_inputs(content, as_of, contents=True)) is not None
    rules.write_bytes(original.replace(b"type: regulation", b"type: regulatiox"))
    assert checked_before(check_inputs(content, as_of, contents=True)) is None


def test_only_the_last_few_checks_are_kept(tmp_path: Path) -> None:
    content = tmp_path / "regulations"
    shutil.copytree(SAMPLE, content)
    for day in range(1, KEEP + 3):  # each day a check of its own
        _check(content, tmp_path, f"2026-12-{day:02}")
    # Each check is kept under two digests: of the files' times and of their bytes.
    assert len(list((tmp_path / "cache" / "regpub" / "checks").glob("*.pickle"))) == 2 * KEEP


def _state(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "regpub" / "state.sqlite3"


def _entries(tmp_path: Path) -> int:
    with sqlite3.connect(_state(tmp_path)) as db:
        return int(db.execute("SELECT count(*) FROM entries").fetchone()[0])


def _check(
    content: Path, tmp_path: Path, as_of: str = "2026-12-04", cwd: Path | None = None, jobs: int | None = None
) -> str:
    """What `regpub check` prints, with the cache in `tmp_path`, run in `cwd` (default: `tmp_path`),
    with `jobs` processes (default: one per core)."""
    result = subprocess.run(
        [str(REGPUB), "check", "--content", str(content), "--as-of", as_of],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
        | ({"REGPUB_JOBS": str(jobs)} if jobs else {}),
        cwd=cwd or tmp_path,
    )
    return f"{result.returncode}\n{result.stdout}\n{result.stderr}"


def test_an_entry_used_within_the_month_stays_and_one_unused_for_a_month_goes(tmp_path: Path) -> None:
    """Marks of use are renewed at most daily; what no run used for a month is dropped."""
    store = Packed("area", "1", folder=tmp_path)
    for key in ("read long ago", "never read"):
        store.write(key, key.encode())
    store.close()
    month_ago = time.time() - (PRUNE_AFTER_DAYS + 1) * 86400
    with sqlite3.connect(tmp_path / "area.sqlite3") as db:
        db.execute("UPDATE entries SET used = ?", (month_ago,))
    store = Packed("area", "1", folder=tmp_path)
    assert store.read("read long ago") == b"read long ago"  # its old mark renewed
    store.close()
    store = Packed("area", "1", folder=tmp_path)
    assert store.read("read long ago") == b"read long ago"
    assert store.read("never read") is None
    store.close()


def test_many_files_are_parsed_by_workers_into_the_same_check_and_state(tmp_path: Path) -> None:
    """Past a few hundred files to parse, workers parse them and send back what the state keeps:
    the check says what one process says, and every file is in the state."""
    content = tmp_path / "regulations"
    shutil.copytree(SAMPLE, content)
    template = (content / "2020" / "coordination-content-2021.md").read_text(encoding="utf-8")
    for number in range(2 * PARSED_HERE):
        text = template.replace("id: coordination-content-2021", f"id: generated-plan-{number}")
        if number % 50 == 0:  # a few with a problem of their own, which the workers must report
            text = text.replace("type: regulation", "type: regulatiox")
        (content / "2020" / f"generated-plan-{number}.md").write_text(text, encoding="utf-8")
    alone = _check(content, tmp_path / "one", cwd=tmp_path, jobs=1)
    assert "generated-plan-50.md:3:7: error" in alone, alone
    assert _check(content, tmp_path / "two", cwd=tmp_path, jobs=2) == alone
    assert _entries(tmp_path / "two") == len(
        [path for path in content.rglob("*") if path.suffix in (".md", ".yml")]
    )
