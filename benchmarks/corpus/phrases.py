"""Random bureaucratic Russian from the vocabulary: topics, normative sentences, accounts of a
meeting, lists and tables."""

from __future__ import annotations

import datetime as dt
import random

from .dates import ru_date
from .grammar import ACC, GEN, INS, NOM, NP, PREP, Noun, cap, low, past, pp
from .vocabulary import (
    ACTS,
    ACTS_R,
    DOC_VERBS,
    FREQUENCIES,
    MONTHS_GEN,
    NASTOYASHCHIY,
    OBESPECHENIE,
    OBJ_BY_CLASS,
    OWNERS,
    PASSIVES,
    REPORTS,
    SPHERES,
    SUBJECTS,
    VERBS,
)

Topic = tuple[Noun, NP]  # an activity and its object: координация | деятельности органов …


class Lang:
    """Phrases and sentences drawn with one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pair(self, avoid: Noun | None = None) -> Topic:
        """An activity and a fitting object: (координация, деятельности органов …)."""
        act, classes = self.rng.choice(ACTS)
        while act is avoid:
            act, classes = self.rng.choice(ACTS)
        return act, self.obj(self.rng.choice(classes))

    def obj(self, classes: str = "DASR", owner: bool = True) -> NP:
        r = self.rng
        spec = r.choice(OBJ_BY_CLASS[r.choice(classes)])
        plural = spec.numbers == "p" or (spec.numbers == "sp" and r.random() < 0.4)
        adjs = (r.choice(spec.adjs),) if spec.adjs and r.random() < 0.55 else ()
        tail = ""
        if "Q" in spec.cls:
            if r.random() < 0.35:
                act = r.choice(ACTS_R)[0]
                tail = f"{act.form(GEN)} {self.obj('R', owner=False)(GEN)}"
            else:
                tail = self.obj("SAD", owner=False)(GEN)
        elif owner and spec.takes_owner and r.random() < 0.35:
            tail = r.choice(OWNERS)
        return NP(adjs, spec.noun, plural, tail)

    def topic(self, case: int, pair: Topic | None = None, avoid: Noun | None = None) -> str:
        """«координации деятельности органов …» in the requested case."""
        act, obj = pair or self.pair(avoid)
        return f"{act.form(case)} {obj(GEN)}"

    def subject(self) -> NP:
        return self.rng.choice(SUBJECTS)

    def circumstance(self) -> str:
        r = self.rng
        k = r.randrange(9)
        if k == 0:
            return "в установленном порядке"
        if k == 1:
            return "в пределах своей компетенции"
        if k == 2:
            return "в сфере " + r.choice(SPHERES)
        if k == 3:
            return "с учётом " + self.topic(GEN)
        if k == 4:
            return "по согласованию " + pp("с", self.subject()(INS))
        if k == 5:
            return f"в срок до {r.randint(1, 28)} {r.choice(MONTHS_GEN)}"
        if k == 6:
            return "в соответствии " + pp("с", self.obj("D")(INS))
        if k == 7:
            return "в целях " + self.topic(GEN)
        return r.choice(FREQUENCIES)

    def sentence(self, form: Noun | None = None) -> str:
        """One normative sentence, capitalised, with a full stop; `form` names the document."""
        k = self.rng.randrange(11)
        text = self._action_clause(k) if k <= 5 else self._rule_clause(k, form)
        return cap(text) + "."

    def _action_clause(self, k: int) -> str:
        """Who does what: «комиссия обеспечивает координацию деятельности …»."""
        r = self.rng
        subj = self.subject()
        i = 1 if subj.plural else 0
        if k <= 2:
            text = f"{subj(NOM)} {r.choice(VERBS)[i]} {self.topic(ACC)}"
            return text + " " + self.circumstance() if r.random() < 0.6 else text
        if k == 3:
            text = f"{self.topic(NOM)} {r.choice(PASSIVES)[0]} {subj(INS)}"
            return text + " " + self.circumstance() if r.random() < 0.5 else text
        if k == 4:
            return f"в целях {self.topic(GEN)} {subj(NOM)} {r.choice(VERBS)[i]} {self.topic(ACC)}"
        v1, v2 = r.sample(VERBS, 2)
        return (
            f"{subj(NOM)} в пределах своей компетенции {v1[i]} {self.topic(ACC)} и {v2[i]} {self.topic(ACC)}"
        )

    def _rule_clause(self, k: int, form: Noun | None) -> str:
        """Control, reporting, financing and scope clauses."""
        r = self.rng
        if k == 6:
            return f"контроль за {self.topic(INS)} возлагается на {self.subject()(ACC)}"
        if k == 7:
            subj, dest = r.sample(SUBJECTS, 2)
            while dest.plural or dest is subj:
                dest = r.choice(SUBJECTS)
            verb = "представляют" if subj.plural else "представляет"
            return (
                f"{subj(NOM)} {r.choice(FREQUENCIES)} {verb} {r.choice(REPORTS)} "
                f"{pp('о', self.topic(PREP))} в {dest(ACC)}"
            )
        if k == 8:
            budget = r.choice(("областного бюджета", "местных бюджетов", "соответствующего бюджета"))
            limit = r.choice(("бюджетных ассигнований", "лимитов бюджетных обязательств"))
            return (
                f"финансовое обеспечение {self.topic(GEN, avoid=OBESPECHENIE)} "
                f"осуществляется за счёт средств {budget} в пределах {limit}"
            )
        if k == 9 and form is not None:
            what = r.choice(("порядок", "сроки", "условия", "правила", "цели и задачи"))
            this = NASTOYASHCHIY.form(form.gender, NOM)
            return f"{this} {low(form.form(NOM))} {r.choice(DOC_VERBS)} {what} {self.topic(GEN)}"
        o = self.obj("D", owner=False)
        verb = r.choice(PASSIVES)[1 if o.plural else 0]
        return f"при {self.topic(PREP)} {verb} {o(NOM)} {r.choice(OWNERS)}"

    def carrier(self, phrase: str) -> str:
        """A sentence built around `phrase` (an accusative topic), which an amendment may replace."""
        subj = self.subject()
        verb = self.rng.choice(VERBS)[1 if subj.plural else 0]
        return f"{cap(subj(NOM))} {verb} {phrase} {self.circumstance()}."

    def account(self) -> str:
        """A past-tense sentence of a meeting's record."""
        r = self.rng
        k = r.randrange(5)
        if k == 0:
            text = f"участники заседания обсудили {self.topic(ACC)}"
        elif k == 1:
            subj = self.subject()
            text = f"было отмечено, что {subj(NOM)} {past(r.choice(VERBS)[2], subj.gn)} {self.topic(ACC)}"
        elif k == 2:
            text = f"особое внимание было уделено вопросам {self.topic(GEN)}"
        elif k == 3:
            text = f"участники обратили внимание на необходимость {self.topic(GEN)}"
        else:
            text = f"в ходе обсуждения были рассмотрены предложения {pp('о', self.topic(PREP))}"
        return cap(text) + "."

    def paragraph(self, form: Noun | None = None, count: int | None = None) -> str:
        count = count or self.rng.randint(1, 3)
        return " ".join(self.sentence(form) for _ in range(count))

    def list_block(self) -> str:
        """A lead-in line and a numbered list of topics."""
        r = self.rng
        if r.random() < 0.3:
            subj = self.subject()
            verb = r.choice(VERBS)[1 if subj.plural else 0]
            lead, case = cap(f"{subj(NOM)} {verb}:"), ACC
        else:
            lead, case = cap(f"основными задачами {self.topic(GEN)} являются:"), NOM
        items = [f"{i}. {self.topic(case)}" for i in range(1, r.randint(3, 6) + 1)]
        items = [item + ";" for item in items[:-1]] + [items[-1] + "."]
        return lead + "\n\n" + "\n".join(items)

    def table_block(self, day: dt.date) -> str:
        """A plan of measures as a Markdown table."""
        r = self.rng
        rows = ["| № п/п | Мероприятие | Срок исполнения | Ответственный |", "| --- | --- | --- | --- |"]
        for i in range(1, r.randint(3, 6) + 1):
            deadline = day + dt.timedelta(days=r.randint(30, 700))
            rows.append(
                f"| {i} | {cap(self.topic(NOM))} | до {ru_date(deadline)} | {cap(self.subject()(NOM))} |"
            )
        return "Мероприятия по реализации настоящей статьи:\n\n" + "\n".join(rows)
