//! Renders one passage's text from its runs: text as text (never HTML), masked values as
//! chips, quoted terms emphasised, glossary terms as buttons that open their explanation,
//! and search hits or a flashed sentence as `<mark>`. Re-renders only when its marks change.

use leptos::either::{Either, EitherOf3, EitherOf4};
use leptos::prelude::*;

use super::notes::use_notes;
use super::state::use_reading_state;
use crate::report::passage::{MarkKind, Passage, PieceKind, PieceStyle, Run};
use crate::summary::glossary::gloss_ranges;

/// The tooltip and accessible name of a masked value.
pub fn redaction_label(masked: &str) -> String {
    format!("原文已隐去此处的名称或数字（以“{masked}”表示）")
}

/// A masked value as a chip: the X's of the source, labelled as masked.
pub fn redaction_chip(masked: String) -> impl IntoView {
    let label = redaction_label(&masked);
    view! { <span class="redacted" role="img" title=label.clone() aria-label=label>{masked}</span> }
}

// Views here are typed (`Either…`), never `AnyView`: every `AnyView` keeps a type's whole
// async-hydration code alive in the wasm though this app never hydrates asynchronously.

#[component]
pub fn PassageText(passage: &'static Passage) -> impl IntoView {
    let state = use_reading_state();
    let index = passage.index;
    let marks = state.marks_of(index);
    let notes = use_notes();
    let note_marks = notes.marks.of(index);
    let glosses = gloss_ranges(passage);
    let body = move || {
        let runs = passage.runs(&marks.get(), &glosses, &note_marks.get());
        group_by(&runs, |r| r.note)
            .into_iter()
            .map(|(note, runs)| {
                let inner = quoted(passage, runs);
                match note.and_then(|i| notes.notes.with_untracked(|ns| ns.get(i).cloned())) {
                    Some(n) => {
                        let first_here = notes.placement.with_untracked(|p| {
                            p.get(note.unwrap_or(0)).and_then(|v| v.as_ref()).and_then(|v| v.first()).is_some_and(|f| f.0 == index)
                        });
                        let kind = n.kind.map(|k| k.label()).unwrap_or("划线");
                        let slug = n.kind.map(|k| k.slug()).unwrap_or("plain");
                        let id = n.id.clone();
                        Either::Left(view! {
                            <mark
                                class=format!("note note-{slug}")
                                id=first_here.then(|| format!("note-{}", n.id))
                                data-note=n.id.clone()
                                data-sr-start=format!("批注开始：{kind}")
                                data-sr-end="批注结束"
                                title=if n.text.is_empty() { kind.to_string() } else { format!("{kind}：{}", n.text) }
                                on:click=move |_| {
                                    // A click that ends a selection is not a request to edit.
                                    if crate::browser::selection::current_selection().is_none() {
                                        notes.open_editor(&id);
                                    }
                                }
                            >{inner}</mark>
                        })
                    }
                    None => Either::Right(inner),
                }
            })
            .collect_view()
    };
    view! { <span class="passage" data-passage=index>{body}</span> }
}

fn quoted(passage: &'static Passage, runs: &[Run]) -> Vec<impl IntoView> {
    group_by(runs, |r| r.quote)
        .into_iter()
        .map(|(quote, runs)| {
            let inner = glossed(passage, runs);
            match quote {
                Some(_) => Either::Left(view! { <span class="term">{inner}</span> }),
                None => Either::Right(inner),
            }
        })
        .collect()
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

/// Consecutive runs that share a key.
fn group_by<K: PartialEq + Copy>(runs: &[Run], key: impl Fn(&Run) -> K) -> Vec<(K, &[Run])> {
    let mut out: Vec<(K, &[Run])> = Vec::new();
    let mut start = 0;
    for i in 1..=runs.len() {
        if i == runs.len() || key(&runs[i]) != key(&runs[start]) {
            out.push((key(&runs[start]), &runs[start..i]));
            start = i;
        }
    }
    out
}

fn glossed(passage: &'static Passage, runs: &[Run]) -> Vec<impl IntoView> {
    group_by(runs, |r| r.gloss)
        .into_iter()
        .map(|(gloss, runs)| {
            let inner: Vec<_> = runs.iter().map(|r| run_view(passage, r)).collect();
            match gloss {
                Some(entry) => Either::Left(gloss_term(entry, inner)),
                None => Either::Right(inner),
            }
        })
        .collect()
}

fn run_view(passage: &Passage, run: &Run) -> impl IntoView {
    let text = passage.slice(run.start, run.end).to_string();
    let body = match (run.kind, run.style) {
        (PieceKind::Break, _) => return EitherOf3::A(view! { <br /> }),
        (PieceKind::Redaction, _) => EitherOf4::A(redaction_chip(text)),
        (PieceKind::Text, style @ (PieceStyle::Ordinal | PieceStyle::ListMarker)) => {
            let class = if style == PieceStyle::ListMarker {
                "ordinal list-marker"
            } else {
                "ordinal"
            };
            EitherOf4::B(view! { <span class=class>{text}</span> })
        }
        (PieceKind::Text, PieceStyle::Lead) => {
            EitherOf4::C(view! { <strong class="point-lead">{text}</strong> })
        }
        (PieceKind::Text, PieceStyle::Plain) => EitherOf4::D(text),
    };
    let class = match run.mark {
        None => return EitherOf3::B(body),
        Some(MarkKind::Hit) => "hit",
        Some(MarkKind::CurrentHit) => "hit current",
        Some(MarkKind::Flash) => "flash",
    };
    EitherOf3::C(view! { <mark class=class>{body}</mark> })
}

/// A glossary term in the text: hover, focus or tap opens its explanation. The listeners are
/// on the document, for every term at once (`browser::gloss_terms`).
fn gloss_term(entry: usize, inner: impl IntoView) -> impl IntoView {
    // A span, not a <button>: buttons are atomic inline boxes, so a long term could not
    // wrap and justified lines around it would gape.
    view! {
        <span
            role="button"
            tabindex="0"
            class="gloss"
            data-term=entry
            aria-expanded="false"
            aria-controls="gloss-popover"
        >
            {inner}
        </span>
    }
}
