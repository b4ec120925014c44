//! localStorage behind the [`KeyValue`] trait. Reaching `window.localStorage` can itself throw
//! (blocked cookies, sandboxed frames), so it is probed once; errors from writes are mapped
//! from the DOMException's name and code (quota errors differ between engines).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

use crate::storage::{KeyValue, StorageError};

pub struct LocalStorage {
    storage: Storage,
}

fn to_error(e: JsValue) -> StorageError {
    match e.dyn_into::<web_sys::DomException>() {
        Ok(ex) => StorageError::from_dom_exception(&ex.name(), ex.code(), &ex.message()),
        Err(other) => StorageError::Other(format!("{other:?}")),
    }
}

impl LocalStorage {
    /// The page's localStorage, if the browser lets this page use it.
    pub fn open() -> Result<LocalStorage, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        let storage = window
            .local_storage()
            .map_err(|_| StorageError::Unavailable)?
            .ok_or(StorageError::Unavailable)?;
        // Some browsers hand out an object that throws on first use.
        storage.length().map_err(|_| StorageError::Unavailable)?;
        Ok(LocalStorage { storage })
    }
}

impl KeyValue for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(to_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(to_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(to_error)
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        let n = self.storage.length().map_err(to_error)?;
        Ok((0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect())
    }
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
