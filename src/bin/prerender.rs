//! Renders the app's first view to HTML at build time and puts it into the built page, in
//! place of the `<!--prerender-->` placeholder in its `<body>`: the report is readable before
//! the wasm arrives (and without it), and the wasm then mounts its widgets into their roots.
//!
//! Usage: `prerender <index.html>` (the trunk post_build hook passes the staged page).

use leptos::prelude::*;

const PLACEHOLDER: &str = "<!--prerender-->";

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <index.html>");
        std::process::exit(2);
    };
    let page = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    // The page is all of the body: the placeholder must be alone in it.
    if !page.contains(&format!("<body>{PLACEHOLDER}</body>")) {
        fail(&format!("{path} has no <body>{PLACEHOLDER}</body>"));
    }
    let html = Owner::new().with(|| view! { <yandu::ui::Page /> }.to_html());
    std::fs::write(&path, page.replacen(PLACEHOLDER, &html, 1))
        .unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    println!("prerender: {} bytes of markup into {path}", html.len());
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1);
}
