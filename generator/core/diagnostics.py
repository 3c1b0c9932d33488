"""Located diagnostics and the report every stage adds them to.

Why: an editor fixes a whole corpus in one pass only if every problem is collected first and
printed once, each with a place and a stable code (``path:line:col: severity: message [code]``).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Code:
    name: str
    severity: Severity
    summary: str


def _codes(*rows: tuple[str, Severity, str]) -> dict[str, Code]:
    return {name: Code(name, severity, summary) for name, severity, summary in rows}


E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE

# The stable diagnostic codes. Codes are part of the product contract: editors grep for them
# and CI configurations may filter on them, so a code is never renamed or reused.
CODES: dict[str, Code] = _codes(
    ("not-utf8", E, "the file is not valid UTF-8 text"),
    ("binary-file", E, "the file contains NUL bytes: it is binary, not Markdown or YAML"),
    ("file-too-large", E, "the file is larger than the size limit for a content file"),
    ("front-matter-missing", E, "a document does not start with a `---` front matter line"),
    ("front-matter-unclosed", E, "the front matter has no closing `---` line"),
    ("yaml-syntax", E, "malformed YAML"),
    ("yaml-alias", E, "YAML anchors and aliases (`&a`, `*a`) are not allowed"),
    ("yaml-duplicate-key", E, "the same key appears twice in one mapping"),
    ("yaml-structure", E, "a key that is not plain text, or the wrong shape at the top level"),
    ("missing-field", E, "a required field is absent"),
    ("unknown-field", E, "a field the schema does not know (with a did-you-mean)"),
    ("wrong-type", E, "a value of the wrong kind: text, list, mapping, true/false"),
    ("bad-value", E, "a value outside the allowed set, or empty where text is required"),
    ("bad-id", E, "an id that does not match `^[a-z0-9]+(-[a-z0-9]+)*$` or is too long"),
    ("bad-date", E, "a date that is not a real `YYYY-MM-DD` date"),
    ("duplicate-id", E, "the same id is used twice across documents and registries"),
    ("unknown-ref", E, "a reference to an id that does not exist (with a did-you-mean)"),
    (
        "wrong-ref-kind",
        E,
        "a reference to an id of the wrong kind (a person where an organization is expected, …)",
    ),
    ("unknown-anchor", E, "a `[[id#anchor]]` reference to an anchor the target does not have"),
    ("bad-reference", E, "a malformed `[[…]]` reference in a body"),
    (
        "anchor-missing-then",
        W,
        "a `[[id#anchor]]` in a text dated D to an anchor missing in the text of `id` in force on D",
    ),
    ("duplicate-anchor", E, "two headings in one body make the same anchor (`#article-3`)"),
    ("self-reference", E, "a document that supersedes, amends or is based on itself"),
    ("cycle", E, "a cycle in `supersedes`, `amends` or organizations' `parent`"),
    ("effective-range", E, "`effective.to` is before `effective.from`"),
    ("repeal-date", E, "`status: repealed` without `repealed_on`, or `repealed_on` without it"),
    ("vote-twice", E, "one person in two options of a roll call"),
    ("decision-date", E, "a decision's `due` or `done.on` before the meeting"),
    ("photo-missing", E, "a photo file that does not exist"),
    ("photo-outside-root", E, "a photo path that leaves the content root (`../`, absolute, symlink)"),
    ("empty-link", E, "a link or image with an empty target or text (`[]()`, `![]()`)"),
    ("raw-html", E, "raw HTML in a body"),
    ("version-date", E, "two texts of one document apply from the same date"),
    ("version-order", E, "the current text's `version.from` is not later than every earlier text's"),
    ("version-by", E, "a version's `by` names a document that does not `amend` this one"),
    ("future-date", W, "a document dated after the as-of date"),
    ("vote-over-participants", W, "more votes than the meeting lists chairs, secretary and attendees"),
    ("voter-not-present", W, "a roll-call voter not listed among the meeting's participants"),
    ("vote-result", W, "`adopted` with «за» not above «против», or `rejected` with «за» above it"),
    ("due-without-assignees", W, "a decision with `due` and no `assignees`"),
    ("empty-body", W, "a regulation with no body that is not `external`"),
    ("speaker-not-participant", W, "a speaker who is not among the meeting's chairs, secretary or attendees"),
    (
        "unmatched-citation",
        N,
        "a citation by form and number that matches no document, or several (never fails)",
    ),
    (
        "outstanding-change",
        N,
        "an amending document in force whose change is in no version of the text yet (never fails)",
    ),
)


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a content file; line and column are 1-based, column counts characters."""

    path: Path
    line: int = 1
    column: int = 1


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        place = f"{self.path}:{self.line}:{self.column}"
        return f"{place}: {self.severity}: {self.message} [{self.code}]"

    def format_github(self) -> str:
        """A GitHub Actions workflow command: the problem shows on the line in a pull request.

        >>> Diagnostic("a.md", 3, 7, Severity.WARNING, "future-date", "date 2030-01-01, 100%").format_github()
        '::warning file=a.md,line=3,col=7,title=future-date::date 2030-01-01, 100%25'
        """
        command = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}
        where = f"file={_escape_property(self.path)},line={self.line},col={self.column}"
        title = _escape_property(self.code)
        return f"::{command[self.severity]} {where},title={title}::{_escape_data(self.message)}"


def display_path(path: Path) -> str:
    """The path as an editor types it: relative to the current folder when it is below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


class Report:
    """Collects diagnostics from every stage; nothing is printed until the end."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def add(self, code: str, where: Location, message: str) -> None:
        severity = CODES[code].severity
        self._items.append(
            Diagnostic(display_path(where.path), where.line, where.column, severity, code, message)
        )

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self._items.extend(diagnostics)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Sorted by file and place, so output is stable whatever order the stages ran in."""
        return sorted(self._items, key=lambda d: (d.path, d.line, d.column, d.code, d.message))

    def count(self, severity: Severity) -> int:
        return sum(1 for item in self._items if item.severity is severity)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0

    def failed(self, *, strict: bool) -> bool:
        return self.has_errors or (strict and self.count(Severity.WARNING) > 0)

    def summary(self, files: int) -> str:
        counts = [
            _plural(self.count(Severity.ERROR), "error", "errors"),
            _plural(self.count(Severity.WARNING), "warning", "warnings"),
        ]
        notes = self.count(Severity.NOTE)
        if notes:
            counts.append(_plural(notes, "note", "notes"))
        checked = _plural(files, "file", "files")
        if not self._items:
            return f"Checked {checked}: no problems."
        return f"Checked {checked}: {', '.join(counts)}."

    def brief(self, *, warnings: int = 20) -> list[str]:
        """What a build prints: every error and the first `warnings` warnings, then the rest and
        the notes counted by code (`regpub check` lists them all).

        >>> report = Report()
        >>> for n in range(3):
        ...     report.add("unmatched-citation", Location(Path(f"{n}.md")), "no such document")
        >>> report.brief()
        ['3 notes (unmatched-citation: 3): run `regpub check` to list them.']
        """
        lines, counted = [], Counter[tuple[Severity, str]]()
        shown_warnings = 0
        for item in self.diagnostics:
            if item.severity is Severity.ERROR or (
                item.severity is Severity.WARNING and shown_warnings < warnings
            ):
                shown_warnings += item.severity is Severity.WARNING
                lines.append(item.format())
            else:
                counted[item.severity, item.code] += 1
        for severity, one, many in [
            (Severity.WARNING, "more warning", "more warnings"),
            (Severity.NOTE, "note", "notes"),
        ]:
            codes = sorted((-n, code) for (level, code), n in counted.items() if level is severity)
            if codes:
                by_code = ", ".join(f"{code}: {-n}" for n, code in codes)
                total = -sum(n for n, _ in codes)
                lines.append(f"{_plural(total, one, many)} ({by_code}): run `regpub check` to list them.")
        return lines

    def to_json(self) -> str:
        rows = [asdict(item) for item in self.diagnostics]
        return json.dumps(rows, ensure_ascii=False, indent=2)


class Problems(Report):
    """A report that also keeps each problem as it was added, to add it to another report later:
    the build state keeps a content file's own problems so (generator/content/state.py), and a
    later run shows them with paths as they are named then."""

    def __init__(self) -> None:
        super().__init__()
        self.added: list[tuple[str, Location, str]] = []

    def add(self, code: str, where: Location, message: str) -> None:
        super().add(code, where, message)
        self.added.append((code, where, message))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
