//! Every dated statement in the report: years and months (2015年11月, 到2021年, 2017年以来),
//! masked dates (X年X月), and relative times (年底, 今年以来, 近三年). Found by scanning the
//! text, not listed by hand. Pure.

use super::sentences::{char_after, char_before, clause_around, sentence_around};
use crate::report::passage::Passage;

/// Relative time words the genre uses; they cannot be placed on a calendar. Longer words
/// first, so "今年以来" is read whole and not as "今年".
const RELATIVE: [&str; 31] = [
    "“十四五”时期",
    "“十四五”期间",
    "“十五五”时期",
    "“十五五”期间",
    "“十四五”",
    "“十五五”",
    "今年以来",
    "过去一年",
    "过去三年",
    "过去五年",
    "这五年",
    "今后五年",
    "未来五年",
    "今后一个时期",
    "近年来",
    "近三年",
    "近两年",
    "近五年",
    "上半年",
    "下半年",
    "今年",
    "去年",
    "明年",
    "年初",
    "年底",
    "年内",
    "目前",
    "下步",
    "下一步",
    "一季度",
    "前三季度",
];
const PREFIXES: [&str; 4] = ["截至", "自", "到", "至"];
const SUFFIXES: [&str; 5] = ["以来", "年底", "底", "前", "后"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    /// The date as written, with its qualifiers: "2015年11月", "到2021年", "X年X月", "年底".
    pub label: String,
    pub year: Option<u32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// The date is masked in the source (X年X月).
    pub masked: bool,
    /// A relative time (年底, 今年以来) that the text does not date.
    pub relative: bool,
    pub passage: usize,
    /// Byte range of the date expression.
    pub at: (usize, usize),
    /// Byte range of the sentence it dates.
    pub sentence: (usize, usize),
    /// Byte range of the clause around it, for a short label.
    pub clause: (usize, usize),
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn digit_value(c: char) -> u32 {
    if c.is_ascii_digit() {
        c as u32 - '0' as u32
    } else {
        c as u32 - '０' as u32
    }
}

fn is_mask(c: char) -> bool {
    crate::report::inline::is_mask_char(c)
}

/// Reads a run of digits or mask characters at the start of `s`: (value, masked, byte length).
fn number_at(s: &str) -> Option<(Option<u32>, bool, usize)> {
    let first = s.chars().next()?;
    if is_digit(first) {
        let len: usize = s
            .chars()
            .take_while(|c| is_digit(*c))
            .map(char::len_utf8)
            .sum();
        let value = s[..len].chars().fold(0u32, |v, c| {
            v.saturating_mul(10).saturating_add(digit_value(c))
        });
        Some((Some(value), false, len))
    } else if is_mask(first) {
        let len: usize = s
            .chars()
            .take_while(|c| is_mask(*c))
            .map(char::len_utf8)
            .sum();
        Some((None, true, len))
    } else {
        None
    }
}

/// All dated statements of the body's passages, in reading order: never from the header, a
/// heading, page furniture or a signature, where a date names the document, not an event.
pub fn timeline(passages: &[Passage]) -> Vec<Dated> {
    let mut out = Vec::new();
    let mut firsts: Vec<char> = RELATIVE.iter().filter_map(|w| w.chars().next()).collect();
    crate::order::sort(&mut firsts);
    firsts.dedup();
    for p in passages.iter().filter(|p| p.kind.is_body()) {
        let text = p.text.as_str();
        let mut taken_until = 0;
        for (i, c) in text.char_indices() {
            if i < taken_until {
                continue;
            }
            let prev_is_number = text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| is_digit(c) || is_mask(c));
            if (is_digit(c) || is_mask(c)) && !prev_is_number {
                if let Some(found) = absolute_at(text, i) {
                    taken_until = found.1;
                    out.push(dated(p, found));
                    continue;
                }
            }
            // Most characters open no relative time: test the words only where one could start
            // (on a 1 MB report, comparing every word at every character took 80 ms).
            if !firsts.contains(&c) {
                continue;
            }
            if let Some(word) = RELATIVE.iter().find(|w| text[i..].starts_with(**w)) {
                let end = i + word.len();
                taken_until = end;
                out.push(dated(p, (i, end, None, None, None, false, true)));
            }
        }
    }
    out
}

type Found = (
    usize,
    usize,
    Option<u32>,
    Option<u32>,
    Option<u32>,
    bool,
    bool,
);

/// A year (four digits, or masked and followed by a month) at `i`, with qualifiers.
fn absolute_at(text: &str, i: usize) -> Option<Found> {
    let (year, masked_year, len) = number_at(&text[i..])?;
    let after_year = i + len;
    if !text[after_year..].starts_with('年') {
        return None;
    }
    let mut end = after_year + '年'.len_utf8();
    let mut month = None;
    let mut masked_month = false;
    let mut day = None;
    if let Some((m, masked, mlen)) = number_at(&text[end..]) {
        if text[end + mlen..].starts_with('月') {
            month = m;
            masked_month = masked;
            end += mlen + '月'.len_utf8();
            if let Some((d, _, dlen)) = number_at(&text[end..]) {
                let unit = text[end + dlen..].chars().next();
                if matches!(unit, Some('日' | '号')) && d.is_none_or(|d| (1..=31).contains(&d)) {
                    day = d;
                    end += dlen + '日'.len_utf8();
                }
            }
        }
    }
    let plausible_year = year.is_some_and(|y| (1900..=2100).contains(&y) && len >= 4);
    // A masked year is a date only with a month ("X年X月"); "X年" alone may be a count.
    let masked_date = masked_year && (month.is_some() || masked_month);
    if !plausible_year && !masked_date {
        return None;
    }
    if let Some(s) = SUFFIXES.iter().find(|s| text[end..].starts_with(**s)) {
        // "2017年以来", "年底": only when the suffix qualifies the year itself.
        if !(month.is_some() || masked_month) || *s == "以来" {
            end += s.len();
        }
    }
    let start = PREFIXES
        .iter()
        .find(|p| text[..i].ends_with(**p))
        .map_or(i, |p| i - p.len());
    Some((
        start,
        end,
        year.filter(|_| !masked_year),
        month,
        day,
        masked_year || masked_month,
        false,
    ))
}

fn dated(p: &Passage, (start, end, year, month, day, masked, relative): Found) -> Dated {
    let sentence = sentence_around(&p.text, start);
    let mut clause = clause_around(&p.text, start);
    // A clause that is little more than the date reads better with a neighbour: the one
    // before when the date opens its clause ("……南站，2020年建成通车"), else the one after.
    if p.text[clause.0..clause.1].chars().count() < (p.text[start..end].chars().count() + 6) {
        // Step over the mark between the clauses, whatever its width (， or ,).
        if clause.0 > sentence.0 && start == clause.0 {
            let (prev_start, _) = clause_around(&p.text, char_before(&p.text, clause.0));
            clause.0 = prev_start.max(sentence.0);
        } else {
            let (_, next_end) = clause_around(&p.text, char_after(&p.text, clause.1));
            clause.1 = next_end.max(clause.1).min(sentence.1);
        }
    }
    Dated {
        label: p.text[start..end].to_string(),
        year,
        month,
        day,
        masked,
        relative,
        passage: p.index,
        at: (start, end),
        sentence,
        clause,
    }
}

/// Calendar entries in time order (year, month, day; undated months and days first), then
/// the others.
pub fn ordered(mut items: Vec<Dated>) -> (Vec<Dated>, Vec<Dated>) {
    let (mut dated, rest): (Vec<Dated>, Vec<Dated>) =
        items.drain(..).partition(|d| d.year.is_some());
    crate::order::sort_by_key(&mut dated, |d| (d.year, d.month, d.day));
    (dated, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{passages, Document, REPORT_TEXT};

    fn labels(text: &str) -> Vec<String> {
        timeline(&passages(&Document::parse(text)))
            .into_iter()
            .map(|d| d.label)
            .collect()
    }

    #[test]
    fn finds_the_seeds_dates() {
        let items = timeline(&passages(&Document::parse(REPORT_TEXT)));
        let l: Vec<&str> = items.iter().map(|d| d.label.as_str()).collect();
        for expected in [
            "自2015年11月",
            "X年X月",
            "到2021年",
            "年底",
            "2020年",
            "2017年以来",
            "今年以来",
            "去年",
            "近三年",
        ] {
            assert!(l.contains(&expected), "{expected} missing from {l:?}");
        }
        assert_eq!(l.iter().filter(|x| **x == "2017年以来").count(), 3);
        let first = items.iter().find(|d| d.label == "自2015年11月").unwrap();
        assert_eq!(
            (first.year, first.month, first.masked),
            (Some(2015), Some(11), false)
        );
        let masked = items.iter().find(|d| d.label == "X年X月").unwrap();
        assert!(masked.masked && masked.year.is_none());
        let south = items.iter().find(|d| d.label == "2020年").unwrap();
        let ps = passages(&Document::parse(REPORT_TEXT));
        assert_eq!(
            ps[south.passage].slice(south.clause.0, south.clause.1),
            "X高铁设立XX南站，2020年建成通车"
        );
        // Counts of years or masked counts are not dates.
        assert!(!l.iter().any(|x| x.contains("千年") || x.contains("四年")));
    }

    #[test]
    fn written_texts_of_the_genre() {
        assert_eq!(
            labels("截至２０１９年底，我们完成了任务。"),
            ["截至２０１９年底"]
        );
        assert_eq!(labels("用X年时间完成。"), Vec::<String>::new());
        assert_eq!(labels("编号12345年不是年份。"), Vec::<String>::new());
        assert_eq!(
            labels("1998年3月成立，2003年以来发展。"),
            ["1998年3月", "2003年以来"]
        );
    }

    #[test]
    fn reads_days_and_the_genres_relative_times() {
        assert_eq!(
            labels("一、工作，回顾。2026年2月3日召开会议，2026年3月底前完成，今年增长5%，过去五年成绩显著。"),
            ["2026年2月3日", "2026年3月", "今年", "过去五年"]
        );
        let items = timeline(&passages(&Document::parse(
            "一、工作，回顾。我们在“十四五”时期打下基础，今后五年要再上台阶，X月X日前完成。",
        )));
        let l: Vec<&str> = items.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(l, ["“十四五”时期", "今后五年"]);
        let d = timeline(&passages(&Document::parse(
            "一、甲，乙。2025年8月15日通过。",
        )));
        assert_eq!(
            (d[0].year, d[0].month, d[0].day),
            (Some(2025), Some(8), Some(15))
        );
    }

    #[test]
    fn headings_and_header_lines_are_not_on_the_timeline() {
        let text = "2026年政府工作报告\n——2026年1月20日在大会上\n一、2025年工作回顾\n过去一年，我们完成了任务。\n";
        assert_eq!(labels(text), ["过去一年"]);
    }

    #[test]
    fn orders_calendar_dates_and_keeps_the_rest_apart() {
        let items = timeline(&passages(&Document::parse(REPORT_TEXT)));
        let (dated, rest) = ordered(items);
        let years: Vec<u32> = dated.iter().filter_map(|d| d.year).collect();
        assert!(years.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(years.first(), Some(&2015));
        assert_eq!(years.last(), Some(&2021));
        assert!(rest.iter().any(|d| d.masked));
        assert!(rest.iter().any(|d| d.relative));
    }

    #[test]
    fn sentences_and_clauses_contain_the_date() {
        let ps = passages(&Document::parse(REPORT_TEXT));
        for d in timeline(&ps) {
            let p = &ps[d.passage];
            assert!(
                d.sentence.0 <= d.at.0 && d.at.1 <= d.sentence.1,
                "{}",
                d.label
            );
            assert!(p.slice(d.clause.0, d.clause.1).contains(&d.label) || d.clause.0 <= d.at.0);
        }
    }
}
