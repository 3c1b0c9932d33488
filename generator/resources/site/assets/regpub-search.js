// Search with Pagefind, opened from a button in Material's header. Pagefind loads only the
// index chunks a query needs, so the first search stays small even at 10,000 documents; the
// facets' indexes load only when the reader opens the filters.
(function () {
  "use strict";
  const header = document.querySelector(".md-header__inner");
  const script = document.currentScript || document.querySelector('script[src*="regpub-search.js"]');
  if (!header || !script) return;
  const bundle = new URL("../pagefind/", script.src).href;
  // Result links are relative to the site root, which need not be the host's root.
  const siteRoot = new URL("../", script.src).pathname;

  const button = document.createElement("button");
  button.className = "md-header__button md-icon regpub-search-button";
  button.type = "button";
  button.title = "Поиск";
  button.setAttribute("aria-label", "Поиск");
  button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg><span class="regpub-search-button__label">Поиск</span>';
  const anchor = header.querySelector(".md-header__source") || null;
  header.insertBefore(button, anchor);

  const dialog = document.createElement("dialog");
  dialog.className = "regpub-search";
  dialog.setAttribute("aria-labelledby", "regpub-search-label");
  dialog.innerHTML =
    '<form class="regpub-search__bar" role="search" action="javascript:void(0)">' +
    '<label id="regpub-search-label" for="regpub-search-input">Поиск по документам</label>' +
    '<input id="regpub-search-input" type="search" autocomplete="off" enterkeyhint="search"' +
    ' placeholder="Слова или номер документа">' +
    '<button type="button" class="regpub-search__close" aria-label="Закрыть поиск">×</button></form>' +
    '<details class="regpub-search__filters"><summary>Фильтры</summary><div></div></details>' +
    '<p class="regpub-search__status" role="status" aria-live="polite"></p>' +
    '<ol class="regpub-search__results"></ol>' +
    '<button type="button" class="regpub-search__more" hidden>Показать ещё</button>';
  document.body.appendChild(dialog);
  const input = dialog.querySelector("input");
  const filters = dialog.querySelector(".regpub-search__filters");
  const status = dialog.querySelector(".regpub-search__status");
  const list = dialog.querySelector(".regpub-search__results");
  const more = dialog.querySelector(".regpub-search__more");
  dialog.querySelector(".regpub-search__close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });

  // Pagefind's own API, not its default UI: the UI loads every facet's index to show counts
  // before the first query; here they load only when the reader opens the filters.
  // A large site's index comes in parts (regpub-parts.json names them): each part is merged
  // into the first, so a query is answered from all of them, ranked together.
  let pagefind = null;
  function load() {
    if (!pagefind) {
      const parts = fetch(bundle + "regpub-parts.json").then((reply) => {
        if (!reply.ok) throw new Error(`regpub-parts.json: ${reply.status}`);
        return reply.json();
      });
      pagefind = Promise.all([import(bundle + "pagefind.js"), parts]).then(async ([api, merged]) => {
        await api.options({ baseUrl: siteRoot, excerptLength: 24 });
        api.init();
        await Promise.all(merged.map((part) => api.mergeIndex(bundle + part, { baseUrl: siteRoot })));
        return api;
      });
      pagefind.catch(() => {
        pagefind = null; // try again on the next keystroke
        status.textContent = "Поиск сейчас недоступен: не удалось загрузить индекс.";
      });
    }
    return pagefind;
  }

  const PAGE = 10;
  const SECONDARY = { "Редакция": "прежняя редакция", "Страница сайта": "страница сайта" };
  let found = [];
  let shown = 0;
  let asked = 0;

  // Values picked in one filter are alternatives (2020 or 2021); filters combine with "and".
  function chosen() {
    const picked = {};
    for (const box of filters.querySelectorAll("input:checked")) {
      (picked[box.name] = picked[box.name] || []).push(box.value);
    }
    for (const [name, values] of Object.entries(picked)) picked[name] = { any: values };
    return picked;
  }


  async function search() {
    const query = input.value.trim();
    const ticket = ++asked;
    const picked = chosen();
    if (!query && !Object.keys(picked).length) {
      found = [];
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      return;
    }
    let api;
    try {
      api = await load();
    } catch (error) {
      return; // load() has said so in the status line
    }
    const result = await api.debouncedSearch(query || null, { filters: picked }, 250);
    if (result === null || ticket !== asked) return; // a newer query is on its way
    found = result.results;
    shown = 0;
    list.replaceChildren();
    status.textContent = found.length ? `Найдено: ${found.length}` : "Ничего не найдено";
    await show();
  }

  async function show() {
    const ticket = asked;
    const page = found.slice(shown, shown + PAGE);
    shown += page.length; // taken before waiting, so a second click takes the next ones
    more.hidden = shown >= found.length;
    const next = await Promise.all(page.map((item) => item.data()));
    if (ticket !== asked) return;
    for (const data of next) list.appendChild(row(data));
  }

  function row(data) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.className = "regpub-search__result";
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    // Earlier texts and the site's own pages rank after documents (their weight is low, see
    // the templates) and say what they are.
    const kind = (data.filters["Тип"] || [])[0];
    const note = SECONDARY[kind];
    if (note) {
      const label = document.createElement("span");
      label.className = "regpub-search__kind";
      label.textContent = note;
      link.append(" ", label);
    }
    const excerpt = document.createElement("p");
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the text; it adds only <mark>
    item.append(link, excerpt);
    const parts = (data.sub_results || []).filter((part) => part.url !== data.url).slice(0, 3);
    if (parts.length) {
      const sub = document.createElement("ul");
      for (const part of parts) {
        const entry = document.createElement("li");
        const anchor = document.createElement("a");
        anchor.href = part.url;
        anchor.textContent = part.title;
        entry.appendChild(anchor);
        sub.appendChild(entry);
      }
      item.appendChild(sub);
    }
    return item;
  }

  let facetsShown = null;
  function showFilters() {
    facetsShown = facetsShown || renderFilters().catch(() => { facetsShown = null; });
    return facetsShown;
  }

  // Filters whose values are those of the build day, and where the reading day's are.
  const BUILD_DAY = {
    "Статус": "На день сборки сайта; на другой день — в реестре.",
    "Поручения": "На день сборки сайта; на сегодня — в разделе «Контроль исполнения».",
  };

  async function renderFilters() {
    const box = filters.querySelector("div");
    const api = await load();
    const facets = await api.filters();
    for (const [name, values] of Object.entries(facets)) {
      const group = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = name;
      group.appendChild(legend);
      if (BUILD_DAY[name]) {
        // The index is made at the build; the pages and registers compute the reading day's.
        const note = document.createElement("p");
        note.className = "regpub-search__note";
        note.textContent = BUILD_DAY[name];
        group.appendChild(note);
      }
      for (const [value, count] of Object.entries(values).sort()) {
        const label = document.createElement("label");
        const check = document.createElement("input");
        check.type = "checkbox";
        check.name = name;
        check.value = value;
        label.append(check, `${value} (${count})`);
        group.appendChild(label);
      }
      box.appendChild(group);
    }
  }

  input.addEventListener("input", search);
  filters.addEventListener("toggle", () => { if (filters.open) showFilters(); });
  filters.addEventListener("change", search);
  more.addEventListener("click", show);

  function open() {
    dialog.showModal();
    input.focus();
    load(); // fetch Pagefind while the reader types
  }
  button.addEventListener("click", open);
  document.addEventListener("keydown", (event) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (event.ctrlKey || event.metaKey || event.altKey || typing || dialog.open) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      open();
    }
  });
})();
