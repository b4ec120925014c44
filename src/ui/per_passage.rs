//! Marks drawn over the text, kept per passage as plain values: a change finds the passages
//! whose list changed and hands them to the [`TextRedraw`], which redraws those (and only
//! those) in the static report. A search keystroke or a note edit touches the passages it
//! changes, not every passage of a long report.

use leptos::prelude::*;

use super::erase::watch;
use super::text_marks::TextRedraw;

#[derive(Clone, Copy)]
pub struct PerPassage<T: Send + Sync + 'static>(StoredValue<Vec<Vec<T>>>);

impl<T: Clone + PartialEq + Send + Sync + 'static> PerPassage<T> {
    /// Follows `all` (a list per passage, `passages` long). A passage whose old or new list
    /// has an item for which `urgent` holds is redrawn at once, wherever it is.
    pub fn follow(
        all: Memo<Vec<Vec<T>>>,
        passages: usize,
        urgent: fn(&T) -> bool,
        redraw: TextRedraw,
    ) -> Self {
        let lists: StoredValue<Vec<Vec<T>>> = StoredValue::new(vec![Vec::new(); passages]);
        watch(move || {
            let changed: Vec<(usize, bool)> = all.with(|all| {
                lists
                    .try_update_value(|lists| {
                        let mut changed = Vec::new();
                        for (i, (old, now)) in lists.iter_mut().zip(all).enumerate() {
                            if old != now {
                                let pressing = old.iter().chain(now).any(urgent);
                                *old = now.clone();
                                changed.push((i, pressing));
                            }
                        }
                        changed
                    })
                    .unwrap_or_default()
            });
            redraw.schedule(&changed);
        });
        PerPassage(lists)
    }

    /// The list of one passage (empty past the end, or once the state is gone). Not reactive.
    pub fn get(&self, passage: usize) -> Vec<T> {
        self.0
            .try_with_value(|lists| lists.get(passage).cloned())
            .flatten()
            .unwrap_or_default()
    }

    /// The passages that have marks. Not reactive.
    pub fn marked(&self) -> Vec<usize> {
        self.0
            .try_with_value(|lists| {
                lists
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| !l.is_empty())
                    .map(|(i, _)| i)
                    .collect()
            })
            .unwrap_or_default()
    }
}
