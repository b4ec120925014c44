//! What Yandu derives from the report for navigation and study. Pure Rust: no browser calls.

pub mod data;
pub mod glossary;
pub mod outline;
pub mod scroll_spy;
pub mod search;

pub use outline::{Outline, OutlineItem};
