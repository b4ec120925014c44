//! The prerendered page's static parts (the report, the overview, the outline), as the wasm
//! changes them: it never renders them, it only sets classes and attributes on their elements,
//! replaces a passage's text when its marks change, and listens for clicks on the document.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::report::Anchor;

fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

fn query(selector: &str) -> Option<Element> {
    document().query_selector(selector).ok().flatten()
}

fn query_all(selector: &str) -> Vec<Element> {
    let Ok(list) = document().query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn set_class(el: &Element, class: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(class, on);
}

/// The reader's element of passage `index`.
fn passage(index: usize) -> Option<Element> {
    super::passage_element(index).or_else(|| query(&format!("#reader [data-passage=\"{index}\"]")))
}

/// The reader's element of passage `index`, as a node (marks are drawn over its text).
pub fn passage_node(index: usize) -> Option<web_sys::Node> {
    passage(index).map(Into::into)
}

/// Puts `html` (from `ui::passage_html`, escaped there) into the reader's passage `index`.
pub fn set_passage_html(index: usize, html: &str) {
    if let Some(el) = passage(index) {
        el.set_inner_html(html);
    }
}

/// Says aloud what highlights passage `index` holds (`data-notes`, generated content that
/// only screen readers get), or nothing.
pub fn set_passage_notes_cue(index: usize, cue: Option<&str>) {
    if let Some(el) = passage(index) {
        let _ = match cue {
            Some(cue) => el.set_attribute("data-notes", cue),
            None => el.remove_attribute("data-notes"),
        };
    }
}

/// Gives or takes `class` from the reader's element of `anchor`.
pub fn set_part_class(anchor: Anchor, class: &str, on: bool) {
    if let Some(el) = by_id(&anchor.id()) {
        set_class(&el, class, on);
    }
}

/// The outline's link to `anchor`.
fn outline_link(anchor: Anchor) -> Option<Element> {
    query(&format!("#outline a[data-anchor=\"{}\"]", anchor.id()))
}

/// Marks the outline's link to `anchor` as the part being read (or not).
pub fn set_outline_active(anchor: Anchor, on: bool) {
    if let Some(a) = outline_link(anchor) {
        set_class(&a, "is-active", on);
        let _ = if on {
            a.set_attribute("aria-current", "location")
        } else {
            a.remove_attribute("aria-current")
        };
    }
}

/// Marks the outline's entry of `anchor` as holding the part being read (or not).
pub fn set_outline_holds_active(anchor: Anchor, on: bool) {
    if let Some(li) = outline_link(anchor).and_then(|a| a.closest("li.outline-item").ok().flatten())
    {
        set_class(&li, "contains-active", on);
    }
}

/// Marks `anchor` in the reader and the outline as one of the chosen theme's points.
pub fn set_in_theme(anchor: Anchor, on: bool) {
    set_part_class(anchor, "in-theme", on);
    if let Some(a) = outline_link(anchor) {
        set_class(&a, "in-theme", on);
    }
}

/// The points of theme `index`, as its button names them (`data-points`, ids).
pub fn theme_points(index: usize) -> Vec<Anchor> {
    query(&format!("button[data-theme=\"{index}\"]"))
        .and_then(|b| b.get_attribute("data-points"))
        .map(|ids| ids.split_whitespace().filter_map(Anchor::parse).collect())
        .unwrap_or_default()
}

/// Shows theme `index`'s button as pressed and its panel open (or neither).
pub fn show_theme(index: usize, on: bool) {
    if let Some(b) = query(&format!("button[data-theme=\"{index}\"]")) {
        let _ = b.set_attribute("aria-pressed", if on { "true" } else { "false" });
    }
    if let Some(panel) = by_id(&format!("ov-theme-{index}")) {
        let _ = panel.toggle_attribute_with_force("hidden", !on);
    }
}

/// The drawers as the reader left them before the app started.
pub struct Drawers {
    pub outline_open: bool,
    pub notes_open: bool,
    /// The display settings' panel (not a drawer, but left open the same way).
    pub display_open: bool,
}

/// Takes the page over from the glue that answers it before the app has started
/// (web/before-app.js, which stops once html[data-app] is set): the drawers as it left them.
pub fn take_over() -> Drawers {
    let _ = document()
        .document_element()
        .map(|root| root.set_attribute("data-app", ""));
    let open = |id: &str| {
        by_id(id)
            .and_then(|el| el.get_attribute("data-open"))
            .as_deref()
            == Some("true")
    };
    Drawers {
        outline_open: open("outline"),
        notes_open: open("notes-panel"),
        display_open: by_id("display-panel").is_some_and(|p| !p.has_attribute("hidden")),
    }
}

/// The outline drawer and its scrim, open or closed (narrow screens).
pub fn set_outline_open(open: bool) {
    let value = if open { "true" } else { "false" };
    for el in query_all("#outline, .outline-scrim") {
        let _ = el.set_attribute("data-open", value);
    }
}

/// The count of notes on the outline's link to `anchor` (no badge for none).
pub fn set_note_badge(anchor: Anchor, count: usize) {
    let Some(a) = outline_link(anchor) else {
        return;
    };
    let badge = a.query_selector(".note-badge").ok().flatten();
    match (badge, count) {
        (Some(b), 0) => b.remove(),
        (None, 0) => {}
        (badge, n) => {
            let b = badge.or_else(|| {
                let b = document().create_element("span").ok()?;
                b.set_class_name("note-badge");
                a.append_child(&b).ok()?;
                Some(b)
            });
            if let Some(b) = b {
                let _ = b.set_attribute("aria-label", &format!("{n} 条笔记"));
                b.set_text_content(Some(&n.to_string()));
            }
        }
    }
}

/// Folds or unfolds the outline entry whose toggle is `button`: its `aria-expanded`, its name
/// (收起/展开 and the entry's label) and the `hidden` of the list it controls.
pub fn toggle_fold(button: &Element) {
    let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let label = button.get_attribute("data-label").unwrap_or_default();
    let verb = if open { "收起" } else { "展开" };
    let _ = button.set_attribute("aria-label", &format!("{verb}：{label}"));
    if let Some(list) = button
        .get_attribute("aria-controls")
        .and_then(|id| by_id(&id))
    {
        let _ = list.toggle_attribute_with_force("hidden", !open);
    }
}

/// A handler for clicks on the elements matching a selector: the element, and the event.
pub type ClickHandler = (&'static str, Box<dyn Fn(Element, &ev::MouseEvent)>);

/// One listener for every click on the page (the static page has no views to hold them): each
/// handler whose selector matches an element that holds the click's target is called with
/// that element.
pub fn on_clicks_within(handlers: Vec<ClickHandler>) {
    // The listener lives as long as the page.
    _ = window_event_listener(ev::click, move |e| {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        for (selector, handle) in &handlers {
            if let Ok(Some(el)) = target.closest(selector) {
                handle(el, &e);
            }
        }
    });
}

/// Opens or closes the display settings' panel. On opening, the focus goes to its first group's
/// checked choice (the panel is a dialog after the top bar; one opened before the app keeps
/// the focus where it is); closed with the focus inside, the focus goes back to its toggle.
pub fn set_display_panel_open(open: bool) {
    let Some(panel) = by_id("display-panel") else {
        return;
    };
    let was_open = !panel.has_attribute("hidden");
    let _ = panel.toggle_attribute_with_force("hidden", !open);
    let focus = |el: Option<Element>| {
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    };
    if open && !was_open {
        focus(panel.query_selector("input:checked").ok().flatten());
    } else if document()
        .active_element()
        .is_some_and(|a| panel.contains(Some(&a)))
    {
        focus(by_id("display-toggle"));
    }
}

/// Checks, in the display settings' panel, the choices `settings` has.
pub fn check_display_choices(settings: crate::display::DisplaySettings) {
    for setting in crate::display::Setting::all() {
        let chosen = setting
            .choices
            .get((setting.chosen)(settings))
            .map_or("", |&(value, _)| value);
        let selector = format!("#display-panel input[name=\"{}\"]", setting.name);
        for el in query_all(&selector) {
            if let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() {
                input.set_checked(input.value() == chosen);
            }
        }
    }
}

/// Calls `f` with the `name` and `value` of each radio button the reader checks inside the
/// element `id` (one listener for the page's life).
pub fn on_radio_change(id: &'static str, f: impl Fn(String, String) + 'static) {
    _ = window_event_listener_untyped("change", move |e| {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let inside = input.closest(&format!("#{id}")).ok().flatten().is_some();
        if inside && input.type_() == "radio" && input.checked() {
            f(input.name(), input.value());
        }
    });
}

/// The `name` and `value` of each checked radio button inside the element `id`.
pub fn checked_radios(id: &str) -> Vec<(String, String)> {
    query_all(&format!("#{id} input:checked"))
        .into_iter()
        .filter_map(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| (input.name(), input.value()))
        .collect()
}
