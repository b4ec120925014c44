//! A reader's note: what it is about (the whole report, a part, or a quoted passage), its kind,
//! and its text. Notes are text, never HTML. Pure: no browser calls.

use serde::{Deserialize, Serialize};

use crate::report::Anchor;

/// Notes by id. A hash map: the app sorts them for every list it shows, and one map type
/// keeps one copy of its code in the wasm.
pub type NotesById = std::collections::HashMap<String, Note>;

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

/// What a note is about. Stored as `{"type": "quote", "anchor": …, …}`. Read through
/// `StoredTarget`: serde's own reading of a tagged enum buffers the whole object first, and
/// that cost 10 KB of wasm (4 KB gzip).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", try_from = "StoredTarget")]
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

/// A [`Target`] as stored, every field optional; which ones must be there depends on `type`.
/// It accepts and refuses what serde's tagged enum did (pinned by the tests below): fields in
/// any order, unknown fields ignored, a duplicate field refused.
#[derive(Default, Deserialize)]
#[serde(default)]
struct StoredTarget {
    #[serde(rename = "type")]
    kind: String,
    anchor: Option<String>,
    quote: Option<String>,
    prefix: Option<String>,
    suffix: Option<String>,
    offset: Option<usize>,
}

impl TryFrom<StoredTarget> for Target {
    type Error = String;

    fn try_from(t: StoredTarget) -> Result<Self, String> {
        fn needed<T>(value: Option<T>, field: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{field}`"))
        }
        Ok(match t.kind.as_str() {
            "report" => Target::Report,
            "part" => Target::Part {
                anchor: needed(t.anchor, "anchor")?,
            },
            "quote" => Target::Quote {
                anchor: needed(t.anchor, "anchor")?,
                quote: needed(t.quote, "quote")?,
                prefix: needed(t.prefix, "prefix")?,
                suffix: needed(t.suffix, "suffix")?,
                offset: needed(t.offset, "offset")?,
            },
            other => return Err(format!("unknown note target `{other}`")),
        })
    }
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

#[cfg(test)]
mod tests {
    use super::Target;

    fn quote(offset: usize) -> Target {
        Target::Quote {
            anchor: "s1".into(),
            quote: "q".into(),
            prefix: "a".into(),
            suffix: "b".into(),
            offset,
        }
    }

    /// Each input with what serde's derived tagged enum made of it (recorded before the change):
    /// stored and imported notes read exactly as they did.
    #[test]
    fn reads_targets_as_the_tagged_enum_did() {
        let part = || {
            Some(Target::Part {
                anchor: "s1".into(),
            })
        };
        let cases: [(&str, Option<Target>); 27] = [
            (r#"{"type":"report"}"#, Some(Target::Report)),
            (r#"{"type":"report","anchor":"s1"}"#, Some(Target::Report)),
            (
                r#"{"type":"report","extra":[1,2,{"a":null}]}"#,
                Some(Target::Report),
            ),
            (r#"{"type":"part","anchor":"s1"}"#, part()),
            (r#"{"anchor":"s1","type":"part"}"#, part()),
            (r#"{"type":"part"}"#, None),
            (r#"{"type":"part","anchor":null}"#, None),
            (r#"{"type":"part","anchor":5}"#, None),
            (r#"{"type":"part","anchor":"s1","anchor":"s2"}"#, None),
            (r#"{"type":"part","anchor":"s1","quote":"q"}"#, part()),
            (
                r#"{"type":"quote","anchor":"s1","quote":"q","prefix":"a","suffix":"b","offset":3}"#,
                Some(quote(3)),
            ),
            (
                r#"{"type":"quote","anchor":"s1","quote":"q","prefix":"a","suffix":"b","offset":-3}"#,
                None,
            ),
            (
                r#"{"type":"quote","anchor":"s1","quote":"q","prefix":"a","suffix":"b","offset":3.5}"#,
                None,
            ),
            (
                r#"{"type":"quote","anchor":"s1","quote":"q","prefix":"a","suffix":"b","offset":"3"}"#,
                None,
            ),
            (
                r#"{"type":"quote","anchor":"s1","quote":"q","prefix":"a","suffix":"b"}"#,
                None,
            ),
            (
                r#"{"type":"quote","anchor":"s1","quote":"q","prefix":"a","offset":1}"#,
                None,
            ),
            (
                r#"{"type":"quote","anchor":"s1","quote":"q","prefix":"a","suffix":"b","offset":4000000000}"#,
                Some(quote(4_000_000_000)),
            ),
            (r#"{"type":"Quote","anchor":"s1"}"#, None),
            (r#"{"type":"other"}"#, None),
            (r#"{"type":null}"#, None),
            (r#"{"type":1}"#, None),
            (r#"{}"#, None),
            (r#"[]"#, None),
            (r#"["part","s1"]"#, part()),
            (r#""report""#, None),
            (r#"null"#, None),
            (r#"{"type":"report","type":"part","anchor":"s1"}"#, None),
        ];
        for (json, expected) in cases {
            let read = serde_json::from_str::<Target>(json).ok();
            assert_eq!(read, expected, "{json}");
        }
    }

    #[test]
    fn writes_the_same_tagged_object() {
        let json = serde_json::to_string(&quote(7)).unwrap();
        assert_eq!(
            json,
            r#"{"type":"quote","anchor":"s1","quote":"q","prefix":"a","suffix":"b","offset":7}"#
        );
        assert_eq!(
            serde_json::to_string(&Target::Report).unwrap(),
            r#"{"type":"report"}"#
        );
    }
}
