//! Starts the app; nothing else. The release page already holds the whole page (prerendered
//! at build time): the wasm hydrates its widget roots and wires the static parts to them.

fn main() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "hydrate")]
    yandu::ui::app::start();
    #[cfg(not(feature = "hydrate"))]
    leptos::mount::mount_to_body(yandu::ui::Page);
}
