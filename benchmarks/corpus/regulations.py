"""A regulation's front matter and original text: articles `## Статья N. …` (under sections or
chapters in some), a preamble, lists and tables, references to earlier documents of the corpus
(`[[id]]`, `[[id#article-N]]`, `[[id|постановлением от … № …]]`), citations by form and number
of documents outside it, the amending article of an amendment and the final clause."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

from .body import Article, Body
from .dates import roman, ru_date
from .forms import citation_sentence, reference_text
from .grammar import ACC, GEN, GN_INDEX, INS, NOM, cap, low
from .model import Doc
from .names import CITIES
from .phrases import Lang
from .plan import Plan
from .versions import amendment_text
from .vocabulary import (
    ARTICLE_TITLES,
    DEVELOPED,
    FIRST_ARTICLE,
    LAST_ARTICLE,
    NASTOYASHCHIY,
    OBESPECHENIE,
    PARTICIPLES,
    TAGS,
    UTRATIVSHIY,
)

DOCUMENT_REFERENCES = 0.19  # the chance an article refers to an earlier document of the corpus
OTHER_REFERENCES = 0.06  # … to a person or an organization
CORPUS_CITATIONS = 0.05  # … names an earlier document of the corpus by form, date and number
OUTSIDE_CITATIONS = 0.8  # the chance a body cites documents outside the corpus


class Regulation:
    """Writes one planned regulation; its own random generator keeps it independent of others."""

    def __init__(self, doc: Doc, plan: Plan, seed: int) -> None:
        self.doc = doc
        self.plan = plan
        self.rng = random.Random(f"{seed}:{doc.id}")
        self.lang = Lang(self.rng)
        self.form = doc.printed_form

    def front(self) -> dict[str, Any]:
        r, doc = self.rng, self.doc
        front: dict[str, Any] = {
            "id": doc.id,
            "type": "regulation",
            "title": doc.title,
            "form": self.form.name,
        }
        if doc.number:
            front["number"] = int(doc.number) if doc.number.isdigit() else doc.number
        front["date"] = doc.date
        front["summary"] = self._summary()
        front["tags"] = r.sample(TAGS, r.randint(1, 4))
        front["issuers"] = [org.id for org in doc.issuers]
        if not doc.external or r.random() < 0.5:
            front["signatories"] = self._signatories()
        if r.random() < 0.35:
            front["place"] = "г. " + r.choice(CITIES)[0]
        if doc.effective:
            start, end = doc.effective
            front["effective"] = {"from": start, "to": end} if end else {"from": start}
        if doc.draft:
            front["status"] = "draft"
        elif doc.repealed_on:
            front["status"] = "repealed"
            front["repealed_on"] = doc.repealed_on
        if doc.meeting:
            front["adopted_at"] = doc.meeting.id
        for key, docs in (
            ("based_on", doc.based_on),
            ("supersedes", doc.supersedes),
            ("related", doc.related),
        ):
            if docs:
                front[key] = [d.id for d in docs]
        if doc.amends:
            front["amends"] = [doc.amends.target.id]
        if doc.external:
            front["external"] = True
            front["source_url"] = f"https://pravo.example.ru/documents/{doc.date.year}/{doc.id}"
        return front

    def _signatories(self) -> list[dict[str, Any]]:
        signed = []
        for org in self.doc.issuers[: self.rng.randint(1, 2)]:
            members = self.plan.registries.members[org.id]
            person = members[0] if self.rng.random() < 0.8 else self.rng.choice(members)
            position = person.position_at(org).title
            signed.append({"person": person.id, "position": position, "organization": org.id})
        return signed

    def _summary(self) -> str:
        r = self.rng
        assert self.doc.topic is not None
        act, obj = self.doc.topic
        verb = r.choice(("Определяет", "Устанавливает", "Регулирует", "Закрепляет"))
        what = r.choice(("порядок", "механизм", "основные принципы", "сроки и порядок"))
        text = f"{verb} {what} {act.form(GEN)} {obj(GEN)}"
        if r.random() < 0.5:
            text += f" {self.lang.circumstance()}"
        return text + "."

    def body(self) -> Body | None:
        """The original text, holding every paragraph an amendment of it will change."""
        if self.doc.external:
            return None
        r, count = self.rng, self.doc.articles
        titles = self._titles(count)
        sections = self._sections(count)
        table_at = r.randint(2, count - 1) if count > 2 and r.random() < 0.15 else 0
        articles = []
        for number in range(1, count + 1):
            paragraphs = self._article(number, count)
            if number == table_at:
                paragraphs.append(self.lang.table_block(self.doc.date))
            section = sections.get(number)
            articles.append(Article(str(number), titles[number - 1], tuple(paragraphs), section))
        preamble = self._preamble() if r.random() < 0.5 and not self.doc.amends else None
        self._cite_outside(articles)
        for amendment in self.doc.amended_by:  # what the amendments change, as it read before
            for change in amendment.changes:
                if change.before:
                    article = articles[change.article - 1]
                    articles[change.article - 1] = replace(
                        article, paragraphs=(*article.paragraphs, change.before)
                    )
        return Body(tuple(articles), preamble, "###" if sections else "##")

    def _titles(self, count: int) -> list[str]:
        r, lang = self.rng, self.lang
        if self.doc.amends:
            return [
                "Внесение изменений",
                *(cap(lang.topic(NOM)) for _ in range(count - 2)),
                "Вступление в силу",
            ]
        fixed = list(ARTICLE_TITLES)
        titles = [FIRST_ARTICLE]
        for _ in range(count - 2):
            if r.random() < 0.4 and fixed:
                titles.append(fixed.pop(r.randrange(len(fixed))))
            elif r.random() < 0.5:
                titles.append(cap(f"{r.choice(('Порядок', 'Организация', 'Сроки'))} {lang.topic(GEN)}"))
            else:
                titles.append(cap(lang.topic(NOM)))
        return [*titles, LAST_ARTICLE][:count]

    def _sections(self, count: int) -> dict[int, str]:
        """Article number → the heading of the section or chapter that starts there (or {})."""
        r = self.rng
        if count < 6 or self.doc.amends or r.random() > 0.3:
            return {}
        parts = r.randint(2, min(5, count // 2))
        starts = [1, *sorted(r.sample(range(2, count + 1), parts - 1))]
        word, numbering = r.choice((("Раздел", roman), ("Глава", str), ("Глава", roman), ("Раздел", str)))
        headings = {}
        for i, start in enumerate(starts, 1):
            name = (
                FIRST_ARTICLE if i == 1 else LAST_ARTICLE if i == len(starts) else cap(self.lang.topic(NOM))
            )
            headings[start] = f"## {word} {numbering(i)}. {name}"
        return headings

    def _preamble(self) -> str:
        gender = self.form.noun.gender
        text = f"{cap(NASTOYASHCHIY.form(gender, NOM))} {low(self.form.name)} {DEVELOPED[GN_INDEX[gender]]}"
        if self.doc.based_on:
            text += f" на основании {self.ref(self.doc.based_on[0], GEN)}"
        return text + f" в целях {self.lang.topic(GEN, self.doc.topic)}."

    def ref(self, target: Doc, case: int) -> str:
        """A link to an earlier document, with the citation as its text when it is a regulation."""
        if target.form is not None and self.rng.random() < 0.6:
            return f"[[{target.id}|{reference_text(target.form, target.date, target.number, case)}]]"
        return f"[[{target.id}]]"

    def _article(self, number: int, count: int) -> list[str]:
        """Article `number` of `count`: prose with references and citations, maybe a list."""
        r, lang, doc = self.rng, self.lang, self.doc
        if doc.amends and number == count:  # «Вступление в силу»: the final clause alone
            return [self._final_clause()]
        if number == 1 and doc.amends:
            paragraphs = [amendment_text(doc.amends, self.ref(doc.amends.target, ACC))]
        else:
            paragraphs = [lang.paragraph(self.form.noun) for _ in range(r.randint(1, 4))]
        extra = [
            (DOCUMENT_REFERENCES, self._document_reference),
            (OTHER_REFERENCES, self._other_reference),
            (CORPUS_CITATIONS, self._corpus_citation),
        ]
        for chance, make in extra:
            sentence = make() if r.random() < chance else None
            if sentence:
                paragraphs = _with_sentence(paragraphs, sentence, r)
        if r.random() < 0.12:
            paragraphs.insert(r.randrange(len(paragraphs) + 1), lang.list_block())
        if number == count:
            paragraphs.append(self._final_clause())
        return paragraphs

    def _document_reference(self) -> str | None:
        r, lang, plan, i = self.rng, self.lang, self.plan, self.doc.index
        k = r.randrange(3)
        if k == 0:
            found = plan.earlier(plan.anchored, i, 1)
            if found:
                anchor = f"{found[0].id}#article-{r.randint(1, found[0].articles)}"
                return (
                    f"{cap(lang.topic(NOM))} осуществляется с учётом требований, установленных [[{anchor}]]."
                )
        elif k == 1:
            found = self.doc.based_on or plan.earlier(plan.regs, i, 1)
            if found:
                return f"В соответствии с {self.ref(r.choice(found), INS)} {low(lang.sentence())}"
        else:
            found = plan.earlier(plan.docs, i, 1)
            if found:
                return f"Порядок {lang.topic(GEN)} определяется с учётом [[{found[0].id}]]."
        return None

    def _other_reference(self) -> str:
        r, lang = self.rng, self.lang
        if r.random() < 0.5:
            person = r.choice(self.plan.registries.people)
            return f"Ответственным за {lang.topic(ACC)} назначается [[{person.id}]]."
        org = r.choice(self.doc.issuers)
        return f"Методическое обеспечение {lang.topic(GEN, avoid=OBESPECHENIE)} осуществляет [[{org.id}]]."

    def _corpus_citation(self) -> str | None:
        """A plain-text citation of an earlier numbered document, which the check links."""
        found = self.plan.earlier(self.plan.numbered, self.doc.index, 1)
        if not found:
            return None
        target = found[0]
        obj = self.lang.obj("D")
        done = self.rng.choice(PARTICIPLES)[GN_INDEX[obj.gn]]
        text = reference_text(target.printed_form, target.date, target.number, INS)
        return f"{cap(text)} {done} {obj(NOM)}."

    def _cite_outside(self, articles: list[Article]) -> None:
        """Citations of documents outside the corpus, in one or two articles."""
        r = self.rng
        if r.random() >= OUTSIDE_CITATIONS:
            return
        for _ in range(r.choice((1, 1, 2))):
            outside = self.plan.outside_before(self.doc.date, r)
            if outside is None:
                return
            sentence = citation_sentence(self.lang, outside)
            i = r.randrange(len(articles))
            article = articles[i]
            paragraphs = _with_sentence(list(article.paragraphs), sentence, r)
            articles[i] = replace(article, paragraphs=tuple(paragraphs))

    def _final_clause(self) -> str:
        gender = self.form.noun.gender
        this = cap(NASTOYASHCHIY.form(gender, NOM))
        parts = []
        for old in self.doc.supersedes:
            lost = UTRATIVSHIY.form(old.printed_form.noun.gender, INS)
            parts.append(f"Признать {lost} силу {self.ref(old, ACC)}.")
        start = self.doc.start
        if start == self.doc.date:
            pronoun = "её" if gender == "f" else "его"
            parts.append(f"{this} {low(self.form.name)} вступает в силу со дня {pronoun} подписания.")
        else:
            parts.append(f"{this} {low(self.form.name)} вступает в силу с {ru_date(start)}")
        return " ".join(parts)


def _with_sentence(paragraphs: list[str], sentence: str, rng: random.Random) -> list[str]:
    """The paragraphs with `sentence` added to one of prose (a list, table or amendment keeps
    its end: the sentence then makes a paragraph of its own)."""
    at = rng.randrange(len(paragraphs)) if paragraphs else 0
    if paragraphs and "\n" not in paragraphs[at] and not paragraphs[at].startswith("Внести в"):
        return [*paragraphs[:at], f"{paragraphs[at]} {sentence}", *paragraphs[at + 1 :]]
    return [*paragraphs[:at], sentence, *paragraphs[at:]]
