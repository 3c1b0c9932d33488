"""The corpus planned before any text: every document's date, id, form, number, title and
relations, in chronological order, so that a relation or reference only ever points back in
time (no cycles) and every anchor it names exists.

Proportions (of the documents): a fifth are meetings; of the regulations, 3 % are drafts and
5 % external; 30 % are based on earlier ones, 8 % supersede one, about 10 % amend one (see
`versions`), 22 % were adopted at a meeting whose organizers issued them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Sequence
from operator import attrgetter

from .dates import DATE_MAX, working_day
from .forms import AMENDING_FORMS, FORM_WEIGHTS, FORMS, Numbers, Outside, outside_documents
from .model import Amendment, Doc
from .phrases import Lang
from .registries import Registries
from .rules import Ids, slug
from .titles import meeting_title, regulation_rest
from .versions import CONSOLIDATED_AT_MOST, consolidate, plan_changes

MEETINGS = 0.2
AMENDING = 0.22  # the chance a regulation of an amending form amends an earlier one
RECENT = 200  # half of the earlier documents a relation picks are among the last RECENT


class Plan:
    """Every document of the corpus, decided in chronological order."""

    def __init__(self, size: int, seed: int, registries: Registries, ids: Ids) -> None:
        self.rng = random.Random(f"{seed}:plan")
        self.lang = Lang(self.rng)
        self.registries = registries
        self.numbers = Numbers()
        self.outside = sorted(
            outside_documents(self.rng, 30 + size // 20, self.numbers), key=attrgetter("date")
        )
        self.outside_dates = [outside.date for outside in self.outside]
        self.docs = self._schedule(size, ids)
        self.regs: list[Doc] = []  # non-draft regulations so far
        self.anchored: list[Doc] = []  # of those, the ones with articles
        self.numbered: list[Doc] = []
        self.targets: list[Doc] = []  # what an amendment may change
        self.amended: list[Doc] = []  # the targets amended so far
        self.superseded: set[int] = set()
        self.meetings = [doc for doc in self.docs if not doc.is_regulation]
        self.meeting_dates = [doc.date for doc in self.meetings]
        self.extended: dict[int, set[int]] = {}  # a target's articles that got an article after them
        for doc in self.docs:
            if doc.is_regulation:
                self._regulation(doc)
            else:
                self._meeting(doc)
        for doc in self.docs:
            if doc.amended_by:
                consolidate(doc, self.rng)

    def _schedule(self, size: int, ids: Ids) -> list[Doc]:
        """Dates, kinds and ids: regulations `<form>-<year>-<n>`, meetings `zasedanie-…`."""
        r = self.rng
        meetings = round(size * MEETINGS)
        kinds = ["meeting"] * meetings + ["regulation"] * (size - meetings)
        dated = sorted(((working_day(r), r.random(), kind) for kind in kinds), key=lambda t: (t[0], t[1]))
        width = max(4, len(str(size)))
        docs = []
        for index, (day, _, kind) in enumerate(dated):
            doc = Doc(index, "", kind, day)
            if kind == "regulation":
                doc.form = r.choices(FORMS, FORM_WEIGHTS)[0]
                name = doc.form.name
            else:
                doc.event = "заседание" if r.random() < 0.75 else "рабочее совещание"
                name = doc.event.split()[-1]
                doc.issuers = self.registries.pick_orgs(r, 2 if r.random() < 0.25 else 1)
            doc.id = ids.claim(f"{slug(name)}-{day.year}-{index + 1:0{width}d}")
            docs.append(doc)
        return docs

    def earlier(self, pool: Sequence[Doc], before: int, count: int) -> list[Doc]:
        """Up to `count` distinct documents of `pool` earlier than document `before`."""
        end = bisect.bisect_left(pool, before, key=attrgetter("index"))
        if end == 0:
            return []
        picks: dict[int, Doc] = {}
        for _ in range(count * 2):
            start = max(0, end - RECENT) if self.rng.random() < 0.5 else 0
            doc = pool[self.rng.randrange(start, end)]
            picks.setdefault(doc.index, doc)
            if len(picks) >= count:
                break
        return sorted(picks.values(), key=attrgetter("index"))

    def outside_before(self, day: dt.date, rng: random.Random) -> Outside | None:
        """A document outside the corpus that a text of `day` can cite."""
        end = bisect.bisect_left(self.outside_dates, day)
        return self.outside[rng.randrange(end)] if end else None

    def _amendment_pool(self) -> list[Doc]:
        """Where an amendment finds its target: a regulation amended before (two times in
        five), else a numbered one (four times in five), else any."""
        again = [t for t in self.amended if len(t.amended_by) <= CONSOLIDATED_AT_MOST]
        if again and self.rng.random() < 0.4:
            return sorted(again, key=attrgetter("index"))
        return [t for t in self.targets if t.number] if self.rng.random() < 0.8 else self.targets

    def _regulation(self, doc: Doc) -> None:
        r = self.rng
        roll = r.random()
        doc.draft, doc.external = roll < 0.03, 0.03 <= roll < 0.08
        doc.topic = self.lang.pair()
        self._relations(doc)
        if doc.meeting is not None:
            doc.issuers = list(doc.meeting.issuers)
            doc.meeting.adopted.append(doc)
        else:
            doc.issuers = self.registries.pick_orgs(r, 2 if r.random() < 0.2 else 1)
        form = doc.printed_form
        if not doc.draft and r.random() < form.numbered:
            doc.number = self.numbers.corpus_number(r, form, doc.date.year)
        if not doc.draft and r.random() < 0.62:
            doc.effective = self._effective(doc.date)
        if not (doc.draft or doc.external) and r.random() < 0.06 and (DATE_MAX - doc.date).days > 60:
            doc.repealed_on = doc.date + dt.timedelta(days=r.randint(30, (DATE_MAX - doc.date).days))
        if not doc.external:
            doc.articles = r.randint(2, 4) if doc.amends else min(15, int(r.triangular(3, 16, 6)))
        doc.rest = regulation_rest(self.lang, doc)
        self._remember(doc)

    def _relations(self, doc: Doc) -> None:
        r, i = self.rng, doc.index
        if r.random() < 0.30:
            doc.based_on = self.earlier(self.regs, i, r.randint(1, 2))
        if doc.external:
            return
        if r.random() < 0.08:
            candidates = [d for d in self.earlier(self.anchored, i, 6) if d.index not in self.superseded]
            same = [d for d in candidates if d.form is doc.form]
            doc.supersedes = (same or candidates)[:1]
            self.superseded.update(d.index for d in doc.supersedes)
        if not doc.draft and doc.printed_form.name in AMENDING_FORMS and r.random() < AMENDING:
            self._amendment(doc)
        if r.random() < 0.10:
            doc.related = self.earlier(self.docs, i, r.randint(1, 2))
        if not doc.draft and r.random() < 0.22:
            doc.meeting = self._meeting_for(doc)

    def _amendment(self, doc: Doc) -> None:
        """`doc` amends an earlier regulation."""
        pool = self._amendment_pool()
        found = [
            t
            for t in self.earlier(pool, doc.index, 1)
            if t not in doc.supersedes and t.index not in self.superseded
        ]
        if not found:
            return
        target = found[0]
        changes = plan_changes(self.lang, target, self.extended.setdefault(target.index, set()))
        doc.amends = Amendment(doc, target, changes)
        if not target.amended_by:
            self.amended.append(target)
        target.amended_by.append(doc.amends)

    def _meeting_for(self, doc: Doc) -> Doc | None:
        """A meeting of the last four months before `doc`, where it was adopted."""
        end = bisect.bisect_right(self.meeting_dates, doc.date)
        candidates = [
            m
            for m in self.meetings[max(0, end - 4) : end]
            if m.index < doc.index and (doc.date - m.date).days <= 120
        ]
        return self.rng.choice(candidates) if candidates else None

    def _effective(self, day: dt.date) -> tuple[dt.date, dt.date | None]:
        r = self.rng
        start = min(day + dt.timedelta(days=r.choice((0, 0, 0, 1, 10, 30, 90))), DATE_MAX)
        end = dt.date(start.year + r.randint(0, 5), 12, 31) if r.random() < 0.5 else None
        return start, end if end is not None and end <= DATE_MAX else None

    def _remember(self, doc: Doc) -> None:
        """Add a planned regulation to the pools later documents pick from."""
        if doc.draft:
            return
        self.regs.append(doc)
        if doc.articles:
            self.anchored.append(doc)
            if doc.amends is None and doc.repealed_on is None and doc.articles >= 3:
                self.targets.append(doc)
        if doc.number:
            self.numbered.append(doc)

    def _meeting(self, doc: Doc) -> None:
        doc.rest = meeting_title(self.lang, doc)
        if self.rng.random() < 0.1:
            doc.related = self.earlier(self.docs, doc.index, 1)
