//! The hand-written study aids in content/summary.toml against the parsed report: every key
//! names a real part, every section and point has a gist, every point has a theme.

use std::collections::HashSet;

use yandu::report::{Anchor, Document, REPORT_TEXT};
use yandu::summary::data::{gist, GISTS, GLOSSARY, THEMES};

fn doc() -> Document {
    Document::parse(REPORT_TEXT)
}

#[test]
fn every_gist_key_names_a_part_of_the_report() {
    let d = doc();
    for (key, text) in GISTS {
        let anchor =
            Anchor::parse(key).unwrap_or_else(|| panic!("gist key {key} is not an anchor"));
        assert!(d.has(anchor), "gist key {key} names no part of the report");
        assert!(!text.trim().is_empty(), "gist {key} is empty");
    }
    let keys: HashSet<&str> = GISTS.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys.len(), GISTS.len(), "a gist key appears twice");
}

#[test]
fn every_section_and_point_has_a_gist() {
    let d = doc();
    for n in d.nodes() {
        let id = n.anchor.id();
        assert!(gist(&id).is_some(), "{id} lacks a gist");
    }
}

#[test]
fn every_theme_anchor_exists_and_every_point_has_a_theme() {
    let d = doc();
    let mut tagged = HashSet::new();
    for (theme, ids) in THEMES {
        assert!(!ids.is_empty(), "theme {theme} has no points");
        for id in *ids {
            let anchor =
                Anchor::parse(id).unwrap_or_else(|| panic!("{theme}: {id} is not an anchor"));
            assert!(d.has(anchor), "{theme}: {id} names no part of the report");
            tagged.insert(anchor);
        }
    }
    for p in d.nodes().into_iter().filter(|n| n.is_point()) {
        assert!(
            tagged.contains(&p.anchor),
            "point {} has no theme",
            p.anchor
        );
    }
}

#[test]
fn glossary_entries_are_complete() {
    assert!(GLOSSARY.len() >= 14);
    for e in GLOSSARY {
        assert!(!e.term.is_empty() && !e.explain.is_empty(), "{e:?}");
        assert!(
            REPORT_TEXT.contains(e.term) || e.also.iter().any(|a| REPORT_TEXT.contains(a)),
            "{} is not in the report",
            e.term
        );
    }
}
