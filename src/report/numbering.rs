//! The numbering the genre writes at the start of a heading or a point, as GB/T 9704 and
//! common practice have it: 一、 → （一） → 1. → （1） → ①, and point runs 一是 / 第一，
//! at any level. Only recognises a label at the start of a text; the parser decides whether
//! it is in order. Pure: no browser calls.

use super::numerals;

/// A level of numbered headings, outermost first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Numbering {
    /// 一、
    Chinese,
    /// （一）
    ParenChinese,
    /// 1. 1． 1、
    Arabic,
    /// （1）
    ParenArabic,
    /// ①
    Circled,
}

/// How a point run is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PointStyle {
    /// 一是、二是
    Shi,
    /// 第一，第二，
    Di,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LabelKind {
    Heading(Numbering),
    Point(PointStyle),
}

/// A label at the start of a text: its kind, its number, and its length in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub kind: LabelKind,
    pub number: usize,
    pub len: usize,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Arabic digits (ASCII or full-width) at the start: value and byte length, at most three.
fn digits_prefix(text: &str) -> Option<(usize, usize)> {
    let mut value = 0usize;
    let mut len = 0;
    for c in text.chars().take_while(|c| is_digit(*c)) {
        if len >= 9 {
            return None; // four digits or more: a year or an amount, never a heading number
        }
        let d = c.to_digit(10).unwrap_or_else(|| c as u32 - '０' as u32);
        value = value * 10 + d as usize;
        len += c.len_utf8();
    }
    (len > 0 && value > 0 && text[..len].chars().count() <= 3).then_some((value, len))
}

fn paren_open(text: &str) -> Option<usize> {
    ['（', '(']
        .iter()
        .find(|p| text.starts_with(**p))
        .map(|p| p.len_utf8())
}

fn paren_close(text: &str) -> Option<usize> {
    ['）', ')']
        .iter()
        .find(|p| text.starts_with(**p))
        .map(|p| p.len_utf8())
}

/// A heading label (一、 （一） 1. （1） ①) at the start of `text`.
pub fn heading_label(text: &str) -> Option<Label> {
    let heading = |numbering, number, len| Label {
        kind: LabelKind::Heading(numbering),
        number,
        len,
    };
    if let Some((n, len)) = numerals::read_prefix(text) {
        if text[len..].starts_with('、') {
            return Some(heading(Numbering::Chinese, n, len + '、'.len_utf8()));
        }
    }
    if let Some(open) = paren_open(text) {
        let inner = &text[open..];
        let numeral = numerals::read_prefix(inner)
            .map(|(n, l)| (Numbering::ParenChinese, n, l))
            .or_else(|| digits_prefix(inner).map(|(n, l)| (Numbering::ParenArabic, n, l)));
        if let Some((numbering, n, l)) = numeral {
            if let Some(close) = paren_close(&inner[l..]) {
                return Some(heading(numbering, n, open + l + close));
            }
        }
    }
    if let Some((n, len)) = digits_prefix(text) {
        let after = &text[len..];
        let mark = ['.', '．', '、']
            .into_iter()
            .find(|m| after.starts_with(*m));
        if let Some(m) = mark {
            // "1.5万" is a decimal, not a heading.
            let next = after[m.len_utf8()..].chars().next();
            if !next.is_some_and(is_digit) {
                return Some(heading(Numbering::Arabic, n, len + m.len_utf8()));
            }
        }
    }
    let first = text.chars().next()?;
    if ('①'..='⑳').contains(&first) {
        let n = first as usize - '①' as usize + 1;
        return Some(heading(Numbering::Circled, n, first.len_utf8()));
    }
    None
}

/// A point label (一是, 第一，) at the start of `text`.
pub fn point_label(text: &str) -> Option<Label> {
    let point = |style, number, len| Label {
        kind: LabelKind::Point(style),
        number,
        len,
    };
    if let Some((n, len)) = numerals::read_prefix(text) {
        if text[len..].starts_with('是') {
            return Some(point(PointStyle::Shi, n, len + '是'.len_utf8()));
        }
    }
    let rest = text.strip_prefix('第')?;
    let (n, len) = numerals::read_prefix(rest)?;
    let mark = ['，', '、', ',']
        .into_iter()
        .find(|m| rest[len..].starts_with(*m))?;
    Some(point(
        PointStyle::Di,
        n,
        '第'.len_utf8() + len + mark.len_utf8(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(text: &str) -> Option<(Numbering, usize, &str)> {
        heading_label(text).map(|l| match l.kind {
            LabelKind::Heading(n) => (n, l.number, &text[..l.len]),
            LabelKind::Point(_) => unreachable!(),
        })
    }

    #[test]
    fn reads_every_heading_level() {
        assert_eq!(heading("三、标题"), Some((Numbering::Chinese, 3, "三、")));
        assert_eq!(
            heading("十二、标题"),
            Some((Numbering::Chinese, 12, "十二、"))
        );
        assert_eq!(
            heading("（四）标题"),
            Some((Numbering::ParenChinese, 4, "（四）"))
        );
        assert_eq!(
            heading("(四)标题"),
            Some((Numbering::ParenChinese, 4, "(四)"))
        );
        assert_eq!(heading("2.标题"), Some((Numbering::Arabic, 2, "2.")));
        assert_eq!(heading("12、标题"), Some((Numbering::Arabic, 12, "12、")));
        assert_eq!(heading("３．标题"), Some((Numbering::Arabic, 3, "３．")));
        assert_eq!(
            heading("（3）标题"),
            Some((Numbering::ParenArabic, 3, "（3）"))
        );
        assert_eq!(
            heading("(10)标题"),
            Some((Numbering::ParenArabic, 10, "(10)"))
        );
        assert_eq!(heading("③标题"), Some((Numbering::Circled, 3, "③")));
    }

    #[test]
    fn numbers_that_are_not_headings() {
        for text in [
            "1.5万亩",
            "2025年",
            "2025.1",
            "三是",
            "（一",
            "一，",
            "0.",
            "0、",
            "标题一、",
            "（）",
            "1234.",
            "(0)",
            "",
        ] {
            assert_eq!(heading_label(text), None, "{text}");
        }
    }

    #[test]
    fn reads_point_labels() {
        let p = |t: &str| point_label(t).map(|l| (l.kind, l.number, l.len));
        assert_eq!(
            p("三是加强"),
            Some((LabelKind::Point(PointStyle::Shi), 3, 6))
        );
        assert_eq!(
            p("第二，要"),
            Some((LabelKind::Point(PointStyle::Di), 2, 9))
        );
        assert_eq!(
            p("第十一、要"),
            Some((LabelKind::Point(PointStyle::Di), 11, 12))
        );
        for text in ["第一批", "第一次", "是", "第", "统一是", "第一"] {
            assert_eq!(point_label(text), None, "{text}");
        }
    }
}
