"""What an output read of the corpus (`generator.core.reads`), as the corpus is now.

An output made from the same reads of the same records on a day that compares the same with
every date those records hold is the same output: every status, deadline and text in force is
read off such comparisons (a status changes on a date or the day after it). So the day enters
the digest only as how it compares with each of those dates, and a rebuild on the next day
remakes only what shows a date that the day just crossed.

Each thing an output may read (a record, its links, its earlier texts, what a citation's form and
number name) has a facet: the digest of what it is now, with the day as it compares with the
dates it holds. A build keeps every facet; the next one compares them with its own, and an output
none of whose reads' facets changed is the one the last build made, found without going through
what it read.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from generator.core.citations import citation_index
from generator.core.corpus import Corpus, Entry, Link
from generator.core.reads import Reads, unrecorded

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NEAR = 2  # days either side of a date that a comparison with the day may tell apart


class Inputs:
    """Digests of reads for one corpus as of one day; what each record contributes, once."""

    def __init__(self, corpus: Corpus, as_of: date, *, beside: Callable[[Entry], str] | None = None) -> None:
        self.corpus = corpus
        self.as_of = as_of
        self.beside = beside  # what an output shows of a record that is not in the corpus (its git history)
        self._records: dict[str, tuple[str, list[date]]] = {}
        self._earlier: dict[str, tuple[str, list[date]]] = {}
        self._facets: dict[str, str] | None = None

    def facets(self) -> dict[str, str]:
        """The facet of everything there is to read, by its token (`Reads.tokens`); what nobody
        can read now (an absent record, links of a record without any) has none."""
        if self._facets is None:
            with unrecorded():
                self._facets = self._all_facets()
        return self._facets

    def _all_facets(self) -> dict[str, str]:
        corpus = self.corpus
        facets = {f"i:{id_}": self._facet(*self._record(id_)) for id_ in corpus.by_id}
        for id_ in {end for link in corpus.links for end in (link.origin, link.target)}:
            links = [*corpus.outgoing(id_), *corpus.incoming(id_)]
            facets[f"l:{id_}"] = _digest(" ".join(_link_row(link) for link in links))
        for id_ in {text.record.version_of for text in corpus.version_texts if text.record is not None}:
            facets[f"v:{id_}"] = self._facet(*self._earlier_texts(id_))
        for (stem, number), named in citation_index(corpus).by_key.items():
            ids = sorted(regulation.id for regulation in named)
            facets[f"c:{stem}\x1f{number}"] = _digest(" ".join([*ids, *(facets[f"i:{id_}"] for id_ in ids)]))
        return facets

    def _facet(self, row: str, dates: list[date]) -> str:
        return _digest(f"{row}\n{self._near(dates)}")

    def _near(self, dates: Iterable[date]) -> list[int]:
        """How the day compares with each of `dates`: days apart, up to a few either side."""
        return [max(-_NEAR, min(_NEAR, (self.as_of - day).days)) for day in dates]

    def digest(self, reads: Reads) -> str | None:
        """The digest of what `reads` read; None when they walked the whole corpus."""
        if reads.everything:
            return None
        with unrecorded():
            return self._digest(reads)

    def _digest(self, reads: Reads) -> str:
        ids = set(reads.ids)
        rows: list[str] = []
        index = citation_index(self.corpus)
        for key in sorted(reads.citations):
            named = sorted(regulation.id for regulation in index.by_key.get(key, []))
            ids.update(named)
            rows.append(f"cites {key} {named}")
        for id_ in sorted(reads.links):
            links = [*self.corpus.outgoing(id_), *self.corpus.incoming(id_)]
            rows.append(f"links {id_} " + " ".join(_link_row(link) for link in links))
        days: set[date] = set()
        for id_ in sorted(ids):
            row, dates = self._record(id_)
            rows.append(row)
            days.update(dates)
        for id_ in sorted(reads.versions):
            row, dates = self._earlier_texts(id_)
            rows.append(row)
            days.update(dates)
        rows.append(f"day {self._near(sorted(days))}")
        return hashlib.sha256("\n".join(rows).encode()).hexdigest()

    def _record(self, id_: str) -> tuple[str, list[date]]:
        known = self._records.get(id_)
        if known is None:
            entry = self.corpus.by_id.get(id_)
            if entry is None:
                known = (f"absent {id_}", [])
            else:
                data: Any = entry.source.data
                for step in entry.key:
                    data = data[step]  # the record's item of a registry
                body = _digest(entry.body.text) if entry.body is not None else "-"
                beside = self.beside(entry) if self.beside is not None else ""
                row = json.dumps([id_, str(entry.kind), entry.complete, str(entry.path), body, beside, data],
                                 ensure_ascii=False, default=str)  # fmt: skip
                known = (row, list(_dates(data)))
            self._records[id_] = known
        return known

    def _earlier_texts(self, id_: str) -> tuple[str, list[date]]:
        known = self._earlier.get(id_)
        if known is None:
            texts = self.corpus.earlier(id_)
            shown = [
                [str(text.path), text.complete, _digest(text.body.text), text.source.data] for text in texts
            ]
            dates = [day for text in texts for day in _dates(text.source.data)]
            known = self._earlier[id_] = (json.dumps([id_, shown], ensure_ascii=False, default=str), dates)
        return known


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _link_row(link: Link) -> str:
    return f"{link.origin}/{link.relation}/{link.target}/{link.key}/{link.anchor}"


def _dates(data: object) -> list[date]:
    """Every date in a record's fields as written (YAML's dates are read as text)."""
    if isinstance(data, str):
        if len(data) == 10 and _ISO_DATE.match(data):
            try:
                return [date.fromisoformat(data)]
            except ValueError:
                return []
        return []
    if isinstance(data, date):
        return [data]
    if isinstance(data, dict):
        return [day for value in data.values() for day in _dates(value)]
    if isinstance(data, list):
        return [day for value in data for day in _dates(value)]
    return []
