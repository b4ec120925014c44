//! The outline (提纲): sections and their points with the report's own numbering and lead
//! phrases. Plain links to the anchors, so the browser keeps the history for back/forward;
//! the part being read is marked; sections fold; on narrow screens it is a drawer.

use leptos::either::Either;
use leptos::prelude::*;

use super::notes::use_notes;
use super::state::use_reading_state;
use crate::report::Anchor;
use crate::summary::{Outline, OutlineItem};

#[component]
pub fn OutlineNav(outline: &'static Outline) -> impl IntoView {
    let state = use_reading_state();
    let close = move |_| state.outline_open.set(false);
    view! {
        <nav
            id="outline"
            class="outline"
            aria-label="提纲"
            data-open=move || state.outline_open.get().to_string()
        >
            <div class="outline-head">
                <h2 class="outline-title">"提纲"</h2>
                <button type="button" class="icon-button outline-close" aria-label="关闭提纲" on:click=close>
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
            <ol class="outline-list">
                <li class="outline-item">
                    <div class="outline-row">
                        <OutlineLink anchor=Anchor::Overview ordinal="" label="概览" />
                    </div>
                </li>
                {outline.items.iter().map(|item| view! { <OutlineEntry item=item depth=0 /> }).collect_view()}
            </ol>
        </nav>
        <div class="scrim" aria-hidden="true" on:click=close data-open=move || state.outline_open.get().to_string()></div>
    }
}

/// Levels below this start folded, so a long report's outline stays a table of contents.
const UNFOLDED_DEPTH: usize = 2;

/// An entry inside an entry. The outline's one type erasure (each `AnyView` type keeps its
/// own async-hydration code in the wasm).
fn entry_view(item: &'static OutlineItem, depth: usize) -> AnyView {
    view! { <OutlineEntry item=item depth=depth /> }.into_any()
}

#[component]
fn OutlineEntry(item: &'static OutlineItem, depth: usize) -> impl IntoView {
    let anchor = item.anchor;
    // A leaf below the top is a plain link, as the points of a section always were.
    if depth > 0 && item.children.is_empty() {
        return Either::Left(view! {
            <li class="outline-item">
                <OutlineLink anchor=anchor ordinal=&item.ordinal label=&item.label />
            </li>
        });
    }
    let state = use_reading_state();
    let expanded = RwSignal::new(depth < UNFOLDED_DEPTH);
    // A node a part inside which is in view (the node itself is then not active).
    let contains_active = move || state.holds_active(anchor);
    let children_id = format!("outline-{anchor}");
    let has_children = !item.children.is_empty();
    Either::Right(view! {
        <li class="outline-item" class:has-children=has_children class:contains-active=contains_active>
            <div class="outline-row">
                {has_children.then(|| {
                    let label = format!("{}{}", item.ordinal, item.label);
                    view! {
                        <button
                            type="button"
                            class="outline-toggle"
                            aria-expanded=move || expanded.get().to_string()
                            aria-controls=children_id.clone()
                            aria-label=move || format!("{}：{}", if expanded.get() { "收起" } else { "展开" }, label)
                            on:click=move |_| expanded.update(|e| *e = !*e)
                        >
                            <span class="chevron" aria-hidden="true"></span>
                        </button>
                    }
                })}
                <OutlineLink anchor=anchor ordinal=&item.ordinal label=&item.label />
            </div>
            {has_children.then(|| view! {
                <ol id=format!("outline-{anchor}") class="outline-children" hidden=move || !expanded.get()>
                    {item.children.iter().map(|c| entry_view(c, depth + 1)).collect_view()}
                </ol>
            })}
        </li>
    })
}

#[component]
fn OutlineLink(anchor: Anchor, ordinal: &'static str, label: &'static str) -> impl IntoView {
    let state = use_reading_state();
    let notes = use_notes();
    let is_active = move || state.is_active(anchor);
    let in_theme = move || state.in_chosen_theme(anchor);
    view! {
        <a
            class="outline-link"
            href=format!("#{anchor}")
            data-anchor=anchor.id()
            class:is-active=is_active
            class:in-theme=in_theme
            aria-current=move || is_active().then_some("location")
            on:click=move |_| state.outline_open.set(false)
        >
            {(!ordinal.is_empty()).then(|| view! { <span class="outline-ordinal">{ordinal}</span> })}
            <span class="outline-label">{label}</span>
            {move || {
                let n = notes.count_in(anchor);
                (n > 0 && anchor != Anchor::Overview).then(|| view! {
                    <span class="note-badge" aria-label=format!("{n} 条笔记")>{n}</span>
                })
            }}
        </a>
    }
}
