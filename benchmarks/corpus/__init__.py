"""A deterministic synthetic content root for the benchmarks, in the proportions of real content.

`make_corpus(size, folder, seed=1, versions=True)` writes into `folder` (new or empty):

- `organizations.yml`: an organization per fifty documents (at least 5), regions of bodies
  linked by `parent`, some with a `short_name`;
- `people.yml`: a person per five documents (at least 10), with Russian names, signature names
  and one or two positions;
- `<year>/<id>.md`: `size` documents from 2000 to 2024, a fifth of them meetings (`plan`,
  `meetings`), the rest regulations (`regulations`): bureaucratic Russian with real inflections
  (`grammar`, `vocabulary`, `phrases`), articles, sections and chapters, relations that point
  back in time only, references to anchors that exist, citations of documents outside the
  corpus (`forms`), amendments (`versions`);
- with `versions` (the default, as real content has them), `<year>/<id>.<from>.md`: the
  earlier texts of every amended regulation, one per consolidated amendment, at most three.
  `versions=False` writes the same documents without them (and without `version:`), for
  `benchmarks/versions.py` to measure what they cost.

Ids and their transliteration are regpub's own (`rules`). The same size and seed give the
same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

from .meetings import Meeting
from .plan import Plan
from .registries import Registries, build_orgs, build_people, org_items, person_items
from .regulations import Regulation
from .rules import Ids
from .versions import editions
from .writer import Writer

__all__ = ["make_corpus"]


def make_corpus(size: int, folder: Path | str, seed: int = 1, versions: bool = True) -> None:
    """Write a content root of `size` documents into `folder`, which must be empty or absent."""
    if size < 1:
        raise ValueError("the corpus needs at least one document")
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(f"{folder} exists and is not an empty folder")
    folder.mkdir(parents=True, exist_ok=True)
    ids = Ids()
    rng = random.Random(f"{seed}:registries")
    orgs = build_orgs(max(5, round(size / 50)), rng, ids)
    registries = Registries(orgs, build_people(max(10, round(size / 5)), orgs, rng, ids))
    plan = Plan(size, seed, registries, ids)
    writer = Writer(folder)
    for doc in plan.docs:
        if doc.is_regulation:
            _write_regulation(writer, Regulation(doc, plan, seed), versions)
        else:
            meeting = Meeting(doc, plan, seed)
            writer.document(doc.date.year, meeting.front(), meeting.body())
    writer.registry("organizations.yml", org_items(registries.orgs))
    writer.registry("people.yml", person_items(registries.people))


def _write_regulation(writer: Writer, regulation: Regulation, versions: bool) -> None:
    """The document file with its current text, and its earlier texts beside it."""
    doc, front, original = regulation.doc, regulation.front(), regulation.body()
    if original is None:
        writer.document(doc.date.year, front, None)
        return
    texts = editions(doc, original)
    if versions and len(texts) > 1:
        front["version"] = texts[-1][0]
        for version, body in texts[:-1]:
            name = f"{doc.id}.{version['from'].isoformat()}"
            writer.document(doc.date.year, {"version_of": doc.id, "version": version}, body.render(), name)
    writer.document(doc.date.year, front, texts[-1][1].render())
