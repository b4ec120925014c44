//! The shipped report reads exactly as it did before the document tree: the same passages
//! (kind, anchor, pieces, text) and the same outline, recorded from the two-level parser in
//! tests/fixtures/seed-reading.txt; and notes stored by that version (tests/fixtures/
//! stored-notes-v1.json, one for every part and quotes at the start, middle and end of each
//! passage) still land on the same text, by their stored offset.

use yandu::notes::anchoring::locate;
use yandu::notes::codec::{decode, Decoded};
use yandu::notes::Target;
use yandu::report::{passages, Anchor, Document, REPORT_TEXT};
use yandu::summary::{Outline, OutlineItem};

fn reading() -> String {
    let doc = Document::parse(REPORT_TEXT);
    let mut out = String::new();
    for p in passages(&doc) {
        let anchor = p.anchor.map(|a| a.id()).unwrap_or_else(|| "-".into());
        let pieces: Vec<String> = p
            .pieces
            .iter()
            .map(|x| {
                let n = p.text[x.start..x.end].chars().count();
                format!("{:?}/{:?}:{n}", x.kind, x.style)
            })
            .collect();
        out.push_str(&format!(
            "passage {} {:?} {} [{}]\n  {:?}\n",
            p.index,
            p.kind,
            anchor,
            pieces.join(" "),
            p.text
        ));
    }
    fn item(out: &mut String, i: &OutlineItem, depth: usize) {
        out.push_str(&format!(
            "outline {}{} {} {}\n",
            "  ".repeat(depth),
            i.anchor.id(),
            i.ordinal,
            i.label
        ));
        i.children.iter().for_each(|c| item(out, c, depth + 1));
    }
    Outline::of(&doc)
        .items
        .iter()
        .for_each(|i| item(&mut out, i, 0));
    out
}

#[test]
fn the_seed_reads_as_recorded() {
    let expected = include_str!("fixtures/seed-reading.txt");
    let actual = reading();
    for (n, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        assert_eq!(e, a, "line {} differs", n + 1);
    }
    assert_eq!(expected.lines().count(), actual.lines().count());
}

#[test]
fn notes_stored_before_land_on_the_same_text() {
    let doc = Document::parse(REPORT_TEXT);
    let ps = passages(&doc);
    let stored: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(include_str!("fixtures/stored-notes-v1.json")).unwrap();
    assert_eq!(stored.len(), 82);
    let mut quotes = 0;
    for (key, value) in &stored {
        let Decoded::Note(note) = decode(value.as_str().unwrap()) else {
            panic!("{key} does not decode");
        };
        match &note.target {
            Target::Part { anchor } => {
                let a = Anchor::parse(anchor).unwrap();
                assert!(doc.has(a), "{anchor} is gone");
            }
            Target::Quote {
                anchor,
                quote,
                offset,
                ..
            } => {
                quotes += 1;
                // The part's text at the stored offset is still the quote: the fast path.
                let a = Anchor::parse(anchor).unwrap();
                let part: String = ps
                    .iter()
                    .filter(|p| p.anchor == Some(a))
                    .map(|p| p.text.as_str())
                    .collect();
                let at: String = part.chars().skip(*offset).collect();
                assert!(at.starts_with(quote.as_str()), "{key}: {quote:?} moved");
                let placed = locate(&ps, &note.target).unwrap();
                let found: String = placed
                    .iter()
                    .map(|(i, s, e)| &ps[*i].text[*s..*e])
                    .collect();
                assert_eq!(&found, quote, "{key}");
                assert!(placed.iter().all(|(i, _, _)| ps[*i].anchor == Some(a)));
            }
            Target::Report => {}
        }
    }
    assert_eq!(quotes, 63);
}
