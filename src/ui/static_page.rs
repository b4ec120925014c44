//! What the shared state changes on the static page (the report, the overview and the
//! outline, which no view owns): the jump's target, the part being read and the entries that
//! hold it, the chosen theme's points, the notes' counts in the outline, the outline drawer, the
//! display settings' panel; and the clicks on the static page's controls, one listener each for
//! the whole page.

use leptos::prelude::*;

use super::display_menu;
use super::erase::watch;
use super::notes::NotesState;
use super::state::{Flash, ReadingState};
use crate::browser;
use crate::browser::page_dom;
use crate::report::Anchor;

/// The outline entries that hold `anchor` (below the top of the tree, its parent and theirs):
/// they are marked while the part is read.
pub fn holders(anchor: Option<Anchor>) -> Vec<Anchor> {
    let mut out = Vec::new();
    let mut up = anchor.and_then(|a| a.path());
    while let Some(p) = up.filter(|p| p.depth() > 1) {
        let parent = p.parent();
        out.push(Anchor::Node(parent));
        up = Some(parent);
    }
    out
}

/// A `data-flash` value ("passage start end") as the flash it asks for.
pub fn parse_flash(value: &str) -> Option<Flash> {
    let mut parts = value.split(' ').map(str::parse::<usize>);
    let (passage, start, end) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    (parts.next().is_none() && start <= end).then_some(Flash {
        passage,
        start,
        end,
    })
}

/// Keeps the static page in step with the state, for the page's life.
pub fn follow(state: ReadingState, notes: NotesState, parts: Vec<Anchor>) {
    Effect::new(move |before: Option<Option<Anchor>>| {
        let now = state.target.get();
        if let Some(old) = before.flatten().filter(|old| Some(*old) != now) {
            page_dom::set_part_class(old, "is-target", false);
        }
        if let Some(a) = now {
            page_dom::set_part_class(a, "is-target", true);
        }
        now
    });
    Effect::new(move |before: Option<(Option<Anchor>, Vec<Anchor>)>| {
        let now = state.active.get();
        let held = holders(now);
        if let Some((old, old_held)) = before {
            if let Some(old) = old.filter(|old| Some(*old) != now) {
                page_dom::set_outline_active(old, false);
            }
            for h in old_held.iter().filter(|h| !held.contains(h)) {
                page_dom::set_outline_holds_active(*h, false);
            }
        }
        if let Some(a) = now {
            page_dom::set_outline_active(a, true);
        }
        for h in &held {
            page_dom::set_outline_holds_active(*h, true);
        }
        (now, held)
    });
    Effect::new(move |before: Option<Option<usize>>| {
        let now = state.theme.get();
        let mark = |i: usize, on: bool| {
            page_dom::show_theme(i, on);
            for a in page_dom::theme_points(i) {
                page_dom::set_in_theme(a, on);
            }
        };
        if let Some(old) = before.flatten() {
            mark(old, false);
        }
        if let Some(i) = now {
            mark(i, true);
        }
        now
    });
    watch(move || page_dom::set_outline_open(state.outline_open.get()));
    watch(move || page_dom::set_display_panel_open(state.display_open.get()));
    watch(move || page_dom::check_display_choices(state.display.get()));
    page_dom::on_radio_change(display_menu::PANEL_ID, move |name, value| {
        if let Some(settings) = display_menu::picked(state.display.get_untracked(), &name, &value) {
            display_menu::choose(settings, state.display, |text| notes.say(text, true));
        }
    });
    // Counted once per change of the notes, and drawn only where a count changed.
    Effect::new(move |before: Option<Vec<usize>>| {
        let counts: Vec<usize> = notes.homes.with(|homes| {
            parts
                .iter()
                .map(|p| homes.iter().flatten().filter(|h| h.within(p)).count())
                .collect()
        });
        for (i, (part, n)) in parts.iter().zip(&counts).enumerate() {
            if before.as_ref().map_or(*n > 0, |b| b.get(i) != Some(n)) {
                page_dom::set_note_badge(*part, *n);
            }
        }
        counts
    });

    page_dom::on_clicks_within(vec![
        (
            "#outline .outline-toggle",
            Box::new(|button, _| page_dom::toggle_fold(&button)),
        ),
        (
            "#outline .outline-link, .outline-close, .outline-scrim",
            Box::new(move |_, _| state.outline_open.set(false)),
        ),
        (
            "button[data-search]",
            Box::new(move |button, _| {
                if let Some(term) = button.get_attribute("data-search") {
                    state.search_for(term);
                }
            }),
        ),
        (
            "button[data-theme]",
            Box::new(move |button, _| {
                let i = button
                    .get_attribute("data-theme")
                    .and_then(|v| v.parse::<usize>().ok());
                state
                    .theme
                    .update(|th| *th = if *th == i { None } else { i });
            }),
        ),
        (
            "a[data-flash]",
            Box::new(move |link, e| {
                if let Some(flash) = link
                    .get_attribute("data-flash")
                    .as_deref()
                    .and_then(parse_flash)
                {
                    state.flash.set(Some(flash));
                }
                // Same fragment: the browser would not move, so scroll here.
                let anchor = link
                    .get_attribute("href")
                    .as_deref()
                    .and_then(Anchor::parse);
                if let Some(anchor) = anchor.filter(|a| browser::anchor_in_location() == Some(*a)) {
                    e.prevent_default();
                    browser::scroll_to(anchor);
                }
            }),
        ),
        (
            "#reader mark.note",
            Box::new(move |mark, _| {
                // A click that ends a selection is not a request to edit.
                if browser::selection::current_selection().is_none() {
                    if let Some(id) = mark.get_attribute("data-note") {
                        notes.open_editor(&id);
                    }
                }
            }),
        ),
        (
            // Highlights are not elements: a click on highlighted text (the caret it leaves)
            // opens the note whose text holds it.
            "#reader [data-passage]",
            Box::new(move |_, _| {
                if !browser::highlights::in_use() {
                    return;
                }
                if let Some(id) = browser::selection::caret()
                    .and_then(|(passage, units)| notes.note_at(passage, units))
                {
                    notes.open_editor(&id);
                }
            }),
        ),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_held_by_its_ancestors_below_the_top() {
        let deep = Anchor::parse("#s2-1-2").expect("an anchor");
        assert_eq!(
            holders(Some(deep)),
            [
                Anchor::parse("#s2-1").unwrap(),
                Anchor::parse("#s2").unwrap()
            ]
        );
        assert!(holders(Anchor::parse("#s2")).is_empty());
        assert!(holders(Some(Anchor::Intro)).is_empty());
        assert!(holders(None).is_empty());
    }

    #[test]
    fn flash_values_are_read_strictly() {
        assert_eq!(
            parse_flash("3 10 20"),
            Some(Flash {
                passage: 3,
                start: 10,
                end: 20
            })
        );
        for bad in [
            "",
            "3 10",
            "3 20 10",
            "3 10 20 4",
            "a b c",
            "3  10 20",
            "-1 0 0",
        ] {
            assert_eq!(parse_flash(bad), None, "{bad}");
        }
    }
}
