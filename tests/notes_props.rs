#![cfg(not(target_arch = "wasm32"))]
//! Properties of export and import: export then import is the identity, importing the same
//! file twice changes nothing, and a merge never drops a note id.

use std::collections::BTreeMap;

use yandu::notes::NotesById;

use proptest::prelude::*;
use yandu::notes::model::{Note, NoteKind, Target};
use yandu::notes::transfer::{apply, export_json, parse_import, plan_import};

fn kind() -> impl Strategy<Value = Option<NoteKind>> {
    prop_oneof![
        Just(None),
        prop::sample::select(NoteKind::ALL.to_vec()).prop_map(Some)
    ]
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::Report),
        "(s[1-4](-p[1-4])?|intro|closing)".prop_map(|anchor| Target::Part { anchor }),
        (
            "s[1-4]-p[1-3]",
            "\\PC{1,20}",
            "\\PC{0,8}",
            "\\PC{0,8}",
            0usize..500
        )
            .prop_map(|(anchor, quote, prefix, suffix, offset)| Target::Quote {
                anchor,
                quote,
                prefix,
                suffix,
                offset
            }),
    ]
}

/// Notes with hostile and odd text: markup, script URLs, control-free Unicode of any plane.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("[链接](javascript:alert(1)) <svg onload=alert(1)>".to_string()),
        "\\PC{0,60}",
        any::<String>(),
    ]
}

fn note() -> impl Strategy<Value = Note> {
    (
        "[a-z0-9]{1,4}",
        target(),
        kind(),
        text(),
        0i64..1000,
        0i64..1000,
    )
        .prop_map(|(id, target, kind, text, created, bump)| Note {
            id,
            target,
            kind,
            text,
            created,
            updated: created + bump,
        })
}

fn notes() -> impl Strategy<Value = Vec<Note>> {
    prop::collection::vec(note(), 0..12).prop_map(|v| {
        let mut by_id = BTreeMap::new();
        for n in v {
            by_id.insert(n.id.clone(), n);
        }
        by_id.into_values().collect()
    })
}

fn as_map(v: &[Note]) -> NotesById {
    v.iter().map(|n| (n.id.clone(), n.clone())).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn export_then_import_is_the_identity(v in notes()) {
        let refs: Vec<&Note> = v.iter().collect();
        let file = export_json(&refs, 42, "标题");
        let back = parse_import(&file).expect("our own export imports");
        prop_assert_eq!(&back, &v);
        let mut empty = NotesById::new();
        apply(&mut empty, &plan_import(&NotesById::new(), &back));
        prop_assert_eq!(empty, as_map(&v));
    }

    #[test]
    fn importing_the_same_file_twice_changes_nothing(local in notes(), incoming in notes()) {
        let mut merged = as_map(&local);
        let plan = plan_import(&merged, &incoming);
        apply(&mut merged, &plan);
        let once = merged.clone();
        let again = plan_import(&merged, &incoming);
        prop_assert!(again.is_empty(), "{:?}", again);
        apply(&mut merged, &again);
        prop_assert_eq!(merged, once);
    }

    #[test]
    fn a_merge_never_drops_a_note_id(local in notes(), incoming in notes()) {
        let mut merged = as_map(&local);
        let plan = plan_import(&merged, &incoming);
        apply(&mut merged, &plan);
        for n in local.iter().chain(incoming.iter()) {
            prop_assert!(merged.contains_key(&n.id), "{} dropped", n.id);
        }
        // And no text is lost: every note's content is somewhere in the result.
        for n in local.iter().chain(incoming.iter()) {
            prop_assert!(merged.values().any(|m| m.text == n.text && m.target == n.target && m.updated == n.updated));
        }
    }
}
