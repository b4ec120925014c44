//! The hand-written study aids from content/summary.toml (gists, themes, glossary), compiled
//! in by build.rs. Checked against the parsed report by tests/summary_data.rs.

/// A glossary entry: the term, other spellings of it found in the text, the explanation.
#[derive(Debug)]
pub struct GlossEntry {
    pub term: &'static str,
    pub also: &'static [&'static str],
    pub explain: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/summary_data.rs"));

/// The gist written for an anchor id, if any.
pub fn gist(anchor_id: &str) -> Option<&'static str> {
    GISTS.iter().find(|(k, _)| *k == anchor_id).map(|(_, g)| *g)
}
