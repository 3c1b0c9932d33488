// A regulation's status on the day the page is read (README: "Computed status").
//
// Every element that shows a status carries the dates the status depends on, as JSON in
// data-regpub-status (a badge), data-regpub-status-banner (the notice above a document's
// text), data-regpub-if-in-force (shown while that document is in force) or
// data-regpub-facts around a regulation's texts (data-regpub-text, which one is in force). The rule is generator/core/status.py's, written again here; the test suite runs every
// case of the Python rule through this script and compares. Without script the page keeps the
// build day's wording, which stays true until the status next changes.
(function () {
  "use strict";

  const LABELS = {
    draft: "Проект",
    repealed: "Утратил силу",
    superseded: "Заменён",
    pending: "Не вступил в силу",
    expired: "Срок действия истёк",
    external: "Внешний документ",
    in_force: "Действует",
  };
  const NOTES = {
    superseded: "См. «Заменён» ниже.",
    draft: "Это проект, а не принятый документ.",
    external: "Документ опубликован в другом месте; здесь хранится только ссылка на него.",
  };
  const MONTHS = [
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
  ];

  // Days are ISO strings ("2027-03-01"), which compare as the days they name.
  function addDays(day, count) {
    const moved = new Date(day + "T00:00:00Z");
    moved.setUTCDate(moved.getUTCDate() + count);
    return moved.toISOString().slice(0, 10);
  }

  function longDate(day) {
    const [year, month, date] = day.split("-");
    return `${Number(date)} ${MONTHS[Number(month) - 1]} ${year} г.`;
  }

  // The rule, in the order README: "Computed status" gives.
  function on(facts, day) {
    if (facts.draft) return "draft";
    if (facts.repealed && facts.repealed <= day) return "repealed";
    if ((facts.superseded || []).some((start) => start <= day)) return "superseded";
    if (facts.from && facts.from > day) return "pending";
    if (facts.to && facts.to < day) return "expired";
    if (facts.external) return "external";
    return "in_force";
  }

  // The days on which the status may change, in order.
  function turns(facts) {
    const days = new Set(facts.superseded || []);
    if (facts.repealed) days.add(facts.repealed);
    if (facts.from) days.add(facts.from);
    if (facts.to) days.add(addDays(facts.to, 1));
    return [...days].sort();
  }

  function since(facts, day) {
    const status = on(facts, day);
    const before = turns(facts).filter((turn) => turn <= day).reverse();
    return before.find((turn) => on(facts, addDays(turn, -1)) !== status) || null;
  }

  function nextChange(facts, day) {
    const status = on(facts, day);
    return turns(facts).find((turn) => turn > day && on(facts, turn) !== status) || null;
  }

  function wording(facts, day) {
    const status = on(facts, day);
    const start = since(facts, day);
    const turn = nextChange(facts, day);
    if (status === "pending" && facts.from) return `Вступает в силу ${longDate(facts.from)}`;
    if (status === "expired" && facts.to) return `${LABELS.expired} ${longDate(facts.to)}`;
    let text = LABELS[status];
    if (start && ["in_force", "repealed", "superseded"].includes(status)) {
      text = `${LABELS[status]} с ${longDate(start)}`;
    }
    if ((status === "in_force" || status === "external") && turn) {
      const coming = on(facts, turn);
      if (coming === "expired") text += ` по ${longDate(addDays(turn, -1))}`;
      else if (coming === "repealed") text += `; утрачивает силу с ${longDate(turn)}`;
      else if (coming === "superseded") text += `; заменяется с ${longDate(turn)}`;
    }
    return text;
  }

  // Whether a regulation's text that applies from `start` (until the next text's `until`) is
  // the one in force on `day`.
  function textInForce(facts, start, until, day) {
    return on(facts, day) === "in_force" && start <= day && (!until || day < until);
  }

  // An assignment's control status (generator/core/control.py): its facts are `due` and
  // `done` (the day it was carried out).
  const CONTROL = {
    on_control: "На контроле",
    overdue: "Просрочено",
    done: "Исполнено",
    done_late: "Исполнено с нарушением срока",
  };

  function controlOn(facts, day) {
    if (facts.done && facts.done <= day) return facts.due && facts.done > facts.due ? "done_late" : "done";
    if (facts.due && facts.due < day) return "overdue";
    return "on_control";
  }

  function controlWording(facts, day) {
    const status = controlOn(facts, day);
    if (status === "done" || status === "done_late") return `${CONTROL[status]} ${longDate(facts.done)}`;
    if (status === "overdue") return `${CONTROL[status]} с ${longDate(addDays(facts.due, 1))}`;
    if (facts.due) return `${CONTROL[status]} до ${longDate(facts.due)}`;
    return CONTROL[status];
  }

  function showControl(element, day) {
    const facts = JSON.parse(element.dataset.regpubControl);
    element.className = `regpub-control regpub-control--${controlOn(facts, day)}`;
    element.textContent = controlWording(facts, day);
  }

  // A filter form's state in the page's address, so that a filtered list is a link to share:
  // `readForm` sets the fields the query string names, `writeForm` writes the fields set
  // (but those at their `defaults`).
  function readForm(form) {
    const params = new URLSearchParams(location.search);
    for (const element of form.elements) {
      if (element.name && params.has(element.name)) element.value = params.get(element.name);
    }
  }

  function writeForm(form, defaults = {}) {
    const params = new URLSearchParams();
    for (const element of form.elements) {
      if (element.name && element.value && defaults[element.name] !== element.value) {
        params.set(element.name, element.value);
      }
    }
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }

  // Today where the reader is.
  function today() {
    const now = new Date();
    const pad = (number) => String(number).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function showBadge(element, day) {
    const facts = JSON.parse(element.dataset.regpubStatus);
    const status = on(facts, day);
    element.className = `regpub-status regpub-status--${status}`;
    element.textContent = wording(facts, day);
    // A list that marks only what is not in force keeps an empty badge for the day it is not.
    if ("regpubStatusQuiet" in element.dataset) element.hidden = status === "in_force";
  }

  function showBanner(element, day) {
    const facts = JSON.parse(element.dataset.regpubStatusBanner);
    const status = on(facts, day);
    element.className = `regpub-banner regpub-banner--${status}`;
    element.hidden = status === "in_force";
    const strong = document.createElement("strong");
    const text = wording(facts, day);
    strong.textContent = text.endsWith(".") ? text : `${text}.`;
    element.replaceChildren(strong);
    if (NOTES[status]) element.append(` ${NOTES[status]}`);
  }

  // A regulation's text (data-regpub-text, its start, and -until) in the list of its texts or on
  // its own page, with the regulation's facts on an element around it (data-regpub-facts).
  function textShown(element, day) {
    const text = element.closest("[data-regpub-text]");
    const facts = JSON.parse(element.closest("[data-regpub-facts]").dataset.regpubFacts);
    return textInForce(facts, text.dataset.regpubText, text.dataset.regpubTextUntil || null, day);
  }

  function showTexts(root, day) {
    root.querySelectorAll(".regpub-status[data-regpub-text]").forEach((element) => {
      const inForce = textShown(element, day);
      element.className = `regpub-status regpub-status--${inForce ? "in_force" : "expired"}`;
      element.textContent = `${inForce ? "действующая" : "недействующая"} редакция`;
    });
    root.querySelectorAll("[data-regpub-text-banner]").forEach((element) => {
      element.className = `regpub-banner regpub-banner--${textShown(element, day) ? "in_force" : "expired"}`;
    });
    root.querySelectorAll("[data-regpub-text-if]").forEach((element) => {
      element.hidden = (element.dataset.regpubTextIf === "in_force") !== textShown(element, day);
    });
  }

  // «Редакция на дату»: opens the text in force on the day asked for, or says why there is none.
  function openTextOn(form, day) {
    const section = form.closest("[data-regpub-facts]");
    const facts = JSON.parse(section.dataset.regpubFacts);
    const texts = [...section.querySelectorAll(".regpub-status[data-regpub-text]")];
    const answer = form.querySelector(".regpub-on-date__answer");
    const found = texts.find((text) => textShown(text, day));
    const current = texts.find((text) => !text.dataset.regpubTextUntil);
    if (found && found !== current) {
      location.href = found.dataset.regpubTextUrl;
      return;
    }
    const status = wording(facts, day).replace(/^./, (first) => first.toLowerCase());
    answer.replaceChildren(found
      ? `На ${longDate(day)} действовал текст на этой странице.`
      : `На ${longDate(day)}: ${status.endsWith(".") ? status : `${status}.`}`);
    const applied = texts.find((text) => text.dataset.regpubText <= day);  // newest first
    if (!found && applied && applied !== current) {
      const link = document.createElement("a");
      link.href = applied.dataset.regpubTextUrl;
      link.textContent = "текст на эту дату";
      answer.append(" ", link);
    }
  }

  function apply(root, day) {
    root.querySelectorAll("[data-regpub-status]").forEach((element) => showBadge(element, day));
    root.querySelectorAll("[data-regpub-status-banner]").forEach((element) => showBanner(element, day));
    showTexts(root, day);
    root.querySelectorAll("[data-regpub-control]").forEach((element) => showControl(element, day));
    root.querySelectorAll("[data-regpub-if-in-force]").forEach((element) => {
      element.hidden = on(JSON.parse(element.dataset.regpubIfInForce), day) !== "in_force";
    });
  }

  window.regpubStatus = {
    LABELS, CONTROL, on, turns, since, nextChange, wording, textInForce, controlOn, controlWording, today, apply,
    longDate, readForm, writeForm,
  };
  document.querySelectorAll("[data-regpub-on-date]").forEach((form) => {
    form.hidden = false;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (form.elements.on.value) openTextOn(form, form.elements.on.value);
    });
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => apply(document, today()));
  } else {
    apply(document, today());
  }
})();
