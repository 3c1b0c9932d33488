"""Amendments and the texts they make (README: "Versions").

An amending regulation (`amends: [TARGET]`) makes one to three changes to its target: words
replaced in a paragraph, a paragraph restated, or an article added after another. Its first
article says so («Внести в … следующие изменения: …»), and the target's text reads as it did
before the change and, once the change is consolidated, as it did after.

Each target consolidates its amendments in order, at most three: one earlier text per
consolidated amendment, as `regpub new version` keeps them (a file `<id>.<from>.md` beside the
document with `version_of` and `version: {from, by}`, `by` absent for the original), and the
document file holds the latest text with `version: {from, by}`. A text applies from its
amendment's `effective.from` (else its date), a day after the previous text at the earliest.
Amendments after the third, and the latest one of about a fifth of the targets, are left out
of every text: `regpub check` notes them as outstanding changes.
"""

from __future__ import annotations

import random
from typing import Any

from .body import Body, with_changes
from .dates import DAY
from .grammar import ACC, NOM, Noun, cap
from .model import Amendment, Change, Doc
from .phrases import Lang
from .titles import first_words

CONSOLIDATED_AT_MOST = 3
LEFT_OUT = 0.2  # the share of targets whose latest amendment no text includes yet


def plan_changes(lang: Lang, target: Doc, extended: set[int]) -> list[Change]:
    """One to three changes to `target`; `extended` holds the articles already given an
    article after them (one each, so that `<k>.1` stays unique)."""
    r = lang.rng
    form = target.printed_form.noun
    changes = []
    for _ in range(r.choice((1, 1, 2, 2, 3))):
        article = r.randint(1, target.articles - 1)  # the last article keeps its final clause
        kind = r.choices(("words", "paragraph", "article"), (5, 3, 2))[0]
        if kind == "article" and article in extended:
            kind = "words"
        changes.append(_change(lang, kind, article, form))
        if kind == "article":
            extended.add(article)
    return changes


def _change(lang: Lang, kind: str, article: int, form: Noun) -> Change:
    if kind == "words":
        old = lang.topic(ACC)
        new = lang.topic(ACC)
        while new == old:
            new = lang.topic(ACC)
        frame = lang.carrier("\0")
        return Change(kind, article, old, new, frame.replace("\0", old), frame.replace("\0", new))
    if kind == "paragraph":
        before = lang.paragraph(form)
        return Change(kind, article, first_words(before), "", before, lang.paragraph(form))
    paragraphs = [lang.paragraph(form) for _ in range(lang.rng.randint(1, 3))]
    return Change(kind, article, "", cap(lang.topic(NOM)), "", "\n\n".join(paragraphs))


def consolidate(target: Doc, rng: random.Random) -> None:
    """Decide which amendments of `target` made a text of it, and from when each applies."""
    count = min(CONSOLIDATED_AT_MOST, len(target.amended_by))
    if rng.random() < LEFT_OUT:
        count -= 1
    previous = target.start
    for amendment in target.amended_by[:count]:
        previous = max(amendment.by.start, previous + DAY)
        amendment.start = previous


def editions(doc: Doc, original: Body) -> list[tuple[dict[str, Any], Body]]:
    """Every text of `doc` with its `version` field, oldest first: the last is the current one."""
    texts: list[tuple[dict[str, Any], Body]] = [({"from": doc.start}, original)]
    body = original
    for amendment in doc.consolidated:
        body = with_changes(body, amendment.changes)
        texts.append(({"from": amendment.start, "by": amendment.by.id}, body))
    return texts


def amendment_text(amendment: Amendment, named: str) -> str:
    """The amending document's words: «Внести в <named> следующие изменения: 1. …»."""
    target = amendment.target.id
    items = []
    for number, change in enumerate(amendment.changes, 1):
        where = f"[[{target}#article-{change.article}|статье {change.article}]]"
        if change.kind == "words":
            items.append(f"{number}. В {where} слова «{change.old}» заменить словами «{change.new}».")
        elif change.kind == "paragraph":
            quoted = _indented(f"«{change.after}».")
            items.append(
                f"{number}. В {where} абзац, начинающийся словами «{change.old}», изложить в следующей "
                f"редакции:\n\n{quoted}"
            )
        else:
            heading = f"Статья {change.article}.1. {change.new}"
            quoted = _indented(f"«{heading}\n\n{change.after}».")
            items.append(f"{number}. Дополнить статьёй {change.article}.1 следующего содержания:\n\n{quoted}")
    loose = any("\n\n" in item for item in items)  # an item with paragraphs: a blank line between items
    return f"Внести в {named} следующие изменения:\n\n" + ("\n\n" if loose else "\n").join(items)


def _indented(text: str) -> str:
    """Paragraphs inside a numbered list item."""
    return "\n\n".join("   " + paragraph for paragraph in text.split("\n\n"))
