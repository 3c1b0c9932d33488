"""Which texts a document has: the one rule the plan, the pages, the DOCX, the PDF and the XML
follow (README: "Versions").

Every document has at least one text, its current one. A regulation may also have earlier texts
(files with `version_of`), and its current text may say which amendment made it (`version`).
Such a regulation has a history: its page lists its texts, each earlier text gets a page, a
DOCX and a PDF, each later text a "what changed" page and a redline. The XML is written for
every text, history or not.
"""

from __future__ import annotations

from datetime import date

from generator.core.corpus import Corpus, Edition, Entry


def editions(corpus: Corpus, entry: Entry, as_of: date) -> list[Edition]:
    """Every text of a document, oldest first: a regulation's texts, another document's one."""
    regulation = corpus.regulation(entry.id)
    if regulation is not None:
        return corpus.editions(regulation, as_of)
    document = corpus.document(entry.id)
    assert document is not None, f"{entry.id} is not a document"
    return [Edition(document.date, None, None, entry.body, current=True, in_force=False)]


def history(corpus: Corpus, entry: Entry, as_of: date) -> list[Edition]:
    """The texts a reader chooses between, oldest first; none when the document never had
    another text and does not say which amendment made its current one."""
    regulation = corpus.regulation(entry.id)
    if regulation is None:
        return []
    texts = corpus.editions(regulation, as_of)
    if len(texts) < 2 and regulation.version is None:
        return []
    return texts
