//! The components. They read the document and the reading state from context and stay thin:
//! no parsing, no storage, no direct browser calls (those live in [`crate::browser`]).

pub mod app;
pub mod display_menu;
pub mod erase;
pub mod gloss_popover;
pub mod mark_union;
pub mod notes;
pub mod outline;
pub mod overview;
pub mod passage_html;
pub mod passage_text;
pub mod per_passage;
pub mod reader;
pub mod redraw_order;
pub mod search;
pub mod source_link;
pub mod state;
pub mod static_page;
pub mod text_marks;
pub mod topbar;

pub use app::Page;

/// A CSS length in whole pixels, for placing popovers through CSSOM properties (whole pixels:
/// a float's formatting would add its code to the wasm for nothing a reader can see).
pub fn px(value: f64) -> String {
    let mut out = (value.round() as i64).to_string();
    out.push_str("px");
    out
}
