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


def check_content(root: Path, as_of: date, *, for_good: bool = False) -> Checked:
    """The checked content root. With `for_good` (a command whose process ends with the build),
    the loaded corpus is moved out of the cycle collector's sight (`gc.freeze`), which would
    otherwise walk it on every collection of the checks and of the build after them."""
    report = Report()
    state = FileState()
    corpus, files = load_corpus(root, report, state)
    state.close()
    if for_good:
        gc.freeze()
    check_corpus(corpus, as_of, report)
    return Checked(corpus, report, files, as_of)
