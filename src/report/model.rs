//! The document model of a report in this genre: a header (title, subtitle, speaker,
//! salutation, a source notice) with any web-page furniture around it, an introduction, a tree
//! of numbered headings (一、 → （一） → 1. → （1） → ①) and point runs (一是, 第一，) at any
//! level, the closing paragraphs, appendices, and what follows them. Every character of the
//! source lives in exactly one span, in order. Pure: no browser calls.

use super::anchor::Anchor;
use super::inline::{plain_text, source_of, Inline};
use super::numbering::LabelKind;

/// What a block of text is, for the blocks that are not paragraphs of the body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BlockRole {
    #[default]
    Paragraph,
    /// A line about where the text comes from, e.g. "本文系邮箱投稿……".
    Notice,
    Title,
    /// "——在……会议上的讲话", "（2026年1月20日在……）", a second title line.
    Subtitle,
    /// "XX市市长  XXX".
    Speaker,
    /// "各位代表：", "同志们：".
    Salutation,
    /// A web page's chrome copied with the text: "当前位置：", "【字体：大 中 小】", "打印本页".
    Furniture,
    /// A photo caption: "图为……".
    Caption,
    /// The sender and date under a document: "XX市人民政府", "2026年1月20日".
    Signature,
}

impl BlockRole {
    /// Kept for fidelity but not read as the document: never in outlines, overviews or counts.
    pub fn is_aside(self) -> bool {
        matches!(
            self,
            BlockRole::Furniture | BlockRole::Caption | BlockRole::Signature
        )
    }
}

/// A paragraph-like run of spans; its trailing line break (if any) is its last span.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    pub role: BlockRole,
    pub spans: Vec<Inline>,
}

impl Block {
    pub fn plain_text(&self) -> String {
        plain_text(&self.spans)
    }
}

/// What a node holds after its heading line: paragraphs and child nodes, in source order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    Block(Block),
    Node(Node),
}

/// A numbered heading or a point: its label as written, its heading (or lead phrase), the
/// rest of the paragraph it opens, and what follows until the next sibling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub kind: LabelKind,
    /// The number the label says (一 → 1).
    pub number: usize,
    pub anchor: Anchor,
    /// The numbering exactly as in the source, with any indent before it: "一、", "（一）", "三是".
    pub label: String,
    /// The heading after the label, up to and including its closing mark, or to the line's end.
    pub heading: Vec<Inline>,
    /// The rest of the paragraph the heading opens (for a point, its body up to the next point
    /// in the same paragraph).
    pub body: Vec<Inline>,
    pub content: Vec<Content>,
}

impl Node {
    /// The label as displayed: "一、", "三是".
    pub fn label_text(&self) -> &str {
        self.label.trim()
    }

    /// The heading without its closing mark: "科学规划布局，明确城乡发展新坐标".
    pub fn heading_label(&self) -> String {
        trim_end_marks(&plain_text(&self.heading))
    }

    /// The heading's clauses, e.g. ["科学规划布局", "明确城乡发展新坐标"].
    pub fn clauses(&self) -> Vec<String> {
        self.heading_label()
            .split(['，', '；', ','])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect()
    }

    pub fn is_point(&self) -> bool {
        matches!(self.kind, LabelKind::Point(_))
    }

    /// The child nodes, in order.
    pub fn children(&self) -> impl Iterator<Item = &Node> {
        self.content.iter().filter_map(|c| match c {
            Content::Node(n) => Some(n),
            Content::Block(_) => None,
        })
    }

    fn write_source(&self, out: &mut String) {
        out.push_str(&self.label);
        out.push_str(&source_of(&self.heading));
        out.push_str(&source_of(&self.body));
        for c in &self.content {
            match c {
                Content::Block(b) => out.push_str(&source_of(&b.spans)),
                Content::Node(n) => n.write_source(out),
            }
        }
    }

    fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Node)) {
        f(self);
        self.children().for_each(|c| c.walk(f));
    }
}

/// An appendix: its heading line ("附件1：……", "名词解释") and its paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appendix {
    pub number: usize,
    pub heading: Block,
    pub blocks: Vec<Block>,
}

/// A parsed report. Build it with [`Document::parse`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Whitespace before the first line of text.
    pub lead_in: String,
    /// Everything before the introduction: furniture, notice, title, subtitle, speaker, salutation.
    pub front: Vec<Block>,
    pub intro: Vec<Block>,
    /// The top-level nodes of the tree.
    pub parts: Vec<Node>,
    pub closing: Vec<Block>,
    pub appendices: Vec<Appendix>,
    /// What follows the text: signature, furniture.
    pub back: Vec<Block>,
}

impl Document {
    /// The exact source text, rebuilt from the spans.
    pub fn source(&self) -> String {
        let mut out = self.lead_in.clone();
        let blocks = |out: &mut String, blocks: &[Block]| {
            blocks
                .iter()
                .for_each(|b| out.push_str(&source_of(&b.spans)))
        };
        blocks(&mut out, &self.front);
        blocks(&mut out, &self.intro);
        self.parts.iter().for_each(|n| n.write_source(&mut out));
        blocks(&mut out, &self.closing);
        for a in &self.appendices {
            blocks(&mut out, std::slice::from_ref(&a.heading));
            blocks(&mut out, &a.blocks);
        }
        blocks(&mut out, &self.back);
        out
    }

    /// The first header block with `role`.
    pub fn front_block(&self, role: BlockRole) -> Option<&Block> {
        self.front.iter().find(|b| b.role == role)
    }

    pub fn title(&self) -> Option<&Block> {
        self.front_block(BlockRole::Title)
    }

    /// The subtitle lines.
    pub fn subtitles(&self) -> impl Iterator<Item = &Block> {
        self.front.iter().filter(|b| b.role == BlockRole::Subtitle)
    }

    /// Every node, depth first in reading order.
    pub fn nodes(&self) -> Vec<&Node> {
        let mut out = Vec::new();
        self.parts.iter().for_each(|n| n.walk(&mut |x| out.push(x)));
        out
    }

    /// The nodes from the top of the tree down to the one `anchor` names: `#s2-p3` gives
    /// 二、 then its 三是. `None` if it names no node.
    pub fn chain(&self, anchor: Anchor) -> Option<Vec<&Node>> {
        let path = anchor.path()?;
        let mut chain: Vec<&Node> = Vec::with_capacity(path.depth());
        for depth in 1..=path.depth() {
            let mut level: Box<dyn Iterator<Item = &Node>> = match chain.last() {
                Some(parent) => Box::new(parent.children()),
                None => Box::new(self.parts.iter()),
            };
            let n = level.find(|n| {
                n.anchor
                    .path()
                    .is_some_and(|p| p.depth() == depth && path.within(&p))
            })?;
            chain.push(n);
        }
        (!chain.is_empty()).then_some(chain)
    }

    /// The node an anchor names.
    pub fn node(&self, anchor: Anchor) -> Option<&Node> {
        self.chain(anchor)?.last().copied()
    }

    /// The anchors of the report in reading order: intro, every node, closing, appendices.
    pub fn anchors(&self) -> Vec<Anchor> {
        let mut out = Vec::new();
        if !self.intro.is_empty() {
            out.push(Anchor::Intro);
        }
        out.extend(self.nodes().into_iter().map(|n| n.anchor));
        if !self.closing.is_empty() {
            out.push(Anchor::Closing);
        }
        out.extend(
            self.appendices
                .iter()
                .map(|a| Anchor::Appendix(u16::try_from(a.number).unwrap_or(u16::MAX))),
        );
        out
    }

    /// Whether `anchor` names a part this report has.
    pub fn has(&self, anchor: Anchor) -> bool {
        match anchor {
            Anchor::Node(_) => self.node(anchor).is_some(),
            Anchor::Intro => !self.intro.is_empty(),
            Anchor::Closing => !self.closing.is_empty(),
            Anchor::Appendix(n) => (1..=self.appendices.len()).contains(&usize::from(n)),
            // Not a part of the document: the overview sits above it.
            Anchor::Overview => false,
        }
    }
}

/// Sentence and clause marks that may close a heading or lead phrase.
pub const CLOSING_MARKS: [char; 9] = ['。', '！', '？', '；', '：', '.', '!', '?', ';'];

pub fn trim_end_marks(s: &str) -> String {
    s.trim_end_matches(|c: char| CLOSING_MARKS.contains(&c) || c.is_whitespace())
        .trim_start()
        .to_string()
}
