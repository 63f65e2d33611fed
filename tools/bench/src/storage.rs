//! A `cosmwasm_vm::Storage` that wraps the VM's `MockStorage` and counts what a contract
//! does to it: reads, iterator steps, writes, removes and the bytes moved.
//!
//! The counts are what a chain charges storage gas for (per call and per byte), which the
//! VM's own gas figure does not include. They are kept in the storage itself so they follow
//! it from instance to instance (`Instance::recycle` hands the storage back).
use std::cell::Cell;

use cosmwasm_std::{Order, Record};
use cosmwasm_vm::testing::MockStorage;
use cosmwasm_vm::{BackendResult, Storage};
use serde::Serialize;

/// Running totals of storage calls. Subtract two snapshots to get one call's share.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StorageCounters {
    /// `db_read` calls (`get`), hits and misses alike.
    pub reads: u64,
    /// Key plus value bytes returned by reads (a miss counts its key only).
    pub bytes_read: u64,
    /// Range scans opened (`db_scan`).
    pub scans: u64,
    /// Iterator steps that returned a record (`db_next*`).
    pub iter_steps: u64,
    /// `db_write` calls.
    pub sets: u64,
    /// `db_remove` calls.
    pub removes: u64,
    /// Key plus value bytes of every `db_write`.
    pub bytes_written: u64,
}

impl StorageCounters {
    /// Writes as the bench reports them: sets plus removes.
    pub fn writes(&self) -> u64 {
        self.sets.saturating_add(self.removes)
    }

    /// The counts between an earlier snapshot `before` and `self`.
    pub fn since(&self, before: &StorageCounters) -> StorageCounters {
        StorageCounters {
            reads: self.reads.saturating_sub(before.reads),
            bytes_read: self.bytes_read.saturating_sub(before.bytes_read),
            scans: self.scans.saturating_sub(before.scans),
            iter_steps: self.iter_steps.saturating_sub(before.iter_steps),
            sets: self.sets.saturating_sub(before.sets),
            removes: self.removes.saturating_sub(before.removes),
            bytes_written: self.bytes_written.saturating_sub(before.bytes_written),
        }
    }
}

fn len_u64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// `MockStorage` with call and byte counters. Behaviour and VM gas are unchanged: every
/// call is forwarded and its `GasInfo` returned as is.
#[derive(Debug, Default)]
pub struct CountingStorage {
    inner: MockStorage,
    // `Storage::get` takes `&self`, hence the cell.
    counters: Cell<StorageCounters>,
}

impl CountingStorage {
    pub fn new() -> Self {
        Self::default()
    }

    /// The value under `key`, without counting a read: for the bench's own bookkeeping.
    pub fn peek(&self, key: &[u8]) -> Option<Vec<u8>> {
        self.inner.get(key).0.ok().flatten()
    }

    /// A snapshot of the totals so far.
    pub fn counters(&self) -> StorageCounters {
        self.counters.get()
    }

    fn update(&self, f: impl FnOnce(&mut StorageCounters)) {
        let mut c = self.counters.get();
        f(&mut c);
        self.counters.set(c);
    }
}

impl Storage for CountingStorage {
    fn get(&self, key: &[u8]) -> BackendResult<Option<Vec<u8>>> {
        let (result, gas) = self.inner.get(key);
        let value_len = match &result {
            Ok(Some(v)) => v.len(),
            _ => 0,
        };
        self.update(|c| {
            c.reads = c.reads.saturating_add(1);
            c.bytes_read = c
                .bytes_read
                .saturating_add(len_u64(key.len()))
                .saturating_add(len_u64(value_len));
        });
        (result, gas)
    }

    fn scan(
        &mut self,
        start: Option<&[u8]>,
        end: Option<&[u8]>,
        order: Order,
    ) -> BackendResult<u32> {
        self.update(|c| c.scans = c.scans.saturating_add(1));
        self.inner.scan(start, end, order)
    }

    fn next(&mut self, iterator_id: u32) -> BackendResult<Option<Record>> {
        let (result, gas) = self.inner.next(iterator_id);
        if let Ok(Some((k, v))) = &result {
            let n = len_u64(k.len()).saturating_add(len_u64(v.len()));
            self.update(|c| {
                c.iter_steps = c.iter_steps.saturating_add(1);
                c.bytes_read = c.bytes_read.saturating_add(n);
            });
        }
        (result, gas)
    }

    // `next_value` / `next_key` use the trait's defaults, which go through `next` above,
    // exactly as `MockStorage` does.

    fn set(&mut self, key: &[u8], value: &[u8]) -> BackendResult<()> {
        let n = len_u64(key.len()).saturating_add(len_u64(value.len()));
        self.update(|c| {
            c.sets = c.sets.saturating_add(1);
            c.bytes_written = c.bytes_written.saturating_add(n);
        });
        self.inner.set(key, value)
    }

    fn remove(&mut self, key: &[u8]) -> BackendResult<()> {
        self.update(|c| c.removes = c.removes.saturating_add(1));
        self.inner.remove(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_calls_and_bytes() {
        let mut s = CountingStorage::new();
        s.set(b"ab", b"xyz").0.unwrap();
        s.set(b"c", b"").0.unwrap();
        assert_eq!(s.get(b"ab").0.unwrap(), Some(b"xyz".to_vec()));
        assert_eq!(s.get(b"zz").0.unwrap(), None);
        s.remove(b"c").0.unwrap();
        let id = s.scan(None, None, Order::Ascending).0.unwrap();
        assert!(s.next(id).0.unwrap().is_some());
        assert!(s.next(id).0.unwrap().is_none());

        let c = s.counters();
        assert_eq!(
            c,
            StorageCounters {
                reads: 2,
                bytes_read: 5 + 2 + 5,
                scans: 1,
                iter_steps: 1,
                sets: 2,
                removes: 1,
                bytes_written: 5 + 1,
            }
        );
        assert_eq!(c.writes(), 3);
        let before = c;
        s.set(b"k", b"v").0.unwrap();
        let d = s.counters().since(&before);
        assert_eq!(d.sets, 1);
        assert_eq!(d.bytes_written, 2);
        assert_eq!(d.reads, 0);
    }
}
