//! Marks over the static report drawn with the CSS Custom Highlight API: search hits, the
//! current hit, a flashed sentence and the reader's highlights are ranges over the passage's
//! text nodes, painted by `::highlight(name)` rules, so drawing them never changes the page's
//! DOM (no layout). The ranges are `StaticRange`s: a live `Range` is kept up to date by the
//! document on every change to the DOM until it is garbage-collected, so the ranges of past
//! searches made each later change slower (on the 1 MB report a keystroke went from 50 to
//! 250 ms in sixteen searches, and back to 50 when the garbage was collected). Engines without
//! the API, and the page while it prints (Chromium does not print custom highlights), get
//! `<mark>` elements instead (`ui::text_marks`). Only the passages near the screen have their
//! ranges in the highlights ([`paint`], [`view_moved`]).

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Node, StaticRange, StaticRangeInit};

use crate::report::Passage;

/// What a mark is painted as: one highlight (and one `::highlight()` rule) each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    /// A reader's highlight, by its kind's slug (practice, …, or plain).
    Note(&'static str),
    Flash,
    Hit,
    CurrentHit,
}

impl Paint {
    const NOTE_SLUGS: [&'static str; 6] = [
        "practice", "result", "problem", "lesson", "question", "plain",
    ];

    /// The highlight's place in the registry's list, and its name.
    fn slot(self) -> usize {
        match self {
            Paint::Note(slug) => Self::NOTE_SLUGS
                .iter()
                .position(|s| *s == slug)
                .unwrap_or(5),
            Paint::Flash => 6,
            Paint::Hit => 7,
            Paint::CurrentHit => 8,
        }
    }
}

/// The highlights' names (as the style sheets know them) and priorities (higher paints on top).
const NAMES: [(&str, i32); 9] = [
    ("note-practice", 0),
    ("note-result", 0),
    ("note-problem", 0),
    ("note-lesson", 0),
    ("note-question", 0),
    ("note-plain", 0),
    ("flash", 1),
    ("search-hit", 2),
    ("search-current", 3),
];

#[wasm_bindgen]
extern "C" {
    /// A `Highlight`: a set of ranges painted by `::highlight(name)`.
    #[wasm_bindgen(js_name = Highlight)]
    type JsHighlight;
    #[wasm_bindgen(constructor, js_class = "Highlight")]
    fn new() -> JsHighlight;
    #[wasm_bindgen(method, js_class = "Highlight")]
    fn add(this: &JsHighlight, range: &StaticRange);
    #[wasm_bindgen(method, js_class = "Highlight")]
    fn delete(this: &JsHighlight, range: &StaticRange) -> bool;
    #[wasm_bindgen(method, setter, js_class = "Highlight")]
    fn set_priority(this: &JsHighlight, priority: i32);

    /// `CSS.highlights`.
    type HighlightRegistry;
    #[wasm_bindgen(method)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &JsHighlight);
}

thread_local! {
    /// One highlight per name, registered on first use; `None` where the API is missing.
    static HIGHLIGHTS: RefCell<Option<Option<Vec<JsHighlight>>>> = const { RefCell::new(None) };
    /// The ranges each passage has in the highlights, to take them out when it is drawn again.
    static PAINTED: RefCell<Vec<Vec<(usize, StaticRange)>>> = const { RefCell::new(Vec::new()) };
    /// The marks each passage was last given, drawn or waiting to come near the screen.
    static WANTED: RefCell<Vec<Vec<(usize, usize, Paint)>>> = const { RefCell::new(Vec::new()) };
    /// The current search hit's range and the flashed one, to scroll them into view.
    static CURRENT: RefCell<Option<StaticRange>> = const { RefCell::new(None) };
    static FLASH: RefCell<Option<StaticRange>> = const { RefCell::new(None) };
    /// While the page prints, marks are `<mark>` elements.
    static PRINTING: Cell<bool> = const { Cell::new(false) };
}

fn registry() -> Option<HighlightRegistry> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let highlights = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    let constructor = js_sys::Reflect::get(&js_sys::global(), &"Highlight".into()).ok()?;
    (!highlights.is_undefined() && constructor.is_function()).then(|| highlights.unchecked_into())
}

/// Runs `f` with the highlights, made and registered on first use; `None` without the API.
fn with_highlights<T>(f: impl FnOnce(&[JsHighlight]) -> T) -> Option<T> {
    HIGHLIGHTS.with(|cell| {
        let mut cell = cell.borrow_mut();
        let list = cell.get_or_insert_with(|| {
            let registry = registry()?;
            Some(
                NAMES
                    .iter()
                    .map(|(name, priority)| {
                        let h = JsHighlight::new();
                        h.set_priority(*priority);
                        registry.set(name, &h);
                        h
                    })
                    .collect(),
            )
        });
        list.as_deref().map(f)
    })
}

/// Whether marks are drawn as highlights now (the API is there and the page is not printing).
pub fn in_use() -> bool {
    !PRINTING.get() && with_highlights(|_| ()).is_some()
}

/// Says the page starts (`true`) or ends printing; marks are `<mark>`s while it prints.
pub fn set_printing(printing: bool) {
    PRINTING.set(printing);
}

/// The text nodes of `root` in order, each with where it starts in the rendered text (UTF-16).
fn text_nodes(root: &Node) -> Vec<(Node, u32)> {
    let mut out = Vec::new();
    let mut at = 0;
    let Ok(walker) = document().create_tree_walker_with_what_to_show(root, 4) else {
        return out;
    };
    while let Ok(Some(node)) = walker.next_node() {
        let len = node
            .dyn_ref::<web_sys::CharacterData>()
            .map_or(0, |t| t.length());
        out.push((node, at));
        at += len;
    }
    out
}

/// The text node and offset at rendered position `units`: the node it falls in (at an end,
/// the node it ends, so a range never starts in an empty gap or ends past its text).
fn position(nodes: &[(Node, u32)], units: u32, is_end: bool) -> Option<(&Node, u32)> {
    let i = nodes.partition_point(|(_, start)| {
        if is_end {
            *start < units
        } else {
            *start <= units
        }
    });
    let (node, start) = nodes.get(i.checked_sub(1)?)?;
    Some((node, units - start))
}

/// Draws `marks` (byte ranges of `passage`) over its element `root`, in place of what the
/// passage had; false if highlights are not in use (then nothing changed). A passage far from
/// the screen keeps its marks for later: they are drawn once it comes near ([`view_moved`]).
/// Every frame in which a highlight changes costs the engine time for every range in the
/// registry (Chromium: about 6.5 µs each, so 13 ms a frame for 2,000 search hits), so only
/// what is near the screen is in it, whatever the report's length.
pub fn paint(
    index: usize,
    passage: &Passage,
    root: &Node,
    marks: &[(usize, usize, Paint)],
) -> bool {
    if PRINTING.get() {
        return false;
    }
    with_highlights(|highlights| {
        take_out(index, highlights);
        WANTED.with(|w| {
            let mut w = w.borrow_mut();
            if w.len() <= index {
                w.resize_with(index + 1, Vec::new);
            }
            w[index] = marks.to_vec();
        });
        if is_near(index, marks) {
            put_in(index, passage, root, marks, highlights);
        }
    })
    .is_some()
}

/// Whether passage `index` is drawn now: near the screen, before the first measurement, or
/// holding the current hit or the flash (the app scrolls to those by their ranges).
fn is_near(index: usize, marks: &[(usize, usize, Paint)]) -> bool {
    marks
        .iter()
        .any(|m| matches!(m.2, Paint::CurrentHit | Paint::Flash))
        || super::passages_near_view().is_none_or(|near| near.contains(&index))
}

/// Draws what waits in the passages that came near the screen and takes out the ranges of
/// those that went far from it (the scroll spy calls it when that changes).
pub fn view_moved() {
    if PRINTING.get() {
        return;
    }
    with_highlights(|highlights| {
        // The passages whose ranges are not as they should be now: (passage, near).
        let changes: Vec<(usize, bool)> = WANTED.with(|w| {
            PAINTED.with(|p| {
                let p = p.borrow();
                w.borrow()
                    .iter()
                    .enumerate()
                    .filter(|(_, marks)| !marks.is_empty())
                    .filter_map(|(i, marks)| {
                        let drawn = p.get(i).is_some_and(|r| !r.is_empty());
                        let near = is_near(i, marks);
                        (drawn != near).then_some((i, near))
                    })
                    .collect()
            })
        });
        for (index, near) in changes {
            if !near {
                take_out(index, highlights);
                continue;
            }
            let marks = WANTED.with(|w| w.borrow().get(index).cloned().unwrap_or_default());
            let passage = crate::report::PASSAGES.get(index);
            if let (Some(passage), Some(root)) = (passage, super::page_dom::passage_node(index)) {
                put_in(index, passage, &root, &marks, highlights);
            }
        }
    });
}

/// Takes passage `index`'s ranges out of the highlights.
fn take_out(index: usize, highlights: &[JsHighlight]) {
    let old = PAINTED.with(|p| {
        p.borrow_mut()
            .get_mut(index)
            .map(std::mem::take)
            .unwrap_or_default()
    });
    for (slot, range) in &old {
        highlights[*slot].delete(range);
        for cell in [&CURRENT, &FLASH] {
            cell.with(|c| {
                let mut c = c.borrow_mut();
                if c.as_ref() == Some(range) {
                    *c = None;
                }
            });
        }
    }
}

/// Puts ranges for `marks` over passage `index` into the highlights.
fn put_in(
    index: usize,
    passage: &Passage,
    root: &Node,
    marks: &[(usize, usize, Paint)],
    highlights: &[JsHighlight],
) {
    if marks.is_empty() {
        return;
    }
    let nodes = text_nodes(root);
    let rendered = passage.rendered_utf16();
    let mut now = Vec::with_capacity(marks.len());
    for &(start, end, paint) in marks {
        let (from, to) = (rendered.at_byte(start) as u32, rendered.at_byte(end) as u32);
        if from >= to {
            continue;
        }
        let (Some((sn, so)), Some((en, eo))) =
            (position(&nodes, from, false), position(&nodes, to, true))
        else {
            continue;
        };
        let init = StaticRangeInit::new(en, eo, sn, so);
        let Ok(range) = StaticRange::new(&init) else {
            continue;
        };
        let slot = paint.slot();
        highlights[slot].add(&range);
        match paint {
            Paint::CurrentHit => CURRENT.with(|c| *c.borrow_mut() = Some(range.clone())),
            Paint::Flash => FLASH.with(|c| *c.borrow_mut() = Some(range.clone())),
            _ => {}
        }
        now.push((slot, range));
    }
    PAINTED.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() <= index {
            p.resize_with(index + 1, Vec::new);
        }
        p[index] = now;
    });
}

/// The current search hit's box, in viewport coordinates, and its first node, if it is
/// drawn as a highlight.
pub fn current_hit() -> Option<(web_sys::DomRect, Node)> {
    box_of(&CURRENT)
}

/// The flashed range's box and first node, if it is drawn as a highlight.
pub fn flashed() -> Option<(web_sys::DomRect, Node)> {
    box_of(&FLASH)
}

/// A static range has no box: a live range over the same text is made to measure it, and left
/// to the garbage collector straight away.
fn box_of(
    cell: &'static std::thread::LocalKey<RefCell<Option<StaticRange>>>,
) -> Option<(web_sys::DomRect, Node)> {
    cell.with(|c| {
        let range = c.borrow().clone()?;
        let start = range.start_container();
        let live = document().create_range().ok()?;
        live.set_start(&start, range.start_offset()).ok()?;
        live.set_end(&range.end_container(), range.end_offset())
            .ok()?;
        Some((live.get_bounding_client_rect(), start))
    })
}
