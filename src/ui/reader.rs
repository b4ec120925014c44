//! The reader: the whole report, every character of the source, structured by its own
//! numbering. Each part carries its anchor as id, so `#s2-p3` lands on 二、's 三是.

use leptos::prelude::*;

use super::passage_text::PassageText;
use super::state::use_reading_state;
use crate::report::passage::{Passage, PassageKind};
use crate::report::{Anchor, Document, PASSAGES};
use crate::summary::outline::{CLOSING_LABEL, INTRO_LABEL};

fn passages_where(pred: impl Fn(&Passage) -> bool) -> Vec<&'static Passage> {
    PASSAGES.iter().filter(|p| pred(p)).collect()
}

#[component]
pub fn Reader(doc: &'static Document) -> impl IntoView {
    let of_kind = |kind: PassageKind| passages_where(move |p| p.kind == kind);
    let in_part = |anchor: Anchor| passages_where(move |p| p.anchor == Some(anchor));
    let intro = in_part(Anchor::Intro);
    let closing = in_part(Anchor::Closing);
    view! {
        <article id="reader" class="doc" aria-labelledby="doc-title">
            <header class="doc-head">
                {of_kind(PassageKind::Notice).into_iter().map(|p| view! {
                    <aside class="doc-notice" aria-label="来源说明">
                        <p><PassageText passage=p /></p>
                    </aside>
                }).collect_view()}
                <h1 id="doc-title" class="doc-title">
                    {of_kind(PassageKind::Title).into_iter().map(|p| view! { <PassageText passage=p /> }).collect_view()}
                </h1>
                {of_kind(PassageKind::Subtitle).into_iter().map(|p| view! {
                    <p class="doc-subtitle"><PassageText passage=p /></p>
                }).collect_view()}
            </header>
            {(!intro.is_empty()).then(|| view! {
                <Part anchor=Anchor::Intro label=INTRO_LABEL class="intro">
                    {paragraphs(intro)}
                </Part>
            })}
            {doc.sections.iter().map(|s| view! { <SectionView number=s.number /> }).collect_view()}
            {(!closing.is_empty()).then(|| view! {
                <Part anchor=Anchor::Closing label=CLOSING_LABEL class="closing">
                    {paragraphs(closing)}
                </Part>
            })}
        </article>
    }
}

fn paragraphs(passages: Vec<&'static Passage>) -> impl IntoView {
    passages
        .into_iter()
        .map(|p| view! { <p><PassageText passage=p /></p> })
        .collect_view()
}

/// Whether the part is the target of the last jump (it flashes and keeps a bar).
fn is_target(anchor: Anchor) -> impl Fn() -> bool + Copy {
    let state = use_reading_state();
    move || state.target.is(anchor)
}

/// A `<section>` for the introduction or the closing.
#[component]
fn Part<C: IntoView + 'static>(
    anchor: Anchor,
    label: &'static str,
    class: &'static str,
    children: TypedChildren<C>,
) -> impl IntoView {
    view! {
        <section id=anchor.id() class=format!("part {class}") class:is-target=is_target(anchor) aria-label=label>
            <AnchorLink anchor=anchor label=label.to_string() />
            {children.into_inner()()}
        </section>
    }
}

#[component]
fn SectionView(number: usize) -> impl IntoView {
    let anchor = Anchor::Section(number);
    let heading_id = format!("{anchor}-h");
    let labelled_by = heading_id.clone();
    let mine = passages_where(move |p| p.anchor.and_then(|a| a.section()) == Some(number));
    let heading = mine
        .iter()
        .copied()
        .find(|p| p.kind == PassageKind::Heading);
    let lead = mine
        .iter()
        .copied()
        .find(|p| p.kind == PassageKind::SectionLead);
    let points: Vec<&'static Passage> = mine
        .iter()
        .copied()
        .filter(|p| p.kind == PassageKind::Point)
        .collect();
    let label = heading
        .map(|h| h.text.trim().to_string())
        .unwrap_or_default();
    view! {
        <section id=anchor.id() class="part sec" class:is-target=is_target(anchor) aria-labelledby=labelled_by>
            <h2 id=heading_id class="sec-heading">
                <AnchorLink anchor=anchor label=label />
                {heading.map(|p| view! { <PassageText passage=p /> })}
            </h2>
            {lead.map(|p| view! { <p class="sec-lead"><PassageText passage=p /></p> })}
            {points.into_iter().map(|p| view! { <PointView passage=p /> }).collect_view()}
        </section>
    }
}

#[component]
fn PointView(passage: &'static Passage) -> impl IntoView {
    let anchor = passage.anchor?;
    let state = use_reading_state();
    let in_theme = move || state.in_chosen_theme(anchor);
    let label: String = passage
        .text
        .chars()
        .take_while(|c| !"。；：！？".contains(*c))
        .collect();
    Some(view! {
        <p id=anchor.id() class="part point" class:is-target=is_target(anchor) class:in-theme=in_theme>
            <AnchorLink anchor=anchor label=label />
            <PassageText passage=passage />
        </p>
    })
}

/// A link to this very part, to copy or share; it adds no text to the reader (the "#" is CSS).
#[component]
fn AnchorLink(anchor: Anchor, label: String) -> impl IntoView {
    view! {
        <a class="anchor-link" href=format!("#{anchor}") aria-label=format!("链接到此处：{label}")></a>
    }
}
