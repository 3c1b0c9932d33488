"""The package's own rules the corpus must follow: the id rule and the transliteration.

This is the one module that imports them from regpub (`generator`): when they move inside the
package, only the imports below change. Every other module of the generator imports them
from here.
"""

from __future__ import annotations

import re

from generator.core.values import ID_MAX_LENGTH, ID_PATTERN
from generator.site.indexes import slug

__all__ = ["ID_MAX_LENGTH", "ID_PATTERN", "Ids", "make_id", "slug"]

_ID = re.compile(ID_PATTERN)


def make_id(text: str, limit: int = ID_MAX_LENGTH - 8) -> str:
    """An id from Russian (or Latin) words, transliterated as regpub does, cut at a hyphen.

    The limit leaves room for the `-2`, `-3`… that `Ids.claim` adds to a taken id.
    """
    base = slug(text)
    if len(base) > limit:
        base = base[:limit].rsplit("-", 1)[0]
    return base


class Ids:
    """Hands out ids that are unique across documents, people and organizations together."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, base: str) -> str:
        candidate, number = base, 2
        while candidate in self.used:
            candidate = f"{base}-{number}"
            number += 1
        if len(candidate) > ID_MAX_LENGTH or not _ID.match(candidate):
            raise ValueError(f"generated id {candidate!r} breaks regpub's id rule {ID_PATTERN}")
        self.used.add(candidate)
        return candidate
