// Runs as the head is parsed (a classic script, inlined by the build): until the app has started,
// the outline drawer of narrow screens opens, folds and closes here. On a phone the outline is the
// first thing a reader taps, and the wasm arrives seconds after the text is painted; this answers
// the tap once the page is painted. The app takes over before it mounts (it sets html[data-app])
// and keeps the drawer and the folds as they were left: both live in the page's attributes, and
// these are the same changes the app makes (browser::page_dom's set_outline_open and toggle_fold).
(() => {
  const root = document.documentElement;
  const drawer = () => document.getElementById("outline");
  const setOpen = (open) => {
    const value = open ? "true" : "false";
    for (const el of document.querySelectorAll("#outline, .scrim")) el.setAttribute("data-open", value);
    document.getElementById("outline-toggle")?.setAttribute("aria-expanded", value);
  };
  const fold = (button) => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.setAttribute("aria-label", `${open ? "收起" : "展开"}：${button.getAttribute("data-label") || ""}`);
    const list = document.getElementById(button.getAttribute("aria-controls") || "");
    if (list) list.toggleAttribute("hidden", !open);
  };
  addEventListener("click", (e) => {
    if (root.hasAttribute("data-app") || !(e.target instanceof Element)) return;
    const target = e.target;
    if (target.closest("#outline-toggle")) return setOpen(drawer()?.getAttribute("data-open") !== "true");
    const chevron = target.closest("#outline .outline-toggle");
    if (chevron) return fold(chevron);
    if (target.closest("#outline .outline-link, .outline-close, .scrim")) setOpen(false);
  });
  addEventListener("keydown", (e) => {
    if (!root.hasAttribute("data-app") && e.key === "Escape") setOpen(false);
  });
})();
