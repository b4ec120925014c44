//! Compiles content/summary.toml (gists, themes, glossary) into static Rust data, so the app
//! ships no TOML parser. The data is checked against the parsed report by native tests.

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

    let source = "content/summary.toml";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("read content/summary.toml");
    let summary: Summary =
        toml::from_str(&text).unwrap_or_else(|e| panic!("content/summary.toml is not valid: {e}"));

    let mut out = String::new();
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
