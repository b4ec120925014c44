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

/// Units of the genre's figures, longer first.
const UNITS: [&str; 22] = [
    "平方公里",
    "万平方米",
    "平方米",
    "公里",
    "万人次",
    "万人",
    "万亿元",
    "亿元",
    "万元",
    "万吨",
    "公顷",
    "人",
    "亩",
    "%",
    "％",
    "个",
    "家",
    "所",
    "项",
    "户",
    "套",
    "座",
];
/// Nouns after a measure word that make a duration, not a figure: "1个工作日", "3个月".
const TIME_NOUNS: [&str; 6] = ["工作日", "月", "小时", "季度", "星期", "年"];
/// Units that count things named after them: "X个街道", "XX家企业".
const MEASURE_WORDS: [&str; 7] = ["个", "家", "所", "项", "户", "套", "座"];
const DELIMS: [char; 8] = ['，', '、', '。', '；', '：', '（', '）', ','];
const ADMIN: [char; 4] = ['区', '县', '市', '镇'];
const HONOUR_VERBS: [&str; 5] = ["荣获", "被授予", "获评", "被评为", "入选"];

fn intro_first(passages: &[Passage]) -> Option<&Passage> {
    passages
        .iter()
        .find(|p| p.anchor == Some(Anchor::Intro) && p.kind == PassageKind::Paragraph)
}

/// How many figures the overview shows at most, when it reads them from the whole body.
const MAX_FIGURES: usize = 8;

/// The key figures: the quantities in the first sentence of the introduction (a district's
/// profile: "XX区总面积XX平方公里，辖X个街道"), or, where it has none, the first quantities of
/// the body ("地区生产总值增长5%左右").
pub fn key_figures(passages: &[Passage]) -> Vec<Figure> {
    key_figures_and_source(passages).0
}

/// Where [`key_figures`] found its figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FiguresFrom {
    /// The introduction's first sentence: the place's profile (区情).
    Profile,
    /// The body's first quantities.
    Body,
}

/// The key figures and where they come from.
pub fn key_figures_and_source(passages: &[Passage]) -> (Vec<Figure>, FiguresFrom) {
    if let Some(p) = intro_first(passages) {
        let (_, sentence_end) = sentence_around(&p.text, 0);
        let found = figures_in(p, sentence_end);
        if !found.is_empty() {
            return (found, FiguresFrom::Profile);
        }
    }
    let out: Vec<Figure> = passages
        .iter()
        .filter(|p| p.kind.is_body())
        .flat_map(|p| figures_in(p, p.text.len()))
        .take(MAX_FIGURES)
        .collect();
    (out, FiguresFrom::Body)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// The quantities of a passage before byte `limit`: a number (digits, a decimal, or a masked
/// value), its unit, and what it measures.
fn figures_in(p: &Passage, limit: usize) -> Vec<Figure> {
    let text = &p.text[..super::sentences::floor_char_boundary(&p.text, limit)];
    let mut out = Vec::new();
    let mut values: Vec<(usize, usize, bool)> = Vec::new();
    for piece in &p.pieces {
        if piece.end > text.len() {
            break;
        }
        match piece.kind {
            PieceKind::Redaction => values.push((piece.start, piece.end, true)),
            PieceKind::Text => {
                let s = &text[piece.start..piece.end];
                let mut iter = s.char_indices().peekable();
                while let Some((i, c)) = iter.next() {
                    let prev = s[..i].chars().next_back();
                    if !is_digit(c) || prev.is_some_and(|p| is_digit(p) || p == '.') {
                        continue;
                    }
                    let mut end = i + 1;
                    while let Some(&(j, n)) = iter.peek() {
                        let decimal = n == '.' && s[j + 1..].starts_with(|d: char| is_digit(d));
                        if is_digit(n) || decimal {
                            end = j + 1;
                            iter.next();
                        } else {
                            break;
                        }
                    }
                    values.push((piece.start + i, piece.start + end, false));
                }
            }
            PieceKind::Break => {}
        }
    }
    for (start, end, masked) in values {
        let after = &text[end..];
        if !matches!(classify(after), super::redactions::MaskKind::Number) {
            continue;
        }
        let Some(unit) = UNITS.iter().find(|u| after.starts_with(**u)) else {
            continue;
        };
        let label = if MEASURE_WORDS.contains(unit) {
            noun_after(&after[unit.len()..])
        } else {
            String::new()
        };
        let label = if label.is_empty() {
            words_before(p, text, start)
        } else {
            label
        };
        // "荣获国家5G工厂29家" counts an honour, it does not measure the place; "压缩至1个工作日"
        // is a duration.
        if label.is_empty()
            || HONOUR_VERBS.iter().any(|v| label.starts_with(v))
            || TIME_NOUNS.iter().any(|t| label.starts_with(t))
        {
            continue;
        }
        out.push(Figure {
            value: text[start..end].to_string(),
            masked,
            unit: unit.to_string(),
            label,
            passage: p.index,
            at: (start, end),
        });
    }
    out
}

/// "X个街道": the noun after the measure word, up to the next value or mark, with a bracketed
/// qualifier kept ("村（居）").
fn noun_after(rest: &str) -> String {
    let end = rest
        .char_indices()
        .find(|(_, c)| {
            DELIMS[..4].contains(c) || crate::report::inline::is_mask_char(*c) || c.is_ascii_digit()
        })
        .map_or(rest.len(), |(i, _)| i);
    let mut noun = rest[..end].to_string();
    if rest[end..].starts_with('（') {
        if let Some(close) = rest[end..].find('）') {
            noun = rest[..end + close + '）'.len_utf8()].to_string();
        }
    }
    noun
}

/// "XX区总面积XX平方公里": the words before the value, after a name or a mark.
fn words_before(p: &Passage, text: &str, start: usize) -> String {
    let before = &text[..start];
    let from = p
        .pieces
        .iter()
        .filter(|x| x.end <= start && x.kind == PieceKind::Redaction)
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
        .trim()
        .to_string()
}

/// "国家5G工厂29家" → "国家5G工厂": an honour's name without the count of how many got it.
fn without_count(name: &str) -> &str {
    let bare = name.trim_end_matches(MEASURE_WORDS.map(|w| w.chars().next().unwrap_or('个')));
    if bare.len() == name.len() {
        return name;
    }
    let digits = bare.trim_end_matches(|c: char| c.is_ascii_digit() || c == '余' || c == '多');
    if digits.len() < bare.len() {
        digits
    } else {
        name
    }
}

/// Titles the district received, each linked to its sentence (from the body only).
pub fn honours(passages: &[Passage]) -> Vec<Honour> {
    let mut out = Vec::new();
    for p in passages.iter().filter(|p| p.kind.is_body()) {
        for verb in HONOUR_VERBS {
            for (i, _) in p.text.match_indices(verb) {
                let start = i + verb.len();
                let sentence = sentence_around(&p.text, i);
                let (_, clause_end) = clause_around(&p.text, start);
                for name in p.text[start..clause_end].split('、') {
                    let name = without_count(name.trim());
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
    fn other_reports_get_figures_from_their_body_and_honours_without_counts() {
        let ps = passages(&Document::parse(
            "标题\n现在，我代表市人民政府，向大会报告工作。\n一、回顾，成效。全市地区生产总值增长5.2%，新增企业XX家。荣获国家5G工厂29家、全国文明城市。\n",
        ));
        let figures: Vec<(String, String, String)> = key_figures(&ps)
            .into_iter()
            .map(|f| (f.label, f.value, f.unit))
            .collect();
        let f = |l: &str, v: &str, u: &str| (l.to_string(), v.to_string(), u.to_string());
        assert_eq!(
            figures,
            [
                f("全市地区生产总值增长", "5.2", "%"),
                f("新增企业", "XX", "家")
            ]
        );
        let names: Vec<String> = honours(&ps).into_iter().map(|h| h.name).collect();
        assert_eq!(names, ["国家5G工厂", "全国文明城市"]);
    }

    #[test]
    fn texts_without_an_intro_have_no_profile() {
        let ps = passages(&Document::parse("一、规划，布局。正文。\n"));
        assert!(key_figures(&ps).is_empty());
        assert!(pilot_status(&ps).is_none());
    }
}
