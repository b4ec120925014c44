//! Starts the app; nothing else. The release page already holds the whole page (prerendered
//! at build time): the wasm mounts its widgets into their roots and wires the static parts to them.

fn main() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "csr")]
    yandu::ui::app::start();
    #[cfg(not(feature = "csr"))]
    leptos::mount::mount_to_body(yandu::ui::Page);
}
