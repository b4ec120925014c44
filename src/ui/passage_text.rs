//! One passage of the static report: its text as prerendered HTML (`passage_html` with no
//! marks). The wasm never renders it as a view: when the passage's marks change it replaces
//! the span's contents with the same function's output (`ui::text_marks`).

use leptos::either::Either;
use leptos::prelude::*;

use super::passage_html::{passage_html, redaction_label};
use crate::report::passage::{Passage, PieceKind};
use crate::summary::glossary::gloss_ranges;

/// A masked value as a chip: the X's of the source, labelled as masked.
pub fn redaction_chip(masked: String) -> impl IntoView {
    let label = redaction_label(&masked);
    view! { <span class="redacted" role="img" title=label.clone() aria-label=label>{masked}</span> }
}

#[component]
pub fn PassageText(passage: &'static Passage) -> impl IntoView {
    let html = passage_html(passage, &[], &gloss_ranges(passage), &[], |_| None);
    view! { <span class="passage" data-passage=passage.index inner_html=html></span> }
}

/// A byte range of a passage as plain text with masked values as chips (for the overview).
pub fn range_view(passage: &Passage, (start, end): (usize, usize)) -> impl IntoView {
    passage
        .pieces
        .iter()
        .filter(|p| p.start < end && p.end > start && p.kind != PieceKind::Break)
        .map(|p| {
            let text = passage
                .slice(p.start.max(start), p.end.min(end))
                .to_string();
            if p.kind == PieceKind::Redaction {
                Either::Left(redaction_chip(text))
            } else {
                Either::Right(text)
            }
        })
        .collect_view()
}
