//! The glossary popover: one element for the whole page, placed next to the term that opened
//! it (below it, or above near the bottom of the view), inside the viewport's width.

use leptos::prelude::*;

use super::state::use_reading_state;
use crate::browser;
use crate::summary::data::GLOSSARY;

const WIDTH: f64 = 320.0;
const MARGIN: f64 = 8.0;

#[component]
pub fn GlossPopover() -> impl IntoView {
    let state = use_reading_state();
    let style = move || {
        let Some(g) = state.gloss.get() else {
            return String::new();
        };
        let vw = browser::viewport_width();
        let width = WIDTH.min(vw - 2.0 * MARGIN);
        let left = g.left.clamp(MARGIN, (vw - width - MARGIN).max(MARGIN));
        // Below the term unless it sits in the lower part of the view; page coordinates, so
        // the popover stays with its term while the page scrolls.
        let below = g.bottom - browser::scroll_y() < browser::viewport_height() * 0.6;
        if below {
            format!("left:{left}px;top:{}px;width:{width}px", g.bottom + MARGIN)
        } else {
            format!(
                "left:{left}px;top:{}px;width:{width}px;transform:translateY(-100%)",
                g.top - MARGIN
            )
        }
    };
    view! {
        <div id="gloss-popover" class="gloss-popover" role="tooltip" hidden=move || state.gloss.get().is_none() style=style>
            {move || state.gloss.get().and_then(|g| GLOSSARY.get(g.entry)).map(|e| view! {
                <p class="gloss-term">{e.term}</p>
                <p class="gloss-explain">{e.explain}</p>
            })}
        </div>
    }
}
