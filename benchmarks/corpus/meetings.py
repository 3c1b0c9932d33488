"""A meeting's front matter and record: who was present (chairs, secretary, attendees), an
agenda of one to four items whose speakers are people present, their decisions (half of them
voted: counted, unanimous or by roll call; assignments with an organization and sometimes a
person responsible, a deadline, and for some of them the day and report of their execution),
the documents adopted under them, and an account of the meeting that links people and
documents."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .dates import ru_date
from .forms import citation_sentence
from .grammar import ACC, DAT, GEN, GN_INDEX, NOM, PREP, counted, low, past, pp
from .model import Doc
from .names import CITIES
from .phrases import Lang
from .plan import Plan
from .registries import Person
from .titles import agenda_title
from .vocabulary import OWNERS, PARTICIPLES, TAGS, VERBS

AGENDA_ITEMS = (1, 4)
VOTED = 0.5  # the share of decisions with a vote
DONE = 0.5  # the share of assignments carried out, a third of them late
OUTSIDE_CITATIONS = 0.6  # the chance a record cites a document outside the corpus


class Meeting:
    """Writes one planned meeting with its own random generator."""

    def __init__(self, doc: Doc, plan: Plan, seed: int) -> None:
        self.doc = doc
        self.plan = plan
        self.rng = random.Random(f"{seed}:{doc.id}")
        self.lang = Lang(self.rng)
        self.place = self.rng.choice(CITIES) if self.rng.random() < 0.6 else None
        self.chairs: list[Person] = []
        self.secretary: Person | None = None
        self.attendees: list[Person] = []
        self._choose_people()

    @property
    def present(self) -> list[Person]:
        return [*self.chairs, *([self.secretary] if self.secretary else []), *self.attendees]

    def _choose_people(self) -> None:
        """The organizers' heads chair; a secretary and attendees, most from the organizers."""
        r, registries = self.rng, self.plan.registries
        used: set[str] = set()
        for org in self.doc.issuers:
            head = registries.head(org)
            if head.id not in used:
                self.chairs.append(head)
                used.add(head.id)
        if len(self.chairs) == 1 and r.random() < 0.15:
            co_chair = r.choice(registries.people)
            if co_chair.id not in used:
                self.chairs.append(co_chair)
                used.add(co_chair.id)
        own = [p for org in self.doc.issuers for p in registries.members[org.id] if p.id not in used]
        if r.random() < 0.7:
            self.secretary = r.choice(own or [p for p in registries.people if p.id not in used])
            used.add(self.secretary.id)
        wanted = min(r.randint(3, 12), len(registries.people) - len(used))
        while len(self.attendees) < wanted:
            person = r.choice(own) if own and r.random() < 0.5 else r.choice(registries.people)
            if person.id not in used:
                used.add(person.id)
                self.attendees.append(person)

    def front(self) -> dict[str, Any]:
        r, doc = self.rng, self.doc
        front: dict[str, Any] = {"id": doc.id, "type": "meeting", "title": doc.title, "date": doc.date}
        front["summary"] = self._summary()
        front["tags"] = r.sample(TAGS, r.randint(1, 3))
        if self.place:
            front["place"] = "г. " + self.place[0]
        front["organizers"] = [org.id for org in doc.issuers]
        front["chairs"] = [p.id for p in self.chairs]
        if self.secretary:
            front["secretary"] = self.secretary.id
        front["attendees"] = [p.id for p in self.attendees]
        front["agenda"] = self._agenda()
        if doc.related:
            front["related"] = [d.id for d in doc.related]
        return front

    def _agenda(self) -> list[dict[str, Any]]:
        r = self.rng
        count = r.randint(*AGENDA_ITEMS)
        adopted: list[list[Doc]] = [[] for _ in range(count)]
        for i, d in enumerate(self.doc.adopted):
            adopted[min(i, count - 1)].append(d)
        items = []
        for docs in adopted:
            item: dict[str, Any] = {"title": agenda_title(self.lang, docs[0] if docs else None)}
            speakers = r.sample(self.present, min(len(self.present), r.randint(1, 3)))
            item["speakers"] = [{"person": p.id, "summary": self._speech(p)} for p in speakers]
            item["decisions"] = [self._decision(docs) for _ in range(r.randint(1, 3))]
            if docs:
                item["documents"] = [d.id for d in docs]
            items.append(item)
        return items

    def _speech(self, person: Person) -> str:
        r, lang, gn = self.rng, self.lang, person.gn
        k = r.randrange(4)
        if k == 0:
            return f"{past('Доложи', gn)} {pp('о', lang.topic(PREP))}."
        if k == 1:
            return f"{past('Предложи', gn)} {r.choice(VERBS)[3]} {lang.topic(ACC)}."
        if k == 2:
            return f"{past('Отмети', gn)} необходимость {lang.topic(GEN)}."
        return f"{past('Проинформирова', gn)} участников {pp('о', 'результатах ' + lang.topic(GEN))}."

    def _decision(self, adopted: list[Doc]) -> str | dict[str, Any]:
        r, lang = self.rng, self.lang
        k = r.randrange(4)
        if adopted and k == 0:
            d = adopted[0]
            text = f"Утвердить {low(d.printed_form.noun.form(ACC))} {d.rest}."
        elif k == 1:
            text = f"Принять к сведению информацию {pp('о', lang.topic(PREP))}."
        elif k == 2:
            return self._assignment()
        else:
            text = f"Рекомендовать {lang.subject()(DAT)} {r.choice(VERBS)[3]} {lang.topic(ACC)}."
        return {"text": text, "vote": self._vote()} if r.random() < VOTED else text

    def _assignment(self) -> dict[str, Any]:
        """«Поручить …»: who, by when, and maybe when it was done and what reports it."""
        r, lang = self.rng, self.lang
        due = self.doc.date + dt.timedelta(days=r.randint(20, 200))
        org = r.choice(self.plan.registries.orgs)
        decision: dict[str, Any] = {
            "text": f"Поручить {org.case(DAT)} {r.choice(VERBS)[3]} {lang.topic(ACC)}."
        }
        decision["vote"] = self._vote()
        decision["assignees"] = [org.id] + ([r.choice(self.present).id] if r.random() < 0.3 else [])
        decision["due"] = due
        if r.random() < DONE:
            done: dict[str, Any] = {
                "on": due + dt.timedelta(days=r.randint(-15, 0) if r.random() < 0.67 else r.randint(1, 30))
            }
            done["on"] = max(done["on"], self.doc.date)
            if r.random() < 0.4:
                done["report"] = r.choice(self.plan.docs).id
            decision["done"] = done
        return decision

    def _vote(self) -> str | dict[str, Any]:
        """Counted (most), unanimous, or by roll call; always adopted, by more «за» than «против»."""
        r, present = self.rng, self.present
        k = r.random()
        if k < 0.2:
            return "unanimous"
        if k < 0.3 and len(present) >= 3:
            voters = r.sample(present, len(present))
            against = voters[: r.randint(0, (len(voters) - 1) // 2)]
            rest = voters[len(against) :]
            abstained = rest[: r.randint(0, max(0, len(rest) - len(against) - 1))]
            yes = rest[len(abstained) :]
            return {
                option: [p.id for p in people]
                for option, people in (("for", yes), ("against", against), ("abstained", abstained))
            }
        no, neither = r.randint(0, (len(present) - 1) // 3), r.randint(0, (len(present) - 1) // 3)
        return {"for": len(present) - no - neither, "against": no, "abstained": neither}

    def _summary(self) -> str:
        text = f"Рассмотрены вопросы {self.lang.topic(GEN)}"
        if self.doc.adopted:
            one = len(self.doc.adopted) == 1
            text += "; подписан документ" if one else "; подписаны документы"
        return text + "."

    def body(self) -> str:
        r, lang, doc = self.rng, self.lang, self.doc
        organizers = " и ".join(org.case(GEN) for org in doc.issuers)
        where = f" в г. {self.place[1]}" if self.place else ""
        chair = self.chairs[0]
        count = len(self.present)
        people = counted(count, "человек", "человека", "человек")
        paragraphs = [
            f"{ru_date(doc.date)}{where} состоялось {doc.event} {organizers}. "
            f"{past('Председательствова', chair.gn)} [[{chair.id}]].",
            f"В работе приняли участие {count} {people}, в том числе "
            f"представители {r.choice(OWNERS[:6])}. {lang.account()}",
        ]
        outside = self.plan.outside_before(doc.date, r) if r.random() < OUTSIDE_CITATIONS else None
        if outside is not None:
            paragraphs.append(f"{citation_sentence(lang, outside)} {lang.account()}")
        for person in r.sample(self.present, min(count, r.randint(0, 3))):
            subj, verb = lang.subject(), r.choice(VERBS)
            paragraphs.append(
                f"С докладом {pp('о', lang.topic(PREP))} {past('выступи', person.gn)} [[{person.id}]]. "
                f"{'Она' if person.female else 'Он'} {past('отмети', person.gn)}, что {low(subj(NOM))} "
                f"{past(verb[2], subj.gn)} {lang.topic(ACC)}."
            )
        paragraphs.append(self._outcome())
        return "\n\n".join(p for p in paragraphs if p) + "\n"

    def _outcome(self) -> str:
        """What the meeting signed, discussed or charged someone with."""
        r, lang, doc = self.rng, self.lang, self.doc
        event = "совещания" if doc.event == "рабочее совещание" else "заседания"
        if doc.adopted:
            links = " и ".join(f"[[{d.id}]]" for d in doc.adopted[:3])
            gn = "p" if len(doc.adopted) > 1 else doc.adopted[0].printed_form.noun.gender
            return f"По итогам {event} {PARTICIPLES[2][GN_INDEX[gn]]} {links}."
        found = self.plan.earlier(self.plan.regs, doc.index, 1)
        if found and r.random() < 0.5:
            return f"Участники обсудили ход выполнения [[{found[0].id}]]. {lang.account()}"
        if r.random() < 0.6:
            chair = self.chairs[0]
            role = "председательствующая" if chair.female else "председательствующий"
            deadline = ru_date(doc.date + dt.timedelta(days=r.randint(20, 200)))
            charged = r.choice(doc.issuers).case(DAT)
            return (
                f"По итогам обсуждения {role} [[{chair.id}]] {past('поручи', chair.gn)} "
                f"{charged} {r.choice(VERBS)[3]} {lang.topic(ACC)} в срок до {deadline}"
            )
        return ""
