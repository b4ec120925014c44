//! The outline (提纲): introduction, the tree of headings and points at every level, closing
//! and appendices, each with a label taken from the report's own words and numbering.
//! Pure: no browser calls.

use crate::report::{Anchor, Document, Node};

/// One line of the outline, with the nodes inside it as children.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineItem {
    pub anchor: Anchor,
    /// The report's own numbering ("一、", "（一）", "三是"), empty for intro and closing.
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
pub const APPENDIX_LABEL: &str = "附件";

impl OutlineItem {
    fn of(node: &Node) -> OutlineItem {
        OutlineItem {
            anchor: node.anchor,
            ordinal: node.label_text().to_string(),
            label: node.heading_label(),
            children: node.children().map(OutlineItem::of).collect(),
        }
    }

    fn walk<'a>(&'a self, out: &mut Vec<&'a OutlineItem>) {
        out.push(self);
        self.children.iter().for_each(|c| c.walk(out));
    }
}

impl Outline {
    pub fn of(doc: &Document) -> Outline {
        let mut items = Vec::new();
        if !doc.intro.is_empty() {
            items.push(leaf(Anchor::Intro, "", INTRO_LABEL));
        }
        items.extend(doc.parts.iter().map(OutlineItem::of));
        if !doc.closing.is_empty() {
            items.push(leaf(Anchor::Closing, "", CLOSING_LABEL));
        }
        for a in &doc.appendices {
            let anchor = Anchor::Appendix(u16::try_from(a.number).unwrap_or(u16::MAX));
            let title = a.heading.plain_text();
            let label = title.trim();
            let label = if label.is_empty() {
                APPENDIX_LABEL
            } else {
                label
            };
            items.push(leaf(anchor, "", label));
        }
        Outline { items }
    }

    /// Every item, depth first in reading order.
    pub fn all(&self) -> Vec<&OutlineItem> {
        let mut out = Vec::new();
        self.items.iter().for_each(|i| i.walk(&mut out));
        out
    }

    /// Every anchor in the outline, in reading order.
    pub fn anchors(&self) -> Vec<Anchor> {
        self.all().into_iter().map(|i| i.anchor).collect()
    }

    /// The item for `anchor`, at any depth.
    pub fn find(&self, anchor: Anchor) -> Option<&OutlineItem> {
        self.all().into_iter().find(|i| i.anchor == anchor)
    }
}

/// The labels of the nodes from the top down to `anchor`'s: ["二、", "三是"].
fn ordinals(doc: &Document, anchor: Anchor) -> Option<Vec<&str>> {
    Some(
        doc.chain(anchor)?
            .into_iter()
            .map(Node::label_text)
            .collect(),
    )
}

/// A short place label for compact lists: "二、三是", "一、", "引言".
pub fn short_place(doc: &Document, anchor: Option<Anchor>) -> String {
    match anchor {
        Some(a @ Anchor::Node(_)) => ordinals(doc, a).map(|c| c.concat()).unwrap_or_default(),
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
        Some(Anchor::Appendix(n)) => doc
            .appendices
            .get(usize::from(n).saturating_sub(1))
            .map(|a| a.heading.plain_text().trim().to_string())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| APPENDIX_LABEL.to_string()),
        Some(a @ Anchor::Node(_)) => {
            let Some(chain) = doc.chain(a) else {
                return String::new();
            };
            let labels: String = chain.iter().map(|n| n.label_text()).collect();
            let gap = if chain.len() > 1 { " " } else { "" };
            let heading = chain.last().map(|n| n.heading_label()).unwrap_or_default();
            format!("{labels}{gap}{heading}")
        }
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
            outline.find(Anchor::point(3, 3)).map(|i| i.label.as_str()),
            Some("有效维护农民“三权”")
        );
        assert!(outline.find(Anchor::point(3, 4)).is_none());
    }

    #[test]
    fn place_labels_use_the_reports_numbering() {
        let doc = Document::parse(REPORT_TEXT);
        assert_eq!(
            place_label(&doc, Some(Anchor::point(2, 3))),
            "二、三是 实施城镇提升"
        );
        assert_eq!(place_label(&doc, Some(Anchor::Intro)), INTRO_LABEL);
        assert_eq!(place_label(&doc, None), "标题");
        assert!(place_label(&doc, Some(Anchor::section(4))).starts_with("四、积极破解瓶颈"));
    }

    #[test]
    fn plain_text_gets_an_intro_only() {
        let outline = Outline::of(&Document::parse("一段没有结构的文字。"));
        assert_eq!(outline.anchors(), [Anchor::Intro]);
    }
}
