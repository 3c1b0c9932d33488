"""The key of each text's Akoma Ntoso XML: what it is made from besides its page."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import cast

from mkdocs.config.defaults import MkDocsConfig

from generator.core.editions import shown_on
from generator.core.store import installed_version, regpub_files
from generator.formats.akn import modifications
from generator.formats.files import SiteRenderer
from generator.site.plan import SitePlan

# Part of every XML file's key: change it when what the key covers changes.
AKN_FORMAT = "regpub-akn-1"


def xml_inputs(renderer: SiteRenderer, plan: SitePlan, config: MkDocsConfig, as_of: date) -> dict[str, str]:
    """What each text's XML is made from besides its page, by its site path: the XML's own
    settings, what the corpus says of the records around the text's (the XML names other
    records, their titles, dates and statuses), and what it says that depends on the day
    (`shown_on`: not the day itself, so that a daily build remakes only what a day changed)."""
    settings = [
        AKN_FORMAT,
        regpub_files(),
        installed_version("lxml"),
        renderer.country,
        config.site_url or "",
    ]
    texts = plan.xml_by_md.values()
    corpus = renderer.corpus
    # What the corpus says around the text's record, what that record did to the texts it
    # amended (its activeModifications, read off their bodies), what it says of the day.
    around = {
        id_: "\n".join(
            [
                corpus.facts_around(id_),
                repr(modifications.active(corpus, id_)),
                repr(shown_on(corpus, id_, as_of)),
            ]
        )
        for id_ in {cast(str, t.record) for t in texts}
    }
    return {text.path: "\n".join([*settings, around[cast(str, text.record)]]) for text in texts}


def xml_key(inputs: dict[str, str], page: str, path: str) -> str:
    """The key of the XML file at `path`, made from the page whose key is `page`."""
    return hashlib.sha256(f"{inputs[path]}\n{page}\n{path}".encode()).hexdigest()
