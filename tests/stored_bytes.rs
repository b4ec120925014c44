//! What is written for a note is byte-for-byte what the app has always written. Storage is
//! handed the envelope itself (in the browser, gloo-storage's `LocalStorage::set`, which is
//! `serde_json::to_string` of it plus `setItem`), so a note saved again by this code must give
//! the exact bytes that the earlier code stored: `fixtures/stored-notes-v1.json` holds 82 values
//! written by it (quotes in every part, part notes, every kind).

use std::collections::BTreeMap;

use yandu::notes::codec::{decode, Decoded, Envelope};
use yandu::notes::NoteBook;
use yandu::storage::memory::MemoryStorage;
use yandu::storage::KeyValue;

fn stored() -> BTreeMap<String, String> {
    serde_json::from_str(include_str!("fixtures/stored-notes-v1.json")).unwrap()
}

#[test]
fn the_envelope_is_written_as_the_bytes_stored_before() {
    let stored = stored();
    assert!(stored.len() >= 80);
    let store = MemoryStorage::new();
    for (key, raw) in &stored {
        let Decoded::Note(note) = decode(raw) else {
            panic!("{key} does not decode")
        };
        store.set(key, &Envelope::of(&note)).unwrap();
        assert_eq!(&store.snapshot()[key], raw, "{key}");
        // Never a JSON string inside a JSON string.
        assert!(store.snapshot()[key].starts_with("{\"v\":1,\"note\":{"));
    }
}

#[test]
fn saving_every_stored_note_again_changes_no_byte() {
    let store = MemoryStorage::new();
    for (key, raw) in stored() {
        store.set_text(&key, &raw).unwrap();
    }
    let mut book = NoteBook::load(store, 0);
    let notes: Vec<_> = book.notes().into_iter().cloned().collect();
    assert_eq!(notes.len(), stored().len());
    for note in notes {
        book.save(note).unwrap();
    }
    assert_eq!(book.storage().snapshot(), stored());
}
