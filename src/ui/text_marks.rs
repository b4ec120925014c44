//! Draws the marks over the static report: search hits, the flashed sentence and the reader's
//! highlights. A passage whose marks changed is drawn again from [`passage_html`] into its
//! prerendered `<span data-passage>`; no reactive view owns the text. When many passages
//! change at once, the ones on screen (and any that must be drawn at once, such as the one
//! holding the current hit) go first and the rest a batch after each paint ([`redraw_order`]).

use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;

use super::passage_html::passage_html;
use super::redraw_order;
use crate::browser;
use crate::report::PASSAGES;
use crate::summary::glossary::gloss_ranges;

type Draw = Rc<dyn Fn(usize)>;

/// The passages waiting to be drawn, and how to draw one.
#[derive(Clone, Copy)]
pub struct TextRedraw {
    /// Passage → whether it must be drawn at once.
    dirty: StoredValue<BTreeMap<usize, bool>>,
    /// Counts the plans, so a batch loop left over from an older one stops (the newer plan
    /// holds every passage still waiting).
    generation: StoredValue<u64>,
    draw: StoredValue<Option<Draw>, LocalStorage>,
}

impl TextRedraw {
    pub fn new() -> Self {
        TextRedraw {
            dirty: StoredValue::new(BTreeMap::new()),
            generation: StoredValue::new(0),
            draw: StoredValue::new_local(None),
        }
    }

    /// Says how to draw a passage, and draws what has waited for it.
    pub fn set_draw(&self, draw: impl Fn(usize) + 'static) {
        self.draw.set_value(Some(Rc::new(draw)));
        self.schedule(&[]);
    }

    /// Draws `changed` (passage, urgent): the first batch now, the rest after each paint.
    pub fn schedule(&self, changed: &[(usize, bool)]) {
        self.dirty.update_value(|d| {
            for &(i, urgent) in changed {
                *d.entry(i).or_insert(false) |= urgent;
            }
        });
        let Some(draw) = self.draw.get_value() else {
            return;
        };
        let waiting: Vec<(usize, bool)> = self
            .dirty
            .with_value(|d| d.iter().map(|(&i, &u)| (i, u)).collect());
        if waiting.is_empty() {
            return;
        }
        self.generation.update_value(|g| *g += 1);
        let this = self.generation.get_value();
        let mut batches = redraw_order::plan(&waiting, browser::passages_in_view);
        batches.reverse();
        let dirty = self.dirty;
        let apply = move |batch: Vec<usize>| {
            for i in batch {
                // Drawn already by a newer plan's first batch: nothing to do.
                if dirty.try_update_value(|d| d.remove(&i)).flatten().is_some() {
                    draw(i);
                }
            }
        };
        if let Some(first) = batches.pop() {
            apply(first);
        }
        let generation = self.generation;
        browser::after_each_paint(move || {
            if generation.try_get_value() != Some(this) {
                return false;
            }
            let more = batches.pop().map(&apply).is_some();
            if !more {
                // Every mark of this change is on the page (the benchmark reads it).
                browser::mark("yandu:marks-drawn");
            }
            more
        });
    }
}

impl Default for TextRedraw {
    fn default() -> Self {
        Self::new()
    }
}

/// Draws passage `i` with the marks of the reading state and the notes.
pub fn draw_passage(state: super::state::ReadingState, notes: super::notes::NotesState, i: usize) {
    let Some(passage) = PASSAGES.get(i) else {
        return;
    };
    let html = passage_html(
        passage,
        &state.marks_of(i),
        &gloss_ranges(passage),
        &notes.marks.get(i),
        |n| notes.look(n, i),
    );
    browser::page_dom::set_passage_html(i, &html);
}
