//! A one-line gist for a part: the hand-written one where the shipped report has one
//! (content/summary.toml), else the report's own first sentence after the heading, so any
//! report of the genre gets gists without anyone writing them. Pure.

use super::data::gist as written_gist;
use super::sentences::sentence_around;
use crate::report::inline::plain_text;
use crate::report::{Anchor, Document};

/// Derived gists are cut to this many characters (with an ellipsis).
const MAX_GIST_CHARS: usize = 60;

/// The gist of `anchor`, if there is one.
pub fn gist(doc: &Document, anchor: Anchor) -> Option<String> {
    if let Some(g) = written_gist(&anchor.id()) {
        return Some(g.to_string());
    }
    let node = doc.node(anchor)?;
    let body = plain_text(&node.body);
    let body = body.trim();
    if body.is_empty() {
        return None;
    }
    let (start, end) = sentence_around(body, 0);
    let sentence = body.get(start..end)?.trim();
    let mut out: String = sentence.chars().take(MAX_GIST_CHARS).collect();
    if sentence.chars().count() > MAX_GIST_CHARS {
        out.push('…');
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_a_gist_from_the_first_sentence_after_the_heading() {
        let doc = Document::parse("标题\n一、做好就业，稳定民生。全年新增就业X万人。其他内容。\n");
        let g = gist(&doc, Anchor::section(1));
        if super::super::data::GISTS.is_empty() {
            assert_eq!(g.as_deref(), Some("全年新增就业X万人。"));
        }
        assert_eq!(gist(&doc, Anchor::section(9)), None);
    }
}
