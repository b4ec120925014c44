//! The document model of a report in this genre: a source notice, a title and subtitle, an
//! introduction, numbered sections (一、) with enumerated points (一是), and a closing.
//! Every character of the source lives in exactly one span, in order. Pure: no browser calls.

use super::anchor::Anchor;
use super::inline::{plain_text, source_of, Inline};

/// A paragraph-like run of spans; its trailing line break (if any) is its last span.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    pub spans: Vec<Inline>,
}

impl Block {
    pub fn plain_text(&self) -> String {
        plain_text(&self.spans)
    }
}

/// An enumerated point inside a section: "一是" + lead phrase + body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    /// 1-based position within its section.
    pub number: usize,
    /// The marker exactly as in the source, e.g. "三是".
    pub marker: String,
    /// The lead phrase up to and including its first sentence mark, e.g. "突出主城区龙头带动。".
    pub lead: Vec<Inline>,
    /// The rest of the point.
    pub body: Vec<Inline>,
}

impl Point {
    /// The lead phrase without its closing mark, for outlines and links.
    pub fn lead_label(&self) -> String {
        trim_end_marks(&plain_text(&self.lead))
    }
}

/// A numbered section: "一、" + heading + lead text + points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// 1-based position in the report.
    pub number: usize,
    /// The ordinal exactly as in the source, with any indent before it, e.g. "一、".
    pub ordinal: String,
    /// The heading after the ordinal, up to and including its closing mark.
    pub heading: Vec<Inline>,
    /// Text between the heading and the first point (or all of the section if it has none).
    pub lead: Vec<Inline>,
    pub points: Vec<Point>,
}

impl Section {
    /// The ordinal as displayed: "一、".
    pub fn ordinal_label(&self) -> &str {
        self.ordinal.trim()
    }

    /// The heading's clauses, e.g. ["科学规划布局", "明确城乡发展新坐标"].
    pub fn clauses(&self) -> Vec<String> {
        let heading = trim_end_marks(&plain_text(&self.heading));
        heading
            .split(['，', '；', ','])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect()
    }

    /// The heading without its closing mark: "科学规划布局，明确城乡发展新坐标".
    pub fn heading_label(&self) -> String {
        trim_end_marks(&plain_text(&self.heading))
    }
}

/// A parsed report. Build it with [`Document::parse`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Whitespace before the first line of text.
    pub lead_in: String,
    /// A line about where the text comes from, e.g. "本文系邮箱投稿……".
    pub notice: Option<Block>,
    pub title: Option<Block>,
    pub subtitle: Vec<Block>,
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    pub closing: Vec<Block>,
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
        blocks(&mut out, self.notice.as_slice());
        blocks(&mut out, self.title.as_slice());
        blocks(&mut out, &self.subtitle);
        blocks(&mut out, &self.intro);
        for section in &self.sections {
            out.push_str(&section.ordinal);
            out.push_str(&source_of(&section.heading));
            out.push_str(&source_of(&section.lead));
            for point in &section.points {
                out.push_str(&point.marker);
                out.push_str(&source_of(&point.lead));
                out.push_str(&source_of(&point.body));
            }
        }
        blocks(&mut out, &self.closing);
        out
    }

    /// The anchors of the report in reading order: intro, each section and its points, closing.
    pub fn anchors(&self) -> Vec<Anchor> {
        let mut out = Vec::new();
        if !self.intro.is_empty() {
            out.push(Anchor::Intro);
        }
        for s in &self.sections {
            out.push(Anchor::Section(s.number));
            out.extend(s.points.iter().map(|p| Anchor::Point(s.number, p.number)));
        }
        if !self.closing.is_empty() {
            out.push(Anchor::Closing);
        }
        out
    }

    /// Whether `anchor` names a part this report has.
    pub fn has(&self, anchor: Anchor) -> bool {
        self.anchors().contains(&anchor)
    }

    pub fn section(&self, number: usize) -> Option<&Section> {
        self.sections.get(number.checked_sub(1)?)
    }

    pub fn point(&self, section: usize, point: usize) -> Option<&Point> {
        self.section(section)?.points.get(point.checked_sub(1)?)
    }

    /// Every span in reading order (headings, leads and bodies flattened).
    pub fn spans(&self) -> Vec<&Inline> {
        let mut out: Vec<&Inline> = Vec::new();
        let blocks = self
            .notice
            .iter()
            .chain(self.title.iter())
            .chain(self.subtitle.iter())
            .chain(self.intro.iter());
        blocks.for_each(|b| out.extend(b.spans.iter()));
        for s in &self.sections {
            out.extend(s.heading.iter().chain(s.lead.iter()));
            for p in &s.points {
                out.extend(p.lead.iter().chain(p.body.iter()));
            }
        }
        self.closing.iter().for_each(|b| out.extend(b.spans.iter()));
        out
    }
}

/// Sentence and clause marks that may close a heading or lead phrase.
pub const CLOSING_MARKS: [char; 9] = ['。', '！', '？', '；', '：', '.', '!', '?', ';'];

fn trim_end_marks(s: &str) -> String {
    s.trim_end_matches(|c: char| CLOSING_MARKS.contains(&c) || c.is_whitespace())
        .trim_start()
        .to_string()
}
