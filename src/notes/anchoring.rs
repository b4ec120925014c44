//! Placing a quoted passage in the text, now and after the text changes: a quote is stored
//! with its part's anchor, some context before and after, and its character offset in the
//! part. It is found at that offset if the text there still matches; otherwise wherever the
//! quote and the most of its context match, first in its part, then anywhere. If it cannot
//! be found it is unplaced (listed, never dropped). Pure.

use super::model::Target;
use crate::report::passage::Passage;
use crate::report::Anchor;

/// How much context is stored on each side of a quote, in characters.
pub const CONTEXT_CHARS: usize = 24;

/// A placed range: passage index and byte range in that passage's text.
pub type Placed = (usize, usize, usize);

/// A part's text (its passages joined) and where each passage starts in it, in bytes.
fn part_text(passages: &[Passage], anchor: Anchor) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut starts = Vec::new();
    for p in passages.iter().filter(|p| p.anchor == Some(anchor)) {
        starts.push((p.index, text.len()));
        text.push_str(&p.text);
    }
    (text, starts)
}

/// The byte where character `chars` starts (the end just after the last one): a walk up to
/// it, not over the whole text (placing 10,000 stored quotes counted every part's characters
/// for each).
fn char_to_byte(s: &str, chars: usize) -> Option<usize> {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .nth(chars)
}

/// The target for a selection of `passage` from byte `start` to `end`.
pub fn quote_target(
    passages: &[Passage],
    passage: usize,
    start: usize,
    end: usize,
) -> Option<Target> {
    let p = passages.get(passage)?;
    let anchor = p.anchor?;
    let (text, starts) = part_text(passages, anchor);
    let base = starts.iter().find(|(i, _)| *i == passage)?.1;
    let (a, b) = (base + start, base + end);
    let quote = text.get(a..b)?.to_string();
    if quote.trim().is_empty() {
        return None;
    }
    let before: Vec<char> = text[..a].chars().collect();
    let prefix: String = before[before.len().saturating_sub(CONTEXT_CHARS)..]
        .iter()
        .collect();
    let suffix: String = text[b..].chars().take(CONTEXT_CHARS).collect();
    Some(Target::Quote {
        anchor: anchor.id(),
        quote,
        prefix,
        suffix,
        offset: before.len(),
    })
}

/// Where a quote target sits now, split by passage; `None` if it cannot be placed.
pub fn locate(passages: &[Passage], target: &Target) -> Option<Vec<Placed>> {
    let Target::Quote {
        anchor,
        quote,
        prefix,
        suffix,
        offset,
    } = target
    else {
        return None;
    };
    if quote.is_empty() {
        return None;
    }
    let home = Anchor::parse(anchor);
    if let Some(a) = home {
        let (text, starts) = part_text(passages, a);
        if let Some(at) =
            char_to_byte(&text, *offset).filter(|&at| text[at..].starts_with(quote.as_str()))
        {
            return Some(split(&starts, &text, at, at + quote.len()));
        }
        if let Some(at) = best_match(&text, quote, prefix, suffix, *offset) {
            return Some(split(&starts, &text, at, at + quote.len()));
        }
    }
    // Anywhere else in the report, best context first.
    let mut anchors: Vec<Anchor> = passages.iter().filter_map(|p| p.anchor).collect();
    anchors.dedup();
    anchors
        .into_iter()
        .filter(|a| Some(*a) != home)
        .filter_map(|a| {
            let (text, starts) = part_text(passages, a);
            let at = best_match(&text, quote, prefix, suffix, usize::MAX)?;
            let score = context_score(&text, at, quote, prefix, suffix);
            Some((score, split(&starts, &text, at, at + quote.len())))
        })
        .max_by_key(|(score, _)| *score)
        .map(|(_, placed)| placed)
}

/// Characters of context that agree around an occurrence at byte `at`.
fn context_score(text: &str, at: usize, quote: &str, prefix: &str, suffix: &str) -> usize {
    let before = text[..at]
        .chars()
        .rev()
        .zip(prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = text[at + quote.len()..]
        .chars()
        .zip(suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    before + after
}

/// The occurrence of `quote` whose context agrees most; ties go to the one nearest `offset`.
fn best_match(text: &str, quote: &str, prefix: &str, suffix: &str, offset: usize) -> Option<usize> {
    text.match_indices(quote)
        .map(|(at, _)| at)
        .max_by_key(|&at| {
            let distance = text[..at].chars().count().abs_diff(offset);
            (
                context_score(text, at, quote, prefix, suffix),
                std::cmp::Reverse(distance),
            )
        })
}

/// Splits a part-text byte range into per-passage ranges.
fn split(starts: &[(usize, usize)], text: &str, a: usize, b: usize) -> Vec<Placed> {
    let mut out = Vec::new();
    for (k, &(passage, start)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |n| n.1);
        let (s, e) = (a.max(start), b.min(end));
        if s < e {
            out.push((passage, s - start, e - start));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{passages, Document, REPORT_TEXT};

    fn seed() -> Vec<Passage> {
        passages(&Document::parse(REPORT_TEXT))
    }

    fn select(ps: &[Passage], anchor: Anchor, quote: &str) -> Target {
        let p = ps
            .iter()
            .find(|p| p.anchor == Some(anchor) && p.text.contains(quote))
            .unwrap();
        let start = p.text.find(quote).unwrap();
        quote_target(ps, p.index, start, start + quote.len()).unwrap()
    }

    #[test]
    fn a_character_offset_becomes_a_byte_up_to_the_end() {
        let text = "一a𝒳二";
        let bytes: Vec<Option<usize>> = (0..6).map(|c| char_to_byte(text, c)).collect();
        assert_eq!(bytes, [Some(0), Some(3), Some(4), Some(8), Some(11), None]);
        assert_eq!(char_to_byte("", 0), Some(0));
        assert_eq!(char_to_byte("", 1), None);
    }

    #[test]
    fn a_selection_is_placed_where_it_was() {
        let ps = seed();
        let t = select(&ps, Anchor::point(2, 3), "以棚改旧改为突破口");
        let placed = locate(&ps, &t).unwrap();
        assert_eq!(placed.len(), 1);
        let (i, s, e) = placed[0];
        assert_eq!(ps[i].slice(s, e), "以棚改旧改为突破口");
        assert_eq!(ps[i].anchor, Some(Anchor::point(2, 3)));
    }

    #[test]
    fn a_repeated_phrase_is_told_apart_by_its_context() {
        let ps = seed();
        // "2017年以来" appears three times in 二、三是 and 四是.
        let p = ps
            .iter()
            .find(|p| p.anchor == Some(Anchor::point(2, 3)))
            .unwrap();
        let second = p.text.match_indices("2017年以来").nth(1).unwrap().0;
        let t = quote_target(&ps, p.index, second, second + "2017年以来".len()).unwrap();
        let (_, s, _) = locate(&ps, &t).unwrap()[0];
        assert_eq!(s, second);
    }

    #[test]
    fn survives_a_changed_text_and_a_moved_passage() {
        let ps = seed();
        let t = select(&ps, Anchor::point(2, 3), "以棚改旧改为突破口");
        // The same report with a sentence added before the quote: the offset is stale.
        let edited = REPORT_TEXT.replace("三是实施城镇提升。", "三是实施城镇提升。新增一句话。");
        let ps2 = passages(&Document::parse(&edited));
        let (i, s, e) = locate(&ps2, &t).unwrap()[0];
        assert_eq!(ps2[i].slice(s, e), "以棚改旧改为突破口");
        // Moved to another part: found anywhere.
        let Target::Quote {
            quote,
            prefix,
            suffix,
            offset,
            ..
        } = t
        else {
            unreachable!()
        };
        let elsewhere = Target::Quote {
            anchor: "s1".into(),
            quote,
            prefix,
            suffix,
            offset,
        };
        let (i, _, _) = locate(&ps, &elsewhere).unwrap()[0];
        assert_eq!(ps[i].anchor, Some(Anchor::point(2, 3)));
    }

    #[test]
    fn a_quote_not_in_the_text_is_unplaced() {
        let ps = seed();
        let t = Target::Quote {
            anchor: "s1".into(),
            quote: "这句话不在报告里".into(),
            prefix: String::new(),
            suffix: String::new(),
            offset: 0,
        };
        assert_eq!(locate(&ps, &t), None);
        assert_eq!(locate(&ps, &Target::Report), None);
    }

    #[test]
    fn a_heading_and_lead_form_one_part() {
        let ps = seed();
        let heading = ps
            .iter()
            .find(|p| p.anchor == Some(Anchor::section(1)))
            .unwrap();
        let lead_text = "我区始终坚持规划先行";
        let lead = ps
            .iter()
            .find(|p| p.anchor == Some(Anchor::section(1)) && p.text.contains(lead_text))
            .unwrap();
        assert_ne!(heading.index, lead.index);
        let t = select(&ps, Anchor::section(1), lead_text);
        let (i, _, _) = locate(&ps, &t).unwrap()[0];
        assert_eq!(i, lead.index);
    }
}
