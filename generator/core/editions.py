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


def text_date(corpus: Corpus, id_: str, start: date | None = None) -> date | None:
    """The day the text of the document `id_` that applies from `start` (default: its current
    text) speaks from, for the references it makes (README: "Versions"): an earlier text's
    `version.from`; the current text's `version.from` if an amendment made it, else the
    document's `date`."""
    document = corpus.document(id_)
    if document is None:
        return None
    regulation = corpus.regulation(id_)
    if regulation is not None and start is not None:
        current = next(text for text in corpus.editions(regulation, start) if text.current)
        if start != current.start:
            return start
    if regulation is not None and regulation.version is not None:
        return regulation.version.from_
    return document.date


def text_of_day(corpus: Corpus, id_: str, day: date) -> Edition | None:
    """The text of the regulation `id_` that applied on `day`, when that is not its current
    text (a reference made on `day` meant that text)."""
    regulation = corpus.regulation(id_)
    if regulation is None:
        return None
    applied = [text for text in corpus.editions(regulation, day) if text.start <= day]
    return applied[-1] if applied and not applied[-1].current else None


def shown_on(corpus: Corpus, id_: str, as_of: date) -> tuple[date, str]:
    """What a download of the document `id_` made on `as_of` says that depends on that day, and
    the last day on or before it on which that changed by the calendar alone: the regulation's
    status, which of its texts is in force, and which amendments in force its text lacks (README:
    "Computed status"). A download made on a later day with the same words is the same file."""
    document = corpus.document(id_)
    regulation = corpus.regulation(id_)
    if document is None or regulation is None:
        return (document.date if document else as_of), ""
    texts = corpus.editions(regulation, as_of)
    lacking = [corpus.regulation(other) for other in corpus.unapplied_amendments(regulation)]
    turns: list[date | None] = [text.start for text in texts]
    turns += [corpus.status_facts(record).since(as_of) for record in (regulation, *lacking) if record]
    day = max((turn for turn in turns if turn is not None and turn <= as_of), default=regulation.date)
    words = (
        corpus.status_note(regulation, as_of),
        [text.in_force for text in texts],
        corpus.outstanding_amendments(regulation, as_of),
    )
    return day, repr(words)
