//! The district as the text states it: its key figures (from the introduction's first
//! sentence), its honours (after 荣获 / 被授予 / 入选), and the pilot's status (the clause that
//! names the 试点). Masked values stay masked. Pure.

use super::redactions::classify;
use super::sentences::{clause_around, sentence_around};
use crate::report::passage::{Passage, PassageKind, PieceKind};
use crate::report::Anchor;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The value as written: "XX", "X", or digits.
    pub value: String,
    pub masked: bool,
    /// The unit: "平方公里", "个".
    pub unit: String,
    /// What is counted or measured: "总面积", "街道", "村（居）".
    pub label: String,
    pub passage: usize,
    pub at: (usize, usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Honour {
    pub name: String,
    pub passage: usize,
    pub sentence: (usize, usize),
}

const UNITS: [&str; 10] = [
    "平方公里",
    "平方米",
    "公里",
    "万人",
    "亿元",
    "万元",
    "人",
    "亩",
    "%",
    "个",
];
const DELIMS: [char; 8] = ['，', '、', '。', '；', '：', '（', '）', ','];
const ADMIN: [char; 4] = ['区', '县', '市', '镇'];
const HONOUR_VERBS: [&str; 5] = ["荣获", "被授予", "获评", "被评为", "入选"];

fn intro_first(passages: &[Passage]) -> Option<&Passage> {
    passages
        .iter()
        .find(|p| p.anchor == Some(Anchor::Intro) && p.kind == PassageKind::Paragraph)
}

/// The quantities in the first sentence of the introduction.
pub fn key_figures(passages: &[Passage]) -> Vec<Figure> {
    let Some(p) = intro_first(passages) else {
        return Vec::new();
    };
    let (_, sentence_end) = sentence_around(&p.text, 0);
    let text = &p.text[..sentence_end];
    let mut out = Vec::new();
    for piece in &p.pieces {
        if piece.end > sentence_end {
            break;
        }
        let value = &text[piece.start..piece.end];
        let masked = piece.kind == PieceKind::Redaction;
        let numeric = piece.kind == PieceKind::Text && value.chars().all(|c| c.is_ascii_digit());
        if !(masked || numeric)
            || !matches!(
                classify(&text[piece.end..]),
                super::redactions::MaskKind::Number
            )
        {
            continue;
        }
        let after = &text[piece.end..];
        let Some(unit) = UNITS.iter().find(|u| after.starts_with(**u)) else {
            continue;
        };
        let label = if *unit == "个" {
            // "X个街道": the noun after the measure word, up to the next value or mark.
            let rest = &after[unit.len()..];
            let end = rest
                .char_indices()
                .find(|(_, c)| {
                    DELIMS[..4].contains(c)
                        || crate::report::inline::is_mask_char(*c)
                        || c.is_ascii_digit()
                })
                .map_or(rest.len(), |(i, _)| i);
            let mut noun = rest[..end].to_string();
            // Keep a bracketed qualifier: "村（居）".
            if rest[end..].starts_with('（') {
                if let Some(close) = rest[end..].find('）') {
                    noun = rest[..end + close + '）'.len_utf8()].to_string();
                }
            }
            noun
        } else {
            // "XX区总面积XX平方公里": the words before the value, after a name or a mark.
            let before = &text[..piece.start];
            let from = p
                .pieces
                .iter()
                .filter(|x| x.end <= piece.start && x.kind == PieceKind::Redaction)
                .map(|x| x.end)
                .chain(
                    before
                        .char_indices()
                        .filter(|(_, c)| DELIMS.contains(c))
                        .map(|(i, c)| i + c.len_utf8()),
                )
                .max()
                .unwrap_or(0);
            before[from..]
                .trim_start_matches(ADMIN)
                .trim_start_matches('辖')
                .to_string()
        };
        out.push(Figure {
            value: value.to_string(),
            masked,
            unit: unit.to_string(),
            label,
            passage: p.index,
            at: (piece.start, piece.end),
        });
    }
    out
}

/// Titles the district received, each linked to its sentence.
pub fn honours(passages: &[Passage]) -> Vec<Honour> {
    let mut out = Vec::new();
    for p in passages {
        for verb in HONOUR_VERBS {
            for (i, _) in p.text.match_indices(verb) {
                let start = i + verb.len();
                let sentence = sentence_around(&p.text, i);
                let (_, clause_end) = clause_around(&p.text, start);
                for name in p.text[start..clause_end].split('、') {
                    let name = name.trim();
                    if !name.is_empty() && !name.contains(crate::report::inline::is_mask_char) {
                        out.push(Honour {
                            name: name.to_string(),
                            passage: p.index,
                            sentence,
                        });
                    }
                }
            }
        }
    }
    out
}

/// The clause of the introduction that names the pilot, and where it is.
pub fn pilot_status(passages: &[Passage]) -> Option<(usize, (usize, usize))> {
    passages
        .iter()
        .filter(|p| p.anchor == Some(Anchor::Intro))
        .find_map(|p| {
            p.text
                .find("试点")
                .map(|i| (p.index, clause_around(&p.text, i)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{passages, Document, REPORT_TEXT};

    #[test]
    fn seed_profile_figures_are_masked_as_in_the_text() {
        let ps = passages(&Document::parse(REPORT_TEXT));
        let figures: Vec<(String, String, String, bool)> = key_figures(&ps)
            .into_iter()
            .map(|f| (f.label, f.value, f.unit, f.masked))
            .collect();
        let expect =
            |l: &str, v: &str, u: &str| (l.to_string(), v.to_string(), u.to_string(), true);
        assert_eq!(
            figures,
            [
                expect("总面积", "XX", "平方公里"),
                expect("街道", "X", "个"),
                expect("镇", "X", "个"),
                expect("村（居）", "X", "个"),
            ]
        );
    }

    #[test]
    fn seed_honours() {
        let ps = passages(&Document::parse(REPORT_TEXT));
        let names: Vec<String> = honours(&ps).into_iter().map(|h| h.name).collect();
        for n in [
            "中国优秀旅游城市",
            "国家园林城市",
            "国家环保模范城市",
            "国家生态市",
            "全国首批义务教育发展基本均衡市（区）",
        ] {
            assert!(names.contains(&n.to_string()), "{n} missing from {names:?}");
        }
    }

    #[test]
    fn seed_pilot_status() {
        let ps = passages(&Document::parse(REPORT_TEXT));
        let (i, (s, e)) = pilot_status(&ps).unwrap();
        assert_eq!(
            ps[i].slice(s, e),
            "自2015年11月列为第二批国家新型城镇化综合试点单位以来"
        );
    }

    #[test]
    fn texts_without_an_intro_have_no_profile() {
        let ps = passages(&Document::parse("一、规划，布局。正文。\n"));
        assert!(key_figures(&ps).is_empty());
        assert!(pilot_status(&ps).is_none());
    }
}
