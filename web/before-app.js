// What the page answers before the app has started (a classic script run as the head is parsed,
// inlined by the build). On a phone the wasm arrives a second or more after the text is painted:
// until then the drawers of narrow screens (the outline, and the notes panel, which says it is
// reading the notes) open and close here, the outline's sections fold, and a query typed into the
// search box is told that the search is on its way (the app searches it once started), and a
// glossary term tapped or focused is explained from the overview's glossary. The app
// takes over before it mounts (it sets html[data-app]) and keeps the drawers and the folds as they
// were left: they live in the page's attributes, and these are the same changes the app makes
// (browser::page_dom's set_outline_open and toggle_fold, the notes panel's data-open; the
// glossary popover is placed as ui::gloss_popover places it, and the app keeps open the
// explanation of the term left saying aria-expanded="true", browser::gloss_terms::left_open).
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
  // The glossary: one popover, below the term (above it in the lower part of the view), inside
  // the viewport's width; in page coordinates, so it stays with the term while the page scrolls.
  const expand = (term) => {
    for (const other of document.querySelectorAll(".gloss[aria-expanded=true]")) other.setAttribute("aria-expanded", "false");
    term?.setAttribute("aria-expanded", "true");
  };
  const explain = (term) => {
    const popover = byId("gloss-popover");
    const index = term.getAttribute("data-term");
    const entry = /^\d+$/.test(index) && document.querySelector(`#glossary [data-term="${index}"]`);
    if (!entry || !popover) return;
    popover.replaceChildren(...["gloss-term", "gloss-explain"].map((className, i) => {
      const line = document.createElement("p");
      line.className = className;
      line.textContent = entry.children[i]?.textContent || "";
      return line;
    }));
    const box = term.getBoundingClientRect();
    const width = Math.min(320, innerWidth - 16);
    const below = box.bottom < innerHeight * 0.6;
    Object.assign(popover.style, {
      left: `${Math.min(Math.max(box.left + scrollX, 8), Math.max(innerWidth - width - 8, 8))}px`,
      top: `${(below ? box.bottom + 8 : box.top - 8) + scrollY}px`,
      width: `${width}px`,
      transform: below ? "none" : "translateY(-100%)",
    });
    popover.hidden = false;
    expand(term);
  };
  const unexplain = () => {
    const popover = byId("gloss-popover");
    if (popover) popover.hidden = true;
    expand(null);
  };
  // Until the app has started: `f` gets the event, its target if an element (a key may be
  // sent to the document), and the glossary term that is in.
  const on = (type, f) =>
    addEventListener(type, (e) => {
      const target = e.target instanceof Element ? e.target : null;
      if (!root.hasAttribute("data-app")) f(e, target, target?.closest(".gloss[data-term]"));
    });
  on("focusin", (e, target, term) => term && explain(term));
  on("focusout", (e, target, term) => term && unexplain());
  on("pointerdown", (e, target, term) => term || unexplain());
  on("click", (e, target, term) => {
    if (!target) return;
    if (term) return explain(term);
    if (target.closest("#outline-toggle")) return outline.set(!outline.isOpen());
    if (target.closest("#notes-toggle")) return notes.set(!notes.isOpen());
    const chevron = target.closest("#outline .outline-toggle");
    if (chevron) return fold(chevron);
    if (target.closest("#outline .outline-link, .outline-close, .outline-scrim")) outline.set(false);
    if (target.closest(".notes-close, .notes-scrim")) notes.set(false);
  });
  on("keydown", (e, target, term) => {
    if (term && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      return explain(term);
    }
    if (e.key !== "Escape") return;
    outline.set(false);
    notes.set(false);
    unexplain();
  });
  on("input", (e, target) => {
    if (target?.id !== "search-input") return;
    const count = document.querySelector("[data-testid=search-count]");
    if (count) count.textContent = target.value.trim() ? "载入中…" : " ";
  });
})();
