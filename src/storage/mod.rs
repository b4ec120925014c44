//! Key-value storage behind a trait, so the notes logic is tested natively against an
//! in-memory store and fakes that fail on demand, while the browser uses localStorage
//! (see `crate::browser::local_storage`). Rules that protect data live here and in
//! `crate::notes::book`:
//! - only keys under [`PREFIX`] are ever read, written or removed; never `clear()`;
//! - a failed write leaves the stored value as it was (the browser guarantees it for
//!   localStorage; the fakes check that callers do not assume otherwise).

pub mod fakes;
pub mod memory;

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
    /// Classifies a DOMException by its name and legacy code: Chromium and Safari say
    /// `QuotaExceededError` (code 22), older Firefox `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
    pub fn from_dom_exception(name: &str, code: u16, message: &str) -> StorageError {
        match (name, code) {
            ("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED", _) | (_, 22 | 1014) => {
                StorageError::QuotaExceeded
            }
            ("SecurityError", _) | (_, 18) => StorageError::Unavailable,
            _ => StorageError::Other(format!("{name}: {message}")),
        }
    }
}

/// A string key-value store. Implementations must never touch keys outside [`PREFIX`] on
/// their own; callers pass full keys.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// The keys that start with `prefix`.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError>;
}

impl<T: KeyValue + ?Sized> KeyValue for Box<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        (**self).keys_with_prefix(prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_quota_errors_of_every_engine() {
        assert_eq!(
            StorageError::from_dom_exception("QuotaExceededError", 22, ""),
            StorageError::QuotaExceeded
        );
        assert_eq!(
            StorageError::from_dom_exception("NS_ERROR_DOM_QUOTA_REACHED", 1014, ""),
            StorageError::QuotaExceeded
        );
        assert_eq!(
            StorageError::from_dom_exception("Error", 1014, ""),
            StorageError::QuotaExceeded
        );
        assert_eq!(
            StorageError::from_dom_exception("SecurityError", 18, ""),
            StorageError::Unavailable
        );
        assert!(matches!(
            StorageError::from_dom_exception("TypeError", 0, "x"),
            StorageError::Other(_)
        ));
    }
}
