//! The outline (提纲): sections and their points with the report's own numbering and lead
//! phrases. Plain links to the anchors, so the browser keeps the history for back/forward;
//! the part being read is marked; sections fold; on narrow screens it is a drawer. Static:
//! rendered at build time; the wasm's glue marks the part in view, counts notes, folds and
//! opens the drawer (`ui::static_page`).

use leptos::either::Either;
use leptos::prelude::*;

use crate::report::Anchor;
use crate::summary::{Outline, OutlineItem};

#[component]
pub fn OutlineNav(outline: &'static Outline) -> impl IntoView {
    view! {
        <nav id="outline" class="outline" aria-label="提纲" data-open="false">
            <div class="outline-head">
                <h2 class="outline-title">"提纲"</h2>
                <button type="button" class="icon-button outline-close" aria-label="关闭提纲">
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
        <div class="scrim outline-scrim" aria-hidden="true" data-open="false"></div>
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
    let children_id = format!("outline-{anchor}");
    let has_children = !item.children.is_empty();
    Either::Right(view! {
        <li class="outline-item" class:has-children=has_children>
            <div class="outline-row">
                {has_children.then(|| {
                    let label = format!("{}{}", item.ordinal, item.label);
                    view! {
                        <button
                            type="button"
                            class="outline-toggle"
                            aria-expanded="true"
                            aria-controls=children_id.clone()
                            aria-label=format!("收起：{label}")
                            data-label=label
                        >
                            <span class="chevron" aria-hidden="true"></span>
                        </button>
                    }
                })}
                <OutlineLink anchor=anchor ordinal=&item.ordinal label=&item.label />
            </div>
            {has_children.then(|| view! {
                <ol id=format!("outline-{anchor}") class="outline-children">
                    {children()}
                </ol>
            })}
        </li>
    })
}

#[component]
fn OutlineLink(anchor: Anchor, ordinal: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <a class="outline-link" href=format!("#{anchor}") data-anchor=anchor.id()>
            {(!ordinal.is_empty()).then(|| view! { <span class="outline-ordinal">{ordinal}</span> })}
            <span class="outline-label">{label}</span>
        </a>
    }
}
