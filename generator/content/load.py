"""Load a content root into a linked corpus: discover → read → split → YAML → typed records.

Every problem goes to the report; a file that cannot be read or typed is left out of the
corpus but its id, when readable, still counts, so one broken file does not also produce a
cascade of 'unknown id' errors in the files that point at it.

What a file loads into depends on nothing but the file (its path and bytes), so `load_file`
can take it from the build state instead (generator/content/state.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.content.sources import ContentFiles, decode_text, discover, read_bytes
from generator.core.body import scan_body
from generator.core.citations import mentions_of
from generator.core.corpus import Corpus, Entry, VersionText
from generator.core.diagnostics import Location, Problems, Report
from generator.core.fields import did_you_mean, validate_fields
from generator.core.frontmatter import LocatedYaml, load_yaml, split_front_matter
from generator.core.model import Kind, Organization, Person, VersionFile
from generator.core.values import ID_MAX_LENGTH, describe
from generator.doctypes import DOCUMENT_TYPES, type_of

if TYPE_CHECKING:
    from generator.content.state import FileState


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """What one content file holds: its records (a registry has many) or an earlier text, and
    the file's own problems (code, place, message), which the corpus-wide checks do not see."""

    entries: tuple[Entry, ...] = ()
    versions: tuple[VersionText, ...] = ()
    problems: tuple[tuple[str, Location, str], ...] = ()

    def report_to(self, report: Report) -> None:
        for problem in self.problems:
            report.add(*problem)


def load_corpus(
    root: Path, report: Report, state: FileState | None = None, *, jobs: int = 1
) -> tuple[Corpus, ContentFiles]:
    """The content root's files loaded and linked; with `state`, the files it lacks parsed by up
    to `jobs` processes."""
    files = discover(root)
    with _uncollected():
        loaded = load_files([*files.registries, *files.documents], files, state, jobs=jobs)
        for file in loaded:
            file.report_to(report)
        return link(root, loaded), files


def load_files(
    paths: list[Path], files: ContentFiles, state: FileState | None, *, jobs: int = 1
) -> list[LoadedFile]:
    """`load_file` of each of `paths`, in their order."""
    read = []
    for path in paths:
        problems = Problems()
        read.append((path, read_bytes(path, problems), problems))
    readable = [(path, data) for path, data, _ in read if data is not None]

    def parse(index: int) -> LoadedFile:
        path, data = readable[index]
        return parse_file(path, data, _registry(path, files))

    if state is None:
        parsed = iter([parse(index) for index in range(len(readable))])
    else:
        parsed = iter(state.load_all(readable, parse, jobs=jobs))
    return [next(parsed) if data is not None else LoadedFile(problems=tuple(problems.added))
            for _, data, problems in read]  # fmt: skip


@contextmanager
def _uncollected() -> Iterator[None]:
    """Loading makes objects that live as long as the corpus and little cyclic garbage (what
    there is waits for the next collection): without this, Python's cycle collector walks the
    growing heap again and again for nothing (two thirds of the time of reading 10,000 files
    back from the build state)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def link(root: Path, loaded: Iterable[LoadedFile]) -> Corpus:
    """The corpus of the loaded files, in their order: registries first, then the documents."""
    loaded = list(loaded)
    entries = [entry for file in loaded for entry in file.entries]
    versions = [text for file in loaded for text in file.versions]
    return Corpus(root, entries, versions)


def load_file(path: Path, files: ContentFiles, state: FileState | None = None) -> LoadedFile:
    """One content file of `files` (a registry or a document), from `state` when it has it."""
    problems = Problems()
    data = read_bytes(path, problems)
    if data is None:
        return LoadedFile(problems=tuple(problems.added))
    model = _registry(path, files)
    if state is None:
        return parse_file(path, data, model)
    return state.load(path, data, lambda: parse_file(path, data, model))


def _registry(path: Path, files: ContentFiles) -> type[Organization] | type[Person] | None:
    """The model of the registry `path` is, None for a document."""
    return Organization if path == files.organizations else Person if path == files.people else None


def parse_file(path: Path, data: bytes, registry: type[Organization] | type[Person] | None) -> LoadedFile:
    """A file's bytes read as a registry of `registry`'s records, or as a document when None."""
    problems = Problems()
    text = decode_text(path, data, problems)
    if text is None:
        return LoadedFile(problems=tuple(problems.added))
    if registry is not None:
        return LoadedFile(tuple(load_registry(path, text, registry, problems)), (), tuple(problems.added))
    loaded = load_document(path, text, problems)
    if isinstance(loaded, VersionText):
        return LoadedFile((), (loaded,), tuple(problems.added))
    return LoadedFile((loaded,) if loaded else (), (), tuple(problems.added))


def load_registry(
    path: Path, text: str, model: type[Organization] | type[Person], report: Report
) -> list[Entry]:
    source = load_yaml(text, path, 1, report)
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


def load_document(path: Path, text: str, report: Report) -> Entry | VersionText | None:
    """A document's record, or an earlier text of one (a file with `version_of`)."""
    split = split_front_matter(text, path, report)
    if split is None:
        return None
    body = scan_body(split.body, split.body_line)
    mentions_of(body)  # found here, so that the build state keeps them with the body
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
