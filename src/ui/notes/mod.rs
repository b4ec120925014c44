//! The notes UI: state (over `crate::notes`), the selection toolbar, and the notes panel.

pub mod panel;
pub mod state;
pub mod toolbar;

pub use state::{use_notes, NotesState};
