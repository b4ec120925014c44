//! The page: the static parts (report, overview, outline), rendered to HTML at build time and
//! never by the wasm, and three widget roots inside them (the top bar with the search, the
//! notes panel, and the overlays: selection toolbar, glossary popover, toasts, update bar).
//! In the browser, [`start`] makes the shared state, mounts the widgets into their roots in
//! place of the same prerendered markup (client-side roots, not hydration: hydrating them cost
//! the wasm 7 KB gzip, and only the search box is used before the app starts, whose text and
//! focus carry over) and wires the browser glue; the static parts follow the state through
//! `static_page`.

use std::sync::LazyLock;

use leptos::prelude::*;

use super::display_menu::{self, DisplayPanel};
use super::erase::{act, live, watch};
use super::gloss_popover::GlossPopover;
use super::notes::panel::{NotesPanel, NotesToast};
use super::notes::toolbar::{self, SelectionToolbar};
use super::notes::NotesState;
use super::outline::OutlineNav;
use super::overview::Overview;
use super::reader::Reader;
use super::state::{Flash, GlossOpen, ReadingState};
use super::text_marks::TextRedraw;
use super::topbar::TopBar;
use crate::browser;
use crate::display::DisplaySettings;
use crate::report::{Anchor, DOCUMENT};
use crate::summary::Outline;

static OUTLINE: LazyLock<Outline> = LazyLock::new(|| Outline::of(&DOCUMENT));

/// The ids of the widget roots' elements: each holds exactly its widget's markup, prerendered,
/// which the wasm builds again in its place.
const TOPBAR_ROOT: &str = "root-topbar";
const NOTES_ROOT: &str = "root-notes";
const OVERLAYS_ROOT: &str = "root-overlays";

fn short_title() -> String {
    DOCUMENT
        .title()
        .map(|t| {
            t.plain_text()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| "研读".to_string())
}

/// The whole page, as prerendered (feature `ssr`).
#[component]
pub fn Page() -> impl IntoView {
    let redraw = TextRedraw::new();
    provide_context(ReadingState::new(redraw, false, false));
    provide_context(NotesState::new(redraw, false));
    view! {
        <a class="skip-link" href="#reader">"跳到正文"</a>
        <div id=TOPBAR_ROOT class="root"><TopBar short_title=short_title() /></div>
        <DisplayPanel />
        <div class="layout">
            <OutlineNav outline=&*OUTLINE />
            <main class="reader-column">
                <Overview doc=&*DOCUMENT />
                <Reader />
            </main>
            <div id=NOTES_ROOT class="root"><NotesPanel /></div>
        </div>
        <div id=OVERLAYS_ROOT class="root"><Overlays update_ready=RwSignal::new(false) /></div>
    }
}

/// What floats over the page: the selection toolbar, the glossary popover, the toasts and the
/// new-version bar.
#[component]
fn Overlays(update_ready: RwSignal<bool>) -> impl IntoView {
    view! {
        <SelectionToolbar />
        <GlossPopover />
        <NotesToast />
        {live(move || update_ready.get().then(|| view! {
            <div class="update-bar" role="status" data-testid="update-ready">
                <span>"研读有新版本。"</span>
                <button type="button" class="chip primary" on:click=act(|_| browser::offline::apply_update())>"更新并重新载入"</button>
            </div>
        }))}
    }
}

/// Mounts `widget` into the widget root `id` in place of its prerendered markup (the same
/// markup, so nothing moves). Only the wasm, built with `csr`, mounts; elsewhere there is no
/// page.
fn mount_root<V: IntoView + 'static>(
    id: &str,
    state: ReadingState,
    notes: NotesState,
    widget: impl FnOnce() -> V + 'static,
) {
    #[cfg(not(feature = "csr"))]
    {
        let _ = (id, state, notes, widget);
    }
    #[cfg(feature = "csr")]
    {
        use wasm_bindgen::JsCast;
        let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            leptos::logging::error!("研读: the page has no #{id}");
            return;
        };
        // Emptied as text, not as HTML: no markup is ever parsed here.
        el.set_text_content(None);
        leptos::mount::mount_to(el, move || {
            provide_context(state);
            provide_context(notes);
            widget()
        })
        .forget();
    }
}

/// Starts the app in the browser, on the prerendered page.
pub fn start() {
    // The state lives as long as the page: its owner is never disposed.
    let owner = Owner::new();
    owner.set();
    std::mem::forget(owner);
    // Effects are created below, before any root is mounted (which would start it).
    #[cfg(feature = "csr")]
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let redraw = TextRedraw::new();
    // Before any root is mounted, so that no click is answered twice, and the drawers stay as
    // the reader left them.
    let drawers = browser::page_dom::take_over();
    let state = ReadingState::new(redraw, drawers.outline_open, drawers.display_open);
    let notes = NotesState::new(redraw, drawers.notes_open);
    let update_ready = RwSignal::new(false);
    // Typed into the prerendered search box before the app started: searched for once it has.
    let typed = browser::typed_search();
    // The display settings as stored (web/display.js applied them before the first paint; the
    // single-file edition has no such script), so the panel shows them checked, and the page
    // shows what the state says. With nothing stored (or storage blocked), what the panel says:
    // the defaults, or what the reader picked before the app.
    let display = browser::display::stored();
    let settings = display.map_or_else(
        || {
            browser::page_dom::checked_radios(display_menu::PANEL_ID)
                .iter()
                .fold(DisplaySettings::default(), |now, (name, value)| {
                    display_menu::picked(now, name, value).unwrap_or(now)
                })
        },
        |read| read.settings,
    );
    state.display.set(settings);
    browser::display::apply(settings);
    mount_root(
        TOPBAR_ROOT,
        state,
        notes,
        || view! { <TopBar short_title=short_title() /> },
    );
    // In the task that mounted the search box, so nothing typed meanwhile is lost.
    resume_search(state, typed);
    redraw.set_draw(move |i| super::text_marks::draw_passage(state, notes, i));
    // Printing draws every mark as a `<mark>` (paper gets no custom highlights), at once.
    browser::on_print(move |printing| {
        browser::highlights::set_printing(printing);
        let mut marked = state.marked_passages();
        marked.extend(notes.marks.marked());
        crate::order::sort(&mut marked);
        marked.dedup();
        for i in marked {
            super::text_marks::draw_passage(state, notes, i);
        }
    });
    super::static_page::follow(state, notes, OUTLINE.anchors());
    // The rest in a task of its own: on the phone profile the start was one task of about
    // 150 ms, which a tap had to wait out; the search box and the outline answer from here.
    let owner = Owner::current();
    browser::next_task(move || {
        let rest = move || {
            mount_root(NOTES_ROOT, state, notes, || view! { <NotesPanel /> });
            mount_root(
                OVERLAYS_ROOT,
                state,
                notes,
                move || view! { <Overlays update_ready=update_ready /> },
            );
            wire(state, notes, update_ready);
            if display.is_some_and(|read| !read.understood) {
                notes.say(
                    "保存的显示设置有读不懂的部分，这些项已改用默认显示；笔记不受影响。",
                    false,
                );
            }
        };
        match owner {
            Some(owner) => owner.with(rest),
            None => rest(),
        }
    });
}

/// The search the page asks for: a query in the link, or one typed into the prerendered
/// search box before the app started (searched now, the box keeping the focus). A link's hit
/// is revealed once the app is ready (browser::reveal_current_hit).
fn resume_search(state: ReadingState, typed: Option<(String, bool)>) {
    let shared_query = browser::query_in_location();
    if !shared_query.is_empty() {
        state.query.set(shared_query);
        if browser::anchor_in_location().is_none() {
            browser::reveal_current_hit();
        }
    }
    if let Some((query, focused)) = typed {
        if !query.trim().is_empty() {
            state.search_for(query);
        }
        if focused {
            browser::focus("search-input");
        }
    }
}

/// Connects the browser's events to the state: storage, selection, location, scrolling, keys
/// and the glossary terms, then says the app is ready.
fn wire(state: ReadingState, notes: NotesState, update_ready: RwSignal<bool>) {
    let outline = &*OUTLINE;
    // Notes load first: nothing is written before stored notes were read and checked.
    // User Timing marks around loading the notes and once they are drawn (read by the
    // benchmark: load → read is storage and decoding, read → drawn placing and drawing).
    browser::mark("yandu:notes-load");
    notes.load();
    browser::mark("yandu:notes-read");
    request_animation_frame(|| request_animation_frame(|| browser::mark("yandu:notes-drawn")));
    browser::on_storage_change(move |key, value| {
        // Another tab changed the display settings: this one follows.
        if key == crate::display::DISPLAY_KEY {
            let settings = value
                .map(|raw| DisplaySettings::read(&raw).settings)
                .unwrap_or_default();
            state.display.set(settings);
            browser::display::apply(settings);
            return;
        }
        notes.external_change(&key, value)
    });
    browser::on_selection_change(
        move || {
            let now = browser::selection::current_selection();
            if notes.selection.with_untracked(|s| *s != now) {
                notes.selection.set(now);
            }
        },
        move || notes.selection.with_untracked(Option::is_some),
    );
    browser::follow_location(
        move |anchor| state.target.set(anchor),
        // A link to a highlight flashes its text and brings it to the middle of the view.
        // A link from another browser (notes stay in the one they were written in), or to a
        // highlight whose text is gone, says so rather than leaving the reader at the top.
        move |id| match notes.first_place(&id) {
            Some((passage, start, end)) => {
                state.flash.set(Some(Flash {
                    passage,
                    start,
                    end,
                }));
                browser::reveal_flash();
            }
            None if notes.has(&id) => notes.say(
                "这条笔记划出的原文在报告中已找不到；笔记仍在笔记栏里。",
                false,
            ),
            None => notes.say(
                "此浏览器中没有这条笔记：笔记只保存在写下它的浏览器里（可用“导出”带到别处）。",
                false,
            ),
        },
    );
    // Its first measurement lays out the whole page: a task of its own (the start was one task
    // of about 300 ms on the phone profile), and then the app says it is ready.
    browser::next_task(move || {
        browser::spy_scroll(
            std::iter::once(Anchor::Overview)
                .chain(outline.anchors())
                .collect(),
            move |anchor| state.set_active(anchor),
        );
        browser::announce_ready();
    });
    browser::on_escape(move || {
        state.outline_open.set(false);
        state.display_open.set(false);
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
    browser::on_pointer_down_outside("#display-panel, #display-toggle", move || {
        if state.display_open.get_untracked() {
            state.display_open.set(false);
        }
    });
    let explain = move |entry, at: browser::Rect| {
        state.gloss.set(Some(GlossOpen {
            entry,
            left: at.left,
            top: at.top,
            bottom: at.bottom,
        }))
    };
    // A term explained before the app started stays explained.
    if let Some((entry, at)) = browser::gloss_terms::left_open() {
        explain(entry, at);
    }
    browser::gloss_terms::listen(explain, move |entry| {
        if state
            .gloss
            .get_untracked()
            .is_some_and(|g| g.entry == entry)
        {
            state.gloss.set(None);
        }
    });
    browser::offline::register(update_ready);

    // The term whose explanation was open says so (aria-expanded) until it closes, however it
    // closes: Escape, a tap elsewhere, the pointer or the focus leaving it.
    watch(move || {
        if state.gloss.with(Option::is_none) {
            browser::gloss_terms::collapse();
        }
    });
}
