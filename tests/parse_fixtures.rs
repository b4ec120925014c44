//! The parser and the summary on reports of the genre written for these tests in the shapes
//! real ones have (tests/fixtures/genre/: a government work report copied from a web page, a
//! 政协 调研报告, a 意见 with four levels, a speech, an 经验交流材料 with ASCII punctuation).
//! None of them shaped the code the way the seed did: they check it reads any report.

use yandu::report::passage::PassageKind;
use yandu::report::{passages, Anchor, BlockRole, Document, Node};
use yandu::summary::profile::{honours, key_figures};
use yandu::summary::timeline::timeline;
use yandu::summary::Outline;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/genre/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The tree as "anchor label heading" lines, indented by depth.
fn tree(doc: &Document) -> Vec<String> {
    fn walk(out: &mut Vec<String>, n: &Node, depth: usize) {
        out.push(format!(
            "{}{} {}{}",
            "  ".repeat(depth),
            n.anchor,
            n.label_text(),
            n.heading_label()
        ));
        n.children().for_each(|c| walk(out, c, depth + 1));
    }
    let mut out = Vec::new();
    doc.parts.iter().for_each(|n| walk(&mut out, n, 0));
    out
}

fn texts(blocks: &[yandu::report::Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| b.plain_text().trim().to_string())
        .collect()
}

fn timeline_labels(doc: &Document) -> Vec<String> {
    timeline(&passages(doc))
        .into_iter()
        .map(|d| d.label)
        .collect()
}

#[test]
fn a_work_report_from_a_web_page_reads_three_levels_and_drops_the_chrome() {
    let text = fixture("work-report");
    let doc = Document::parse(&text);
    assert_eq!(doc.source(), text);
    assert_eq!(doc.title().unwrap().plain_text(), "2026年XX市政府工作报告");
    let role = |r: BlockRole| -> Vec<String> {
        doc.front
            .iter()
            .filter(|b| b.role == r)
            .map(|b| b.plain_text())
            .collect()
    };
    assert_eq!(
        role(BlockRole::Subtitle),
        ["——2026年1月20日在XX市第十X届人民代表大会第X次会议上"]
    );
    assert_eq!(role(BlockRole::Speaker), ["XX市市长  XXX"]);
    assert_eq!(role(BlockRole::Salutation), ["各位代表："]);
    assert_eq!(role(BlockRole::Furniture).len(), 5);
    assert_eq!(
        texts(&doc.back),
        [
            "责任编辑：张XX",
            "扫一扫在手机打开当前页",
            "相关报道",
            "XX市召开第十X届人民代表大会第X次会议",
            "2025年XX市政府工作报告"
        ]
    );
    assert!(doc.back.iter().all(|b| b.role == BlockRole::Furniture));
    assert_eq!(
        tree(&doc),
        [
            "s1 一、2025年工作回顾",
            "  s1-1 （一）经济运行稳中有进",
            "    s1-1-p1 一是工业生产加快回升",
            "    s1-1-p2 二是消费市场持续回暖",
            "    s1-1-p3 三是项目建设提速",
            "  s1-2 （二）改革开放不断深化",
            "    s1-2-1 1.营商环境持续优化",
            "    s1-2-2 2.对外开放迈出新步伐",
            "  s1-3 （三）民生福祉持续增进",
            "s2 二、2026年工作安排",
            "  s2-1 （一）加快发展新质生产力",
            "    s2-1-p1 一是培育壮大新兴产业",
            "    s2-1-p2 二是推动科技创新",
            "  s2-2 （二）深入推进新型城镇化",
            "    s2-2-1 1.推进以人为本的城镇化",
            "    s2-2-2 2.实施城市更新行动",
            "  s2-3 （三）持续保障和改善民生",
        ]
    );
    // The list of 民生实事 inside one paragraph stays in it.
    let s13 = doc.node(Anchor::parse("s1-3").unwrap()).unwrap();
    assert!(yandu::report::inline::plain_text(&s13.body).contains("一是新增城镇就业X万人；二是"));
    // "过去五年" is the last paragraph of （三）, not a closing; the closing is the summing up.
    assert_eq!(doc.closing.len(), 1);
    assert!(texts(&doc.closing)[0].starts_with("各位代表！新征程上"));
    let when = timeline_labels(&doc);
    for w in [
        "过去一年",
        "2025年",
        "过去五年",
        "今年",
        "2026年3月",
        "年底",
    ] {
        assert!(when.contains(&w.to_string()), "{w} missing from {when:?}");
    }
    // Never from the header (2026年1月20日) or a heading (2025年工作回顾) or the furniture.
    assert!(!when
        .iter()
        .any(|w| w.starts_with("2026年1月") || w.starts_with("2026-")));
    let figures: Vec<String> = key_figures(&passages(&doc))
        .into_iter()
        .map(|f| format!("{}{}{}", f.label, f.value, f.unit))
        .collect();
    assert_eq!(figures[0], "全市地区生产总值增长5%");
    assert!(
        figures.contains(&"规模以上工业增加值增长6.2%".to_string()),
        "{figures:?}"
    );
    // The outline never shows the chrome.
    let outline = Outline::of(&doc);
    assert!(outline
        .all()
        .iter()
        .all(|i| !i.label.contains("下载") && !i.label.contains("相关报道")));
}

#[test]
fn a_research_report_with_ascii_commas_a_signature_and_an_appendix() {
    let text = fixture("research-report");
    let doc = Document::parse(&text);
    assert_eq!(doc.source(), text);
    assert_eq!(
        doc.title().unwrap().plain_text(),
        "关于XX市小城镇建设情况的调研报告"
    );
    assert!(texts(&doc.intro)[0].starts_with("近年来,我市以中心镇为重点"));
    assert_eq!(
        tree(&doc),
        [
            "s1 一、基本情况",
            "s2 二、存在的问题",
            "  s2-1 （一）规划引领作用不强",
            "  s2-2 （二）基础设施短板明显",
            "  s2-3 （三）产业支撑能力较弱",
            "s3 三、对策建议",
            "  s3-1 1.强化规划引领",
            "  s3-2 2.补齐设施短板",
            "  s3-3 3.培育特色产业",
        ]
    );
    assert_eq!(
        texts(&doc.closing),
        [
            "下一步，我们将持续跟踪有关建议的办理落实情况。",
            "XX市政协城乡建设委员会",
            "2025年8月15日"
        ]
    );
    assert_eq!(doc.closing[1].role, BlockRole::Signature);
    assert_eq!(doc.appendices.len(), 1);
    assert_eq!(
        doc.appendices[0].heading.plain_text().trim(),
        "附件：名词解释"
    );
    let when = timeline_labels(&doc);
    assert!(when.contains(&"2024年底".to_string()) && when.contains(&"近年来".to_string()));
    assert!(
        !when.iter().any(|w| w.starts_with("2025年8月")),
        "the signature's date: {when:?}"
    );
}

#[test]
fn an_opinion_reads_four_levels() {
    let text = fixture("opinion");
    let doc = Document::parse(&text);
    assert_eq!(doc.source(), text);
    let t = tree(&doc);
    assert!(
        t.contains(&"      s2-1-1-1 （1）全面放开落户限制".to_string()),
        "{t:#?}"
    );
    assert!(t.contains(&"      s2-1-2-2 （2）扩大社会保险覆盖面".to_string()));
    assert!(t.contains(&"  s2-2 （二）提升城市品质".to_string()));
    assert_eq!(t.last().unwrap(), "s3 三、保障措施");
    // The last section keeps its content: no summing-up paragraph, no closing.
    assert!(doc.closing.iter().all(|b| b.role == BlockRole::Signature));
    assert_eq!(doc.appendices.len(), 2);
    assert_eq!(
        doc.front_block(BlockRole::Salutation).unwrap().plain_text(),
        "各区县人民政府，市政府各部门、各直属机构："
    );
    let ps = passages(&doc);
    let when: Vec<String> = timeline(&ps).into_iter().map(|d| d.label).collect();
    assert_eq!(when, ["到2030年", "2027年底", "2000年底"]);
}

#[test]
fn a_speech_reads_its_first_second_third_and_their_points() {
    let text = fixture("speech");
    let doc = Document::parse(&text);
    assert_eq!(doc.source(), text);
    assert_eq!(
        tree(&doc),
        [
            "p1 第一，提高站位，充分认识城乡建设工作的重要意义",
            "  p1-p1 一是要看到成绩",
            "  p1-p2 二是要正视差距",
            "p2 第二，突出重点，扎实推进城乡建设各项任务",
            "p3 第三，强化保障，确保各项工作落地见效",
        ]
    );
    assert_eq!(
        doc.parts[1].content.len(),
        2,
        "第二's two paragraphs stay in it"
    );
    assert!(texts(&doc.closing)[0].starts_with("同志们，城乡建设任务艰巨"));
    assert_eq!(
        doc.front_block(BlockRole::Salutation).unwrap().plain_text(),
        "同志们："
    );
}

#[test]
fn an_experience_report_with_ascii_punctuation_reads_like_the_seed() {
    let text = fixture("experience");
    let doc = Document::parse(&text);
    assert_eq!(doc.source(), text);
    assert_eq!(
        tree(&doc),
        [
            "s1 一、聚焦规划引领,构建城乡一体新格局",
            "  s1-p1 一是编制县域国土空间总体规划",
            "  s1-p2 二是推进村庄规划全覆盖",
            "s2 二、聚焦要素流动,激发城乡融合新活力",
            "  s2-p1 一是深化农村土地制度改革",
            "  s2-p2 二是健全城乡统一的建设用地市场",
            "  s2-p3 三是引导社会资本下乡",
            "s3 三、聚焦公共服务,增进群众福祉",
        ]
    );
    assert_eq!(
        doc.parts[0].clauses(),
        ["聚焦规划引领", "构建城乡一体新格局"]
    );
    assert!(texts(&doc.closing)[0].starts_with("下一步,我县"));
    let ps = passages(&doc);
    assert!(timeline(&ps).iter().any(|d| d.label == "截至2025年底"));
    assert!(honours(&ps).is_empty());
}

#[test]
fn the_crashes_reported_for_short_reports_parse() {
    for text in [
        "近年来,我市以中心镇为重点,培育和建设小城镇,取得了明显成效。",
        "标题\n一、总体情况\n（一）经济运行稳中有进\n2025年，全市地区生产总值增长5%左右，好于预期。\n",
        "一、甲,乙。2020年,建成。X,X,X。\n",
    ] {
        let doc = Document::parse(text);
        assert_eq!(doc.source(), text);
        let ps = passages(&doc);
        let _ = (timeline(&ps), key_figures(&ps), honours(&ps));
    }
}

#[test]
fn the_structure_command_prints_the_tree_and_explains_bad_input() {
    let run = |path: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_outline"))
            .arg(path)
            .output()
            .expect("run outline")
    };
    let dir = std::env::temp_dir().join(format!("yandu-outline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = format!(
        "{}/tests/fixtures/genre/opinion.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = run(&report);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["title"],
        "XX市人民政府关于深入推进新型城镇化的实施意见"
    );
    assert_eq!(
        json["parts"][1]["children"][0]["children"][0]["children"][0]["label"],
        "（1）"
    );
    assert_eq!(
        json["parts"][1]["children"][0]["children"][0]["children"][0]["anchor"],
        "s2-1-1-1"
    );
    assert_eq!(json["timeline"][0]["when"], "到2030年");
    assert_eq!(json["timeline"][0]["anchor"], "s1-2");
    for key in ["subtitle", "furniture", "closing"] {
        assert!(json[key].is_array(), "{key}");
    }
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = run(empty.to_str().unwrap());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is empty"));
    let binary = dir.join("binary.bin");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 255, 10, 0xE4, 0xB8]).unwrap();
    let out = run(binary.to_str().unwrap());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
    let out = run(dir.join("missing.txt").to_str().unwrap());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn furniture_feeds_no_summary() {
    use yandu::summary::redactions::masked_values;
    use yandu::summary::terms::quoted_terms;
    let doc = Document::parse(&fixture("work-report"));
    let ps = passages(&doc);
    let furniture: Vec<usize> = ps
        .iter()
        .filter(|p| p.kind == PassageKind::Furniture)
        .map(|p| p.index)
        .collect();
    assert_eq!(furniture.len(), 10);
    // "责任编辑：张XX" masks a name, but it is not the report's.
    assert!(masked_values(&ps)
        .iter()
        .all(|m| !furniture.contains(&m.passage)));
    assert!(quoted_terms(&ps).iter().all(|t| t
        .occurrences
        .iter()
        .all(|o| !furniture.contains(&o.passage))));
    assert!(timeline(&ps)
        .iter()
        .all(|d| !furniture.contains(&d.passage)));
    assert!(key_figures(&ps)
        .iter()
        .all(|f| !furniture.contains(&f.passage)));
}

#[test]
fn search_skips_the_folded_furniture() {
    use yandu::summary::search::SearchIndex;
    let doc = Document::parse(&fixture("work-report"));
    let ps = passages(&doc);
    let hits = SearchIndex::new(&ps).search("政府工作报告");
    // The title has it; the breadcrumb and the related page's title, folded away, do not count.
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| ps[h.passage].kind != PassageKind::Furniture));
}
