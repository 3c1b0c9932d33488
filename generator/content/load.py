"""Load a content root into a linked corpus: discover → read → split → YAML → typed records.

Every problem goes to the report; a file that cannot be read or typed is left out of the
corpus but its id, when readable, still counts, so one broken file does not also produce a
cascade of 'unknown id' errors in the files that point at it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.content.sources import ContentFiles, discover, read_text
from generator.core.body import scan_body
from generator.core.corpus import Corpus, Entry, VersionText
from generator.core.diagnostics import Location, Report
from generator.core.fields import did_you_mean, validate_fields
from generator.core.frontmatter import LocatedYaml, load_yaml, split_front_matter
from generator.core.model import Kind, Organization, Person, VersionFile
from generator.core.values import ID_MAX_LENGTH, describe
from generator.doctypes import DOCUMENT_TYPES, type_of


def load_corpus(root: Path, report: Report) -> tuple[Corpus, ContentFiles]:
    files = discover(root)
    entries: list[Entry] = []
    versions: list[VersionText] = []
    if files.organizations:
        entries.extend(load_registry(files.organizations, Organization, report))
    if files.people:
        entries.extend(load_registry(files.people, Person, report))
    for path in files.documents:
        loaded = load_document(path, report)
        if isinstance(loaded, VersionText):
            versions.append(loaded)
        elif loaded is not None:
            entries.append(loaded)
    return Corpus(root, entries, versions), files


def load_registry(path: Path, model: type[Organization] | type[Person], report: Report) -> list[Entry]:
    text = read_text(path, report)
    source = load_yaml(text, path, 1, report) if text is not None else None
    if source is None or source.data is None:
        return []
    if not isinstance(source.data, list):
        noun = "organizations" if model is Organization else "people"
        message = f"{path.name} must be a YAML list of {noun} ('- id: …'), got {describe(source.data)}"
        report.add("yaml-structure", source.locate(()), message)
        return []
    entries = []
    for index, item in enumerate(source.data):
        if not isinstance(item, dict):
            message = f"entry {index + 1} must be a mapping of fields, got {describe(item)}"
            report.add("yaml-structure", source.locate((index,)), message)
            continue
        record, complete = validate_fields(model, item, source, (index,), report)
        id_ = record.id if record else _usable_id(item)
        if id_ is not None:
            entries.append(Entry(id_, type_of(model).kind, record, source, (index,), complete=complete))
    return entries


def load_document(path: Path, report: Report) -> Entry | VersionText | None:
    """A document's record, or an earlier text of one (a file with `version_of`)."""
    text = read_text(path, report)
    if text is None:
        return None
    split = split_front_matter(text, path, report)
    if split is None:
        return None
    body = scan_body(split.body, split.body_line)
    for problem in body.problems:
        report.add(problem.code, Location(path, problem.line, problem.column), problem.message)
    source = load_yaml(split.yaml_text, path, split.yaml_line, report)
    if source is None:
        return None
    if not isinstance(source.data, dict):
        message = f"front matter must be a mapping of fields (key: value), got {describe(source.data)}"
        report.add("yaml-structure", source.locate(()), message)
        return None
    if "version_of" in source.data:
        version, complete = validate_fields(VersionFile, source.data, source, (), report)
        return VersionText(version, source, body, complete)
    kind = _document_kind(source, report)
    model = DOCUMENT_TYPES[kind].model if kind else None
    record, complete = validate_fields(model, source.data, source, (), report) if model else (None, False)
    id_ = record.id if record else _usable_id(source.data)
    if id_ is None:
        return None
    return Entry(id_, kind, record, source, (), body, complete)


def _document_kind(source: LocatedYaml, report: Report) -> Kind | None:
    assert isinstance(source.data, dict)
    if "type" not in source.data:
        message = f"missing required field 'type' ({' or '.join(DOCUMENT_TYPES)})"
        report.add("missing-field", source.locate(()), message)
        return None
    value = source.data["type"]
    kinds = {str(kind): kind for kind in DOCUMENT_TYPES}
    kind = kinds.get(value) if isinstance(value, str) else None
    if kind is None:
        hint = did_you_mean(value, kinds) if isinstance(value, str) else ""
        named = " or ".join(f"'{name}'" for name in kinds)
        message = f"type must be {named}, got {describe(value)}{hint}"
        report.add("bad-value", source.locate(("type",)), message)
    return kind


def _usable_id(data: dict[str, Any]) -> str | None:
    """The id of a record whose other fields failed, if the id itself is usable."""
    value = data.get("id")
    if isinstance(value, str) and 0 < len(value) <= ID_MAX_LENGTH:
        return value
    return None
