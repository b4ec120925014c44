//! The components. They read the document and the reading state from context and stay thin:
//! no parsing, no storage, no direct browser calls (those live in [`crate::browser`]).

pub mod app;
pub mod outline;
pub mod reader;
pub mod spans;
pub mod state;
pub mod topbar;

pub use app::App;
