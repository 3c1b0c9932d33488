"""Corpus checks: references, anchors, cycles, earlier texts, citations, and each record
type's own checks (`generator.doctypes`).

They need every record first, so they run after loading (where `generator.core.fields` checked
each record's fields), over the whole corpus, and add to the same report.
"""

from __future__ import annotations

from datetime import date

from generator.core.citations import cite
from generator.core.corpus import Corpus, Entry, Link, VersionText
from generator.core.diagnostics import Location, Report
from generator.core.editions import text_date, text_of_day
from generator.core.fields import did_you_mean, label
from generator.core.model import Kind, Regulation, Relation
from generator.doctypes import REGISTRY

_NOT_TO_ITSELF = frozenset({Relation.SUPERSEDES, Relation.AMENDS, Relation.BASED_ON})


def check_corpus(corpus: Corpus, as_of: date, report: Report) -> None:
    """Every check that needs more than one record, plus the per-record rules of docs/diagnostics.md."""
    for later, first in corpus.duplicates:
        where = first.locate(("id",))
        report.add(
            "duplicate-id",
            later.locate(("id",)),
            f"duplicate id '{later.id}': already used at {where.path}:{where.line}",
        )
    for link in corpus.links:
        _check_link(corpus, link, report)
    for relation in (Relation.SUPERSEDES, Relation.AMENDS, Relation.PARENT):
        _check_cycles(corpus, relation, report)
    for entry in corpus.entries:
        if entry.complete:
            _check_entry(corpus, entry, as_of, report)
    check_versions(corpus, as_of, report)
    _note_unmatched_citations(corpus, report)


def _link_location(corpus: Corpus, link: Link) -> Location:
    entry = corpus.by_id[link.origin]
    if link.relation is Relation.REFERENCES:
        return Location(entry.path, link.line, link.column)
    return entry.locate(link.key)


def _check_link(
    corpus: Corpus, link: Link, report: Report, where: Location | None = None, start: date | None = None
) -> None:
    """A relation or reference `link` (from the text of its origin that applies from `start`,
    default the current one), reported at `where` (default: where its source says it)."""
    where = where or _link_location(corpus, link)
    field = "the body" if link.relation is Relation.REFERENCES else label(link.key)
    target = corpus.get(link.target)
    allowed = link.relation.targets
    if target is None:
        nouns = sorted(REGISTRY[kind].noun.split()[-1] for kind in allowed)
        noun = " or ".join(nouns) if len(nouns) <= 2 else "id"
        # A document may point into itself ([[own-id#article-2]]) but never supersede itself.
        itself = link.origin if link.relation in _NOT_TO_ITSELF else None
        hint = did_you_mean(link.target, [id_ for id_ in corpus.ids_of(allowed) if id_ != itself])
        report.add("unknown-ref", where, f"unknown {noun} '{link.target}' in {field}{hint}")
        return
    if link.target == link.origin and link.relation in _NOT_TO_ITSELF:
        report.add("self-reference", where, f"a document cannot list itself in {field}")
        return
    if target.kind is not None and target.kind not in allowed:
        expected = " or ".join(sorted(REGISTRY[kind].noun for kind in allowed))
        message = f"'{link.target}' in {field} is {REGISTRY[target.kind].noun}; expected {expected}"
        report.add("wrong-ref-kind", where, message)
        return
    if link.anchor is not None:
        _check_anchor(target, link, where, report)
        if (
            link.relation is Relation.REFERENCES
            and (day := text_date(corpus, link.origin, start)) is not None
        ):
            _check_anchor_then(corpus, link, day, where, report)


def _check_anchor_then(corpus: Corpus, link: Link, day: date, where: Location, report: Report) -> None:
    """A reference made on `day` also links to the text of its target of that day (README:
    "Versions"), at the same anchor: warn when that text has none."""
    then = text_of_day(corpus, link.target, day)
    if then is None or then.body is None or link.anchor in then.body.anchors:
        return
    message = (
        f"'{link.target}' had no anchor '#{link.anchor}' in its text of {day.isoformat()} "
        f"(from {then.start.isoformat()}), which this text refers to"
    )
    report.add("anchor-missing-then", where, message)


def _check_anchor(target: Entry, link: Link, where: Location, report: Report) -> None:
    anchors = target.body.anchors if target.body else {}
    if link.anchor in anchors:
        return
    if not anchors:
        report.add("unknown-anchor", where, f"'{link.target}' has no anchors; remove '#{link.anchor}'")
        return
    hint = did_you_mean(f"#{link.anchor}", [f"#{anchor}" for anchor in anchors])
    report.add("unknown-anchor", where, f"'{link.target}' has no anchor '#{link.anchor}'{hint}")


def _check_cycles(corpus: Corpus, relation: Relation, report: Report) -> None:
    graph: dict[str, list[str]] = {}
    for link in corpus.links:
        if link.relation is relation and link.target in corpus.by_id and link.target != link.origin:
            graph.setdefault(link.origin, []).append(link.target)
    for link in corpus.links:
        if link.relation is relation and link.target == link.origin and relation is Relation.PARENT:
            where = _link_location(corpus, link)
            report.add("cycle", where, f"parent cycle: {link.origin} → {link.origin}")
    for component in _strong_components(graph):
        start = min(component)
        path = _cycle_through(start, graph, component)
        first_link = next(link for link in corpus.outgoing(start, relation) if link.target == path[1])
        chain = " → ".join(path)
        report.add("cycle", _link_location(corpus, first_link), f"{relation.value} cycle: {chain}")


def _strong_components(graph: dict[str, list[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative: components of two or more nodes are cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            successors = graph.get(node, [])
            if child < len(successors):
                work.append((node, child + 1))
                nxt = successors[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def _cycle_through(start: str, graph: dict[str, list[str]], component: set[str]) -> list[str]:
    """The shortest path start → … → start inside one strongly connected component."""
    previous: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for nxt in graph.get(node, []):
            if nxt not in component:
                continue
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return [start, start]  # unreachable for a real component


def _check_entry(corpus: Corpus, entry: Entry, as_of: date, report: Report) -> None:
    record, document = entry.record, corpus.document(entry.id)
    if document is not None and document.date > as_of:
        message = f"date {document.date} is in the future (after the as-of date {as_of})"
        report.add("future-date", entry.locate(("date",)), message)
    check = REGISTRY[entry.kind].check if entry.kind else None
    if record is not None and check is not None:
        check(corpus, entry, record, as_of, report)


# Versions (README: "Versions")


def check_versions(corpus: Corpus, as_of: date, report: Report) -> None:
    """Earlier texts point at a regulation; dates are distinct and ordered; `by` amends it."""
    for text in corpus.version_texts:
        if text.record is not None:
            _check_version_file(corpus, text, report)
    for regulation in corpus.records(Regulation):
        _check_version_dates(corpus, regulation, report)
    _note_outstanding_changes(corpus, as_of, report)


def _check_version_file(corpus: Corpus, text: VersionText, report: Report) -> None:
    assert text.record is not None
    target = corpus.get(text.record.version_of)
    where = text.locate(("version_of",))
    if target is None:
        hint = did_you_mean(text.record.version_of, corpus.ids_of(frozenset({Kind.REGULATION})))
        report.add("unknown-ref", where, f"unknown regulation '{text.record.version_of}' in version_of{hint}")
    elif target.kind is None or not REGISTRY[target.kind].editions:
        message = f"'{target.id}' in version_of is {REGISTRY[target.kind].noun if target.kind else 'invalid'}"
        report.add("wrong-ref-kind", where, f"{message}; expected a regulation")
    # An earlier text's references get the checks of the current text's: target, kind, anchor.
    for ref in text.body.references:
        origin = text.record.version_of
        link = Link(origin, Relation.REFERENCES, ref.target, (), ref.line, ref.column, ref.anchor)
        _check_link(
            corpus, link, report, Location(text.path, ref.line, ref.column), text.record.version.from_
        )


def _check_version_dates(corpus: Corpus, regulation: Regulation, report: Report) -> None:
    entry = corpus.by_id[regulation.id]
    earlier = [text for text in corpus.earlier(regulation.id) if text.complete]
    if regulation.version is None:
        if earlier:
            message = "earlier texts exist, so the current text needs `version: {from: DATE, by: ID}`"
            report.add("version-order", entry.locate(("id",), at_key=True), message)
        return
    current = regulation.version
    seen: dict[date, Location] = {}
    for text in earlier:
        assert text.record is not None
        version = text.record.version
        where = text.locate(("version", "from"))
        if version.from_ in seen:
            first = seen[version.from_]
            message = (
                f"another text of '{regulation.id}' also applies from {version.from_} "
                f"({first.path}:{first.line})"
            )
            report.add("version-date", where, message)
        seen.setdefault(version.from_, where)
        if version.from_ >= current.from_:
            message = (
                f"this text applies from {version.from_}, not before the current text's {current.from_}; "
                "the document file must hold the latest text"
            )
            report.add("version-order", where, message)
        if version.by is not None:
            where = text.locate(("version", "by"))
            if version.by not in corpus.by_id:
                hint = did_you_mean(version.by, corpus.ids_of(frozenset({Kind.REGULATION})))
                report.add("unknown-ref", where, f"unknown regulation '{version.by}' in version.by{hint}")
            _check_amends(corpus, regulation, version.by, where, report)
    # An unknown `by` in the document file itself is reported with its other references.
    _check_amends(corpus, regulation, current.by, entry.locate(("version", "by")), report)


def _check_amends(corpus: Corpus, regulation: Regulation, by: str, where: Location, report: Report) -> None:
    amending = corpus.regulation(by)
    if amending is None:
        return
    if regulation.id not in amending.amends:
        message = f"'{by}' does not amend '{regulation.id}'; add '{regulation.id}' to its amends"
        report.add("version-by", where, message)


def _note_outstanding_changes(corpus: Corpus, as_of: date, report: Report) -> None:
    for regulation in corpus.records(Regulation):
        for amending_id in corpus.outstanding_amendments(regulation, as_of):
            entry, amending = corpus.by_id[amending_id], corpus.regulation(amending_id)
            assert amending is not None  # outstanding amendments are regulations
            for index, target in enumerate(amending.amends):
                if target == regulation.id:
                    message = (
                        f"the text of '{regulation.id}' does not include this change yet: "
                        f"regpub new version {regulation.id} --by {amending_id} --from DATE"
                    )
                    report.add("outstanding-change", entry.locate(("amends", index)), message)


def _note_unmatched_citations(corpus: Corpus, report: Report) -> None:
    """Citations that look like one (form + №) but name no single document: a note each, in
    current and earlier texts alike."""
    texts = [(entry.path, entry.id, entry.body) for entry in corpus.entries]
    texts += [(text.path, text.record.version_of, text.body) for text in corpus.version_texts if text.record]
    for path, self_id, body in texts:
        if body is None or "№" not in body.text:
            continue
        for offset, citation in cite(corpus, body, self_id).found:
            if citation.target is not None:
                continue
            where = Location(path, body.first_line + offset, citation.start + 1)
            if citation.candidates > 1:
                message = (
                    f"'{citation.text}' matches {citation.candidates} documents; add the date to link it"
                )
            else:
                message = f"'{citation.text}' matches no document in the corpus, so it is not linked"
            report.add("unmatched-citation", where, message)
