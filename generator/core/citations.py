"""Citations in text: a document named by form, date and number becomes a link (README: "Versions").

`постановлением от 21.12.2020 № 15`, `Директивы № 05-CT/TW`, `Резолюции №4` are recognised in
any grammatical case of the form. A citation links only when exactly one document in the
corpus has that form and number (and that date, when one is given): a wrong link is worse
than none. One that matches nothing, or more than one document, is reported as a note.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from generator.core import labels
from generator.core.body import REFERENCE, Body, Mention, split_code_spans
from generator.core.corpus import Corpus
from generator.core.model import Regulation
from generator.core.reads import note_citation, unrecorded

# Form stems (the word without its case ending) → the form.
_STEMS = {stem: form for form, stem in labels.FORMS.items()}
_MONTHS = {
    name: number
    for number, name in enumerate(
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(), 1
    )
}
_CITATION = re.compile(
    r"""
    (?<![\w])
    (?P<form>(?:FORMS)[а-яё]{0,3})                      # the form, in any case
    (?:                                                 # either a date, maybe after a few words
        (?:[ \t]+[^\s№.,;:!?()«»"]+){0,4}?             #   ("провинциального комитета")
        [ \t]+от[ \t]+(?P<date>\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}[ \t]+[а-я]+[ \t]+\d{4}(?:[ \t]*г\.)?)
        [ \t]*
    |   [ \t]*                                          # or the number right after the form
    )
    №[ \t]*
    (?P<number>[0-9A-Za-zА-Яа-яЁё](?:[0-9A-Za-zА-Яа-яЁё/.-]*[0-9A-Za-zА-Яа-яЁё])?)
    """.replace("FORMS", "|".join(_STEMS)),
    re.IGNORECASE | re.VERBOSE,
)
# Cyrillic letters that look like Latin ones, so `05-СТ/TW` typed in Cyrillic still matches.
_LOOKALIKE = str.maketrans("АВЕКМНОРСТУХ", "ABEKMHOPCTYX")


@dataclass(frozen=True, slots=True)
class Citation:
    start: int  # character offsets in the line
    end: int
    text: str
    form: str
    number: str
    date: date | None
    target: str | None  # the one matching document, else None
    candidates: int  # how many documents have that form and number (and date)


def normalize_number(number: str) -> str:
    """A number as typed, compared without case, spaces or Cyrillic look-alikes.

    >>> normalize_number("05-ст/tw")
    '05-CT/TW'
    """
    return number.upper().translate(_LOOKALIKE).replace(" ", "")


def _stem_of(word: str) -> str | None:
    lowered = word.lower()
    return next((stem for stem in sorted(_STEMS, key=len, reverse=True) if lowered.startswith(stem)), None)


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    numeric = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    try:
        if numeric:
            day, month, year = (int(part) for part in numeric.groups())
            return date(year, month, day)
        words = re.match(r"(\d{1,2})\s+([а-я]+)\s+(\d{4})", text)
        if words and words.group(2) in _MONTHS:
            return date(int(words.group(3)), _MONTHS[words.group(2)], int(words.group(1)))
    except ValueError:
        return None
    return None


class CitationIndex:
    """Regulations by form and number, to resolve citations quickly."""

    def __init__(self, corpus: Corpus) -> None:
        self.by_key: dict[tuple[str, str], list[Regulation]] = {}
        for regulation in corpus.records(Regulation):
            stem = _stem_of(regulation.form)
            if stem and regulation.number:
                self.by_key.setdefault((stem, normalize_number(regulation.number)), []).append(regulation)

    def find(self, line: str, *, exclude: str | None = None) -> list[Citation]:
        """Citations in one line of prose, outside code spans and outside `[[…]]` links."""
        return self.match(mentions_in(line), exclude=exclude)

    def match(self, mentions: Iterable[Mention], *, exclude: str | None = None) -> list[Citation]:
        """The citations `mentions` make: each with the one document it names, if one; but
        those that name `exclude` (a document naming itself: no link)."""
        citations = []
        for mention in mentions:
            candidates = [
                regulation
                for regulation in self.by_key.get((mention.stem, mention.number), [])
                if mention.date is None or regulation.date == mention.date
            ]
            target = candidates[0].id if len(candidates) == 1 else None
            if target is not None and target == exclude:
                continue
            citations.append(
                Citation(
                    mention.start, mention.end, mention.text, _STEMS[mention.stem], mention.number,
                    mention.date, target, len(candidates),
                )
            )  # fmt: skip
        return citations

    def link(self, line: str, *, exclude: str | None = None) -> str:
        """The line with every matched citation written as `[[id|citation]]`."""
        return _linked(line, self.find(line, exclude=exclude))


def mentions_in(line: str) -> tuple[Mention, ...]:
    """What one line of prose names by form and number, outside code spans and `[[…]]` links;
    the same whatever the corpus holds."""
    found: list[Mention] = []
    offset = 0
    for piece, is_code in split_code_spans(line):
        if not is_code:
            for start, end in _outside_references(piece):
                found += _mentions_in(piece[start:end], offset + start)
        offset += len(piece)
    return tuple(found)


def _mentions_in(text: str, offset: int) -> Iterator[Mention]:
    for match in _CITATION.finditer(text):
        stem = _stem_of(match.group("form"))
        if stem is not None:
            number = normalize_number(match.group("number").rstrip("."))
            when = _parse_date(match.group("date"))
            yield Mention(offset + match.start(), offset + match.end(), match.group(0), stem, number, when)


def mentions_of(body: Body) -> dict[int, tuple[Mention, ...]]:
    """What each line of a body that is not code names by form and number (found once, when the
    file is loaded, and kept with the body in the build state)."""
    if body.mentions is None:
        found = {}
        if "№" in body.text:
            for offset, line in enumerate(body.text.split("\n")):
                if "№" in line and offset not in body.code and (mentions := mentions_in(line)):
                    found[offset] = mentions
        body.mentions = found
    return body.mentions


def _linked(line: str, citations: list[Citation]) -> str:
    for citation in reversed(citations):
        if citation.target:
            replacement = f"[[{citation.target}|{citation.text}]]"
            line = line[: citation.start] + replacement + line[citation.end :]
    return line


@dataclass(frozen=True, slots=True)
class CitedBody:
    """A body with its citations found: `text` has each matched one written as `[[id|…]]`;
    `found` holds every citation, matched or not, with the offset of its line."""

    text: str
    found: tuple[tuple[int, Citation], ...]


_INDEXES: weakref.WeakKeyDictionary[Corpus, CitationIndex] = weakref.WeakKeyDictionary()


def citation_index(corpus: Corpus) -> CitationIndex:
    """The corpus's index, built once however many pages and files ask for it."""
    index = _INDEXES.get(corpus)
    if index is None:
        with unrecorded():  # an output reads the keys it looks up (`cite`), not every regulation
            index = _INDEXES[corpus] = CitationIndex(corpus)
    return index


def citation_key(citation: Citation) -> tuple[str, str] | None:
    """Where the index keeps the documents a citation may name."""
    stem = _stem_of(citation.form)
    return (stem, normalize_number(citation.number.rstrip("."))) if stem else None


_CITED: weakref.WeakKeyDictionary[Body, tuple[CitationIndex, str, CitedBody]] = weakref.WeakKeyDictionary()


def cite(corpus: Corpus, body: Body, self_id: str) -> CitedBody:
    """The citations of a body (of the document `self_id`, which it does not cite), found once
    however many outputs (the page, the DOCX, a comparison, the check's notes) ask."""
    index = citation_index(corpus)
    cached = _CITED.get(body)
    if cached is not None and cached[0] is index and cached[1] == self_id:
        _note_keys(cached[2])
        return cached[2]
    text = body.text
    found: list[tuple[int, Citation]] = []
    linked: dict[int, list[Citation]] = {}
    for offset, mentions in mentions_of(body).items():
        citations = linked[offset] = index.match(mentions, exclude=self_id)
        found += [(offset, citation) for citation in citations]
    if any(citation.target for _, citation in found):
        lines = text.split("\n")
        for offset, citations in linked.items():
            lines[offset] = _linked(lines[offset], citations)
        text = "\n".join(lines)
    cited = CitedBody(text, tuple(found))
    _CITED[body] = (index, self_id, cited)
    _note_keys(cited)
    return cited


def _note_keys(cited: CitedBody) -> None:
    """What an output that shows the body read: the documents each citation may name."""
    for _, citation in cited.found:
        if (key := citation_key(citation)) is not None:
            note_citation(key)


def _outside_references(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for match in REFERENCE.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return spans
