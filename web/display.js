// The reader's display settings before the app (a classic script in the head, after the style
// sheets; inlined by the build). It applies the stored settings before the first paint, so a
// page set to 深色 or 特大 never flashes the defaults; and until the app has started (on a phone
// a second or more after the text is painted) it answers the settings' panel: the toggle opens
// and closes it, and a choice applies and is stored, as the app does once it takes over
// (src/display.rs owns the names; tests/display_script.rs checks that this script knows the
// same ones). Only the names listed here are ever set: a stored value never reaches the page as
// it is.
(() => {
  const root = document.documentElement;
  const key = "yandu:v1:display";
  // Each setting: its stored field, the root element's attribute, the default choice (no
  // attribute) and the others.
  const settings = [
    ["theme", "data-theme", "system", ["light", "dark"]],
    ["typeface", "data-typeface", "sans", ["serif"]],
    ["size", "data-text-size", "standard", ["small", "large", "larger"]],
  ];
  // What the page shows: the stored choices it understands, or those picked before the app.
  let current = {};
  const apply = (chosen) => {
    current = {};
    for (const [field, attribute, standard, names] of settings) {
      const known = names.includes(chosen[field]);
      if (known) root.setAttribute(attribute, chosen[field]);
      else root.removeAttribute(attribute);
      current[field] = known ? chosen[field] : standard;
    }
    const dark = document.getElementById("dark-colours");
    if (!dark) return;
    if (chosen.theme === "light") dark.media = "not all";
    else if (chosen.theme === "dark") dark.media = "screen";
    else dark.media = "screen and (prefers-color-scheme: dark)";
  };
  try {
    const stored = JSON.parse(localStorage.getItem(key));
    if (stored && typeof stored === "object") apply(stored);
  } catch {
    // Storage blocked or a damaged value: the defaults; the app says what is wrong.
  }

  // The panel before the app: it stops once the app has set html[data-app].
  const panel = () => document.getElementById("display-panel");
  const toggle = () => document.getElementById("display-toggle");
  const setOpen = (open) => {
    const p = panel();
    if (!p) return;
    const wasOpen = !p.hidden;
    if (open === wasOpen) return;
    // The prerendered panel checks the defaults: it shows what the page shows.
    for (const [field, attribute] of settings) {
      const input = p.querySelector(`input[name="${attribute}"][value="${current[field]}"]`);
      if (input) input.checked = true;
    }
    p.hidden = !open;
    toggle()?.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) p.querySelector("input:checked")?.focus();
    if (!open && p.contains(document.activeElement)) toggle()?.focus();
  };
  const before = (type, f) =>
    addEventListener(type, (e) => {
      if (!root.hasAttribute("data-app") && e.target instanceof Element) f(e, e.target);
    });
  before("click", (e, target) => {
    if (target.closest("#display-toggle")) setOpen(panel()?.hidden === true);
  });
  before("pointerdown", (e, target) => {
    if (!target.closest("#display-panel, #display-toggle")) setOpen(false);
  });
  before("keydown", (e) => {
    if (e.key === "Escape") setOpen(false);
  });
  before("change", (e, target) => {
    const p = panel();
    if (!p || !p.contains(target)) return;
    const chosen = { v: 1 };
    for (const [field, attribute] of settings) {
      chosen[field] = p.querySelector(`input[name="${attribute}"]:checked`)?.value;
    }
    apply(chosen);
    try {
      localStorage.setItem(key, JSON.stringify(chosen));
    } catch {
      // Kept for this visit only; the app says so once it has started.
    }
  });
})();
