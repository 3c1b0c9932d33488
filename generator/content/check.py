"""The whole check as one call: load the content root (unchanged files from the build state),
link it, run every corpus check."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.content.load import load_corpus
from generator.content.sources import ContentFiles
from generator.content.state import FileState
from generator.content.validate import check_corpus
from generator.core.corpus import Corpus
from generator.core.diagnostics import Report


@dataclass(frozen=True, slots=True)
class Checked:
    corpus: Corpus
    report: Report
    files: ContentFiles
    as_of: date


def check_content(root: Path, as_of: date, *, for_good: bool = False, jobs: int = 1) -> Checked:
    """The checked content root; the files the build state lacks parsed by up to `jobs`
    processes. With `for_good` (a command whose process ends with the build),
    the loaded corpus is moved out of the cycle collector's sight (`gc.freeze`), which would
    otherwise walk it on every collection of the checks and of the build after them, and the
    places of its fields, which only the checks name, are let go once they ran (60 MB at 10,000
    documents)."""
    report = Report()
    state = FileState()
    corpus, files = load_corpus(root, report, state, jobs=jobs)
    state.close()
    if for_good:
        gc.freeze()
    check_corpus(corpus, as_of, report)
    if for_good:
        for source in {id(entry.source): entry.source for entry in corpus.entries}.values():
            source.places.clear()
        for text in corpus.version_texts:
            text.source.places.clear()
    return Checked(corpus, report, files, as_of)
