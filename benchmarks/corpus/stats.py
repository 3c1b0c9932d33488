"""Count the proportions of a content root as written: documents, registries, earlier texts,
amendments with and without a new text, articles with references, bodies with citations of
documents outside the corpus (those `regpub check` lists as unmatched), and the check's result.

It reads the files, not the generator's plan, so it counts what regpub will read.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # every scalar as text, as regpub reads it
_ARTICLE = re.compile(r"^#{1,6} Статья \S+", re.MULTILINE)
_HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)
_REFERENCE = re.compile(r"\[\[([a-z0-9-]+)")


def _read(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    front: dict[str, Any] = yaml.load(head, Loader=_LOADER)
    return front, body


def _articles(body: str) -> list[str]:
    """The text of each article: from its heading to the next heading."""
    starts = [m.start() for m in _ARTICLE.finditer(body)]
    found = []
    for start in starts:
        following = _HEADING.search(body, start + 1)
        found.append(body[start : following.start() if following else len(body)])
    return found


def _check(root: Path) -> list[dict[str, Any]]:
    command = [sys.executable, "-m", "generator", "check", "--content", str(root), "--format", "json"]
    command += ["--as-of", "2026-01-01"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    problems: list[dict[str, Any]] = json.loads(done.stdout)
    return problems


def count(root: Path) -> dict[str, Any]:
    """The figures `table` prints."""
    documents: dict[str, tuple[dict[str, Any], str, Path]] = {}
    versions: list[dict[str, Any]] = []
    for path in sorted(root.rglob("*.md")):
        front, body = _read(path)
        if "version_of" in front:
            versions.append(front)
        else:
            documents[front["id"]] = (front, body, path)
    figures: dict[str, Any] = {"documents": len(documents)}
    kinds = Counter(front["type"] for front, _, _ in documents.values())
    figures.update(regulations=kinds["regulation"], meetings=kinds["meeting"])
    for name in ("people", "organizations"):
        figures[name] = len(yaml.load((root / f"{name}.yml").read_text(encoding="utf-8"), Loader=_LOADER))
    figures["earlier texts"] = len(versions)
    per_regulation = Counter(Counter(v["version_of"] for v in versions).values())
    figures["regulations with earlier texts"] = len({v["version_of"] for v in versions})
    figures["… with 1 / 2 / 3 earlier texts"] = " / ".join(str(per_regulation[n]) for n in (1, 2, 3))
    figures.update(_amendments(documents, versions))
    figures.update(_meetings([front for front, _, _ in documents.values() if front["type"] == "meeting"]))
    figures.update(_references(documents))
    figures.update(_checked(root, documents))
    return figures


def _amendments(
    documents: dict[str, tuple[dict[str, Any], str, Path]], versions: list[dict[str, Any]]
) -> dict[str, int]:
    made = {(v["version_of"], v["version"].get("by")) for v in versions}
    made |= {(id_, front["version"]["by"]) for id_, (front, _, _) in documents.items() if "version" in front}
    pairs = [(target, id_) for id_, (front, _, _) in documents.items() for target in front.get("amends", [])]
    with_text = sum(1 for pair in pairs if pair in made)
    return {"amendments": len(pairs), "with a new text": with_text, "without one": len(pairs) - with_text}


def _share(part: int, whole: int) -> str:
    return f"{part:,} of {whole:,} ({100 * part / max(1, whole):.0f} %)"


def _meetings(meetings: list[dict[str, Any]]) -> dict[str, Any]:
    items = [item for meeting in meetings for item in meeting.get("agenda", [])]
    sizes = [len(meeting.get("agenda", [])) for meeting in meetings]
    absent = 0
    for meeting in meetings:
        present = {*meeting["chairs"], *meeting.get("attendees", []), meeting.get("secretary")}
        speakers = [s["person"] for item in meeting.get("agenda", []) for s in item.get("speakers", [])]
        absent += sum(person not in present for person in speakers)
    mean = sum(sizes) / max(1, len(sizes))
    return {
        "agenda items per meeting": f"{min(sizes, default=0)}–{max(sizes, default=0)}, mean {mean:.1f}",
        "agenda items listing adopted documents": _share(
            sum(1 for i in items if i.get("documents")), len(items)
        ),
        "agenda items with speakers": _share(sum(1 for i in items if i.get("speakers")), len(items)),
        "agenda items with decisions": _share(sum(1 for i in items if i.get("decisions")), len(items)),
        "speakers not listed as present": absent,
        **_decisions([d for i in items for d in i.get("decisions", [])]),
    }


def _decisions(decisions: list[Any]) -> dict[str, str]:
    """Votes (counted / unanimous / roll call) and assignments (done, with a report)."""
    records = [d for d in decisions if isinstance(d, dict)]
    votes = [d["vote"] for d in records if "vote" in d]
    roll = sum(1 for v in votes if isinstance(v, dict) and isinstance(v.get("for"), list))
    unanimous = sum(1 for v in votes if v == "unanimous")
    assignments = [d for d in records if d.get("assignees") or d.get("due")]
    done = [d for d in assignments if "done" in d]
    return {
        "decisions voted (counted / unanimous / roll call)": (
            f"{_share(len(votes), len(decisions))}: {len(votes) - unanimous - roll} / {unanimous} / {roll}"
        ),
        "assignments (done, with a report)": (
            f"{len(assignments):,} ({len(done):,}, {sum(1 for d in done if 'report' in d['done']):,})"
        ),
    }


def _references(documents: dict[str, tuple[dict[str, Any], str, Path]]) -> dict[str, str]:
    articles = [
        a for front, body, _ in documents.values() if front["type"] == "regulation" for a in _articles(body)
    ]
    referring = sum(1 for a in articles if any(target in documents for target in _REFERENCE.findall(a)))
    return {"regulations' articles referring to a document of the corpus": _share(referring, len(articles))}


def _checked(root: Path, documents: dict[str, tuple[dict[str, Any], str, Path]]) -> dict[str, str]:
    problems = _check(root)
    severities = Counter(problem["severity"] for problem in problems)
    codes = Counter(problem["code"] for problem in problems)
    citing = {Path(p["path"]).resolve() for p in problems if p["code"] == "unmatched-citation"}
    bodies = [path.resolve() for _, body, path in documents.values() if body.strip()]
    share = sum(1 for path in bodies if path in citing)
    return {
        "bodies citing documents outside the corpus (unmatched citations)": _share(share, len(bodies)),
        "regpub check": ", ".join(f"{severities[s]} {s}s" for s in ("error", "warning", "note")),
        "check codes": ", ".join(f"{code} {n}" for code, n in sorted(codes.items())) or "none",
    }


def table(figures: dict[str, Any]) -> str:
    rows = ["| measure | count |", "| --- | ---: |"]
    rows += [
        f"| {name} | {f'{value:,}' if isinstance(value, int) else value} |" for name, value in figures.items()
    ]
    return "\n".join(rows)
