//! What Yandu derives from the report for navigation and study. Pure Rust: no browser calls.

pub mod data;
pub mod gists;
pub mod glossary;
pub mod outline;
pub mod profile;
pub mod reading_place;
pub mod redactions;
pub mod scroll_spy;
pub mod search;
pub mod sentences;
pub mod terms;
pub mod themes;
pub mod timeline;

pub use outline::{Outline, OutlineItem};
