"""Titles: a regulation's after its form («о порядке координации …»), a meeting's whole."""

from __future__ import annotations

from .forms import reference_text
from .grammar import ACC, DAT, GEN, PREP, cap, low, pp
from .model import Doc
from .phrases import Lang


def regulation_rest(lang: Lang, doc: Doc) -> str:
    """What follows the form in a regulation's title."""
    r = lang.rng
    if doc.amends is not None:
        target = doc.amends.target
        form = target.printed_form
        if target.number:
            return f"о внесении изменений в {reference_text(form, target.date, target.number, ACC)}"
        return f"о внесении изменений в {low(form.noun.form(ACC))} {target.rest}"
    assert doc.topic is not None
    act, obj = doc.topic
    year = doc.date.year
    name = doc.printed_form.name
    if name == "Программа" and r.random() < 0.7:
        return f"{act.form(GEN)} {obj(GEN)} на {year + 1}–{year + r.randint(3, 5)} годы"
    if name == "План" and r.random() < 0.7:
        planned = year + (doc.date.month > 9)
        if r.random() < 0.5:
            return f"мероприятий по {act.form(DAT)} {obj(GEN)} на {planned} год"
        return f"работы {doc.issuers[0].case(GEN)} на {planned} год"
    topic = f"{act.form(GEN)} {obj(GEN)}"
    kind = r.choice(("порядка", "регламента", "программы", "положения о порядке"))
    body = r.choice(("межведомственной комиссии", "рабочей группы", "координационного совета"))
    phrases = (
        f"{act.form(PREP)} {obj(GEN)}",
        f"порядке {topic}",
        f"мерах по {act.form(DAT)} {obj(GEN)}",
        f"утверждении плана мероприятий по {act.form(DAT)} {obj(GEN)}",
        f"утверждении {kind} {topic}",
        f"создании {body} по вопросам {topic}",
        f"ходе {topic}",
        f"итогах {topic} за {year - 1} год",
        f"дополнительных мерах по {act.form(DAT)} {obj(GEN)}",
    )
    return pp("о", r.choice(phrases))


def meeting_title(lang: Lang, doc: Doc) -> str:
    r = lang.rng
    organizers = " и ".join(org.case(GEN) for org in doc.issuers)
    if doc.event == "рабочее совещание":
        return f"Рабочее совещание по вопросам {lang.topic(GEN)}"
    head = "Совместное заседание" if len(doc.issuers) > 1 else "Заседание"
    k = r.randrange(4)
    if k == 0:
        return f"{head} {organizers}"
    if k == 1:
        return f"{head} {organizers} по итогам работы за {doc.date.year - 1} год"
    if k == 2:
        return f"{head} {organizers} по вопросам {lang.topic(GEN)}"
    return f"{head} {organizers} {pp('о', 'ходе ' + lang.topic(GEN))}"


def agenda_title(lang: Lang, adopted: Doc | None) -> str:
    """An agenda item: the approval of a document, or a question."""
    if adopted is not None:
        return f"Об утверждении {low(adopted.printed_form.noun.form(GEN))} {adopted.rest}"
    r = lang.rng
    if r.random() < 0.5:
        return cap(pp("о", r.choice(("ходе ", "итогах ", "состоянии ")) + lang.topic(GEN)))
    return cap(pp("о", lang.topic(PREP)))


def first_words(paragraph: str, count: int = 5) -> str:
    """The first words of a paragraph, as an amendment quotes them to name it."""
    return " ".join(paragraph.split()[:count]).rstrip(".,;:")
