use std::time::Instant;
use yandu::notes::anchoring::locate;
use yandu::notes::codec::encode;
use yandu::notes::{Note, NoteBook, NoteKind, Target};
use yandu::report::PASSAGES;
use yandu::storage::memory::MemoryStorage;
use yandu::storage::KeyValue;

#[test]
fn timing() {
    let parts: Vec<_> = PASSAGES.iter().filter(|p| p.anchor.is_some()).collect();
    let store = MemoryStorage::new();
    for i in 0..10_000usize {
        let p = parts[i % parts.len()];
        let chars: Vec<char> = p.text.chars().collect();
        let at = (i * 7) % chars.len().saturating_sub(12).max(1);
        let quote: String = chars[at..(at + 8).min(chars.len())].iter().collect();
        let target = if i % 4 == 0 {
            Target::Part {
                anchor: p.anchor.unwrap().id(),
            }
        } else {
            Target::Quote {
                anchor: p.anchor.unwrap().id(),
                quote,
                prefix: String::new(),
                suffix: String::new(),
                offset: at,
            }
        };
        let n = Note {
            id: format!("bench{i}"),
            target,
            kind: Some(NoteKind::Practice),
            text: format!("第{i}条笔记"),
            created: 1700000000000 + i as i64,
            updated: 0,
        };
        store
            .set_text(&format!("yandu:v1:note:bench{i}"), &encode(&n))
            .unwrap();
    }
    let t = Instant::now();
    let book = NoteBook::load(store, 0);
    println!("load {:?}", t.elapsed());
    let t = Instant::now();
    let notes: Vec<Note> = book.notes().into_iter().cloned().collect();
    println!("notes() clone {:?}", t.elapsed());
    let t = Instant::now();
    let placed: Vec<_> = notes.iter().map(|n| locate(&PASSAGES, &n.target)).collect();
    println!(
        "locate {:?} placed {}",
        t.elapsed(),
        placed.iter().filter(|p| p.is_some()).count()
    );
}
