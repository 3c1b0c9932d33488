"""`regpub new`: a document from a template, filled with what can be known, the rest marked.

What it fills: today's date, a free id made from the title, the form when the title starts
with a known one, and the issuers (organizers, for a meeting) of the most similar existing
document. What it cannot know is left empty and marked TODO, and `regpub check` then names
exactly those places.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.core import labels
from generator.core.corpus import Corpus
from generator.core.errors import ScaffoldError
from generator.core.model import Document, Kind, Regulation
from generator.core.values import ID_MAX_LENGTH
from generator.doctypes import DOCUMENT_TYPES
from generator.site.indexes import slug

_WORD = re.compile(r"[а-яёa-z0-9]+")


@dataclass(frozen=True, slots=True)
class Draft:
    kind: Kind
    id: str
    title: str
    date: date
    form: str | None = None
    bodies: list[str] = field(default_factory=list)  # issuers or organizers
    similar: str | None = None  # the document the bodies were taken from


def free_id(title: str, corpus: Corpus) -> str:
    """An id from the title that no record uses yet.

    >>> from pathlib import Path
    >>> free_id("Положение о координации на 2026 год", Corpus(Path("."), []))
    'polozhenie-o-koordinatsii-na-2026-god'
    """
    base = slug(title)[: ID_MAX_LENGTH - 4].strip("-") or "document"
    candidate, number = base, 1
    while corpus.get(candidate) is not None:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _stems(text: str) -> set[str]:
    # The first five letters stand in for a stem: «координации» and «координация» agree.
    return {word[:5] for word in _WORD.findall(text.lower()) if len(word) > 3}


def most_similar(kind: Kind, title: str, corpus: Corpus) -> Document | None:
    """The existing document of the same kind whose title shares the most words."""
    wanted = _stems(title)
    records: list[Document] = list(corpus.records(DOCUMENT_TYPES[kind].model))
    best: Document | None = None
    best_score = 0.0
    for record in sorted(records, key=lambda r: (r.date, r.id), reverse=True):
        words = _stems(record.title)
        score = len(wanted & words) / len(wanted | words) if wanted | words else 0.0
        if score > best_score:
            best, best_score = record, score
    return best


def draft(kind: Kind, title: str, today: date, corpus: Corpus, id_: str | None = None) -> Draft:
    similar = most_similar(kind, title, corpus)
    bodies = list(similar.issued_by) if similar else []
    first = title.split(maxsplit=1)[0].capitalize() if title.split() else ""
    known_forms = {r.form.lower(): r.form for r in corpus.records(Regulation)}
    known_forms.update({form.lower(): form for form in labels.FORMS})
    form = known_forms.get(first.lower()) if "form" in DOCUMENT_TYPES[kind].model.model_fields else None
    return Draft(
        kind, id_ or free_id(title, corpus), title, today, form, bodies, similar.id if similar else None
    )


def render_new(new: Draft, corpus: Corpus) -> str:
    organizations = corpus.ids_of(frozenset({Kind.ORGANIZATION})) or ["organization-id"]
    people = corpus.ids_of(frozenset({Kind.PERSON})) or ["person-id"]
    bodies_line = (
        f"[{', '.join(new.bodies)}]  # as in {new.similar}: check them"
        if new.bodies
        else f"[]  # TODO: organization ids from organizations.yml, e.g. [{organizations[0]}]"
    )
    head = [
        "---",
        f"id: {new.id}",
        f"type: {new.kind}",
        f"title: {json.dumps(new.title, ensure_ascii=False)}",
        f"date: {new.date.isoformat()}  # the signing or meeting date; today's until you change it",
    ]
    skeleton = DOCUMENT_TYPES[new.kind].skeleton
    assert skeleton is not None  # every document type writes one
    fields, body = skeleton(new.form, bodies_line, people[0])
    return "\n".join([*head, *fields, "---", "", *body]) + "\n"


def new_path(root: Path, id_: str, today: date) -> Path:
    return root / str(today.year) / f"{id_}.md"


def new_version(corpus: Corpus, id_: str, by: str, start: date) -> tuple[Path, Path]:
    """Keep the current text of `id_` as an earlier version; the file then holds the next one.

    Returns (the version file written, the document file updated). Nothing is written when the
    change would leave the corpus invalid.
    """
    entry, regulation = corpus.get(id_), corpus.regulation(id_)
    if entry is None or regulation is None or entry.body is None:
        raise ScaffoldError(f"'{id_}' is not a regulation with a text in this corpus")
    amending = corpus.regulation(by)
    if amending is None:
        raise ScaffoldError(f"'{by}' is not a regulation in this corpus")
    if id_ not in amending.amends:
        raise ScaffoldError(f"'{by}' does not amend '{id_}': add '{id_}' to its amends first")
    current = regulation.version
    current_from = (
        current.from_
        if current
        else (regulation.effective.from_ if regulation.effective else regulation.date)
    )
    if start <= current_from:
        raise ScaffoldError(
            f"--from {start} must be after {current_from}, when the current text applies from"
        )
    target = entry.path.with_name(f"{entry.path.stem}.{current_from.isoformat()}.md")
    if target.exists():
        raise ScaffoldError(f"{target} already exists")
    version = (
        f"{{from: {current_from.isoformat()}, by: {current.by}}}"
        if current
        else f"{{from: {current_from.isoformat()}}}"
    )
    target.write_text(f"---\nversion_of: {id_}\nversion: {version}\n---\n{entry.body.text}", encoding="utf-8")
    document = entry.path.read_text(encoding="utf-8")
    entry.path.write_text(
        _with_version(document, f"{{from: {start.isoformat()}, by: {by}}}"), encoding="utf-8"
    )
    return target, entry.path


def _with_version(document: str, version: str) -> str:
    """The document with its top-level `version:` replaced (or added before the closing ---)."""
    lines = document.split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    head, rest = lines[1:closing], lines[closing:]
    kept: list[str] = []
    skipping = False
    for line in head:
        if line.startswith("version:"):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    return "\n".join(["---", *kept, f"version: {version}", *rest])
