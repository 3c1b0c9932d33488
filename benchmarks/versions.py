"""What versions cost the site build: the synthetic corpus with and without earlier texts.

Usage: python benchmarks/versions.py [N]   (default: 10000)

Every regulation that other documents amend (about 10 % of them in the synthetic corpus) gets
one earlier text per amending document, up to three, each a little different, and its file
records the latest as its current version. Both corpora are then built with
`regpub build --no-docx` and the wall times compared (target: versions and diffs add ≤ 20 %).
"""

from __future__ import annotations

import random
import re
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from check import corpus_of
from site_build import measured

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / ".versions"
BIN = Path(sys.executable).parent
_FIELD = re.compile(r'^(id|date|form): "?([^"\n]+)"?$', re.MULTILINE)


def add_versions(root: Path, seed: int = 1) -> int:
    """Give amended regulations their earlier texts; returns how many regulations got some."""
    rng = random.Random(seed)
    files = {}
    dates = {}
    amended_by: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        fields = dict(_FIELD.findall(text.split("\n---\n", 1)[0]))
        files[fields["id"]] = path
        dates[fields["id"]] = date.fromisoformat(fields["date"])
        block = re.search(r"^amends:\n((?:  - .+\n)+)", text, re.MULTILINE)
        for target in re.findall(r"  - (\S+)", block.group(1)) if block else []:
            amended_by.setdefault(target, []).append(fields["id"])
    count = 0
    for target, amending in sorted(amended_by.items()):
        path = files[target]
        text = path.read_text(encoding="utf-8")
        head, body = text.split("\n---\n", 1)
        chosen = sorted(amending, key=lambda id_: dates[id_])[:3]
        starts = [
            dates[target],
            *(max(dates[a], dates[target]) + timedelta(days=1 + i) for i, a in enumerate(chosen)),
        ]
        texts = [_mutate(body, rng) for _ in chosen] + [body]
        for index, start in enumerate(starts[:-1]):
            by = f", by: {chosen[index - 1]}" if index > 0 else ""
            version = f"---\nversion_of: {target}\nversion: {{from: {start.isoformat()}{by}}}\n---\n"
            path.with_name(f"{path.stem}.{start.isoformat()}.md").write_text(version + texts[index], "utf-8")
        current = f"\nversion: {{from: {starts[-1].isoformat()}, by: {chosen[-1]}}}"
        path.write_text(f"{head}{current}\n---\n{body}", encoding="utf-8")
        count += 1
    return count


def _mutate(body: str, rng: random.Random) -> str:
    """The same text with a few words dropped: an earlier wording."""
    words = body.split(" ")
    for _ in range(max(1, len(words) // 200)):
        index = rng.randrange(len(words))
        if not any(mark in words[index] for mark in ("[", "]", "|", "\n")):
            words[index] = ""
    return " ".join(word for word in words if word != "")


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    plain = corpus_of(size)
    versioned = WORK / f"corpus-{size}"
    shutil.rmtree(versioned, ignore_errors=True)
    shutil.copytree(plain, versioned)
    started = time.perf_counter()
    count = add_versions(versioned)
    print(
        f"{count} regulations given earlier texts in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )
    rows = []
    for name, content in (("without versions", plain), ("with versions", versioned)):
        output = WORK / f"site-{name.replace(' ', '-')}"
        wall, rss = measured(
            [str(BIN / "regpub"), "build", "--no-docx", "--as-of", "2026-01-01", "--content", str(content),
             "--output", str(output)],
            REPO,
        )  # fmt: skip
        pages = len(list(output.rglob("index.html")))
        rows.append((name, wall, rss, pages))
    base = rows[0][1]
    print(f"{size:,} documents, {count} with earlier texts\n")
    print("| corpus | build | peak RSS | pages | extra time |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, wall, rss, pages in rows:
        print(f"| {name} | {wall:.1f} s | {rss:.0f} MB | {pages:,} | {100 * (wall - base) / base:+.0f} % |")


if __name__ == "__main__":
    main()
