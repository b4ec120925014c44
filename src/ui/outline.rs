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
                {outline.items.iter().map(|item| view! { <OutlineEntry item=item /> }).collect_view()}
            </ol>
        </nav>
        <div class="scrim" aria-hidden="true" on:click=close data-open=move || state.outline_open.get().to_string()></div>
    }
}

// Entries nest two levels deep (a section folds its （一）s or points, and those theirs);
// entries deeper still are listed flat inside their level-two entry, indented by depth.
// Typed views throughout: a recursive view needs `AnyView`, which costs wasm per type.

/// A top-level entry.
#[component]
fn OutlineEntry(item: &'static OutlineItem) -> impl IntoView {
    entry(item, 0, move || {
        item.children
            .iter()
            .map(|c| view! { <OutlineSubEntry item=c /> })
            .collect_view()
    })
}

/// An entry inside a top-level one: what is inside it is listed flat.
#[component]
fn OutlineSubEntry(item: &'static OutlineItem) -> impl IntoView {
    entry(item, 1, move || {
        let mut deep = Vec::new();
        item.children
            .iter()
            .for_each(|c| descendants(c, 2, &mut deep));
        deep.into_iter()
            .map(|(c, depth)| {
                view! {
                    <li class=format!("outline-item depth-{depth}")>
                        <OutlineLink anchor=c.anchor ordinal=&c.ordinal label=&c.label />
                    </li>
                }
            })
            .collect_view()
    })
}

fn descendants(
    item: &'static OutlineItem,
    depth: usize,
    out: &mut Vec<(&'static OutlineItem, usize)>,
) {
    out.push((item, depth));
    item.children
        .iter()
        .for_each(|c| descendants(c, depth + 1, out));
}

/// An entry's row (with a fold toggle when it has children) and its children's list.
fn entry<C: IntoView + 'static>(
    item: &'static OutlineItem,
    depth: usize,
    children: impl FnOnce() -> C,
) -> impl IntoView {
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
    let expanded = RwSignal::new(true);
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
                    {children()}
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
