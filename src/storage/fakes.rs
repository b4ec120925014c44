//! Storage fakes for tests: one that is full (every write fails with a quota error until
//! space is freed), one that is blocked outright. Both wrap a [`MemoryStorage`] so tests can
//! check that nothing changed.

use std::cell::Cell;

use super::memory::MemoryStorage;
use super::{KeyValue, StorageError};

/// Fails every write with [`StorageError::QuotaExceeded`] while `full` is true.
#[derive(Debug, Default)]
pub struct FullStorage {
    pub inner: MemoryStorage,
    pub full: Cell<bool>,
}

impl KeyValue for FullStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }
    fn set_text(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.full.get() {
            return Err(StorageError::QuotaExceeded);
        }
        self.inner.set_text(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        self.inner.keys_with_prefix(prefix)
    }
}

/// Storage the browser refuses: every call fails with [`StorageError::Unavailable`].
#[derive(Debug, Default)]
pub struct BlockedStorage;

impl KeyValue for BlockedStorage {
    fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Unavailable)
    }
    fn set_text(&self, _: &str, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable)
    }
    fn remove(&self, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable)
    }
    fn keys_with_prefix(&self, _: &str) -> Result<Vec<String>, StorageError> {
        Err(StorageError::Unavailable)
    }
}
