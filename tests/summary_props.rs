#![cfg(not(target_arch = "wasm32"))]
//! Never a panic, shown: the parser and every summary extractor over generated text of the
//! genre (every heading level and point marker, CJK and ASCII punctuation, masks, quotes, line
//! breaks anywhere, very long lines, empty and one-character inputs). Every range they return
//! lies on char boundaries inside its passage; anchors resolve; search finds what a naive
//! scan finds.

use proptest::prelude::*;
use yandu::notes::anchoring::{locate, quote_target};
use yandu::report::passage::{GlossRange, Mark, MarkKind, NoteMark, PieceKind};
use yandu::report::{passages, Document};
use yandu::summary::gists::gist;
use yandu::summary::glossary::gloss_ranges;
use yandu::summary::outline::{place_label, short_place};
use yandu::summary::profile::{honours, key_figures, pilot_status};
use yandu::summary::redactions::{counts, masked_values};
use yandu::summary::search::{context, normalize, SearchIndex};
use yandu::summary::terms::quoted_terms;
use yandu::summary::themes::themes;
use yandu::summary::timeline::{ordered, timeline};
use yandu::summary::Outline;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        // Numbering of every level, in and out of order.
        prop::sample::select(vec![
            "一、",
            "二、",
            "三、",
            "十一、",
            "（一）",
            "（二）",
            "(三)",
            "1.",
            "2．",
            "3、",
            "（1）",
            "(2)",
            "①",
            "②",
            "一是",
            "二是",
            "三是",
            "十是",
            "第一，",
            "第二，",
            "第三、",
        ])
        .prop_map(String::from),
        // Marks, full- and half-width.
        prop::sample::select(vec![
            "。", "，", "；", "：", "！", "？", "、", ".", ",", ";", ":", "!", "?", "“", "”", "（",
            "）", "(", ")", "——", "…",
        ])
        .prop_map(String::from),
        // Masks and numbers, dates and units.
        prop::sample::select(vec![
            "X",
            "XX",
            "Ｘ",
            "××",
            "**",
            "2025年",
            "X年X月",
            "3月15日",
            "5%",
            "1.5万",
            "XX亿元",
            "X个",
            "今年",
            "过去五年",
            "“十四五”时期",
            "年底",
        ])
        .prop_map(String::from),
        // Words of the genre: furniture, cues, appendices, honours.
        prop::sample::select(vec![
            "当前位置：首页",
            "下载",
            "【字体：大 中 小】",
            "责任编辑：张三",
            "相关报道",
            "各位代表：",
            "下一步，",
            "同志们，",
            "附件1：",
            "名词解释",
            "荣获",
            "试点",
            "图为",
            "新型城镇化",
        ])
        .prop_map(String::from),
        prop::sample::select(vec!["\n", "\r\n", "\n\n", "　　", " ", "\t"]).prop_map(String::from),
        "[一二三是、。，XＸa-z0-9城乡统筹年月日（）]{1,8}",
        any::<char>().prop_map(String::from),
    ]
}

fn genre_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat()),
        // A very long line.
        (piece(), 200usize..1200).prop_map(|(p, n)| p.repeat(n)),
        Just(String::new()),
        any::<char>().prop_map(String::from),
    ]
}

fn on_boundaries(text: &str, (a, b): (usize, usize)) -> bool {
    a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn every_extractor_takes_any_text(text in genre_text()) {
        let doc = Document::parse(&text);
        prop_assert_eq!(doc.source(), text.clone());
        let ps = passages(&doc);
        for d in timeline(&ps) {
            let t = &ps[d.passage].text;
            prop_assert!(on_boundaries(t, d.at) && on_boundaries(t, d.sentence) && on_boundaries(t, d.clause));
        }
        let _ = ordered(timeline(&ps));
        for f in key_figures(&ps) {
            prop_assert!(on_boundaries(&ps[f.passage].text, f.at));
        }
        for h in honours(&ps) {
            prop_assert!(on_boundaries(&ps[h.passage].text, h.sentence));
        }
        if let Some((p, range)) = pilot_status(&ps) {
            prop_assert!(on_boundaries(&ps[p].text, range));
        }
        for t in quoted_terms(&ps) {
            for o in &t.occurrences {
                prop_assert!(on_boundaries(&ps[o.passage].text, o.at));
            }
        }
        let masked = masked_values(&ps);
        prop_assert_eq!(counts(&masked).iter().map(|(_, n)| n).sum::<usize>(), masked.len());
        for p in &ps {
            for g in gloss_ranges(p) {
                prop_assert!(on_boundaries(&p.text, (g.start, g.end)));
            }
        }
        let _ = themes(&doc, &ps);
        let outline = Outline::of(&doc);
        prop_assert_eq!(outline.anchors().len(), doc.anchors().len());
        for a in doc.anchors() {
            prop_assert!(doc.has(a));
            let _ = (gist(&doc, a), place_label(&doc, Some(a)), short_place(&doc, Some(a)));
        }
    }

    #[test]
    fn runs_and_offsets_take_any_ranges(text in genre_text(), cuts in prop::collection::vec(0usize..4000, 0..8)) {
        let doc = Document::parse(&text);
        for p in passages(&doc) {
            let at = |i: usize| cuts.get(i).map_or(0, |c| c % (p.text.len() + 1));
            let marks = [Mark { start: at(0).min(at(1)), end: at(0).max(at(1)), kind: MarkKind::Hit }];
            let glosses = [GlossRange { start: at(2).min(at(3)), end: at(2).max(at(3)), entry: 0 }];
            let notes = [NoteMark { start: at(4).min(at(5)), end: at(4).max(at(5)), note: 0 }];
            let runs = p.runs(&marks, &glosses, &notes);
            for r in &runs {
                let _ = p.slice(r.start, r.end);
            }
            let byte = p.byte_at_rendered_utf16(at(6));
            prop_assert!(p.text.is_char_boundary(byte));
            // Marks are drawn from bytes at rendered positions: the two maps agree both ways,
            // and a rendered position never passes the rendered text's end.
            let rendered = p.rendered_utf16();
            let units = rendered.at_byte(byte);
            prop_assert_eq!(p.byte_at_rendered_utf16(units), byte);
            let end = rendered.at_byte(p.text.len());
            prop_assert!(rendered.at_byte(at(7)) <= end);
            // At every byte it counts the units of the rendered characters (line breaks have
            // none) that start before it.
            let chars: Vec<(usize, usize)> = p
                .pieces
                .iter()
                .filter(|x| x.kind != PieceKind::Break)
                .flat_map(|x| p.text[x.start..x.end].char_indices().map(move |(i, c)| (x.start + i, c.len_utf16())))
                .collect();
            let (mut before, mut counted) = (0, 0);
            for byte in 0..=p.text.len() {
                while before < chars.len() && chars[before].0 < byte {
                    counted += chars[before].1;
                    before += 1;
                }
                prop_assert_eq!(rendered.at_byte(byte), counted);
            }
        }
    }

    #[test]
    fn quotes_taken_from_any_selection_are_placed_again(text in genre_text(), a in 0usize..4000, b in 0usize..4000) {
        let doc = Document::parse(&text);
        let ps = passages(&doc);
        for p in &ps {
            let (s, e) = (a % (p.text.len() + 1), b % (p.text.len() + 1));
            let (s, e) = (s.min(e), s.max(e));
            if !on_boundaries(&p.text, (s, e)) {
                continue;
            }
            if let Some(target) = quote_target(&ps, p.index, s, e) {
                let placed = locate(&ps, &target);
                prop_assert!(placed.is_some(), "a quote taken now is found now");
            }
        }
    }

    #[test]
    fn search_finds_what_a_naive_scan_finds(text in genre_text(), from in 0usize..4000, len in 1usize..6) {
        let doc = Document::parse(&text);
        let ps = passages(&doc);
        let index = SearchIndex::new(&ps);
        // A query taken from the text itself, and one made of its folded characters.
        let all: Vec<char> = ps.iter().flat_map(|p| p.text.chars()).collect();
        if all.is_empty() {
            return Ok(());
        }
        let start = from % all.len();
        let query: String = all[start..(start + len).min(all.len())].iter().collect();
        let needle = normalize(&query);
        let hits = index.search(&query);
        if needle.is_empty() {
            prop_assert!(hits.is_empty());
            return Ok(());
        }
        // Each hit, folded, holds the needle; hits never overlap; and there is one wherever a
        // naive scan of a passage's folded text finds the needle.
        for w in hits.windows(2) {
            prop_assert!(w[0].passage < w[1].passage || w[0].end <= w[1].start);
        }
        for h in &hits {
            let p = &ps[h.passage];
            prop_assert!(on_boundaries(&p.text, (h.start, h.end)));
            let folded = normalize(&p.text[h.start..h.end]);
            prop_assert!(folded.windows(needle.len()).any(|w| w == needle.as_slice()));
            let _ = context(p, h, 12);
        }
        for p in &ps {
            let folded = normalize(&p.text);
            // Folded page furniture is not searched.
            let searched = p.kind != yandu::report::passage::PassageKind::Furniture;
            let naive = searched && folded.windows(needle.len()).any(|w| w == needle.as_slice());
            prop_assert_eq!(naive, hits.iter().any(|h| h.passage == p.index), "passage {}", p.index);
        }
    }
}

#[test]
fn a_thirty_thousand_character_query_is_cut_and_answered() {
    let doc = Document::parse(yandu::report::REPORT_TEXT);
    let ps = passages(&doc);
    let index = SearchIndex::new(&ps);
    let long: String = "城乡".repeat(15_000);
    assert!(index.search(&long).is_empty());
    let masks: String = "X".repeat(30_000);
    let _ = index.search(&masks);
    assert!(!index.search("城乡").is_empty());
}
