//! Keeps the text at the reading line on screen when the viewport's width changes or the
//! reader changes the typeface or text size (see `summary::reading_place`). The place is
//! remembered at each scroll-spy measurement, and the resize listener (or the settings' change)
//! puts it back before the first frame of the new layout is painted. It runs in
//! every engine: where scroll anchoring has already moved the page, the correction is what is
//! left. A height-only change (a phone's toolbars showing or hiding) reflows nothing and is left
//! alone.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

use super::{item_rect, viewport_height};
use crate::summary::reading_place::{place_at, scroll_to_keep, ReadingPlace};
use crate::summary::scroll_spy::READING_LINE;

/// The blocks a place is measured in, in reading order: the overview's blocks and the report's
/// passages (each stays for the page's life, so the list is looked up once).
const BLOCKS: &str = "#overview > .ov-banner, #overview > .ov-block, #reader [data-passage]";

thread_local! {
    static BLOCK_LIST: RefCell<Option<web_sys::NodeList>> = const { RefCell::new(None) };
    /// The place last remembered and the layout width it was measured at.
    static REMEMBERED: Cell<Option<(ReadingPlace, i32)>> = const { Cell::new(None) };
}

fn blocks() -> Option<web_sys::NodeList> {
    BLOCK_LIST.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().is_none_or(|l| l.length() == 0) {
            *cell = document().query_selector_all(BLOCKS).ok();
        }
        cell.clone()
    })
}

fn rect(list: &web_sys::NodeList, i: usize) -> (f64, f64) {
    item_rect(list, i).map_or((0.0, 0.0), |r| (r.top(), r.bottom()))
}

/// The width lines wrap to: the layout viewport's, which a pinch zoom leaves alone (iOS Safari
/// changes `innerWidth` then, and fires `resize`).
fn layout_width() -> i32 {
    document()
        .document_element()
        .map_or(0, |e| e.client_width())
}

/// Remembers the place at the reading line (the scroll spy calls it once a frame while the page
/// scrolls, and after a resize).
pub fn remember() {
    let Some(list) = blocks() else { return };
    let line = viewport_height() * READING_LINE;
    let place = place_at(list.length() as usize, |i| rect(&list, i), line);
    REMEMBERED.set(place.map(|p| (p, layout_width())));
}

/// After a resize: if the viewport's width changed, calls `bring_back`, which puts what the
/// app last brought into view (a jump's target, a search hit's part) there again and says
/// whether it did; if not, scrolls the remembered place back to the reading line. The scroll
/// spy's resize listener calls it, before it measures again.
pub fn keep_after_resize(bring_back: impl FnOnce() -> bool) {
    let Some((place, width)) = REMEMBERED.get() else {
        return;
    };
    if layout_width() == width {
        return;
    }
    let Some(list) = blocks().filter(|l| place.block < l.length() as usize) else {
        return;
    };
    if bring_back() {
        return;
    }
    put_back(&list, place);
}

/// Makes `change` (the reader's typeface or text size, which wraps every line anew) and keeps
/// the text that was at the reading line there.
pub fn keep_across(change: impl FnOnce()) {
    remember();
    change();
    let Some((place, _)) = REMEMBERED.get() else {
        return;
    };
    if let Some(list) = blocks().filter(|l| place.block < l.length() as usize) {
        put_back(&list, place);
    }
}

/// Scrolls `place` back to the reading line, in the layout as it is now.
fn put_back(list: &web_sys::NodeList, place: ReadingPlace) {
    let line = viewport_height() * READING_LINE;
    let by = scroll_to_keep(place, rect(list, place.block), line);
    if by.abs() >= 1.0 {
        // Instant: a smooth glide would show the wrong text first.
        let options = web_sys::ScrollToOptions::new();
        options.set_top(by);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        window().scroll_by_with_scroll_to_options(&options);
    }
    // Until the spy measures again, the place stays the same at the new width.
    REMEMBERED.set(Some((place, layout_width())));
}
