//! The parser on the report Yandu ships: its structure, lead phrases, spans and round trip.

use yandu::report::{passages, Anchor, BlockRole, Document, Inline, REPORT_TEXT};

fn doc() -> Document {
    Document::parse(REPORT_TEXT)
}

#[test]
fn reads_the_header() {
    let d = doc();
    assert_eq!(
        d.front_block(BlockRole::Notice)
            .unwrap()
            .plain_text()
            .trim(),
        "本文系邮箱投稿，仅供学习参考，请勿照搬照抄！"
    );
    assert_eq!(d.title().unwrap().plain_text().trim(), "抢抓机遇  城乡统筹");
    let subtitles: Vec<String> = d.subtitles().map(|b| b.plain_text()).collect();
    assert_eq!(subtitles, ["全面推进国家级新型城镇化试点工作"]);
    assert_eq!(d.front.len(), 3);
    assert!(d.back.is_empty() && d.appendices.is_empty());
}

#[test]
fn reads_intro_and_closing() {
    let d = doc();
    assert_eq!(d.intro.len(), 1);
    assert!(d.intro[0].plain_text().starts_with("XX区总面积XX平方公里"));
    assert!(d.intro[0]
        .plain_text()
        .ends_with("各项试点工作取得积极进展。"));
    assert_eq!(d.closing.len(), 1);
    assert!(d.closing[0]
        .plain_text()
        .starts_with("我区在新型城镇化试点中"));
    assert!(d.closing[0].plain_text().ends_with("做出新的贡献！"));
}

#[test]
fn finds_four_sections_with_their_two_clauses() {
    let d = doc();
    let headings: Vec<(String, Vec<String>)> = d
        .parts
        .iter()
        .map(|s| (s.label_text().to_string(), s.clauses()))
        .collect();
    assert_eq!(
        headings,
        [
            ("一、", ["科学规划布局", "明确城乡发展新坐标"]),
            ("二、", ["突出四大提升", "建设高品质城市新区"]),
            ("三、", ["强化服务保障", "促进农业转移人口市民化"]),
            ("四、", ["积极破解瓶颈", "增强城镇化发展动力"]),
        ]
        .map(|(o, c)| (o.to_string(), c.map(String::from).to_vec()))
    );
}

#[test]
fn finds_thirteen_points_with_their_lead_phrases() {
    let d = doc();
    let leads: Vec<Vec<String>> = d
        .parts
        .iter()
        .map(|s| s.children().map(|p| p.heading_label()).collect())
        .collect();
    assert_eq!(
        leads,
        vec![
            vec![
                "突出主城区龙头带动",
                "构建“工”字型小城镇发展格局",
                "扎实推进美丽乡村建设"
            ],
            vec![
                "加快交通提升",
                "加快生态提升",
                "实施城镇提升",
                "加快产业提升"
            ],
            vec!["实施就业创业扶持", "完善户籍制度", "有效维护农民“三权”"],
            vec![
                "积极拓宽融资渠道",
                "推进闲置低效用地清理",
                "推进公共服务均等化"
            ],
        ]
    );
    let markers: Vec<&str> = d.parts[1].children().map(|p| p.label.as_str()).collect();
    assert_eq!(markers, ["一是", "二是", "三是", "四是"]);
    assert_eq!(d.nodes().len(), 4 + 13);
    assert!(d
        .parts
        .iter()
        .all(|s| s.children().all(|p| p.is_point() && p.content.is_empty())));
}

#[test]
fn section_lead_is_the_text_before_the_first_point() {
    let d = doc();
    let lead = yandu::report::inline::plain_text(&d.parts[0].body);
    assert!(lead.starts_with("我区始终坚持规划先行"), "{lead}");
    assert!(lead.ends_with("XX东部新区。"), "{lead}");
}

#[test]
fn anchors_cover_every_part_in_reading_order() {
    let ids: Vec<String> = doc().anchors().iter().map(Anchor::id).collect();
    assert_eq!(ids.len(), 1 + 4 + 13 + 1);
    assert_eq!(ids[0], "intro");
    assert_eq!(ids[1], "s1");
    assert_eq!(ids[2], "s1-p1");
    assert!(ids.contains(&"s2-p3".to_string()));
    assert_eq!(ids.last().unwrap(), "closing");
}

#[test]
fn spans_give_back_the_source_exactly() {
    assert_eq!(doc().source(), REPORT_TEXT);
}

#[test]
fn finds_redactions_and_quoted_terms() {
    let d = doc();
    let ps = passages(&d);
    let spans: Vec<Inline> = ps
        .iter()
        .flat_map(|p| yandu::report::inline::parse_inlines(&p.text))
        .collect();
    let redactions = spans
        .iter()
        .filter(|s| matches!(s, Inline::Redaction(_)))
        .count()
        + spans
            .iter()
            .filter_map(|s| match s {
                Inline::Quote(inner) => Some(
                    inner
                        .iter()
                        .filter(|i| matches!(i, Inline::Redaction(_)))
                        .count(),
                ),
                _ => None,
            })
            .sum::<usize>();
    // Every run of X in the seed is a redaction: count the runs independently.
    let runs = REPORT_TEXT
        .split(|c: char| c != 'X')
        .filter(|r| !r.is_empty())
        .count();
    assert_eq!(redactions, runs);
    let quotes: Vec<String> = spans
        .iter()
        .filter_map(|s| match s {
            Inline::Quote(_) => Some(s.source()),
            _ => None,
        })
        .collect();
    assert!(quotes.contains(&"“一带两城”".to_string()));
    assert!(quotes.contains(&"“三农”".to_string()));
    assert!(quotes.contains(&"“两区同建”".to_string()));
    assert_eq!(quotes.len(), REPORT_TEXT.matches('“').count());
}
