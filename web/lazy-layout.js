// Runs before the first layout (a classic script in the head): lets the style sheet skip laying
// out the parts that are off screen until the app is ready, on a plain visit only. A reload or
// a history visit restores the scroll offset, and a fragment is scrolled to, before the app has
// started: both need the real heights of everything above them.
(() => {
  const root = document.documentElement;
  const navigation = performance.getEntriesByType("navigation")[0];
  if (location.hash || (navigation && navigation.type !== "navigate")) return;
  root.setAttribute("data-lazy-layout", "");

  // The reader's first move ends it: from then on a scroll offset the browser saves for a reload
  // means the same place in the full layout. Before a scroll (a key, the wheel, a touch, a
  // pointer) nothing on screen moves; after one (a scroll bar dragged) the passage in view is
  // put back where it was, here rather than by the engine's scroll anchoring, which engines do
  // differently (WebKit not at all).
  const moves = ["keydown", "wheel", "touchstart", "pointerdown", "scroll"];
  const options = { capture: true, passive: true };
  const layOutEverything = () => {
    for (const move of moves) removeEventListener(move, layOutEverything, options);
    // Once the app is ready the style sheet skips nothing: there is nothing to put back, and a
    // scroll here would cut short one of the app's smooth scrolls.
    if (root.hasAttribute("data-ready")) return root.removeAttribute("data-lazy-layout");
    const main = document.querySelector("main");
    const box = main && main.getBoundingClientRect();
    const anchor = box && document.elementFromPoint(box.left + box.width / 2, innerHeight / 3);
    const before = anchor && anchor.getBoundingClientRect().top;
    root.style.overflowAnchor = "none";
    root.removeAttribute("data-lazy-layout");
    const moved = anchor ? anchor.getBoundingClientRect().top - before : 0;
    if (Math.abs(moved) >= 1) scrollBy({ top: moved, behavior: "instant" });
    requestAnimationFrame(() =>
      requestAnimationFrame(() => root.style.removeProperty("overflow-anchor")),
    );
  };
  for (const move of moves) addEventListener(move, layOutEverything, options);
})();
