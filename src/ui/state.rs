//! The reading state shared by the components: where the reader is and what is open.

use leptos::prelude::*;

use crate::report::Anchor;

#[derive(Clone, Copy)]
pub struct ReadingState {
    /// The part in view, as the scroll spy sees it.
    pub active: RwSignal<Option<Anchor>>,
    /// The part named by the URL fragment (the last jump), flashed when reached.
    pub target: RwSignal<Option<Anchor>>,
    /// Whether the outline drawer is open (narrow screens only).
    pub outline_open: RwSignal<bool>,
}

impl ReadingState {
    pub fn new() -> Self {
        ReadingState {
            active: RwSignal::new(None),
            target: RwSignal::new(None),
            outline_open: RwSignal::new(false),
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
