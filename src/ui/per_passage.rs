//! Marks drawn over the text, one signal per passage, set only where a passage's list changed:
//! a search keystroke or a note edit wakes the passages it touches, not every passage of a long
//! report (on a 1 MB report, a keystroke whose hits moved in three passages went from about
//! 31 ms to 5 ms once the per-passage memos were gone). When many passages change at once,
//! the ones on screen are redrawn first and the rest a batch after each paint ([`redraw_order`]).

use leptos::prelude::*;

use super::redraw_order;
use crate::browser;

type Signals<T> = StoredValue<Vec<RwSignal<Vec<T>>>>;

#[derive(Clone, Copy)]
pub struct PerPassage<T: Send + Sync + 'static>(Signals<T>);

impl<T: Clone + PartialEq + Send + Sync + 'static> PerPassage<T> {
    /// Follows `all` (a list per passage, `passages` long). A passage whose old or new list
    /// has an item for which `urgent` holds is redrawn at once, wherever it is.
    pub fn follow(all: Memo<Vec<Vec<T>>>, passages: usize, urgent: fn(&T) -> bool) -> Self {
        let signals: Signals<T> = StoredValue::new(
            (0..passages)
                .map(|_| RwSignal::new(Vec::new()))
                .collect::<Vec<_>>(),
        );
        // Counts the changes of `all`, so a batch left over from an older one is dropped (the
        // newer change has compared every passage again).
        let generation = StoredValue::new(0_u64);
        Effect::new(move |_| {
            let changed: Vec<(usize, Vec<T>, bool)> = all.with(|all| {
                signals.with_value(|signals| {
                    signals
                        .iter()
                        .zip(all)
                        .enumerate()
                        .filter_map(|(i, (signal, now))| {
                            signal.with_untracked(|old| {
                                (old != now).then(|| {
                                    let pressing = old.iter().chain(now).any(urgent);
                                    (i, now.clone(), pressing)
                                })
                            })
                        })
                        .collect()
                })
            });
            generation.update_value(|g| *g += 1);
            let this = generation.get_value();
            let set = move |i: usize, now: Vec<T>| {
                if let Some(signal) = signals.with_value(|s| s.get(i).copied()) {
                    signal.set(now);
                }
            };
            let urgency: Vec<(usize, bool)> = changed.iter().map(|c| (c.0, c.2)).collect();
            let mut batches = redraw_order::plan(&urgency, browser::passages_in_view);
            let mut lists: Vec<Option<Vec<T>>> = vec![None; passages];
            for (i, now, _) in changed {
                lists[i] = Some(now);
            }
            let mut apply = move |batch: Vec<usize>| {
                for i in batch {
                    if let Some(now) = lists[i].take() {
                        set(i, now);
                    }
                }
            };
            batches.reverse();
            if let Some(first) = batches.pop() {
                apply(first);
            }
            browser::after_each_paint(move || {
                if generation.get_value() != this {
                    return false;
                }
                let more = batches.pop().map(&mut apply).is_some();
                if !more {
                    // Every mark of this change is on the page (the benchmark reads it).
                    browser::mark("yandu:marks-drawn");
                }
                more
            });
        });
        PerPassage(signals)
    }

    /// The list of one passage (reactive; an empty one past the end).
    pub fn of(&self, passage: usize) -> Signal<Vec<T>> {
        match self.0.with_value(|s| s.get(passage).copied()) {
            Some(signal) => signal.into(),
            None => Signal::stored(Vec::new()),
        }
    }
}
