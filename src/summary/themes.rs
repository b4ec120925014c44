//! Policy themes from content/summary.toml, each with the anchors of the points on it. Pure.

use super::data::THEMES;
use crate::report::Anchor;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    pub anchors: Vec<Anchor>,
}

/// Every theme whose anchors all parse; an unknown anchor is dropped (a test guards the data).
pub fn themes() -> Vec<Theme> {
    THEMES
        .iter()
        .map(|(name, ids)| {
            let mut anchors: Vec<Anchor> = ids.iter().filter_map(|id| Anchor::parse(id)).collect();
            anchors.sort();
            Theme { name, anchors }
        })
        .collect()
}

/// The themes a part is tagged with.
pub fn themes_of(anchor: Anchor) -> Vec<&'static str> {
    THEMES
        .iter()
        .filter(|(_, ids)| ids.iter().any(|id| Anchor::parse(id) == Some(anchor)))
        .map(|(name, _)| *name)
        .collect()
}
