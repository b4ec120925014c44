//! localStorage behind the [`KeyValue`] trait, through gloo-storage. Reaching
//! `window.localStorage` can itself throw (blocked cookies, sandboxed frames), and so do gloo's
//! `LocalStorage::raw()` and every call made on it then, so [`Store::open`] probes it once with
//! web-sys before gloo is touched. Write errors come back from gloo as the exception's name,
//! which [`StorageError::from_js_error`] classifies (quota errors differ between engines).

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage as _};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::storage::{KeyValue, StorageError};

/// Where the notes go: localStorage, or memory for this visit when the browser gives none.
pub enum Store {
    Local,
    /// Blocked or missing storage: every call fails, so the notes book knows to keep notes in
    /// memory and say so.
    Blocked,
}

fn to_error(e: GlooError) -> StorageError {
    match e {
        GlooError::JsError(js) => StorageError::from_js_error(&js.name, &js.message),
        other => StorageError::Other(other.to_string()),
    }
}

/// What a web-sys call on gloo's raw handle threw, classified like gloo's own errors.
fn thrown(e: JsValue) -> StorageError {
    match e.dyn_into::<js_sys::Error>() {
        Ok(e) => StorageError::from_js_error(&String::from(e.name()), &String::from(e.message())),
        // Not an Error object: nothing in it to show (and formatting a JsValue costs the wasm).
        Err(_) => StorageError::Other("浏览器未说明原因".into()),
    }
}

impl Store {
    /// The page's localStorage if the browser lets this page use it, else [`Store::Blocked`].
    pub fn open() -> Store {
        if probe() {
            Store::Local
        } else {
            Store::Blocked
        }
    }
}

/// True when `window.localStorage` can be reached and used. Some browsers hand out an object
/// that throws on first use, so it is used once (its length read).
fn probe() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.local_storage() {
        Ok(Some(storage)) => storage.length().is_ok(),
        _ => false,
    }
}

impl KeyValue for Store {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self {
            // The raw text, not gloo's `get`: a value that does not decode is still copied to
            // quarantine byte-identical, and serde would only say that it did not decode.
            Store::Local => LocalStorage::raw().get_item(key).map_err(thrown),
            Store::Blocked => Err(StorageError::Unavailable),
        }
    }

    fn set<T: Serialize + ?Sized>(&self, key: &str, value: &T) -> Result<(), StorageError> {
        match self {
            Store::Local => LocalStorage::set(key, value).map_err(to_error),
            Store::Blocked => Err(StorageError::Unavailable),
        }
    }

    fn set_text(&self, key: &str, text: &str) -> Result<(), StorageError> {
        match self {
            Store::Local => LocalStorage::raw().set_item(key, text).map_err(thrown),
            Store::Blocked => Err(StorageError::Unavailable),
        }
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        match self {
            Store::Local => {
                LocalStorage::delete(key);
                Ok(())
            }
            Store::Blocked => Err(StorageError::Unavailable),
        }
    }

    fn entries_with_prefix(&self, prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
        let Store::Local = self else {
            return Err(StorageError::Unavailable);
        };
        // The whole store in one string (a storage object's entries are its own properties):
        // one crossing instead of three per note. An engine that lists none, while the store
        // holds some, is read key by key.
        let pairs = js_sys::Object::entries(&LocalStorage::raw());
        let json: String = js_sys::JSON::stringify(&pairs).map_err(thrown)?.into();
        let entries =
            crate::storage::entries_from_json(&json, prefix).map_err(StorageError::Other)?;
        if pairs.length() > 0 || LocalStorage::length() == 0 {
            return Ok(entries);
        }
        let mut out = Vec::new();
        for key in self.keys_with_prefix(prefix)? {
            if let Some(value) = self.get(&key)? {
                out.push((key, value));
            }
        }
        Ok(out)
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        match self {
            Store::Local => {
                let raw = LocalStorage::raw();
                Ok((0..LocalStorage::length())
                    .filter_map(|i| raw.key(i).ok().flatten())
                    .filter(|k| k.starts_with(prefix))
                    .collect())
            }
            Store::Blocked => Err(StorageError::Unavailable),
        }
    }
}

/// True at most once per day for `key` (a key under our prefix holding the day's number, as
/// JSON). Callers only use it when storage is writable, so gloo's handle does not throw.
pub fn take_daily_flag(key: &str) -> bool {
    let today = (js_sys::Date::now() / 86_400_000.0).floor() as i64;
    if LocalStorage::get::<i64>(key).ok() == Some(today) {
        return false;
    }
    let _ = LocalStorage::set(key, today);
    true
}

/// Asks the browser to keep this site's data under storage pressure (best effort).
pub fn request_persistence() {
    if let Some(window) = web_sys::window() {
        let storage = window.navigator().storage();
        if let Ok(promise) = storage.persist() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}
