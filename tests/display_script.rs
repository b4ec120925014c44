//! `web/display.js` applies the stored display settings before the app exists, so it repeats
//! the names `yandu::display` owns: the key, each setting's field, attribute and choices, the
//! dark colours' sheet and its media. These checks keep the two (and the page's link) the same.

use yandu::display::{Choice, TextSize, Theme, Typeface, DARK_SHEET_ID, DISPLAY_KEY};

const SCRIPT: &str = include_str!("../web/display.js");
const PAGE: &str = include_str!("../index.html");

/// The script's line for one setting: its stored field, its attribute and the choices it sets
/// (every one but the default, which is no attribute).
fn setting_line<C: Choice>(field: &str) -> String {
    let names: Vec<String> = C::ALL
        .iter()
        .filter(|c| c.attribute_value().is_some())
        .map(|c| format!("{:?}", c.name()))
        .collect();
    format!("[{field:?}, {:?}, [{}]]", C::ATTRIBUTE, names.join(", "))
}

#[test]
fn the_script_knows_every_setting_and_choice() {
    assert!(SCRIPT.contains(&format!("localStorage.getItem({DISPLAY_KEY:?})")));
    for line in [
        setting_line::<Theme>("theme"),
        setting_line::<Typeface>("typeface"),
        setting_line::<TextSize>("size"),
    ] {
        assert!(SCRIPT.contains(&line), "web/display.js lacks {line}");
    }
}

#[test]
fn the_script_and_the_page_switch_the_same_sheet_the_same_way() {
    assert!(SCRIPT.contains(&format!("document.getElementById({DARK_SHEET_ID:?})")));
    for theme in [Theme::Light, Theme::Dark] {
        let line = format!(
            "stored.theme === {:?}) dark.media = {:?};",
            theme.name(),
            theme.dark_sheet_media()
        );
        assert!(SCRIPT.contains(&line), "web/display.js lacks {line}");
    }
    let link = format!(
        "id=\"{DARK_SHEET_ID}\" media=\"{}\"",
        Theme::System.dark_sheet_media()
    );
    assert!(PAGE.contains(&link), "index.html lacks {link}");
}

#[test]
fn the_stored_fields_are_the_scripts() {
    let stored = yandu::display::DisplaySettings::default().to_stored();
    for field in ["\"theme\"", "\"typeface\"", "\"size\""] {
        assert!(stored.contains(field), "{stored} lacks {field}");
    }
}
