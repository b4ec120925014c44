//! The notes as the panel lists them: in report order (notes about the whole report first,
//! then by where each sits in the text, notes that cannot be placed last), each run of notes
//! in one part under that part's label, filtered by kind and by text. Pure.

use super::anchoring::Placed;
use super::model::{Note, NoteKind, Target};
use crate::report::{Anchor, Document, Passage};
use crate::summary::outline::place_label;
use crate::summary::search::{holds_folded, normalize};

/// What the reader filters by: a kind, and text the note or its quote holds (folded as search
/// folds it: full-width and half-width, case, spaces).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub kind: Option<NoteKind>,
    pub text: String,
}

/// One line of the list: a part's label, or a note (its index in the notes given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Group(String),
    Note { index: usize, unplaced: bool },
}

/// The rows to draw (at most `limit` notes) and how many notes pass the filter in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    pub rows: Vec<Row>,
    pub matching: usize,
}

pub const REPORT_GROUP: &str = "关于全文";
pub const UNPLACED_GROUP: &str = "未能定位（原文中找不到引文）";

/// Lists `notes` (with `placement`, where each sits, in the same order) for the panel.
pub fn listing(
    doc: &Document,
    passages: &[Passage],
    notes: &[Note],
    placement: &[Option<Vec<Placed>>],
    filter: &Filter,
    limit: usize,
) -> Listing {
    let needle = normalize(&filter.text);
    // (rank, passage, byte, created, index): report-level 0, placed 1, unplaced 2.
    let mut order: Vec<(u8, usize, usize, i64, usize)> = notes
        .iter()
        .enumerate()
        .filter(|(_, n)| filter.kind.is_none_or(|k| n.kind == Some(k)))
        .filter(|(_, n)| {
            holds_folded(&n.text, &needle)
                || matches!(&n.target, Target::Quote { quote, .. } if holds_folded(quote, &needle))
        })
        .map(|(i, n)| {
            let first = placement.get(i).and_then(|p| p.as_ref()?.first().copied());
            let (rank, passage, at) = match (&n.target, first) {
                (Target::Report, _) => (0, 0, 0),
                (Target::Part { .. }, _) => match part_passage(doc, passages, n) {
                    Some(p) => (1, p, 0),
                    None => (2, usize::MAX, 0),
                },
                (Target::Quote { .. }, Some((p, s, _))) => (1, p, s),
                (Target::Quote { .. }, None) => (2, usize::MAX, 0),
            };
            (rank, passage, at, n.created, i)
        })
        .collect();
    crate::order::sort_by_key(&mut order, |o| (o.0, o.1, o.2, o.3));
    let mut rows = Vec::new();
    let mut last_group: Option<String> = None;
    for &(rank, passage, _, _, index) in order.iter().take(limit) {
        let group = match rank {
            0 => REPORT_GROUP.to_string(),
            2 => UNPLACED_GROUP.to_string(),
            _ => {
                let anchor = match &notes[index].target {
                    Target::Part { .. } => notes[index].target.anchor(),
                    _ => passages.get(passage).and_then(|p| p.anchor),
                };
                place_label(doc, anchor)
            }
        };
        if last_group.as_ref() != Some(&group) {
            rows.push(Row::Group(group.clone()));
            last_group = Some(group);
        }
        rows.push(Row::Note {
            index,
            unplaced: rank == 2,
        });
    }
    Listing {
        rows,
        matching: order.len(),
    }
}

/// The first passage of the part a note about a part names, if the report has that part.
fn part_passage(doc: &Document, passages: &[Passage], note: &Note) -> Option<usize> {
    let anchor: Anchor = note.target.anchor().filter(|a| doc.has(*a))?;
    passages.iter().position(|p| p.anchor == Some(anchor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::anchoring::{locate, quote_target};
    use crate::report::passage::passages;

    const TEXT: &str = "一、总体情况\n我们推进新型城镇化试点。\n二、主要做法\n一是完善户籍制度，推进落户。二是加快交通提升。\n";

    fn note(id: &str, target: Target, kind: Option<NoteKind>, text: &str, created: i64) -> Note {
        Note {
            id: id.into(),
            target,
            kind,
            text: text.into(),
            created,
            updated: created,
        }
    }

    fn quote(ps: &[Passage], text: &str) -> Target {
        let p = ps.iter().find(|p| p.text.contains(text)).expect(text);
        let at = p.text.find(text).unwrap();
        quote_target(ps, p.index, at, at + text.len()).expect("a quote target")
    }

    fn list(notes: &[Note], filter: &Filter, limit: usize) -> (Vec<String>, usize) {
        let doc = Document::parse(TEXT);
        let ps = passages(&doc);
        let placement: Vec<_> = notes.iter().map(|n| locate(&ps, &n.target)).collect();
        let l = listing(&doc, &ps, notes, &placement, filter, limit);
        let shown = l
            .rows
            .iter()
            .map(|r| match r {
                Row::Group(g) => format!("# {g}"),
                Row::Note { index, unplaced } => {
                    format!("{}{}", notes[*index].id, if *unplaced { "?" } else { "" })
                }
            })
            .collect();
        (shown, l.matching)
    }

    fn sample() -> Vec<Note> {
        let doc = Document::parse(TEXT);
        let ps = passages(&doc);
        vec![
            note(
                "late",
                quote(&ps, "加快交通"),
                Some(NoteKind::Practice),
                "",
                5,
            ),
            note(
                "lost",
                Target::Quote {
                    anchor: "s9".into(),
                    quote: "原文没有的话".into(),
                    prefix: String::new(),
                    suffix: String::new(),
                    offset: 0,
                },
                None,
                "",
                1,
            ),
            note("whole", Target::Report, None, "总的看法", 9),
            note(
                "early",
                quote(&ps, "户籍制度"),
                Some(NoteKind::Problem),
                "ＡＢＣ 户籍",
                7,
            ),
            note(
                "part",
                Target::Part {
                    anchor: "s1".into(),
                },
                Some(NoteKind::Lesson),
                "",
                3,
            ),
        ]
    }

    #[test]
    fn notes_come_in_report_order_under_their_parts() {
        let (rows, matching) = list(&sample(), &Filter::default(), 100);
        assert_eq!(matching, 5);
        assert_eq!(
            rows,
            [
                "# 关于全文",
                "whole",
                "# 一、总体情况",
                "part",
                "# 二、一是 完善户籍制度，推进落户",
                "early",
                "# 二、二是 加快交通提升",
                "late",
                "# 未能定位（原文中找不到引文）",
                "lost?",
            ]
        );
    }

    #[test]
    fn filters_by_kind_and_by_folded_text_and_stops_at_the_limit() {
        let by_kind = Filter {
            kind: Some(NoteKind::Problem),
            text: String::new(),
        };
        assert_eq!(
            list(&sample(), &by_kind, 100).0,
            ["# 二、一是 完善户籍制度，推进落户", "early"]
        );
        // Full-width letters and case fold; a quote matches as well as the note's text.
        let by_text = Filter {
            kind: None,
            text: "abc".into(),
        };
        assert_eq!(
            list(&sample(), &by_text, 100).0,
            ["# 二、一是 完善户籍制度，推进落户", "early"]
        );
        let by_quote = Filter {
            kind: None,
            text: "加快 交通".into(),
        };
        assert_eq!(
            list(&sample(), &by_quote, 100).0,
            ["# 二、二是 加快交通提升", "late"]
        );
        let (rows, matching) = list(&sample(), &Filter::default(), 2);
        assert_eq!(matching, 5, "the count is of every matching note");
        assert_eq!(rows, ["# 关于全文", "whole", "# 一、总体情况", "part"]);
    }
}
