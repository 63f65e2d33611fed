//! The storage floor of a farm user operation: what the operation logically must read and
//! write, each at the size its record has in the farm's encoding, priced with the SDK's
//! default KV costs (`chain.rs`).
//!
//! A deposit, withdraw, claim or emergency withdraw must know the farm's rules (the config:
//! schedule, reward), where level one stands (the checkpoint), the pool (its asset, weight
//! and accumulators) and the position, and it must write back the pool's changing state and
//! the position. So the floor is four reads (the pool counted as one record: a layout that
//! kept it whole would read it once) and two writes, at the bytes those records hold before
//! (reads) and after (writes) the operation. It credits no field-level layout: every stored
//! field is one the accounting or the reports need.
use anyhow::{anyhow, Result};
use cosmwasm_vm::testing::MockApi;
use cosmwasm_vm::BackendApi;

use crate::chain::{
    INSTANCE_COST, READ_COST_FLAT, READ_COST_PER_BYTE, WRITE_COST_FLAT, WRITE_COST_PER_BYTE,
};
use crate::vm::Contract;

/// A cw-storage-plus key: the length-prefixed namespace, each non-last part length-prefixed,
/// the last part as is.
fn key(namespace: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    let len = |n: usize| u16::try_from(n).unwrap_or(u16::MAX).to_be_bytes();
    out.extend(len(namespace.len()));
    out.extend(namespace);
    for (i, part) in parts.iter().enumerate() {
        if i + 1 < parts.len() {
            out.extend(len(part.len()));
        }
        out.extend(*part);
    }
    out
}

/// The farm's keys one user operation on (`user`, `pool_id`) touches (`state.rs` of the farm).
pub struct FloorKeys {
    config: Vec<u8>,
    checkpoint: Vec<u8>,
    pool_info: Vec<u8>,
    pool_state: Vec<u8>,
    position: Vec<u8>,
}

impl FloorKeys {
    pub fn new(api: &MockApi, pool_id: u64, user: &str) -> Result<Self> {
        let canonical = api
            .addr_canonicalize(user)
            .0
            .map_err(|e| anyhow!("canonicalize {user}: {e}"))?;
        let id = pool_id.to_be_bytes();
        Ok(FloorKeys {
            config: b"c".to_vec(),
            checkpoint: b"b".to_vec(),
            pool_info: key(b"pi", &[&id]),
            pool_state: key(b"ps", &[&id]),
            position: key(b"p", &[&canonical, &id]),
        })
    }

    fn size(contract: &Contract, key: &[u8]) -> u64 {
        let value = contract.peek(key).map_or(0, |v| v.len());
        (key.len() + value) as u64
    }

    /// Bytes the floor reads, measured before the operation: config, checkpoint, the pool as
    /// one record (one key, both values), the position (a miss costs its key).
    pub fn read_bytes(&self, contract: &Contract) -> u64 {
        let pool_info_value = contract.peek(&self.pool_info).map_or(0, |v| v.len()) as u64;
        Self::size(contract, &self.config)
            + Self::size(contract, &self.checkpoint)
            + Self::size(contract, &self.pool_state)
            + pool_info_value
            + Self::size(contract, &self.position)
    }

    /// Bytes the floor writes, measured after the operation: the pool's state and the position.
    pub fn written_bytes(&self, contract: &Contract) -> u64 {
        Self::size(contract, &self.pool_state) + Self::size(contract, &self.position)
    }
}

/// The floor's SDK gas: one instance, four reads and two writes of those sizes.
pub fn floor_sdk_gas(read_bytes: u64, written_bytes: u64) -> u64 {
    INSTANCE_COST
        + 4 * READ_COST_FLAT
        + READ_COST_PER_BYTE * read_bytes
        + 2 * WRITE_COST_FLAT
        + WRITE_COST_PER_BYTE * written_bytes
}
