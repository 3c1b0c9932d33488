"""Every Russian word and phrase the Python code shows readers and clerks, in one place.

Page templates (`generator/resources/site/*.html`) hold the labels of their own layout; dates
are formatted by `generator.core.russian`. Keys are English (status codes, relation names, change
kinds); the values are what the public reads.
"""

from __future__ import annotations

# Document forms, as editors write them in `form:` and as citations name them, with the
# stem that recognises the form in any grammatical case (`постановлением` → Постановление).
FORMS = {
    "Положение": "положени",
    "Программа": "программ",
    "Постановление": "постановлени",
    "Директива": "директив",
    "Резолюция": "резолюци",
    "Решение": "решени",
    "План": "план",
    "Приказ": "приказ",
    "Распоряжение": "распоряжени",
}
# A form in the cases a consolidated text names an amendment in: genitive («в ред. решения»),
# genitive plural («в ред. решений от …, от …»), instrumental («введена решением»).
FORM_CASES = {
    "Положение": ("положения", "положений", "положением"),
    "Программа": ("программы", "программ", "программой"),
    "Постановление": ("постановления", "постановлений", "постановлением"),
    "Директива": ("директивы", "директив", "директивой"),
    "Резолюция": ("резолюции", "резолюций", "резолюцией"),
    "Решение": ("решения", "решений", "решением"),
    "План": ("плана", "планов", "планом"),
    "Приказ": ("приказа", "приказов", "приказом"),
    "Распоряжение": ("распоряжения", "распоряжений", "распоряжением"),
}
DOCUMENT_CASES = ("документа", "документов", "документом")  # any other form
AS_AMENDED = "в ред."
TEXT_OF_DAY = "ред. от {date}"  # a reference's link to the text of the day it was made
ADDED_FEMININE = "введена"  # статья, глава
ADDED_MASCULINE = "введён"  # раздел
MEETING_FORM = "Заседание"  # how a meeting is named where documents show their form
PROTOCOL = "Протокол"  # a meeting's DOCX, as its properties name it

# Computed status of a regulation (README: "Computed status"), by `generator.core.status.Status` code.
STATUS = {
    "draft": "Проект",
    "repealed": "Утратил силу",
    "superseded": "Заменён",
    "pending": "Не вступил в силу",
    "expired": "Срок действия истёк",
    "external": "Внешний документ",
    "in_force": "Действует",
}

# Control status of an assignment (README: "Decisions, votes and assignments"), by
# `generator.core.control.Control` code.
CONTROL = {
    "on_control": "На контроле",
    "overdue": "Просрочено",
    "done": "Исполнено",
    "done_late": "Исполнено с нарушением срока",
}

UNANIMOUS = "единогласно"
NONE = "нет"  # «против» — нет
VOTED = "Голосовали:"
ASSIGNEES = "Ответственные:"
DUE = "Срок — до"
REJECTED = "Решение не принято."

# Relation groups on a document's page: (label, relation, direction), both directions of each
# relation an editor writes (README: "What an editor writes").
REGULATION_RELATIONS = (
    ("На основании", "based_on", "out"),
    ("Основание для", "based_on", "in"),
    ("Заменяет", "supersedes", "out"),
    ("Заменён", "supersedes", "in"),
    ("Изменяет", "amends", "out"),
    ("Изменён", "amends", "in"),
    ("Ссылается на", "references", "out"),
    ("Ссылаются на этот документ", "references", "in"),
    ("См. также", "related", "both"),
)
MEETING_RELATIONS = REGULATION_RELATIONS[-3:]

# Texts of a regulation (редакции, README: "Versions").
EDITION_IN_FORCE = "действующая"
EDITION_NOT_IN_FORCE = "недействующая"
EDITION = "Редакция от {date} ({state})"  # as documents name a text
EDITION_ROW = "{state} редакция"  # in the list of texts on a regulation's page
EDITION_TITLE = "{title} (редакция от {date})"
CHANGES_TITLE = "Изменения в редакции от {date}: {title}"
CHANGES_DOCX_TITLE = "{title} (изменения в редакции от {date})"
CHANGES_DOCX_EDITION = "Изменения, внесённые документом «{by}» (редакция от {date})"
AN_AMENDMENT = "изменением"  # "by" when the amending document is not in the corpus

# The "what changed" page: what became of an article.
CHANGE_KINDS = {
    "changed": "изменена",
    "inserted": "добавлена",
    "deleted": "исключена",
    "moved": "перенесена",
}
MOVED_FROM = "перенесена: было «{heading}»"
PREAMBLE = "Преамбула"
UNCHANGED = "{name} — без изменений"

# The protocol of a meeting in its DOCX (GOST R 7.0.97-2016).
PROTOCOL_FORM = "ПРОТОКОЛ"
CHAIR = "Председатель"
CHAIRS = "Председатели"
SECRETARY = "Секретарь"
PRESENT = "Присутствовали"
INVITED = "Приглашённые"
AGENDA = "ПОВЕСТКА ДНЯ:"
HEARD = "{n}. СЛУШАЛИ:"
SPOKE = "ВЫСТУПИЛИ:"
DECIDED = "ПОСТАНОВИЛИ:"
ADOPTED_ONE = "Принят документ:"
ADOPTED_MANY = "Приняты документы:"

# Material admonitions in a DOCX: the title a `!!! kind` without its own title gets.
ADMONITION_TITLES = {
    "note": "Примечание",
    "abstract": "Аннотация",
    "summary": "Аннотация",
    "tldr": "Аннотация",
    "info": "Информация",
    "todo": "Информация",
    "tip": "Совет",
    "hint": "Совет",
    "important": "Важно",
    "success": "Выполнено",
    "check": "Выполнено",
    "done": "Выполнено",
    "question": "Вопрос",
    "help": "Вопрос",
    "faq": "Вопрос",
    "warning": "Внимание",
    "caution": "Внимание",
    "attention": "Внимание",
    "failure": "Ошибка",
    "fail": "Ошибка",
    "missing": "Ошибка",
    "danger": "Опасно",
    "error": "Ошибка",
    "bug": "Ошибка",
    "example": "Пример",
    "quote": "Цитата",
    "cite": "Цитата",
}

# The sections a page's template puts around the body, by anchor: the template's heading and
# its entry in the page's table of contents (`generator.doctypes.sections`).
SECTIONS = {
    "agenda": "Повестка дня",
    "adopted": "Принятые документы",
    "record": "Ход заседания",
    "photos": "Фотографии",
    "versions": "Редакции",
    "relations": "Связанные документы",
    "positions": "Должности",
    "signed": "Подписанные документы",
    "chaired": "Председательствовал на заседаниях",
    "secretary": "Секретарь заседаний",
    "attended": "Участвовал в заседаниях",
    "spoke": "Выступления",
    "issued": "Изданные документы",
    "organized": "Проведённые заседания",
    "signed-for": "Документы, подписанные от имени организации",
    "referenced": "Упоминается в документах",
    "assignments": "Поручения",
    "votes": "Голосование поимённо",
}

# The site's navigation and generated list pages.
HOME = "Главная"
REGISTER = "Реестр"
REGISTER_TITLE = "Реестр документов"
DECISIONS = "Контроль исполнения"  # the register of assignments
REGULATIONS = "Документы"
MEETINGS = "Заседания"
PEOPLE = "Люди"
ORGANIZATIONS = "Организации"
PERMALINK = "Ссылка на этот раздел"
NO_DOCUMENTS = "Нет документов."
NO_RECORDS = "Нет записей."
STATUS_TABLE = "| Статус | Документов |"
STATUS_HEADING = "Статус"
SECTIONS_HEADING = "Разделы"
BY_YEAR = "По годам"
BY_FORM = "По видам"
BY_ISSUER = "По издавшим органам"
LATEST_DOCUMENTS = "Последние документы"
LATEST_MEETINGS = "Последние заседания"
DOCUMENTS_TOTAL = "Всего документов: {count}. Полный список с отбором — в [реестре]({register})."
MEETINGS_TOTAL = "Всего заседаний: {count}."
YEAR_TITLE = "Документы и заседания {year} года"
SUMMARY = "{form} от {date}"  # a feed entry without a summary of its own

# The preview (`regpub serve`).
PREVIEW_ERRORS = "Ошибки в материалах"
PREVIEW_FIX = "Исправьте файлы: страница обновится сама."
PREVIEW_NOT_FOUND = "Нет такой страницы"
