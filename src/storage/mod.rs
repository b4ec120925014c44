//! Key-value storage behind a trait, so the notes logic is tested natively against an
//! in-memory store and fakes that fail on demand, while the browser uses localStorage through
//! gloo-storage (see `crate::browser::storage`). Rules that protect data live here and in
//! `crate::notes::book`:
//! - only keys under [`PREFIX`] are ever read, written or removed; never `clear()`;
//! - a failed write leaves the stored value as it was (the browser guarantees it for
//!   localStorage; the fakes check that callers do not assume otherwise).

pub mod fakes;
pub mod memory;

use serde::Serialize;
use thiserror::Error;

/// Every key Yandu owns starts with this.
pub const PREFIX: &str = "yandu:";

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StorageError {
    /// Storage cannot be reached at all (blocked cookies, sandboxed frames, some file:// pages).
    #[error("此浏览器不允许保存数据（本地存储被禁用）")]
    Unavailable,
    /// The browser's quota is full.
    #[error("浏览器的存储空间已满")]
    QuotaExceeded,
    #[error("保存失败：{0}")]
    Other(String),
}

impl StorageError {
    /// Classifies the exception a storage call threw by its `name`, which is what gloo-storage
    /// passes on (`JsError { name, message }`; the legacy numeric code is not kept). Chromium,
    /// WebKit and Firefox today say `QuotaExceededError` when the quota is full, older Firefox
    /// `NS_ERROR_DOM_QUOTA_REACHED`; a page that may not use storage gets `SecurityError`.
    pub fn from_js_error(name: &str, message: &str) -> StorageError {
        match name {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::QuotaExceeded,
            "SecurityError" => StorageError::Unavailable,
            _ => StorageError::Other(format!("{name}: {message}")),
        }
    }
}

/// A key-value store of JSON values. Implementations must never touch keys outside [`PREFIX`]
/// on their own; callers pass full keys.
pub trait KeyValue {
    /// The stored text, exactly as stored: a value that does not decode is copied
    /// byte-identical to quarantine, so reads never go through a decoder.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` as JSON (`serde_json::to_string` of it). The browser's store hands the
    /// value itself to gloo-storage's `LocalStorage::set`, which encodes it the same way.
    fn set<T: Serialize + ?Sized>(&self, key: &str, value: &T) -> Result<(), StorageError> {
        let text = serde_json::to_string(value).map_err(|e| StorageError::Other(e.to_string()))?;
        self.set_text(key, &text)
    }
    /// Stores `text` as it is: only for copying a value that could not be read (quarantine),
    /// never for a note, which would otherwise become a JSON string inside a JSON string.
    fn set_text(&self, key: &str, text: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// The keys that start with `prefix`.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError>;
    /// The keys that start with `prefix` and their stored text, exactly as stored.
    fn entries_with_prefix(&self, prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
        let mut out = Vec::new();
        for key in self.keys_with_prefix(prefix)? {
            if let Some(value) = self.get(&key)? {
                out.push((key, value));
            }
        }
        Ok(out)
    }
}

/// The entries whose keys start with `prefix` in `json`, a JSON array of `[key, value]`
/// string pairs (what `JSON.stringify(Object.entries(localStorage))` gives: the whole store in
/// one string, so reading 10,000 notes crosses from the browser into the wasm once, not
/// 30,000 times).
pub fn entries_from_json(json: &str, prefix: &str) -> Result<Vec<(String, String)>, String> {
    let all: Vec<(String, String)> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Ok(all
        .into_iter()
        .filter(|(k, _)| k.starts_with(prefix))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_names_gloo_passes_on() {
        // Chromium, WebKit and Firefox ESR (the suite fills each one's quota for real).
        assert_eq!(
            StorageError::from_js_error("QuotaExceededError", "The quota has been exceeded."),
            StorageError::QuotaExceeded
        );
        // Firefox before version 103.
        assert_eq!(
            StorageError::from_js_error(
                "NS_ERROR_DOM_QUOTA_REACHED",
                "Persistent storage maximum size reached"
            ),
            StorageError::QuotaExceeded
        );
        // Storage a page may not use (blocked cookies, sandboxed frames).
        assert_eq!(
            StorageError::from_js_error("SecurityError", "The operation is insecure."),
            StorageError::Unavailable
        );
        // Anything else keeps its name and message for the user, and is not taken for a
        // full quota (which tells the user to free space) or for blocked storage.
        for name in [
            "InvalidStateError",
            "UnknownError",
            "TypeError",
            "Error",
            "",
        ] {
            assert_eq!(
                StorageError::from_js_error(name, "x"),
                StorageError::Other(format!("{name}: x"))
            );
        }
    }

    #[test]
    fn set_writes_what_serde_json_writes() {
        let store = memory::MemoryStorage::new();
        store
            .set("yandu:k", &serde_json::json!({"v": 1, "t": "“一带两城”\n"}))
            .unwrap();
        store.set_text("yandu:raw", "not json {").unwrap();
        let all = store.snapshot();
        assert_eq!(all["yandu:k"], r#"{"t":"“一带两城”\n","v":1}"#);
        assert_eq!(all["yandu:raw"], "not json {");
    }

    #[test]
    fn the_whole_store_as_json_gives_back_our_entries_exactly() {
        let json = r#"[["other","x"],["yandu:v1:note:a","{\"v\":1,\"note\":\"引号\\n\"}"],["yandu:v1:note:b",""],["yandu:meta","{}"]]"#;
        let got = entries_from_json(json, "yandu:v1:note:").unwrap();
        assert_eq!(
            got,
            [
                (
                    "yandu:v1:note:a".to_string(),
                    "{\"v\":1,\"note\":\"引号\\n\"}".to_string()
                ),
                ("yandu:v1:note:b".to_string(), String::new()),
            ]
        );
        assert_eq!(entries_from_json("[]", "yandu:").unwrap(), []);
        assert!(entries_from_json("{}", "yandu:").is_err());
        assert!(entries_from_json(r#"[["yandu:a",1]]"#, "yandu:").is_err());
    }

    // proptest is a dev-dependency of the host only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_store_reads_back_as_written(
            entries in proptest::collection::btree_map("(yandu:|other)[\\PC\"\\\\\n]{0,12}", "[\\PC\"\\\\\n\u{0}\u{1F}]{0,40}", 0..20)
        ) {
            let pairs: Vec<(&String, &String)> = entries.iter().collect();
            let json = serde_json::to_string(&pairs).unwrap();
            let got = entries_from_json(&json, "yandu:").unwrap();
            let expected: Vec<(String, String)> = entries.into_iter().filter(|(k, _)| k.starts_with("yandu:")).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
