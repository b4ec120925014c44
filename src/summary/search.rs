//! Full-text search over the passages, CJK-aware: substring matching (Chinese has no word
//! spaces), full-width letters and digits folded to half-width, Latin case folded, whitespace
//! ignored on both sides. A masked value (X, XX) is one unit: a hit that takes in part of one
//! takes in all of it, so "X" finds each masked value once, as the overview counts them. Hits
//! are byte ranges in the original passage text. Pure.

use crate::report::passage::{Passage, PassageKind, PieceKind};

/// At most this many hits are reported (a one-character query can match thousands).
pub const MAX_HITS: usize = 2000;
/// A query is cut to this many characters (after folding): no passage search needs more, and a
/// link can carry any length.
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub passage: usize,
    pub start: usize,
    pub end: usize,
}

/// The folded form of one character, or `None` for whitespace (which matching ignores).
fn fold(c: char) -> Option<char> {
    if c.is_whitespace() {
        return None;
    }
    let c = match c {
        // Full-width ASCII forms (！ to ～) map to ASCII by a fixed offset.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    Some(c.to_ascii_lowercase())
}

/// The folded query, as characters.
pub fn normalize(query: &str) -> Vec<char> {
    query.chars().filter_map(fold).collect()
}

/// True when `query` is longer than [`MAX_QUERY_CHARS`] once folded: only its start is looked
/// for, and the reader should be told so.
pub fn is_cut(query: &str) -> bool {
    query
        .chars()
        .filter_map(fold)
        .nth(MAX_QUERY_CHARS)
        .is_some()
}

/// Folded text with, for each folded char, its byte range in the original and the masked
/// value it is part of (numbered from 1 within the passage; 0 for none).
struct Folded {
    chars: Vec<char>,
    spans: Vec<(u32, u32)>,
    masks: Vec<u32>,
}

fn folded(passage: &Passage) -> Folded {
    let masked: Vec<(usize, usize)> = passage
        .pieces
        .iter()
        .filter(|p| p.kind == PieceKind::Redaction)
        .map(|p| (p.start, p.end))
        .collect();
    let mut folded = Folded {
        chars: Vec::new(),
        spans: Vec::new(),
        masks: Vec::new(),
    };
    for (i, c) in passage.text.char_indices() {
        if let Some(f) = fold(c) {
            let mask = masked
                .iter()
                .position(|&(start, end)| (start..end).contains(&i))
                .map_or(0, |m| m as u32 + 1);
            folded.chars.push(f);
            folded.spans.push((i as u32, (i + c.len_utf8()) as u32));
            folded.masks.push(mask);
        }
    }
    folded
}

impl Folded {
    /// The char range `start..end` widened to whole masked values at either edge.
    fn widened(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        let same = |a: usize, b: usize| self.masks[a] != 0 && self.masks[a] == self.masks[b];
        while start > 0 && same(start, start - 1) {
            start -= 1;
        }
        while end < self.masks.len() && same(end - 1, end) {
            end += 1;
        }
        (start, end)
    }
}

/// The passages folded once, so each keystroke only scans (a 1 MB report would otherwise be
/// folded again, with its allocations, on every key).
pub struct SearchIndex {
    passages: Vec<(usize, Folded)>,
}

impl SearchIndex {
    pub fn new(passages: &[Passage]) -> SearchIndex {
        // Page furniture is folded away in the reader: a hit there could not be shown.
        SearchIndex {
            passages: passages
                .iter()
                .filter(|p| p.kind != PassageKind::Furniture)
                .map(|p| (p.index, folded(p)))
                .collect(),
        }
    }

    /// Every non-overlapping occurrence of `query`, in reading order (at most [`MAX_HITS`]).
    /// The query is cut to [`MAX_QUERY_CHARS`], and each passage is scanned once (a
    /// Knuth–Morris–Pratt scan), so the time is linear in the text and the query: a shared link
    /// with a 30,000-character `?q=` froze the tab with the scan that compared at each place.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let mut needle = normalize(query);
        needle.truncate(MAX_QUERY_CHARS);
        let mut hits = Vec::new();
        if needle.is_empty() {
            return hits;
        }
        let fail = prefix_function(&needle);
        for (passage, hay) in &self.passages {
            let (mut i, mut q) = (0, 0);
            while i < hay.chars.len() {
                let c = hay.chars[i];
                while q > 0 && needle[q] != c {
                    q = fail[q - 1];
                }
                if needle[q] == c {
                    q += 1;
                }
                i += 1;
                if q == needle.len() {
                    let (start, end) = hay.widened(i - needle.len(), i);
                    hits.push(Hit {
                        passage: *passage,
                        start: hay.spans[start].0 as usize,
                        end: hay.spans[end - 1].1 as usize,
                    });
                    if hits.len() >= MAX_HITS {
                        return hits;
                    }
                    // Non-overlapping: the next hit starts after this one (and its masks).
                    i = end;
                    q = 0;
                }
            }
        }
        hits
    }
}

/// Whether `text`, folded as search folds it, holds `needle` (a folded query, as from
/// [`normalize`]); an empty needle is in every text. For short texts such as notes.
pub fn holds_folded(text: &str, needle: &[char]) -> bool {
    if needle.is_empty() {
        return true;
    }
    let hay: Vec<char> = text.chars().filter_map(fold).collect();
    hay.windows(needle.len()).any(|w| w == needle)
}

/// For each prefix of `needle`, the length of its longest proper prefix that is also its suffix.
fn prefix_function(needle: &[char]) -> Vec<usize> {
    let mut fail = vec![0; needle.len()];
    let mut k = 0;
    for i in 1..needle.len() {
        while k > 0 && needle[i] != needle[k] {
            k = fail[k - 1];
        }
        if needle[i] == needle[k] {
            k += 1;
        }
        fail[i] = k;
    }
    fail
}

/// Every non-overlapping occurrence of `query` in `passages`, in reading order. Folds the
/// passages on each call: for repeated searches keep a [`SearchIndex`].
pub fn search(passages: &[Passage], query: &str) -> Vec<Hit> {
    SearchIndex::new(passages).search(query)
}

/// Up to `radius` characters of context on each side of a hit, with ellipses where cut.
pub fn context(passage: &Passage, hit: &Hit, radius: usize) -> (String, String, String) {
    let text = &passage.text;
    let before: String = {
        let all: Vec<char> = text[..hit.start]
            .chars()
            .filter(|c| *c != '\n' && *c != '\r')
            .collect();
        let cut = all.len() > radius;
        let tail: String = all[all.len().saturating_sub(radius)..].iter().collect();
        if cut {
            format!("…{tail}")
        } else {
            tail
        }
    };
    let after: String = {
        let all: Vec<char> = text[hit.end..]
            .chars()
            .filter(|c| *c != '\n' && *c != '\r')
            .collect();
        let head: String = all.iter().take(radius).collect();
        if all.len() > radius {
            format!("{head}…")
        } else {
            head
        }
    };
    (before, text[hit.start..hit.end].to_string(), after)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_query_past_the_limit_is_said_to_be_cut() {
        let at_limit = "城".repeat(MAX_QUERY_CHARS);
        assert!(!is_cut(&at_limit));
        assert!(is_cut(&format!("{at_limit}乡")));
        // Whitespace is folded away before counting, as in the search itself.
        assert!(!is_cut(&format!("{at_limit}   \n")));
        assert!(!is_cut(""));
    }

    use super::*;
    use crate::report::{passages, Document, REPORT_TEXT};

    fn seed() -> Vec<Passage> {
        passages(&Document::parse(REPORT_TEXT))
    }

    #[test]
    fn finds_every_occurrence_of_a_cjk_substring() {
        let ps = seed();
        let hits = search(&ps, "泉水");
        assert_eq!(hits.len(), REPORT_TEXT.matches("泉水").count());
        for h in &hits {
            assert_eq!(ps[h.passage].slice(h.start, h.end), "泉水");
        }
    }

    #[test]
    fn folds_width_case_and_whitespace() {
        let ps = seed();
        assert_eq!(search(&ps, "２０２０年").len(), 1);
        assert_eq!(search(&ps, "xx区").len(), search(&ps, "XX区").len());
        assert!(!search(&ps, "xx区").is_empty());
        assert_eq!(search(&ps, "城乡 统筹"), search(&ps, "城乡统筹"));
        // A query typed across the title's double space still matches.
        assert!(search(&ps, "抢抓机遇城乡统筹").len() == 1);
    }

    #[test]
    fn empty_or_absent_queries_find_nothing() {
        let ps = seed();
        assert!(search(&ps, "").is_empty());
        assert!(search(&ps, "   ").is_empty());
        assert!(search(&ps, "火星基地").is_empty());
    }

    #[test]
    fn hits_do_not_overlap() {
        let ps = seed();
        let hits = search(&ps, "XX");
        for w in hits.windows(2) {
            if w[0].passage == w[1].passage {
                assert!(w[0].end <= w[1].start);
            }
        }
    }

    /// The masked values of the seed, as (passage, byte range).
    fn masked(ps: &[Passage]) -> Vec<(usize, usize, usize)> {
        ps.iter()
            .flat_map(|p| {
                p.pieces
                    .iter()
                    .filter(|x| x.kind == PieceKind::Redaction)
                    .map(|x| (p.index, x.start, x.end))
            })
            .collect()
    }

    #[test]
    fn a_masked_value_is_found_whole_and_once() {
        let ps = seed();
        let values = masked(&ps);
        // The source's runs of X, each one masked value (94 in the seed: 64 X and 30 XX).
        let runs = REPORT_TEXT.split(|c| c != 'X').filter(|r| !r.is_empty());
        assert_eq!(values.len(), runs.clone().count());
        let hits = search(&ps, "X");
        let found: Vec<(usize, usize, usize)> =
            hits.iter().map(|h| (h.passage, h.start, h.end)).collect();
        assert_eq!(found, values, "\"X\" finds every masked value, whole, once");
        assert_eq!(
            search(&ps, "XX").len(),
            runs.filter(|r| r.len() == 2).count()
        );
        // Text after a two-character value: the hit starts where the value does.
        let hit = search(&ps, "X高铁")
            .into_iter()
            .find(|h| ps[h.passage].slice(h.start, h.end).starts_with("XX"))
            .expect("an XX高铁 in the seed");
        assert_eq!(ps[hit.passage].slice(hit.start, hit.end), "XX高铁");
    }

    #[test]
    fn no_hit_cuts_a_masked_value() {
        let ps = seed();
        let values = masked(&ps);
        for query in ["X", "X个", "个X", "XX", "亿元", "X亿元", "、X"] {
            for h in search(&ps, query) {
                let cut = |at: usize| {
                    values
                        .iter()
                        .any(|&(p, s, e)| p == h.passage && s < at && at < e)
                };
                assert!(!cut(h.start) && !cut(h.end), "{query}: {h:?}");
            }
        }
    }

    #[test]
    fn context_cuts_with_ellipses() {
        let ps = seed();
        let hit = search(&ps, "南站").remove(0);
        let (before, matched, after) = context(&ps[hit.passage], &hit, 6);
        assert_eq!(matched, "南站");
        assert!(
            before.starts_with('…') && before.chars().count() == 7,
            "{before}"
        );
        assert!(after.ends_with('…'), "{after}");
    }
}
