//! The reader: the whole report, every character of the source, structured by its own
//! numbering. Each part carries its anchor as id, so `#s2-p3` lands on 二、's 三是. Static:
//! rendered to HTML at build time and never by the wasm, whose glue only sets classes on it
//! (the jump's target, a theme's points) and draws marks into its passages (`text_marks`).

use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;

use super::passage_text::PassageText;
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
                {header(front)}
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
            {groups(&layout.back).into_iter().map(|g| match g {
                Group::Furniture(list) => Either::Left(furniture(list)),
                Group::One(p) => Either::Right(paragraph(p)),
            }).collect_view()}
        </article>
    }
}

/// Passages in source order, with each run of page furniture lines taken together.
enum Group {
    Furniture(Vec<&'static Passage>),
    One(&'static Passage),
}

fn groups(list: &[usize]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for p in list.iter().filter_map(|&i| passage(i)) {
        match (p.kind, out.last_mut()) {
            (PassageKind::Furniture, Some(Group::Furniture(run))) => run.push(p),
            (PassageKind::Furniture, _) => out.push(Group::Furniture(vec![p])),
            _ => out.push(Group::One(p)),
        }
    }
    out
}

/// Lines of a web page's chrome copied with the report (当前位置：, 打印本页): kept, in their
/// place, but folded away and dim. The summary's words are drawn from an attribute, so the
/// reader's text stays the report's own.
fn furniture(list: Vec<&'static Passage>) -> impl IntoView {
    let label = format!("网页附带的文字（{} 行，非正文）", list.len());
    view! {
        <details class="doc-furniture">
            <summary data-label=label.clone() aria-label=label></summary>
            {list.into_iter().map(|p| view! { <p><PassageText passage=p /></p> }).collect_view()}
        </details>
    }
}

/// The header in source order: notice, title, subtitles, speaker and salutation, with any
/// furniture where it stands. The title is always an `<h1>`, empty if the text has none.
fn header(front: &[usize]) -> impl IntoView {
    let has_title = !of_kind(front, PassageKind::Title).is_empty();
    let groups = groups(front);
    let untitled = (!has_title).then(|| view! { <h1 id="doc-title" class="doc-title"></h1> });
    view! {
        {groups.into_iter().map(|g| match g {
            Group::Furniture(list) => EitherOf4::A(furniture(list)),
            Group::One(p) => match p.kind {
                PassageKind::Notice => EitherOf4::B(view! {
                    <aside class="doc-notice" aria-label="来源说明">
                        <p><PassageText passage=p /></p>
                    </aside>
                }),
                PassageKind::Title => EitherOf4::C(view! {
                    <h1 id="doc-title" class="doc-title"><PassageText passage=p /></h1>
                }),
                kind => {
                    let class = match kind {
                        PassageKind::Speaker => "doc-subtitle doc-speaker",
                        PassageKind::Salutation => "doc-salutation",
                        _ => "doc-subtitle",
                    };
                    EitherOf4::D(view! { <p class=class><PassageText passage=p /></p> })
                }
            },
        }).collect_view()}
        {untitled}
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
        <section id=anchor.id() class=format!("part {class}") aria-label=name>
            <AnchorLink anchor=anchor label=label />
            {children.into_inner()()}
        </section>
    }
}

// The tree is drawn nested two levels deep (a section holds its （一）s or points, and those
// hold theirs); nodes deeper still are drawn one after another inside their level-two node,
// each with its own id and indent. Typed views all the way: a recursive view needs `AnyView`,
// and each `AnyView` type keeps its own async-hydration code in the wasm.

/// One item after a node's first passage: a paragraph, or the view of a node inside it.
fn items_with<V: IntoView>(
    items: &'static [LayoutItem],
    node: impl Fn(&'static NodeLayout) -> V,
) -> impl IntoView {
    items
        .iter()
        .map(|item| match item {
            LayoutItem::Passage(i) => Either::Left(passage(*i).map(paragraph)),
            LayoutItem::Node(n) => Either::Right(node(n)),
        })
        .collect_view()
}

/// A top-level node: its nodes are drawn nested.
#[component]
fn NodeView(node: &'static NodeLayout) -> impl IntoView {
    let rest: &'static [LayoutItem] = node.items.get(1..).unwrap_or(&[]);
    let inner = move || items_with(rest, |n| view! { <SubNodeView node=n /> });
    if node.as_heading {
        let (id, heading) = heading_parts(node);
        let labelled_by = id.clone();
        return Either::Left(view! {
            <section id=node.anchor.id() class="part sec depth-1" aria-labelledby=labelled_by>
                <h2 id=id class="sec-heading">{heading}</h2>
                {inner()}
            </section>
        });
    }
    Either::Right(point_shell(node, inner))
}

/// A node inside a top-level node: the nodes inside it are drawn flat, in reading order.
#[component]
fn SubNodeView(node: &'static NodeLayout) -> impl IntoView {
    let rest: &'static [LayoutItem] = node.items.get(1..).unwrap_or(&[]);
    let inner = move || {
        items_with(rest, |n| {
            flatten(n).into_iter().map(deep_node).collect_view()
        })
    };
    if node.as_heading {
        let (id, heading) = heading_parts(node);
        let labelled_by = id.clone();
        return Either::Left(view! {
            <section id=node.anchor.id() class="part sec depth-2" aria-labelledby=labelled_by>
                <h3 id=id class="sec-heading sub-heading">{heading}</h3>
                {inner()}
            </section>
        });
    }
    Either::Right(point_shell(node, inner))
}

/// A node and every node inside it, in reading order.
fn flatten(node: &'static NodeLayout) -> Vec<&'static NodeLayout> {
    let mut out = vec![node];
    for item in &node.items {
        if let LayoutItem::Node(n) = item {
            out.extend(flatten(n));
        }
    }
    out
}

/// A node at depth three or more, set run-in like a point (its label and heading in bold),
/// with its own paragraphs; the nodes inside it follow it.
fn deep_node(node: &'static NodeLayout) -> impl IntoView {
    let own: Vec<usize> = node
        .items
        .iter()
        .filter_map(|i| match i {
            LayoutItem::Passage(p) => Some(*p),
            LayoutItem::Node(_) => None,
        })
        .collect();
    let anchor = node.anchor;
    view! {
        <div id=anchor.id() class=format!("part point-part depth-{}", node.depth)>
            {own.first().and_then(|&i| passage(i)).map(|p| view! {
                <p class="point">
                    <AnchorLink anchor=anchor label=run_in_label(p) />
                    <PassageText passage=p />
                </p>
            })}
            {paragraphs(own.get(1..).unwrap_or(&[]))}
        </div>
    }
}

/// A heading's id and content: its link and its text.
fn heading_parts(node: &'static NodeLayout) -> (String, impl IntoView) {
    let anchor = node.anchor;
    let first = first_passage(node);
    let label = first.map(|h| h.text.trim().to_string()).unwrap_or_default();
    let content = view! {
        <AnchorLink anchor=anchor label=label />
        {first.map(|p| view! { <PassageText passage=p /> })}
    };
    (format!("{anchor}-h"), content)
}

fn first_passage(node: &NodeLayout) -> Option<&'static Passage> {
    match node.items.first() {
        Some(LayoutItem::Passage(i)) => passage(*i),
        _ => None,
    }
}

/// A point's link label: its marker and lead phrase.
fn run_in_label(p: &Passage) -> String {
    p.text
        .chars()
        .take_while(|c| !"。；：！？".contains(*c))
        .collect()
}

/// A point (or a run-in heading) around `inner`, what follows its first paragraph: a single
/// paragraph when nothing does.
fn point_shell<C: IntoView + 'static>(
    node: &'static NodeLayout,
    inner: impl FnOnce() -> C,
) -> impl IntoView {
    let anchor = node.anchor;
    let first = first_passage(node);
    let label = first.map(run_in_label).unwrap_or_default();
    if node.items.len() <= 1 {
        return Either::Left(view! {
            <p id=anchor.id() class="part point">
                <AnchorLink anchor=anchor label=label />
                {first.map(|p| view! { <PassageText passage=p /> })}
            </p>
        });
    }
    Either::Right(view! {
        <div id=anchor.id() class=format!("part point-part depth-{}", node.depth)>
            <p class="point">
                <AnchorLink anchor=anchor label=label />
                {first.map(|p| view! { <PassageText passage=p /> })}
            </p>
            {inner()}
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
