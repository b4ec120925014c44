//! A link from the overview to the sentence a fact comes from: it jumps to the part's anchor
//! (a normal link, so back returns) and flashes the sentence when it is reached.

use leptos::prelude::*;

use super::state::{use_reading_state, Flash};
use crate::browser;
use crate::report::{Anchor, PASSAGES};

#[component]
pub fn SourceLink<C: IntoView + 'static>(
    passage: usize,
    range: (usize, usize),
    #[prop(optional)] class: &'static str,
    #[prop(optional, into)] label: Option<String>,
    children: TypedChildren<C>,
) -> impl IntoView {
    let state = use_reading_state();
    let anchor = PASSAGES
        .get(passage)
        .and_then(|p| p.anchor)
        .unwrap_or(Anchor::Intro);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        state.flash.set(Some(Flash {
            passage,
            start: range.0,
            end: range.1,
        }));
        // Same fragment: the browser would not move, so scroll here.
        if browser::anchor_in_location() == Some(anchor) {
            ev.prevent_default();
            browser::scroll_to(anchor);
        }
    };
    view! {
        <a class=class href=format!("#{anchor}") aria-label=label on:click=on_click>
            {children.into_inner()()}
        </a>
    }
}
