"""`regpub new`: a document from a template, valid except for the places marked TODO."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from generator.corpus import Corpus
from generator.model import Kind

_REGULATION = """\
---
id: {id}
type: regulation
title: {title}
date: {date}
form: ""  # TODO: the form as printed: Положение, Постановление, Решение, …
issuers: []  # TODO: organization ids from organizations.yml, e.g. [{organization}]
# number: ""  # the official number, if it has one
# effective: {{from: YYYY-MM-DD, to: YYYY-MM-DD}}
# adopted_at: meeting-id
---

## Статья 1. Общие положения

Текст статьи.
"""

_MEETING = """\
---
id: {id}
type: meeting
title: {title}
date: {date}
organizers: []  # TODO: organization ids from organizations.yml, e.g. [{organization}]
chairs: []  # TODO: person ids from people.yml, e.g. [{person}]
# secretary: person-id
# attendees: [person-id, person-id]
# agenda:
#   - title: Вопрос повестки дня
#     speakers: [{{person: person-id, summary: Краткое содержание выступления}}]
#     decisions: [Что постановили]
#     documents: [regulation-id]
---

Ход заседания.
"""


def render_new(kind: Kind, id_: str, title: str, today: date, corpus: Corpus) -> str:
    template = _REGULATION if kind is Kind.REGULATION else _MEETING
    organizations = corpus.ids_of(frozenset({Kind.ORGANIZATION})) or ["organization-id"]
    people = corpus.ids_of(frozenset({Kind.PERSON})) or ["person-id"]
    return template.format(
        id=id_,
        title=json.dumps(title, ensure_ascii=False),
        date=today.isoformat(),
        organization=organizations[0],
        person=people[0],
    )


def new_path(root: Path, id_: str, today: date) -> Path:
    return root / str(today.year) / f"{id_}.md"
