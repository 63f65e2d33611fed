//! Contracts the bench's chain has no wasm for (cw20-base, e.g. a weighted pool's LP token).
//! An instantiation from a stubbed code id gets a fresh address and the reply a chain would
//! send, without running anything; messages to such an address are skipped. Both are logged,
//! so that a measured row can prove it skipped nothing: only setup may.
use std::collections::{BTreeMap, BTreeSet};

use cosmwasm_std::{Addr, Binary};
use cosmwasm_vm::testing::MockApi;

#[derive(Default)]
pub struct Stubs {
    codes: BTreeSet<u64>,
    /// Stub address -> the code id it was "instantiated" from.
    addresses: BTreeMap<String, u64>,
    /// What was skipped since the log was last taken.
    skipped: Vec<String>,
}

/// The message's name as a contract's `ExecuteMsg` JSON has it (its only top-level key).
fn message_name(msg: &Binary) -> String {
    match serde_json::from_slice::<serde_json::Value>(msg.as_slice()) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect::<Vec<_>>().join(","),
        _ => "(not a JSON object)".to_string(),
    }
}

impl Stubs {
    pub fn add_code(&mut self, code_id: u64) {
        self.codes.insert(code_id);
    }

    pub fn is_stub_code(&self, code_id: u64) -> bool {
        self.codes.contains(&code_id)
    }

    pub fn is_stub_address(&self, address: &str) -> bool {
        self.addresses.contains_key(address)
    }

    /// A new address for an instance of `code_id` that `creator` asked for; logged as skipped.
    pub fn create(&mut self, code_id: u64, creator: &str) -> Addr {
        let n = self.addresses.len();
        let address = MockApi::default().addr_make(&format!("stub-{code_id}-{n}"));
        self.addresses.insert(address.clone(), code_id);
        self.skipped.push(format!(
            "{creator} instantiates code {code_id} at {address}"
        ));
        Addr::unchecked(address)
    }

    /// Logs `msg` from `sender` to the stub at `contract` as skipped.
    pub fn skip_execute(&mut self, sender: &str, contract: &str, msg: &Binary) {
        self.skipped.push(format!(
            "{sender} -> {contract} (stub of code {}): {}",
            self.addresses.get(contract).copied().unwrap_or_default(),
            message_name(msg)
        ));
    }

    pub fn take_skipped(&mut self) -> Vec<String> {
        std::mem::take(&mut self.skipped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stubs_get_distinct_addresses_and_log_what_they_skip() {
        let mut stubs = Stubs::default();
        stubs.add_code(2);
        assert!(stubs.is_stub_code(2));
        assert!(!stubs.is_stub_code(3));
        let a = stubs.create(2, "pool-a");
        let b = stubs.create(2, "pool-b");
        assert_ne!(a, b);
        assert!(stubs.is_stub_address(a.as_str()) && stubs.is_stub_address(b.as_str()));
        assert!(!stubs.is_stub_address("pool-a"));
        let mint = Binary::from(br#"{"mint":{"recipient":"x","amount":"5"}}"#.as_slice());
        stubs.skip_execute("pool-a", a.as_str(), &mint);
        let log = stubs.take_skipped();
        assert_eq!(log.len(), 3);
        assert_eq!(log[0], format!("pool-a instantiates code 2 at {a}"));
        assert_eq!(log[2], format!("pool-a -> {a} (stub of code 2): mint"));
        // Taking the log empties it.
        assert!(stubs.take_skipped().is_empty());
    }
}
