//! The glossary popover: one element for the whole page, placed next to the term that opened
//! it (below it, or above near the bottom of the view), inside the viewport's width.

use leptos::prelude::*;

use super::erase::live;
use super::state::use_reading_state;
use crate::browser;
use crate::summary::data::GLOSSARY;

const WIDTH: f64 = 320.0;
const MARGIN: f64 = 8.0;

#[component]
pub fn GlossPopover() -> impl IntoView {
    let state = use_reading_state();
    // Placed through CSSOM properties (style:…), which a strict CSP allows; a style attribute
    // would need 'unsafe-inline'. Nothing while closed, so the prerendered page has no style.
    let place = move || {
        let g = state.gloss.get()?;
        let vw = browser::viewport_width();
        let width = WIDTH.min(vw - 2.0 * MARGIN);
        // max then min, not clamp: clamp's panic message would format floats into the wasm.
        let left = g.left.max(MARGIN).min((vw - width - MARGIN).max(MARGIN));
        // Below the term unless it sits in the lower part of the view; page coordinates, so
        // the popover stays with its term while the page scrolls.
        let below = g.bottom - browser::scroll_y() < browser::viewport_height() * 0.6;
        Some(if below {
            (left, g.bottom + MARGIN, width, false)
        } else {
            (left, g.top - MARGIN, width, true)
        })
    };
    let px =
        move |f: fn((f64, f64, f64, bool)) -> f64| move || place().map(|p| crate::ui::px(f(p)));
    view! {
        <div id="gloss-popover" class="gloss-popover" role="tooltip" hidden=live(move || state.gloss.get().is_none())
            style:left=px(|p| p.0)
            style:top=px(|p| p.1)
            style:width=px(|p| p.2)
            style:transform=live(move || place().map(|p| if p.3 { "translateY(-100%)" } else { "none" }))>
            {live(move || state.gloss.get().and_then(|g| GLOSSARY.get(g.entry)).map(|e| view! {
                <p class="gloss-term">{e.term}</p>
                <p class="gloss-explain">{e.explain}</p>
            }))}
        </div>
    }
}
