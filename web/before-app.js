// What the page answers before the app has started (a classic script run as the head is parsed,
// inlined by the build). On a phone the wasm arrives a second or more after the text is painted:
// until then the outline drawer of narrow screens opens, folds and closes here, and a query typed
// into the search box is told that the search is on its way (the app searches it once started).
// The app takes over before it mounts (it sets html[data-app]) and keeps the drawer and the folds
// as they were left: both live in the page's attributes, and these are the same changes the app
// makes (browser::page_dom's set_outline_open and toggle_fold).
(() => {
  const root = document.documentElement;
  const byId = (id) => document.getElementById(id);
  const setOpen = (open) => {
    const value = open ? "true" : "false";
    for (const el of document.querySelectorAll("#outline, .scrim")) el.setAttribute("data-open", value);
    byId("outline-toggle")?.setAttribute("aria-expanded", value);
  };
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
    if (target.closest("#outline-toggle")) return setOpen(byId("outline")?.getAttribute("data-open") !== "true");
    const chevron = target.closest("#outline .outline-toggle");
    if (chevron) return fold(chevron);
    if (target.closest("#outline .outline-link, .outline-close, .scrim")) setOpen(false);
  });
  addEventListener("keydown", (e) => {
    if (!root.hasAttribute("data-app") && e.key === "Escape") setOpen(false);
  });
  addEventListener("input", (e) => {
    if (root.hasAttribute("data-app") || e.target?.id !== "search-input") return;
    const count = document.querySelector("[data-testid=search-count]");
    if (count) count.textContent = e.target.value.trim() ? "载入中…" : " ";
  });
})();
