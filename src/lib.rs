#![recursion_limit = "256"]
//! Yandu (研读): study one policy report in the browser.
//!
//! Data flows one way: text → [`report`] model → [`summary`] → [`ui`] components.
//! Only [`browser`] touches browser APIs; everything else is plain Rust, tested natively.

pub mod browser;
pub mod display;
pub mod notes;
pub mod order;
pub mod report;
pub mod storage;
pub mod summary;
pub mod ui;
