//! What a source delivers: one block's events, in execution order.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One block as the indexer applies it: every event of every successful transaction, then
/// the block's own (finalize/end-block) events, in the order the chain emitted them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub height: u64,
    /// Block time, unix seconds.
    pub time: u64,
    pub events: Vec<ChainEvent>,
}

/// An ABCI event: a type and its attributes, as CometBFT reports them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainEvent {
    pub kind: String,
    pub attributes: Vec<(String, String)>,
}

/// A `wasm` event: what one contract call emitted (its `Response` attributes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WasmEvent {
    /// The emitting contract (`_contract_address`).
    pub contract: String,
    /// The `action` attribute, empty when the contract emitted none.
    pub action: String,
    /// The attributes, `_contract_address` and `action` included. A key repeated in one
    /// event keeps its last value.
    pub attributes: BTreeMap<String, String>,
    /// Position of the event in its block, to give entities created by it a unique id.
    pub index: usize,
}

/// An `instantiate` event: a contract created at `contract` from `code_id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instantiation {
    pub contract: String,
    pub code_id: u64,
}

impl Block {
    /// The `wasm` events of the block, in order.
    pub fn wasm_events(&self) -> impl Iterator<Item = WasmEvent> + '_ {
        self.events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == "wasm")
            .filter_map(|(index, e)| {
                let attributes: BTreeMap<String, String> = e.attributes.iter().cloned().collect();
                let contract = attributes.get("_contract_address")?.clone();
                let action = attributes.get("action").cloned().unwrap_or_default();
                Some(WasmEvent {
                    contract,
                    action,
                    attributes,
                    index,
                })
            })
    }

    /// The contracts instantiated in the block.
    pub fn instantiations(&self) -> impl Iterator<Item = Instantiation> + '_ {
        self.events
            .iter()
            .filter(|e| e.kind == "instantiate")
            .filter_map(|e| {
                let get = |k: &str| {
                    e.attributes
                        .iter()
                        .find(|(key, _)| key == k)
                        .map(|(_, v)| v)
                };
                Some(Instantiation {
                    contract: get("_contract_address")?.clone(),
                    code_id: get("code_id")?.parse().ok()?,
                })
            })
    }

    /// How many events the block holds (what the bench counts).
    pub fn event_count(&self) -> usize {
        self.events.len()
    }
}

impl WasmEvent {
    /// An attribute the handler cannot do without.
    pub fn get(&self, key: &str) -> anyhow::Result<&str> {
        self.attributes.get(key).map(String::as_str).ok_or_else(|| {
            anyhow::anyhow!(
                "{} event of {} has no `{key}` attribute",
                self.action,
                self.contract
            )
        })
    }

    pub fn opt(&self, key: &str) -> Option<&str> {
        self.attributes.get(key).map(String::as_str)
    }

    /// A decimal `u128` attribute.
    pub fn amount(&self, key: &str) -> anyhow::Result<u128> {
        let raw = self.get(key)?;
        raw.parse()
            .map_err(|_| anyhow::anyhow!("`{key}` = {raw:?} in {} is not an amount", self.action))
    }

    /// A decimal `u64` attribute.
    pub fn int(&self, key: &str) -> anyhow::Result<u64> {
        let raw = self.get(key)?;
        raw.parse()
            .map_err(|_| anyhow::anyhow!("`{key}` = {raw:?} in {} is not an integer", self.action))
    }

    /// A decimal `i64` attribute (ticks may be negative).
    pub fn signed(&self, key: &str) -> anyhow::Result<i64> {
        let raw = self.get(key)?;
        raw.parse()
            .map_err(|_| anyhow::anyhow!("`{key}` = {raw:?} in {} is not an integer", self.action))
    }
}
