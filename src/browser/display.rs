//! The reader's display settings in the page and in storage (the names and the stored form are
//! `crate::display`'s). `web/display.js` has applied the stored settings before the first paint;
//! the app reads them again, applies changes and stores them.

use leptos::prelude::*;

use super::reading_place;
use super::storage::Store;
use crate::display::{DisplaySettings, ReadSettings, DARK_SHEET_ID, DISPLAY_KEY};
use crate::storage::{KeyValue, StorageError};

/// What is stored, if anything (nothing too when storage cannot be read: the defaults then
/// stand, as they did for display.js).
pub fn stored() -> Option<ReadSettings> {
    match Store::open().get(DISPLAY_KEY) {
        Ok(Some(raw)) => Some(DisplaySettings::read(&raw)),
        _ => None,
    }
}

/// Stores the settings for the next visit and the reader's other tabs.
pub fn store(settings: DisplaySettings) -> Result<(), StorageError> {
    Store::open().set(DISPLAY_KEY, &settings)
}

/// Sets the root element's attributes and the dark colours' media, keeping the text at the
/// reading line where it was when the text reflows (a typeface or size changed).
pub fn apply(settings: DisplaySettings) {
    let Some(root) = document().document_element() else {
        return;
    };
    // The typeface and the size (the attributes after the colours') wrap the lines anew.
    let reflows = settings.attributes()[1..]
        .iter()
        .any(|&(name, value)| root.get_attribute(name).as_deref() != value);
    let set = move || {
        for (name, value) in settings.attributes() {
            _ = match value {
                Some(value) => root.set_attribute(name, value),
                None => root.remove_attribute(name),
            };
        }
        if let Some(sheet) = document().get_element_by_id(DARK_SHEET_ID) {
            _ = sheet.set_attribute("media", settings.theme.dark_sheet_media());
        }
    };
    if reflows {
        reading_place::keep_across(set);
    } else {
        set();
    }
}
