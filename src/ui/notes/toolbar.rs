//! The selection toolbar: the five kinds (keys 1–5), 笔记 (N; H highlights with the last
//! kind), 复制. It floats 8px above the selection (below it near the top), stays inside the
//! viewport, and on touch screens (or windows too narrow for it in one row) docks at the
//! bottom, clear of the system's selection menu.

use leptos::prelude::*;

use super::state::{use_notes, NotesState};
use crate::browser;
use crate::notes::NoteKind;
use crate::ui::erase::{act, live, watch};

const WIDTH: f64 = 460.0;
const HEIGHT: f64 = 44.0;
const GAP: f64 = 8.0;

#[component]
pub fn SelectionToolbar() -> impl IntoView {
    let notes = use_notes();
    // Known only in the browser: read after mount, so rendering stays free of browser calls.
    let coarse = RwSignal::new(false);
    watch(move || coarse.set(browser::selection::coarse_pointer()));
    // Narrower than one row, a floating toolbar would wrap and cover the selection. Measured
    // only while there is a selection (never while prerendering).
    let docked = move || {
        coarse.get()
            || notes
                .selection
                .with(|s| s.is_some() && browser::viewport_width() < WIDTH + 2.0 * GAP)
    };
    // CSSOM properties (style:…), allowed by a strict CSP, unlike a style attribute.
    let place = move || {
        let sel = notes.selection.get()?;
        if docked() {
            return None;
        }
        let vw = browser::viewport_width();
        let width = WIDTH.min(vw - 2.0 * GAP);
        // max then min, not clamp: clamp's panic message would format floats into the wasm.
        let left = sel.rect.left.max(GAP).min((vw - width - GAP).max(GAP));
        let top = if sel.rect.top - HEIGHT - GAP < 72.0 {
            sel.rect.bottom + GAP
        } else {
            sel.rect.top - HEIGHT - GAP
        };
        Some((left, top, width))
    };
    let px = move |f: fn((f64, f64, f64)) -> f64| move || place().map(|p| crate::ui::px(f(p)));
    let read_only = move || notes.mode() == crate::notes::Mode::ReadOnly;
    view! {
        <div
            id="selection-toolbar"
            class="sel-toolbar"
            class:docked=docked
            role="toolbar"
            aria-label="批注所选文字"
            hidden=live(move || notes.selection.get().is_none())
            style:left=px(|p| p.0)
            style:top=px(|p| p.1)
            style:max-width=px(|p| p.2)
            on:mousedown=|ev| ev.prevent_default()
        >
            {NoteKind::ALL.iter().enumerate().map(|(i, &kind)| view! {
                <button
                    type="button"
                    class=format!("sel-kind kind-{}", kind.slug())
                    data-kind=kind.slug()
                    aria-keyshortcuts=(i + 1).to_string()
                    title=format!("标为“{}”（{}）", kind.label(), i + 1)
                    disabled=read_only
                    on:click=act(move |_| notes.annotate_selection(Some(kind), false))
                >
                    <span class="kind-swatch" aria-hidden="true"></span>
                    {kind.label()}
                </button>
            }).collect_view()}
            <button type="button" class="sel-note" aria-keyshortcuts="N" title="划线并写笔记（N）"
                disabled=read_only
                on:click=act(move |_| notes.annotate_selection(Some(notes.last_kind.get_untracked()), true))>
                "笔记"
            </button>
            <button type="button" class="sel-copy" title="复制所选文字"
                on:click=act(move |_| {
                    if let Some(sel) = notes.selection.get_untracked() {
                        browser::files::copy_text(&sel.text);
                        notes.say("已复制。", false);
                    }
                })>
                "复制"
            </button>
        </div>
    }
}

/// Keys while text is selected: 1–5 a kind, H the last kind, N a note, Escape cancels.
pub fn handle_key(notes: NotesState, key: &str) -> bool {
    if notes.selection.get_untracked().is_none() || notes.mode() == crate::notes::Mode::ReadOnly {
        return false;
    }
    match key {
        "1" | "2" | "3" | "4" | "5" => {
            let i: usize = key.parse().unwrap_or(1);
            notes.annotate_selection(Some(NoteKind::ALL[i - 1]), false);
        }
        "h" | "H" => notes.annotate_selection(Some(notes.last_kind.get_untracked()), false),
        "n" | "N" => notes.annotate_selection(Some(notes.last_kind.get_untracked()), true),
        "Escape" => {
            browser::selection::clear_selection();
            notes.selection.set(None);
        }
        _ => return false,
    }
    true
}
