"""Split front matter from body and load YAML keeping the place of every key and value.

Why: PyYAML's constructors apply YAML 1.1 typing (`no` → False, `1.10` → 1.1, `012` → 10,
`05-CT/TW` survives only by luck). We compose the node tree instead, keep every scalar as
text and let the schema type it. Nodes carry marks, so every value keeps its line and column.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import yaml

from generator.core.diagnostics import Location, Report

Key = tuple[str | int, ...]
# (key line, key column, value line, value column); plain ints keep 10,000 documents small.
Place = tuple[int, int, int, int]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_MAX_DEPTH = 24
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_OPENING = re.compile(r"---[ \t]*\r?(?:\n|\Z)")
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAGS = {yaml.ScalarNode: "str", yaml.SequenceNode: "seq", yaml.MappingNode: "map"}


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """libyaml's composer without YAML 1.1 tag resolution: we type values ourselves, and
    skipping the resolver's regular expressions saves a tenth of the check's time."""

    def resolve(self, kind: type[yaml.Node], value: object, implicit: object) -> str:
        return f"tag:yaml.org,2002:{_TAGS[kind]}"


@dataclass(frozen=True, slots=True)
class Split:
    yaml_text: str
    yaml_line: int  # file line of the first YAML line
    body: str
    body_line: int  # file line of the first body line


@dataclass(frozen=True, slots=True)
class LocatedYaml:
    """Plain data (dict, list, str, None) and the place of every key and value in it."""

    path: Path
    data: object
    places: dict[Key, Place]

    def locate(self, key: Key, *, at_key: bool = False) -> Location:
        """The place of `key`, or of its nearest present ancestor (for missing fields)."""
        found = key
        while found not in self.places and found:
            found = found[:-1]
        key_line, key_column, value_line, value_column = self.places.get(found, (1, 1, 1, 1))
        if at_key or found != key:
            return Location(self.path, key_line, key_column)
        return Location(self.path, value_line, value_column)


def split_front_matter(text: str, path: Path, report: Report) -> Split | None:
    if not _OPENING.match(text):
        report.add(
            "front-matter-missing",
            Location(path),
            "a document must start with front matter: a '---' line, YAML fields, a '---' line",
        )
        return None
    start = text.index("\n") + 1 if "\n" in text else len(text)
    closing = _CLOSING.search(text, start)
    if closing is None:
        report.add(
            "front-matter-unclosed",
            Location(path),
            "front matter opened on line 1 is never closed; add a '---' line after the fields",
        )
        return None
    closing_line = text.count("\n", 0, closing.start()) + 1
    body_start = text.find("\n", closing.end())
    body = "" if body_start < 0 else text[body_start + 1 :]
    return Split(text[start : closing.start()], 2, body, closing_line + 1)


class _Rejected(Exception):
    def __init__(self, code: str, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.code, self.line, self.column, self.message = code, line, column, message


def load_yaml(text: str, path: Path, first_line: int, report: Report) -> LocatedYaml | None:
    """Compose `text` (which starts on file line `first_line`) into located plain data."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        # "unexpected end of stream" is found at the end; the unclosed quote or bracket that
        # caused it is the context mark, which is where the editor must look.
        ran_off = "end of stream" in (error.problem or "") and error.context_mark is not None
        mark = error.context_mark if ran_off else (error.problem_mark or error.context_mark)
        line, column = _Lines(text, first_line).place(mark) if mark else (first_line, 1)
        report.add("yaml-syntax", Location(path, line, column), _yaml_message(error))
        return None
    except yaml.YAMLError as error:  # e.g. a reader error on a control character
        report.add("yaml-syntax", Location(path, first_line, 1), f"malformed YAML: {error}")
        return None
    places: dict[Key, Place] = {}
    if node is None:
        return LocatedYaml(path, None, {(): (first_line, 1, first_line, 1)})
    converter = _Converter(_Lines(text, first_line), places)
    root = converter.place_of(node)
    try:
        data = converter.convert(node, (), 0, root)
    except _Rejected as rejected:
        line, column = rejected.line, rejected.column
        if rejected.code == "yaml-alias":
            line, column = _first_alias(text, first_line) or (line, column)
        report.add(rejected.code, Location(path, line, column), rejected.message)
        return None
    for duplicate in converter.duplicates:
        report.add(duplicate.code, Location(path, duplicate.line, duplicate.column), duplicate.message)
    places[()] = root + root
    return LocatedYaml(path, data, places)


def _first_alias(text: str, first_line: int) -> tuple[int, int] | None:
    """Where the first `*alias` is written; the composed tree only shows the anchored node."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return _Lines(text, first_line).place(event.start_mark)
    return None


class _Mark(Protocol):
    """PyYAML's marks (the pure-Python and the libyaml ones are two classes)."""

    line: int
    column: int
    index: int


class _Lines:
    """The file line and column of a YAML mark. YAML also ends a line at a lone CR, NEL, LS
    and PS; editors, and so the diagnostics, count only LF."""

    def __init__(self, text: str, first_line: int) -> None:
        self.first_line = first_line
        self.starts: list[int] | None = None  # where each LF-ended line starts, when YAML's differ
        if any(breaking in text for breaking in "\r\x85\u2028\u2029"):
            self.starts = [0, *(at + 1 for at, char in enumerate(text) if char == "\n")]

    def place(self, mark: _Mark) -> tuple[int, int]:
        if self.starts is None:
            return self.first_line + mark.line, mark.column + 1
        line = bisect.bisect_right(self.starts, mark.index) - 1
        return self.first_line + line, mark.index - self.starts[line] + 1


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "cannot parse"
    context = f" ({error.context})" if error.context else ""
    return f"malformed YAML: {problem}{context}; check the indentation and quotes here"


class _Converter:
    def __init__(self, lines: _Lines, places: dict[Key, Place]) -> None:
        self.lines = lines
        self.places = places
        self.seen: set[int] = set()
        self.duplicates: list[_Rejected] = []

    def place_of(self, node: yaml.Node) -> tuple[int, int]:
        return self.lines.place(node.start_mark)

    def convert(self, node: yaml.Node, key: Key, depth: int, at: tuple[int, int]) -> object:
        """Plain data for `node`; `at` is where its key or sequence starts, for alias errors."""
        if depth > _MAX_DEPTH:
            line, column = self.place_of(node)
            raise _Rejected("yaml-structure", line, column, "YAML is nested too deeply")
        # An alias reuses the anchored node object, so meeting a node twice means an alias.
        # Stopping there also defuses alias bombs: nothing is ever expanded.
        if id(node) in self.seen:
            message = "YAML anchors and aliases (&name, *name) are not allowed; write values out"
            raise _Rejected("yaml-alias", *at, message)
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.value in _NULLS:  # plain (style None or "")
                return None
            return str(node.value)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node, key, depth)
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, key, depth)

    def _sequence(self, node: yaml.SequenceNode, key: Key, depth: int) -> list[object]:
        items: list[object] = []
        start = self.place_of(node)
        for index, item in enumerate(node.value):
            place = self.place_of(item)
            self.places[(*key, index)] = place + place
            items.append(self.convert(item, (*key, index), depth + 1, start))
        return items

    def _mapping(self, node: yaml.MappingNode, key: Key, depth: int) -> dict[str, object]:
        mapping: dict[str, object] = {}
        for key_node, value_node in node.value:
            key_line, key_column = self.place_of(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Rejected("yaml-structure", key_line, key_column, "a key must be plain text")
            name = str(key_node.value)
            if name in mapping:
                first = self.places[(*key, name)][0]
                message = f"duplicate key '{name}' (first given on line {first}); the first is used"
                self.duplicates.append(_Rejected("yaml-duplicate-key", key_line, key_column, message))
                continue
            self.places[(*key, name)] = (key_line, key_column, *self.place_of(value_node))
            mapping[name] = self.convert(value_node, (*key, name), depth + 1, (key_line, key_column))
        return mapping
