//! Where the glossary's terms occur in each passage. Longer terms win where two overlap, so
//! “义务教育发展基本均衡” is one term, not part of another. Pure.

use super::data::GLOSSARY;
use crate::report::passage::{GlossRange, Passage};

/// The glossary occurrences in one passage, sorted, never overlapping.
pub fn gloss_ranges(passage: &Passage) -> Vec<GlossRange> {
    let mut found: Vec<GlossRange> = Vec::new();
    // Terms are explained in the document's text, not in page furniture around it.
    if !passage.kind.is_text() {
        return found;
    }
    let mut candidates: Vec<(usize, &str)> = GLOSSARY
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            std::iter::once(e.term)
                .chain(e.also.iter().copied())
                .map(move |t| (i, t))
        })
        .collect();
    crate::order::sort_by_key(&mut candidates, |(_, t)| std::cmp::Reverse(t.len()));
    for (entry, term) in candidates {
        for (start, _) in passage.text.match_indices(term) {
            let end = start + term.len();
            if found.iter().all(|g| g.end <= start || g.start >= end) {
                found.push(GlossRange { start, end, entry });
            }
        }
    }
    crate::order::sort_by_key(&mut found, |g| g.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{passages, Document, REPORT_TEXT};

    #[test]
    fn every_glossary_term_occurs_in_the_report() {
        let ps = passages(&Document::parse(REPORT_TEXT));
        let all: Vec<GlossRange> = ps.iter().flat_map(gloss_ranges).collect();
        for (i, e) in GLOSSARY.iter().enumerate() {
            assert!(
                all.iter().any(|g| g.entry == i),
                "{} is not in the report",
                e.term
            );
        }
    }

    #[test]
    fn ranges_are_sorted_and_disjoint() {
        let ps = passages(&Document::parse(REPORT_TEXT));
        for p in &ps {
            let r = gloss_ranges(p);
            for w in r.windows(2) {
                assert!(w[0].end <= w[1].start);
            }
            for g in &r {
                let t = p.slice(g.start, g.end);
                let e = &GLOSSARY[g.entry];
                assert!(t == e.term || e.also.contains(&t));
            }
        }
    }
}
