//! Shared by the indexer's tests: temporary databases and events shaped as the chain emits
//! them.
#![allow(dead_code)]
use std::sync::atomic::{AtomicU32, Ordering};

use trellis_indexer::{Block, ChainEvent};

/// A fresh SQLite file in the temp folder.
pub fn temp_db(name: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "trellis-indexer-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("index.db").display().to_string()
}

/// A `wasm` event of `contract` with these attributes.
pub fn wasm(contract: &str, attributes: &[(&str, &str)]) -> ChainEvent {
    let mut all = vec![("_contract_address".to_string(), contract.to_string())];
    all.extend(
        attributes
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    ChainEvent {
        kind: "wasm".into(),
        attributes: all,
    }
}

/// A block at `height`, 5 s blocks from 1,700,000,000.
pub fn block(height: u64, events: Vec<ChainEvent>) -> Block {
    Block {
        height,
        time: 1_700_000_000 + height * 5,
        events,
    }
}
