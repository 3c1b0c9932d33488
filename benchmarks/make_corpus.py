#!/usr/bin/env python3
"""Generate a realistic synthetic regpub content root for benchmarks.

Usage::

    python benchmarks/make_corpus.py N DIR [--seed S]

writes into DIR (created; refused with exit code 2 if it exists and is not
empty):

* ``organizations.yml`` - about N/50 organizations (at least 5) forming a
  shallow tree through ``parent``, some with ``short_name``;
* ``people.yml`` - about N/10 people (at least 10) with Russian full names,
  signature names and 1-2 positions each;
* ``<year>/<id>.md`` - N documents, about 80 % regulations and 20 % meetings,
  Markdown with YAML front matter as the README describes ("What an editor writes").

The text is bureaucratic Russian built from a small inflected vocabulary
(nouns in all six cases and both numbers, agreeing adjectives, verbs in
present and past tense), so that Russian stemming in search has something
real to work on.  Relations (``based_on``, ``supersedes``, ``amends``,
``adopted_at``, ``related``) only point to earlier documents, so they never
form cycles, and every ``[[id#article-N]]`` anchor exists in its target.

The output is deterministic: the same N and seed give byte-identical files.
Only the standard library is used.  ``make_corpus(n, out, seed)`` can be
imported by other benchmark scripts.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------------------
# Russian grammar: cases, nouns, adjectives, noun phrases
# ---------------------------------------------------------------------------

NOM, GEN, DAT, ACC, INS, PREP = range(6)
Forms = tuple[str, str, str, str, str, str]


@dataclass(frozen=True)
class Noun:
    """A noun with its six case forms in the singular and plural."""

    sg: Forms
    pl: Forms | None
    gender: str  # "m", "f" or "n"

    def form(self, case: int, plural: bool = False) -> str:
        if plural and self.pl is not None:
            return self.pl[case]
        return self.sg[case]


def _animate(sg: list[str], pl: list[str], gender: str, animate: bool) -> None:
    if animate:
        if gender == "m":
            sg[ACC] = sg[GEN]
        pl[ACC] = pl[GEN]


def n_ie(stem: str) -> Noun:
    """Neuter nouns in -ие/-ье: управлени|е."""
    sg = (stem + "е", stem + "я", stem + "ю", stem + "е", stem + "ем", stem + "и")
    pl = (stem + "я", stem + "й", stem + "ям", stem + "я", stem + "ями", stem + "ях")
    return Noun(sg, pl, "n")


def n_o(stem: str, gen_pl: str | None = None) -> Noun:
    """Neuter nouns in -о: качеств|о."""
    sg = (stem + "о", stem + "а", stem + "у", stem + "о", stem + "ом", stem + "е")
    pl = (stem + "а", gen_pl or stem, stem + "ам", stem + "а", stem + "ами", stem + "ах")
    return Noun(sg, pl, "n")


def f_ia(stem: str) -> Noun:
    """Feminine nouns in -ия: координаци|я."""
    sg = (stem + "я", stem + "и", stem + "и", stem + "ю", stem + "ей", stem + "и")
    pl = (stem + "и", stem + "й", stem + "ям", stem + "и", stem + "ями", stem + "ях")
    return Noun(sg, pl, "f")


def f_a(stem: str, gen_pl: str | None = None, animate: bool = False) -> Noun:
    """Feminine nouns in -а: программ|а (velar and sibilant stems handled)."""
    i = "и" if stem[-1] in "гкхжшчщ" else "ы"
    ins = "ей" if stem[-1] in "жшчщц" else "ой"
    sg = [stem + "а", stem + i, stem + "е", stem + "у", stem + ins, stem + "е"]
    pl = [stem + i, gen_pl or stem, stem + "ам", stem + i, stem + "ами", stem + "ах"]
    _animate(sg, pl, "f", animate)
    return Noun(tuple(sg), tuple(pl), "f")  # type: ignore[arg-type]


def f_soft(stem: str) -> Noun:
    """Feminine nouns in -ь: деятельност|ь."""
    sg = (stem + "ь", stem + "и", stem + "и", stem + "ь", stem + "ью", stem + "и")
    pl = (stem + "и", stem + "ей", stem + "ям", stem + "и", stem + "ями", stem + "ях")
    return Noun(sg, pl, "f")


def m_hard(nom: str, stem: str | None = None, animate: bool = False) -> Noun:
    """Masculine nouns ending in a hard consonant: план, порядок/порядк-."""
    st = stem or nom
    i = "и" if st[-1] in "гкхжшчщ" else "ы"
    gen_pl = "ей" if st[-1] in "жшчщ" else "ов"
    sg = [nom, st + "а", st + "у", nom, st + "ом", st + "е"]
    pl = [st + i, st + gen_pl, st + "ам", st + i, st + "ами", st + "ах"]
    _animate(sg, pl, "m", animate)
    return Noun(tuple(sg), tuple(pl), "m")  # type: ignore[arg-type]


def m_soft(nom: str, stem: str, animate: bool = False) -> Noun:
    """Masculine nouns ending in -ь/-й: показатель, край/кра-."""
    sg = [nom, stem + "я", stem + "ю", nom, stem + "ем", stem + "е"]
    pl = [stem + "и", stem + "ей", stem + "ям", stem + "и", stem + "ями", stem + "ях"]
    _animate(sg, pl, "m", animate)
    return Noun(tuple(sg), tuple(pl), "m")  # type: ignore[arg-type]


_HARD_F = ("ая", "ой", "ой", "ую", "ой", "ой")
_SOFT_MN = {
    "m": ("ий", "его", "ему", "ий", "им", "ем"),
    "n": ("ее", "его", "ему", "ее", "им", "ем"),
    "p": ("ие", "их", "им", "ие", "ими", "их"),
}
_ADJ_TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "hard": {
        "m": ("ый", "ого", "ому", "ый", "ым", "ом"),
        "f": _HARD_F,
        "n": ("ое", "ого", "ому", "ое", "ым", "ом"),
        "p": ("ые", "ых", "ым", "ые", "ыми", "ых"),
    },
    "velar": {
        "m": ("ий", "ого", "ому", "ий", "им", "ом"),
        "f": _HARD_F,
        "n": ("ое", "ого", "ому", "ое", "им", "ом"),
        "p": ("ие", "их", "им", "ие", "ими", "их"),
    },
    "sibilant": {**_SOFT_MN, "f": ("ая", "ей", "ей", "ую", "ей", "ей")},
    "soft": {**_SOFT_MN, "f": ("яя", "ей", "ей", "юю", "ей", "ей")},
}


@dataclass(frozen=True)
class Adj:
    """An adjective: forms keyed by gender/number ("m", "f", "n", "p")."""

    forms: dict[str, Forms]

    def form(self, gn: str, case: int, animate: bool = False) -> str:
        if case == ACC and animate and gn in ("m", "p"):
            case = GEN
        return self.forms[gn][case]


def make_adj(masc: str) -> Adj:
    """Build all forms of an adjective from its masculine nominative."""
    stem, end = masc[:-2], masc[-2:]
    if end == "ый":
        table = dict(_ADJ_TABLES["hard"])
    elif end == "ой":
        base = "velar" if stem[-1] in "гкх" else "hard"
        table = dict(_ADJ_TABLES[base])
        table["m"] = ("ой", *table["m"][1:])
    elif stem[-1] in "гкх":
        table = dict(_ADJ_TABLES["velar"])
    elif stem[-1] in "жшчщ":
        table = dict(_ADJ_TABLES["sibilant"])
    else:
        table = dict(_ADJ_TABLES["soft"])
    forms = {gn: tuple(stem + e for e in ends) for gn, ends in table.items()}
    return Adj(forms)  # type: ignore[arg-type]


@dataclass(frozen=True)
class NP:
    """Noun phrase: agreeing adjectives + head noun + invariable tail."""

    adjs: tuple[Adj, ...]
    noun: Noun
    plural: bool = False
    tail: str = ""
    animate: bool = False

    @property
    def gn(self) -> str:
        return "p" if self.plural else self.noun.gender

    def __call__(self, case: int) -> str:
        gn = self.gn
        words = [a.form(gn, case, self.animate) for a in self.adjs]
        words.append(self.noun.form(case, self.plural))
        if self.tail:
            words.append(self.tail)
        return " ".join(words)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def low(s: str) -> str:
    return s[:1].lower() + s[1:]


_VOWELS_OB = "аоуэиАОУЭИ"
_CONS = "бвгджзйклмнпрстфхцчшщ"


def pp(prep: str, phrase: str) -> str:
    """Join a preposition and a phrase with the right euphonic variant."""
    w = phrase.lower()
    if prep == "о" and w[:1] in _VOWELS_OB.lower():
        prep = "об"
    elif prep == "с" and len(w) > 1 and w[0] in "сзшж" and w[1] in _CONS:
        prep = "со"
    elif prep == "в" and len(w) > 1 and w[0] in "вф" and w[1] in _CONS:
        prep = "во"
    return f"{prep} {phrase}"


def past(stem: str, gn: str) -> str:
    """Past tense of a regular verb stem (обеспечи- -> обеспечил/а/о/и)."""
    return stem + {"m": "л", "f": "ла", "n": "ло", "p": "ли"}[gn]


def _words(text: str) -> tuple[str, ...]:
    """A word list written as whitespace-separated text."""
    return tuple(text.split())


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

A = make_adj

# Verbal nouns naming an activity (always singular) and the classes of objects
# they go with: D documents and measures, M events and checks, A kinds of
# activity, S systems and fields, R resources and bodies, Q quality/efficiency
# ("повышение качества ...").
ACTS: tuple[tuple[Noun, str], ...] = (
    (f_ia("координаци"), "A"),
    (f_ia("организаци"), "AD"),
    (f_ia("реализаци"), "DA"),
    (f_ia("модернизаци"), "SR"),
    (f_ia("оптимизаци"), "SR"),
    (f_ia("цифровизаци"), "SR"),
    (n_ie("обеспечени"), "SAQ"),
    (n_ie("развити"), "SAR"),
    (n_ie("повышени"), "Q"),
    (n_ie("совершенствовани"), "SA"),
    (n_ie("укреплени"), "SA"),
    (n_ie("проведени"), "M"),
    (n_ie("осуществлени"), "AD"),
    (n_ie("исполнени"), "D"),
    (n_ie("выполнени"), "D"),
    (n_ie("применени"), "D"),
    (n_ie("планировани"), "DRA"),
    (n_ie("согласовани"), "D"),
    (n_ie("формировани"), "D"),
    (n_ie("рассмотрени"), "D"),
    (n_ie("финансировани"), "DR"),
    (n_ie("внедрени"), "S"),
    (n_ie("использовани"), "R"),
    (n_ie("сопровождени"), "D"),
    (f_a("подготовк", "подготовок"), "D"),
    (f_a("оценк", "оценок"), "QD"),
    (m_hard("мониторинг"), "QD"),
    (m_hard("анализ"), "QD"),
    (m_hard("учёт"), "R"),
)
ACTS_R = tuple(a for a in ACTS if "R" in a[1])
OBESPECHENIE = ACTS[6][0]


@dataclass(frozen=True)
class ObjSpec:
    """A noun that can be the object of an activity, with fitting adjectives."""

    noun: Noun
    cls: str  # one or more of D, M, A, S, R, Q (see ACTS)
    numbers: str  # "s", "p" or "sp"
    adjs: tuple[Adj, ...]
    takes_owner: bool = True


def _obj(noun: Noun, cls: str, numbers: str, adjs: str, takes_owner: bool = True) -> ObjSpec:
    return ObjSpec(noun, cls, numbers, tuple(A(a) for a in adjs.split()), takes_owner)


OBJECTS: tuple[ObjSpec, ...] = (
    _obj(
        f_soft("деятельност"), "A", "s", "совместный организационный контрольный хозяйственный управленческий"
    ),
    _obj(f_a("работ"), "A", "s", "организационный методический аналитический кадровый информационный"),
    _obj(f_a("систем"), "S", "sp", "информационный единый автоматизированный межведомственный"),
    _obj(n_o("качеств"), "Q", "s", "", takes_owner=False),
    _obj(f_soft("эффективност"), "Q", "s", "", takes_owner=False),
    _obj(
        f_a("услуг", "услуг"),
        "S",
        "p",
        "государственный муниципальный административный социальный образовательный",
    ),
    _obj(
        f_a("программ", "программ"),
        "D",
        "sp",
        "государственный муниципальный целевой региональный ведомственный",
    ),
    _obj(m_hard("план"), "D", "sp", "годовой перспективный оперативный совместный ведомственный"),
    _obj(n_ie("мероприяти"), "DM", "p", "плановый организационный контрольный профилактический совместный"),
    _obj(m_hard("документ"), "D", "p", "нормативный правовой распорядительный программный плановый"),
    _obj(
        n_ie("учреждени"),
        "R",
        "p",
        "государственный муниципальный бюджетный образовательный подведомственный",
        takes_owner=False,
    ),
    _obj(m_soft("показатель", "показател"), "D", "p", "целевой плановый основной ключевой"),
    _obj(m_hard("ресурс"), "R", "p", "финансовый кадровый информационный материальный"),
    _obj(m_hard("бюджет"), "S", "s", "областной местный консолидированный", takes_owner=False),
    _obj(
        f_soft("безопасност"),
        "S",
        "s",
        "информационный общественный экономический пожарный",
        takes_owner=False,
    ),
    _obj(m_hard("механизм"), "S", "sp", "организационный финансовый правовой"),
    _obj(f_a("процедур", "процедур"), "DM", "p", "административный контрольный конкурсный"),
    _obj(f_a("проверк", "проверок"), "M", "p", "плановый внеплановый выездной документарный"),
    _obj(f_soft("отчётност"), "D", "s", "бюджетный статистический финансовый"),
    _obj(f_a("политик", "политик"), "A", "s", "кадровый информационный социальный молодёжный бюджетный"),
    _obj(m_hard("проект"), "D", "p", "инвестиционный приоритетный национальный"),
    _obj(n_ie("решени"), "D", "p", "управленческий совместный принятый"),
    _obj(n_ie("поручени"), "D", "p", "протокольный контрольный"),
    _obj(n_o("обязательств", "обязательств"), "D", "p", "договорной взаимный финансовый"),
    _obj(m_hard("регламент"), "D", "sp", "административный внутренний"),
    _obj(n_ie("требовани"), "D", "p", "установленный обязательный единый"),
    _obj(m_hard("стандарт"), "D", "p", "профессиональный образовательный единый", takes_owner=False),
    _obj(f_ia("информаци"), "R", "s", "служебный справочный аналитический"),
    _obj(n_ie("взаимодействи"), "A", "s", "межведомственный межрегиональный информационный"),
    _obj(n_o("сотрудничеств"), "A", "s", "межрегиональный международный взаимовыгодный"),
    _obj(
        f_a("инфраструктур", "инфраструктур"), "S", "s", "транспортный социальный цифровой", takes_owner=False
    ),
    _obj(f_a("задач", "задач"), "D", "p", "основной приоритетный стратегический"),
    _obj(m_hard("объект"), "R", "p", "социальный инфраструктурный", takes_owner=False),
    _obj(n_ie("предприяти"), "R", "p", "промышленный сельскохозяйственный малый", takes_owner=False),
    _obj(n_o("средств", "средств"), "R", "p", "бюджетный внебюджетный финансовый"),
)
OBJ_BY_CLASS: dict[str, tuple[ObjSpec, ...]] = {c: tuple(o for o in OBJECTS if c in o.cls) for c in "DMASRQ"}

OWNERS: tuple[str, ...] = (
    "органов исполнительной власти",
    "органов местного самоуправления",
    "структурных подразделений",
    "подведомственных учреждений",
    "муниципальных образований",
    "участников соглашения",
    "сторон",
    "членов комиссии",
    "ответственных исполнителей",
    "населения",
    "хозяйствующих субъектов",
    "общественных организаций",
    "партийных организаций",
)

# subjects of sentences (bodies and groups of people)
_GROUP = f_a("групп", "групп")
_ORGAN = m_hard("орган")
SUBJECTS: tuple[NP, ...] = (
    NP((), f_ia("комисси")),
    NP((A("рабочий"),), _GROUP),
    NP((A("уполномоченный"),), _ORGAN),
    NP((), f_a("сторон", "сторон"), plural=True),
    NP((A("ответственный"),), m_soft("исполнитель", "исполнител", animate=True), plural=True, animate=True),
    NP(
        (),
        m_soft("руководитель", "руководител", animate=True),
        plural=True,
        tail="структурных подразделений",
        animate=True,
    ),
    NP((), _ORGAN, plural=True, tail="исполнительной власти"),
    NP((), m_hard("секретариат")),
    NP((A("координационный"),), m_hard("совет")),
    NP((A("профильный"),), m_hard("отдел")),
    NP((), m_hard("аппарат"), tail="комитета"),
    NP((A("структурный"),), n_ie("подразделени"), plural=True),
)

# transitive verbs: (present 3sg, present 3pl, past stem, infinitive)
VERBS: tuple[tuple[str, str, str, str], ...] = (
    ("обеспечивает", "обеспечивают", "обеспечи", "обеспечить"),
    ("осуществляет", "осуществляют", "осуществи", "осуществлять"),
    ("организует", "организуют", "организова", "организовать"),
    ("координирует", "координируют", "координирова", "координировать"),
    ("определяет", "определяют", "определи", "определить"),
    ("рассматривает", "рассматривают", "рассмотре", "рассмотреть"),
    ("разрабатывает", "разрабатывают", "разработа", "разработать"),
    ("согласовывает", "согласовывают", "согласова", "согласовать"),
    ("контролирует", "контролируют", "проконтролирова", "контролировать"),
    ("анализирует", "анализируют", "проанализирова", "проанализировать"),
    ("утверждает", "утверждают", "утверди", "утвердить"),
    ("готовит", "готовят", "подготови", "подготовить"),
    ("поддерживает", "поддерживают", "поддержа", "поддержать"),
    ("совершенствует", "совершенствуют", "усовершенствова", "совершенствовать"),
)

DOC_VERBS = ("определяет", "устанавливает", "регламентирует", "закрепляет")

# reflexive passives: (3sg, 3pl)
PASSIVES: tuple[tuple[str, str], ...] = (
    ("осуществляется", "осуществляются"),
    ("обеспечивается", "обеспечиваются"),
    ("проводится", "проводятся"),
    ("устанавливается", "устанавливаются"),
    ("определяется", "определяются"),
    ("утверждается", "утверждаются"),
    ("рассматривается", "рассматриваются"),
    ("формируется", "формируются"),
    ("организуется", "организуются"),
    ("согласовывается", "согласовываются"),
)

# short passive participles: m, f, n, plural
PARTICIPLES: tuple[tuple[str, ...], ...] = (
    ("утверждён", "утверждена", "утверждено", "утверждены"),
    ("принят", "принята", "принято", "приняты"),
    ("подписан", "подписана", "подписано", "подписаны"),
    ("одобрен", "одобрена", "одобрено", "одобрены"),
)
_GN_INDEX = {"m": 0, "f": 1, "n": 2, "p": 3}
DEVELOPED = ("разработан", "разработана", "разработано", "разработаны")

FREQUENCIES = (
    "ежегодно",
    "ежеквартально",
    "не реже одного раза в полугодие",
    "в установленные сроки",
    "на постоянной основе",
    "не реже одного раза в месяц",
)
SPHERES = (
    "образования",
    "здравоохранения",
    "культуры",
    "информационной безопасности",
    "государственных и муниципальных услуг",
    "жилищно-коммунального хозяйства",
    "бюджетных правоотношений",
    "закупок",
    "социальной защиты населения",
    "транспорта",
    "строительства",
    "охраны окружающей среды",
    "кадровой работы",
)
REPORTS = ("доклад", "отчёт", "информацию", "аналитическую записку", "сводные сведения")
MONTHS_GEN = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)

TAGS = (
    "координация",
    "контроль исполнения",
    "кадровая политика",
    "бюджет",
    "цифровизация",
    "образование",
    "здравоохранение",
    "местное самоуправление",
    "государственные услуги",
    "межведомственное взаимодействие",
    "строительство",
    "транспорт",
    "экология",
    "социальная защита",
    "культура",
    "молодёжная политика",
    "экономическое развитие",
    "инвестиции",
    "сельское хозяйство",
    "партийная работа",
    "антикоррупционная политика",
    "информационная безопасность",
    "закупки",
    "отчётность",
    "планирование",
    "территориальное развитие",
    "внешние связи",
    "спорт",
    "туризм",
    "жилищно-коммунальное хозяйство",
    "документооборот",
    "нормотворчество",
    "стратегическое планирование",
    "общественная безопасность",
)

CITIES: tuple[tuple[str, str], ...] = (
    ("Москва", "Москве"),
    ("Санкт-Петербург", "Санкт-Петербурге"),
    ("Казань", "Казани"),
    ("Новосибирск", "Новосибирске"),
    ("Екатеринбург", "Екатеринбурге"),
    ("Нижний Новгород", "Нижнем Новгороде"),
    ("Самара", "Самаре"),
    ("Омск", "Омске"),
    ("Ростов-на-Дону", "Ростове-на-Дону"),
    ("Уфа", "Уфе"),
    ("Красноярск", "Красноярске"),
    ("Пермь", "Перми"),
    ("Воронеж", "Воронеже"),
    ("Волгоград", "Волгограде"),
    ("Тверь", "Твери"),
    ("Ярославль", "Ярославле"),
    ("Вологда", "Вологде"),
    ("Калуга", "Калуге"),
    ("Псков", "Пскове"),
    ("Томск", "Томске"),
    ("Иркутск", "Иркутске"),
    ("Хабаровск", "Хабаровске"),
    ("Тула", "Туле"),
)

# ---------------------------------------------------------------------------
# Regulation forms and number shapes
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Form:
    name: str
    slug: str
    noun: Noun
    weight: int
    numbered: float  # probability of having a number
    numbers: tuple[str, ...]  # number templates: {k}, {kk}, {y}


FORMS: tuple[Form, ...] = (
    Form("Положение", "polozhenie", n_ie("Положени"), 20, 0.4, ("{k}", "{k}-п")),
    Form("Программа", "programma", f_a("Программ", "Программ"), 8, 0.45, ("{k}", "{k}/{y}")),
    Form(
        "Постановление",
        "postanovlenie",
        n_ie("Постановлени"),
        20,
        0.92,
        ("{k}", "{k}", "{k}-п", "{k}/{y}", "{kk}-QD/UBND"),
    ),
    Form("Директива", "direktiva", f_a("Директив", "Директив"), 5, 0.92, ("{kk}-CT/TW", "{kk}-CT/TU")),
    Form("Резолюция", "rezolyutsiya", f_ia("Резолюци"), 5, 0.9, ("{kk}-NQ/TW", "{k}", "{kk}-NQ/TU")),
    Form("Решение", "reshenie", n_ie("Решени"), 15, 0.85, ("{k}/{y}", "{k}", "{k}-р")),
    Form("План", "plan", m_hard("План"), 10, 0.45, ("{k}", "{kk}-KH/TU")),
    Form("Приказ", "prikaz", m_hard("Приказ"), 10, 0.92, ("{k}", "{k}-од", "{k}-п", "01-05/{k}")),
    Form("Распоряжение", "rasporyazhenie", n_ie("Распоряжени"), 7, 0.92, ("{k}-р", "{k}-рп", "{k}-р")),
)
FORM_WEIGHTS = tuple(f.weight for f in FORMS)
# forms that enact changes to other documents ("о внесении изменений в ...")
AMENDING_FORMS = frozenset({"Постановление", "Решение", "Приказ", "Распоряжение", "Резолюция"})
NASTOYASHCHIY = A("настоящий")
UTRATIVSHIY = A("утративший")

# ---------------------------------------------------------------------------
# Organizations
# ---------------------------------------------------------------------------

REGION_ADJS: tuple[str, ...] = _words(
    """
    Северный Южный Заречный Приозёрный Лесной Степной Горный Приморский Верхневолжский
    Нижнеозёрский Краснохолмский Белогорский Светлоярский Каменский Озёрский Сосновский
    Берёзовский Красногорский Ясногорский Тихореченский Новоградский Староозёрский
    """
)
REGION_TYPES: tuple[tuple[Noun, str], ...] = (
    (f_soft("област"), "oblast"),
    (m_soft("край", "кра"), "kray"),
    (m_hard("округ"), "okrug"),
    (m_hard("район"), "rayon"),
)

# head noun of an organization -> (head role, other roles)
ORG_HEADS: dict[str, tuple[Noun, str, tuple[str, ...]]] = {
    "администрация": (
        f_ia("администраци"),
        "глава",
        ("первый заместитель главы", "заместитель главы", "руководитель аппарата"),
    ),
    "комитет": (m_hard("комитет"), "председатель", ("заместитель председателя", "член", "советник")),
    "партком": (m_hard("комитет"), "секретарь", ("заместитель секретаря", "член постоянного бюро", "член")),
    "собрание": (
        n_ie("собрани"),
        "председатель",
        ("заместитель председателя", "депутат", "руководитель аппарата"),
    ),
    "департамент": (
        m_hard("департамент"),
        "директор",
        ("заместитель директора", "консультант", "главный специалист"),
    ),
    "управление": (
        n_ie("управлени"),
        "начальник",
        ("заместитель начальника", "главный специалист", "консультант"),
    ),
    "комиссия": (
        f_ia("комисси"),
        "председатель",
        ("заместитель председателя", "ответственный секретарь", "член"),
    ),
    "агентство": (n_o("агентств"), "руководитель", ("заместитель руководителя", "главный специалист")),
    "инспекция": (f_ia("инспекци"), "начальник", ("заместитель начальника", "главный инспектор")),
    "палата": (
        f_a("палат", "палат"),
        "председатель",
        ("заместитель председателя", "аудитор", "главный инспектор"),
    ),
    "отдел": (
        m_hard("отдел"),
        "начальник",
        ("заместитель начальника", "главный специалист", "ведущий специалист"),
    ),
}

# (head kind, adjectives, tail) for second-level bodies
CHILD_ORGS: tuple[tuple[str, str, str], ...] = (
    ("департамент", "", "финансов"),
    ("департамент", "", "образования"),
    ("департамент", "", "здравоохранения"),
    ("департамент", "", "экономического развития"),
    ("департамент", "", "имущественных отношений"),
    ("управление", "", "делами"),
    ("управление", "", "культуры"),
    ("управление", "", "транспорта и дорожного хозяйства"),
    ("управление", "", "социальной защиты населения"),
    ("комитет", "", "по информационной политике"),
    ("комитет", "", "по делам молодёжи"),
    ("комитет", "", "по природным ресурсам и экологии"),
    ("комитет", "", "по физической культуре и спорту"),
    ("агентство", "", "по туризму"),
    ("инспекция", "государственный жилищный", ""),
    ("комиссия", "межведомственный", "по вопросам координации"),
    ("палата", "контрольно-счётный", ""),
    ("комиссия", "избирательный", ""),
    ("комитет", "", "по строительству и архитектуре"),
    ("управление", "", "сельского хозяйства"),
)
# third-level bodies: tails
DEPT_TAILS = (
    "кадров",
    "планирования",
    "контроля",
    "бюджетной политики",
    "правового обеспечения",
    "делопроизводства",
    "информационной политики",
    "организационной работы",
    "мобилизационной подготовки",
)
PARTY_CHILDREN = (
    ("отдел", "организационный", ""),
    ("отдел", "", "пропаганды"),
    ("комиссия", "", "по проверке"),
    ("отдел", "", "по работе с населением"),
)

TOP_ORGS: tuple[tuple[str, str], ...] = (
    ("администрация", ""),
    ("комитет", "народный"),
    ("партком", "партийный"),
    ("собрание", "законодательный"),
)

_PREPS = {"по", "и", "в", "на", "с", "о", "об", "при", "для"}


@dataclass
class Org:
    id: str
    head: NP  # adjectives + head noun
    rest: str  # invariable tail (domain, region/parent in the genitive)
    kind: str
    parent: str | None
    short_name: str | None = None
    region: int = 0

    def case(self, c: int, capital: bool = False) -> str:
        s = f"{self.head(c)} {self.rest}".strip()
        return cap(s) if capital else low(s)

    @property
    def name(self) -> str:
        return self.case(NOM, capital=True)


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------

MALE_NAMES: tuple[str, ...] = _words(
    """
    Александр Алексей Андрей Антон Артём Борис Вадим Валерий Василий Виктор Виталий Владимир
    Владислав Вячеслав Геннадий Георгий Григорий Дмитрий Евгений Егор Иван Игорь Илья Кирилл
    Константин Леонид Максим Михаил Никита Николай Олег Павел Пётр Роман Руслан Сергей Станислав
    Степан Тимофей Фёдор Юрий Ярослав
    """
)
FEMALE_NAMES: tuple[str, ...] = _words(
    """
    Алла Алёна Анастасия Анна Антонина Валентина Валерия Вера Виктория Галина Дарья Евгения
    Екатерина Елена Елизавета Жанна Зинаида Инна Ирина Карина Кира Ксения Лариса Лидия Любовь
    Людмила Маргарита Марина Мария Надежда Наталья Нина Оксана Ольга Полина Светлана Софья
    Тамара Татьяна Юлия
    """
)
# patronymic stems: + "ич"/"на" (Иванович / Ивановна)
PATRONYMIC_STEMS: tuple[str, ...] = _words(
    """
    Александров Алексеев Андреев Борисов Васильев Викторов Владимиров Геннадьев Григорьев
    Дмитриев Евгеньев Иванов Игорев Константинов Леонидов Михайлов Николаев Олегов Павлов Петров
    Романов Сергеев Степанов Фёдоров Юрьев Яковлев Анатольев Валерьев Вячеславов Аркадьев
    Максимов Тимофеев
    """
)
SURNAMES: tuple[str, ...] = _words(
    """
    Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов
    Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров
    Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин
    Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов
    Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев
    Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов
    Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов
    Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов
    Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров
    Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров
    Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов
    Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов Ерёмин Тихомиров Галкин
    Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков
    Левин Воронов Аксёнов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков
    Сафонов Плотников Хохлов Жданов Покровский Успенский Вознесенский Островский Троицкий
    Яновский Шевченко Бондаренко Коваленко Черных Седых Долгих
    """
)


def feminine_surname(s: str) -> str:
    if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return s + "а"
    if s.endswith("ий"):
        return s[:-2] + "ая"
    return s  # -енко, -ых, -их do not change


def patronymic(stem: str, female: bool) -> str:
    return stem + ("на" if female else "ич")


@dataclass
class Position:
    title: str
    organization: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class Person:
    id: str
    surname: str
    first: str
    middle: str
    female: bool
    signature: bool
    positions: list[Position] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.surname} {self.first} {self.middle}"

    @property
    def signature_name(self) -> str:
        return f"{self.first[0]}.{self.middle[0]}. {self.surname}"

    @property
    def gn(self) -> str:
        return "f" if self.female else "m"


# ---------------------------------------------------------------------------
# Transliteration and ids
# ---------------------------------------------------------------------------

_TRANSLIT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slugify(text: str, limit: int = 72) -> str:
    out = "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())
    out = re.sub(r"[^a-z0-9]+", "-", out).strip("-")
    if len(out) > limit:
        out = out[:limit].rsplit("-", 1)[0]
    return out


class IdRegistry:
    """Hands out ids that are unique across documents, people and organizations."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, base: str) -> str:
        candidate, k = base, 2
        while candidate in self.used:
            candidate = f"{base}-{k}"
            k += 1
        if not ID_RE.match(candidate) or len(candidate) > 80:
            raise ValueError(f"bad generated id {candidate!r}")
        self.used.add(candidate)
        return candidate


# ---------------------------------------------------------------------------
# Phrase generator
# ---------------------------------------------------------------------------


def ru_date(d: dt.date) -> str:
    return f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year} г."


def num_date(d: dt.date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def roman(n: int) -> str:
    vals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def people_word(n: int) -> str:
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "человека"
    return "человек"


class Lang:
    """Random bureaucratic Russian built from the vocabulary above."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # -- noun phrases ------------------------------------------------------
    def pair(self, avoid: Noun | None = None) -> tuple[Noun, NP]:
        """An activity and a fitting object: (координация, деятельности органов ...)."""
        act, classes = self.rng.choice(ACTS)
        while act is avoid:
            act, classes = self.rng.choice(ACTS)
        return act, self.obj(self.rng.choice(classes))

    def obj(self, cls: str = "DASR", owner: bool = True) -> NP:
        r = self.rng
        spec = r.choice(OBJ_BY_CLASS[r.choice(cls)])
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

    def topic(self, case: int, pair: tuple[Noun, NP] | None = None, avoid: Noun | None = None) -> str:
        """'координации деятельности органов ...' in the requested case."""
        act, obj = pair or self.pair(avoid)
        return f"{act.form(case)} {obj(GEN)}"

    def subject(self) -> NP:
        return self.rng.choice(SUBJECTS)

    def doc_ref_text(self, form: Form, date: dt.date, number: str | None, case: int) -> str:
        s = f"{low(form.noun.form(case))} от {num_date(date)}"
        return f"{s} № {number}" if number else s

    # -- clauses ---------------------------------------------------------------
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
            return "по согласованию с " + self.subject()(INS)
        if k == 5:
            return f"в срок до {r.randint(1, 28)} {r.choice(MONTHS_GEN)}"
        if k == 6:
            return "в соответствии " + pp("с", self.obj("D")(INS))
        if k == 7:
            return "в целях " + self.topic(GEN)
        return r.choice(FREQUENCIES)

    def sentence(self, form: Form | None = None) -> str:
        """One normative sentence, capitalised and ending with a full stop."""
        k = self.rng.randrange(11)
        s = self._action_clause(k) if k <= 5 else self._rule_clause(k, form)
        return cap(s) + "."

    def _action_clause(self, k: int) -> str:
        """Who does what: "комиссия обеспечивает координацию деятельности ..."."""
        r = self.rng
        subj = self.subject()
        i = 1 if subj.plural else 0
        if k <= 2:
            s = f"{subj(NOM)} {r.choice(VERBS)[i]} {self.topic(ACC)}"
            return s + " " + self.circumstance() if r.random() < 0.6 else s
        if k == 3:
            s = f"{self.topic(NOM)} {r.choice(PASSIVES)[0]} {subj(INS)}"
            return s + " " + self.circumstance() if r.random() < 0.5 else s
        if k == 4:
            return f"в целях {self.topic(GEN)} {subj(NOM)} {r.choice(VERBS)[i]} {self.topic(ACC)}"
        v1, v2 = r.sample(VERBS, 2)
        return (
            f"{subj(NOM)} в пределах своей компетенции {v1[i]} {self.topic(ACC)} и {v2[i]} {self.topic(ACC)}"
        )

    def _rule_clause(self, k: int, form: Form | None) -> str:
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
            adj = NASTOYASHCHIY.form(form.noun.gender, NOM)
            verb = r.choice(DOC_VERBS)
            what = r.choice(("порядок", "сроки", "условия", "правила", "цели и задачи"))
            return f"{adj} {low(form.noun.form(NOM))} {verb} {what} {self.topic(GEN)}"
        o = self.obj("D", owner=False)
        verb = r.choice(PASSIVES)[1 if o.plural else 0]
        return f"при {self.topic(PREP)} {verb} {o(NOM)} {r.choice(OWNERS)}"

    def account(self) -> str:
        """A past-tense sentence for a meeting report."""
        r = self.rng
        k = r.randrange(5)
        if k == 0:
            s = f"участники заседания обсудили {self.topic(ACC)}"
        elif k == 1:
            subj = self.subject()
            s = f"было отмечено, что {subj(NOM)} {past(r.choice(VERBS)[2], subj.gn)} {self.topic(ACC)}"
        elif k == 2:
            s = f"особое внимание было уделено вопросам {self.topic(GEN)}"
        elif k == 3:
            s = f"участники обратили внимание на необходимость {self.topic(GEN)}"
        else:
            s = f"в ходе обсуждения были рассмотрены предложения {pp('о', self.topic(PREP))}"
        return cap(s) + "."

    def paragraph(self, form: Form | None, n: int | None = None) -> str:
        n = n or self.rng.randint(1, 3)
        return " ".join(self.sentence(form) for _ in range(n))

    def list_block(self) -> str:
        r = self.rng
        if r.random() < 0.3:
            subj = self.subject()
            verb = r.choice(VERBS)[1 if subj.plural else 0]
            lead, case = cap(f"{subj(NOM)} {verb}:"), ACC
        else:
            lead, case = cap(f"основными задачами {self.topic(GEN)} являются:"), NOM
        items = [f"{i}. {self.topic(case)}" for i in range(1, r.randint(3, 6) + 1)]
        items = [it + ";" for it in items[:-1]] + [items[-1] + "."]
        return lead + "\n\n" + "\n".join(items)

    def table_block(self, date: dt.date) -> str:
        r = self.rng
        rows = ["| № п/п | Мероприятие | Срок исполнения | Ответственный |", "| --- | --- | --- | --- |"]
        for i in range(1, r.randint(3, 6) + 1):
            deadline = date + dt.timedelta(days=r.randint(30, 700))
            rows.append(
                f"| {i} | {cap(self.topic(NOM))} | до {ru_date(deadline)} | {cap(self.subject()(NOM))} |"
            )
        return "Мероприятия по реализации настоящей статьи:\n\n" + "\n".join(rows)


# ---------------------------------------------------------------------------
# Registries
# ---------------------------------------------------------------------------


@dataclass
class Region:
    adj: Adj
    noun: Noun
    slug: str
    acronym: str

    def gen(self) -> str:
        return f"{self.adj.form(self.noun.gender, GEN)} {self.noun.form(GEN)}"


def make_region(index: int, ids_seen: dict[str, int]) -> Region:
    adj_name = REGION_ADJS[index % len(REGION_ADJS)]
    noun, type_slug = REGION_TYPES[(index // len(REGION_ADJS) + index) % len(REGION_TYPES)]
    adj = A(adj_name)
    nom_adj = adj.form(noun.gender, NOM)
    slug = f"{slugify(nom_adj)}-{type_slug}"
    n = ids_seen.get(slug, 0)
    ids_seen[slug] = n + 1
    if n:
        slug = f"{slug}-{n + 1}"
    acronym = (adj_name[0] + noun.form(NOM)[0]).upper()
    return Region(adj, noun, slug, acronym)


def _acronym(words: str) -> str:
    out = ""
    for w in words.split():
        if w.lower() in _PREPS:
            continue
        out += "".join(part[:1].upper() for part in w.split("-"))
    return out


@dataclass
class _OrgContext:
    ids: IdRegistry
    rng: random.Random
    region: Region
    region_index: int


def _make_org(ctx: _OrgContext, kind: str, adjs: str, tail: str, parent: Org | None) -> Org:
    region, rng = ctx.region, ctx.rng
    noun = ORG_HEADS[kind][0]
    head = NP(tuple(A(a) for a in adjs.split()), noun)
    if parent is None or (parent.parent is None and parent.kind != "партком"):
        owner = region.gen()
    else:
        owner = parent.case(GEN)
    rest = f"{tail} {owner}".strip()
    slug_words = f"{head(NOM)} {tail}".split()
    slug_core = "-".join(slugify(w) for w in slug_words if w not in _PREPS)
    base = f"{slug_core}-{parent.id if parent and parent.parent else region.slug}"
    org = Org(
        ctx.ids.claim(slugify(base, 72)),
        head,
        rest,
        kind,
        parent.id if parent else None,
        region=ctx.region_index,
    )
    if rng.random() < 0.45:
        own = _acronym(f"{head(NOM)} {tail}")
        if len(own) == 1:  # "Администрация СО" rather than "А СО"
            own = cap(head(NOM))
        org.short_name = (
            f"{own} {region.acronym}"
            if parent is None or parent.parent is None
            else f"{own} {parent.short_name or _acronym(parent.name)}"
        )
    return org


def build_orgs(count: int, rng: random.Random, ids: IdRegistry) -> list[Org]:
    """A forest of regions: top bodies, their departments and a few sections."""
    orgs: list[Org] = []
    seen: dict[str, int] = {}
    r_index = 0
    while len(orgs) < count:
        region = make_region(r_index, seen)
        ctx = _OrgContext(ids, rng, region, r_index)
        tops = [TOP_ORGS[0], *rng.sample(TOP_ORGS[1:], 1 + (rng.random() < 0.3))]
        admin: Org | None = None
        batch: list[Org] = []
        for kind, adjs in tops:
            top = _make_org(ctx, kind, adjs, "", None)
            batch.append(top)
            if kind == "администрация":
                admin = top
            if kind == "партком" and rng.random() < 0.7:
                k, a, t = rng.choice(PARTY_CHILDREN)
                batch.append(_make_org(ctx, k, a, t, top))
        assert admin is not None
        children = rng.sample(CHILD_ORGS, rng.randint(4, 8))
        for kind, adjs, tail in children:
            child = _make_org(ctx, kind, adjs, tail, admin)
            batch.append(child)
            if kind in ("департамент", "управление") and rng.random() < 0.35:
                batch.append(_make_org(ctx, "отдел", "", rng.choice(DEPT_TAILS), child))
        orgs.extend(batch[: count - len(orgs)])
        r_index += 1
    return orgs


def _new_person(rng: random.Random, ids: IdRegistry) -> Person:
    female = rng.random() < 0.45
    first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    surname = rng.choice(SURNAMES)
    if female:
        surname = feminine_surname(surname)
    middle = patronymic(rng.choice(PATRONYMIC_STEMS), female)
    base = f"{slugify(surname)}-{slugify(first)}"
    if base in ids.used:
        base = f"{base}-{slugify(middle)}"
    return Person(ids.claim(base), surname, first, middle, female, rng.random() < 0.85)


def role_title(role: str, org: Org) -> str:
    return f"{role} {org.case(GEN)}"


def build_people(
    count: int, orgs: list[Org], rng: random.Random, ids: IdRegistry
) -> tuple[list[Person], dict[str, list[Person]]]:
    """People with positions; the first len(orgs) people head one organization each."""
    people: list[Person] = []
    members: dict[str, list[Person]] = {o.id: [] for o in orgs}
    for i in range(count):
        p = _new_person(rng, ids)
        if i < len(orgs):
            org = orgs[i]
            p.positions.append(Position(role_title(ORG_HEADS[org.kind][1], org), org.id))
        else:
            org = rng.choice(orgs)
            role = rng.choice(ORG_HEADS[org.kind][2])
            p.positions.append(Position(role_title(role, org), org.id))
        members[org.id].append(p)
        if rng.random() < 0.45:
            _add_second_position(p, org, orgs, rng)
        people.append(p)
    return people, members


def _add_second_position(p: Person, current: Org, orgs: list[Org], rng: random.Random) -> None:
    other = rng.choice(orgs)
    if other.id == current.id:
        return
    role = rng.choice(ORG_HEADS[other.kind][2])
    if rng.random() < 0.6:
        start = DATE_MIN + dt.timedelta(days=rng.randrange(0, 4000))
        end = start + dt.timedelta(days=rng.randint(365, 2500))
        # a past post, listed after the current one
        p.positions.append(Position(role_title(role, other), other.id, start, min(end, DATE_MAX)))
    else:
        p.positions.append(Position(role_title(role, other), other.id))


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------

DATE_MIN = dt.date(2000, 1, 1)
DATE_MAX = dt.date(2024, 12, 31)


@dataclass
class Doc:
    index: int
    id: str
    kind: str  # "regulation" or "meeting"
    date: dt.date
    form: Form | None = None
    number: str | None = None
    rest: str = ""  # the title after the form name
    title: str = ""
    articles: int = 0
    draft: bool = False
    external: bool = False
    organizers: list[str] = field(default_factory=list)
    adopted: list[int] = field(default_factory=list)  # regulations adopted at a meeting


class Plain(str):
    """A YAML scalar written without quotes (ids, enums)."""


def random_date(rng: random.Random) -> dt.date:
    d = DATE_MIN + dt.timedelta(days=rng.randrange((DATE_MAX - DATE_MIN).days + 1))
    wd = d.weekday()
    if wd >= 5:  # move weekend dates to the following Monday
        d += dt.timedelta(days=7 - wd)
    return min(d, DATE_MAX)


class CorpusBuilder:
    """Generates all documents in chronological order, writing each as it goes."""

    def __init__(self, n: int, out: Path, rng: random.Random) -> None:
        self.n = n
        self.out = out
        self.rng = rng
        self.lang = Lang(rng)
        self.ids = IdRegistry()
        self.orgs = build_orgs(max(5, round(n / 50)), rng, self.ids)  # one organization per fifty
        self.org_by_id = {o.id: o for o in self.orgs}
        people_count = max(10, round(n / 5))  # one person per five documents
        self.people, self.members = build_people(people_count, self.orgs, rng, self.ids)
        self.heads = {o.id: self.members[o.id][0] for o in self.orgs}
        self.docs: list[Doc] = []
        self.regs: list[Doc] = []  # non-draft regulations generated so far
        self.anchor_regs: list[Doc] = []  # with articles
        self.numbered: list[Doc] = []
        self.superseded: set[int] = set()
        self.meeting_dates: list[dt.date] = []
        self.meetings: list[Doc] = []
        self.created_dirs: set[int] = set()

    # -- planning --------------------------------------------------------------
    def plan(self) -> None:
        r = self.rng
        n_meet = round(self.n * 0.2)
        kinds = ["meeting"] * n_meet + ["regulation"] * (self.n - n_meet)
        dated = sorted(((random_date(r), r.random(), k) for k in kinds), key=lambda t: (t[0], t[1]))
        width = max(4, len(str(self.n)))
        for i, (d, _, kind) in enumerate(dated):
            doc = Doc(i, "", kind, d)
            if kind == "regulation":
                doc.form = r.choices(FORMS, FORM_WEIGHTS)[0]
                slug = doc.form.slug
            else:
                slug = "zasedanie" if r.random() < 0.75 else "soveshchanie"
                k = 2 if r.random() < 0.25 else 1
                doc.organizers = [o.id for o in self.pick_orgs(k)]
                self.meetings.append(doc)
                self.meeting_dates.append(d)
            doc.id = self.ids.claim(f"{slug}-{d.year}-{i + 1:0{width}d}")
            self.docs.append(doc)

    def pick_orgs(self, k: int) -> list[Org]:
        first = self.rng.choice(self.orgs)
        if k == 1:
            return [first]
        peers = [o for o in self.orgs if o.region == first.region and o.id != first.id]
        pool = peers if peers and self.rng.random() < 0.7 else self.orgs
        second = self.rng.choice(pool)
        return [first] if second.id == first.id else [first, second]

    # -- helpers -------------------------------------------------------------------
    def earlier(self, pool: Sequence[Doc], before: int, k: int) -> list[Doc]:
        """Up to k distinct documents from pool with index < before."""
        hi = bisect.bisect_left(pool, before, key=attrgetter("index"))
        if hi == 0:
            return []
        picks: dict[int, Doc] = {}
        for _ in range(k * 2):
            # prefer recent documents: half of the picks from the last 200
            lo = max(0, hi - 200) if self.rng.random() < 0.5 else 0
            d = pool[self.rng.randrange(lo, hi)]
            picks.setdefault(d.index, d)
            if len(picks) >= k:
                break
        return sorted(picks.values(), key=lambda d: d.index)

    # -- writing -------------------------------------------------------------------
    def write(self, doc: Doc, front: dict[str, Any], body: str) -> None:
        folder = self.out / str(doc.date.year)
        if doc.date.year not in self.created_dirs:
            folder.mkdir(parents=True, exist_ok=True)
            self.created_dirs.add(doc.date.year)
        text = "---\n" + yaml_mapping(front) + "---\n"
        if body:
            text += "\n" + body.rstrip("\n") + "\n"
        with open(folder / f"{doc.id}.md", "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)

    def run(self) -> None:
        self.plan()
        for doc in self.docs:
            if doc.kind == "regulation":
                RegulationMaker(self, doc).make()
        for doc in self.meetings:
            MeetingMaker(self, doc).make()
        write_registries(self.out, self.orgs, self.people)


# ---------------------------------------------------------------------------
# Regulations
# ---------------------------------------------------------------------------


class RegulationMaker:
    """Front matter and body of one regulation."""

    def __init__(self, cb: CorpusBuilder, doc: Doc) -> None:
        self.cb = cb
        self.doc = doc
        self.rng = cb.rng
        self.lang = cb.lang
        self.form: Form = doc.form  # type: ignore[assignment]
        self.act, self.obj = self.lang.pair()
        self.front: dict[str, Any] = {}
        self.based_on: list[Doc] = []
        self.supersedes: list[Doc] = []
        self.amends: list[Doc] = []
        self.related: list[Doc] = []
        self.meeting: Doc | None = None
        self.issuers: list[Org] = []
        self.eff: dict[str, Any] | None = None

    def make(self) -> None:
        r, doc = self.rng, self.doc
        roll = r.random()
        doc.draft = roll < 0.03
        doc.external = 0.03 <= roll < 0.08
        self.choose_relations()
        self.choose_issuers()
        doc.rest = self.title_rest()
        doc.title = f"{self.form.name} {doc.rest}"
        if not doc.draft and r.random() < self.form.numbered:
            doc.number = self.make_number()
        if not doc.draft and r.random() < 0.62:
            self.eff = self.effective()
        body = "" if doc.external else self.body()
        self.build_front()
        self.cb.write(doc, self.front, body)
        if not doc.draft:
            self.cb.regs.append(doc)
            if doc.articles:
                self.cb.anchor_regs.append(doc)
            if doc.number:
                self.cb.numbered.append(doc)

    # -- metadata ------------------------------------------------------------------
    def choose_relations(self) -> None:
        r, cb, i = self.rng, self.cb, self.doc.index
        if r.random() < 0.30:
            self.based_on = cb.earlier(cb.regs, i, r.randint(1, 2))
        if self.doc.external:
            return
        if r.random() < 0.08:
            cands = [d for d in cb.earlier(cb.anchor_regs, i, 6) if d.index not in cb.superseded]
            same = [d for d in cands if d.form is self.form]
            self.supersedes = (same or cands)[:1]
            cb.superseded.update(d.index for d in self.supersedes)
        if self.form.name in AMENDING_FORMS and r.random() < 0.175:
            pool = cb.numbered if cb.numbered and r.random() < 0.8 else cb.anchor_regs
            self.amends = [
                d
                for d in cb.earlier(pool, i, 1)
                if d.articles
                and d not in self.supersedes
                and (d.number or not d.rest.startswith("о внесении"))
            ]
        if r.random() < 0.10:
            self.related = cb.earlier(cb.docs, i, r.randint(1, 2))
        if not self.doc.draft and r.random() < 0.22:
            self.meeting = self.find_meeting()

    def find_meeting(self) -> Doc | None:
        cb, d = self.cb, self.doc.date
        hi = bisect.bisect_right(cb.meeting_dates, d)
        cands = [
            m
            for m in cb.meetings[max(0, hi - 4) : hi]
            if m.index < self.doc.index and (d - m.date).days <= 120
        ]
        return self.rng.choice(cands) if cands else None

    def choose_issuers(self) -> None:
        if self.meeting is not None:
            self.issuers = [self.cb.org_by_id[o] for o in self.meeting.organizers]
        else:
            self.issuers = self.cb.pick_orgs(2 if self.rng.random() < 0.2 else 1)

    def make_number(self) -> str:
        r = self.rng
        tpl = r.choice(self.form.numbers)
        k = r.choices((r.randint(1, 30), r.randint(1, 200), r.randint(100, 2500)), (4, 4, 2))[0]
        return tpl.format(k=k, kk=f"{r.randint(1, 40):02d}", y=self.doc.date.year)

    def title_rest(self) -> str:
        r, L = self.rng, self.lang
        act, obj = self.act, self.obj
        if self.amends:
            t = self.amends[0]
            if t.number:
                return f"о внесении изменений в {L.doc_ref_text(t.form, t.date, t.number, ACC)}"  # type: ignore[arg-type]
            return f"о внесении изменений в {low(t.form.noun.form(ACC))} {t.rest}"  # type: ignore[union-attr]
        y = self.doc.date.year
        name = self.form.name
        if name == "Программа" and r.random() < 0.7:
            return f"{act.form(GEN)} {obj(GEN)} на {y + 1}–{y + r.randint(3, 5)} годы"
        if name == "План" and r.random() < 0.7:
            if r.random() < 0.5:
                return f"мероприятий по {act.form(DAT)} {obj(GEN)} на {y + (self.doc.date.month > 9)} год"
            return f"работы {self.issuers[0].case(GEN)} на {y + (self.doc.date.month > 9)} год"
        topic = f"{act.form(GEN)} {obj(GEN)}"
        doc = r.choice(("порядка", "регламента", "программы", "положения о порядке"))
        body = r.choice(("межведомственной комиссии", "рабочей группы", "координационного совета"))
        phrases = (
            f"{act.form(PREP)} {obj(GEN)}",
            f"порядке {topic}",
            f"мерах по {act.form(DAT)} {obj(GEN)}",
            f"утверждении плана мероприятий по {act.form(DAT)} {obj(GEN)}",
            f"утверждении {doc} {topic}",
            f"создании {body} по вопросам {topic}",
            f"ходе {topic}",
            f"итогах {topic} за {y - 1} год",
            f"дополнительных мерах по {act.form(DAT)} {obj(GEN)}",
        )
        return pp("о", r.choice(phrases))

    def build_front(self) -> None:
        r, doc, f = self.rng, self.doc, self.front
        f["id"] = Plain(doc.id)
        f["type"] = Plain("regulation")
        f["form"] = self.form.name
        if doc.number:
            f["number"] = doc.number
        f["title"] = doc.title
        f["date"] = doc.date
        if r.random() < 0.35:
            f["place"] = "г. " + r.choice(CITIES)[0]
        f["issuers"] = [Plain(o.id) for o in self.issuers]
        if not doc.external or r.random() < 0.5:
            f["signatories"] = self.signatories()
        if self.eff:
            f["effective"] = self.eff
        if doc.draft:
            f["status"] = Plain("draft")
        elif not doc.external and r.random() < 0.06 and (DATE_MAX - doc.date).days > 60:
            f["status"] = Plain("repealed")
            f["repealed_on"] = doc.date + dt.timedelta(days=r.randint(30, (DATE_MAX - doc.date).days))
        if self.meeting:
            f["adopted_at"] = Plain(self.meeting.id)
            self.meeting.adopted.append(doc.index)
        for key, docs in (
            ("based_on", self.based_on),
            ("supersedes", self.supersedes),
            ("amends", self.amends),
            ("related", self.related),
        ):
            if docs:
                f[key] = [Plain(d.id) for d in docs]
        if doc.external:
            f["external"] = True
            f["source_url"] = f"https://pravo.example.ru/documents/{doc.date.year}/{doc.id}"
        f["summary"] = self.summary()
        f["tags"] = r.sample(TAGS, r.randint(1, 4))

    def signatories(self) -> list[dict[str, Any]]:
        out = []
        for org in self.issuers[: self.rng.randint(1, 2)]:
            members = self.cb.members[org.id]
            p = members[0] if self.rng.random() < 0.8 else self.rng.choice(members)
            pos = next(x for x in p.positions if x.organization == org.id)
            out.append({"person": Plain(p.id), "position": cap(pos.title), "organization": Plain(org.id)})
        return out

    def effective(self) -> dict[str, Any]:
        r, d = self.rng, self.doc.date
        start = min(d + dt.timedelta(days=r.choice((0, 0, 0, 1, 10, 30, 90))), DATE_MAX)
        end: dt.date | None = None
        if r.random() < 0.5:
            end = dt.date(start.year + r.randint(0, 5), 12, 31)
            if end > DATE_MAX:
                end = None
        return {"from": start, "to": end}

    def summary(self) -> str:
        r, L = self.rng, self.lang
        verb = r.choice(("Определяет", "Устанавливает", "Регулирует", "Закрепляет"))
        what = r.choice(("порядок", "механизм", "основные принципы", "сроки и порядок"))
        s = f"{verb} {what} {self.act.form(GEN)} {self.obj(GEN)}"
        if r.random() < 0.5:
            s += f" {L.circumstance()}"
        return s + "."

    # -- body ------------------------------------------------------------------------
    def body(self) -> str:
        r = self.rng
        n = min(15, int(r.triangular(3, 16, 6)))
        self.doc.articles = n
        titles = self.article_titles(n)
        blocks: list[str] = []
        if r.random() < 0.5:
            blocks.append(self.preamble())
        sections = self.sections(n)
        level = "###" if sections else "##"
        tables_left = 1 if r.random() < 0.15 else 0
        for k in range(1, n + 1):
            if k in sections:
                blocks.append(sections[k])
            blocks.append(f"{level} Статья {k}. {titles[k - 1]}")
            paras = self.article(k, n)
            if tables_left and 1 < k < n and r.random() < 0.3:
                paras.append(self.lang.table_block(self.doc.date))
                tables_left = 0
            blocks.extend(paras)
        return "\n\n".join(blocks)

    def article_titles(self, n: int) -> list[str]:
        L = self.lang
        middle_fixed = [
            "Цели и задачи",
            "Основные понятия",
            "Принципы взаимодействия",
            "Полномочия участников",
            "Права и обязанности сторон",
            "Финансовое обеспечение",
            "Контроль за исполнением",
            "Ответственность",
            "Порядок рассмотрения разногласий",
        ]
        titles = ["Общие положения"]
        for _ in range(n - 2):
            if self.rng.random() < 0.4 and middle_fixed:
                titles.append(middle_fixed.pop(self.rng.randrange(len(middle_fixed))))
            else:
                titles.append(
                    cap(
                        f"{self.rng.choice(('Порядок', 'Организация', 'Сроки'))} {L.topic(GEN)}"
                        if self.rng.random() < 0.5
                        else L.topic(NOM)
                    )
                )
        titles.append("Заключительные положения")
        if self.amends:
            titles[0] = "Внесение изменений"
        return titles[:n]

    def sections(self, n: int) -> dict[int, str]:
        """Article number -> section heading placed before it (or {})."""
        r = self.rng
        if n < 6 or r.random() > 0.3:
            return {}
        count = r.randint(2, min(5, n // 2))
        starts = [1, *sorted(r.sample(range(2, n + 1), count - 1))]
        word, anchor = r.choice(
            (("Раздел", "roman"), ("Глава", "arabic"), ("Глава", "roman"), ("Раздел", "arabic"))
        )
        out = {}
        for i, start in enumerate(starts, 1):
            num = roman(i) if anchor == "roman" else str(i)
            if i == 1:
                name = "Общие положения"
            elif i == len(starts):
                name = "Заключительные положения"
            else:
                name = cap(self.lang.topic(NOM))
            out[start] = f"## {word} {num}. {name}"
        return out

    def preamble(self) -> str:
        L = self.lang
        adj = NASTOYASHCHIY.form(self.form.noun.gender, NOM)
        verb = DEVELOPED[_GN_INDEX[self.form.noun.gender]]
        s = f"{cap(adj)} {low(self.form.name)} {verb}"
        if self.based_on:
            t = self.based_on[0]
            s += f" на основании {self.ref(t, GEN)}"
        s += f" в целях {L.topic(GEN, (self.act, self.obj))}."
        return s

    def ref(self, t: Doc, case: int) -> str:
        """A wiki link to an earlier document, with inflected text when possible."""
        if t.kind == "regulation" and self.rng.random() < 0.6:
            text = self.lang.doc_ref_text(t.form, t.date, t.number, case)  # type: ignore[arg-type]
            return f"[[{t.id}|{text}]]"
        return f"[[{t.id}]]"

    def article(self, k: int, n: int) -> list[str]:
        """Paragraphs of article k of n: prose, then lists, citations and fixed clauses."""
        r, L = self.rng, self.lang
        paras = [L.paragraph(self.form) for _ in range(r.randint(1, 4))]
        if r.random() < 0.28:
            ref = self.reference_sentence()
            if ref:
                i = r.randrange(len(paras))
                paras[i] = paras[i] + " " + ref
        if r.random() < 0.12:
            paras.insert(r.randrange(len(paras) + 1), L.list_block())
        if r.random() < 0.06:
            mention = self.mention()
            if mention:
                paras.append(mention)
        if k == 1 and self.amends:
            paras.insert(0, self.amend_block())
        if k == n:
            paras.append(self.final_clause())
        return paras

    def amend_block(self) -> str:
        t = self.amends[0]
        items = []
        for i in range(1, self.rng.randint(1, 4) + 1):
            k = self.rng.randint(1, t.articles)
            items.append(
                f"{i}. В [[{t.id}#article-{k}]] слова «{self.lang.topic(NOM)}» "
                f"заменить словами «{self.lang.topic(NOM)}»."
            )
        return f"Внести в {self.ref(t, ACC)} следующие изменения:\n\n" + "\n".join(items)

    def final_clause(self) -> str:
        g = self.form.noun.gender
        adj = cap(NASTOYASHCHIY.form(g, NOM))
        parts = []
        if self.supersedes:
            t = self.supersedes[0]
            gn = t.form.noun.gender  # type: ignore[union-attr]
            parts.append(f"Признать {UTRATIVSHIY.form(gn, INS)} силу {self.ref(t, ACC)}.")
        start = self.eff["from"] if self.eff else self.doc.date
        if start == self.doc.date:
            parts.append(
                f"{adj} {low(self.form.name)} вступает в силу со дня его подписания."
                if g != "f"
                else f"{adj} {low(self.form.name)} вступает в силу со дня её подписания."
            )
        else:
            parts.append(f"{adj} {low(self.form.name)} вступает в силу с {ru_date(start)}")
        return " ".join(parts)

    def reference_sentence(self) -> str | None:
        r, cb, L, i = self.rng, self.cb, self.lang, self.doc.index
        k = r.randrange(10)
        if k < 3:
            targets = cb.earlier(cb.anchor_regs, i, 1)
            if targets:
                t = targets[0]
                a = r.randint(1, t.articles)
                return (
                    f"{cap(L.topic(NOM))} осуществляется с учётом требований, "
                    f"установленных [[{t.id}#article-{a}]]."
                )
        elif k < 6:
            targets = self.based_on or cb.earlier(cb.regs, i, 1)
            if targets:
                t = r.choice(targets)
                return f"В соответствии с {self.ref(t, INS)} {low(L.sentence())}"
        elif k < 8:
            targets = cb.earlier(cb.docs, i, 1)
            if targets:
                t = targets[0]
                return f"Порядок {L.topic(GEN)} определяется с учётом [[{t.id}]]."
        elif k == 8:
            p = r.choice(cb.people)
            return f"Ответственным за {L.topic(ACC)} назначается [[{p.id}]]."
        else:
            org = r.choice(self.issuers)
            return f"Методическое обеспечение {L.topic(GEN, avoid=OBESPECHENIE)} осуществляет [[{org.id}]]."
        return None

    def mention(self) -> str | None:
        """A plain-text citation of an earlier numbered document (form, date, number)."""
        targets = self.cb.earlier(self.cb.numbered, self.doc.index, 1)
        if not targets:
            return None
        t = targets[0]
        o = self.lang.obj("D")
        part = self.rng.choice(PARTICIPLES)[_GN_INDEX[o.gn]]
        text = self.lang.doc_ref_text(t.form, t.date, t.number, INS)  # type: ignore[arg-type]
        return f"{cap(text)} {part} {o(NOM)}."


# ---------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------


class MeetingMaker:
    """Front matter and body of one meeting."""

    def __init__(self, cb: CorpusBuilder, doc: Doc) -> None:
        self.cb = cb
        self.doc = doc
        self.rng = cb.rng
        self.lang = cb.lang
        self.orgs = [cb.org_by_id[o] for o in doc.organizers]
        self.chairs: list[Person] = []
        self.secretary: Person | None = None
        self.attendees: list[Person] = []
        self.place = self.rng.choice(CITIES) if self.rng.random() < 0.6 else None
        self.adopted = [cb.docs[i] for i in doc.adopted]

    def make(self) -> None:
        self.choose_people()
        doc, r = self.doc, self.rng
        doc.title = self.title()
        f: dict[str, Any] = {
            "id": Plain(doc.id),
            "type": Plain("meeting"),
            "title": doc.title,
            "date": doc.date,
        }
        if self.place:
            f["place"] = "г. " + self.place[0]
        f["organizers"] = [Plain(o.id) for o in self.orgs]
        f["chairs"] = [Plain(p.id) for p in self.chairs]
        if self.secretary:
            f["secretary"] = Plain(self.secretary.id)
        f["attendees"] = [Plain(p.id) for p in self.attendees]
        f["agenda"] = self.agenda()
        if r.random() < 0.1:
            rel = self.cb.earlier(self.cb.docs, doc.index, 1)
            if rel:
                f["related"] = [Plain(rel[0].id)]
        f["summary"] = self.summary()
        f["tags"] = r.sample(TAGS, r.randint(1, 3))
        self.cb.write(doc, f, self.body())

    def choose_people(self) -> None:
        r, cb = self.rng, self.cb
        used: set[str] = set()
        for org in self.orgs:
            head = cb.heads[org.id]
            if head.id not in used:
                self.chairs.append(head)
                used.add(head.id)
        if len(self.chairs) == 1 and r.random() < 0.15:
            co = r.choice(cb.people)
            if co.id not in used:
                self.chairs.append(co)
                used.add(co.id)
        pool = [p for o in self.orgs for p in cb.members[o.id] if p.id not in used]
        if r.random() < 0.7:
            cands = pool or [p for p in cb.people if p.id not in used]
            self.secretary = r.choice(cands)
            used.add(self.secretary.id)
        want = min(r.randint(3, 12), len(cb.people) - len(used))
        while len(self.attendees) < want:
            p = r.choice(pool) if pool and r.random() < 0.5 else r.choice(cb.people)
            if p.id not in used:
                used.add(p.id)
                self.attendees.append(p)

    def title(self) -> str:
        r, L = self.rng, self.lang
        gens = " и ".join(o.case(GEN) for o in self.orgs)
        if self.doc.id.startswith("soveshchanie"):
            return f"Рабочее совещание по вопросам {L.topic(GEN)}"
        head = "Совместное заседание" if len(self.orgs) > 1 else "Заседание"
        k = r.randrange(4)
        if k == 0:
            return f"{head} {gens}"
        if k == 1:
            return f"{head} {gens} по итогам работы за {self.doc.date.year - 1} год"
        if k == 2:
            return f"{head} {gens} по вопросам {L.topic(GEN)}"
        return f"{head} {gens} {pp('о', 'ходе ' + L.topic(GEN))}"

    @property
    def participants(self) -> list[Person]:
        return [*self.chairs, *([self.secretary] if self.secretary else []), *self.attendees]

    def agenda(self) -> list[dict[str, Any]]:
        r, L = self.rng, self.lang
        n = r.randint(1, 5)
        docs_per_item: list[list[Doc]] = [[] for _ in range(n)]
        for j, d in enumerate(self.adopted):
            docs_per_item[min(j, n - 1)].append(d)
        items = []
        for i in range(n):
            docs = docs_per_item[i]
            adopted = bool(docs)
            if not docs and r.random() < 0.1:
                docs = self.cb.earlier(self.cb.regs, self.doc.index, 1)
            if docs:
                d = docs[0]
                what = "Об утверждении" if adopted else "О ходе реализации"
                title = f"{what} {low(d.form.noun.form(GEN))} {d.rest}"  # type: ignore[union-attr]
            else:
                title = (
                    cap(pp("о", r.choice(("ходе ", "итогах ", "состоянии ", "")) + L.topic(GEN)))
                    if r.random() < 0.5
                    else cap(pp("о", L.topic(PREP)))
                )
            item: dict[str, Any] = {"title": title}
            speakers = r.sample(self.participants, min(len(self.participants), r.randint(1, 3)))
            item["speakers"] = [{"person": Plain(p.id), "summary": self.speech(p)} for p in speakers]
            item["decisions"] = [self.decision(docs if adopted else []) for _ in range(r.randint(1, 3))]
            if docs:
                item["documents"] = [Plain(d.id) for d in docs]
            items.append(item)
        return items

    def speech(self, p: Person) -> str:
        r, L = self.rng, self.lang
        g = p.gn
        k = r.randrange(4)
        if k == 0:
            return f"{past('Доложи', g)} {pp('о', L.topic(PREP))}."
        if k == 1:
            return f"{past('Предложи', g)} {r.choice(VERBS)[3]} {L.topic(ACC)}."
        if k == 2:
            return f"{past('Отмети', g)} необходимость {L.topic(GEN)}."
        return f"{past('Проинформирова', g)} участников {pp('о', 'результатах ' + L.topic(GEN))}."

    def decision(self, docs: list[Doc]) -> str:
        r, L = self.rng, self.lang
        k = r.randrange(4)
        if docs and k == 0:
            d = docs[0]
            return f"Утвердить {low(d.form.noun.form(ACC))} {d.rest}."  # type: ignore[union-attr]
        if k == 1:
            return f"Принять к сведению информацию {pp('о', L.topic(PREP))}."
        if k == 2:
            deadline = self.doc.date + dt.timedelta(days=r.randint(20, 200))
            org = r.choice(self.cb.orgs)
            return (
                f"Поручить {org.case(DAT)} {r.choice(VERBS)[3]} {L.topic(ACC)} в срок до {ru_date(deadline)}"
            )
        return f"Рекомендовать {L.subject()(DAT)} {r.choice(VERBS)[3]} {L.topic(ACC)}."

    def summary(self) -> str:
        s = f"Рассмотрены вопросы {self.lang.topic(GEN)}"
        if self.adopted:
            verb = "подписан" if len(self.adopted) == 1 else "подписаны"
            word = "документ" if len(self.adopted) == 1 else "документы"
            s += f"; {verb} {word}"
        return s + "."

    def body(self) -> str:
        r, L, doc = self.rng, self.lang, self.doc
        gens = " и ".join(o.case(GEN) for o in self.orgs)
        kind = "рабочее совещание" if doc.id.startswith("soveshchanie") else "заседание"
        where = f" в г. {self.place[1]}" if self.place else ""
        chair = self.chairs[0]
        paras = [
            f"{ru_date(doc.date)}{where} состоялось {kind} {gens}. "
            f"{past('Председательствова', chair.gn)} [[{chair.id}]]."
        ]
        count = len(self.participants)
        paras.append(
            f"В работе приняли участие {count} {people_word(count)}, в том числе "
            f"представители {r.choice(OWNERS[:6])}. {L.account()}"
        )
        for p in r.sample(self.participants, min(len(self.participants), r.randint(0, 3))):
            verb = past("выступи", p.gn)
            pron = "Она" if p.female else "Он"
            subj = L.subject()
            v = r.choice(VERBS)
            paras.append(
                f"С докладом {pp('о', L.topic(PREP))} {verb} [[{p.id}]]. "
                f"{pron} {past('отмети', p.gn)}, что {low(subj(NOM))} "
                f"{past(v[2], subj.gn)} {L.topic(ACC)}."
            )
        if self.adopted:
            links = " и ".join(f"[[{d.id}]]" for d in self.adopted[:3])
            gn = "p" if len(self.adopted) > 1 else self.adopted[0].form.noun.gender  # type: ignore[union-attr]
            event = "совещания" if kind == "рабочее совещание" else "заседания"
            paras.append(f"По итогам {event} {PARTICIPLES[2][_GN_INDEX[gn]]} {links}.")
        elif r.random() < 0.5:
            ref = self.cb.earlier(self.cb.regs, doc.index, 1)
            if ref:
                paras.append(f"Участники обсудили ход выполнения [[{ref[0].id}]]. {L.account()}")
        if len(paras) < 6 and r.random() < 0.6:
            deadline = doc.date + dt.timedelta(days=r.randint(20, 200))
            org = r.choice(self.orgs)
            paras.append(
                f"По итогам обсуждения {low(chair_role(chair))} [[{chair.id}]] "
                f"{past('поручи', chair.gn)} {org.case(DAT)} {r.choice(VERBS)[3]} "
                f"{L.topic(ACC)} в срок до {ru_date(deadline)}"
            )
        return "\n\n".join(paras[:6])


def chair_role(p: Person) -> str:
    return "председательствующая" if p.female else "председательствующий"


# ---------------------------------------------------------------------------
# YAML
# ---------------------------------------------------------------------------


def yaml_scalar(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Plain):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, int):
        return str(v)
    s = str(v).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{s}"'


def _yaml_lines(v: Any, pad: str) -> list[str]:
    lines: list[str] = []
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(x, (dict, list)):
                lines.append(f"{pad}{k}:")
                lines.extend(_yaml_lines(x, pad + "  "))
            else:
                lines.append(f"{pad}{k}: {yaml_scalar(x)}")
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, dict):
                sub = _yaml_lines(x, pad + "  ")
                sub[0] = f"{pad}- {sub[0][len(pad) + 2 :]}"
                lines.extend(sub)
            else:
                lines.append(f"{pad}- {yaml_scalar(x)}")
    return lines


def yaml_mapping(d: dict[str, Any]) -> str:
    return "\n".join(_yaml_lines(d, "")) + "\n"


def write_registries(out: Path, orgs: list[Org], people: list[Person]) -> None:
    org_items = []
    for o in orgs:
        item: dict[str, Any] = {"id": Plain(o.id), "name": o.name}
        if o.short_name:
            item["short_name"] = o.short_name
        if o.parent:
            item["parent"] = Plain(o.parent)
        org_items.append(item)
    person_items = []
    for p in people:
        item = {"id": Plain(p.id), "name": p.name}
        if p.signature:
            item["signature_name"] = p.signature_name
        positions = []
        for pos in p.positions:
            entry: dict[str, Any] = {"title": pos.title, "organization": Plain(pos.organization)}
            if pos.start:
                entry["from"] = pos.start
            if pos.end:
                entry["to"] = pos.end
            positions.append(entry)
        item["positions"] = positions
        person_items.append(item)
    for name, items in (("organizations.yml", org_items), ("people.yml", person_items)):
        with open(out / name, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(_yaml_lines(items, "")) + "\n")


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------


def make_corpus(n: int, out: Path, seed: int = 1) -> None:
    """Write a content root with n documents into out (which must be empty or absent)."""
    if n < 1:
        raise ValueError("N must be at least 1")
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FileExistsError(f"{out} exists and is not an empty folder")
    out.mkdir(parents=True, exist_ok=True)
    CorpusBuilder(n, out, random.Random(seed)).run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic regpub content root for benchmarks.")
    parser.add_argument("n", type=int, metavar="N", help="number of documents")
    parser.add_argument("dir", type=Path, metavar="DIR", help="output folder (new or empty)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    try:
        make_corpus(args.n, args.dir, args.seed)
    except FileExistsError as exc:
        print(f"make_corpus: {exc}; refusing to write into it", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"make_corpus: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
