//! The reader's display settings: the colour theme (跟随系统 / 浅色 / 深色, as the design brief
//! asks), the typeface of the text (黑体, or 宋体 as a reading mode) and its size. They are
//! stored under a key of their own, never among the notes, and applied as attributes of the
//! page's root element, which the style sheets follow; the theme also switches the dark
//! colours' style sheet on or off by its `media`. `web/display.js` applies what is stored
//! before the first paint and must agree with the names here (`tests/display_script.rs`
//! checks that it does).

use serde::{Deserialize, Serialize};

/// Where the settings are stored: under the app's prefix, outside the notes' keys.
pub const DISPLAY_KEY: &str = "yandu:v1:display";

/// The id of the style sheet that holds the dark colours (`style/dark.css`).
pub const DARK_SHEET_ID: &str = "dark-colours";

/// One setting: a closed set of choices, each with the name it is stored and set under and the
/// label the reader sees.
pub trait Choice: Copy + Default + PartialEq + 'static {
    const ALL: &'static [Self];
    /// The root element's attribute, absent for the default choice.
    const ATTRIBUTE: &'static str;
    /// The setting's name in the settings panel.
    const LEGEND: &'static str;
    fn name(self) -> &'static str;
    fn label(self) -> &'static str;

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// The root element's attribute value: none for the default.
    fn attribute_value(self) -> Option<&'static str> {
        (self != Self::default()).then(|| self.name())
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Choice for Theme {
    const ALL: &'static [Self] = &[Theme::System, Theme::Light, Theme::Dark];
    const ATTRIBUTE: &'static str = "data-theme";
    const LEGEND: &'static str = "配色";
    fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Theme::System => "跟随系统",
            Theme::Light => "浅色",
            Theme::Dark => "深色",
        }
    }
}

impl Theme {
    /// The `media` of the dark colours' style sheet: the system's choice, never, or always on
    /// screens (paper stays light: print.css).
    pub fn dark_sheet_media(self) -> &'static str {
        match self {
            Theme::System => "screen and (prefers-color-scheme: dark)",
            Theme::Light => "not all",
            Theme::Dark => "screen",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Typeface {
    #[default]
    Sans,
    Serif,
}

impl Choice for Typeface {
    const ALL: &'static [Self] = &[Typeface::Sans, Typeface::Serif];
    const ATTRIBUTE: &'static str = "data-typeface";
    const LEGEND: &'static str = "字体";
    fn name(self) -> &'static str {
        match self {
            Typeface::Sans => "sans",
            Typeface::Serif => "serif",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Typeface::Sans => "黑体",
            Typeface::Serif => "宋体",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    Small,
    #[default]
    Standard,
    Large,
    Larger,
}

impl Choice for TextSize {
    const ALL: &'static [Self] = &[
        TextSize::Small,
        TextSize::Standard,
        TextSize::Large,
        TextSize::Larger,
    ];
    const ATTRIBUTE: &'static str = "data-text-size";
    const LEGEND: &'static str = "字号";
    fn name(self) -> &'static str {
        match self {
            TextSize::Small => "small",
            TextSize::Standard => "standard",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }
    fn label(self) -> &'static str {
        match self {
            TextSize::Small => "小",
            TextSize::Standard => "标准",
            TextSize::Large => "大",
            TextSize::Larger => "特大",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DisplaySettings {
    pub theme: Theme,
    pub typeface: Typeface,
    pub text_size: TextSize,
}

/// One setting as the settings panel shows it: its legend, the name of its radio buttons, its
/// choices (each the value of its radio button and its label), which one the settings have and
/// the settings with another: the static panel and the app's glue treat the three alike.
pub struct Setting {
    pub legend: &'static str,
    pub name: &'static str,
    pub choices: Vec<(&'static str, &'static str)>,
    pub chosen: fn(DisplaySettings) -> usize,
    pub with: fn(DisplaySettings, usize) -> DisplaySettings,
}

impl Setting {
    /// The three settings, in the panel's order.
    pub fn all() -> [Setting; 3] {
        [
            Setting {
                legend: Theme::LEGEND,
                name: Theme::ATTRIBUTE,
                choices: choices::<Theme>(),
                chosen: |s| position(s.theme),
                with: |s, i| DisplaySettings { theme: nth(i), ..s },
            },
            Setting {
                legend: Typeface::LEGEND,
                name: Typeface::ATTRIBUTE,
                choices: choices::<Typeface>(),
                chosen: |s| position(s.typeface),
                with: |s, i| DisplaySettings {
                    typeface: nth(i),
                    ..s
                },
            },
            Setting {
                legend: TextSize::LEGEND,
                name: TextSize::ATTRIBUTE,
                choices: choices::<TextSize>(),
                chosen: |s| position(s.text_size),
                with: |s, i| DisplaySettings {
                    text_size: nth(i),
                    ..s
                },
            },
        ]
    }
}

fn choices<C: Choice>() -> Vec<(&'static str, &'static str)> {
    C::ALL.iter().map(|c| (c.name(), c.label())).collect()
}

fn position<C: Choice>(choice: C) -> usize {
    C::ALL.iter().position(|&c| c == choice).unwrap_or(0)
}

/// The `i`th choice; the default past the end.
fn nth<C: Choice>(i: usize) -> C {
    C::ALL.get(i).copied().unwrap_or_default()
}

/// The settings as stored: `{"v":1,"theme":"dark","typeface":"serif","size":"large"}`.
#[derive(Serialize)]
struct Stored<'a> {
    v: u32,
    theme: &'a str,
    typeface: &'a str,
    size: &'a str,
}

/// The settings as read: any version, any field missing.
#[derive(Deserialize)]
struct StoredIn {
    #[serde(rename = "v")]
    _version: Option<u32>,
    theme: Option<String>,
    typeface: Option<String>,
    size: Option<String>,
}

/// What was read from storage: the settings, with the default for anything not understood, and
/// whether anything was not (the reader is told; nothing else depends on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadSettings {
    pub settings: DisplaySettings,
    pub understood: bool,
}

impl DisplaySettings {
    /// Reads the stored text. Never fails: a value that is not JSON, or names a choice this
    /// version does not have (a newer version's, or a damaged one), gives the default for it.
    pub fn read(raw: &str) -> ReadSettings {
        let Ok(stored) = serde_json::from_str::<StoredIn>(raw) else {
            return ReadSettings {
                settings: DisplaySettings::default(),
                understood: false,
            };
        };
        let mut understood = true;
        let theme = choose(stored.theme.as_deref(), &mut understood);
        let typeface = choose(stored.typeface.as_deref(), &mut understood);
        let text_size = choose(stored.size.as_deref(), &mut understood);
        ReadSettings {
            settings: DisplaySettings {
                theme,
                typeface,
                text_size,
            },
            understood,
        }
    }

    /// The text to store (what [`Serialize`] gives).
    pub fn to_stored(self) -> String {
        serde_json::to_string(&self).unwrap_or_default()
    }

    /// The root element's attributes: each name, with its value or none (removed).
    pub fn attributes(self) -> [(&'static str, Option<&'static str>); 3] {
        [
            (Theme::ATTRIBUTE, self.theme.attribute_value()),
            (Typeface::ATTRIBUTE, self.typeface.attribute_value()),
            (TextSize::ATTRIBUTE, self.text_size.attribute_value()),
        ]
    }
}

impl Serialize for DisplaySettings {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Stored {
            v: 1,
            theme: self.theme.name(),
            typeface: self.typeface.name(),
            size: self.text_size.name(),
        }
        .serialize(serializer)
    }
}

/// The choice named `name`, or the default; an unknown name clears `understood`.
fn choose<C: Choice>(name: Option<&str>, understood: &mut bool) -> C {
    match name {
        None => C::default(),
        Some(name) => C::from_name(name).unwrap_or_else(|| {
            *understood = false;
            C::default()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_storing_and_reading() {
        for &theme in Theme::ALL {
            for &typeface in Typeface::ALL {
                for &text_size in TextSize::ALL {
                    let settings = DisplaySettings {
                        theme,
                        typeface,
                        text_size,
                    };
                    let read = DisplaySettings::read(&settings.to_stored());
                    assert_eq!(read.settings, settings);
                    assert!(read.understood);
                }
            }
        }
    }

    #[test]
    fn the_stored_form_is_stable() {
        let settings = DisplaySettings {
            theme: Theme::Dark,
            typeface: Typeface::Serif,
            text_size: TextSize::Large,
        };
        assert_eq!(
            settings.to_stored(),
            r#"{"v":1,"theme":"dark","typeface":"serif","size":"large"}"#
        );
    }

    #[test]
    fn what_is_not_understood_falls_back_to_the_default_and_says_so() {
        let read = DisplaySettings::read(r#"{"v":2,"theme":"sepia","typeface":"serif"}"#);
        assert_eq!(read.settings.theme, Theme::System);
        assert_eq!(read.settings.typeface, Typeface::Serif);
        assert_eq!(read.settings.text_size, TextSize::Standard);
        assert!(!read.understood);
        for broken in ["", "{", "null", "[]", r#"{"theme":5}"#, r#"{"v":"1"}"#] {
            let read = DisplaySettings::read(broken);
            assert_eq!(read.settings, DisplaySettings::default(), "{broken}");
            assert!(!read.understood, "{broken}");
        }
        // Fields of a later version that this one has no setting for are left alone.
        let read = DisplaySettings::read(r#"{"v":1,"theme":"light","leading":"loose"}"#);
        assert_eq!(read.settings.theme, Theme::Light);
        assert!(read.understood);
    }

    #[test]
    fn defaults_set_no_attribute() {
        assert!(DisplaySettings::default()
            .attributes()
            .iter()
            .all(|(_, value)| value.is_none()));
        let dark = DisplaySettings {
            theme: Theme::Dark,
            ..Default::default()
        };
        assert_eq!(dark.attributes()[0], ("data-theme", Some("dark")));
    }

    #[test]
    fn only_the_system_theme_asks_the_system() {
        assert!(Theme::System
            .dark_sheet_media()
            .contains("prefers-color-scheme: dark"));
        assert_eq!(Theme::Light.dark_sheet_media(), "not all");
        assert_eq!(Theme::Dark.dark_sheet_media(), "screen");
    }

    #[test]
    fn each_setting_of_the_panel_picks_its_own_choice() {
        for setting in Setting::all() {
            for i in 0..setting.choices.len() {
                let picked = (setting.with)(DisplaySettings::default(), i);
                assert_eq!((setting.chosen)(picked), i, "{}", setting.legend);
                // The other settings stay as they were.
                let changed = picked
                    .attributes()
                    .iter()
                    .zip(DisplaySettings::default().attributes())
                    .filter(|(a, b)| *a != b)
                    .count();
                assert!(changed <= 1, "{}", setting.legend);
            }
        }
    }
}

// proptest is a dev-dependency of the host only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Whatever is stored (CJK and ASCII punctuation, line breaks, odd lengths), reading it
        // never panics and gives settings that store and read back the same.
        #[test]
        fn any_stored_text_reads(raw in "[\\PC\\n{}\":,\\[\\]a-z0-9“”，。]{0,80}") {
            let read = DisplaySettings::read(&raw);
            prop_assert_eq!(DisplaySettings::read(&read.settings.to_stored()).settings, read.settings);
        }

        #[test]
        fn any_names_read(theme in "\\PC{0,12}", size in "[a-z]{0,8}") {
            let raw = serde_json::json!({"v": 1, "theme": theme, "size": size}).to_string();
            let read = DisplaySettings::read(&raw);
            prop_assert_eq!(read.understood, Theme::from_name(&theme).is_some() && TextSize::from_name(&size).is_some());
        }
    }
}
