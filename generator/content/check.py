"""The whole check as one call: load the content root, link it, run every corpus check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.content.load import load_corpus
from generator.content.sources import ContentFiles
from generator.content.validate import check_corpus
from generator.core.corpus import Corpus
from generator.core.diagnostics import Report


@dataclass(frozen=True, slots=True)
class Checked:
    corpus: Corpus
    report: Report
    files: ContentFiles
    as_of: date


def check_content(root: Path, as_of: date) -> Checked:
    report = Report()
    corpus, files = load_corpus(root, report)
    check_corpus(corpus, as_of, report)
    return Checked(corpus, report, files, as_of)
