//! The report's quoted terms and slogans (“一带两城”, “三农”): each with how often and where it
//! appears, in order of first appearance. Pure.

use crate::report::passage::Passage;
use crate::report::Anchor;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub passage: usize,
    pub anchor: Option<Anchor>,
    /// Byte range of the quote, marks included.
    pub at: (usize, usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotedTerm {
    /// The text inside the quote marks.
    pub term: String,
    pub occurrences: Vec<Occurrence>,
}

pub fn quoted_terms(passages: &[Passage]) -> Vec<QuotedTerm> {
    let mut terms: Vec<QuotedTerm> = Vec::new();
    // The document's text only: a page's furniture quotes other pages' titles.
    for p in passages.iter().filter(|p| p.kind.is_text()) {
        let mut pieces = p.pieces.iter().peekable();
        while let Some(first) = pieces.next() {
            let Some(q) = first.quote else { continue };
            let mut end = first.end;
            while let Some(next) = pieces.next_if(|n| n.quote == Some(q)) {
                end = next.end;
            }
            let quoted = p.slice(first.start, end);
            let inner = quoted
                .trim_start_matches(crate::report::inline::QUOTE_OPEN)
                .trim_end_matches(crate::report::inline::QUOTE_CLOSE)
                .to_string();
            let occurrence = Occurrence {
                passage: p.index,
                anchor: p.anchor,
                at: (first.start, end),
            };
            match terms.iter_mut().find(|t| t.term == inner) {
                Some(t) => t.occurrences.push(occurrence),
                None => terms.push(QuotedTerm {
                    term: inner,
                    occurrences: vec![occurrence],
                }),
            }
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{passages, Document, REPORT_TEXT};

    #[test]
    fn finds_the_seeds_fourteen_terms_in_order() {
        let terms = quoted_terms(&passages(&Document::parse(REPORT_TEXT)));
        assert_eq!(terms.len(), 14);
        assert_eq!(terms[0].term, "三农");
        assert_eq!(terms[1].term, "一带两城");
        assert!(terms.iter().any(|t| t.term == "两区同建"));
        assert_eq!(
            terms.iter().map(|t| t.occurrences.len()).sum::<usize>(),
            REPORT_TEXT.matches('“').count()
        );
    }

    #[test]
    fn counts_repeats() {
        let text = "这是一段足够长的正文，它提到“三农”问题两次，第二次也是“三农”，还有“新词”。它必须足够长才能成为段落而不是标题。";
        let terms = quoted_terms(&passages(&Document::parse(text)));
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[0].occurrences.len(), 2);
    }
}
