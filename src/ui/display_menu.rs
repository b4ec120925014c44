//! The display settings: 配色 (跟随系统 / 浅色 / 深色), 字体 (黑体 / 宋体) and 字号 (小 / 标准 /
//! 大 / 特大). The top bar's toggle is a widget; the panel is static, prerendered and never
//! rendered by the wasm (as a view it cost 4.6 KB gzip of wasm): `static_page` opens it, checks
//! its radio buttons (arrow keys move within a group) and hears their changes, which apply at
//! once and are kept for the next visit and the reader's other tabs. Before the app,
//! `web/display.js` answers the same panel; each radio button's value is its choice's stored
//! name, which both read.

use leptos::prelude::*;

use super::erase::{act, live};
use super::state::use_reading_state;
use crate::browser;
use crate::display::{DisplaySettings, Setting};

/// The id of the panel, which the toggle controls.
pub const PANEL_ID: &str = "display-panel";

#[component]
pub fn DisplayToggle() -> impl IntoView {
    let state = use_reading_state();
    let open = state.display_open;
    view! {
        <button
            type="button"
            id="display-toggle"
            class="icon-button display-toggle-button"
            aria-controls=PANEL_ID
            aria-expanded=live(move || open.get().to_string())
            on:click=act(move |_| open.update(|o| *o = !*o))
        >
            <span class="display-glyph" aria-hidden="true">"Aa"</span>
            <span class="button-label">"显示"</span>
        </button>
    }
}

/// The panel as prerendered: closed, with the defaults checked (the app checks what is stored).
#[component]
pub fn DisplayPanel() -> impl IntoView {
    let defaults = DisplaySettings::default();
    view! {
        <div id=PANEL_ID class="display-panel" role="dialog" aria-label="显示设置" hidden>
            {Setting::all().into_iter().map(|setting| view! {
                <fieldset class="display-group">
                    <legend>{setting.legend}</legend>
                    <div class="segmented">
                        {setting.choices.iter().enumerate().map(|(i, &(value, label))| view! {
                            <label class="segment">
                                <input
                                    type="radio"
                                    name=setting.name
                                    value=value
                                    checked=(setting.chosen)(defaults) == i
                                />
                                <span>{label}</span>
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
            }).collect_view()}
            <p class="display-note">"只改变本浏览器中的显示，随时可改回。"</p>
        </div>
    }
}

/// The settings a changed radio button (its `name` and `value`) asks for, from `now`.
pub fn picked(now: DisplaySettings, name: &str, value: &str) -> Option<DisplaySettings> {
    let setting = Setting::all().into_iter().find(|s| s.name == name)?;
    let i = setting.choices.iter().position(|&(v, _)| v == value)?;
    Some((setting.with)(now, i))
}

/// Applies `settings` and stores them; storage that cannot take them leaves them for this visit,
/// and `say` tells the reader so.
pub fn choose(settings: DisplaySettings, display: RwSignal<DisplaySettings>, say: impl Fn(String)) {
    display.set(settings);
    browser::display::apply(settings);
    if let Err(e) = browser::display::store(settings) {
        say(format!("显示设置只在这次访问中有效：{e}。"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::{TextSize, Theme};

    #[test]
    fn a_changed_radio_button_picks_its_choice_and_nothing_else() {
        let now = DisplaySettings::default();
        let dark = picked(now, "data-theme", "dark").unwrap();
        assert_eq!(dark.theme, Theme::Dark);
        assert_eq!(dark.text_size, TextSize::Standard);
        let larger = picked(dark, "data-text-size", "larger").unwrap();
        assert_eq!(
            (larger.theme, larger.text_size),
            (Theme::Dark, TextSize::Larger)
        );
        for (name, value) in [
            ("data-theme", "sepia"),
            ("data-theme", "Dark"),
            ("data-theme", ""),
            ("data-theme", "2"),
            ("data-text-size", "serif"),
            ("theme", "dark"),
            ("", ""),
        ] {
            assert_eq!(picked(now, name, value), None, "{name}={value}");
        }
    }
}
