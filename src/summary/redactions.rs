//! The values masked in the source (runs of X), counted by what the context says they hide:
//! a date (X年X月), a number (X个, X亿元, X%), or a name (XX区, XX高铁). Pure.

use crate::report::passage::{Passage, PieceKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MaskKind {
    Date,
    Number,
    Name,
}

impl MaskKind {
    pub fn label(self) -> &'static str {
        match self {
            MaskKind::Date => "日期",
            MaskKind::Number => "数字",
            MaskKind::Name => "名称",
        }
    }
}

/// Units and measure words that follow a number in the genre.
const UNITS: [&str; 28] = [
    "平方公里",
    "平方米",
    "公里",
    "亿元",
    "万元",
    "万人",
    "万平方米",
    "万",
    "亿",
    "个",
    "%",
    "％",
    "亩",
    "处",
    "家",
    "条",
    "天",
    "人",
    "名",
    "项",
    "所",
    "座",
    "次",
    "倍",
    "元",
    "多",
    "余",
    "户",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Masked {
    pub passage: usize,
    pub at: (usize, usize),
    pub kind: MaskKind,
}

pub fn classify(after: &str) -> MaskKind {
    if after.starts_with('年') || after.starts_with('月') {
        MaskKind::Date
    } else if UNITS.iter().any(|u| after.starts_with(u)) {
        MaskKind::Number
    } else {
        MaskKind::Name
    }
}

/// Every masked value of the document's text (not of page furniture), in reading order.
pub fn masked_values(passages: &[Passage]) -> Vec<Masked> {
    let mut out = Vec::new();
    for p in passages.iter().filter(|p| p.kind.is_text()) {
        let mut prev_date = false;
        for piece in p.pieces.iter().filter(|x| x.kind == PieceKind::Redaction) {
            let after = &p.text[piece.end..];
            let before_is_year = p.text[..piece.start].ends_with('年');
            let mut kind = classify(after);
            // The month of "X年X月" belongs to the same date.
            if before_is_year && prev_date && after.starts_with('月') {
                kind = MaskKind::Date;
            }
            prev_date = kind == MaskKind::Date;
            out.push(Masked {
                passage: p.index,
                at: (piece.start, piece.end),
                kind,
            });
        }
    }
    out
}

/// How many masked values of each kind: (date, number, name).
pub fn counts(masked: &[Masked]) -> [(MaskKind, usize); 3] {
    let n = |k: MaskKind| masked.iter().filter(|m| m.kind == k).count();
    [
        (MaskKind::Number, n(MaskKind::Number)),
        (MaskKind::Name, n(MaskKind::Name)),
        (MaskKind::Date, n(MaskKind::Date)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{passages, Document, REPORT_TEXT};

    #[test]
    fn classifies_by_context() {
        assert_eq!(classify("个街道"), MaskKind::Number);
        assert_eq!(classify("平方公里"), MaskKind::Number);
        assert_eq!(classify("%住户"), MaskKind::Number);
        assert_eq!(classify("年X月"), MaskKind::Date);
        assert_eq!(classify("区总面积"), MaskKind::Name);
        assert_eq!(classify("高铁"), MaskKind::Name);
    }

    #[test]
    fn counts_every_mask_of_the_seed() {
        let masked = masked_values(&passages(&Document::parse(REPORT_TEXT)));
        let runs = REPORT_TEXT
            .split(|c| c != 'X')
            .filter(|r| !r.is_empty())
            .count();
        assert_eq!(masked.len(), runs);
        let c = counts(&masked);
        assert_eq!(c.iter().map(|(_, n)| n).sum::<usize>(), runs);
        assert_eq!(
            c[2],
            (MaskKind::Date, 2),
            "X年X月 is one masked year and one masked month"
        );
        let ps = passages(&Document::parse(REPORT_TEXT));
        let kind_before = |context: &str| {
            masked
                .iter()
                .find(|m| ps[m.passage].text[m.at.1..].starts_with(context))
                .map(|m| m.kind)
        };
        assert_eq!(kind_before("个街道"), Some(MaskKind::Number));
        assert_eq!(kind_before("亿元，到"), Some(MaskKind::Number));
        assert_eq!(kind_before("%，形成"), Some(MaskKind::Number));
        assert_eq!(kind_before("区总面积"), Some(MaskKind::Name));
        assert_eq!(kind_before("高铁设立"), Some(MaskKind::Name));
        assert_eq!(kind_before("月撤市设区"), Some(MaskKind::Date));
    }
}
