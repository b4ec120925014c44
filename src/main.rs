//! Mounts the app; nothing else. The release page already holds the app's markup (prerendered
//! at build time), so the wasm hydrates it instead of drawing it again.

fn main() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "hydrate")]
    leptos::mount::hydrate_body(yandu::ui::App);
    #[cfg(not(feature = "hydrate"))]
    leptos::mount::mount_to_body(yandu::ui::App);
}
