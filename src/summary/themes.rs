//! Policy themes, each with the parts on it: hand-written in content/summary.toml for the
//! shipped report, or, for any other report, the parts whose text holds one of a theme's
//! words from content/lexicon.toml. Pure.

use super::data::{THEMES, THEME_KEYWORDS};
use crate::report::passage::Passage;
use crate::report::{Anchor, Document};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    pub anchors: Vec<Anchor>,
}

/// The themes of the report, each with at least one part.
pub fn themes(doc: &Document, passages: &[Passage]) -> Vec<Theme> {
    if !THEMES.is_empty() {
        // Hand-written: an unknown anchor is dropped (a test guards the data).
        return THEMES
            .iter()
            .map(|(name, ids)| {
                let mut anchors: Vec<Anchor> =
                    ids.iter().filter_map(|id| Anchor::parse(id)).collect();
                anchors.sort();
                Theme { name, anchors }
            })
            .collect();
    }
    // The parts a theme can tag: nodes with no nodes inside them (points, the deepest
    // headings), whose own text is their passages'.
    let leaves: Vec<Anchor> = doc
        .nodes()
        .into_iter()
        .filter(|n| n.children().next().is_none())
        .map(|n| n.anchor)
        .collect();
    THEME_KEYWORDS
        .iter()
        .map(|(name, words)| Theme {
            name,
            anchors: leaves
                .iter()
                .copied()
                .filter(|a| {
                    passages
                        .iter()
                        .filter(|p| p.anchor == Some(*a) && p.kind.is_text())
                        .any(|p| words.iter().any(|w| p.text.contains(w)))
                })
                .collect(),
        })
        .filter(|t| !t.anchors.is_empty())
        .collect()
}
