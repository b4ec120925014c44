//! Type-erased closures for the widgets' views and effects. Leptos compiles its machinery once
//! per closure type: each `move || …` child or attribute, each `on:` handler and each effect
//! carried its own copy into the wasm. Behind one `Arc`/`Box` type, all closures with the same
//! output, event or effect share one copy: 5.2 KB gzip less wasm for about 70 call sites (a
//! first visit's largest part, and the phone's first tap waits for its download).

use std::sync::Arc;

/// A reactive child or attribute value: `{live(move || …)}`.
pub fn live<T: 'static>(
    f: impl Fn() -> T + Send + Sync + 'static,
) -> Arc<dyn Fn() -> T + Send + Sync> {
    Arc::new(f)
}

/// An event handler: `on:click=act(move |_| …)`.
pub fn act<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// An effect that keeps nothing between runs: `watch(move || …)`.
pub fn watch(f: impl Fn() + 'static) {
    let run: Box<dyn FnMut(Option<()>)> = Box::new(move |_| f());
    leptos::prelude::Effect::new(run);
}
