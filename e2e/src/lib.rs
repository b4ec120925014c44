//! The real-browser test kit: a static file server for the release dist on 127.0.0.1, the
//! WebDriver servers of the engines, and page helpers that wait on conditions (never sleep).

pub mod driver;
pub mod genre;
pub mod marks;
pub mod page;
pub mod server;
pub mod sizes;
pub mod stats;
