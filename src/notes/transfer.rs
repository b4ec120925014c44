//! Export and import. JSON is complete and versioned; Markdown follows the report's outline
//! with each note under its part and its quoted passage. Import checks a file thoroughly,
//! plans a merge by note id (newer wins, the older side of a conflict is kept as a copy),
//! shows the plan, applies it, and can undo it. Pure.

use serde::{Deserialize, Serialize};

use std::collections::HashSet;

use super::anchoring::locate;
use super::model::{Note, NotesById, Target};
use crate::report::passage::Passage;
use crate::report::{Anchor, Document};
use crate::summary::outline::place_label;

pub const FORMAT: &str = "yandu-notes";
pub const FILE_VERSION: u32 = 1;
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_IMPORT_NOTES: usize = 20_000;

#[derive(Serialize, Deserialize)]
struct ExportFile {
    format: String,
    version: u32,
    #[serde(default)]
    exported: i64,
    #[serde(default)]
    report: String,
    notes: Vec<Note>,
}

/// The complete JSON export.
pub fn export_json(notes: &[&Note], now: i64, report_title: &str) -> String {
    let file = ExportFile {
        format: FORMAT.into(),
        version: FILE_VERSION,
        exported: now,
        report: report_title.into(),
        notes: notes.iter().map(|n| (*n).clone()).collect(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// What a file says it is, before its notes are read (they are only counted). A file whose
/// format, version or notes have the wrong JSON type is not one of ours.
#[derive(Deserialize)]
struct FileProbe {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u64>,
    #[serde(default)]
    notes: Vec<serde::de::IgnoredAny>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("文件太大（超过 {} MB），未导入", MAX_IMPORT_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("文件无法读取：{0}")]
    NotJson(String),
    #[error("这不是研读导出的笔记文件")]
    WrongFormat,
    #[error("文件来自更新版本的研读（格式版本 {0}），请先更新应用")]
    UnknownVersion(u32),
    #[error("笔记太多（超过 {MAX_IMPORT_NOTES} 条），未导入")]
    TooMany,
    #[error("文件中有无效的笔记：{0}")]
    BadNote(String),
    #[error("文件中笔记编号重复：{0}")]
    DuplicateId(String),
}

/// Reads an export file; refuses anything malformed, too large, of an unknown version, or
/// with an invalid note, so a bad file changes nothing.
pub fn parse_import(raw: &str) -> Result<Vec<Note>, ImportError> {
    if raw.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    // First what the file says it is, its notes only counted; then the notes themselves.
    serde_json::from_str::<serde::de::IgnoredAny>(raw)
        .map_err(|e| ImportError::NotJson(super::codec::json_problem(&e)))?;
    let probe: FileProbe = serde_json::from_str(raw).map_err(|_| ImportError::WrongFormat)?;
    if probe.format.as_deref() != Some(FORMAT) {
        return Err(ImportError::WrongFormat);
    }
    let version = probe.version.unwrap_or(0).min(u32::MAX as u64) as u32;
    if version != FILE_VERSION {
        return Err(ImportError::UnknownVersion(version));
    }
    if probe.notes.len() > MAX_IMPORT_NOTES {
        return Err(ImportError::TooMany);
    }
    let file: ExportFile = serde_json::from_str(raw)
        .map_err(|e| ImportError::BadNote(super::codec::json_problem(&e)))?;
    if let Some(problem) = file.notes.iter().find_map(Note::problem) {
        return Err(ImportError::BadNote(problem));
    }
    let mut ids: Vec<&str> = file.notes.iter().map(|n| n.id.as_str()).collect();
    crate::order::sort(&mut ids);
    if let Some(pair) = ids.windows(2).find(|w| w[0] == w[1]) {
        return Err(ImportError::DuplicateId(pair[0].to_string()));
    }
    Ok(file.notes)
}

/// What an import will change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// New notes, and the older sides of conflicts kept as copies under new ids.
    pub add: Vec<Note>,
    /// (current, incoming): the incoming note is newer and replaces the current one.
    pub replace: Vec<(Note, Note)>,
    /// How many incoming notes are already here.
    pub unchanged: usize,
    /// How many conflicts keep a copy.
    pub copies: usize,
}

impl ImportPlan {
    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.replace.is_empty()
    }
}

/// The same note apart from its id (so a kept copy is recognised on a second import).
fn same_content(a: &Note, b: &Note) -> bool {
    a.target == b.target
        && a.kind == b.kind
        && a.text == b.text
        && a.created == b.created
        && a.updated == b.updated
}

fn free_copy_id(id: &str, taken: &HashSet<String>) -> String {
    let stem: String = id.chars().take(super::model::MAX_ID_CHARS - 8).collect();
    (1..)
        .map(|k| format!("{stem}-copy{k}"))
        .find(|c| !taken.contains(c))
        .unwrap_or_else(|| format!("{stem}-copy"))
}

/// Plans merging `incoming` into `existing` by id: newer `updated` wins; the older side of a
/// conflict is kept as a copy with a new id; a note or copy that is already here is skipped.
pub fn plan_import(existing: &NotesById, incoming: &[Note]) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let mut taken: HashSet<String> = existing.keys().cloned().collect();
    taken.extend(incoming.iter().map(|n| n.id.clone()));
    for n in incoming {
        match existing.get(&n.id) {
            None => plan.add.push(n.clone()),
            Some(current) if current == n => plan.unchanged += 1,
            Some(current) => {
                let incoming_wins = n.updated > current.updated;
                if incoming_wins {
                    plan.replace.push((current.clone(), n.clone()));
                }
                let loser = if incoming_wins { current } else { n };
                // A copy of the losing side that is already here (from an earlier import).
                let kept = existing
                    .values()
                    .filter(|e| e.id != loser.id)
                    .chain(plan.add.iter())
                    .any(|e| same_content(e, loser));
                if kept {
                    if !incoming_wins {
                        plan.unchanged += 1;
                    }
                    continue;
                }
                let mut copy = loser.clone();
                copy.id = free_copy_id(&loser.id, &taken);
                taken.insert(copy.id.clone());
                plan.add.push(copy);
                plan.copies += 1;
            }
        }
    }
    plan
}

/// What to do to undo an applied import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportUndo {
    pub remove: Vec<String>,
    pub restore: Vec<Note>,
}

impl ImportPlan {
    /// The notes to write, in order, and how to undo them.
    pub fn writes(&self) -> (Vec<Note>, ImportUndo) {
        let mut writes: Vec<Note> = self.replace.iter().map(|(_, new)| new.clone()).collect();
        writes.extend(self.add.iter().cloned());
        let undo = ImportUndo {
            remove: self.add.iter().map(|n| n.id.clone()).collect(),
            restore: self.replace.iter().map(|(old, _)| old.clone()).collect(),
        };
        (writes, undo)
    }
}

/// Applies a plan to an in-memory map (the same rules the app applies through its storage).
pub fn apply(existing: &mut NotesById, plan: &ImportPlan) -> ImportUndo {
    let (writes, undo) = plan.writes();
    for n in writes {
        existing.insert(n.id.clone(), n);
    }
    undo
}

/// Markdown grouped by the report's outline, each note with its quoted passage.
pub fn export_markdown(doc: &Document, passages: &[Passage], notes: &[&Note]) -> String {
    let title = doc.title().map(|t| t.plain_text()).unwrap_or_default();
    let mut out = format!(
        "# 《{}》笔记\n\n",
        title.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    let write_note = |out: &mut String, n: &Note| {
        if let Target::Quote { quote, .. } = &n.target {
            for line in quote.lines() {
                out.push_str(&format!("> {line}\n"));
            }
            out.push('\n');
        }
        let kind = n
            .kind
            .map(|k| format!("**{}** ", k.label()))
            .unwrap_or_default();
        let text = n.text.trim();
        if !kind.is_empty() || !text.is_empty() {
            out.push_str(&format!("{kind}{text}\n\n"));
        }
    };
    let report_level: Vec<&&Note> = notes
        .iter()
        .filter(|n| n.target == Target::Report)
        .collect();
    if !report_level.is_empty() {
        out.push_str("## 关于全文\n\n");
        report_level.iter().for_each(|n| write_note(&mut out, n));
    }
    let mut unplaced = Vec::new();
    let mut placed: Vec<(Anchor, &Note)> = Vec::new();
    for n in notes.iter().filter(|n| n.target != Target::Report) {
        let placed_anchor = match &n.target {
            Target::Quote { .. } => locate(passages, &n.target)
                .and_then(|p| p.first().and_then(|(i, _, _)| passages[*i].anchor)),
            other => other.anchor().filter(|a| doc.has(*a)),
        };
        match placed_anchor {
            Some(a) => placed.push((a, n)),
            None => unplaced.push(*n),
        }
    }
    // In the report's order, each part's notes in the order given.
    crate::order::sort_by_key(&mut placed, |p| p.0);
    for (i, (anchor, n)) in placed.iter().enumerate() {
        if i == 0 || placed[i - 1].0 != *anchor {
            let depth = if anchor.path().is_some_and(|p| p.depth() > 1) {
                "###"
            } else {
                "##"
            };
            out.push_str(&format!("{depth} {}\n\n", place_label(doc, Some(*anchor))));
        }
        write_note(&mut out, n);
    }
    if !unplaced.is_empty() {
        out.push_str("## 未能定位的笔记\n\n");
        unplaced.iter().for_each(|n| write_note(&mut out, n));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::NoteKind;

    fn note(id: &str, text: &str, updated: i64) -> Note {
        Note {
            id: id.into(),
            target: Target::Part {
                anchor: "s2".into(),
            },
            kind: Some(NoteKind::Result),
            text: text.into(),
            created: 1,
            updated,
        }
    }

    fn map(notes: &[Note]) -> NotesById {
        notes.iter().map(|n| (n.id.clone(), n.clone())).collect()
    }

    #[test]
    fn refuses_bad_files_with_a_reason() {
        assert!(matches!(
            parse_import("not json"),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(
            parse_import(r#"{"format":"other","version":1,"notes":[]}"#),
            Err(ImportError::WrongFormat)
        );
        assert_eq!(
            parse_import(r#"{"format":"yandu-notes","version":9,"notes":[]}"#),
            Err(ImportError::UnknownVersion(9))
        );
        assert!(matches!(
            parse_import(
                r#"{"format":"yandu-notes","version":1,"notes":[{"id":"<img>","target":{"type":"report"},"created":0,"updated":0}]}"#
            ),
            Err(ImportError::BadNote(_))
        ));
        let big = format!(
            r#"{{"format":"yandu-notes","version":1,"notes":[],"pad":"{}"}}"#,
            "x".repeat(MAX_IMPORT_BYTES)
        );
        assert_eq!(parse_import(&big), Err(ImportError::TooLarge));
        let dup = format!(
            r#"{{"format":"yandu-notes","version":1,"notes":[{n},{n}]}}"#,
            n = serde_json::to_string(&note("a", "", 1)).unwrap()
        );
        assert_eq!(
            parse_import(&dup),
            Err(ImportError::DuplicateId("a".into()))
        );
    }

    #[test]
    fn newer_wins_and_the_older_is_kept_as_a_copy() {
        let existing = map(&[note("a", "本地旧版", 5), note("b", "本地新版", 9)]);
        let incoming = [
            note("a", "导入新版", 7),
            note("b", "导入旧版", 3),
            note("c", "新的", 1),
        ];
        let plan = plan_import(&existing, &incoming);
        assert_eq!(plan.replace.len(), 1);
        assert_eq!(plan.replace[0].1.text, "导入新版");
        let added: Vec<&str> = plan.add.iter().map(|n| n.text.as_str()).collect();
        assert!(added.contains(&"新的"));
        assert!(
            added.contains(&"本地旧版"),
            "the replaced local note is kept as a copy"
        );
        assert!(
            added.contains(&"导入旧版"),
            "the older incoming note is kept as a copy"
        );
        let mut merged = existing.clone();
        apply(&mut merged, &plan);
        assert_eq!(merged["a"].text, "导入新版");
        assert_eq!(merged["b"].text, "本地新版");
        assert_eq!(merged.len(), 5);
        // Again: nothing changes.
        let again = plan_import(&merged, &incoming);
        assert!(again.is_empty(), "{again:?}");
    }

    #[test]
    fn undo_restores_the_previous_notes() {
        let existing = map(&[note("a", "本地", 5)]);
        let plan = plan_import(&existing, &[note("a", "导入", 6), note("z", "新", 1)]);
        let mut merged = existing.clone();
        let undo = apply(&mut merged, &plan);
        for id in &undo.remove {
            merged.remove(id);
        }
        for n in &undo.restore {
            merged.insert(n.id.clone(), n.clone());
        }
        assert_eq!(merged, existing);
    }
}
