//! All browser glue in one place: the URL fragment, scrolling, measuring and window events.
//! Components call these instead of touching `window` themselves, and only from effects or
//! event handlers (never while rendering), so the same components can render to HTML at build
//! time.

pub mod display;
pub mod files;
pub mod gloss_terms;
pub mod highlights;
pub mod offline;
pub mod page_dom;
pub mod reading_place;
pub mod selection;
pub mod storage;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::report::{Anchor, PASSAGES};
use crate::summary::scroll_spy;

/// The anchor named by the URL fragment, if it names one.
pub fn anchor_in_location() -> Option<Anchor> {
    window()
        .location()
        .hash()
        .ok()
        .and_then(|h| Anchor::parse(&h))
}

/// The note id named by a `#note-<id>` fragment.
pub fn note_in_location() -> Option<String> {
    let hash = window().location().hash().ok()?;
    hash.strip_prefix("#note-").map(str::to_string)
}

/// Scrolls the part with `anchor` to the top of the view; the smoothness follows the CSS
/// `scroll-behavior`, which respects `prefers-reduced-motion`.
pub fn scroll_to(anchor: Anchor) {
    forget_revealed();
    if bring_to_top(anchor, ScrollBehavior::Auto) {
        // The outline marks the part jumped to, though the reading line passes a section's
        // short heading and lands in its first point.
        REVEALED.set(Some((anchor, false)));
        spy_look_again();
    }
}

/// Scrolls the part with `anchor` to the top of the view; false if it is not in the page. After
/// a reflow, the part revealed last is brought back `Instant`ly: its old offset shows other
/// text, and a glide still under way would stop there. (A revealed search hit sits inside its
/// part, a point, so it stays on screen.)
fn bring_to_top(anchor: Anchor, behavior: ScrollBehavior) -> bool {
    let Some(el) = document().get_element_by_id(&anchor.id()) else {
        return false;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    options.set_behavior(behavior);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

/// Gives `target` the anchor in the URL fragment: now, and on every fragment change
/// (outline clicks, back and forward), and scrolls there; a `#note-<id>` fragment goes to
/// `note` instead. On first load the browser has scrolled to the prerendered part already;
/// scrolling there again is a no-op where it did so exactly, and corrects engines without
/// scroll anchoring (WebKit) if the layout moved since.
pub fn follow_location(target: impl Fn(Option<Anchor>) + 'static, note: impl Fn(String) + 'static) {
    let initial = anchor_in_location();
    target(initial);
    if let Some(anchor) = initial {
        // Unless the reader has already gone elsewhere in the meantime.
        request_animation_frame(move || {
            if anchor_in_location() == Some(anchor) {
                scroll_to(anchor);
            }
        });
    } else if let Some(id) = note_in_location() {
        note(id);
    }
    // Listeners live as long as the page: their handles are dropped without removing them.
    // The app scrolls itself on every change: a browser does not always do it (a fragment
    // typed or sent by WebDriver, history traversal restoring an old scroll offset).
    _ = window_event_listener(ev::hashchange, move |_| {
        let anchor = anchor_in_location();
        target(anchor);
        if let Some(anchor) = anchor {
            scroll_to(anchor);
        } else if let Some(id) = note_in_location() {
            note(id);
        }
    });
}

/// Scrolls the flashed range (a highlight's text, reached by its link) to the middle of the
/// view, once it is drawn.
pub fn reveal_flash() {
    // Two frames: the flash is drawn by an effect after the state changed.
    request_animation_frame(|| {
        request_animation_frame(|| {
            forget_revealed();
            if let Some((rect, _)) = highlights::flashed() {
                let top = scroll_y() + rect.top() - (viewport_height() - rect.height()) / 2.0;
                window().scroll_to_with_x_and_y(scroll_x(), top.max(0.0));
            } else if let Ok(Some(el)) = document().query_selector("#reader mark.flash") {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        })
    });
}

/// Gives `active` the part being read whenever the page scrolls or resizes, and keeps the
/// text being read on screen when the viewport's width changes (`reading_place`).
pub fn spy_scroll(anchors: Vec<Anchor>, active: impl Fn(Option<Anchor>) + 'static) {
    let pending = Rc::new(Cell::new(false));
    let active = Rc::new(active);
    // The parts' elements stay for the page's life: looked up once.
    let doc = document();
    let parts: Rc<[(Anchor, web_sys::Element)]> = anchors
        .iter()
        .filter_map(|a| Some((*a, doc.get_element_by_id(&a.id())?)))
        .collect();
    let measure = move || {
        let doc = document();
        let height = viewport_height();
        let scrolled = window().scroll_y().unwrap_or(0.0) + height;
        let total = doc
            .document_element()
            .map_or(0.0, |e| f64::from(e.scroll_height()));
        let at_bottom = scrolled >= total - 2.0;
        let top = |i: usize| parts[i].1.get_bounding_client_rect().top();
        let by_line = scroll_spy::active_index(parts.len(), top, height, at_bottom);
        let revealed = REVEALED.get().and_then(|(anchor, seen)| {
            let i = parts.iter().position(|(a, _)| *a == anchor)?;
            let rect = parts[i].1.get_bounding_client_rect();
            // Below the screen, or above the reading line (read past), once it has been
            // between the two: the page was moved some way no event tells (a scroll bar
            // dragged), so the reading line decides again. A short part brought to the top of
            // the screen ends above the reading line, but it is there to be read.
            let at_top = rect.top() >= -1.0;
            let on_screen = rect.top() < height
                && (rect.bottom() > height * scroll_spy::READING_LINE || at_top);
            if seen && !on_screen {
                REVEALED.set(None);
                return None;
            }
            REVEALED.set(Some((anchor, seen || on_screen)));
            Some(i)
        });
        let next = scroll_spy::with_revealed(by_line, revealed).map(|i| parts[i].0);
        measure_passages_in_view();
        reading_place::remember();
        // Called on every measure: the callee ignores a value it already has.
        active(next);
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
    SPY_LOOK.with(|s| *s.borrow_mut() = Some(Rc::new(schedule.clone())));
    _ = window_event_listener(ev::scroll, {
        let schedule = schedule.clone();
        move |_| schedule()
    });
    _ = window_event_listener(ev::resize, move |_| {
        reading_place::keep_after_resize(|| {
            REVEALED
                .get()
                .is_some_and(|(part, _)| bring_to_top(part, ScrollBehavior::Instant))
        });
        schedule();
    });
    // A revealed part is kept until the reader moves the page: any wheel, touch, pointer or
    // key (a step through hits reveals the next one right after), or another jump.
    _ = window_event_listener(ev::wheel, |_| forget_revealed());
    _ = window_event_listener(ev::touchstart, |_| forget_revealed());
    _ = window_event_listener(ev::pointerdown, |_| forget_revealed());
    _ = window_event_listener(ev::keydown, |_| forget_revealed());
}

/// Lets the scroll spy go back to the reading line (see `REVEALED`).
fn forget_revealed() {
    if REVEALED.take().is_some() {
        spy_look_again();
    }
}

/// Has the scroll spy measure at the next frame, though the page may not have scrolled.
fn spy_look_again() {
    if let Some(look) = SPY_LOOK.with(|s| s.borrow().clone()) {
        look();
    }
}

/// An element's box in viewport pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub bottom: f64,
}

/// How far the page is scrolled down, in CSS pixels.
pub fn scroll_y() -> f64 {
    window().scroll_y().unwrap_or(0.0)
}

/// The viewport's height in CSS pixels.
pub fn viewport_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// The viewport's width in CSS pixels.
pub fn viewport_width() -> f64 {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(0.0)
}

thread_local! {
    /// Whether a search hit waits for the app to be ready to be revealed.
    static REVEAL_WHEN_READY: Cell<bool> = const { Cell::new(false) };
    /// The reader's passage elements in index order (they stay for the page's life) and the
    /// range of them in the viewport at the last scroll or resize.
    static PASSAGE_ELEMENTS: RefCell<Option<web_sys::NodeList>> = const { RefCell::new(None) };
    static IN_VIEW: RefCell<Option<std::ops::Range<usize>>> = const { RefCell::new(None) };
    static NEAR_VIEW: RefCell<Option<std::ops::Range<usize>>> = const { RefCell::new(None) };
    /// The part the app last brought into view (a jump's target, or the part holding the
    /// search hit last revealed) and whether it has been on screen since. The scroll spy marks
    /// it until the reader moves the page: a section's heading is passed by the reading line,
    /// and near the end of the page a part or a hit cannot reach the line.
    static REVEALED: Cell<Option<(Anchor, bool)>> = const { Cell::new(None) };
    /// Asks the scroll spy to measure again at the next frame.
    static SPY_LOOK: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// The box of the `i`th element of `list`, in viewport pixels.
fn item_rect(list: &web_sys::NodeList, i: usize) -> Option<web_sys::DomRect> {
    list.item(i as u32)
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.get_bounding_client_rect())
}

/// The reader's passages in the viewport when the page last scrolled or resized, by index.
/// Read without touching the layout, so redrawing marks can ask for it before the page has
/// been laid out again. `None` before the first measurement.
pub fn passages_in_view() -> Option<std::ops::Range<usize>> {
    IN_VIEW.with(|v| v.borrow().clone())
}

/// The reader's passage elements in index order, if the page has one for each passage.
fn passage_elements() -> Option<web_sys::NodeList> {
    let count = PASSAGES.len();
    PASSAGE_ELEMENTS
        .with(|cell| {
            let mut cell = cell.borrow_mut();
            if cell.as_ref().is_none_or(|l| l.length() as usize != count) {
                *cell = document().query_selector_all("#reader [data-passage]").ok();
            }
            cell.clone()
        })
        .filter(|l| l.length() as usize == count)
}

/// The reader's element of passage `index`.
fn passage_element(index: usize) -> Option<web_sys::Element> {
    passage_elements()?
        .item(index as u32)?
        .dyn_into::<web_sys::Element>()
        .ok()
        .filter(|el| {
            el.get_attribute("data-passage").as_deref() == Some(index.to_string().as_str())
        })
}

/// Measures [`passages_in_view`] (the scroll spy calls it once a frame while scrolling).
fn measure_passages_in_view() {
    let count = PASSAGES.len();
    let near = passage_elements().and_then(|all| {
        let height = viewport_height();
        let rect = |i: usize| item_rect(&all, i);
        // The first passage for which `past` holds (it holds for all after it): a binary
        // search, a dozen measurements even on a long report.
        let first = |past: &dyn Fn(&web_sys::DomRect) -> bool| -> Option<usize> {
            let (mut lo, mut hi) = (0, count);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if past(&rect(mid)?) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            Some(lo)
        };
        let start = first(&|r| r.bottom() >= 0.0)?;
        let end = first(&|r| r.top() > height)?;
        // Near: from a screen above to two below, where marks are drawn (reading goes down).
        let near_start = first(&|r| r.bottom() >= -height)?;
        let near_end = first(&|r| r.top() > 2.0 * height)?;
        Some((start..end.max(start), near_start..near_end.max(near_start)))
    });
    IN_VIEW.with(|v| *v.borrow_mut() = near.as_ref().map(|n| n.0.clone()));
    let near = near.map(|n| n.1);
    if NEAR_VIEW.with(|v| v.replace(near.clone())) != near {
        highlights::view_moved();
    }
}

/// The reader's passages near the viewport at the last scroll or resize (a screen above it to
/// two below), where marks are drawn; `None` before the first measurement.
pub fn passages_near_view() -> Option<std::ops::Range<usize>> {
    NEAR_VIEW.with(|v| v.borrow().clone())
}

/// Calls `step` once after each frame is drawn (a task after the animation frame), until it
/// returns false: what `step` does then is painted in the frame after, not before, this one.
pub fn after_each_paint(step: impl FnMut() -> bool + 'static) {
    fn next(mut step: Box<dyn FnMut() -> bool>) {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if step() {
                        next(step);
                    }
                },
                std::time::Duration::ZERO,
            );
        });
    }
    next(Box::new(step));
}

/// Scrolls the current search hit to the reading line, once it is drawn.
pub fn reveal_current_hit() {
    // Before the app is ready the page may be laid out lazily (web/lazy-layout.js): a place
    // found there would move when the layout ends. The reveal waits for `announce_ready`.
    if !is_ready() {
        REVEAL_WHEN_READY.set(true);
        return;
    }
    request_animation_frame(|| {
        let part = if let Some((rect, node)) = highlights::current_hit() {
            // Just above the scroll spy's reading line (a quarter of the view), so the outline
            // marks the part that holds the hit; never under the sticky header.
            let margin = (header_height() + 16.0).max(viewport_height() * 0.25 - 8.0);
            window().scroll_to_with_x_and_y(scroll_x(), scroll_y() + rect.top() - margin);
            node.parent_element()
        } else if let Ok(Some(el)) = document().query_selector("mark.current") {
            // As a `<mark>` (no highlights): app.css gives it the same scroll margin.
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Start);
            el.scroll_into_view_with_scroll_into_view_options(&options);
            Some(el)
        } else {
            return;
        };
        let part = part.and_then(|el| el.closest(".part[id]").ok().flatten());
        REVEALED.set(
            part.and_then(|p| Anchor::parse(&p.id()))
                .map(|a| (a, false)),
        );
        // The page may not move (already at the bottom).
        spy_look_again();
    });
}

/// The sticky top bar's height.
fn header_height() -> f64 {
    document()
        .query_selector(".topbar")
        .ok()
        .flatten()
        .map_or(0.0, |el| el.get_bounding_client_rect().height())
}

fn scroll_x() -> f64 {
    window().scroll_x().unwrap_or(0.0)
}

/// What was typed into the prerendered search box before the app started, and whether the
/// box has the focus (`None` if nothing was typed and it is not focused).
pub fn typed_search() -> Option<(String, bool)> {
    let input = document()
        .get_element_by_id("search-input")?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let focused = document()
        .active_element()
        .is_some_and(|el| el.id() == "search-input");
    let value = input.value();
    (focused || !value.is_empty()).then_some((value, focused))
}

/// The `q` parameter of the page URL (a shared search), decoded.
pub fn query_in_location() -> String {
    let search = window().location().search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("q"))
        .map(|q| {
            q.chars()
                .take(crate::summary::search::MAX_QUERY_CHARS * 2)
                .collect()
        })
        .unwrap_or_default()
}

/// Puts the search into the URL (`?q=`) without a new history entry or a reload.
pub fn set_query_in_location(query: &str) {
    let win = window();
    let Ok(href) = win.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    if query.is_empty() {
        url.search_params().delete("q");
    } else {
        url.search_params().set("q", query);
    }
    if let Ok(history) = win.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
    }
}

/// Says the app has taken over the prerendered page: `<html data-ready>` (tests and the
/// benchmark wait on it) and a User Timing mark.
pub fn announce_ready() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-ready", "");
    }
    mark("yandu:ready");
    if REVEAL_WHEN_READY.take() {
        reveal_current_hit();
    }
}

/// Whether the app has said it is ready (`announce_ready`).
fn is_ready() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.has_attribute("data-ready"))
}

/// Runs `f` in a task of its own, after what is queued (input included): the start is cut into
/// a few tasks so that none holds the page for long (on the phone profile it was one task of
/// about 300 ms).
pub fn next_task(f: impl FnOnce() + 'static) {
    set_timeout(f, std::time::Duration::ZERO);
}

/// Adds a User Timing mark (visible in the browser's performance tools and to benchmarks).
pub fn mark(name: &str) {
    if let Some(perf) = window().performance() {
        let _ = perf.mark(name);
    }
}

/// Focuses the first element matching `selector`, once it is drawn.
pub fn focus_when_drawn(selector: &'static str) {
    request_animation_frame(move || {
        if let Ok(Some(el)) = document().query_selector(selector) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Focuses the element with `id`.
pub fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Calls `f(true)` just before the page is printed (or saved as PDF) and `f(false)` after.
pub fn on_print(f: impl Fn(bool) + 'static) {
    let f = Rc::new(f);
    let g = f.clone();
    _ = window_event_listener_untyped("beforeprint", move |_| f(true));
    _ = window_event_listener_untyped("afterprint", move |_| g(false));
}

/// Calls `f` with each key press anywhere in the page, with whether focus is in a text field.
pub fn on_key(f: impl Fn(&web_sys::KeyboardEvent, bool) + 'static) {
    _ = window_event_listener(ev::keydown, move |e| f(&e, focus_in_a_field()));
}

/// Calls `f` when a pointer goes down outside every element matching `selector`.
pub fn on_pointer_down_outside(selector: &'static str, f: impl Fn() + 'static) {
    _ = window_event_listener(ev::pointerdown, move |e| {
        let inside = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(selector).ok().flatten())
            .is_some();
        if !inside {
            f();
        }
    });
}

/// `f`, run at most once a frame however often the result is called.
fn once_a_frame(f: impl Fn() + 'static) -> impl Fn() + Clone + 'static {
    let pending = Rc::new(Cell::new(false));
    let f = Rc::new(f);
    move || {
        if !pending.replace(true) {
            let pending = pending.clone();
            let f = f.clone();
            request_animation_frame(move || {
                pending.set(false);
                f();
            });
        }
    }
}

/// Calls `f` (at most once a frame) whenever the document's selection changes, and when the
/// page scrolls while `while_shown` holds (the selection's box moves with the text, and
/// `selectionchange` does not fire).
pub fn on_selection_change(f: impl Fn() + 'static, while_shown: impl Fn() -> bool + 'static) {
    let while_shown = Rc::new(while_shown);
    let run = once_a_frame(f);
    let on_scroll = run.clone();
    // Reading the selection makes the browser lay the page out (about 5 ms a frame on a long
    // report), so it is left alone where it cannot matter: on scroll while none is shown, and
    // while typing in a field (the caret is a selection too) with none shown.
    _ = window_event_listener(ev::scroll, {
        let while_shown = while_shown.clone();
        move |_| {
            if while_shown() {
                on_scroll();
            }
        }
    });
    let on_change = move || {
        if while_shown() || !focus_in_a_field() {
            run();
        }
    };
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(on_change);
    let _ = document()
        .add_event_listener_with_callback("selectionchange", callback.as_ref().unchecked_ref());
    // Lives as long as the page.
    callback.forget();
}

/// Whether the focus is in a field that takes typing (its caret moves the document's
/// selection, and its keys are not shortcuts).
fn focus_in_a_field() -> bool {
    document().active_element().is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.has_attribute("contenteditable")
    })
}

/// Calls `f(key, new value)` when another tab changes localStorage.
pub fn on_storage_change(f: impl Fn(String, Option<String>) + 'static) {
    _ = window_event_listener_untyped("storage", move |e| {
        if let Ok(e) = e.dyn_into::<web_sys::StorageEvent>() {
            if let Some(key) = e.key() {
                f(key, e.new_value());
            }
        }
    });
}

/// Calls `f` when Escape is pressed anywhere in the page.
pub fn on_escape(f: impl Fn() + 'static) {
    _ = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" {
            f();
        }
    });
}
