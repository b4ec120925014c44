//! Draws the marks over the static report: search hits, the flashed sentence and the reader's
//! highlights. A passage whose marks changed is drawn again from [`passage_html`] into its
//! prerendered `<span data-passage>`; no reactive view owns the text. When many passages
//! change at once, the ones on screen (and any that must be drawn at once, such as the one
//! holding the current hit) go first and the rest a batch after each paint ([`redraw_order`]).

use std::rc::Rc;

use leptos::prelude::*;

use super::passage_html::passage_html;
use super::redraw_order;
use crate::browser;
use crate::browser::highlights::Paint;
use crate::report::passage::MarkKind;
use crate::report::PASSAGES;
use crate::summary::glossary::gloss_ranges;

type Draw = Rc<dyn Fn(usize)>;

/// Whether a passage waits to be drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Waiting {
    No,
    Yes,
    /// With the current hit or the flash: drawn at once, wherever it is.
    Urgent,
}

/// The passages waiting to be drawn, and how to draw one.
#[derive(Clone, Copy)]
pub struct TextRedraw {
    /// By passage: whether it waits to be drawn, and whether at once.
    dirty: StoredValue<Vec<Waiting>>,
    /// Counts the plans, so a batch loop left over from an older one stops (the newer plan
    /// holds every passage still waiting).
    generation: StoredValue<u64>,
    draw: StoredValue<Option<Draw>, LocalStorage>,
}

impl TextRedraw {
    pub fn new() -> Self {
        TextRedraw {
            dirty: StoredValue::new(Vec::new()),
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
                if d.len() <= i {
                    d.resize(i + 1, Waiting::No);
                }
                d[i] = if urgent || d[i] == Waiting::Urgent {
                    Waiting::Urgent
                } else {
                    Waiting::Yes
                };
            }
        });
        let Some(draw) = self.draw.get_value() else {
            return;
        };
        let waiting: Vec<(usize, bool)> = self.dirty.with_value(|d| {
            d.iter()
                .enumerate()
                .filter(|(_, w)| **w != Waiting::No)
                .map(|(i, w)| (i, *w == Waiting::Urgent))
                .collect()
        });
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
                let was_waiting = dirty
                    .try_update_value(|d| {
                        d.get_mut(i)
                            .map(|w| std::mem::replace(w, Waiting::No) != Waiting::No)
                    })
                    .flatten()
                    .unwrap_or(false);
                if was_waiting {
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

/// Draws passage `i` with the marks of the reading state and the notes: as highlights over
/// its static text where the browser has them and the page is not printing, else as `<mark>`s
/// in its HTML (which it then keeps until it is drawn as highlights again).
pub fn draw_passage(state: super::state::ReadingState, notes: super::notes::NotesState, i: usize) {
    let Some(passage) = PASSAGES.get(i) else {
        return;
    };
    let marks = state.marks_of(i);
    let note_marks = notes.marks.get(i);
    if browser::highlights::in_use() {
        if let Some(root) = browser::page_dom::passage_node(i) {
            let was_marked = DOM_MARKED.with(|d| {
                let mut d = d.borrow_mut();
                let before = d.len();
                d.retain(|&m| m != i);
                d.len() != before
            });
            if was_marked {
                browser::page_dom::set_passage_html(i, &plain_html(passage));
            }
            let paints: Vec<(usize, usize, Paint)> = note_marks
                .iter()
                .filter_map(|m| {
                    let kind = notes.kind_of(m.note)?;
                    Some((
                        m.start,
                        m.end,
                        Paint::Note(kind.map_or("plain", |k| k.slug())),
                    ))
                })
                .chain(marks.iter().map(|m| {
                    let paint = match m.kind {
                        MarkKind::Hit => Paint::Hit,
                        MarkKind::CurrentHit => Paint::CurrentHit,
                        MarkKind::Flash => Paint::Flash,
                    };
                    (m.start, m.end, paint)
                }))
                .collect();
            // Overlapping highlights of a kind are one range (the engine pays for each).
            let paints = super::mark_union::union_by_kind(paints, |p| matches!(p, Paint::Note(_)));
            if browser::highlights::paint(i, passage, &root, &paints) {
                let cue = spoken_cue(passage, &note_marks, |n| notes.kind_of(n).map(label));
                browser::page_dom::set_passage_notes_cue(i, cue.as_deref());
                return;
            }
        }
    }
    let html = passage_html(passage, &marks, &gloss_ranges(passage), &note_marks, |n| {
        notes.look(n, i)
    });
    browser::page_dom::set_passage_html(i, &html);
    // The `<mark>`s say where each highlight starts and ends themselves.
    browser::page_dom::set_passage_notes_cue(i, None);
    if !marks.is_empty() || !note_marks.is_empty() {
        DOM_MARKED.with(|d| {
            let mut d = d.borrow_mut();
            if !d.contains(&i) {
                d.push(i);
            }
        });
    }
}

/// A highlight kind's label (划线 for a plain highlight).
fn label(kind: Option<crate::notes::NoteKind>) -> &'static str {
    kind.map_or("划线", |k| k.label())
}

/// Most highlights a passage names aloud; the rest are counted.
const SPOKEN: usize = 3;

/// What a screen reader hears after a passage with highlights (custom highlights are not in
/// the accessibility tree): each highlight's kind and text, in text order, e.g.
/// 批注：问题“以棚改旧改为突破口”. `label` gives a note's kind label (`None`: not drawn).
pub fn spoken_cue(
    passage: &crate::report::Passage,
    marks: &[crate::report::passage::NoteMark],
    label: impl Fn(usize) -> Option<&'static str>,
) -> Option<String> {
    let named: Vec<(usize, &'static str, &str)> = marks
        .iter()
        .filter_map(|m| Some((m.start, label(m.note)?, passage.slice(m.start, m.end))))
        .filter(|(_, _, text)| !text.trim().is_empty())
        .collect();
    if named.is_empty() {
        return None;
    }
    // The first few in text order, picked one by one (no sort for a handful).
    let mut spoken: Vec<usize> = Vec::with_capacity(SPOKEN);
    while let Some(next) = (0..named.len())
        .filter(|i| spoken.len() < SPOKEN && !spoken.contains(i))
        .min_by_key(|&i| (named[i].0, i))
    {
        spoken.push(next);
    }
    let mut cue = String::from("批注：");
    for (n, &i) in spoken.iter().enumerate() {
        let (_, kind, text) = named[i];
        if n > 0 {
            cue.push('；');
        }
        cue.push_str(kind);
        cue.push('“');
        cue.extend(text.chars().map(|c| if c == '\n' { ' ' } else { c }));
        cue.push('”');
    }
    if named.len() > SPOKEN {
        cue.push_str("；另有 ");
        cue.push_str(&(named.len() - SPOKEN).to_string());
        cue.push_str(" 处");
    }
    Some(cue)
}

/// The passage as the page was prerendered: no marks.
fn plain_html(passage: &crate::report::Passage) -> String {
    passage_html(passage, &[], &gloss_ranges(passage), &[], |_| None)
}

thread_local! {
    /// Passages whose HTML holds `<mark>`s (drawn while printing, or without highlights).
    static DOM_MARKED: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::passage::{passages, NoteMark};
    use crate::report::Document;

    #[test]
    fn a_passage_names_its_highlights_in_text_order() {
        let ps = passages(&Document::parse(
            "一、总体\n我们推进新型城镇化试点，投入XX万元，成效明显。",
        ));
        let p = ps
            .iter()
            .find(|p| p.text.contains("试点"))
            .expect("the passage");
        let at = |s: &str| p.text.find(s).expect(s);
        let marks = [
            NoteMark {
                start: at("投入"),
                end: at("万元") + "万元".len(),
                note: 1,
            },
            NoteMark {
                start: at("新型"),
                end: at("试点") + "试点".len(),
                note: 0,
            },
            NoteMark {
                start: 0,
                end: 0,
                note: 2,
            },
        ];
        let kinds = |n: usize| [Some("做法"), Some("问题"), Some("疑问")][n];
        assert_eq!(
            spoken_cue(p, &marks, kinds).as_deref(),
            Some("批注：做法“新型城镇化试点”；问题“投入XX万元”")
        );
        // A note that is not drawn is not named; no highlight, no cue.
        assert_eq!(spoken_cue(p, &marks[..1], |_| None), None);
        assert_eq!(spoken_cue(p, &[], kinds), None);
    }

    #[test]
    fn many_highlights_are_counted_after_the_first_few() {
        let ps = passages(&Document::parse("甲乙丙丁戊己庚辛"));
        let p = &ps[0];
        let marks: Vec<NoteMark> = (0..5)
            .map(|i| NoteMark {
                start: i * 3,
                end: i * 3 + 3,
                note: i,
            })
            .collect();
        assert_eq!(
            spoken_cue(p, &marks, |_| Some("启示")).as_deref(),
            Some("批注：启示“甲”；启示“乙”；启示“丙”；另有 2 处")
        );
    }
}
