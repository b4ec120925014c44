//! A reader's note: what it is about (the whole report, a part, or a quoted passage), its kind,
//! and its text. Notes are text, never HTML. Pure: no browser calls.

use serde::{Deserialize, Serialize};

use crate::report::Anchor;

/// The five kinds of note, each with its colour in the UI and always its text label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    Practice,
    Result,
    Problem,
    Lesson,
    Question,
}

impl NoteKind {
    pub const ALL: [NoteKind; 5] = [
        NoteKind::Practice,
        NoteKind::Result,
        NoteKind::Problem,
        NoteKind::Lesson,
        NoteKind::Question,
    ];

    /// The label shown everywhere the kind is: 做法, 成效, 问题, 启示, 疑问.
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Practice => "做法",
            NoteKind::Result => "成效",
            NoteKind::Problem => "问题",
            NoteKind::Lesson => "启示",
            NoteKind::Question => "疑问",
        }
    }

    /// The CSS name of the kind.
    pub fn slug(self) -> &'static str {
        match self {
            NoteKind::Practice => "practice",
            NoteKind::Result => "result",
            NoteKind::Problem => "problem",
            NoteKind::Lesson => "lesson",
            NoteKind::Question => "question",
        }
    }
}

/// What a note is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Target {
    /// The whole report.
    Report,
    /// A section, a point, the introduction or the closing, by its anchor id.
    Part { anchor: String },
    /// A quoted passage inside a part: the quote with some context before and after, and its
    /// character offset in the part's text, so it can be placed again on every render.
    Quote {
        anchor: String,
        quote: String,
        prefix: String,
        suffix: String,
        offset: usize,
    },
}

impl Target {
    /// The part the note belongs to, if it names one this app knows.
    pub fn anchor(&self) -> Option<Anchor> {
        match self {
            Target::Report => None,
            Target::Part { anchor } | Target::Quote { anchor, .. } => Anchor::parse(anchor),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    pub target: Target,
    /// `None` for a plain note; a kind for a highlight or a note with a kind.
    #[serde(default)]
    pub kind: Option<NoteKind>,
    #[serde(default)]
    pub text: String,
    /// Milliseconds since the Unix epoch.
    pub created: i64,
    pub updated: i64,
}

/// Limits that keep one note (and an import) reasonable.
pub const MAX_TEXT_CHARS: usize = 20_000;
pub const MAX_QUOTE_CHARS: usize = 2_000;
pub const MAX_ID_CHARS: usize = 64;

impl Note {
    /// Why the note is not acceptable, if it is not (used on load and on import).
    pub fn problem(&self) -> Option<String> {
        let id_ok = !self.id.is_empty()
            && self.id.chars().count() <= MAX_ID_CHARS
            && self
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !id_ok {
            return Some(format!(
                "无效的笔记编号：{:?}",
                self.id.chars().take(80).collect::<String>()
            ));
        }
        if self.text.chars().count() > MAX_TEXT_CHARS {
            return Some(format!("笔记 {} 的文字超过 {MAX_TEXT_CHARS} 字", self.id));
        }
        if let Target::Quote {
            quote,
            prefix,
            suffix,
            ..
        } = &self.target
        {
            if quote.is_empty()
                || quote.chars().count() > MAX_QUOTE_CHARS
                || prefix.chars().count() > MAX_QUOTE_CHARS
                || suffix.chars().count() > MAX_QUOTE_CHARS
            {
                return Some(format!("笔记 {} 的引文无效", self.id));
            }
        }
        None
    }
}
