//! All browser glue in one place: the URL fragment, scrolling, measuring and window events.
//! Components call these instead of touching `window` themselves, and only from effects or
//! event handlers (never while rendering), so the same components can render to HTML at build
//! time.

use std::cell::Cell;
use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;
use web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::report::Anchor;
use crate::summary::scroll_spy;

/// The anchor named by the URL fragment, if it names one.
pub fn anchor_in_location() -> Option<Anchor> {
    window()
        .location()
        .hash()
        .ok()
        .and_then(|h| Anchor::parse(&h))
}

/// Scrolls the part with `anchor` to the top of the view; the smoothness follows the CSS
/// `scroll-behavior`, which respects `prefers-reduced-motion`.
pub fn scroll_to(anchor: Anchor) {
    if let Some(el) = document().get_element_by_id(&anchor.id()) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Keeps `target` equal to the anchor in the URL fragment: now, and on every fragment change
/// (outline clicks, back and forward), and scrolls there. On first load the page was empty
/// when the browser looked for the fragment, so the app scrolls once it has rendered.
pub fn follow_location(target: RwSignal<Option<Anchor>>) {
    let initial = anchor_in_location();
    target.set(initial);
    if let Some(anchor) = initial {
        request_animation_frame(move || scroll_to(anchor));
    }
    // Listeners live as long as the page: their handles are dropped without removing them.
    // The app scrolls itself on every change: a browser does not always do it (a fragment
    // typed or sent by WebDriver, history traversal restoring an old scroll offset).
    _ = window_event_listener(ev::hashchange, move |_| {
        let anchor = anchor_in_location();
        target.set(anchor);
        if let Some(anchor) = anchor {
            scroll_to(anchor);
        }
    });
}

/// Keeps `active` equal to the part being read while the page scrolls or resizes.
pub fn spy_scroll(anchors: Vec<Anchor>, active: RwSignal<Option<Anchor>>) {
    let anchors: Rc<[Anchor]> = anchors.into();
    let pending = Rc::new(Cell::new(false));
    let measure = {
        let anchors = anchors.clone();
        move || {
            let doc = document();
            let tops: Vec<(Anchor, f64)> = anchors
                .iter()
                .filter_map(|a| {
                    let el = doc.get_element_by_id(&a.id())?;
                    Some((*a, el.get_bounding_client_rect().top()))
                })
                .collect();
            let win = window();
            let height = win
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            let scrolled = win.scroll_y().unwrap_or(0.0) + height;
            let total = doc
                .document_element()
                .map_or(0.0, |e| f64::from(e.scroll_height()));
            let at_bottom = scrolled >= total - 2.0;
            let next = scroll_spy::active_anchor(&tops, height, at_bottom);
            if active.get_untracked() != next {
                active.set(next);
            }
        }
    };
    let schedule = {
        let measure = measure.clone();
        move || {
            if !pending.replace(true) {
                let pending = pending.clone();
                let measure = measure.clone();
                request_animation_frame(move || {
                    pending.set(false);
                    measure();
                });
            }
        }
    };
    measure();
    _ = window_event_listener(ev::scroll, {
        let schedule = schedule.clone();
        move |_| schedule()
    });
    _ = window_event_listener(ev::resize, move |_| schedule());
}

/// Calls `f` when Escape is pressed anywhere in the page.
pub fn on_escape(f: impl Fn() + 'static) {
    _ = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" {
            f();
        }
    });
}
