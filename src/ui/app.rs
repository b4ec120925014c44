//! The app shell: provides the document and the reading state, wires the browser glue after
//! mount, and lays out top bar, outline and reader.

use std::sync::LazyLock;

use leptos::prelude::*;

use super::gloss_popover::GlossPopover;
use super::notes::panel::{NotesPanel, NotesToast};
use super::notes::toolbar::{self, SelectionToolbar};
use super::notes::NotesState;
use super::outline::OutlineNav;
use super::overview::Overview;
use super::reader::Reader;
use super::state::{GlossOpen, ReadingState};
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
    let notes = NotesState::new();
    provide_context(notes);

    let update_ready = RwSignal::new(false);

    // Browser-only state is read after mount, never while rendering.
    Effect::new(move |_| {
        // Notes load first: nothing is written before stored notes were read and checked.
        // User Timing marks around loading the notes and once they are drawn (read by the
        // benchmark: load → read is storage and decoding, read → drawn placing and drawing).
        browser::mark("yandu:notes-load");
        notes.load();
        browser::mark("yandu:notes-read");
        request_animation_frame(|| request_animation_frame(|| browser::mark("yandu:notes-drawn")));
        browser::on_storage_change(move |key, value| notes.external_change(&key, value));
        browser::on_selection_change(
            move || {
                let now = browser::selection::current_selection();
                if notes.selection.with_untracked(|s| *s != now) {
                    notes.selection.set(now);
                }
            },
            move || notes.selection.with_untracked(Option::is_some),
        );
        let shared_query = browser::query_in_location();
        if !shared_query.is_empty() {
            state.query.set(shared_query);
            if browser::anchor_in_location().is_none() {
                browser::reveal_current_hit();
            }
        }
        browser::follow_location(move |anchor| state.target.set(anchor));
        browser::spy_scroll(
            std::iter::once(Anchor::Overview)
                .chain(outline.anchors())
                .collect(),
            move |anchor| state.set_active(anchor),
        );
        browser::on_escape(move || {
            state.outline_open.set(false);
            state.gloss.set(None);
            notes.panel_open.set(false);
        });
        browser::on_key(move |e, in_field| {
            let plain = !e.ctrl_key() && !e.meta_key() && !e.alt_key();
            if !in_field && plain && toolbar::handle_key(notes, &e.key()) {
                e.prevent_default();
                return;
            }
            if e.key() == "/" && !in_field && plain {
                e.prevent_default();
                browser::focus("search-input");
            }
        });
        browser::on_pointer_down_outside(".gloss", move || state.gloss.set(None));
        browser::gloss_terms::listen(
            move |entry, at| {
                state.gloss.set(Some(GlossOpen {
                    entry,
                    left: at.left,
                    top: at.top,
                    bottom: at.bottom,
                }))
            },
            move |entry| {
                if state
                    .gloss
                    .get_untracked()
                    .is_some_and(|g| g.entry == entry)
                {
                    state.gloss.set(None);
                }
            },
        );
        browser::offline::register(update_ready);
        browser::announce_ready();
    });

    // The term whose explanation was open says so (aria-expanded) until it closes, however it
    // closes: Escape, a tap elsewhere, the pointer or the focus leaving it.
    Effect::new(move |_| {
        if state.gloss.with(Option::is_none) {
            browser::gloss_terms::collapse();
        }
    });

    let short_title = doc
        .title()
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
                <Reader />
            </main>
            <NotesPanel />
        </div>
        <SelectionToolbar />
        <GlossPopover />
        <NotesToast />
        {move || update_ready.get().then(|| view! {
            <div class="update-bar" role="status" data-testid="update-ready">
                <span>"研读有新版本。"</span>
                <button type="button" class="chip primary" on:click=|_| browser::offline::apply_update()>"更新并重新载入"</button>
            </div>
        })}
    }
}
