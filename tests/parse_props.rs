#![cfg(not(target_arch = "wasm32"))]
//! Properties of the parser over generated input: it never panics, and the document's spans
//! always give back the input exactly.

use proptest::prelude::*;
use yandu::report::inline::{parse_inlines, source_of};
use yandu::report::{Anchor, Document};

/// Pieces of the genre (ordinals, markers, marks, masks, quotes, breaks) mixed with noise.
fn genre_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("一、".to_string()),
        Just("二、".to_string()),
        Just("十一、".to_string()),
        Just("一是".to_string()),
        Just("二是".to_string()),
        Just("三是".to_string()),
        Just("。".to_string()),
        Just("，".to_string()),
        Just("；".to_string()),
        Just("：".to_string()),
        Just("X".to_string()),
        Just("XX".to_string()),
        Just("Ｘ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("　".to_string()),
        Just(" ".to_string()),
        "[一二三是、。XＸa-z0-9城乡统筹]{1,6}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_round_trips(text in any::<String>()) {
        prop_assert_eq!(Document::parse(&text).source(), text);
    }

    #[test]
    fn genre_like_text_round_trips(text in genre_text()) {
        let doc = Document::parse(&text);
        prop_assert_eq!(doc.source(), text);
        // Anchors are unique and every one resolves.
        let anchors = doc.anchors();
        let unique: std::collections::HashSet<_> = anchors.iter().collect();
        prop_assert_eq!(unique.len(), anchors.len());
        for a in &anchors {
            prop_assert!(doc.has(*a), "{} does not resolve", a);
            prop_assert_eq!(Anchor::parse(&a.id()), Some(*a));
        }
    }

    #[test]
    fn inlines_round_trip(text in genre_text()) {
        prop_assert_eq!(source_of(&parse_inlines(&text)), text);
    }
}
