//! The top bar: the app's name, the report's short title, the search box, the display
//! settings, and the outline and notes toggles for narrow screens.

use leptos::prelude::*;

use super::display_menu::DisplayToggle;
use super::erase::{act, live};
use super::notes::use_notes;
use super::search::SearchBox;
use super::state::use_reading_state;

#[component]
pub fn TopBar(short_title: String) -> impl IntoView {
    let state = use_reading_state();
    let notes = use_notes();
    view! {
        <header class="topbar">
            <button
                type="button"
                id="outline-toggle"
                class="icon-button outline-toggle-button"
                aria-controls="outline"
                aria-expanded=live(move || state.outline_open.get().to_string())
                on:click=act(move |_| state.outline_open.update(|o| *o = !*o))
            >
                <span class="hamburger" aria-hidden="true"></span>
                <span class="button-label">"提纲"</span>
            </button>
            // Named by its own text (no aria-label), so what is seen is what is announced.
            <a class="brand" href="#">
                <span class="brand-mark" aria-hidden="true">"研"</span>
                <span class="brand-name">"研读"</span>
                <span class="visually-hidden">"：回到开头"</span>
            </a>
            <span class="topbar-title">{short_title}</span>
            <SearchBox />
            <DisplayToggle />
            <button
                type="button"
                id="notes-toggle"
                class="icon-button notes-toggle-button"
                aria-controls="notes-panel"
                aria-expanded=live(move || notes.panel_open.get().to_string())
                on:click=act(move |_| notes.panel_open.update(|o| *o = !*o))
            >
                <span class="button-label">"笔记"</span>
                <span class="badge" aria-label="条">{live(move || notes.count_label())}</span>
                {live(move || (notes.unsaved_count() > 0).then(|| view! { <span class="badge is-error">"未保存"</span> }))}
            </button>
        </header>
    }
}
