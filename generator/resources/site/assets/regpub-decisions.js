// The register of assignments: every assignment from decisions.json, filtered in the browser
// by assignee, status and the meeting's year; the filter lives in the query string. Statuses
// are those of the reading day, by regpub-status.js's rule; overdue ones come first.
(function () {
  "use strict";
  const form = document.querySelector("[data-regpub-decisions]");
  if (!form) return;
  const rule = window.regpubStatus;  // regpub-status.js
  const table = document.querySelector(".regpub-register tbody");
  const count = document.querySelector(".regpub-register__count");
  const base = form.dataset.regpubBase.replace(/\/?$/, "/");
  let rows = [];

  function fillOptions(name, entries) {
    const select = form.elements[name];
    for (const [value, label] of entries) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = label;
      select.appendChild(option);
    }
  }

  function link(ref) {
    const a = document.createElement("a");
    a.href = base + ref.url;
    a.textContent = ref.title;
    return a;
  }

  function renderRow(row) {
    const tr = document.createElement("tr");
    const due = document.createElement("td");
    due.className = "regpub-register__nowrap";
    due.textContent = row.assignment.due || "—";
    const text = document.createElement("td");
    const decision = document.createElement("a");
    decision.href = base + row.url;
    decision.textContent = `${row.number} ${row.text}`;
    text.appendChild(decision);
    const who = document.createElement("td");
    row.assignment.assignees.forEach((ref, index) => who.append(...(index ? [", "] : []), link(ref)));
    const meeting = document.createElement("td");
    meeting.append(link(row.meeting), ` (${rule.longDate(row.meeting.date_iso)})`);
    const status = document.createElement("td");
    const badge = document.createElement("span");
    badge.className = `regpub-control regpub-control--${row.status}`;
    badge.textContent = row.statusText;
    status.appendChild(badge);
    tr.append(due, text, who, meeting, status);
    return tr;
  }

  function render() {
    const state = Object.fromEntries(new FormData(form));
    const found = rows.filter((row) => (!state.assignee || row.assignment.assignees.some((a) => a.id === state.assignee))
      && (!state.status || row.status === state.status)
      && (!state.year || row.meeting.date_iso.startsWith(state.year)));
    table.replaceChildren(...found.map(renderRow));
    count.textContent = `Найдено: ${found.length} из ${rows.length}`;
  }

  fetch(form.dataset.regpubDecisions)
    .then((response) => response.json())
    .then((data) => {
      const day = rule.today();
      rows = data.assignments.map((row) => {
        const facts = row.assignment.control.facts;
        return { ...row, status: rule.controlOn(facts, day), statusText: rule.controlWording(facts, day) };
      });
      // Overdue first, then by deadline.
      rows.sort((a, b) => (a.status !== "overdue") - (b.status !== "overdue")
        || (a.assignment.due_iso || "9999").localeCompare(b.assignment.due_iso || "9999"));
      const people = new Map(rows.flatMap((row) => row.assignment.assignees.map((a) => [a.id, a.title])));
      fillOptions("assignee", [...people].sort((a, b) => a[1].localeCompare(b[1], "ru")));
      fillOptions("status", Object.entries(rule.CONTROL));
      const years = [...new Set(rows.map((row) => row.meeting.date_iso.slice(0, 4)))].sort().reverse();
      fillOptions("year", years.map((year) => [year, year]));
      rule.readForm(form);
      render();
    })
    .catch((error) => {
      count.textContent = "Не удалось загрузить список поручений.";
      console.error(error);
    });

  form.addEventListener("change", () => { rule.writeForm(form); render(); });
  form.addEventListener("reset", () => setTimeout(() => { rule.writeForm(form); render(); }));
})();
