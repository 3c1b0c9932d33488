"""Generated pages and data files that a rebuild need not make to know they are unchanged.

The last build recorded, for each record's page and data file, what making it read of the
corpus (`generator.core.reads`), and what each thing there was to read was then (its facet,
`generator.core.inputs`). A rebuild compares those facets with the corpus as it is now: a file
none of whose reads changed is the one the last build made, under the same key, and neither its
record, its Markdown nor its JSON is made (a page's Markdown is made only if the page must be
rendered after all, when the published file was changed by hand). Lists of the whole corpus read
everything and are always made.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.core.inputs import Inputs
from generator.core.reads import Reads, recording
from generator.core.reuse import Made, Previous
from generator.core.store import Packed, write_atomically
from generator.doctypes.records import Page
from generator.formats.files import sha256
from generator.formats.outputs import Outputs
from generator.site.plan import FileKind, PageKind, PlannedFile, PlannedPage

T = TypeVar("T")

SETUP = "setup"  # the facet of what every output depends on besides the corpus (no read's token)


class Known:
    """The outputs of one build that the last build made from the same inputs."""

    def __init__(self, previous: Previous | None, inputs: Inputs, setup: str) -> None:
        self.previous = previous
        self.inputs = inputs
        self.setup = setup  # what every output depends on besides the corpus (the site's fingerprint)
        self.reads: dict[str, tuple[str, str]] = {}  # site path → (reads, their digest) of this build
        self._changed: set[str] | None = None  # what was read and changed since the last build

    def facets(self) -> dict[str, str]:
        """What the next build compares its corpus with (`Previous.facets`)."""
        return self.inputs.facets() | {SETUP: self.setup}

    def same(self, path: str) -> Made | None:
        """What the last build made at `path` when this one would make it alike, else None."""
        made = self.previous.made.get(path) if self.previous is not None else None
        if made is None or not made.reads or not made.inputs:  # no inputs: it read everything
            return None
        if self._changed is None:
            assert self.previous is not None
            now, before = self.facets(), self.previous.facets
            tokens = now.keys() | before.keys()
            self._changed = {token for token in tokens if now.get(token) != before.get(token)}
        if SETUP in self._changed or not self._changed.isdisjoint(made.reads.split(" ")):
            return None
        self.reads[path] = (made.reads, made.inputs)  # their digest now is the one they had then
        return made

    def make(self, path: str, make: Callable[[], T]) -> T:
        """`make()`, noting what it read for the output at `path`."""
        with recording() as reads:
            value = make()
        digest = self.digest(reads)
        if digest is not None:
            self.reads[path] = (reads.encode(), digest)
        return value

    def noted(self, path: str, made: Made) -> Made:
        """`made` with what the file at `path` read, for the next build."""
        reads = self.reads.get(path)
        return Made(made.key, made.note, *reads) if reads is not None else made

    def digest(self, reads: Reads) -> str | None:
        """The digest of what `reads` read, with the set-up; None when they read everything."""
        digest = self.inputs.digest(reads)
        return hashlib.sha256(f"{self.setup}\n{digest}".encode()).hexdigest() if digest is not None else None


class LazyFile(File):
    """A generated file whose content is made when it is first read, if ever; with `forget`,
    let go once MkDocs wrote it (and made again if read again)."""

    _make: Callable[[], str] | None = None
    _made: str | bytes | None = None
    _forget = False

    @classmethod
    def later(
        cls, config: MkDocsConfig, src_uri: str, make: Callable[[File], str], inclusion: InclusionLevel,
        *, forget: bool = False,
    ) -> LazyFile:  # fmt: skip
        """A file whose content is `make(the file)`, made when first read."""
        file = cls.generated(config, src_uri, content="", inclusion=inclusion)
        assert isinstance(file, LazyFile)
        file._made, file._make, file._forget = None, functools.partial(make, file), forget
        return file

    @property  # MkDocs keeps the content in an attribute
    def _content(self) -> str | bytes | None:
        if self._made is None and self._make is not None:
            self._made = self._make()
        return self._made

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._made, self._make = value, None

    def copy_file(self, dirty: bool = False) -> None:
        super().copy_file(dirty)
        if self._forget:
            self.forget()

    def forget(self) -> None:
        """Let the content go; it is made again if read again."""
        if self._make is not None:
            self._made = None


class Generated:
    """The generated pages and data files of one build, as MkDocs files, made or known alike."""

    def __init__(self, outputs: Outputs, known: Known) -> None:
        self.outputs = outputs
        self.known = known
        outputs.renderer.keep_rows = self._keep_rows
        self._rows: Packed | None = None  # the kept rows, open from their first use to `close`
        self._data_of = {file.record: file.path for file in outputs.plan.of_kind(FileKind.RECORD_DATA)}
        self.records: dict[str, Page] = {}  # virtual page src_uri → what its template shows
        self._files: dict[str, LazyFile] = {}  # virtual page src_uri → its file
        self.keys: dict[str, str] = {}  # src_uri → the key of a page the last build made alike
        self.data: dict[str, Made] = {}  # a document's JSON by path: its key, its SHA-256

    def add_pages(self, files: Files, config: MkDocsConfig, aside: InclusionLevel) -> None:
        """Every planned page; `aside`: the inclusion of those not in the sidebar. A page's
        Markdown and record are made when first read (`_make_page`): on a build, by the worker
        that renders the page, so the main process neither makes nor holds them all."""
        for page in self.outputs.plan.pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else aside
            file = LazyFile.later(config, page.md, functools.partial(self._make_page, page), inclusion)
            files.append(file)
            self._files[page.md] = file
            if page.kind is not PageKind.LIST and (same := self.known.same(file.dest_uri)) is not None:
                self.keys[page.md] = same.key

    def _make_page(self, page: PlannedPage, file: File) -> str:
        """The Markdown of a planned page; what its template shows kept in `records`, what making
        them read noted for the file (`Known.make`)."""
        record, markdown = self.known.make(file.dest_uri, functools.partial(self.outputs.renderer.page, page))
        if record is not None:
            self.records[page.md] = record
        return markdown

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        """The photos, and the JSON files but those `data_files` takes from the last build. A JSON
        file is made when MkDocs writes it, in the plan's order (a document's JSON before the
        catalog that lists it: `_keep_rows`), and let go once written."""
        for planned in self.outputs.plan.files:
            if planned.kind is FileKind.PHOTO:
                assert planned.disk is not None
                files.append(File.generated(config, planned.path, abs_src_path=str(planned.disk)))
            elif planned.kind is FileKind.RECORD_DATA and (same := self.known.same(planned.path)) is not None:
                self.data[planned.path] = same
            elif planned.kind in (FileKind.DATA, FileKind.RECORD_DATA):
                make = functools.partial(self._make_data, planned)
                inclusion = InclusionLevel.UNDEFINED
                files.append(LazyFile.later(config, planned.path, make, inclusion, forget=True))

    def _make_data(self, planned: PlannedFile, file: File) -> str:
        renderer = self.outputs.renderer
        text = self.known.make(planned.path, functools.partial(renderer.text, planned))
        if planned.kind is FileKind.RECORD_DATA and planned.path in self.known.reads:
            digest = renderer.text_sum(planned.path) or sha256(text)
            self.data[planned.path] = Made(self.known.reads[planned.path][1], digest)
        return text

    def _keep_rows(self, id_: str, make: Callable[[], str]) -> str:
        """What the catalog and the register list of a document, kept under the digest of what
        its JSON read: it is made from the same record."""
        reads = self.known.reads.get(self._data_of.get(id_, ""))
        if reads is None:
            return make()
        if self._rows is None:
            self._rows = Packed("rows", self.known.setup)  # closed by `close`
        kept = self._rows.read(reads[1])
        if kept is not None:
            return kept.decode("utf-8")
        made = make()
        self._rows.write(reads[1], made.encode("utf-8"))
        return made

    def close(self) -> None:
        """Keep the rows made anew (`_keep_rows`)."""
        if self._rows is not None:
            self._rows.close()
            self._rows = None

    def forget(self, file: File) -> None:
        """Let go of what a page was made from once it is written (a worker writes thousands)."""
        self.records.pop(file.src_uri, None)
        if (lazy := self._files.get(file.src_uri)) is not None:
            lazy.forget()

    def record(self, src_uri: str) -> Page | None:
        """What the template of a generated page shows (made with the page's Markdown, when it
        is first asked for)."""
        file = self._files.get(src_uri)
        if src_uri not in self.records and file is not None:
            _ = file.content_string  # makes the Markdown and the record (`_make_page`)
        return self.records.get(src_uri)

    def describe(self, file: File) -> str:
        """What one generated page is made from, besides what every page shares."""
        markdown = file.content_string  # first: making it makes the record too
        record = self.record(file.src_uri)
        shown = record.model_dump_json(round_trip=True) if record is not None else ""
        return f"{markdown}\n{shown}"

    def data_files(self, site: Path) -> dict[str, Made]:
        """Keep each document's JSON that MkDocs did not write in the output folder (or write it,
        if that folder lost it); what every document's JSON was made from."""
        previous = self.known.previous
        for path, made in self.data.items():
            if (site / path).is_file() or (previous and previous.keep(path, made.key)):
                continue
            text = self.outputs.renderer.text(self.outputs.plan.by_path[path])
            write_atomically(site / path, text.encode("utf-8"))
        return {path: self.known.noted(path, made) for path, made in self.data.items()}
