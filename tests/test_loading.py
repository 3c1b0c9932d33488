"""Loading: YAML 1.1 typing never leaks, places are exact, hostile files stay bounded."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from generator.content.check import check_content
from generator.core.diagnostics import Report
from generator.core.frontmatter import load_yaml
from generator.core.model import Regulation, Relation
from tests.conftest import SAMPLE, WriteContent, regulation


def test_yaml_11_surprises_stay_text(write_content: WriteContent) -> None:
    root = write_content(
        {
            "a.md": regulation("a", number="05-CT/TW", tags="[no, yes, 1.10, 012, 1e3, ~x]"),
            "b.md": regulation("b", number="1.10", place="no"),
            "c.md": regulation("c", number="012"),
        }
    )
    corpus = check_content(root, date(2026, 1, 1)).corpus
    a, b, c = (corpus.regulation(id_) for id_ in "abc")
    assert isinstance(a, Regulation)
    assert isinstance(b, Regulation)
    assert isinstance(c, Regulation)
    assert a.number == "05-CT/TW"
    assert a.tags == ("no", "yes", "1.10", "012", "1e3", "~x")
    assert (b.number, b.place, c.number) == ("1.10", "no", "012")
    assert a.date == date(2020, 1, 1)


def test_every_key_and_value_is_located() -> None:
    text = "id: x\nsignatories:\n  - person: p\n    position: Глава\nnumber: '1.10'\n"
    located = load_yaml(text, Path("x.md"), 2, Report())
    assert located is not None
    assert located.places[("id",)] == (2, 1, 2, 5)
    assert located.places[("signatories", 0, "person")] == (4, 5, 4, 13)
    assert located.places[("number",)] == (6, 1, 6, 9)
    assert located.locate(("signatories", 0, "missing"), at_key=True).line == 4


def test_sample_links_are_seen_from_both_sides() -> None:
    corpus = check_content(SAMPLE, date(2026, 1, 1)).corpus
    regulation_id = "coordination-regulation-2021-2025"
    adopted = corpus.incoming("coordination-meeting-2020-12-21", Relation.ADOPTED_AT)
    assert regulation_id in {link.origin for link in adopted}
    based_on = corpus.incoming("directive-05-ct-tw", Relation.BASED_ON)
    assert regulation_id in {link.origin for link in based_on}
    signed = corpus.incoming("nguyen-duc-trung", Relation.SIGNATORY)
    assert regulation_id in {link.origin for link in signed}
    backlinks = corpus.incoming(regulation_id, Relation.REFERENCES)
    assert "coordination-meeting-2020-12-21" in {link.origin for link in backlinks}


def test_alias_bomb_fails_fast_in_bounded_memory(write_content: WriteContent, tmp_path: Path) -> None:
    lines = ["---", "id: bomb", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 20):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
    lines.append("---")
    write_content({"bomb.md": "\n".join(lines) + "\n"})
    started = time.monotonic()
    result = run_limited(["check", "--content", str(tmp_path / "content")], memory_mb=512)
    assert time.monotonic() - started < 20
    assert result.returncode == 1, result.stderr
    assert "bomb.md:4:10: error: YAML anchors and aliases" in result.stdout
    assert "Traceback" not in result.stderr


def test_fifty_megabyte_file_is_refused_quickly(write_content: WriteContent) -> None:
    root = write_content({"a.md": regulation("a")})
    with (root / "huge.md").open("w", encoding="utf-8") as huge:
        huge.write("---\nid: huge\n---\n")
        huge.write(("Статья без конца. " * 64 + "\n") * 25_000)
    assert (root / "huge.md").stat().st_size > 50_000_000
    started = time.monotonic()
    result = run_limited(["check", "--content", str(root)], memory_mb=512)
    assert time.monotonic() - started < 20
    assert result.returncode == 1
    assert "huge.md:1:1: error: file is 51.2 MB; content files are limited to 10 MB" in result.stdout
    assert "[file-too-large]" in result.stdout


def run_limited(args: list[str], *, memory_mb: int) -> subprocess.CompletedProcess[str]:
    """Run regpub with an address-space limit, so a memory blow-up fails the test, not the box."""

    def limit() -> None:
        size = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    command = [sys.executable, "-m", "generator", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, preexec_fn=limit, check=False)
