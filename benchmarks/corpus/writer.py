"""Files as an editor keeps them: `<year>/<id>.md` with YAML front matter, earlier texts
`<year>/<id>.<from>.md` beside them, and the two registries.

YAML is written by PyYAML (`safe_dump`: keys in the order given, Cyrillic as is, one line per
scalar), with libyaml's emitter when it is there; both write the same text. regpub reads every
scalar as text, so whatever PyYAML quotes reads back as written: `05-CT/TW` stays plain,
`'1.10'` and `'2020'` are quoted, dates are `YYYY-MM-DD`, numbers of digits alone are plain
integers, as editors type them (`number: 15`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_WIDTH = 1 << 16  # never fold a long title over several lines


def dump(data: Any) -> str:
    text: str = yaml.dump(
        data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False, width=_WIDTH
    )
    return text


class Writer:
    """Writes into one content root, making each year's folder once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folders: set[Path] = set()

    def _write(self, path: Path, text: str) -> None:
        if path.parent not in self.folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        with open(path, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)

    def document(self, year: int, front: dict[str, Any], body: str | None, name: str | None = None) -> Path:
        """`<year>/<name or id>.md`: the front matter, then the body after a blank line."""
        text = f"---\n{dump(front)}---\n"
        if body:
            text += "\n" + body.rstrip("\n") + "\n"
        path = self.root / str(year) / f"{name or front['id']}.md"
        self._write(path, text)
        return path

    def registry(self, name: str, items: list[dict[str, Any]]) -> None:
        self._write(self.root / name, dump(items))
