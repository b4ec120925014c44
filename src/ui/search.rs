//! The search box: matches across the whole report as you type, highlighted in place, with a
//! count, next/previous (Enter, Shift+Enter), and a result list with context. `/` focuses it,
//! Escape clears it, and the query lives in the URL (`?q=`) so a search can be shared.

use leptos::prelude::*;

use super::erase::{act, live, watch};
use super::state::use_reading_state;
use crate::browser;
use crate::report::{DOCUMENT, PASSAGES};
use crate::summary::outline::place_label;
use crate::summary::search::{context, is_cut, MAX_QUERY_CHARS};

/// The result list shows this many hits; the count always shows all.
const LISTED: usize = 100;
/// The rows drawn in the frame after a keystroke (more than the open list shows); the rest of
/// the list follows after that frame is painted.
const LISTED_AT_ONCE: usize = 12;

#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_reading_state();
    let list_open = RwSignal::new(false);
    // Counts the changes of the hits; `full_list` names the one whose whole list is drawn.
    let hits_version = Memo::new(move |last: Option<&u64>| {
        state.hits.track();
        last.map_or(0, |v| v + 1)
    });
    let full_list = RwSignal::new(0_u64);
    watch(move || {
        let version = hits_version.get();
        browser::after_each_paint(move || {
            full_list.set(version);
            false
        });
    });
    let set_query = move |q: String| {
        state.search_for(q);
        list_open.set(true);
    };
    // Stepping is for reading the hits in place: the list would cover the right of the text
    // column, so it closes; typing, or a click or focus on the box, opens it again.
    let step = move |by: isize| {
        state.step_hit(by);
        list_open.set(false);
        browser::reveal_current_hit();
    };
    // A query past the limit is looked for by its start only: the count says so.
    let cut = move || state.query.with(|q| is_cut(q));
    let count = move || {
        let n = state.hits.with(Vec::len);
        let found = match (state.query.with(|q| q.trim().is_empty()), n) {
            (true, _) => return String::new(),
            (false, 0) => "无结果".to_string(),
            (false, n) => format!("{} / {n}", state.current.get() + 1),
        };
        if cut() {
            format!("{found}·只查前{MAX_QUERY_CHARS}字")
        } else {
            found
        }
    };
    let no_hits = move || state.hits.with(Vec::is_empty);
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            step(if ev.shift_key() { -1 } else { 1 });
        }
        "Escape" => {
            set_query(String::new());
            list_open.set(false);
        }
        _ => {}
    };
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label class="visually-hidden" for="search-input">"搜索全文"</label>
            <input
                id="search-input"
                type="search"
                placeholder="搜索全文"
                autocomplete="off"
                enterkeyhint="search"
                aria-keyshortcuts="/"
                aria-controls="search-results"
                prop:value=live(move || state.query.get())
                on:input=act(move |ev| set_query(event_target_value(&ev)))
                on:focus=act(move |_| list_open.set(true))
                on:click=act(move |_| list_open.set(true))
                on:keydown=on_keydown
            />
            <span class="search-count" aria-live="polite" data-testid="search-count">{count}</span>
            <button type="button" class="icon-button search-step" aria-label="上一个结果（Shift+Enter）"
                disabled=no_hits on:click=act(move |_| step(-1))>
                <span class="chev up" aria-hidden="true"></span>
            </button>
            <button type="button" class="icon-button search-step" aria-label="下一个结果（Enter）"
                disabled=no_hits on:click=act(move |_| step(1))>
                <span class="chev down" aria-hidden="true"></span>
            </button>
            <div
                id="search-results"
                class="search-results"
                role="region"
                aria-label="搜索结果"
                hidden=live(move || !list_open.get() || no_hits())
            >
                // Drawn again whole on each change (the current hit's mark included): at most
                // a hundred rows, and one reactive block costs the wasm less than one per row.
                {live(move || {
                    let current = state.current.get();
                    let full = full_list.get() == hits_version.get();
                    state.hits.with(|hits| {
                        let rows = if full { LISTED } else { LISTED_AT_ONCE };
                        let listed = hits.iter().take(rows).enumerate().map(|(i, hit)| {
                            let passage = &PASSAGES[hit.passage];
                            let (before, matched, after) = context(passage, hit, 18);
                            let place = place_label(&DOCUMENT, passage.anchor);
                            view! {
                                <li>
                                    <button type="button" class=if i == current { "search-result is-current" } else { "search-result" }
                                        on:click=act(move |_| {
                                            state.current.set(i);
                                            list_open.set(false);
                                            browser::reveal_current_hit();
                                        })>
                                        <span class="search-place">{place}</span>
                                        <span class="search-context">{before}<mark>{matched}</mark>{after}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view();
                        let more = (hits.len() > LISTED).then(|| view! {
                            <p class="search-more">{format!("只列出前 {LISTED} 条，可用 Enter 逐条查看全部结果。")}</p>
                        });
                        view! { <ol>{listed}</ol>{more} }
                    })
                })}
            </div>
        </form>
    }
}
