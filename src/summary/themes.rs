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
                crate::order::sort(&mut anchors);
                Theme { name, anchors }
            })
            .collect();
    }
    by_keywords(doc, passages, THEME_KEYWORDS)
}

/// Themes from keywords: each with the parts whose text holds one of its words.
fn by_keywords(
    doc: &Document,
    passages: &[Passage],
    keywords: &'static [(&'static str, &'static [&'static str])],
) -> Vec<Theme> {
    // The parts a theme can tag: nodes with no nodes inside them (points, the deepest
    // headings), whose own text is their passages'. One pass over the passages: a leaf's
    // passages follow each other in reading order.
    let mut leaves: Vec<Anchor> = doc
        .nodes()
        .into_iter()
        .filter(|n| n.children().next().is_none())
        .map(|n| n.anchor)
        .collect();
    crate::order::sort(&mut leaves);
    let mut tagged: Vec<Vec<Anchor>> = vec![Vec::new(); keywords.len()];
    for p in passages.iter().filter(|p| p.kind.is_text()) {
        let Some(a) = p.anchor.filter(|a| leaves.binary_search(a).is_ok()) else {
            continue;
        };
        for (t, (_, words)) in keywords.iter().enumerate() {
            if tagged[t].last() != Some(&a) && words.iter().any(|w| p.text.contains(w)) {
                tagged[t].push(a);
            }
        }
    }
    keywords
        .iter()
        .zip(tagged)
        .filter(|(_, anchors)| !anchors.is_empty())
        .map(|((name, _), anchors)| Theme { name, anchors })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::passages;

    #[test]
    fn keywords_tag_the_parts_whose_text_holds_them() {
        static KEYWORDS: &[(&str, &[&str])] = &[
            ("交通", &["高铁", "公路"]),
            ("教育", &["学校"]),
            ("空", &["不出现"]),
        ];
        let doc = Document::parse(
            "一、建设，发展。一是修公路。公路通车。二是建学校。三是修高铁和学校。\n",
        );
        let ps = passages(&doc);
        let themes = by_keywords(&doc, &ps, KEYWORDS);
        let ids = |t: &Theme| t.anchors.iter().map(|a| a.id()).collect::<Vec<_>>();
        assert_eq!(themes.len(), 2, "a theme no part holds is left out");
        assert_eq!(
            (themes[0].name, ids(&themes[0])),
            ("交通", vec!["s1-p1".to_string(), "s1-p3".to_string()])
        );
        assert_eq!(
            (themes[1].name, ids(&themes[1])),
            ("教育", vec!["s1-p2".to_string(), "s1-p3".to_string()])
        );
    }
}
