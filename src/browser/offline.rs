//! The service worker (web/sw.template.js, filled in at build time): registered after the app
//! starts, so the app works offline after one visit. When a new release is installed and
//! waiting, `update_ready` turns true; [`apply_update`] activates it and reloads into it.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

thread_local! {
    static REGISTRATION: std::cell::RefCell<Option<ServiceWorkerRegistration>> = const { std::cell::RefCell::new(None) };
    static RELOAD_ON_CHANGE: Rc<Cell<bool>> = Rc::new(Cell::new(false));
}

/// The container, where the browser offers service workers (not on file:// or plain http
/// to a non-local host).
fn container() -> Option<ServiceWorkerContainer> {
    let win = window();
    // Opaque origins (sandboxed frames, some file:// pages) and insecure contexts have no
    // usable service workers, and some of the container's getters throw there.
    if win.origin() == "null" || !win.is_secure_context() {
        return None;
    }
    let navigator = win.navigator();
    let has =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers `./sw.js` and watches for a waiting new version.
pub fn register(update_ready: RwSignal<bool>) {
    // Development builds (trunk serve) change on every save: caching them would only confuse.
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else { return };
    let had_controller = js_sys::Reflect::get(&container, &JsValue::from_str("controller"))
        .is_ok_and(|c| !c.is_null() && !c.is_undefined());
    let reload = RELOAD_ON_CHANGE.with(Rc::clone);
    let on_change = Closure::<dyn Fn()>::new(move || {
        // Only after the reader asked: the first install also changes the controller.
        if reload.get() {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    let promise = container.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if reg.waiting().is_some() && had_controller {
            update_ready.set(true);
        }
        let reg_for_found = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg_for_found.installing() else {
                return;
            };
            let watched = installing.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if watched.state() == ServiceWorkerState::Installed && had_controller {
                    update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(reg));
    });
}

/// Activates the waiting version; the page reloads into it when it takes control.
pub fn apply_update() {
    RELOAD_ON_CHANGE.with(|r| r.set(true));
    REGISTRATION.with(|r| {
        if let Some(waiting) = r.borrow().as_ref().and_then(|reg| reg.waiting()) {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}
