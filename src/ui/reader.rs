//! The reader: the whole report, every character of the source, structured by its own
//! numbering. Each part carries its anchor as id, so `#s2-p3` lands on 二、's 三是.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

use super::passage_text::PassageText;
use super::state::use_reading_state;
use crate::report::passage::{LayoutItem, NodeLayout, Passage, PassageKind};
use crate::report::{Anchor, LAYOUT, PASSAGES};
use crate::summary::outline::{CLOSING_LABEL, INTRO_LABEL};

fn passage(i: usize) -> Option<&'static Passage> {
    PASSAGES.get(i)
}

fn of_kind(list: &[usize], kind: PassageKind) -> Vec<&'static Passage> {
    list.iter()
        .filter_map(|&i| passage(i))
        .filter(|p| p.kind == kind)
        .collect()
}

#[component]
pub fn Reader() -> impl IntoView {
    let layout: &'static _ = *LAYOUT;
    let front = &layout.front;
    view! {
        <article id="reader" class="doc" aria-labelledby="doc-title">
            <header class="doc-head">
                {asides(front.iter().filter_map(|&i| passage(i)).filter(|p| p.kind == PassageKind::Furniture).collect())}
                {of_kind(front, PassageKind::Notice).into_iter().map(|p| view! {
                    <aside class="doc-notice" aria-label="来源说明">
                        <p><PassageText passage=p /></p>
                    </aside>
                }).collect_view()}
                <h1 id="doc-title" class="doc-title">
                    {of_kind(front, PassageKind::Title).into_iter().map(|p| view! { <PassageText passage=p /> }).collect_view()}
                </h1>
                {front.iter().filter_map(|&i| passage(i)).filter(|p| matches!(p.kind, PassageKind::Subtitle | PassageKind::Speaker)).map(|p| {
                    let class = if p.kind == PassageKind::Speaker { "doc-subtitle doc-speaker" } else { "doc-subtitle" };
                    view! { <p class=class><PassageText passage=p /></p> }
                }).collect_view()}
                {of_kind(front, PassageKind::Salutation).into_iter().map(|p| view! {
                    <p class="doc-salutation"><PassageText passage=p /></p>
                }).collect_view()}
            </header>
            {(!layout.intro.is_empty()).then(|| view! {
                <Part anchor=Anchor::Intro label=INTRO_LABEL.to_string() class="intro">
                    {paragraphs(&layout.intro)}
                </Part>
            })}
            {layout.parts.iter().map(|n| view! { <NodeView node=n /> }).collect_view()}
            {(!layout.closing.is_empty()).then(|| view! {
                <Part anchor=Anchor::Closing label=CLOSING_LABEL.to_string() class="closing">
                    {paragraphs(&layout.closing)}
                </Part>
            })}
            {layout.appendices.iter().map(|(anchor, items)| {
                let label = items.first().and_then(|&i| passage(i)).map(|p| p.text.trim().to_string()).unwrap_or_default();
                view! {
                    <Part anchor=*anchor label=label class="appendix">
                        {paragraphs(items)}
                    </Part>
                }
            }).collect_view()}
            {asides(layout.back.iter().filter_map(|&i| passage(i)).collect())}
        </article>
    }
}

/// Lines kept for fidelity that are not the document (page furniture, captions, a
/// signature): shown small and dim, page chrome folded away.
fn asides(list: Vec<&'static Passage>) -> impl IntoView {
    let (furniture, rest): (Vec<_>, Vec<_>) = list
        .into_iter()
        .partition(|p| p.kind == PassageKind::Furniture);
    view! {
        {(!furniture.is_empty()).then(|| view! {
            <details class="doc-furniture">
                <summary>{format!("网页附带的文字（{} 行，非正文）", furniture.len())}</summary>
                {furniture.into_iter().map(|p| view! { <p><PassageText passage=p /></p> }).collect_view()}
            </details>
        })}
        {rest.into_iter().map(paragraph).collect_view()}
    }
}

/// One passage of a part's body, set by its kind.
fn paragraph(p: &'static Passage) -> impl IntoView {
    let class = match p.kind {
        PassageKind::SectionLead => "sec-lead",
        PassageKind::AppendixHeading => "appendix-heading",
        PassageKind::Caption => "doc-caption",
        PassageKind::Signature => "doc-signature",
        PassageKind::Furniture => "doc-furniture-line",
        _ => "",
    };
    view! { <p class=class><PassageText passage=p /></p> }
}

fn paragraphs(list: &[usize]) -> impl IntoView {
    list.iter()
        .filter_map(|&i| passage(i))
        .map(paragraph)
        .collect_view()
}

/// Whether the part is the target of the last jump (it flashes and keeps a bar).
fn is_target(anchor: Anchor) -> impl Fn() -> bool + Copy {
    let state = use_reading_state();
    move || state.target.is(anchor)
}

/// A `<section>` for the introduction, the closing or an appendix.
#[component]
fn Part<C: IntoView + 'static>(
    anchor: Anchor,
    label: String,
    class: &'static str,
    children: TypedChildren<C>,
) -> impl IntoView {
    let name = label.clone();
    view! {
        <section id=anchor.id() class=format!("part {class}") class:is-target=is_target(anchor) aria-label=name>
            <AnchorLink anchor=anchor label=label />
            {children.into_inner()()}
        </section>
    }
}

/// The items of a node after its first passage: paragraphs and the nodes inside it.
fn node_items(items: &'static [LayoutItem]) -> impl IntoView {
    items
        .iter()
        .map(|item| match item {
            LayoutItem::Passage(i) => Either::Left(passage(*i).map(paragraph)),
            LayoutItem::Node(n) => Either::Right(node_view(n)),
        })
        .collect_view()
}

/// A node inside a node. The tree's one type erasure: each `AnyView` type keeps its own
/// async-hydration code in the wasm, so there is exactly one here.
fn node_view(node: &'static NodeLayout) -> AnyView {
    view! { <NodeView node=node /> }.into_any()
}

/// A numbered heading with what it holds, or a point.
#[component]
fn NodeView(node: &'static NodeLayout) -> impl IntoView {
    let anchor = node.anchor;
    let first = match node.items.first() {
        Some(LayoutItem::Passage(i)) => passage(*i),
        _ => None,
    };
    let rest: &'static [LayoutItem] = node.items.get(1..).unwrap_or(&[]);
    if node.as_heading {
        let heading_id = format!("{anchor}-h");
        let labelled_by = heading_id.clone();
        let label = first.map(|h| h.text.trim().to_string()).unwrap_or_default();
        let heading = view! {
            <AnchorLink anchor=anchor label=label />
            {first.map(|p| view! { <PassageText passage=p /> })}
        };
        // 一、 is an h2 as it always was; （一） an h3; a heading deeper still an h4.
        let heading = match node.depth {
            1 => EitherOf3::A(view! { <h2 id=heading_id class="sec-heading">{heading}</h2> }),
            2 => EitherOf3::B(
                view! { <h3 id=heading_id class="sec-heading sub-heading">{heading}</h3> },
            ),
            _ => EitherOf3::C(
                view! { <h4 id=heading_id class="sec-heading sub-heading deep-heading">{heading}</h4> },
            ),
        };
        return EitherOf3::A(view! {
            <section id=anchor.id() class=format!("part sec depth-{}", node.depth) class:is-target=is_target(anchor) aria-labelledby=labelled_by>
                {heading}
                {node_items(rest)}
            </section>
        });
    }
    let state = use_reading_state();
    let in_theme = move || state.in_chosen_theme(anchor);
    let label: String = first
        .map(|p| {
            p.text
                .chars()
                .take_while(|c| !"。；：！？".contains(*c))
                .collect()
        })
        .unwrap_or_default();
    if rest.is_empty() {
        return EitherOf3::B(view! {
            <p id=anchor.id() class="part point" class:is-target=is_target(anchor) class:in-theme=in_theme>
                <AnchorLink anchor=anchor label=label />
                {first.map(|p| view! { <PassageText passage=p /> })}
            </p>
        });
    }
    // A point with paragraphs or points of its own after its first paragraph.
    EitherOf3::C(view! {
        <div id=anchor.id() class=format!("part point-part depth-{}", node.depth) class:is-target=is_target(anchor) class:in-theme=in_theme>
            <p class="point">
                <AnchorLink anchor=anchor label=label />
                {first.map(|p| view! { <PassageText passage=p /> })}
            </p>
            {node_items(rest)}
        </div>
    })
}

/// A link to this very part, to copy or share; it adds no text to the reader (the "#" is CSS).
#[component]
fn AnchorLink(anchor: Anchor, label: String) -> impl IntoView {
    view! {
        <a class="anchor-link" href=format!("#{anchor}") aria-label=format!("链接到此处：{label}")></a>
    }
}
