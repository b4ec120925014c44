//! The app shell: provides the document and the reading state, wires the browser glue after
//! mount, and lays out top bar, outline and reader.

use std::sync::LazyLock;

use leptos::prelude::*;

use super::gloss_popover::GlossPopover;
use super::outline::OutlineNav;
use super::overview::Overview;
use super::reader::Reader;
use super::state::ReadingState;
use super::topbar::TopBar;
use crate::browser;
use crate::report::{Anchor, DOCUMENT};
use crate::summary::Outline;

static OUTLINE: LazyLock<Outline> = LazyLock::new(|| Outline::of(&DOCUMENT));

#[component]
pub fn App() -> impl IntoView {
    let doc = &*DOCUMENT;
    let outline = &*OUTLINE;
    let state = ReadingState::new();
    provide_context(state);

    // Browser-only state is read after mount, never while rendering.
    Effect::new(move |_| {
        let shared_query = browser::query_in_location();
        if !shared_query.is_empty() {
            state.query.set(shared_query);
            if browser::anchor_in_location().is_none() {
                browser::reveal_current_hit();
            }
        }
        browser::follow_location(state.target);
        browser::spy_scroll(
            std::iter::once(Anchor::Overview)
                .chain(outline.anchors())
                .collect(),
            state.active,
        );
        browser::on_escape(move || {
            state.outline_open.set(false);
            state.gloss.set(None);
        });
        browser::on_key(move |e, in_field| {
            if e.key() == "/" && !in_field && !e.ctrl_key() && !e.meta_key() && !e.alt_key() {
                e.prevent_default();
                browser::focus("search-input");
            }
        });
        browser::on_pointer_down_outside(".gloss", move || state.gloss.set(None));
    });

    let short_title = doc
        .title
        .as_ref()
        .map(|t| {
            t.plain_text()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| "研读".to_string());

    view! {
        <a class="skip-link" href="#reader">"跳到正文"</a>
        <TopBar short_title=short_title />
        <div class="layout">
            <OutlineNav outline=outline />
            <main class="reader-column">
                <Overview doc=doc />
                <Reader doc=doc />
            </main>
        </div>
        <GlossPopover />
    }
}
