//! The glossary terms in the text answer the reader through listeners on the document, one
//! per kind of event for all of them, not six on each term: a long report has thousands of
//! terms, and a search keystroke redraws hundreds of passages, so per-term listeners made
//! thousands of closures a keystroke for the garbage collector (its pauses were the slowest
//! keystrokes on the 1 MB report).

use std::cell::RefCell;
use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Rect;

/// What marks a term: the class and the glossary entry's index (`data-term`).
const TERM: &str = ".gloss[data-term]";

thread_local! {
    /// The term whose explanation is open, to say so (`aria-expanded`) and take it back.
    static EXPANDED: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// The term an event happened in, with its glossary entry.
fn term_of(target: Option<web_sys::EventTarget>) -> Option<(web_sys::Element, usize)> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let term = el.closest(TERM).ok()??;
    let entry = term.get_attribute("data-term")?.parse().ok()?;
    Some((term, entry))
}

/// The term's box in page coordinates (viewport plus scroll offset), so what is placed there
/// stays with it while the page scrolls.
fn page_rect(el: &web_sys::Element) -> Rect {
    let r = el.get_bounding_client_rect();
    let (x, y) = (window().scroll_x().unwrap_or(0.0), super::scroll_y());
    Rect {
        left: r.left() + x,
        top: r.top() + y,
        bottom: r.bottom() + y,
    }
}

/// Calls `open` when the pointer enters a term, when a term gets the focus, is clicked or
/// tapped, or gets Enter or Space; and `close` when the pointer leaves it or it loses the
/// focus. Both get the term's glossary entry; `open` also gets its box.
pub fn listen(open: impl Fn(usize, Rect) + 'static, close: impl Fn(usize) + 'static) {
    let open = Rc::new(move |term: &web_sys::Element, entry: usize| {
        expand(Some(term));
        open(entry, page_rect(term));
    });
    let close = Rc::new(close);
    // Moving between the term's own children is neither entering nor leaving it.
    on_term(ev::mouseover, {
        let open = open.clone();
        move |e, term, entry| {
            if !contains(term, e.related_target()) {
                open(term, entry);
            }
        }
    });
    on_term(ev::mouseout, {
        let close = close.clone();
        move |e, term, entry| {
            if !contains(term, e.related_target()) {
                close(entry);
            }
        }
    });
    on_term(ev::focusin, {
        let open = open.clone();
        move |_, term, entry| open(term, entry)
    });
    on_term(ev::focusout, move |_, _, entry| close(entry));
    on_term(ev::click, {
        let open = open.clone();
        move |_, term, entry| open(term, entry)
    });
    on_term(ev::keydown, move |e, term, entry| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            open(term, entry);
        }
    });
}

/// Calls `f` for each `event` that happens in a term, with the term and its glossary entry.
/// The listener lives as long as the page: its handle is dropped without removing it.
fn on_term<E>(event: E, f: impl Fn(&E::EventType, &web_sys::Element, usize) + 'static)
where
    E: ev::EventDescriptor + 'static,
    E::EventType: JsCast,
{
    _ = window_event_listener(event, move |e| {
        if let Some((term, entry)) = term_of(e.unchecked_ref::<web_sys::Event>().target()) {
            f(&e, &term, entry);
        }
    });
}

fn contains(term: &web_sys::Element, other: Option<web_sys::EventTarget>) -> bool {
    other
        .and_then(|o| o.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|node| term.contains(Some(&node)))
}

/// Says which term's explanation is open (`aria-expanded` on it and on no other); `None` when
/// none is.
fn expand(term: Option<&web_sys::Element>) {
    EXPANDED.with(|expanded| {
        if let Some(old) = expanded.borrow_mut().take() {
            _ = old.set_attribute("aria-expanded", "false");
        }
        if let Some(term) = term {
            _ = term.set_attribute("aria-expanded", "true");
            *expanded.borrow_mut() = Some(term.clone());
        }
    });
}

/// The term whose explanation the page opened before the app started (web/before-app.js left
/// it saying `aria-expanded="true"`), with its glossary entry and box: the app keeps it open.
pub fn left_open() -> Option<(usize, Rect)> {
    let term = document()
        .query_selector(".gloss[data-term][aria-expanded='true']")
        .ok()??;
    let entry = term.get_attribute("data-term")?.parse().ok()?;
    expand(Some(&term));
    Some((entry, page_rect(&term)))
}

/// Takes back the `aria-expanded` of the term whose explanation was open.
pub fn collapse() {
    expand(None);
}
