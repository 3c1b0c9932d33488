// The register: every document from register.json, filtered in the browser. The filter
// state lives in the query string, so a filtered view is a link that can be shared.
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
  const PAGE = 200;
  let rows = [];
  let shown = PAGE;

  const months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
    "сентября", "октября", "ноября", "декабря"];
  const longDate = (iso) => {
    const [y, m, d] = iso.split("-").map(Number);
    return `${d} ${months[m - 1]} ${y} г.`;
  };

  function fillOptions(name, values, labels) {
    const select = form.elements[name];
    for (const value of values) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = labels ? labels.get(value) : value;
      select.appendChild(option);
    }
  }

  function readState() {
    const params = new URLSearchParams(location.search);
    for (const element of form.elements) {
      if (element.name && params.has(element.name)) element.value = params.get(element.name);
    }
  }

  function writeState() {
    const params = new URLSearchParams();
    for (const element of form.elements) {
      if (element.name && element.value && !(element.name === "sort" && element.value === "new")) {
        params.set(element.name, element.value);
      }
    }
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }

  function matches(row, state) {
    return (!state.kind || row.kind === state.kind)
      && (!state.form || row.form === state.form)
      && (!state.year || row.date.startsWith(state.year))
      && (!state.issuer || row.issuers.includes(state.issuer))
      && (!state.status || row.status === state.status);
  }

  function render() {
    const state = Object.fromEntries(new FormData(form));
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
    time.textContent = longDate(row.date);
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
      const statusLabels = new Map(rows.filter((r) => r.status).map((r) => [r.status, r.status_label]));
      fillOptions("status", [...statusLabels.keys()], statusLabels);
      readState();
      render();
    })
    .catch(() => { count.textContent = "Не удалось загрузить реестр."; });

  form.addEventListener("change", () => { shown = PAGE; writeState(); render(); });
  form.addEventListener("reset", () => setTimeout(() => { shown = PAGE; writeState(); render(); }));
  more.addEventListener("click", () => { shown += PAGE; render(); });
})();
