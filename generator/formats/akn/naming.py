"""An act's eIds as the Akoma Ntoso Naming Convention writes them (`chp_1__art_3`,
`art_3__para_2`), from the anchors the site gives the same parts (`article-3`, README: "Body
conventions"): the XML's eIds follow the convention AKN tools expect, the page keeps its anchors,
and a link to `id#article-3` reaches the element it names in either.
"""

from __future__ import annotations

import weakref

from generator.core.body import Body

_ABBREVIATIONS = {"article": "art", "section": "sec", "chapter": "chp"}


def part_eid(anchor: str) -> str:
    """An article's, section's or chapter's own part of its eId.

    >>> part_eid("article-3"), part_eid("section-1"), part_eid("article-1.2")
    ('art_3', 'sec_1', 'art_1-2')
    """
    kind, _, number = anchor.partition("-")
    return f"{_ABBREVIATIONS.get(kind, kind)}_{number.replace('.', '-')}"


_KNOWN: weakref.WeakKeyDictionary[Body, dict[str, str]] = weakref.WeakKeyDictionary()


def eids(body: Body) -> dict[str, str]:
    """Each article's, section's and chapter's eId in the act, by its page anchor: its own part
    after those of the numbered parts around it (a heading without a number adds nothing).

    >>> from generator.core.body import scan_body
    >>> text = "## Глава 1. Общие\\n\\n### Статья 3. Цели\\n\\n## Приложение\\n\\n### Статья 4. Срок\\n"
    >>> eids(scan_body(text, 1))
    {'chapter-1': 'chp_1', 'article-3': 'chp_1__art_3', 'article-4': 'art_4'}
    """
    known = _KNOWN.get(body)
    if known is None:
        known = _KNOWN[body] = {}
        anchors = body.heading_anchors()
        around: list[tuple[int, str]] = []  # (heading level, eId) of the parts this one is in
        for offset, level in sorted(body.headings.items()):
            while around and around[-1][0] >= level:
                around.pop()
            if (anchor := anchors.get(offset)) is None:
                continue
            eid = "__".join([*(outer for _, outer in around), part_eid(anchor)])
            known.setdefault(anchor, eid)
            around.append((level, eid))
    return known
