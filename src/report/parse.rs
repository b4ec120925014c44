//! Reads a report of this genre into a [`Document`]. Generic, not tuned to one text:
//! sections start a line with a Chinese numeral and "、" in order (一、 二、 …), points are
//! "一是 … 二是 …" in order after a sentence mark, and anything that does not fit stays a plain
//! paragraph. Never panics; the document's spans always give back the input exactly.

use super::inline::parse_inlines;
use super::model::{Block, Document, Point, Section, CLOSING_MARKS};
use super::numerals;

/// Header lines (notice, title, subtitle) are short; a longer line is body text.
const MAX_HEADER_CHARS: usize = 60;
const MAX_HEADER_LINES: usize = 4;
/// Marks that end a sentence: a line ending in one is prose, not a title.
const SENTENCE_ENDS: [char; 6] = ['。', '！', '？', '!', '?', '；'];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Notice,
    Title,
    Subtitle,
    Intro,
    SectionStart,
    SectionMore,
    Closing,
}

struct Line<'a> {
    start: usize,
    content: &'a str,
}

impl Document {
    /// Parses `source`. Every input gives a document; see the module docs for the rules.
    pub fn parse(source: &str) -> Document {
        let mut lines = Vec::new();
        let mut start = 0;
        for piece in source.split_inclusive('\n') {
            lines.push(Line {
                start,
                content: piece.trim(),
            });
            start += piece.len();
        }
        let filled: Vec<&Line> = lines.iter().filter(|l| !l.content.is_empty()).collect();
        let roles = assign_roles(&filled);

        let mut doc = Document {
            lead_in: source[..filled.first().map_or(source.len(), |l| l.start)].to_string(),
            ..Document::default()
        };
        // A unit is a line that starts a block, with the lines that belong to it.
        let starts: Vec<usize> = (0..filled.len())
            .filter(|&i| roles[i] != Role::SectionMore)
            .collect();
        for (k, &i) in starts.iter().enumerate() {
            let end = starts
                .get(k + 1)
                .map_or(source.len(), |&next| filled[next].start);
            let text = &source[filled[i].start..end];
            match roles[i] {
                Role::Notice => doc.notice = Some(block(text)),
                Role::Title => doc.title = Some(block(text)),
                Role::Subtitle => doc.subtitle.push(block(text)),
                Role::Intro => doc.intro.push(block(text)),
                Role::Closing => doc.closing.push(block(text)),
                Role::SectionStart | Role::SectionMore => {
                    let number = doc.sections.len() + 1;
                    doc.sections.push(parse_section(number, text));
                }
            }
        }
        doc
    }
}

fn block(text: &str) -> Block {
    Block {
        spans: parse_inlines(text),
    }
}

fn ends_a_sentence(line: &str) -> bool {
    line.ends_with(SENTENCE_ENDS)
}

/// "一、" (for the expected number) at the start of a trimmed line.
fn starts_section(line: &str, number: usize) -> bool {
    numerals::to_chinese(number).is_some_and(|n| {
        line.strip_prefix(n.as_str())
            .is_some_and(|r| r.starts_with('、'))
    })
}

/// "N是" for any N at the start of a trimmed line.
fn starts_point(line: &str) -> bool {
    numerals::read_prefix(line).is_some_and(|(_, len)| line[len..].starts_with('是'))
}

fn assign_roles(lines: &[&Line]) -> Vec<Role> {
    let mut roles = vec![Role::Intro; lines.len()];
    let header = header_roles(lines);
    roles[..header.len()].copy_from_slice(&header);

    let mut sections = 0;
    for (i, line) in lines.iter().enumerate().skip(header.len()) {
        roles[i] = if starts_section(line.content, sections + 1) {
            sections += 1;
            Role::SectionStart
        } else if sections > 0 {
            Role::SectionMore
        } else {
            Role::Intro
        };
    }
    // After the last section's last point line, the remaining paragraphs close the report.
    if let Some(last_start) = roles.iter().rposition(|r| *r == Role::SectionStart) {
        let last_point_line = (last_start + 1..lines.len())
            .rfind(|&i| starts_point(lines[i].content))
            .unwrap_or(last_start);
        for role in &mut roles[last_point_line + 1..] {
            *role = Role::Closing;
        }
    }
    roles
}

/// Notice, title and subtitle: the short lines at the top, before any prose.
fn header_roles(lines: &[&Line]) -> Vec<Role> {
    let candidates: Vec<&str> = lines
        .iter()
        .take(MAX_HEADER_LINES)
        .map(|l| l.content)
        .take_while(|c| c.chars().count() <= MAX_HEADER_CHARS && !starts_section(c, 1))
        .collect();
    let mut roles = Vec::new();
    // A first line that reads as a sentence is a notice only if a title follows it.
    if candidates.len() >= 2 && ends_a_sentence(candidates[0]) && !ends_a_sentence(candidates[1]) {
        roles.push(Role::Notice);
    }
    for _ in candidates[roles.len()..]
        .iter()
        .take_while(|c| !ends_a_sentence(c))
    {
        roles.push(if roles.contains(&Role::Title) {
            Role::Subtitle
        } else {
            Role::Title
        });
    }
    roles
}

/// Splits a section's text into ordinal, heading, lead and points.
fn parse_section(number: usize, text: &str) -> Section {
    let indent = text.len() - text.trim_start().len();
    let ordinal_end = text[indent..]
        .find('、')
        .map_or(indent, |i| indent + i + '、'.len_utf8());
    let after_ordinal = &text[ordinal_end..];
    let heading_end = after_ordinal
        .find(|c: char| CLOSING_MARKS.contains(&c) || c == '\n' || c == '\r')
        .map_or(after_ordinal.len(), |i| {
            let c = after_ordinal[i..].chars().next().unwrap_or(' ');
            if c == '\n' || c == '\r' {
                i
            } else {
                i + c.len_utf8()
            }
        });
    let rest = &after_ordinal[heading_end..];
    let markers = find_point_markers(rest);
    let lead_end = markers.first().map_or(rest.len(), |m| m.0);
    let points = markers
        .iter()
        .enumerate()
        .map(|(k, &(at, marker_len))| {
            let end = markers.get(k + 1).map_or(rest.len(), |m| m.0);
            parse_point(
                k + 1,
                &rest[at..at + marker_len],
                &rest[at + marker_len..end],
            )
        })
        .collect();
    Section {
        number,
        ordinal: text[..ordinal_end].to_string(),
        heading: parse_inlines(&after_ordinal[..heading_end]),
        lead: parse_inlines(&rest[..lead_end]),
        points,
    }
}

/// Byte offset and length of "一是", "二是", … in order, each after a sentence boundary.
fn find_point_markers(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    for n in 1.. {
        let Some(numeral) = numerals::to_chinese(n) else {
            break;
        };
        let marker = format!("{numeral}是");
        let hit = text[from..]
            .match_indices(marker.as_str())
            .map(|(i, _)| from + i)
            .find(|&at| at_boundary(text, at));
        match hit {
            Some(at) => {
                found.push((at, marker.len()));
                from = at + marker.len();
            }
            None => break,
        }
    }
    found
}

/// A point marker starts the text, or follows a sentence mark or a line break.
fn at_boundary(text: &str, at: usize) -> bool {
    match text[..at].chars().next_back() {
        None => true,
        Some(c) => ['。', '；', '！', '？', '：', ';', '\n'].contains(&c) || c.is_whitespace(),
    }
}

fn parse_point(number: usize, marker: &str, text: &str) -> Point {
    let line_end = text.find(['\n', '\r']).unwrap_or(text.len());
    let lead_end = text[..line_end]
        .find(|c: char| CLOSING_MARKS.contains(&c))
        .map_or(line_end, |i| {
            i + text[i..].chars().next().map_or(0, char::len_utf8)
        });
    Point {
        number,
        marker: marker.to_string(),
        lead: parse_inlines(&text[..lead_end]),
        body: parse_inlines(&text[lead_end..]),
    }
}
