"""The key of each text's Akoma Ntoso XML: what it is made from besides its page.

What an XML file says of the corpus (the records around its text, their titles, dates and
statuses, what its record did to the texts it amended, what it says of the day) is either what
making it read, as the last build recorded, or, made anew, everything it may show."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date
from typing import cast

from generator.core.editions import shown_on
from generator.core.store import installed_version, regpub_files
from generator.formats.akn import modifications
from generator.formats.files import SiteRenderer
from generator.mkdocs.known import Known
from generator.site.plan import SitePlan

# Part of every XML file's key: change it when what the key covers changes.
AKN_FORMAT = "regpub-akn-1"


class XmlKeys:
    """The key of each text's XML, given its page's key: the last build's when the page's key is
    the one it was made from then and what the XML read of the corpus is the same (`Known`),
    else made from everything it may show."""

    def __init__(
        self, renderer: SiteRenderer, plan: SitePlan, site_url: str | None, as_of: date, *,
        known: Known, pages: Mapping[str, str],
    ) -> None:  # fmt: skip
        self.renderer, self.plan, self.site_url, self.as_of = renderer, plan, site_url, as_of
        self.known = known
        self.pages = pages  # an XML file's path → its page's
        self._around: dict[str, str] = {}
        versions = [AKN_FORMAT, regpub_files(), installed_version("lxml")]
        self._settings = "\n".join([*versions, renderer.country, site_url or ""])

    def __call__(self, page: str, path: str) -> str:
        previous = self.known.previous
        if previous is not None:
            before, made = previous.made.get(self.pages[path]), previous.made.get(path)
            if before is not None and made is not None and before.key == page and self.known.same(path):
                return made.key
        return xml_key(self._inputs(path), page, path)

    def _inputs(self, path: str) -> str:
        text = self.plan.by_path[path]
        id_ = cast(str, text.record)
        if id_ not in self._around:
            corpus = self.renderer.corpus
            self._around[id_] = "\n".join(
                [
                    corpus.facts_around(id_),
                    repr(modifications.active(corpus, id_)),
                    repr(shown_on(corpus, id_, self.as_of)),
                ]
            )
        return f"{self._settings}\n{self._around[id_]}"


def xml_key(inputs: str, page: str, path: str) -> str:
    """The key of the XML file at `path`, made from the page whose key is `page`."""
    return hashlib.sha256(f"{inputs}\n{page}\n{path}".encode()).hexdigest()
