//! How a note is stored: one key per note, `yandu:v1:note:<id>`, holding a versioned envelope
//! `{"v":1,"note":{…}}`. A value that does not decode is reported as corrupt with its raw
//! text, and a value of a newer version is reported as such, so the caller can keep it
//! untouched. Pure.

use serde::{Deserialize, Serialize};

use super::model::Note;

/// The format version this app writes.
pub const VERSION: u32 = 1;
pub const NOTE_PREFIX: &str = "yandu:v1:note:";
pub const QUARANTINE_PREFIX: &str = "yandu:quarantine:";
pub const META_KEY: &str = "yandu:v1:meta";

pub fn note_key(id: &str) -> String {
    format!("{NOTE_PREFIX}{id}")
}

/// What is stored for a note: it is handed to storage as it is, and storage writes it as JSON.
#[derive(Serialize)]
pub struct Envelope<'a> {
    v: u32,
    note: &'a Note,
}

impl<'a> Envelope<'a> {
    pub fn of(note: &'a Note) -> Envelope<'a> {
        Envelope { v: VERSION, note }
    }
}

/// The version of a stored value alone, to tell a value of a newer version (whose shape that
/// version decides) from a corrupt one.
#[derive(Deserialize)]
pub(crate) struct EnvelopeVersion {
    pub v: u32,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    v: u32,
    note: Note,
}

#[derive(Debug, PartialEq)]
pub enum Decoded {
    Note(Note),
    /// Written by a newer version of the app: keep it, never write over it.
    Newer {
        version: u32,
    },
    /// Not JSON, or not a note: keep the raw value byte-identical.
    Corrupt {
        reason: String,
    },
}

/// The stored text of a note: what storage writes for its [`Envelope`].
pub fn encode(note: &Note) -> String {
    serde_json::to_string(&Envelope::of(note)).unwrap_or_else(|_| String::from("{}"))
}

pub fn decode(raw: &str) -> Decoded {
    // One pass for a value of this version (nearly all of them); the version alone is read
    // only when that fails, to tell a newer value from a corrupt one.
    let error = match serde_json::from_str::<EnvelopeIn>(raw) {
        Ok(e) if e.v <= VERSION => {
            return match e.note.problem() {
                None => Decoded::Note(e.note),
                Some(reason) => Decoded::Corrupt { reason },
            }
        }
        Ok(e) => return Decoded::Newer { version: e.v },
        Err(e) => e,
    };
    match serde_json::from_str::<EnvelopeVersion>(raw) {
        Ok(e) if e.v > VERSION => Decoded::Newer { version: e.v },
        _ => Decoded::Corrupt {
            reason: json_problem(&error),
        },
    }
}

/// What is wrong with a value that did not read, for the reader: in Chinese, with where it
/// went wrong. Only what does not fit a note keeps serde's own words (after a Chinese lead),
/// as they name the field or type.
pub fn json_problem(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let at = format!("第 {} 行第 {} 列", error.line(), error.column());
    match error.classify() {
        Category::Eof => format!("数据不完整，在{at}处中断"),
        Category::Data => {
            let said = error.to_string();
            // serde ends its message with the place, given above already.
            let place = format!(" at line {} column {}", error.line(), error.column());
            let said = said.strip_suffix(place.as_str()).unwrap_or(&said);
            format!("不符合笔记的格式（{at}：{said}）")
        }
        // Syntax (reading text, nothing else can fail).
        _ => format!("不是有效的 JSON（{at}）"),
    }
}

/// Settings kept beside the notes: when they were last exported, whether persistence was asked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    #[serde(default)]
    pub last_export: Option<i64>,
    #[serde(default)]
    pub persist_asked: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::{NoteKind, Target};

    fn note() -> Note {
        Note {
            id: "n1".into(),
            target: Target::Part {
                anchor: "s2-p3".into(),
            },
            kind: Some(NoteKind::Problem),
            text: "<script>alert(1)</script>".into(),
            created: 1,
            updated: 2,
        }
    }

    #[test]
    fn round_trips() {
        assert_eq!(decode(&encode(&note())), Decoded::Note(note()));
    }

    #[test]
    fn fixture_of_version_1_still_reads() {
        // Kept as written by version 1; a future migration must keep this passing.
        let v1 = r#"{"v":1,"note":{"id":"a1","target":{"type":"quote","anchor":"s1-p1","quote":"一带两城","prefix":"按照“","suffix":"”布局","offset":12},"kind":"practice","text":"看法","created":1700000000000,"updated":1700000000001}}"#;
        let Decoded::Note(n) = decode(v1) else {
            panic!("v1 fixture does not decode")
        };
        assert_eq!(n.kind, Some(NoteKind::Practice));
        assert!(matches!(n.target, Target::Quote { offset: 12, .. }));
    }

    #[test]
    fn newer_and_corrupt_values_are_reported() {
        assert_eq!(
            decode(r#"{"v":2,"note":{}}"#),
            Decoded::Newer { version: 2 }
        );
        assert!(matches!(decode("{not json"), Decoded::Corrupt { .. }));
        assert!(matches!(
            decode(r#"{"v":1,"note":{"id":5}}"#),
            Decoded::Corrupt { .. }
        ));
        assert!(matches!(
            decode(
                r#"{"v":1,"note":{"id":"bad id!","target":{"type":"report"},"created":0,"updated":0}}"#
            ),
            Decoded::Corrupt { .. }
        ));
        assert!(matches!(decode("[]"), Decoded::Corrupt { .. }));
    }

    #[test]
    fn says_in_chinese_what_is_wrong_and_where() {
        let reason = |raw: &str| match decode(raw) {
            Decoded::Corrupt { reason } => reason,
            other => panic!("{raw} decoded as {other:?}"),
        };
        assert_eq!(reason("{not json"), "不是有效的 JSON（第 1 行第 2 列）");
        assert_eq!(reason("{\"v\":1,"), "数据不完整，在第 1 行第 7 列处中断");
        assert_eq!(
            reason("{\"v\":1}"),
            "不符合笔记的格式（第 1 行第 7 列：missing field `note`）"
        );
        let wrong = reason("{\"v\":1,\"note\":[]}");
        assert!(
            wrong.starts_with("不符合笔记的格式（第 1 行第 ") && wrong.ends_with("）"),
            "{wrong}"
        );
        assert!(!wrong.contains(" at line "), "{wrong}");
    }
}
