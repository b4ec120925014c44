//! The report: its text, the document model, and the parser that reads one into the other.
//! Pure Rust: nothing here calls the browser.

pub mod anchor;
pub mod furniture;
pub mod inline;
pub mod model;
pub mod numbering;
pub mod numerals;
pub mod parse;
pub mod passage;

pub use anchor::Anchor;
pub use inline::Inline;
pub use model::{Block, BlockRole, Content, Document, Node};
pub use passage::{passages, passages_and_layout, Layout, Passage};

/// The report Yandu presents, embedded at build time: content/report.txt unless the build
/// names another with YANDU_REPORT (see build.rs).
pub const REPORT_TEXT: &str = include_str!(env!("YANDU_REPORT_PATH"));

/// The shipped report, parsed once.
pub static DOCUMENT: std::sync::LazyLock<Document> =
    std::sync::LazyLock::new(|| Document::parse(REPORT_TEXT));

/// The shipped report's passages and the layout the reader draws them in, built once.
static PASSAGES_AND_LAYOUT: std::sync::LazyLock<(Vec<Passage>, Layout)> =
    std::sync::LazyLock::new(|| passages_and_layout(&DOCUMENT));

/// The shipped report's passages.
pub static PASSAGES: std::sync::LazyLock<&'static [Passage]> =
    std::sync::LazyLock::new(|| &PASSAGES_AND_LAYOUT.0);

/// The shipped report's layout.
pub static LAYOUT: std::sync::LazyLock<&'static Layout> =
    std::sync::LazyLock::new(|| &PASSAGES_AND_LAYOUT.1);
