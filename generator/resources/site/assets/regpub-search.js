// Search with Pagefind, opened from a button in Material's header. Pagefind loads only the
// index chunks a query needs, so the first search stays small even at 10,000 documents.
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
  dialog.setAttribute("aria-label", "Поиск по документам");
  dialog.innerHTML = '<div class="regpub-search__bar"><button type="button" class="regpub-search__close" aria-label="Закрыть">×</button></div><div id="regpub-search"></div>';
  document.body.appendChild(dialog);
  dialog.querySelector(".regpub-search__close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });

  let ready = null;
  function load() {
    if (ready) return ready;
    ready = new Promise((resolve, reject) => {
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = bundle + "pagefind-ui.css";
      document.head.appendChild(css);
      const js = document.createElement("script");
      js.src = bundle + "pagefind-ui.js";
      js.onload = () => {
        // eslint-disable-next-line no-undef
        new PagefindUI({
          element: "#regpub-search", bundlePath: bundle, baseUrl: siteRoot, showSubResults: true,
          showImages: false, resetStyles: false, autofocus: true,
          translations: { placeholder: "Поиск: слова или номер документа" },
        });
        resolve();
      };
      js.onerror = reject;
      document.head.appendChild(js);
    });
    return ready;
  }

  function open() {
    load().then(() => {
      dialog.showModal();
      const input = dialog.querySelector("input");
      if (input) input.focus();
    });
  }
  button.addEventListener("click", open);
  document.addEventListener("keydown", (event) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "S")) {
      event.preventDefault();
      open();
    }
  });
})();
