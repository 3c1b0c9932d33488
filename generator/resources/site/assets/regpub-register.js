// The register: every document from register.json, filtered in the browser. The filter
// state lives in the query string, so a filtered view is a link that can be shared. Statuses
// are those of the day in the date field (`on`), else of today, by regpub-status.js's rule.
(function () {
  "use strict";
  const form = document.querySelector("[data-regpub-register]");
  if (!form) return;
  // On a phone the list comes first: the filters start closed, unless the link carries some.
  const box = form.closest("details");
  if (box && !location.search && window.matchMedia("(max-width: 44.9375em)").matches) box.open = false;
  const table = document.querySelector(".regpub-register tbody");
  const count = document.querySelector(".regpub-register__count");
  const more = document.querySelector(".regpub-register__more");
  const base = form.dataset.regpubBase.replace(/\/?$/, "/");
  const rule = window.regpubStatus;  // regpub-status.js
  const PAGE = 200;
  let rows = [];
  let shown = PAGE;

  function fillOptions(name, values, labels) {
    const select = form.elements[name];
    for (const value of values) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = labels ? labels.get(value) : value;
      select.appendChild(option);
    }
  }

  function matches(row, state) {
    return (!state.kind || row.kind === state.kind)
      && (!state.form || row.form === state.form)
      && (!state.year || row.date.startsWith(state.year))
      && (!state.issuer || row.issuers.includes(state.issuer))
      && (!state.status || row.status === state.status);
  }

  // Each row's status on the day asked for (a day the date field holds, else today).
  function dateRows(day) {
    for (const row of rows) {
      if (!row.status_facts) continue;
      row.status = rule.on(row.status_facts, day);
      row.status_label = rule.wording(row.status_facts, day);
    }
  }

  function render() {
    const state = Object.fromEntries(new FormData(form));
    dateRows(/^\d{4}-\d{2}-\d{2}$/.test(state.on || "") ? state.on : rule.today());
    const found = rows.filter((row) => matches(row, state));
    if (state.sort === "old") found.reverse();
    table.replaceChildren(...found.slice(0, shown).map(renderRow));
    count.textContent = `Найдено: ${found.length} из ${rows.length}`;
    more.style.display = found.length > shown ? "" : "none";
  }

  function renderRow(row) {
    const tr = document.createElement("tr");
    // The date and the number are never broken over lines: "21 декабря 2020 г.", "№ 05-CT/TW".
    const when = document.createElement("td");
    const time = document.createElement("time");
    time.dateTime = row.date;
    time.className = "regpub-register__nowrap";
    time.textContent = rule.longDate(row.date);
    when.appendChild(time);
    const formCell = document.createElement("td");
    formCell.textContent = row.form;
    if (row.number) {
      const number = document.createElement("span");
      number.className = "regpub-register__nowrap";
      number.textContent = `№ ${row.number}`;
      formCell.append(" ", number);
    }
    tr.append(when, formCell);
    const title = document.createElement("td");
    const link = document.createElement("a");
    link.href = base + row.url;
    link.textContent = row.title;
    title.appendChild(link);
    tr.appendChild(title);
    const issuers = document.createElement("td");
    issuers.textContent = row.issuers.join("; ");
    tr.appendChild(issuers);
    const status = document.createElement("td");
    if (row.status) {
      const badge = document.createElement("span");
      badge.className = `regpub-status regpub-status--${row.status}`;
      badge.textContent = row.status_label;
      status.appendChild(badge);
    }
    tr.appendChild(status);
    return tr;
  }

  fetch(form.dataset.regpubRegister)
    .then((response) => response.json())
    .then((data) => {
      rows = data.rows.map((values) => Object.fromEntries(data.fields.map((f, i) => [f, values[i]])));
      const unique = (pick) => [...new Set(rows.flatMap(pick))].filter(Boolean);
      fillOptions("form", unique((r) => [r.form]).sort((a, b) => a.localeCompare(b, "ru")));
      fillOptions("year", unique((r) => [r.date.slice(0, 4)]).sort().reverse());
      fillOptions("issuer", unique((r) => r.issuers).sort((a, b) => a.localeCompare(b, "ru")));
      const statusLabels = new Map(Object.entries(rule.LABELS));
      // The statuses a document has on some day: before its first date and from each of them.
      const present = new Set(rows.filter((r) => r.status_facts).flatMap((r) =>
        ["0001-01-01", ...rule.turns(r.status_facts)].map((day) => rule.on(r.status_facts, day))));
      fillOptions("status", [...statusLabels.keys()].filter((code) => present.has(code)), statusLabels);
      rule.readForm(form);
      render();
    })
    .catch((error) => {
      count.textContent = "Не удалось загрузить реестр.";
      console.error(error);
    });

  form.addEventListener("change", () => { shown = PAGE; rule.writeForm(form, { sort: "new" }); render(); });
  form.addEventListener("reset", () => setTimeout(() => { shown = PAGE; rule.writeForm(form, { sort: "new" }); render(); }));
  more.addEventListener("click", () => { shown += PAGE; render(); });
})();
