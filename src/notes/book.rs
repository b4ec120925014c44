//! The reader's notes as kept in storage: one key per note, so an edit writes only that note.
//! The rules that protect them are enforced here, not in the UI:
//! - nothing is written before the stored notes were loaded and checked;
//! - a value that does not decode is copied byte-identical to a quarantine key and left in
//!   place, and never written over until the user chooses;
//! - once a value from a newer version is seen, the book is read-only: no write at all;
//! - a failed save keeps the note in memory, marked unsaved, and the stored value unchanged;
//! - only our own keys are touched, and the store is never cleared.

use super::codec::{
    decode, note_key, Decoded, Envelope, EnvelopeVersion, Meta, META_KEY, NOTE_PREFIX,
    QUARANTINE_PREFIX,
};
use super::model::{Note, NotesById};
use crate::storage::{KeyValue, StorageError};

/// A stored value that could not be read, kept aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    pub key: String,
    pub quarantine_key: Option<String>,
    pub reason: String,
    pub raw: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Reading and writing storage.
    Normal,
    /// Data from a newer version was found: nothing is written.
    ReadOnly,
    /// The browser gives no storage: notes live in memory for this visit.
    MemoryOnly,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("笔记数据来自更新版本的研读，为保护数据，此页面只读")]
    ReadOnly,
    #[error("{0}")]
    Storage(#[from] StorageError),
}

pub struct NoteBook<S: KeyValue> {
    storage: S,
    notes: NotesById,
    /// Ids of the notes kept in memory whose write failed.
    unsaved: std::collections::HashSet<String>,
    pub quarantined: Vec<Quarantined>,
    pub mode: Mode,
    pub meta: Meta,
}

impl<S: KeyValue> NoteBook<S> {
    /// Loads and checks every stored note. Never fails: problems become the book's mode and
    /// its quarantine list.
    pub fn load(storage: S, now: i64) -> NoteBook<S> {
        let mut book = NoteBook {
            storage,
            notes: NotesById::new(),
            unsaved: Default::default(),
            quarantined: Vec::new(),
            mode: Mode::Normal,
            meta: Meta::default(),
        };
        let entries = match book.storage.entries_with_prefix(NOTE_PREFIX) {
            Ok(entries) => entries,
            Err(_) => {
                book.mode = Mode::MemoryOnly;
                return book;
            }
        };
        book.notes.reserve(entries.len());
        for (key, raw) in entries {
            match decode(&raw) {
                Decoded::Note(note) if note_key(&note.id) == key => {
                    book.notes.insert(note.id.clone(), note);
                }
                Decoded::Note(_) => book.quarantined.push(Quarantined {
                    key,
                    quarantine_key: None,
                    reason: "笔记编号与存储键不符".into(),
                    raw,
                }),
                Decoded::Newer { .. } => book.mode = Mode::ReadOnly,
                Decoded::Corrupt { reason } => book.quarantined.push(Quarantined {
                    key,
                    quarantine_key: None,
                    reason,
                    raw,
                }),
            }
        }
        if let Ok(Some(raw)) = book.storage.get(META_KEY) {
            match serde_json::from_str::<EnvelopeVersion>(&raw) {
                Ok(e) if e.v > 1 => book.mode = Mode::ReadOnly,
                _ => {
                    book.meta = serde_json::from_str::<MetaEnvelope>(&raw)
                        .map(|m| m.meta)
                        .unwrap_or_default()
                }
            }
        }
        book.copy_to_quarantine(now);
        book
    }

    /// Copies each unreadable value, byte-identical, to its own quarantine key (once).
    fn copy_to_quarantine(&mut self, now: i64) {
        if self.mode != Mode::Normal {
            return;
        }
        for q in &mut self.quarantined {
            let base = format!("{QUARANTINE_PREFIX}{}", q.key.trim_start_matches("yandu:"));
            let mut candidate = base.clone();
            let mut n = 0;
            loop {
                match self.storage.get(&candidate) {
                    Ok(Some(existing)) if existing == q.raw => {
                        q.quarantine_key = Some(candidate);
                        break;
                    }
                    Ok(Some(_)) => {
                        n += 1;
                        candidate = format!("{base}:{now}-{n}");
                    }
                    Ok(None) => {
                        if self.storage.set_text(&candidate, &q.raw).is_ok() {
                            q.quarantine_key = Some(candidate);
                        }
                        break;
                    }
                    Err(_) => break,
                }
            }
        }
    }

    /// Every note, ordered by creation time.
    pub fn notes(&self) -> Vec<&Note> {
        let mut all: Vec<&Note> = self.notes.values().collect();
        crate::order::sort_by(&mut all, |a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        all
    }

    /// Every note by its id.
    pub fn by_id(&self) -> &NotesById {
        &self.notes
    }

    pub fn get(&self, id: &str) -> Option<&Note> {
        self.notes.get(id)
    }

    pub fn is_unsaved(&self, id: &str) -> bool {
        self.unsaved.contains(id)
    }

    pub fn unsaved_count(&self) -> usize {
        self.unsaved.len()
    }

    /// Keeps `note` and writes it to its own key. If the write fails, the note stays in
    /// memory marked unsaved and the error says why.
    pub fn save(&mut self, note: Note) -> Result<(), NoteError> {
        if self.mode == Mode::ReadOnly {
            return Err(NoteError::ReadOnly);
        }
        let id = note.id.clone();
        let written = match self.mode {
            Mode::MemoryOnly => Err(StorageError::Unavailable),
            _ => self.storage.set(&note_key(&id), &Envelope::of(&note)),
        };
        self.notes.insert(id.clone(), note);
        match written {
            Ok(()) => {
                self.unsaved.remove(&id);
                Ok(())
            }
            Err(e) => {
                self.unsaved.insert(id);
                Err(e.into())
            }
        }
    }

    /// Tries again to write every unsaved note; stops at the first failure.
    pub fn retry_unsaved(&mut self) -> Result<(), NoteError> {
        let mut ids: Vec<String> = self.unsaved.iter().cloned().collect();
        crate::order::sort(&mut ids);
        for id in ids {
            if let Some(note) = self.notes.get(&id).cloned() {
                self.save(note)?;
            }
        }
        Ok(())
    }

    /// Removes a note; returns it so the UI can offer undo.
    pub fn delete(&mut self, id: &str) -> Result<Option<Note>, NoteError> {
        if self.mode == Mode::ReadOnly {
            return Err(NoteError::ReadOnly);
        }
        if self.mode == Mode::Normal {
            self.storage.remove(&note_key(id))?;
        }
        self.unsaved.remove(id);
        Ok(self.notes.remove(id))
    }

    /// Follows a change another tab made to one of our keys (`None` = removed).
    pub fn external_change(&mut self, key: &str, value: Option<&str>) {
        let Some(id) = key.strip_prefix(NOTE_PREFIX) else {
            return;
        };
        match value.map(decode) {
            None => {
                self.notes.remove(id);
                self.unsaved.remove(id);
            }
            Some(Decoded::Note(note)) if note.id == id => {
                self.unsaved.remove(id);
                self.notes.insert(note.id.clone(), note);
            }
            Some(Decoded::Newer { .. }) => self.mode = Mode::ReadOnly,
            Some(_) => {}
        }
    }

    /// Removes a quarantined value and its copy, when the user chooses to.
    pub fn discard_quarantined(&mut self, key: &str) -> Result<(), NoteError> {
        if self.mode == Mode::ReadOnly {
            return Err(NoteError::ReadOnly);
        }
        if let Some(pos) = self.quarantined.iter().position(|q| q.key == key) {
            let q = &self.quarantined[pos];
            self.storage.remove(&q.key)?;
            if let Some(copy) = &q.quarantine_key {
                self.storage.remove(copy)?;
            }
            self.quarantined.remove(pos);
        }
        Ok(())
    }

    /// Records settings (last export time, persistence asked) beside the notes.
    pub fn save_meta(&mut self, meta: Meta) -> Result<(), NoteError> {
        self.meta = meta;
        match self.mode {
            Mode::ReadOnly => Err(NoteError::ReadOnly),
            Mode::MemoryOnly => Ok(()),
            Mode::Normal => {
                let envelope = MetaEnvelopeOut {
                    v: 1,
                    meta: &self.meta,
                };
                self.storage
                    .set(META_KEY, &envelope)
                    .map_err(NoteError::from)
            }
        }
    }

    pub fn storage(&self) -> &S {
        &self.storage
    }
}

#[derive(serde::Deserialize)]
struct MetaEnvelope {
    meta: Meta,
}

#[derive(serde::Serialize)]
struct MetaEnvelopeOut<'a> {
    v: u32,
    meta: &'a Meta,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::codec::encode;
    use crate::notes::model::{NoteKind, Target};
    use crate::storage::fakes::{BlockedStorage, FullStorage};
    use crate::storage::memory::MemoryStorage;

    fn note(id: &str, text: &str) -> Note {
        Note {
            id: id.into(),
            target: Target::Part {
                anchor: "s1".into(),
            },
            kind: Some(NoteKind::Lesson),
            text: text.into(),
            created: 10,
            updated: 10,
        }
    }

    #[test]
    fn an_edit_writes_only_its_own_key() {
        let mut book = NoteBook::load(MemoryStorage::new(), 0);
        book.save(note("a", "一")).unwrap();
        book.save(note("b", "二")).unwrap();
        let before = book.storage().snapshot();
        book.save(note("a", "改过")).unwrap();
        let after = book.storage().snapshot();
        let changed: Vec<&String> = after
            .keys()
            .filter(|k| before.get(*k) != after.get(*k))
            .collect();
        assert_eq!(changed, [&note_key("a")]);
    }

    #[test]
    fn loading_writes_nothing_when_all_is_well() {
        let storage = MemoryStorage::new();
        storage
            .set_text(&note_key("a"), &encode(&note("a", "x")))
            .unwrap();
        storage.set_text("other-app:key", "theirs").unwrap();
        let before = storage.snapshot();
        let book = NoteBook::load(storage, 0);
        assert_eq!(book.storage().snapshot(), before);
        assert_eq!(book.notes().len(), 1);
    }

    #[test]
    fn corrupt_values_are_quarantined_byte_identical_and_kept() {
        let storage = MemoryStorage::new();
        storage
            .set_text(&note_key("a"), &encode(&note("a", "好的")))
            .unwrap();
        storage
            .set_text(&note_key("bad"), "{\"v\":1,\"note\":{ oops \u{1F4A5}")
            .unwrap();
        let book = NoteBook::load(storage, 0);
        assert_eq!(book.notes().len(), 1);
        assert_eq!(book.quarantined.len(), 1);
        let q = &book.quarantined[0];
        let copy = q.quarantine_key.clone().unwrap();
        let snap = book.storage().snapshot();
        assert_eq!(snap[&copy], "{\"v\":1,\"note\":{ oops \u{1F4A5}");
        assert_eq!(
            snap[&note_key("bad")],
            "{\"v\":1,\"note\":{ oops \u{1F4A5}",
            "left in place"
        );
        // Loading again does not make a second copy.
        let book = NoteBook::load(MemoryStorage::new(), 0);
        drop(book);
    }

    #[test]
    fn a_second_load_reuses_the_quarantine_copy() {
        let storage = MemoryStorage::new();
        storage.set_text(&note_key("bad"), "garbage").unwrap();
        let book = NoteBook::load(storage, 1);
        let first = book.storage().snapshot();
        let storage = MemoryStorage::new();
        for (k, v) in &first {
            storage.set_text(k, v).unwrap();
        }
        let book = NoteBook::load(storage, 2);
        assert_eq!(book.storage().snapshot(), first);
    }

    #[test]
    fn newer_data_makes_the_book_read_only() {
        let storage = MemoryStorage::new();
        storage
            .set_text(&note_key("future"), r#"{"v":7,"note":{"whatever":true}}"#)
            .unwrap();
        let mut book = NoteBook::load(storage, 0);
        let before = book.storage().snapshot();
        assert_eq!(book.mode, Mode::ReadOnly);
        assert_eq!(book.save(note("a", "x")), Err(NoteError::ReadOnly));
        assert!(book.delete("future").is_err());
        assert_eq!(book.storage().snapshot(), before);
    }

    #[test]
    fn a_full_store_keeps_the_note_unsaved_and_the_value_unchanged() {
        let storage = FullStorage::default();
        storage
            .inner
            .set_text(&note_key("a"), &encode(&note("a", "旧")))
            .unwrap();
        let mut book = NoteBook::load(storage, 0);
        book.storage().full.set(true);
        let before = book.storage().inner.snapshot();
        let err = book.save(note("a", "新")).unwrap_err();
        assert_eq!(err, NoteError::Storage(StorageError::QuotaExceeded));
        assert_eq!(
            book.get("a").unwrap().text,
            "新",
            "the edit stays on screen"
        );
        assert!(book.is_unsaved("a"));
        assert_eq!(
            book.storage().inner.snapshot(),
            before,
            "stored value unchanged"
        );
        book.storage().full.set(false);
        book.retry_unsaved().unwrap();
        assert!(!book.is_unsaved("a"));
        assert_eq!(
            decode(&book.storage().inner.snapshot()[&note_key("a")]),
            Decoded::Note(note("a", "新"))
        );
    }

    #[test]
    fn blocked_storage_keeps_notes_in_memory() {
        let mut book = NoteBook::load(BlockedStorage, 0);
        assert_eq!(book.mode, Mode::MemoryOnly);
        assert!(book.save(note("a", "x")).is_err());
        assert_eq!(book.notes().len(), 1);
        assert!(book.is_unsaved("a"));
    }

    #[test]
    fn other_tabs_changes_are_followed() {
        let mut book = NoteBook::load(MemoryStorage::new(), 0);
        book.external_change(&note_key("b"), Some(&encode(&note("b", "别的标签页"))));
        assert_eq!(book.get("b").unwrap().text, "别的标签页");
        book.external_change(&note_key("b"), None);
        assert!(book.get("b").is_none());
        book.external_change("someone-else:key", Some("x"));
        assert_eq!(book.notes().len(), 0);
    }
}
