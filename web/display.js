// Applies the reader's display settings before the first paint (a classic script in the head,
// after the style sheets; inlined by the build), so a page set to 深色 or 特大 never flashes the
// defaults. The app applies them again and changes them (src/display.rs, which owns the names;
// tests/display_script.rs checks that this script knows the same ones). Only the names listed
// here are ever set: a stored value is never written into the page as it is.
(() => {
  let stored = null;
  try {
    stored = JSON.parse(localStorage.getItem("yandu:v1:display"));
  } catch {
    return; // Storage blocked or a damaged value: the defaults; the app says what is wrong.
  }
  if (!stored || typeof stored !== "object") return;
  const root = document.documentElement;
  const settings = [
    ["theme", "data-theme", ["light", "dark"]],
    ["typeface", "data-typeface", ["serif"]],
    ["size", "data-text-size", ["small", "large", "larger"]],
  ];
  for (const [field, attribute, names] of settings) {
    if (names.includes(stored[field])) root.setAttribute(attribute, stored[field]);
  }
  const dark = document.getElementById("dark-colours");
  if (dark && stored.theme === "light") dark.media = "not all";
  if (dark && stored.theme === "dark") dark.media = "screen";
})();
