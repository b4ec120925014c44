//! The reader: the whole report, every character of the source, structured by its own
//! numbering. Each part carries its anchor as id, so `#s2-p3` lands on 二、's 三是.

use leptos::prelude::*;

use super::spans::spans_view;
use super::state::use_reading_state;
use crate::report::{Anchor, Block, Document, Point, Section};
use crate::summary::outline::{CLOSING_LABEL, INTRO_LABEL};

#[component]
pub fn Reader(doc: &'static Document) -> impl IntoView {
    view! {
        <article id="reader" class="doc" aria-labelledby="doc-title">
            <header class="doc-head">
                {doc.notice.as_ref().map(|n| view! {
                    <aside class="doc-notice" aria-label="来源说明">
                        <p>{spans_view(&n.spans)}</p>
                    </aside>
                })}
                <h1 id="doc-title" class="doc-title">
                    {doc.title.as_ref().map(|t| spans_view(&t.spans))}
                </h1>
                {doc.subtitle.iter().map(|s| view! {
                    <p class="doc-subtitle">{spans_view(&s.spans)}</p>
                }).collect_view()}
            </header>
            {(!doc.intro.is_empty()).then(|| view! {
                <Part anchor=Anchor::Intro label=INTRO_LABEL class="intro">
                    {paragraphs(&doc.intro)}
                </Part>
            })}
            {doc.sections.iter().map(|s| view! { <SectionView section=s /> }).collect_view()}
            {(!doc.closing.is_empty()).then(|| view! {
                <Part anchor=Anchor::Closing label=CLOSING_LABEL class="closing">
                    {paragraphs(&doc.closing)}
                </Part>
            })}
        </article>
    }
}

fn paragraphs(blocks: &'static [Block]) -> impl IntoView {
    blocks
        .iter()
        .map(|b| view! { <p>{spans_view(&b.spans)}</p> })
        .collect_view()
}

/// A `<section>` with an anchor id that flashes when it is the jump target.
#[component]
fn Part(
    anchor: Anchor,
    label: &'static str,
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let state = use_reading_state();
    view! {
        <section
            id=anchor.id()
            class=format!("part {class}")
            class:is-target=move || state.target.get() == Some(anchor)
            aria-label=label
        >
            <AnchorLink anchor=anchor label=label.to_string() />
            {children()}
        </section>
    }
}

#[component]
fn SectionView(section: &'static Section) -> impl IntoView {
    let state = use_reading_state();
    let anchor = Anchor::Section(section.number);
    let heading_id = format!("{}-h", anchor.id());
    let labelled_by = heading_id.clone();
    let has_lead = section.lead.iter().any(|s| !s.source().trim().is_empty());
    view! {
        <section
            id=anchor.id()
            class="part sec"
            class:is-target=move || state.target.get() == Some(anchor)
            aria-labelledby=labelled_by
        >
            <h2 id=heading_id class="sec-heading">
                <AnchorLink anchor=anchor label=format!("{}{}", section.ordinal_label(), section.heading_label()) />
                <span class="sec-ordinal">{section.ordinal.clone()}</span>
                {spans_view(&section.heading)}
            </h2>
            {has_lead.then(|| view! { <p class="sec-lead">{spans_view(&section.lead)}</p> })}
            {section.points.iter().map(|p| view! { <PointView section=section.number point=p /> }).collect_view()}
        </section>
    }
}

#[component]
fn PointView(section: usize, point: &'static Point) -> impl IntoView {
    let state = use_reading_state();
    let anchor = Anchor::Point(section, point.number);
    view! {
        <p
            id=anchor.id()
            class="part point"
            class:is-target=move || state.target.get() == Some(anchor)
        >
            <AnchorLink anchor=anchor label=format!("{}{}", point.marker, point.lead_label()) />
            <span class="point-marker">{point.marker.clone()}</span>
            <strong class="point-lead">{spans_view(&point.lead)}</strong>
            {spans_view(&point.body)}
        </p>
    }
}

/// A link to this very part, to copy or share; it adds no text to the reader (the "#" is CSS).
#[component]
fn AnchorLink(anchor: Anchor, label: String) -> impl IntoView {
    view! {
        <a class="anchor-link" href=format!("#{anchor}") aria-label=format!("链接到此处：{label}")></a>
    }
}
