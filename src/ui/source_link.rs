//! A link from the overview to the sentence a fact comes from: it jumps to the part's anchor
//! (a normal link, so back returns), and the page's glue flashes the sentence named by its
//! `data-flash` (passage, start and end byte) when it is reached (`ui::static_page`).

use leptos::prelude::*;

use crate::report::{Anchor, PASSAGES};

#[component]
pub fn SourceLink<C: IntoView + 'static>(
    passage: usize,
    range: (usize, usize),
    #[prop(optional)] class: &'static str,
    #[prop(optional, into)] label: Option<String>,
    children: TypedChildren<C>,
) -> impl IntoView {
    let anchor = PASSAGES
        .get(passage)
        .and_then(|p| p.anchor)
        .unwrap_or(Anchor::Intro);
    let flash = format!("{passage} {} {}", range.0, range.1);
    view! {
        <a class=class href=format!("#{anchor}") aria-label=label data-flash=flash>
            {children.into_inner()()}
        </a>
    }
}
