//! Compiles the study aids into static Rust data, so the app ships no TOML parser:
//! content/summary.toml (gists, themes, glossary hand-written for content/report.txt) when the
//! build embeds that report, and otherwise the terms of content/lexicon.toml (policy
//! vocabulary for any report of the genre) that occur in the report, with its themes'
//! keywords. The hand-written data is never shown beside another report's text. The data is
//! checked against the parsed report by native tests.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
struct Summary {
    gists: toml::Table,
    themes: toml::Table,
    glossary: Vec<GlossEntry>,
}

#[derive(Deserialize)]
struct Lexicon {
    themes: toml::Table,
    glossary: Vec<GlossEntry>,
}

#[derive(Deserialize)]
struct GlossEntry {
    term: String,
    #[serde(default, rename = "match")]
    also: Vec<String>,
    explain: String,
}

fn main() {
    // The report to embed: content/report.txt, or another text of the genre named by
    // YANDU_REPORT (the benchmark builds one with a generated 1 MB report).
    println!("cargo:rerun-if-env-changed=YANDU_REPORT");
    let report = std::env::var("YANDU_REPORT").unwrap_or_else(|_| {
        let here = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
        format!("{here}/content/report.txt")
    });
    println!("cargo:rerun-if-changed={report}");
    println!("cargo:rustc-env=YANDU_REPORT_PATH={report}");
    println!("cargo:rerun-if-changed=content/report.txt");
    let report_text = std::fs::read(&report).unwrap_or_default();
    let is_seed = std::fs::read("content/report.txt").is_ok_and(|seed| seed == report_text);
    let report_text = String::from_utf8_lossy(&report_text);

    let source = "content/summary.toml";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("read content/summary.toml");
    let mut summary: Summary =
        toml::from_str(&text).unwrap_or_else(|e| panic!("content/summary.toml is not valid: {e}"));
    let lexicon_source = "content/lexicon.toml";
    println!("cargo:rerun-if-changed={lexicon_source}");
    let lexicon_text = std::fs::read_to_string(lexicon_source).expect("read content/lexicon.toml");
    let lexicon: Lexicon = toml::from_str(&lexicon_text)
        .unwrap_or_else(|e| panic!("content/lexicon.toml is not valid: {e}"));
    let mut theme_keywords = toml::Table::new();
    if !is_seed {
        // Another report: nothing hand-written for the seed, the lexicon's terms that occur.
        summary.gists.clear();
        summary.themes.clear();
        summary.glossary = lexicon
            .glossary
            .into_iter()
            .filter(|e| {
                std::iter::once(&e.term)
                    .chain(e.also.iter())
                    .any(|t| report_text.contains(t.as_str()))
            })
            .collect();
        theme_keywords = lexicon.themes;
    }

    let mut out = String::new();
    writeln!(out, "/// Whether the build embeds the report the hand-written aids are for.\npub const HAND_WRITTEN: bool = {is_seed};\n").unwrap();
    out.push_str(
        "/// Gist per anchor id, in file order.\npub static GISTS: &[(&str, &str)] = &[\n",
    );
    for (key, value) in &summary.gists {
        let gist = value
            .as_str()
            .unwrap_or_else(|| panic!("gist {key} must be a string"));
        writeln!(out, "    ({key:?}, {gist:?}),").unwrap();
    }
    out.push_str("];\n\n/// Theme name and the anchor ids of its points, in file order.\npub static THEMES: &[(&str, &[&str])] = &[\n");
    for (theme, anchors) in &summary.themes {
        let anchors: Vec<&str> = anchors
            .as_array()
            .unwrap_or_else(|| panic!("theme {theme} must list anchors"))
            .iter()
            .map(|a| {
                a.as_str()
                    .unwrap_or_else(|| panic!("theme {theme}: anchors are strings"))
            })
            .collect();
        writeln!(out, "    ({theme:?}, &{anchors:?}),").unwrap();
    }
    out.push_str("];\n\n/// Theme name and the words that put a part on it (for reports without hand-written themes).\npub static THEME_KEYWORDS: &[(&str, &[&str])] = &[\n");
    for (theme, words) in &theme_keywords {
        let words: Vec<&str> = words
            .as_array()
            .unwrap_or_else(|| panic!("lexicon theme {theme} must list words"))
            .iter()
            .filter_map(|w| w.as_str())
            .collect();
        writeln!(out, "    ({theme:?}, &{words:?}),").unwrap();
    }
    out.push_str(
        "];\n\n/// The glossary, in file order.\npub static GLOSSARY: &[GlossEntry] = &[\n",
    );
    let mut seen = BTreeMap::new();
    for entry in &summary.glossary {
        assert!(
            seen.insert(entry.term.clone(), ()).is_none(),
            "glossary term {} twice",
            entry.term
        );
        writeln!(
            out,
            "    GlossEntry {{ term: {:?}, also: &{:?}, explain: {:?} }},",
            entry.term, entry.also, entry.explain
        )
        .unwrap();
    }
    out.push_str("];\n");

    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("summary_data.rs");
    std::fs::write(dest, out).expect("write summary_data.rs");
}
