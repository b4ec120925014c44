//! What Yandu derives from the report for navigation and study. Pure Rust: no browser calls.

pub mod outline;
pub mod scroll_spy;

pub use outline::{Outline, OutlineItem};
