//! `web/display.js` applies the stored display settings before the app exists, so it repeats
//! the names `yandu::display` owns: the key, each setting's field, attribute and choices, the
//! dark colours' sheet and its media. These checks keep the two (and the page's link) the same.

use yandu::display::{Choice, TextSize, Theme, Typeface, DARK_SHEET_ID, DISPLAY_KEY};

const SCRIPT: &str = include_str!("../web/display.js");
const PAGE: &str = include_str!("../index.html");

/// The script's line for one setting: its stored field, its attribute, the default choice (no
/// attribute) and the others.
fn setting_line<C: Choice>(field: &str) -> String {
    let names: Vec<String> = C::ALL
        .iter()
        .filter(|c| c.attribute_value().is_some())
        .map(|c| format!("{:?}", c.name()))
        .collect();
    format!(
        "[{field:?}, {:?}, {:?}, [{}]]",
        C::ATTRIBUTE,
        C::default().name(),
        names.join(", ")
    )
}

#[test]
fn the_script_knows_every_setting_and_choice() {
    assert!(SCRIPT.contains(&format!("const key = {DISPLAY_KEY:?};")));
    assert!(
        SCRIPT.contains("localStorage.getItem(key)")
            && SCRIPT.contains("localStorage.setItem(key, JSON.stringify(chosen))")
    );
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
            "if (chosen.theme === {:?}) dark.media = {:?};",
            theme.name(),
            theme.dark_sheet_media()
        );
        assert!(SCRIPT.contains(&line), "web/display.js lacks {line}");
    }
    let otherwise = format!("else dark.media = {:?};", Theme::System.dark_sheet_media());
    assert!(
        SCRIPT.contains(&otherwise),
        "web/display.js lacks {otherwise}"
    );
    let link = format!(
        "id=\"{DARK_SHEET_ID}\" media=\"{}\"",
        Theme::System.dark_sheet_media()
    );
    assert!(PAGE.contains(&link), "index.html lacks {link}");
}

#[test]
fn the_script_stores_what_the_app_stores() {
    // JSON.stringify keeps the order the fields were set in: v first, then the script's rows,
    // which must come in the order the app stores the fields.
    assert!(SCRIPT.contains("const chosen = { v: 1 };"));
    let stored = yandu::display::DisplaySettings::default().to_stored();
    assert!(stored.starts_with(r#"{"v":1,"#), "{stored}");
    let in_stored = |f: &str| stored.find(&format!("{f:?}:")).unwrap();
    let in_script = |f: &str| SCRIPT.find(&format!("[{f:?}, ")).unwrap();
    let mut fields = ["theme", "typeface", "size"];
    fields.sort_by_key(|f| in_stored(f));
    assert!(
        fields.windows(2).all(|w| in_script(w[0]) < in_script(w[1])),
        "the script's rows are not in the stored order {fields:?}"
    );
}
