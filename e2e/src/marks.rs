//! What the page marks over its text, as JavaScript expressions for the browser scenarios. The
//! app draws search hits, the flash and highlights as CSS custom highlights: ranges over the
//! text in `CSS.highlights`, not elements (`src/browser/highlights.rs`).

/// The highlights of search hits (the current one included).
pub const HITS: &str = "search-hit,search-current";
/// The highlight of the current search hit.
pub const CURRENT: &str = "search-current";
/// The highlight of a flashed sentence.
pub const FLASH: &str = "flash";
/// Every kind of a reader's highlight.
pub const NOTES: &str =
    "note-practice,note-result,note-problem,note-lesson,note-question,note-plain";

/// JS: the ranges of the highlights `names` (comma-separated) that start inside the first
/// element matching `scope`, in the order they were drawn (an empty array if none). The app's
/// are static ranges; each is given as a live `Range` over the same text, which can say its
/// text and its box.
pub fn ranges(names: &str, scope: &str) -> String {
    format!(
        "((names, scope) => {{ const root = document.querySelector(scope); \
         if (!root || !window.CSS || !CSS.highlights) return []; \
         return names.split(',').flatMap(n => [...(CSS.highlights.get(n) || [])]) \
           .filter(r => root.contains(r.startContainer)) \
           .map(r => {{ if (r instanceof Range) return r; const live = document.createRange(); \
             live.setStart(r.startContainer, r.startOffset); live.setEnd(r.endContainer, r.endOffset); \
             return live; }}); }})({names:?}, {scope:?})"
    )
}

/// JS: how many ranges of `names` start inside `scope`.
pub fn count(names: &str, scope: &str) -> String {
    format!("{}.length", ranges(names, scope))
}

/// JS: the text the ranges of `names` inside `scope` cover, joined in drawing order.
pub fn text(names: &str, scope: &str) -> String {
    format!("{}.map(r => r.toString()).join('')", ranges(names, scope))
}

/// JS: whether `scope` holds any range of `names`.
pub fn any(names: &str, scope: &str) -> String {
    format!("({}.length > 0)", ranges(names, scope))
}

/// JS: the first range of `names` inside `scope`, or `null`.
pub fn first(names: &str, scope: &str) -> String {
    format!("({}[0] || null)", ranges(names, scope))
}

/// JS: the value of `property` (camelCase) that the page's style sheets give
/// `::highlight(name)` (highlights have no element to ask `getComputedStyle` about).
pub fn highlight_style(name: &str, property: &str) -> String {
    format!(
        "((sel, prop) => {{ for (const sheet of document.styleSheets) for (const r of sheet.cssRules) \
           if (r.selectorText && r.selectorText.split(',').some(x => x.trim() === sel) && r.style[prop]) \
             return r.style[prop]; return ''; }})({:?}, {property:?})",
        format!("::highlight({name})")
    )
}

/// JS: the reader's passages surely near the screen: from half a screen above it to one and a
/// half below. The app keeps marks drawn only near the screen (a screen above it to two
/// below, measured at each scroll), so these have theirs whatever the last scroll was.
pub const NEAR_PASSAGES: &str = "[...document.querySelectorAll('#reader [data-passage]')].filter(p => { const r = p.getBoundingClientRect(); return r.bottom >= -innerHeight / 2 && r.top <= innerHeight * 1.5; })";

/// JS: true when the passages near the screen have a hit drawn for each occurrence of `q` in
/// their text, and every hit drawn anywhere covers exactly `q` (none is left from an older
/// query).
pub fn near_hits_drawn(q: &str) -> String {
    format!(
        "((q) => {{ const hits = {}; if (!hits.every(h => h.toString() === q)) return false; \
         return {NEAR_PASSAGES}.every(p => hits.filter(h => p.contains(h.startContainer)).length === p.textContent.split(q).length - 1); }})({q:?})",
        ranges(HITS, "#reader")
    )
}

/// JS: how many search hits (the current one aside, which is always drawn) are drawn in
/// passages far from the screen: more than two screens above it or three below.
pub fn far_hits() -> String {
    format!(
        "{}.filter(h => {{ const r = h.startContainer.parentElement.closest('[data-passage]').getBoundingClientRect(); return r.bottom < -2 * innerHeight || r.top > 3 * innerHeight; }}).length",
        ranges("search-hit", "#reader")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_scopes_are_quoted_as_javascript_strings() {
        let js = ranges(HITS, "#reader [id=\"s1\"]");
        assert!(
            js.contains("(\"search-hit,search-current\", \"#reader [id=\\\"s1\\\"]\")"),
            "{js}"
        );
        assert!(count(CURRENT, "#reader").ends_with(".length"));
        assert!(text(FLASH, "#intro").contains("r.toString()"));
    }
}
