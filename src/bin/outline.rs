//! The structure command: `cargo run --bin outline -- FILE` reads a report of the genre and
//! prints, as JSON, what Yandu reads in it: the title and subtitle lines, the lines taken as
//! page furniture, the tree of headings and points (each with its label as written, its
//! heading or lead phrase, its anchor and its children), the closing paragraphs, the
//! appendices and the timeline. For people checking how a report is read, and for tests.
//! Exits non-zero only when the file cannot be read.

use serde_json::{json, Value};
use yandu::report::{passages, BlockRole, Document, Node};
use yandu::summary::timeline::timeline;

fn node(n: &Node) -> Value {
    json!({
        "label": n.label_text(),
        "heading": n.heading_label(),
        "anchor": n.anchor.id(),
        "children": n.children().map(node).collect::<Vec<_>>(),
    })
}

fn lines(blocks: impl Iterator<Item = String>) -> Vec<String> {
    blocks.map(|t| t.trim().to_string()).collect()
}

fn structure(doc: &Document) -> Value {
    let ps = passages(doc);
    let front = |role: BlockRole| {
        lines(
            doc.front
                .iter()
                .filter(move |b| b.role == role)
                .map(|b| b.plain_text()),
        )
    };
    let furniture = doc
        .front
        .iter()
        .chain(doc.back.iter())
        .filter(|b| b.role == BlockRole::Furniture)
        .map(|b| b.plain_text());
    let inner: Vec<String> = ps
        .iter()
        .filter(|p| p.anchor.is_some() && p.kind == yandu::report::passage::PassageKind::Furniture)
        .map(|p| p.text.clone())
        .collect();
    json!({
        "title": doc.title().map(|b| b.plain_text().trim().to_string()).unwrap_or_default(),
        "subtitle": front(BlockRole::Subtitle),
        "speaker": front(BlockRole::Speaker),
        "salutation": front(BlockRole::Salutation),
        "notice": front(BlockRole::Notice),
        "furniture": lines(furniture.chain(inner)),
        "intro": lines(doc.intro.iter().map(|b| b.plain_text())),
        "parts": doc.parts.iter().map(node).collect::<Vec<_>>(),
        "closing": lines(doc.closing.iter().filter(|b| b.role == BlockRole::Paragraph).map(|b| b.plain_text())),
        "signature": lines(doc.closing.iter().chain(doc.back.iter()).filter(|b| b.role == BlockRole::Signature).map(|b| b.plain_text())),
        "appendices": doc.appendices.iter().map(|a| a.heading.plain_text().trim().to_string()).collect::<Vec<_>>(),
        "timeline": timeline(&ps).into_iter().map(|d| json!({
            "when": d.label,
            "text": ps[d.passage].slice(d.clause.0, d.clause.1),
            "anchor": ps[d.passage].anchor.map(|a| a.id()),
        })).collect::<Vec<_>>(),
    })
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: outline FILE   (prints the structure Yandu reads in a report, as JSON)");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("outline: cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    if bytes.is_empty() {
        eprintln!("outline: {path} is empty: there is nothing to read");
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "outline: {path} is not UTF-8 text (a binary file, or another encoding such as GBK): \
                 read with U+FFFD in place of the bytes that are not"
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if text.contains('\0') {
        eprintln!("outline: {path} holds NUL bytes: it looks like a binary file, not a report");
    }
    let doc = Document::parse(&text);
    match serde_json::to_string_pretty(&structure(&doc)) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("outline: {e}");
            std::process::exit(1);
        }
    }
}
