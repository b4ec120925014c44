//! One key out of many, or none (the part being read, the target of the last jump), asked key
//! by key: "is this part the one?". Each key has its own flag, so a change wakes the views of
//! the key it leaves and the key it enters, not every view that asks. With one signal, every
//! part's outline link and reader element woke on each change, and each then unsubscribed from
//! a list of thousands (Leptos keeps subscribers in order, so that is a shift): on the 1 MB
//! report (1,059 parts) that cost tens of milliseconds per scroll into another part.
//!
//! Leptos's `Selector` does the same through an effect, which cannot run in the prerender.

use leptos::prelude::*;

pub struct Selected<K: Send + Sync + 'static>(StoredValue<Inner<K>>);

struct Inner<K> {
    key: Option<K>,
    /// One flag per key that was asked about, true for the selected key; sorted by key (a
    /// sorted list rather than a hash map, whose code cost 2 KB of gzipped wasm).
    flags: Vec<(K, RwSignal<bool>)>,
    /// Where the flags live: with the state, not with the view that first asked.
    owner: Option<Owner>,
}

impl<K: Send + Sync + 'static> Clone for Selected<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Send + Sync + 'static> Copy for Selected<K> {}

impl<K: Copy + Ord + Send + Sync + 'static> Selected<K> {
    pub fn new() -> Self {
        Selected(StoredValue::new(Inner {
            key: None,
            flags: Vec::new(),
            owner: Owner::current(),
        }))
    }

    /// The selected key (not reactive: ask [`Selected::is`] to follow it).
    pub fn get(&self) -> Option<K> {
        self.0.with_value(|inner| inner.key)
    }

    /// Whether `key` is the selected one (reactive: wakes only when that changes).
    pub fn is(&self, key: K) -> bool {
        self.flag(key).is_some_and(|flag| flag.get())
    }

    /// The flag of `key`, made on first use (`None` once the state is gone).
    fn flag(&self, key: K) -> Option<RwSignal<bool>> {
        let found = self.0.try_with_value(|inner| {
            match inner.flags.binary_search_by_key(&key, |f| f.0) {
                Ok(i) => Ok(inner.flags[i].1),
                Err(_) => Err((inner.key == Some(key), inner.owner.clone())),
            }
        })?;
        let (selected, owner) = match found {
            Ok(flag) => return Some(flag),
            Err(missing) => missing,
        };
        let new = || RwSignal::new(selected);
        let flag = owner.map_or_else(new, |o| o.with(new));
        self.0.try_update_value(|inner| {
            if let Err(i) = inner.flags.binary_search_by_key(&key, |f| f.0) {
                inner.flags.insert(i, (key, flag));
            }
        });
        Some(flag)
    }

    /// Selects `next` (none if `None`); no change, no wake.
    pub fn set(&self, next: Option<K>) {
        let changed = self.0.try_update_value(|inner| {
            let before = std::mem::replace(&mut inner.key, next);
            let flag = |key: Option<K>| {
                let i = inner.flags.binary_search_by_key(&key?, |f| f.0).ok()?;
                Some(inner.flags[i].1)
            };
            (before != next).then(|| [flag(before), flag(next)])
        });
        // Outside the update: setting a flag runs what follows it, which may ask again.
        if let Some(Some([old, new])) = changed {
            if let Some(old) = old {
                old.set(false);
            }
            if let Some(new) = new {
                new.set(true);
            }
        }
    }
}

impl<K: Copy + Ord + Send + Sync + 'static> Default for Selected<K> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;

    #[test]
    fn a_change_reaches_the_keys_it_concerns_and_no_other() {
        let owner = Owner::new();
        owner.set();
        let selected = Selected::<u32>::new();
        assert_eq!(selected.get(), None);
        assert!(!selected.is(1));
        selected.set(Some(1));
        assert!(selected.is(1));
        assert!(!selected.is(2));
        assert_eq!(selected.get(), Some(1));
        selected.set(Some(2));
        assert!(!selected.is(1));
        assert!(selected.is(2));
        selected.set(None);
        assert!(!selected.is(2));
        assert_eq!(selected.get(), None);
        // A key first asked about while selected starts as selected.
        selected.set(Some(7));
        assert!(selected.is(7));
    }

    #[test]
    fn only_the_flags_of_the_old_and_new_key_notify() {
        let owner = Owner::new();
        owner.set();
        let selected = Selected::<u32>::new();
        // Reading a flag inside a memo subscribes the memo to that key only.
        let runs: Vec<Arc<AtomicUsize>> = (0..5).map(|_| Arc::new(AtomicUsize::new(0))).collect();
        let memos: Vec<Memo<bool>> = (0..5u32)
            .map(|k| {
                let runs = runs[k as usize].clone();
                Memo::new(move |_| {
                    runs.fetch_add(1, Ordering::SeqCst);
                    selected.is(k)
                })
            })
            .collect();
        let read = |memos: &[Memo<bool>]| memos.iter().map(|m| m.get()).collect::<Vec<_>>();
        assert_eq!(read(&memos), [false; 5]);
        selected.set(Some(3));
        assert_eq!(read(&memos), [false, false, false, true, false]);
        selected.set(Some(1));
        assert_eq!(read(&memos), [false, true, false, false, false]);
        selected.set(Some(1));
        assert_eq!(read(&memos), [false, true, false, false, false]);
        let counts: Vec<usize> = runs.iter().map(|r| r.load(Ordering::SeqCst)).collect();
        // Once at first, then only when the key was left or entered.
        assert_eq!(counts, [1, 2, 1, 3, 1]);
    }
}
