//! The reader's text selection, as a passage and offsets in its rendered text (UTF-16, as the
//! DOM counts), with its box for placing the annotation toolbar.

use wasm_bindgen::JsCast;

use super::Rect;

#[derive(Clone, Debug, PartialEq)]
pub struct SelectedText {
    pub passage: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
    /// The selection's box in viewport coordinates.
    pub rect: Rect,
    pub text: String,
}

fn passage_root(node: &web_sys::Node) -> Option<web_sys::Element> {
    let el = match node.dyn_ref::<web_sys::Element>() {
        Some(el) => el.clone(),
        None => node.parent_element()?,
    };
    el.closest("[data-passage]").ok().flatten()
}

/// The current selection if it lies within one passage of the reader.
pub fn current_selection() -> Option<SelectedText> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let selection = window.get_selection().ok()??;
    // The count first: `isCollapsed` makes the browser lay the page out.
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let start_root = passage_root(&range.start_container().ok()?)?;
    let end_root = passage_root(&range.end_container().ok()?)?;
    if start_root != end_root {
        return None;
    }
    let passage: usize = start_root.get_attribute("data-passage")?.parse().ok()?;
    let measure = |node: web_sys::Node, offset: u32| -> Option<usize> {
        let pre = document.create_range().ok()?;
        pre.select_node_contents(&start_root).ok()?;
        pre.set_end(&node, offset).ok()?;
        Some(pre.to_string().length() as usize)
    };
    let start_utf16 = measure(range.start_container().ok()?, range.start_offset().ok()?)?;
    let end_utf16 = measure(range.end_container().ok()?, range.end_offset().ok()?)?;
    let r = range.get_bounding_client_rect();
    let text: String = range.to_string().into();
    if text.trim().is_empty() || end_utf16 <= start_utf16 {
        return None;
    }
    Some(SelectedText {
        passage,
        start_utf16,
        end_utf16,
        rect: Rect {
            left: r.left(),
            top: r.top(),
            bottom: r.bottom(),
        },
        text,
    })
}

/// Where a click left the caret (a collapsed selection) inside a passage of the reader: the
/// passage and the offset in its rendered text (UTF-16).
pub fn caret() -> Option<(usize, usize)> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok()??;
    if selection.range_count() == 0 || !selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let node = range.start_container().ok()?;
    let root = passage_root(&node)?;
    let passage: usize = root.get_attribute("data-passage")?.parse().ok()?;
    let pre = window.document()?.create_range().ok()?;
    pre.select_node_contents(&root).ok()?;
    pre.set_end(&node, range.start_offset().ok()?).ok()?;
    Some((passage, pre.to_string().length() as usize))
}

/// Removes the selection (after it became a highlight).
pub fn clear_selection() {
    if let Some(Ok(Some(sel))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = sel.remove_all_ranges();
    }
}

/// Whether the primary pointer is coarse (a finger): then the toolbar docks at the bottom.
pub fn coarse_pointer() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(pointer: coarse)").ok().flatten())
        .is_some_and(|m| m.matches())
}
