//! Notes and highlights: the model, how they are stored and placed in the text, and export
//! and import. Pure Rust, tested natively; the browser side is in `crate::browser` and
//! `crate::ui::notes`.

pub mod anchoring;
pub mod book;
pub mod codec;
pub mod listing;
pub mod model;
pub mod transfer;

pub use book::{Mode, NoteBook, NoteError};
pub use model::{Note, NoteKind, NotesById, Target};
