"""Document forms, their numbers, and the documents outside the corpus that bodies cite.

A citation by form, date and number (`постановлением Правительства Российской Федерации от
21.12.2020 № 1234`, `Директивы № 05-CT/TW`) links when exactly one document of the corpus
matches it; the outside documents are cited the same way and match none, so `regpub check`
lists them as unmatched citations (notes). Their numbers are reserved: no document of the
corpus gets one, whatever its date.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass

from .dates import num_date, ru_date, working_day
from .grammar import ACC, DAT, GEN, INS, NOM, PREP, Noun, cap, f_a, f_ia, low, m_hard, n_ie
from .phrases import Lang
from .vocabulary import PASSIVES, VERBS

# Outside issuers, in the genitive: at most four words and no punctuation, as the citation
# rule allows between the form and the date.
_GOVERNMENT = "Правительства Российской Федерации"


@dataclass(frozen=True)
class Form:
    name: str
    noun: Noun
    weight: int  # how common among the corpus's regulations
    numbered: float  # the share of them that have a number
    numbers: tuple[str, ...]  # number shapes: {k} a number, {kk} two digits, {y} the year, {m} a month
    outside_issuers: tuple[str, ...] = ()
    outside_numbers: tuple[str, ...] = ()
    undated: bool = False  # cited by number alone: «Директивы № 05-CT/TW»


FORMS: tuple[Form, ...] = (
    Form("Положение", n_ie("Положени"), 20, 0.4, ("{k}", "{k}-п")),
    Form("Программа", f_a("Программ", "Программ"), 8, 0.45, ("{k}", "{k}/{y}")),
    Form(
        "Постановление", n_ie("Постановлени"), 20, 0.92, ("{k}", "{k}", "{k}-п", "{k}/{y}", "{kk}-QD/UBND"),
        (_GOVERNMENT, "Правительства области", "администрации области", "Совета Федерации"),
        ("{k}", "{k}-ПП", "{k}-п"),
    ),
    Form(
        "Директива", f_a("Директив", "Директив"), 5, 0.92, ("{kk}-CT/TW", "{kk}-CT/TU"),
        ("Центрального комитета партии", "Политбюро", "Секретариата ЦК"), ("{kk}-CT/TW",), undated=True,
    ),
    Form(
        "Резолюция", f_ia("Резолюци"), 5, 0.9, ("{kk}-NQ/TW", "{k}", "{kk}-NQ/TU"),
        ("Центрального комитета партии", "XIX съезда партии", "пленума ЦК"), ("{kk}-NQ/TW", "{k}"),
        undated=True,
    ),
    Form(
        "Решение", n_ie("Решени"), 15, 0.85, ("{k}/{y}", "{k}", "{k}-р", "{m}.{kk}"),
        ("Совета депутатов", "городской Думы", "Законодательного собрания области"),
        ("{k}", "{k}/{y}", "{m}.{kk}"),
    ),
    Form("План", m_hard("План"), 10, 0.45, ("{k}", "{kk}-KH/TU")),
    Form(
        "Приказ", m_hard("Приказ"), 10, 0.92, ("{k}", "{k}-од", "{k}-п", "01-05/{k}"),
        ("Министерства финансов Российской Федерации", "Минтруда России", "Федерального архивного агентства"),
        ("{k}н", "{k}", "{k}-од"),
    ),
    Form(
        "Распоряжение", n_ie("Распоряжени"), 7, 0.92, ("{k}-р", "{k}-рп", "{k}-р"),
        (_GOVERNMENT, "губернатора области", "Президента Российской Федерации"), ("{k}-р", "{k}-рп"),
    ),
)  # fmt: skip
FORM_WEIGHTS = tuple(form.weight for form in FORMS)
# Forms that enact changes to other documents («о внесении изменений в …»).
AMENDING_FORMS = frozenset({"Постановление", "Решение", "Приказ", "Распоряжение", "Резолюция"})
_CITED = tuple(form for form in FORMS if form.outside_issuers)


def _number(rng: random.Random, shape: str, year: int, wide: int = 1) -> str:
    """A number of `shape`; `wide` widens its ranges when the usual numbers are taken."""
    k = rng.choices((rng.randint(1, 30), rng.randint(1, 200), rng.randint(100, 2500)), (4, 4, 2))[0] * wide
    return shape.format(k=k, kk=f"{rng.randint(1, 40 * wide):02d}", y=year, m=rng.randint(1, 12))


class Numbers:
    """Official numbers: a form's number is unique within a year in the corpus, and never one
    an outside document has."""

    def __init__(self) -> None:
        self.outside: set[tuple[str, str]] = set()
        self.used: set[tuple[str, str, int]] = set()

    def corpus_number(self, rng: random.Random, form: Form, year: int) -> str:
        for attempt in itertools.count():
            number = _number(rng, rng.choice(form.numbers), year, 1 + attempt // 20)
            key = (form.name, number.upper())
            if key not in self.outside and (*key, year) not in self.used:
                self.used.add((*key, year))
                return number
        raise AssertionError("unreachable")

    def outside_number(self, rng: random.Random, form: Form, year: int) -> str:
        for attempt in itertools.count():
            number = _number(rng, rng.choice(form.outside_numbers), year, 1 + attempt // 20)
            key = (form.name, number.upper())
            if key not in self.outside:
                self.outside.add(key)
                return number
        raise AssertionError("unreachable")


@dataclass(frozen=True)
class Outside:
    """A document published elsewhere that the corpus's bodies cite by form and number."""

    form: Form
    issuer: str
    date: dt.date
    number: str

    def cited(self, case: int, rng: random.Random) -> str:
        """The citation in a case: «постановлением Правительства … от 21.12.2020 № 15»."""
        if self.form.undated and rng.random() < 0.5:
            return f"{cap(self.form.noun.form(case))} № {self.number}"
        when = num_date(self.date) if rng.random() < 0.7 else ru_date(self.date)
        return f"{low(self.form.noun.form(case))} {self.issuer} от {when} № {self.number}"


def outside_documents(rng: random.Random, count: int, numbers: Numbers) -> list[Outside]:
    """`count` outside documents from 1995 on, their numbers reserved in `numbers`."""
    found = []
    for _ in range(count):
        form = rng.choice(_CITED)
        day = working_day(rng, dt.date(1995, 1, 1))
        found.append(
            Outside(form, rng.choice(form.outside_issuers), day, numbers.outside_number(rng, form, day.year))
        )
    return found


def reference_text(form: Form, day: dt.date, number: str | None, case: int = GEN) -> str:
    """How a body names a document of the corpus: «постановлением от 01.02.2003 № 15»."""
    text = f"{low(form.noun.form(case))} от {num_date(day)}"
    return f"{text} № {number}" if number else text


def citation_sentence(lang: Lang, outside: Outside) -> str:
    """A sentence of a body citing a document outside the corpus."""
    r = lang.rng
    subj = lang.subject()
    verb = r.choice(VERBS)[1 if subj.plural else 0]
    k = r.randrange(4)
    if k == 0:
        return f"Во исполнение {outside.cited(GEN, r)} {subj(NOM)} {verb} {lang.topic(ACC)}."
    if k == 1:
        passive = r.choice(PASSIVES)[0]
        return f"В соответствии с {outside.cited(INS, r)} {lang.topic(NOM)} {passive} {subj(INS)}."
    if k == 2:
        return f"Требования, установленные {outside.cited(INS, r)}, применяются при {lang.topic(PREP)}."
    return f"Согласно {outside.cited(DAT, r)} {subj(NOM)} {verb} {lang.topic(ACC)} {lang.circumstance()}."
