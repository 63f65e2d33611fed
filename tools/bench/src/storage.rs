//! A `cosmwasm_vm::Storage` that wraps the VM's `MockStorage` and counts what a contract
//! does to it: reads, iterator steps, writes, removes and the bytes moved.
//!
//! The counts are what a chain charges storage gas for (per call and per byte), which the
//! VM's own gas figure does not include. They are kept in the storage itself so they follow
//! it from instance to instance (`Instance::recycle` hands the storage back).
//!
//! Next to the counters it can keep an access log of one call (every `get`, iterator step,
//! `set` and `remove` with its key and value length), from which [`AccessFloor`] derives the
//! call's distinct-access floor: what the call's storage would cost if it read and wrote
//! each record once, at the size the record has in the current encoding.
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

use cosmwasm_std::{Order, Record};
use cosmwasm_vm::testing::MockStorage;
use cosmwasm_vm::{BackendResult, Storage};
use serde::Serialize;

use crate::chain::{
    DELETE_COST, INSTANCE_COST, ITER_NEXT_COST_FLAT, READ_COST_FLAT, READ_COST_PER_BYTE,
    WRITE_COST_FLAT, WRITE_COST_PER_BYTE,
};

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

/// What a logged storage access did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessKind {
    /// `get` (a miss has value length 0).
    Read,
    /// An iterator step that returned a record.
    IterStep,
    Write,
    Remove,
}

/// One logged storage access: the key, what was done and the value's length (read or
/// written; 0 for a miss or a remove).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Access {
    pub key: Vec<u8>,
    pub kind: AccessKind,
    pub value_len: u64,
}

/// The distinct-access floor of one call's storage, from its access log: the SDK KV gas
/// (`chain.rs` constants) the call would pay if it read and wrote each record once at its
/// current encoding.
///
/// - Each distinct key read: one read, `1,000 + 3 x (key + value length at the first read)`.
///   A key the call wrote or removed before its first read needs no read (the call knows it).
/// - Each distinct key whose last mutation in the call is a write: one write,
///   `2,000 + 30 x (key + last written value length)`.
/// - Each distinct key whose last mutation is a remove (not re-written after): 1,000.
/// - Iterator steps as measured: `30 + 3 x (key + value)` each, none merged.
///
/// It takes the call's keys and value encodings as they are: it does not judge whether the
/// layout itself (how many records, how large) is minimal, only how often the call touches
/// each record. No VM gas and no instance cost ([`AccessFloor::with_instances`] adds those).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AccessFloor {
    /// Distinct keys read before the call wrote them.
    pub reads: u64,
    /// Key plus value bytes of those reads, each at its first read.
    pub bytes_read: u64,
    /// Iterator steps and their key plus value bytes, as measured.
    pub iter_steps: u64,
    pub iter_bytes: u64,
    /// Distinct keys last written, and their key plus last written value bytes.
    pub writes: u64,
    pub bytes_written: u64,
    /// Distinct keys last removed.
    pub removes: u64,
}

impl AccessFloor {
    /// The floor of the accesses in `log`, in order.
    pub fn of(log: &[Access]) -> Self {
        // Per key: whether the call already knows its value (read, written or removed),
        // and its last mutation (`Some(Some(len))` written, `Some(None)` removed).
        let mut known: HashSet<&[u8]> = HashSet::new();
        let mut last_mutation: HashMap<&[u8], Option<u64>> = HashMap::new();
        let mut floor = AccessFloor::default();
        for a in log {
            let key = a.key.as_slice();
            let key_len = len_u64(key.len());
            match a.kind {
                AccessKind::Read => {
                    if known.insert(key) {
                        floor.reads = floor.reads.saturating_add(1);
                        floor.bytes_read = floor
                            .bytes_read
                            .saturating_add(key_len.saturating_add(a.value_len));
                    }
                }
                AccessKind::IterStep => {
                    floor.iter_steps = floor.iter_steps.saturating_add(1);
                    floor.iter_bytes = floor
                        .iter_bytes
                        .saturating_add(key_len.saturating_add(a.value_len));
                }
                AccessKind::Write => {
                    known.insert(key);
                    last_mutation.insert(key, Some(a.value_len));
                }
                AccessKind::Remove => {
                    known.insert(key);
                    last_mutation.insert(key, None);
                }
            }
        }
        for (key, last) in last_mutation {
            match last {
                Some(value_len) => {
                    floor.writes = floor.writes.saturating_add(1);
                    floor.bytes_written = floor
                        .bytes_written
                        .saturating_add(len_u64(key.len()).saturating_add(value_len));
                }
                None => floor.removes = floor.removes.saturating_add(1),
            }
        }
        floor
    }

    /// The storage part of the floor in SDK gas (no instance, no VM gas).
    pub fn sdk_gas(&self) -> u64 {
        let terms = [
            self.reads.saturating_mul(READ_COST_FLAT),
            self.bytes_read.saturating_mul(READ_COST_PER_BYTE),
            self.iter_steps.saturating_mul(ITER_NEXT_COST_FLAT),
            self.iter_bytes.saturating_mul(READ_COST_PER_BYTE),
            self.writes.saturating_mul(WRITE_COST_FLAT),
            self.bytes_written.saturating_mul(WRITE_COST_PER_BYTE),
            self.removes.saturating_mul(DELETE_COST),
        ];
        terms.into_iter().fold(0, u64::saturating_add)
    }
}

/// The distinct-access floor of calls in `instances` contract instances whose storage floors
/// ([`AccessFloor::sdk_gas`]) sum to `storage_floor`: 60,000 per instance plus that sum.
pub fn distinct_access_floor(storage_floor: u64, instances: u64) -> u64 {
    instances
        .saturating_mul(INSTANCE_COST)
        .saturating_add(storage_floor)
}

/// `(sdk_gas_estimate - instances x 60,000) / (floor - instances x 60,000)`: how far the
/// measured SDK gas is above the distinct-access floor, both without the instance loads,
/// which no layout changes. Infinite when the floor is nothing but instances.
pub fn floor_ratio(sdk_gas_estimate: u64, floor: u64, instances: u64) -> f64 {
    let base = instances.saturating_mul(INSTANCE_COST);
    let (a, b) = (
        sdk_gas_estimate.saturating_sub(base),
        floor.saturating_sub(base),
    );
    if b == 0 {
        return f64::INFINITY;
    }
    // SDK gas figures are far below 2^53, so the conversions are exact.
    a as f64 / b as f64
}

/// `MockStorage` with call and byte counters. Behaviour and VM gas are unchanged: every
/// call is forwarded and its `GasInfo` returned as is.
#[derive(Debug, Default)]
pub struct CountingStorage {
    inner: MockStorage,
    // `Storage::get` takes `&self`, hence the cells.
    counters: Cell<StorageCounters>,
    /// The access log of the current call: `Some` between [`Self::start_log`] and
    /// [`Self::take_log`], `None` (nothing logged) otherwise.
    log: RefCell<Option<Vec<Access>>>,
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

    /// Starts a fresh access log (one call's), dropping any earlier one.
    pub fn start_log(&self) {
        *self.log.borrow_mut() = Some(Vec::new());
    }

    /// The accesses since [`Self::start_log`], in order; stops logging.
    pub fn take_log(&self) -> Vec<Access> {
        self.log.borrow_mut().take().unwrap_or_default()
    }

    fn record(&self, key: &[u8], kind: AccessKind, value_len: usize) {
        if let Some(log) = self.log.borrow_mut().as_mut() {
            log.push(Access {
                key: key.to_vec(),
                kind,
                value_len: len_u64(value_len),
            });
        }
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
        self.record(key, AccessKind::Read, value_len);
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
            self.record(k, AccessKind::IterStep, v.len());
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
        self.record(key, AccessKind::Write, value.len());
        self.update(|c| {
            c.sets = c.sets.saturating_add(1);
            c.bytes_written = c.bytes_written.saturating_add(n);
        });
        self.inner.set(key, value)
    }

    fn remove(&mut self, key: &[u8]) -> BackendResult<()> {
        self.record(key, AccessKind::Remove, 0);
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

    #[test]
    fn floor_counts_one_read_and_one_write_per_key() {
        let mut s = CountingStorage::new();
        s.set(b"k", b"abc").0.unwrap();
        // Not logged: before `start_log`.
        assert!(s.take_log().is_empty());
        s.start_log();
        s.get(b"k").0.unwrap();
        s.get(b"k").0.unwrap();
        s.set(b"k", b"abcdef").0.unwrap();
        s.set(b"k", b"xy").0.unwrap();
        let log = s.take_log();
        assert_eq!(log.len(), 4);
        let floor = AccessFloor::of(&log);
        // One read at the first read's size: 1,000 + 3 x (1 + 3) = 1,012. One write at the
        // last value's size: 2,000 + 30 x (1 + 2) = 2,090.
        assert_eq!(floor.sdk_gas(), 1_012 + 2_090);
        // Measured: 2 reads (8 bytes), 2 writes (7 + 3 bytes): 2,024 + 4,300 = 6,324.
        assert_eq!(distinct_access_floor(floor.sdk_gas(), 2), 123_102);
        assert_eq!(floor_ratio(120_000 + 6_324, 123_102, 2), 6_324.0 / 3_102.0);
        assert_eq!(floor_ratio(60_000, 60_000, 1), f64::INFINITY);
        // Logging stopped with `take_log`.
        s.get(b"k").0.unwrap();
        assert!(s.take_log().is_empty());
    }

    #[test]
    fn floor_skips_reads_after_writes_and_keeps_the_last_mutation() {
        let mut s = CountingStorage::new();
        s.set(b"b", b"zz").0.unwrap();
        s.start_log();
        s.set(b"a", b"1234").0.unwrap();
        s.get(b"a").0.unwrap(); // written first: no read
        s.get(b"b").0.unwrap(); // read: 1,000 + 3 x 3
        s.remove(b"b").0.unwrap(); // removed: 1,000
        s.set(b"c", b"x").0.unwrap();
        s.remove(b"c").0.unwrap(); // last mutation a remove: 1,000, no write
        s.remove(b"d").0.unwrap();
        s.set(b"d", b"q").0.unwrap(); // last mutation a write: 2,000 + 30 x 2
        s.get(b"m").0.unwrap(); // miss: 1,000 + 3 x 1
        let id = s.scan(None, None, Order::Ascending).0.unwrap();
        assert!(s.next(id).0.unwrap().is_some()); // a: 30 + 3 x 5
        assert!(s.next(id).0.unwrap().is_some()); // d: 30 + 3 x 2
        assert!(s.next(id).0.unwrap().is_none());
        let floor = AccessFloor::of(&s.take_log());
        assert_eq!(
            floor,
            AccessFloor {
                reads: 2,
                bytes_read: 3 + 1,
                iter_steps: 2,
                iter_bytes: 5 + 2,
                writes: 2,
                bytes_written: 5 + 2,
                removes: 2,
            }
        );
        // Reads 2,012; steps 81; writes a 2,150 + d 2,060; removes 2,000.
        assert_eq!(floor.sdk_gas(), 2_012 + 81 + 4_210 + 2_000);
    }
}
