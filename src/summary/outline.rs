//! The outline (提纲): introduction, sections with their points, closing, each with a label
//! taken from the report's own words and numbering. Pure: no browser calls.

use crate::report::{Anchor, Document};

/// One line of the outline; sections carry their points as children.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineItem {
    pub anchor: Anchor,
    /// The report's own numbering ("一、", "三是"), empty for intro and closing.
    pub ordinal: String,
    pub label: String,
    pub children: Vec<OutlineItem>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    pub items: Vec<OutlineItem>,
}

pub const INTRO_LABEL: &str = "引言";
pub const CLOSING_LABEL: &str = "结语";

impl Outline {
    pub fn of(doc: &Document) -> Outline {
        let mut items = Vec::new();
        if !doc.intro.is_empty() {
            items.push(leaf(Anchor::Intro, "", INTRO_LABEL));
        }
        for s in &doc.sections {
            items.push(OutlineItem {
                anchor: Anchor::Section(s.number),
                ordinal: s.ordinal_label().to_string(),
                label: s.heading_label(),
                children: s
                    .points
                    .iter()
                    .map(|p| {
                        leaf(
                            Anchor::Point(s.number, p.number),
                            &p.marker,
                            &p.lead_label(),
                        )
                    })
                    .collect(),
            });
        }
        if !doc.closing.is_empty() {
            items.push(leaf(Anchor::Closing, "", CLOSING_LABEL));
        }
        Outline { items }
    }

    /// Every anchor in the outline, in reading order.
    pub fn anchors(&self) -> Vec<Anchor> {
        self.items
            .iter()
            .flat_map(|i| std::iter::once(i.anchor).chain(i.children.iter().map(|c| c.anchor)))
            .collect()
    }

    /// The item for `anchor`, at any depth.
    pub fn find(&self, anchor: Anchor) -> Option<&OutlineItem> {
        self.items.iter().find_map(|i| {
            (i.anchor == anchor)
                .then_some(i)
                .or_else(|| i.children.iter().find(|c| c.anchor == anchor))
        })
    }
}

/// A short place label for compact lists: "二、三是", "一、", "引言".
pub fn short_place(doc: &Document, anchor: Option<Anchor>) -> String {
    match anchor {
        Some(Anchor::Point(s, p)) => match (doc.section(s), doc.point(s, p)) {
            (Some(sec), Some(pt)) => format!("{}{}", sec.ordinal_label(), pt.marker),
            _ => String::new(),
        },
        Some(Anchor::Section(s)) => doc
            .section(s)
            .map(|s| s.ordinal_label().to_string())
            .unwrap_or_default(),
        other => place_label(doc, other),
    }
}

/// Where a part sits, in the report's own words, for result lists and links:
/// "二、三是 实施城镇提升", "二、突出四大提升，建设高品质城市新区", "引言", "标题".
pub fn place_label(doc: &Document, anchor: Option<Anchor>) -> String {
    match anchor {
        None => "标题".to_string(),
        Some(Anchor::Overview) => "概览".to_string(),
        Some(Anchor::Intro) => INTRO_LABEL.to_string(),
        Some(Anchor::Closing) => CLOSING_LABEL.to_string(),
        Some(Anchor::Section(s)) => doc
            .section(s)
            .map(|s| format!("{}{}", s.ordinal_label(), s.heading_label()))
            .unwrap_or_default(),
        Some(Anchor::Point(s, p)) => match (doc.section(s), doc.point(s, p)) {
            (Some(sec), Some(pt)) => {
                format!("{}{} {}", sec.ordinal_label(), pt.marker, pt.lead_label())
            }
            _ => String::new(),
        },
    }
}

fn leaf(anchor: Anchor, ordinal: &str, label: &str) -> OutlineItem {
    OutlineItem {
        anchor,
        ordinal: ordinal.to_string(),
        label: label.to_string(),
        children: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::REPORT_TEXT;

    #[test]
    fn seed_outline_matches_the_report() {
        let doc = Document::parse(REPORT_TEXT);
        let outline = Outline::of(&doc);
        assert_eq!(outline.items.len(), 6);
        assert_eq!(outline.items[0].label, INTRO_LABEL);
        assert_eq!(outline.items[1].ordinal, "一、");
        assert_eq!(outline.items[1].label, "科学规划布局，明确城乡发展新坐标");
        assert_eq!(outline.items[2].children[2].ordinal, "三是");
        assert_eq!(outline.items[2].children[2].label, "实施城镇提升");
        assert_eq!(outline.items[5].label, CLOSING_LABEL);
        assert_eq!(outline.anchors(), doc.anchors());
        assert_eq!(
            outline.find(Anchor::Point(3, 3)).map(|i| i.label.as_str()),
            Some("有效维护农民“三权”")
        );
        assert!(outline.find(Anchor::Point(3, 4)).is_none());
    }

    #[test]
    fn place_labels_use_the_reports_numbering() {
        let doc = Document::parse(REPORT_TEXT);
        assert_eq!(
            place_label(&doc, Some(Anchor::Point(2, 3))),
            "二、三是 实施城镇提升"
        );
        assert_eq!(place_label(&doc, Some(Anchor::Intro)), INTRO_LABEL);
        assert_eq!(place_label(&doc, None), "标题");
        assert!(place_label(&doc, Some(Anchor::Section(4))).starts_with("四、积极破解瓶颈"));
    }

    #[test]
    fn plain_text_gets_an_intro_only() {
        let outline = Outline::of(&Document::parse("一段没有结构的文字。"));
        assert_eq!(outline.anchors(), [Anchor::Intro]);
    }
}
