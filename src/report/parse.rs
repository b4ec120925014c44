//! Reads a report of this genre into a [`Document`]. Generic, not tuned to one text:
//!
//! - The header is the short lines at the top before any prose: a notice, the title, subtitle
//!   lines, a speaker line and a salutation (各位代表：), with page furniture around them.
//! - A numbered heading (一、 （一） 1. （1） ①) opens a line; it counts only in order among
//!   its siblings (一、 after 一、's children closes them; （一） restarts under each 一、).
//!   Its heading is the line, or the heading sentence that opens the line.
//! - Points (一是 …, 第一，…) open a paragraph or a sentence inside one, in order; a run is followed
//!   among siblings only, restarts under each heading and ends where its parent ends. A run
//!   whose markers do not each open a sentence (亮点：一是…；二是…) is a list inside its
//!   paragraph and stays there. A point that opens mid-paragraph ends with that paragraph.
//! - The closing is the trailing paragraphs that sum up (下一步…, 各位代表…, 让我们…);
//!   appendices start at 附件 or 名词解释; furniture and signatures at the end follow them.
//!
//! Anything that fits none of this stays a plain paragraph. Never panics; the document's
//! spans always give back the input exactly.

use super::anchor::{Anchor, NodePath, MAX_DEPTH};
use super::furniture::{heads_link_list, is_caption, is_furniture};
use super::inline::{parse_inlines, source_of};
use super::model::{Appendix, Block, BlockRole, Content, Document, Node, CLOSING_MARKS};
use super::numbering::{heading_label, point_label, Label, LabelKind, PointStyle};
use super::numerals;

/// Header lines (notice, title, subtitle) are short; a longer line is body text.
const MAX_HEADER_CHARS: usize = 60;
/// Header lines that are not furniture.
const MAX_HEADER_LINES: usize = 6;
/// Marks that end a sentence: a line ending in one is prose, not a title.
const SENTENCE_ENDS: [char; 6] = ['。', '！', '？', '!', '?', '；'];
/// Marks after which a point may open inside a paragraph.
const SENTENCE_MARKS: [char; 5] = ['。', '！', '？', '!', '?'];
/// Marks that may stand before a point's marker inside a paragraph.
const CLAUSE_MARKS: [char; 12] = [
    '。', '！', '？', '!', '?', '；', ';', '：', ':', '，', ',', '、',
];
/// A marker after one of these is an item of a list inside the paragraph (亮点：一是…；二是…).
const LIST_MARKS: [char; 4] = ['；', ';', '：', ':'];
/// Words that open the paragraphs that close a report.
const CLOSING_CUES: [&str; 17] = [
    "下步",
    "下一步",
    "今后",
    "总之",
    "综上",
    "各位代表",
    "各位委员",
    "同志们",
    "让我们",
    "展望",
    "最后，",
    "以上",
    "新的一年",
    "新征程上",
    "站在新的",
    "谢谢",
    "我们坚信",
];
/// Words of a speaker line: "XX市市长  XXX".
const SPEAKER_WORDS: [&str; 12] = [
    "书记", "市长", "省长", "县长", "区长", "镇长", "主任", "主席", "部长", "厅长", "局长", "代表",
];
/// A salutation names its addressees: "各位代表：", "各区县人民政府，市政府各部门：".
const MAX_SALUTATION_CHARS: usize = 40;
/// A signature line is short: "XX市人民政府", "2026年1月20日".
const MAX_SIGNATURE_CHARS: usize = 25;

struct Line<'a> {
    /// Byte offset of the line in the source.
    start: usize,
    /// The line without surrounding whitespace.
    content: &'a str,
}

impl Document {
    /// Parses `source`. Every input gives a document; see the module docs for the rules.
    pub fn parse(source: &str) -> Document {
        let mut lines = Vec::new();
        let mut start = 0;
        for piece in source.split_inclusive('\n') {
            let content = piece.trim();
            if !content.is_empty() {
                lines.push(Line { start, content });
            }
            start += piece.len();
        }
        // A paragraph is a filled line with the blank lines after it.
        let text_of = |i: usize| -> &str {
            let end = lines.get(i + 1).map_or(source.len(), |l| l.start);
            &source[lines[i].start..end]
        };
        let mut doc = Document {
            lead_in: source[..lines.first().map_or(source.len(), |l| l.start)].to_string(),
            ..Document::default()
        };
        let header = header_roles(&lines);
        for (i, role) in header.iter().enumerate() {
            doc.front.push(block(text_of(i), *role));
        }
        let mut tree = TreeBuilder::default();
        let mut appendices: Vec<Appendix> = Vec::new();
        let mut link_list = false;
        for (i, line) in lines.iter().enumerate().skip(header.len()) {
            let (text, content) = (text_of(i), line.content);
            let in_link_list =
                link_list && content.chars().count() <= 40 && !ends_a_sentence(content);
            let aside = if in_link_list || is_furniture(content) {
                Some(BlockRole::Furniture)
            } else if is_caption(content) {
                Some(BlockRole::Caption)
            } else {
                None
            };
            link_list = heads_link_list(content) || (link_list && aside.is_some());
            if starts_appendix(content) {
                appendices.push(Appendix {
                    number: appendices.len() + 1,
                    heading: block(text, BlockRole::Paragraph),
                    blocks: Vec::new(),
                });
            } else if let Some(a) = appendices.last_mut() {
                a.blocks
                    .push(block(text, aside.unwrap_or(BlockRole::Paragraph)));
            } else if let Some(role) = aside {
                tree.push_block(block(text, role));
            } else {
                tree.paragraph(text, content);
            }
        }
        let (intro, mut parts) = tree.finish();
        doc.intro = intro;
        // What ends the text: furniture after the last appendix, or after the body.
        if let Some(last) = appendices.last_mut() {
            let keep = last.blocks.len() - trailing(&last.blocks, |b| b.role.is_aside());
            doc.back = last.blocks.split_off(keep);
        }
        let tail = take_trailing_blocks(&mut doc.intro, &mut parts, |b| b.role.is_aside());
        let closing = take_closing(&mut doc.intro, &mut parts);
        doc.parts = parts;
        doc.closing = closing;
        if appendices.is_empty() {
            doc.back = tail;
        } else {
            doc.closing.extend(tail);
        }
        doc.appendices = appendices;
        doc
    }
}

fn block(text: &str, role: BlockRole) -> Block {
    Block {
        role,
        spans: parse_inlines(text),
    }
}

fn ends_a_sentence(line: &str) -> bool {
    line.ends_with(SENTENCE_ENDS)
}

fn starts_appendix(line: &str) -> bool {
    let after_fujian = line.strip_prefix("附件").map(|r| {
        let r = r
            .trim_start_matches(|c: char| c.is_ascii_digit() || "０１２３４５６７８９".contains(c));
        let r = numerals::read_prefix(r).map_or(r, |(_, len)| &r[len..]);
        r.is_empty() || r.starts_with(['：', ':', '　', ' '])
    });
    after_fujian == Some(true)
        || line.starts_with("附：")
        || line.starts_with("附录")
        || line.trim_end_matches(['：', ':']) == "名词解释"
}

/// Notice, title, subtitle, speaker and salutation: the short lines at the top, before any
/// prose, with the furniture among them.
fn header_roles(lines: &[Line]) -> Vec<BlockRole> {
    let mut roles = Vec::new();
    let mut filled = 0;
    let is_label = |c: &str| heading_label(c).is_some() || point_label(c).is_some();
    for (i, line) in lines.iter().enumerate() {
        let c = line.content;
        if is_furniture(c) {
            roles.push(BlockRole::Furniture);
            continue;
        }
        if filled >= MAX_HEADER_LINES || c.chars().count() > MAX_HEADER_CHARS || is_label(c) {
            break;
        }
        let has_title = roles.contains(&BlockRole::Title);
        let role =
            if c.chars().count() <= MAX_SALUTATION_CHARS && c.ends_with(['：', ':']) && has_title {
                BlockRole::Salutation
            } else if !has_title && ends_a_sentence(c) {
                // A first line that reads as a sentence is a notice only if a title follows it.
                let next = lines[i + 1..]
                    .iter()
                    .map(|l| l.content)
                    .find(|c| !is_furniture(c));
                let title_follows = next.is_some_and(|n| {
                    n.chars().count() <= MAX_HEADER_CHARS && !ends_a_sentence(n) && !is_label(n)
                });
                if roles.contains(&BlockRole::Notice) || !title_follows {
                    break;
                }
                BlockRole::Notice
            } else if !has_title {
                BlockRole::Title
            } else if ends_a_sentence(c) {
                break;
            } else if c.starts_with("——") || c.starts_with("--") || is_bracketed(c) {
                BlockRole::Subtitle
            } else if c.chars().count() <= 30 && SPEAKER_WORDS.iter().any(|w| c.contains(w)) {
                BlockRole::Speaker
            } else if roles.contains(&BlockRole::Salutation) {
                break;
            } else {
                BlockRole::Subtitle
            };
        roles.push(role);
        filled += 1;
        if role == BlockRole::Salutation {
            break;
        }
    }
    roles
}

fn is_bracketed(c: &str) -> bool {
    (c.starts_with('（') && c.ends_with('）')) || (c.starts_with('(') && c.ends_with(')'))
}

/// The byte length of a heading or lead phrase at the start of `text`: up to and including its
/// first closing mark on the line, or to the line's end. A full stop between digits (1.5) is
/// part of a number.
fn heading_len(text: &str) -> usize {
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' || c == '\r' {
            return i;
        }
        let decimal = c == '.'
            && prev.is_some_and(|p| p.is_ascii_digit())
            && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        if CLOSING_MARKS.contains(&c) && !decimal {
            return i + c.len_utf8();
        }
        prev = Some(c);
    }
    text.len()
}

/// An open node while the tree is built: the node, and whether it opened inside a paragraph
/// (then it ends with that paragraph).
struct Open {
    node: Node,
    inline: bool,
}

#[derive(Default)]
struct TreeBuilder {
    intro: Vec<Block>,
    parts: Vec<Node>,
    /// The open nodes, outermost first.
    stack: Vec<Open>,
}

impl TreeBuilder {
    fn finish(mut self) -> (Vec<Block>, Vec<Node>) {
        self.close_to(0);
        (self.intro, self.parts)
    }

    /// Closes open nodes until `depth` remain.
    fn close_to(&mut self, depth: usize) {
        while self.stack.len() > depth {
            let Some(open) = self.stack.pop() else { break };
            match self.stack.last_mut() {
                Some(parent) => parent.node.content.push(Content::Node(open.node)),
                None => self.parts.push(open.node),
            }
        }
    }

    fn push_block(&mut self, b: Block) {
        match self.stack.last_mut() {
            Some(open) => open.node.content.push(Content::Block(b)),
            None if self.parts.is_empty() => self.intro.push(b),
            // After the tree, nothing is open only when a top-level node was closed; keep the
            // block in the last one.
            None => match self.parts.last_mut() {
                Some(n) => n.content.push(Content::Block(b)),
                None => self.intro.push(b),
            },
        }
    }

    /// The children of the node at stack depth `depth` (0 = the root), open one included.
    fn children_at(&self, depth: usize) -> Vec<&Node> {
        let mut out: Vec<&Node> = match depth {
            0 => self.parts.iter().collect(),
            d => self.stack[d - 1].node.children().collect(),
        };
        if let Some(open) = self.stack.get(depth) {
            out.push(&open.node);
        }
        out
    }

    fn path_at(&self, depth: usize) -> NodePath {
        match depth {
            0 => NodePath::ROOT,
            d => self.stack[d - 1]
                .node
                .anchor
                .path()
                .unwrap_or(NodePath::ROOT),
        }
    }

    /// Where a heading label may go: the stack depth of its parent, if it is in order there.
    /// Its parent is the innermost open heading of an outer level; or, for a list of headings
    /// inside a point (第一，… then （一）…), that point.
    fn heading_place(&self, label: &Label) -> Option<usize> {
        let LabelKind::Heading(level) = label.kind else {
            return None;
        };
        let heading_parent = self
            .stack
            .iter()
            .rposition(|o| matches!(o.node.kind, LabelKind::Heading(l) if l < level))
            .map_or(0, |i| i + 1);
        let point_parent = self
            .stack
            .iter()
            .rposition(|o| o.node.is_point())
            .map(|i| i + 1)
            .filter(|&d| d > heading_parent);
        let in_order = |parent: usize| {
            let previous = self
                .children_at(parent)
                .into_iter()
                .rev()
                .find_map(|n| match n.kind {
                    LabelKind::Heading(l) if l == level => Some(n.number),
                    _ => None,
                });
            match previous {
                Some(p) => label.number == p + 1,
                None => label.number == 1,
            }
        };
        point_parent
            .filter(|&d| in_order(d))
            .or(Some(heading_parent).filter(|&d| in_order(d)))
    }

    /// The number the next point of a `style` run would have, and the stack depth of its
    /// parent: the run among the children of an open node, searched from the innermost out,
    /// never past a heading that is not itself inside a point of that style.
    fn run_next(&self, style: PointStyle) -> Option<(usize, usize)> {
        for depth in (0..=self.stack.len()).rev() {
            let last = self.children_at(depth).into_iter().last();
            if let Some(n) = last.filter(|n| n.kind == LabelKind::Point(style)) {
                return Some((n.number + 1, depth));
            }
            let is_heading = depth > 0 && !self.stack[depth - 1].node.is_point();
            let inside_run = depth > 0
                && self.stack[..depth - 1]
                    .iter()
                    .any(|o| o.node.kind == LabelKind::Point(style));
            if is_heading && !inside_run {
                break;
            }
        }
        None
    }

    /// Where a point of `style` numbered `number` may go: the stack depth of its parent. It
    /// continues a run (see [`Self::run_next`]) or starts one in the innermost open node.
    fn point_place(&self, style: PointStyle, number: usize, allow_root: bool) -> Option<usize> {
        if let Some((next, depth)) = self.run_next(style) {
            if number == next {
                return Some(depth);
            }
        }
        let depth = self.stack.len();
        (number == 1 && (depth > 0 || allow_root)).then_some(depth)
    }

    /// Opens a node under the node at stack depth `parent`, closing what is deeper.
    /// `false` if the tree is too deep there (the caller keeps the label as text).
    fn open(
        &mut self,
        parent: usize,
        kind: LabelKind,
        number: usize,
        label: &str,
        inline: bool,
    ) -> bool {
        if self.path_at(parent).depth() >= MAX_DEPTH {
            return false;
        }
        self.close_to(parent);
        let point = matches!(kind, LabelKind::Point(_));
        let position = self
            .children_at(parent)
            .iter()
            .filter(|n| n.is_point() == point)
            .count()
            + 1;
        let path = self.path_at(parent).child(position, point);
        let Some(path) = path else {
            return false;
        };
        self.stack.push(Open {
            node: Node {
                kind,
                number,
                anchor: Anchor::Node(path),
                label: label.to_string(),
                heading: Vec::new(),
                body: Vec::new(),
                content: Vec::new(),
            },
            inline,
        });
        true
    }

    /// Text that continues the paragraph the innermost node opened, or a new paragraph.
    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.push_block(block(text, BlockRole::Paragraph));
    }

    /// A paragraph of the body.
    fn paragraph(&mut self, text: &str, content: &str) {
        let indent = text.len() - text.trim_start().len();
        let heading = heading_label(content).and_then(|l| Some((l, self.heading_place(&l)?)));
        let point = point_label(content).and_then(|l| {
            let LabelKind::Point(style) = l.kind else {
                return None;
            };
            // At the top level only paragraphs opened by 第一，… make points.
            let root = style == PointStyle::Di;
            Some((l, self.point_place(style, l.number, root)?))
        });
        let opened = heading.or(point);
        let Some((label, parent)) = opened else {
            self.place_inline(text, None);
            self.close_inline();
            return;
        };
        let label_end = indent + label.len;
        if !self.open(parent, label.kind, label.number, &text[..label_end], false) {
            self.place_inline(text, None);
            self.close_inline();
            return;
        }
        let rest = &text[label_end..];
        let head = heading_len(rest);
        if let Some(open) = self.stack.last_mut() {
            open.node.heading = parse_inlines(&rest[..head]);
        }
        self.place_inline(&rest[head..], Some(()));
        self.close_inline();
    }

    /// Places the rest of a paragraph: text, and the points that open sentences in it. The
    /// first stretch is the body of the node just opened (`opened`), or a paragraph.
    fn place_inline(&mut self, text: &str, opened: Option<()>) {
        let markers = self.inline_run(text);
        let first = markers.first().map_or(text.len(), |m| m.0);
        match (opened, self.stack.last_mut()) {
            (Some(()), Some(open)) => open.node.body = parse_inlines(&text[..first]),
            _ => self.push_text(&text[..first]),
        }
        for (k, &(at, label)) in markers.iter().enumerate() {
            let end = markers.get(k + 1).map_or(text.len(), |m| m.0);
            let LabelKind::Point(style) = label.kind else {
                continue;
            };
            let opened = self
                .point_place(style, label.number, false)
                .is_some_and(|parent| {
                    self.open(
                        parent,
                        label.kind,
                        label.number,
                        &text[at..at + label.len],
                        true,
                    )
                });
            if !opened {
                self.append_body(&text[at..end]);
                continue;
            }
            let rest = &text[at + label.len..end];
            let head = heading_len(rest);
            if let Some(open) = self.stack.last_mut() {
                open.node.heading = parse_inlines(&rest[..head]);
                open.node.body = parse_inlines(&rest[head..]);
            }
        }
    }

    /// More text of the paragraph the innermost node opened.
    fn append_body(&mut self, text: &str) {
        match self.stack.last_mut() {
            Some(open) => {
                let mut source = source_of(&open.node.body);
                source.push_str(text);
                open.node.body = parse_inlines(&source);
            }
            None => self.push_text(text),
        }
    }

    /// Points opened inside a paragraph end with it.
    fn close_inline(&mut self) {
        let keep = self
            .stack
            .iter()
            .position(|o| o.inline)
            .unwrap_or(self.stack.len());
        self.close_to(keep);
    }

    /// The 一是 … 二是 … markers of a run that continues or starts in `text`, each opening a
    /// sentence; none if the run is a list inside the paragraph (a marker after ：or ；).
    fn inline_run(&self, text: &str) -> Vec<(usize, Label)> {
        if self.stack.is_empty() {
            return Vec::new();
        }
        let mut expected = self.run_next(PointStyle::Shi).map_or(1, |(next, _)| next);
        let mut found = Vec::new();
        let mut list = false;
        let mut from = 0;
        while let Some(numeral) = numerals::to_chinese(expected) {
            let marker = format!("{numeral}是");
            let hit = text[from..]
                .match_indices(marker.as_str())
                .map(|(i, _)| from + i)
                .find(|&at| {
                    // The whole numeral: "十一是" is not "一是". The start of `text` follows a
                    // heading sentence, which ends with its mark.
                    let before = text[..at].chars().next_back();
                    before.is_none_or(|c| CLAUSE_MARKS.contains(&c) || c.is_whitespace())
                });
            let Some(at) = hit else { break };
            // A first point may follow a comma ("我们坚持规划先行，一是…"); a later one opens a
            // sentence, and none follows ： or ；.
            let before = text[..at].trim_end().chars().next_back();
            let opens_sentence = before.is_none_or(|c| SENTENCE_MARKS.contains(&c));
            let after_comma = before.is_some_and(|c| matches!(c, '，' | ','));
            if before.is_some_and(|c| LIST_MARKS.contains(&c))
                || !(opens_sentence || (after_comma && found.is_empty()))
            {
                list = true;
            }
            found.push((
                at,
                Label {
                    kind: LabelKind::Point(PointStyle::Shi),
                    number: expected,
                    len: marker.len(),
                },
            ));
            from = at + marker.len();
            expected += 1;
        }
        if list {
            Vec::new()
        } else {
            found
        }
    }
}

/// How many blocks at the end of `blocks` satisfy `pred`.
fn trailing(blocks: &[Block], pred: impl Fn(&Block) -> bool) -> usize {
    blocks.iter().rev().take_while(|b| pred(b)).count()
}

/// Where the text ends: the introduction, or the deepest last node of the tree.
enum Tail<'a> {
    Intro(&'a mut Vec<Block>),
    Node {
        node: &'a mut Node,
        top: bool,
    },
    /// Never made: the tree ends in a node whose content ends in a node.
    Nothing,
}

fn tail<'a>(intro: &'a mut Vec<Block>, parts: &'a mut [Node]) -> Tail<'a> {
    match parts.last_mut() {
        Some(node) => deepest(node, true),
        None => Tail::Intro(intro),
    }
}

fn deepest(node: &mut Node, top: bool) -> Tail<'_> {
    if !matches!(node.content.last(), Some(Content::Node(_))) {
        return Tail::Node { node, top };
    }
    match node.content.last_mut() {
        Some(Content::Node(child)) => deepest(child, false),
        _ => Tail::Nothing,
    }
}

impl Tail<'_> {
    /// How many blocks at the end satisfy `pred`.
    fn count(&self, pred: impl Fn(&Block) -> bool) -> usize {
        match self {
            Tail::Intro(blocks) => trailing(blocks, pred),
            Tail::Nothing => 0,
            Tail::Node { node, .. } => node
                .content
                .iter()
                .rev()
                .take_while(|c| matches!(c, Content::Block(b) if pred(b)))
                .count(),
        }
    }

    /// The `n`th block from the end (0 = the last).
    fn nth_last(&self, n: usize) -> Option<&Block> {
        match self {
            Tail::Intro(blocks) => blocks.iter().rev().nth(n),
            Tail::Nothing => None,
            Tail::Node { node, .. } => match node.content.iter().rev().nth(n) {
                Some(Content::Block(b)) => Some(b),
                _ => None,
            },
        }
    }

    /// Takes the last `n` blocks, in order.
    fn take(&mut self, n: usize) -> Vec<Block> {
        match self {
            Tail::Intro(blocks) => {
                let keep = blocks.len().saturating_sub(n);
                blocks.split_off(keep)
            }
            Tail::Nothing => Vec::new(),
            Tail::Node { node, .. } => {
                let keep = node.content.len().saturating_sub(n);
                node.content
                    .split_off(keep)
                    .into_iter()
                    .filter_map(|c| match c {
                        Content::Block(b) => Some(b),
                        Content::Node(_) => None,
                    })
                    .collect()
            }
        }
    }

    /// Whether the last `n` blocks would leave the text empty.
    fn is_all(&self, n: usize) -> bool {
        matches!(self, Tail::Intro(blocks) if blocks.len() <= n)
    }

    /// Whether the blocks at the end follow, directly in a top-level node, points that ran
    /// inside its paragraphs (the seed's shape: the last section's points, then one paragraph).
    fn after_inline_points(&self, n: usize) -> bool {
        match self {
            Tail::Node { node, top: true } => {
                let before = node.content.len().checked_sub(n + 1);
                matches!(before.and_then(|i| node.content.get(i)),
                    Some(Content::Node(c)) if c.is_point() && c.content.is_empty())
            }
            _ => false,
        }
    }
}

/// Takes the blocks at the very end of the text that satisfy `pred`, in order.
fn take_trailing_blocks(
    intro: &mut Vec<Block>,
    parts: &mut [Node],
    pred: impl Fn(&Block) -> bool,
) -> Vec<Block> {
    let mut t = tail(intro, parts);
    let n = t.count(pred);
    t.take(n)
}

fn opens_closing(b: &Block) -> bool {
    let text = b.plain_text();
    let text = text.trim_start();
    b.role == BlockRole::Paragraph && CLOSING_CUES.iter().any(|c| text.starts_with(c))
}

fn is_signature(b: &Block) -> bool {
    let t = b.plain_text();
    let t = t.trim();
    b.role == BlockRole::Paragraph
        && t.chars().count() <= MAX_SIGNATURE_CHARS
        && !t.contains(['。', '！', '？', '；', '，', '：', ',', '!', '?', ';'])
}

/// The paragraphs that close the report: from the first trailing paragraph that sums up
/// (下一步…, 各位代表…) to the end; or, in a last section whose points ran inside its
/// paragraphs, the one paragraph after them. The sender and date under them go with them.
fn take_closing(intro: &mut Vec<Block>, parts: &mut [Node]) -> Vec<Block> {
    let mut t = tail(intro, parts);
    let signed = t.count(is_signature);
    let signature = if (1..=3).contains(&signed) && !t.is_all(signed) {
        let mut s = t.take(signed);
        s.iter_mut().for_each(|b| b.role = BlockRole::Signature);
        s
    } else {
        Vec::new()
    };
    let t = tail(intro, parts);
    let paragraphs = t.count(|b| b.role == BlockRole::Paragraph || b.role.is_aside());
    // The earliest paragraph, counted from the end, that opens a closing.
    let cue = (0..paragraphs)
        .rev()
        .find(|&k| t.nth_last(k).is_some_and(opens_closing))
        .map(|k| k + 1);
    let n = match cue {
        Some(n) => n,
        None if paragraphs >= 1 && t.after_inline_points(1) => 1,
        None => 0,
    };
    // Never the whole text: an introduction keeps its first paragraph.
    let n = if t.is_all(n) { n.saturating_sub(1) } else { n };
    let mut t = t;
    let mut closing = t.take(n);
    closing.extend(signature);
    closing
}
