//! The state shared by the components: where the reader is, what is open, the search, and
//! the marks drawn over the text. Derived values are memos, never copies kept in sync by hand.

use leptos::prelude::*;

use super::per_passage::PerPassage;
use super::selected::Selected;
use crate::report::anchor::MAX_DEPTH;
use crate::report::passage::{Mark, MarkKind};
use crate::report::{Anchor, PASSAGES};
use crate::summary::search::{Hit, SearchIndex};

/// A sentence (or any range) to flash after a jump from the overview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flash {
    pub passage: usize,
    pub start: usize,
    pub end: usize,
}

/// An open glossary popover: which entry, and the term's box in page pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlossOpen {
    pub entry: usize,
    pub left: f64,
    pub top: f64,
    pub bottom: f64,
}

/// Built on the first search (an empty query does not touch it).
static SEARCH_INDEX: std::sync::LazyLock<SearchIndex> =
    std::sync::LazyLock::new(|| SearchIndex::new(&PASSAGES));

#[derive(Clone, Copy)]
pub struct ReadingState {
    /// The part in view, as the scroll spy sees it.
    active: Selected<Anchor>,
    /// For each depth, the node at that depth that holds the part in view (below it).
    active_within: [Selected<Anchor>; MAX_DEPTH],
    /// The part named by the URL fragment (the last jump), flashed when reached.
    pub target: Selected<Anchor>,
    /// Whether the outline drawer is open (narrow screens only).
    pub outline_open: RwSignal<bool>,
    pub query: RwSignal<String>,
    pub hits: Memo<Vec<Hit>>,
    /// Index into `hits` of the current hit.
    pub current: RwSignal<usize>,
    pub flash: RwSignal<Option<Flash>>,
    /// The marks to draw (search hits, the flashed sentence), per passage.
    passage_marks: PerPassage<Mark>,
    pub gloss: RwSignal<Option<GlossOpen>>,
    /// The chosen policy theme (index into the themes), if any.
    pub theme: RwSignal<Option<usize>>,
}

impl ReadingState {
    pub fn new() -> Self {
        let query = RwSignal::new(String::new());
        let current = RwSignal::new(0);
        let flash = RwSignal::new(None::<Flash>);
        let hits = Memo::new(move |_| {
            query.with(|q| {
                if q.chars().all(char::is_whitespace) {
                    Vec::new()
                } else {
                    SEARCH_INDEX.search(q)
                }
            })
        });
        let marks = Memo::new(move |_| {
            let mut per: Vec<Vec<Mark>> = vec![Vec::new(); PASSAGES.len()];
            let current = current.get();
            hits.with(|hits| {
                for (i, h) in hits.iter().enumerate() {
                    let kind = if i == current {
                        MarkKind::CurrentHit
                    } else {
                        MarkKind::Hit
                    };
                    per[h.passage].push(Mark {
                        start: h.start,
                        end: h.end,
                        kind,
                    });
                }
            });
            if let Some(f) = flash.get() {
                if let Some(list) = per.get_mut(f.passage) {
                    list.push(Mark {
                        start: f.start,
                        end: f.end,
                        kind: MarkKind::Flash,
                    });
                }
            }
            per
        });
        let passage_marks = PerPassage::follow(marks, PASSAGES.len(), |m| {
            // The current hit is scrolled to and the flash is what a jump lands on.
            matches!(m.kind, MarkKind::CurrentHit | MarkKind::Flash)
        });
        ReadingState {
            active: Selected::new(),
            active_within: std::array::from_fn(|_| Selected::new()),
            target: Selected::new(),
            outline_open: RwSignal::new(false),
            query,
            hits,
            current,
            flash,
            passage_marks,
            gloss: RwSignal::new(None),
            theme: RwSignal::new(None),
        }
    }

    /// Searches for `query` from the first hit, puts it in the URL and shows the first hit.
    pub fn search_for(&self, query: String) {
        crate::browser::set_query_in_location(&query);
        self.query.set(query);
        self.current.set(0);
        crate::browser::reveal_current_hit();
    }

    /// Says which part is in view.
    pub fn set_active(&self, anchor: Option<Anchor>) {
        self.active.set(anchor);
        let mut holders = [None; MAX_DEPTH];
        let mut up = anchor.and_then(|a| a.path());
        while let Some(p) = up.filter(|p| p.depth() > 1) {
            let parent = p.parent();
            holders[parent.depth() - 1] = Some(Anchor::Node(parent));
            up = Some(parent);
        }
        for (selected, holder) in self.active_within.iter().zip(holders) {
            selected.set(holder);
        }
    }

    /// The part in view (not reactive).
    pub fn active(&self) -> Option<Anchor> {
        self.active.get()
    }

    /// Whether `anchor` is the part in view (reactive).
    pub fn is_active(&self, anchor: Anchor) -> bool {
        self.active.is(anchor)
    }

    /// Whether a part inside `anchor` (not `anchor` itself) is in view (reactive).
    pub fn holds_active(&self, anchor: Anchor) -> bool {
        anchor
            .path()
            .and_then(|p| self.active_within.get(p.depth().checked_sub(1)?))
            .is_some_and(|selected| selected.is(anchor))
    }

    /// The marks of one passage (reactive; changes only when that passage's marks do).
    pub fn marks_of(&self, passage: usize) -> Signal<Vec<Mark>> {
        self.passage_marks.of(passage)
    }

    /// Whether `anchor` is one of the chosen theme's points (reactive).
    pub fn in_chosen_theme(&self, anchor: Anchor) -> bool {
        self.theme
            .get()
            .and_then(|i| crate::ui::overview::THEMES.get(i))
            .is_some_and(|t| t.anchors.contains(&anchor))
    }

    /// Moves the current hit by `step` (wrapping), if there are hits.
    pub fn step_hit(&self, step: isize) {
        let n = self.hits.with(Vec::len);
        if n > 0 {
            let next = (self.current.get_untracked() as isize + step).rem_euclid(n as isize);
            self.current.set(next as usize);
        }
    }
}

impl Default for ReadingState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_reading_state() -> ReadingState {
    expect_context::<ReadingState>()
}
