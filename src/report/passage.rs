//! Passages: the report as a list of text units in reading order (title, each paragraph,
//! each heading, each heading's lead, each point), each with its visible text and the pieces
//! it is made of. Search, the glossary and sentence links all address text as (passage, byte
//! range), and the reader renders passages from [`Passage::runs`] in the order of a
//! [`Layout`]. Pure: no browser calls.

use super::anchor::Anchor;
use super::inline::{Inline, QUOTE_CLOSE, QUOTE_OPEN};
use super::model::{Block, BlockRole, Content, Document, Node};
use super::numbering::{LabelKind, Numbering};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassageKind {
    Notice,
    Title,
    Subtitle,
    Speaker,
    Salutation,
    Paragraph,
    /// A numbered heading set as a heading (一、, （一）, or any heading at the top level).
    Heading,
    /// The rest of a heading's line.
    SectionLead,
    /// A point or a deeper numbered heading, set run-in: label, lead phrase, body.
    Point,
    AppendixHeading,
    /// Kept for fidelity, shown folded and dim, never read as the document.
    Furniture,
    Caption,
    Signature,
}

impl PassageKind {
    /// Whether the passage is part of the document's text proper: not page furniture, a
    /// caption or a signature.
    pub fn is_text(self) -> bool {
        !matches!(
            self,
            PassageKind::Furniture | PassageKind::Caption | PassageKind::Signature
        )
    }

    /// Whether the passage is body text (not a header line, a heading or an aside): where
    /// the timeline, figures and honours are read from.
    pub fn is_body(self) -> bool {
        matches!(
            self,
            PassageKind::Paragraph | PassageKind::SectionLead | PassageKind::Point
        )
    }

    fn of_role(role: BlockRole) -> PassageKind {
        match role {
            BlockRole::Paragraph => PassageKind::Paragraph,
            BlockRole::Notice => PassageKind::Notice,
            BlockRole::Title => PassageKind::Title,
            BlockRole::Subtitle => PassageKind::Subtitle,
            BlockRole::Speaker => PassageKind::Speaker,
            BlockRole::Salutation => PassageKind::Salutation,
            BlockRole::Furniture => PassageKind::Furniture,
            BlockRole::Caption => PassageKind::Caption,
            BlockRole::Signature => PassageKind::Signature,
        }
    }
}

/// How the reader lays a node out, with the passages it is drawn from, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeLayout {
    pub anchor: Anchor,
    /// 1 for a top-level node.
    pub depth: usize,
    /// Set as a heading (then its first passage is the heading), or run-in like a point.
    pub as_heading: bool,
    pub items: Vec<LayoutItem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayoutItem {
    Passage(usize),
    Node(NodeLayout),
}

/// The report's parts and the passages each is drawn from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub front: Vec<usize>,
    pub intro: Vec<usize>,
    pub parts: Vec<NodeLayout>,
    pub closing: Vec<usize>,
    pub appendices: Vec<(Anchor, Vec<usize>)>,
    pub back: Vec<usize>,
}

/// How a piece is set: plain, the report's own numbering, a point's lead phrase, or the
/// marker of an item of a list inside a paragraph (亮点：一是…；二是…), which starts a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceStyle {
    Plain,
    Ordinal,
    Lead,
    ListMarker,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    Text,
    Redaction,
    Break,
}

/// A stretch of a passage's text with one kind and style; byte offsets into `Passage::text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub kind: PieceKind,
    pub style: PieceStyle,
    /// Which quoted term (counted within the passage) this piece belongs to, quote marks included.
    pub quote: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Position in reading order.
    pub index: usize,
    pub kind: PassageKind,
    /// The part it belongs to; `None` for the notice, title and subtitle.
    pub anchor: Option<Anchor>,
    pub text: String,
    pub pieces: Vec<Piece>,
}

/// A highlighted byte range of a passage, drawn as `<mark>` in the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: MarkKind,
}

/// Later kinds win where marks overlap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkKind {
    Hit,
    Flash,
    CurrentHit,
}

/// A glossary term's occurrence: byte range and glossary index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GlossRange {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

/// A reader's highlight over a byte range; `note` indexes the caller's list of notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoteMark {
    pub start: usize,
    pub end: usize,
    pub note: usize,
}

/// The smallest unit the reader renders: one piece, or part of one, with what covers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    pub kind: PieceKind,
    pub style: PieceStyle,
    pub quote: Option<usize>,
    pub gloss: Option<usize>,
    pub mark: Option<MarkKind>,
    /// The highlight covering this run, if any (the earliest-starting one where they overlap).
    pub note: Option<usize>,
}

impl Passage {
    /// Splits the passage where pieces, glossary terms or marks begin or end. A redaction is
    /// never split: a mark touching any of it marks all of it. Trailing breaks are dropped.
    pub fn runs(&self, marks: &[Mark], glosses: &[GlossRange], notes: &[NoteMark]) -> Vec<Run> {
        let end = self
            .pieces
            .iter()
            .rposition(|p| p.kind != PieceKind::Break)
            .map_or(0, |i| i + 1);
        let mut runs = Vec::new();
        for piece in &self.pieces[..end] {
            let mut cuts = vec![piece.start, piece.end];
            if piece.kind == PieceKind::Text {
                let inside = |x: usize| x > piece.start && x < piece.end;
                for m in marks {
                    cuts.extend([m.start, m.end].into_iter().filter(|&x| inside(x)));
                }
                for g in glosses {
                    cuts.extend([g.start, g.end].into_iter().filter(|&x| inside(x)));
                }
                for n in notes {
                    cuts.extend([n.start, n.end].into_iter().filter(|&x| inside(x)));
                }
            }
            crate::order::sort(&mut cuts);
            cuts.dedup();
            for w in cuts.windows(2) {
                let (a, b) = (w[0], w[1]);
                let overlaps = |s: usize, e: usize| s < b && e > a;
                runs.push(Run {
                    start: a,
                    end: b,
                    kind: piece.kind,
                    style: piece.style,
                    quote: piece.quote,
                    gloss: glosses
                        .iter()
                        .find(|g| g.start <= a && g.end >= b)
                        .map(|g| g.entry),
                    mark: marks
                        .iter()
                        .filter(|m| overlaps(m.start, m.end))
                        .map(|m| m.kind)
                        .max(),
                    note: notes
                        .iter()
                        .filter(|n| overlaps(n.start, n.end))
                        .min_by_key(|n| n.start)
                        .map(|n| n.note),
                });
            }
        }
        runs
    }

    /// The byte offset in `text` of a position counted in UTF-16 units of the rendered text
    /// (the DOM's count: line breaks are drawn as `<br>` and have no text).
    pub fn byte_at_rendered_utf16(&self, units: usize) -> usize {
        let mut seen = 0;
        for piece in self.pieces.iter().filter(|p| p.kind != PieceKind::Break) {
            for (i, c) in self.text[piece.start..piece.end].char_indices() {
                if seen >= units {
                    return piece.start + i;
                }
                seen += c.len_utf16();
            }
            if seen >= units {
                return piece.end;
            }
        }
        self.pieces
            .iter()
            .rfind(|p| p.kind != PieceKind::Break)
            .map_or(0, |p| p.end)
    }

    /// Where each rendered character starts, for [`RenderedUtf16::at_byte`]: made once per
    /// passage, it turns any number of bytes into rendered positions.
    pub fn rendered_utf16(&self) -> RenderedUtf16 {
        let mut starts = Vec::new();
        let mut before = vec![0];
        let mut seen = 0;
        for piece in self.pieces.iter().filter(|p| p.kind != PieceKind::Break) {
            for (i, c) in self.text[piece.start..piece.end].char_indices() {
                starts.push(piece.start + i);
                seen += c.len_utf16();
                before.push(seen);
            }
        }
        RenderedUtf16 { starts, before }
    }

    /// The text of a byte range (empty if the range is not on character boundaries).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }
}

/// A passage's rendered characters (line breaks have none), to turn many byte offsets into
/// UTF-16 positions of the page's text: one walk over the text, then a search per offset
/// (a passage with hundreds of highlights walked its text twice for each).
pub struct RenderedUtf16 {
    /// The byte where each rendered character starts, in order.
    starts: Vec<usize>,
    /// UTF-16 units before each character, and after the last one.
    before: Vec<usize>,
}

impl RenderedUtf16 {
    /// The position of byte `byte` counted in UTF-16 units of the rendered text: the inverse
    /// of [`Passage::byte_at_rendered_utf16`], where the marks drawn over the page's text
    /// nodes start and end. A byte inside a character or a line break counts up to it (the
    /// units of the rendered characters that start before it).
    pub fn at_byte(&self, byte: usize) -> usize {
        self.before[self.starts.partition_point(|&s| s < byte)]
    }
}

/// Every passage of the document, in reading order.
pub fn passages(doc: &Document) -> Vec<Passage> {
    passages_and_layout(doc).0
}

/// Every passage of the document, in reading order, and the layout that places them.
pub fn passages_and_layout(doc: &Document) -> (Vec<Passage>, Layout) {
    let mut out = Passages::default();
    let mut layout = Layout::default();
    let plain = PieceStyle::Plain;
    for b in &doc.front {
        let i = out.push(PassageKind::of_role(b.role), None, &[(&b.spans, plain)]);
        layout.front.push(i);
    }
    layout.intro = out.blocks(&doc.intro, Anchor::Intro);
    layout.parts = doc.parts.iter().map(|n| out.node(n, 1)).collect();
    layout.closing = out.blocks(&doc.closing, Anchor::Closing);
    for a in &doc.appendices {
        let anchor = Anchor::Appendix(u16::try_from(a.number).unwrap_or(u16::MAX));
        let head = out.push(
            PassageKind::AppendixHeading,
            Some(anchor),
            &[(&a.heading.spans, plain)],
        );
        let mut items = vec![head];
        items.extend(out.blocks(&a.blocks, anchor));
        layout.appendices.push((anchor, items));
    }
    for b in &doc.back {
        let i = out.push(PassageKind::of_role(b.role), None, &[(&b.spans, plain)]);
        layout.back.push(i);
    }
    (out.list, layout)
}

/// Whether a node is set as a heading: the two outer levels, or any heading at the top.
fn as_heading(node: &Node, depth: usize) -> bool {
    match node.kind {
        LabelKind::Heading(Numbering::Chinese | Numbering::ParenChinese) => true,
        LabelKind::Heading(_) => depth == 1,
        LabelKind::Point(_) => false,
    }
}

#[derive(Default)]
struct Passages {
    list: Vec<Passage>,
}

impl Passages {
    fn push(
        &mut self,
        kind: PassageKind,
        anchor: Option<Anchor>,
        parts: &[(&[Inline], PieceStyle)],
    ) -> usize {
        let mut builder = Builder::default();
        for (spans, style) in parts {
            builder.spans(spans, *style);
        }
        let index = self.list.len();
        let mut passage = Passage {
            index,
            kind,
            anchor,
            text: builder.text,
            pieces: builder.pieces,
        };
        if kind.is_body() {
            mark_inline_lists(&mut passage);
        }
        self.list.push(passage);
        index
    }

    fn blocks(&mut self, blocks: &[Block], anchor: Anchor) -> Vec<usize> {
        blocks
            .iter()
            .map(|b| {
                self.push(
                    PassageKind::of_role(b.role),
                    Some(anchor),
                    &[(&b.spans, PieceStyle::Plain)],
                )
            })
            .collect()
    }

    fn node(&mut self, node: &Node, depth: usize) -> NodeLayout {
        let anchor = Some(node.anchor);
        let label = [Inline::Text(node.label.trim_start().to_string())];
        let heading = as_heading(node, depth);
        let mut items = Vec::new();
        if heading {
            items.push(self.push(
                PassageKind::Heading,
                anchor,
                &[
                    (&label, PieceStyle::Ordinal),
                    (&node.heading, PieceStyle::Plain),
                ],
            ));
            if node.body.iter().any(|i| !i.source().trim().is_empty()) {
                items.push(self.push(
                    PassageKind::SectionLead,
                    anchor,
                    &[(&node.body, PieceStyle::Plain)],
                ));
            }
        } else {
            items.push(self.push(
                PassageKind::Point,
                anchor,
                &[
                    (&label, PieceStyle::Ordinal),
                    (&node.heading, PieceStyle::Lead),
                    (&node.body, PieceStyle::Plain),
                ],
            ));
        }
        let mut items: Vec<LayoutItem> = items.into_iter().map(LayoutItem::Passage).collect();
        for c in &node.content {
            match c {
                Content::Block(b) => {
                    let i = self.push(
                        PassageKind::of_role(b.role),
                        anchor,
                        &[(&b.spans, PieceStyle::Plain)],
                    );
                    items.push(LayoutItem::Passage(i));
                }
                Content::Node(n) => items.push(LayoutItem::Node(self.node(n, depth + 1))),
            }
        }
        NodeLayout {
            anchor: node.anchor,
            depth,
            as_heading: heading,
            items,
        }
    }
}

/// The markers of lists inside a paragraph: a run 一是, 二是, … in order, each after a clause
/// mark, one of them after ： or ； (the parser made points of runs that open sentences; what
/// is left is a list). Byte ranges into `text`.
pub fn inline_list_markers(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    loop {
        let mut run: Vec<(usize, usize)> = Vec::new();
        let mut listy = false;
        let mut at = from;
        for n in 1.. {
            let Some(numeral) = super::numerals::to_chinese(n) else {
                break;
            };
            let marker = format!("{numeral}是");
            let hit = text[at..]
                .match_indices(marker.as_str())
                .map(|(i, _)| at + i)
                .find(|&i| {
                    text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| "：；，。:;,".contains(c))
                });
            let Some(i) = hit else { break };
            listy |= text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| "：；:;".contains(c));
            run.push((i, i + marker.len()));
            at = i + marker.len();
        }
        if run.is_empty() {
            break;
        }
        from = at;
        if run.len() >= 2 && listy {
            out.extend(run);
        }
    }
    out
}

/// Gives the markers of lists inside the passage's plain text their own pieces.
fn mark_inline_lists(p: &mut Passage) {
    let markers = inline_list_markers(&p.text);
    if markers.is_empty() {
        return;
    }
    let mut pieces = Vec::with_capacity(p.pieces.len() + 2 * markers.len());
    for piece in &p.pieces {
        let inside: Vec<&(usize, usize)> = markers
            .iter()
            .filter(|(s, e)| *s >= piece.start && *e <= piece.end)
            .collect();
        if inside.is_empty() || piece.kind != PieceKind::Text || piece.style != PieceStyle::Plain {
            pieces.push(*piece);
            continue;
        }
        let mut at = piece.start;
        for &&(s, e) in &inside {
            if s > at {
                pieces.push(Piece {
                    start: at,
                    end: s,
                    ..*piece
                });
            }
            pieces.push(Piece {
                start: s,
                end: e,
                style: PieceStyle::ListMarker,
                ..*piece
            });
            at = e;
        }
        if at < piece.end {
            pieces.push(Piece {
                start: at,
                end: piece.end,
                ..*piece
            });
        }
    }
    p.pieces = pieces;
}

#[derive(Default)]
struct Builder {
    text: String,
    pieces: Vec<Piece>,
    quotes: usize,
}

impl Builder {
    fn spans(&mut self, spans: &[Inline], style: PieceStyle) {
        for span in spans {
            match span {
                Inline::Text(s) => self.piece(s, PieceKind::Text, style, None),
                Inline::Redaction(s) => self.piece(s, PieceKind::Redaction, style, None),
                Inline::Break(s) => self.piece(s, PieceKind::Break, style, None),
                Inline::Quote(inner) => {
                    let q = Some(self.quotes);
                    self.quotes += 1;
                    self.piece(&QUOTE_OPEN.to_string(), PieceKind::Text, style, q);
                    for i in inner {
                        let (s, kind) = match i {
                            Inline::Redaction(s) => (s, PieceKind::Redaction),
                            Inline::Break(s) => (s, PieceKind::Break),
                            Inline::Text(s) => (s, PieceKind::Text),
                            // Quotes do not nest (the tokenizer never makes one).
                            Inline::Quote(_) => continue,
                        };
                        self.piece(s, kind, style, q);
                    }
                    self.piece(&QUOTE_CLOSE.to_string(), PieceKind::Text, style, q);
                }
            }
        }
    }

    fn piece(&mut self, s: &str, kind: PieceKind, style: PieceStyle, quote: Option<usize>) {
        if s.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(s);
        self.pieces.push(Piece {
            start,
            end: self.text.len(),
            kind,
            style,
            quote,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::REPORT_TEXT;

    fn seed() -> Vec<Passage> {
        passages(&Document::parse(REPORT_TEXT))
    }

    #[test]
    fn passages_cover_the_text_in_order() {
        let ps = seed();
        let joined: String = ps.iter().map(|p| p.text.as_str()).collect();
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(strip(&joined), strip(REPORT_TEXT));
        assert!(ps.iter().enumerate().all(|(i, p)| p.index == i));
        assert_eq!(
            ps.iter().filter(|p| p.kind == PassageKind::Point).count(),
            13
        );
        assert_eq!(
            ps.iter().filter(|p| p.kind == PassageKind::Heading).count(),
            4
        );
    }

    #[test]
    fn pieces_are_contiguous() {
        for p in seed() {
            let mut at = 0;
            for piece in &p.pieces {
                assert_eq!(piece.start, at);
                at = piece.end;
            }
            assert_eq!(at, p.text.len());
        }
    }

    #[test]
    fn a_point_starts_with_its_marker_then_its_lead() {
        let ps = seed();
        let p = ps
            .iter()
            .find(|p| p.anchor == Some(Anchor::point(2, 3)))
            .unwrap();
        assert_eq!(p.pieces[0].style, PieceStyle::Ordinal);
        assert_eq!(p.slice(p.pieces[0].start, p.pieces[0].end), "三是");
        assert_eq!(p.pieces[1].style, PieceStyle::Lead);
        assert_eq!(
            p.slice(p.pieces[1].start, p.pieces[1].end),
            "实施城镇提升。"
        );
    }

    fn passage(text: &str) -> Passage {
        let doc = Document::parse(text);
        passages(&doc).remove(0)
    }

    #[test]
    fn runs_split_at_marks_and_glosses() {
        let p = passage("我们破解“三农”难题，很长的一段正文文字在这里继续写下去，直到超过标题长度的限制为止，好让它成为正文段落。");
        let at = |s: &str| p.text.find(s).unwrap();
        let gloss = GlossRange {
            start: at("三农"),
            end: at("三农") + "三农".len(),
            entry: 7,
        };
        let mark = Mark {
            start: at("破解"),
            end: at("破解") + "破解".len(),
            kind: MarkKind::Hit,
        };
        let runs = p.runs(&[mark], &[gloss], &[]);
        let texts: Vec<&str> = runs.iter().map(|r| p.slice(r.start, r.end)).collect();
        assert_eq!(texts[..6], ["我们", "破解", "“", "三农", "”", "难题，很长的一段正文文字在这里继续写下去，直到超过标题长度的限制为止，好让它成为正文段落。"][..6]);
        assert_eq!(runs[1].mark, Some(MarkKind::Hit));
        assert_eq!(runs[3].gloss, Some(7));
        assert_eq!(runs[3].quote, Some(0));
        assert_eq!(runs[2].gloss, None);
        let joined: String = texts.concat();
        assert_eq!(joined, p.text);
    }

    #[test]
    fn a_redaction_is_marked_whole_and_never_split() {
        let p = passage("辖XX个街道，这是一段足够长的正文文字，用来让它不被当作标题来读，所以继续写很多很多很多字。");
        let start = p.text.find("XX").unwrap();
        let mark = Mark {
            start: start + 1,
            end: start + 3,
            kind: MarkKind::CurrentHit,
        };
        let runs = p.runs(&[mark], &[], &[]);
        let chip = runs
            .iter()
            .find(|r| r.kind == PieceKind::Redaction)
            .unwrap();
        assert_eq!(p.slice(chip.start, chip.end), "XX");
        assert_eq!(chip.mark, Some(MarkKind::CurrentHit));
    }

    #[test]
    fn note_highlights_split_runs_and_cover_whole_chips() {
        let p = passage("辖XX个街道，这是一段足够长的正文文字，用来让它不被当作标题来读，所以继续写很多很多很多字。");
        let chip = p.text.find("XX").unwrap();
        let notes = [NoteMark {
            start: 0,
            end: chip + 1,
            note: 4,
        }];
        let runs = p.runs(&[], &[], &notes);
        let covered: String = runs
            .iter()
            .filter(|r| r.note == Some(4))
            .map(|r| p.slice(r.start, r.end))
            .collect();
        assert_eq!(covered, "辖XX");
        assert!(runs.iter().any(|r| r.note.is_none()));
    }

    #[test]
    fn rendered_utf16_offsets_map_to_bytes() {
        let doc = Document::parse("一、标题，说明。第一行𝒳\n第二行XX结束。\n");
        let p = passages(&doc)
            .into_iter()
            .find(|p| p.text.contains("第二行"))
            .unwrap();
        assert!(p.pieces.iter().any(|x| x.kind == PieceKind::Break));
        let rendered: String = p
            .pieces
            .iter()
            .filter(|x| x.kind != PieceKind::Break)
            .map(|x| p.slice(x.start, x.end))
            .collect();
        let units = |s: &str| s.encode_utf16().count();
        let at = rendered.find("第二行").unwrap();
        let byte = p.byte_at_rendered_utf16(units(&rendered[..at]));
        assert!(p.text[byte..].starts_with("第二行"), "{}", &p.text[byte..]);
        assert_eq!(p.byte_at_rendered_utf16(0), 0);
        assert_eq!(
            p.byte_at_rendered_utf16(units(&rendered)),
            p.text.trim_end().len()
        );
        // And back: a mark from a byte lands on the same rendered position, the astral 𝒳
        // counting two units and the line break none.
        let at_byte = |b: usize| p.rendered_utf16().at_byte(b);
        assert_eq!(at_byte(byte), units(&rendered[..at]));
        assert_eq!(at_byte(0), 0);
        assert_eq!(at_byte(p.text.len()), units(&rendered));
        let x = p.text.find('X').unwrap();
        assert_eq!(at_byte(x), units(&rendered[..rendered.find('X').unwrap()]));
    }

    #[test]
    fn a_list_inside_a_paragraph_gets_its_markers_marked() {
        let doc = Document::parse(
            "一、民生，改善。全年办成十件实事：一是新增就业；二是新建学校；三是改造小区。\n",
        );
        let ps = passages(&doc);
        let lead = ps
            .iter()
            .find(|p| p.kind == PassageKind::SectionLead)
            .unwrap();
        let markers: Vec<&str> = lead
            .pieces
            .iter()
            .filter(|x| x.style == PieceStyle::ListMarker)
            .map(|x| lead.slice(x.start, x.end))
            .collect();
        assert_eq!(markers, ["一是", "二是", "三是"]);
        let joined: String = lead
            .pieces
            .iter()
            .map(|x| lead.slice(x.start, x.end))
            .collect();
        assert_eq!(joined, lead.text);
        // Points that open sentences are points, not a list; the seed has no list.
        assert!(inline_list_markers("甲。一是乙。二是丙。").is_empty());
        assert!(seed()
            .iter()
            .all(|p| p.pieces.iter().all(|x| x.style != PieceStyle::ListMarker)));
    }

    #[test]
    fn overlapping_marks_take_the_strongest() {
        let p = passage("一段正文：这是一段足够长的正文文字，用来让它不被当作标题来读，所以继续写很多很多很多很多字。");
        let marks = [
            Mark {
                start: 0,
                end: 6,
                kind: MarkKind::Hit,
            },
            Mark {
                start: 0,
                end: 6,
                kind: MarkKind::CurrentHit,
            },
        ];
        assert_eq!(p.runs(&marks, &[], &[])[0].mark, Some(MarkKind::CurrentHit));
    }
}
