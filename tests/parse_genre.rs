//! The parser on texts of the same genre that Yandu does not ship, written for these tests:
//! other layouts of sections and points, odd whitespace, and text that fits no pattern.

use yandu::report::inline::plain_text;
use yandu::report::{Anchor, BlockRole, Content, Document, Node};

fn leads(d: &Document) -> Vec<Vec<String>> {
    d.parts
        .iter()
        .map(|s| s.children().map(|p| p.heading_label()).collect())
        .collect()
}

#[test]
fn points_on_their_own_lines() {
    let text = "关于XX县乡村振兴的汇报\n\n\
                近年来，我县坚持农业农村优先发展。\n\
                一、夯实产业基础，促进农民增收\n\
                一是发展特色种植。建成XX基地X个。\n\
                二是培育龙头企业；新增X家。\n\
                二、改善人居环境，建设宜居乡村\n\
                一是推进厕所革命。完成改厕X户。\n\
                下一步，我们将继续努力。\n";
    let d = Document::parse(text);
    assert_eq!(d.source(), text);
    assert_eq!(d.title().unwrap().plain_text(), "关于XX县乡村振兴的汇报");
    assert!(d.front_block(BlockRole::Notice).is_none());
    assert_eq!(d.intro.len(), 1);
    assert_eq!(d.parts.len(), 2);
    assert_eq!(d.parts[0].clauses(), ["夯实产业基础", "促进农民增收"]);
    assert_eq!(
        leads(&d),
        [vec!["发展特色种植", "培育龙头企业"], vec!["推进厕所革命"]]
    );
    assert_eq!(d.closing.len(), 1);
    assert_eq!(d.closing[0].plain_text(), "下一步，我们将继续努力。");
}

#[test]
fn ten_and_more_sections_and_points() {
    let mut text = String::from("标题\n");
    let numerals = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
    ];
    for n in numerals {
        text.push_str(&format!("{n}、第{n}部分，要点。"));
        for p in numerals {
            text.push_str(&format!("{p}是做法{p}。内容。"));
        }
        text.push('\n');
    }
    let d = Document::parse(&text);
    assert_eq!(d.source(), text);
    assert_eq!(d.parts.len(), 12);
    assert_eq!(d.parts[11].label_text(), "十二、");
    let points: Vec<&Node> = d.parts[11].children().collect();
    assert_eq!(points.len(), 12);
    assert_eq!(points[10].label, "十一是");
    assert_eq!(points[10].heading_label(), "做法十一");
    assert!(d.has(Anchor::point(12, 12)));
    assert!(!d.has(Anchor::point(12, 13)));
}

#[test]
fn markers_inside_words_or_out_of_order_are_not_points() {
    // "统一是" is not a marker; "三是" without "二是" before it does not start a point.
    let text = "一、总体情况，基本稳定。标准统一是关键。一是甲。三是丙。\n";
    let d = Document::parse(text);
    assert_eq!(d.source(), text);
    let s = &d.parts[0];
    assert_eq!(plain_text(&s.body), "标准统一是关键。");
    let points: Vec<&Node> = s.children().collect();
    assert_eq!(points.len(), 1);
    assert_eq!(plain_text(&points[0].body), "三是丙。");
}

#[test]
fn section_numbers_must_run_in_order() {
    // A paragraph that happens to start with "三、" before 二、 is body text, not a section.
    let text = "一、开头，说明。正文。\n三、不是第二节。\n二、第二节，说明。正文。\n";
    let d = Document::parse(text);
    assert_eq!(d.source(), text);
    assert_eq!(d.parts.len(), 2);
    assert_eq!(d.parts[1].clauses(), ["第二节", "说明"]);
    let first: String = d.parts[0]
        .content
        .iter()
        .map(|c| match c {
            Content::Block(b) => b.plain_text(),
            Content::Node(_) => String::new(),
        })
        .collect();
    assert!(first.contains("三、不是第二节。"), "{first}");
}

#[test]
fn crlf_indents_and_blank_lines() {
    let text = "\r\n　　抢抓机遇\r\n\r\n　　开篇一段话，说明情况。\r\n　　一、第一部分，具体做法。一是甲乙。丙丁。\r\n\r\n　　结束语。\r\n";
    let d = Document::parse(text);
    assert_eq!(d.source(), text);
    assert_eq!(d.lead_in, "\r\n");
    assert_eq!(d.title().unwrap().plain_text().trim(), "抢抓机遇");
    assert_eq!(d.parts.len(), 1);
    assert_eq!(d.parts[0].label_text(), "一、");
    assert_eq!(leads(&d), [vec!["甲乙"]]);
    assert_eq!(d.closing[0].plain_text().trim(), "结束语。");
}

#[test]
fn heading_without_a_mark_ends_at_the_line() {
    let text = "一、科学规划布局\n一是规划先行。内容。\n二是分区推进。内容。\n";
    let d = Document::parse(text);
    assert_eq!(d.source(), text);
    assert_eq!(d.parts[0].heading_label(), "科学规划布局");
    assert_eq!(d.parts[0].clauses(), ["科学规划布局"]);
    assert_eq!(leads(&d), [vec!["规划先行", "分区推进"]]);
    assert!(d.closing.is_empty());
}

#[test]
fn prose_without_structure_renders_as_paragraphs() {
    let text = "这是一段没有标题的文字，它很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n第二段。\n";
    let d = Document::parse(text);
    assert_eq!(d.source(), text);
    assert!(d.front.is_empty());
    assert!(d.parts.is_empty());
    assert_eq!(d.intro.len(), 2);
    assert_eq!(d.anchors(), [Anchor::Intro]);
}

#[test]
fn a_short_first_sentence_without_a_title_is_not_a_notice() {
    let text = "我区工作取得进展。\n一、规划，布局。正文。\n";
    let d = Document::parse(text);
    assert!(d.front.is_empty());
    assert_eq!(d.intro.len(), 1);
    assert_eq!(d.parts.len(), 1);
}

#[test]
fn empty_and_blank_inputs() {
    for text in ["", "\n", "  \n\t\n", "　"] {
        let d = Document::parse(text);
        assert_eq!(d.source(), text);
        assert!(d.anchors().is_empty());
    }
}
