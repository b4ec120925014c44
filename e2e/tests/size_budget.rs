//! The size budget: everything a first visit downloads, gzipped, stays within the budget.
//! Deterministic (read from the built dist), so it can fail a run; timings live in the
//! benchmark instead. Needs `trunk build --release` first; YANDU_DIST names another dist.

use std::path::PathBuf;

use yandu_e2e::sizes::first_visit;

/// Bytes, gzipped. Not yet issue #6's target (150 KB, aiming at 100 KB): the release stands at
/// about 363 KB, 89% of it the wasm (see BENCHMARKS.md). Until the wasm shrinks, this ceiling,
/// a little above today's size, stops it growing unnoticed; lower it with every saving. Raised
/// twice by 1,000 B: for web/lazy-layout.js (488 B gzip), which took about an eighth off the
/// first paint, and for keeping the text being read on screen across a resize (0.8 KB of wasm;
/// every engine lost 12 to 17 lines of place when the window narrowed). Raised by 22,000 B for
/// the document tree (issue #13): the parser of every numbering level, page furniture and
/// closings, which the wasm runs on the report; the tree's reader and outline views, drawn two
/// levels nested and typed (a recursive `AnyView` tree cost 26 KB gzip more); the styles of
/// the new parts and lists inside paragraphs; the summary for any report. The static document
/// of issue #14 takes the reader's views out of the wasm.
const BUDGET: usize = 364_000;

#[test]
fn a_first_visit_stays_within_the_size_budget() {
    let dist = std::env::var_os("YANDU_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist"));
    let files = first_visit(&dist).expect("a release build in dist/ (trunk build --release)");
    let total: usize = files.iter().map(|f| f.gzip).sum();
    let listing: Vec<String> = files
        .iter()
        .map(|f| format!("{:>9} B gzip  {}", f.gzip, f.name))
        .collect();
    assert!(
        total <= BUDGET,
        "a first visit downloads {total} bytes gzipped, over the budget of {BUDGET}:\n{}",
        listing.join("\n")
    );
}
