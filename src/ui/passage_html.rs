//! One passage's text as HTML: text as escaped text, masked values as chips, quoted terms
//! emphasised, glossary terms as buttons that open their explanation, the reader's highlights
//! and search hits or a flashed sentence as `<mark>`. The same string is the prerendered
//! passage (with no marks) and what the wasm puts in its place when its marks change: the
//! report itself is static HTML that no reactive view owns. Pure: no browser calls.

use std::fmt::Write;

use crate::report::passage::{
    GlossRange, Mark, MarkKind, NoteMark, Passage, PieceKind, PieceStyle, Run,
};

/// How one highlight is drawn: what the reader's note says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteLook {
    pub id: String,
    /// The kind's label (做法…), or 划线 for a plain highlight.
    pub kind: &'static str,
    /// The kind's class suffix (practice…), or `plain`.
    pub slug: &'static str,
    pub text: String,
    /// Whether this passage holds the start of the highlight (it carries `id="note-…"`).
    pub first_here: bool,
}

/// The tooltip and accessible name of a masked value.
pub fn redaction_label(masked: &str) -> String {
    format!("原文已隐去此处的名称或数字（以“{masked}”表示）")
}

/// The inner HTML of `<span class="passage">` for `passage` with these marks; `look` says how
/// the highlight with a `NoteMark::note` index is drawn (`None`: not drawn as a highlight).
pub fn passage_html(
    passage: &Passage,
    marks: &[Mark],
    glosses: &[GlossRange],
    notes: &[NoteMark],
    look: impl Fn(usize) -> Option<NoteLook>,
) -> String {
    let runs = passage.runs(marks, glosses, notes);
    let mut out = String::with_capacity(passage.text.len() * 2);
    for (note, runs) in group_by(&runs, |r| r.note) {
        match note.and_then(&look) {
            Some(n) => {
                out.push_str("<mark class=\"note note-");
                out.push_str(n.slug);
                out.push('"');
                if n.first_here {
                    attr(&mut out, "id", &format!("note-{}", n.id));
                }
                attr(&mut out, "data-note", &n.id);
                attr(&mut out, "data-sr-start", &format!("批注开始：{}", n.kind));
                attr(&mut out, "data-sr-end", "批注结束");
                let title = if n.text.is_empty() {
                    n.kind.to_string()
                } else {
                    format!("{}：{}", n.kind, n.text)
                };
                attr(&mut out, "title", &title);
                out.push('>');
                quoted(&mut out, passage, runs);
                out.push_str("</mark>");
            }
            None => quoted(&mut out, passage, runs),
        }
    }
    out
}

fn quoted(out: &mut String, passage: &Passage, runs: &[Run]) {
    for (quote, runs) in group_by(runs, |r| r.quote) {
        if quote.is_some() {
            out.push_str("<span class=\"term\">");
            glossed(out, passage, runs);
            out.push_str("</span>");
        } else {
            glossed(out, passage, runs);
        }
    }
}

fn glossed(out: &mut String, passage: &Passage, runs: &[Run]) {
    for (gloss, runs) in group_by(runs, |r| r.gloss) {
        // A span, not a <button>: buttons are atomic inline boxes, so a long term could not
        // wrap and justified lines around it would gape. The listeners are on the document,
        // for every term at once (`browser::gloss_terms`).
        if let Some(entry) = gloss {
            let _ = write!(
                out,
                "<span role=\"button\" tabindex=\"0\" class=\"gloss\" data-term=\"{entry}\" aria-expanded=\"false\" aria-controls=\"gloss-popover\">"
            );
        }
        for run in runs {
            run_html(out, passage, run);
        }
        if gloss.is_some() {
            out.push_str("</span>");
        }
    }
}

fn run_html(out: &mut String, passage: &Passage, run: &Run) {
    if run.kind == PieceKind::Break {
        out.push_str("<br>");
        return;
    }
    let mark = match run.mark {
        None => None,
        Some(MarkKind::Hit) => Some("hit"),
        Some(MarkKind::CurrentHit) => Some("hit current"),
        Some(MarkKind::Flash) => Some("flash"),
    };
    if let Some(class) = mark {
        let _ = write!(out, "<mark class=\"{class}\">");
    }
    let text = passage.slice(run.start, run.end);
    match (run.kind, run.style) {
        (PieceKind::Redaction, _) => {
            let label = redaction_label(text);
            out.push_str("<span class=\"redacted\" role=\"img\"");
            attr(out, "title", &label);
            attr(out, "aria-label", &label);
            out.push('>');
            escape(out, text);
            out.push_str("</span>");
        }
        (_, style @ (PieceStyle::Ordinal | PieceStyle::ListMarker)) => {
            let class = if style == PieceStyle::ListMarker {
                "ordinal list-marker"
            } else {
                "ordinal"
            };
            let _ = write!(out, "<span class=\"{class}\">");
            escape(out, text);
            out.push_str("</span>");
        }
        (_, PieceStyle::Lead) => {
            out.push_str("<strong class=\"point-lead\">");
            escape(out, text);
            out.push_str("</strong>");
        }
        _ => escape(out, text),
    }
    if mark.is_some() {
        out.push_str("</mark>");
    }
}

/// ` name="value"`, the value escaped.
fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape(out, value);
    out.push('"');
}

/// Text made safe for HTML content and quoted attribute values.
pub fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Consecutive runs that share a key.
fn group_by<K: PartialEq + Copy>(runs: &[Run], key: impl Fn(&Run) -> K) -> Vec<(K, &[Run])> {
    let mut out: Vec<(K, &[Run])> = Vec::new();
    let mut start = 0;
    for i in 1..=runs.len() {
        if i == runs.len() || key(&runs[i]) != key(&runs[start]) {
            out.push((key(&runs[start]), &runs[start..i]));
            start = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::passage::passages;
    use crate::report::Document;
    use crate::summary::glossary::gloss_ranges;

    fn passages_of(text: &str) -> Vec<Passage> {
        passages(&Document::parse(text))
    }

    /// The text a browser shows for `html`: tags dropped, entities decoded (only ours occur).
    fn shown(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    fn rendered_text(p: &Passage) -> String {
        p.pieces
            .iter()
            .filter(|x| x.kind != PieceKind::Break)
            .map(|x| p.slice(x.start, x.end))
            .collect::<String>()
    }

    #[test]
    fn text_is_escaped_and_every_character_is_kept() {
        let text = "一、<b>“标题”</b> & 'x'\n（一）<script>alert(1)</script>XX万元";
        for p in passages_of(text) {
            let html = passage_html(&p, &[], &gloss_ranges(&p), &[], |_| None);
            assert!(!html.contains("<b>") && !html.contains("<script"), "{html}");
            assert_eq!(shown(&html), rendered_text(&p));
        }
    }

    #[test]
    fn marks_and_highlights_are_drawn_with_their_attributes() {
        let ps = passages_of("一、总体情况\n我们推进了新型城镇化试点，投入XX万元。");
        let p = ps
            .iter()
            .find(|p| p.text.contains("试点"))
            .expect("the body passage");
        let at = p.text.find("试点").expect("试点");
        let hit = [Mark {
            start: at,
            end: at + "试点".len(),
            kind: MarkKind::CurrentHit,
        }];
        let note = [NoteMark {
            start: 0,
            end: at,
            note: 0,
        }];
        let html = passage_html(p, &hit, &[], &note, |i| {
            (i == 0).then(|| NoteLook {
                id: "n1".into(),
                kind: "做法",
                slug: "practice",
                text: "见\"附件\"".into(),
                first_here: true,
            })
        });
        assert!(
            html.contains("<mark class=\"hit current\">试点</mark>"),
            "{html}"
        );
        assert!(
            html.starts_with("<mark class=\"note note-practice\" id=\"note-n1\" data-note=\"n1\""),
            "{html}"
        );
        assert!(
            html.contains("title=\"做法：见&quot;附件&quot;\""),
            "{html}"
        );
        assert!(html.contains("class=\"redacted\" role=\"img\""), "{html}");
        assert_eq!(shown(&html), rendered_text(p));
        // Not the first passage of the highlight: no id, so `#note-n1` names one element.
        let later = passage_html(p, &[], &[], &note, |_| {
            Some(NoteLook {
                id: "n1".into(),
                kind: "划线",
                slug: "plain",
                text: String::new(),
                first_here: false,
            })
        });
        assert!(!later.contains("id=\"note-"), "{later}");
        assert!(later.contains("title=\"划线\""), "{later}");
    }

    #[test]
    fn a_notes_id_and_text_stay_text() {
        // Both come from storage or an imported file: markup in them must never become markup.
        let ps = passages_of("我们推进了新型城镇化试点。");
        let p = &ps[0];
        let note = [NoteMark {
            start: 0,
            end: p.text.len(),
            note: 0,
        }];
        let html = passage_html(p, &[], &[], &note, |_| {
            Some(NoteLook {
                id: "x\"><img src=x onerror=alert(1)>".into(),
                kind: "疑问",
                slug: "question",
                text: "</mark><script>alert(1)</script>'".into(),
                first_here: true,
            })
        });
        assert!(
            !html.contains("<img") && !html.contains("<script") && !html.contains("\"><"),
            "{html}"
        );
        assert_eq!(html.matches("</mark>").count(), 1, "{html}");
        assert!(html.contains("id=\"note-x&quot;&gt;&lt;img"), "{html}");
        assert_eq!(shown(&html), rendered_text(p));
    }

    // proptest is a dev-dependency of the host only.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use proptest::prelude::*;

        use super::*;

        fn text_strategy() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                prop_oneof![
                    Just("一、".to_string()),
                    Just("（一）".to_string()),
                    Just("XX".to_string()),
                    Just("“".to_string()),
                    Just("”".to_string()),
                    Just("\n".to_string()),
                    Just("\r\n".to_string()),
                    Just("<&>\"'".to_string()),
                    Just("。；：".to_string()),
                    Just("一是".to_string()),
                    "[a-zA-Z0-9 ,.;:!?()]{0,5}",
                    "[\u{4e00}-\u{4e20}]{0,7}",
                ],
                0..40,
            )
            .prop_map(|v| v.concat())
        }

        proptest! {
            #[test]
            fn any_text_with_any_marks_renders_all_its_characters(
                text in text_strategy(),
                cuts in proptest::collection::vec((0usize..400, 0usize..400, 0usize..3), 0..6),
            ) {
                for p in passages_of(&text) {
                    let bounds: Vec<usize> = (0..=p.text.len()).filter(|&i| p.text.is_char_boundary(i)).collect();
                    let at = |x: usize| bounds[x % bounds.len()];
                    let marks: Vec<Mark> = cuts.iter().map(|&(a, b, k)| {
                        let (s, e) = (at(a).min(at(b)), at(a).max(at(b)));
                        Mark { start: s, end: e, kind: [MarkKind::Hit, MarkKind::Flash, MarkKind::CurrentHit][k] }
                    }).collect();
                    let notes: Vec<NoteMark> = marks.iter().enumerate().map(|(i, m)| NoteMark { start: m.start, end: m.end, note: i }).collect();
                    let html = passage_html(&p, &marks, &gloss_ranges(&p), &notes, |i| Some(NoteLook {
                        id: format!("n{i}"), kind: "疑问", slug: "question", text: "<x>".into(), first_here: i == 0,
                    }));
                    prop_assert_eq!(shown(&html), rendered_text(&p));
                    prop_assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
                }
            }
        }
    }
}
