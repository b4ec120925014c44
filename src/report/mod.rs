//! The report: its text, the document model, and the parser that reads one into the other.
//! Pure Rust: nothing here calls the browser.

pub mod anchor;
pub mod inline;
pub mod model;
pub mod numerals;
pub mod parse;
pub mod passage;

pub use anchor::Anchor;
pub use inline::Inline;
pub use model::{Block, Document, Point, Section};
pub use passage::{passages, Passage};

/// The report Yandu presents, embedded at build time: content/report.txt unless the build
/// names another with YANDU_REPORT (see build.rs).
pub const REPORT_TEXT: &str = include_str!(env!("YANDU_REPORT_PATH"));

/// The shipped report, parsed once.
pub static DOCUMENT: std::sync::LazyLock<Document> =
    std::sync::LazyLock::new(|| Document::parse(REPORT_TEXT));

/// The shipped report's passages, built once.
pub static PASSAGES: std::sync::LazyLock<Vec<Passage>> =
    std::sync::LazyLock::new(|| passages(&DOCUMENT));
