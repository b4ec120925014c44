// What the page answers before the app has started (a classic script run as the head is parsed,
// inlined by the build). On a phone the wasm arrives a second or more after the text is painted:
// until then the drawers of narrow screens (the outline, and the notes panel, which says it is
// reading the notes) open and close here, the outline's sections fold, and a query typed into the
// search box is told that the search is on its way (the app searches it once started). The app
// takes over before it mounts (it sets html[data-app]) and keeps the drawers and the folds as they
// were left: they live in the page's attributes, and these are the same changes the app makes
// (browser::page_dom's set_outline_open and toggle_fold, the notes panel's data-open).
(() => {
  const root = document.documentElement;
  const byId = (id) => document.getElementById(id);
  // A drawer, its scrim and its toggle.
  const drawer = (panel, scrim, toggle) => ({
    isOpen: () => byId(panel)?.getAttribute("data-open") === "true",
    set: (open) => {
      const value = open ? "true" : "false";
      for (const el of document.querySelectorAll(`#${panel}, ${scrim}`)) el.setAttribute("data-open", value);
      byId(toggle)?.setAttribute("aria-expanded", value);
    },
  });
  const outline = drawer("outline", ".outline-scrim", "outline-toggle");
  const notes = drawer("notes-panel", ".notes-scrim", "notes-toggle");
  const fold = (button) => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.setAttribute("aria-label", `${open ? "收起" : "展开"}：${button.getAttribute("data-label") || ""}`);
    const list = byId(button.getAttribute("aria-controls") || "");
    if (list) list.toggleAttribute("hidden", !open);
  };
  addEventListener("click", (e) => {
    if (root.hasAttribute("data-app") || !(e.target instanceof Element)) return;
    const target = e.target;
    if (target.closest("#outline-toggle")) return outline.set(!outline.isOpen());
    if (target.closest("#notes-toggle")) return notes.set(!notes.isOpen());
    const chevron = target.closest("#outline .outline-toggle");
    if (chevron) return fold(chevron);
    if (target.closest("#outline .outline-link, .outline-close, .outline-scrim")) outline.set(false);
    if (target.closest(".notes-close, .notes-scrim")) notes.set(false);
  });
  addEventListener("keydown", (e) => {
    if (root.hasAttribute("data-app") || e.key !== "Escape") return;
    outline.set(false);
    notes.set(false);
  });
  addEventListener("input", (e) => {
    if (root.hasAttribute("data-app") || e.target?.id !== "search-input") return;
    const count = document.querySelector("[data-testid=search-count]");
    if (count) count.textContent = e.target.value.trim() ? "载入中…" : " ";
  });
})();
