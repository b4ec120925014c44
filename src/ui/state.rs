//! The state shared by the widgets and the static page's glue: where the reader is, what is
//! open, the search, and the marks drawn over the text. Derived values are memos, never
//! copies kept in sync by hand.

use leptos::prelude::*;

use super::erase::watch;
use super::per_passage::PerPassage;
use super::text_marks::TextRedraw;
use crate::display::DisplaySettings;
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

/// How long a flashed sentence stays marked.
const FLASH_MS: u64 = 2400;

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
    pub active: RwSignal<Option<Anchor>>,
    /// The part named by the URL fragment (the last jump), flashed when reached.
    pub target: RwSignal<Option<Anchor>>,
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
    /// The reader's display settings (配色, 字体, 字号), and whether their menu is open.
    pub display: RwSignal<DisplaySettings>,
    pub display_open: RwSignal<bool>,
}

impl ReadingState {
    /// `outline_open`, `display_open`: the outline drawer and the display settings' panel as the
    /// page has them (the reader may open them before the app).
    pub fn new(redraw: TextRedraw, outline_open: bool, display_open: bool) -> Self {
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
        let passage_marks = PerPassage::follow(
            marks,
            PASSAGES.len(),
            // The current hit is scrolled to and the flash is what a jump lands on.
            |m| matches!(m.kind, MarkKind::CurrentHit | MarkKind::Flash),
            redraw,
        );
        // A flash shows the sentence a jump landed on for a moment, then goes.
        watch(move || {
            if let Some(f) = flash.get() {
                set_timeout(
                    move || {
                        if flash.get_untracked() == Some(f) {
                            flash.set(None);
                        }
                    },
                    std::time::Duration::from_millis(FLASH_MS),
                );
            }
        });
        ReadingState {
            active: RwSignal::new(None),
            target: RwSignal::new(None),
            outline_open: RwSignal::new(outline_open),
            query,
            hits,
            current,
            flash,
            passage_marks,
            gloss: RwSignal::new(None),
            theme: RwSignal::new(None),
            display: RwSignal::new(DisplaySettings::default()),
            display_open: RwSignal::new(display_open),
        }
    }

    /// Searches for `query` from the first hit, puts it in the URL and shows the first hit.
    pub fn search_for(&self, query: String) {
        crate::browser::set_query_in_location(&query);
        self.query.set(query);
        self.current.set(0);
        crate::browser::reveal_current_hit();
    }

    /// Says which part is in view (no change, no wake).
    pub fn set_active(&self, anchor: Option<Anchor>) {
        if self.active.get_untracked() != anchor {
            self.active.set(anchor);
        }
    }

    /// The search marks of one passage (not reactive).
    pub fn marks_of(&self, passage: usize) -> Vec<Mark> {
        self.passage_marks.get(passage)
    }

    /// The passages with search marks or the flash. Not reactive.
    pub fn marked_passages(&self) -> Vec<usize> {
        self.passage_marks.marked()
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

pub fn use_reading_state() -> ReadingState {
    expect_context::<ReadingState>()
}
