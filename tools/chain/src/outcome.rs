//! What a transaction did once a block included it.
use cosmrs::tendermint::abci::types::ExecTxResult;

/// An event of the transaction, attributes as strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TxEvent {
    pub kind: String,
    pub attributes: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
pub struct TxOutcome {
    pub hash: String,
    pub height: u64,
    /// The block time the contracts saw (`env.block.time`), in seconds and nanoseconds.
    pub time_secs: u64,
    pub time_nanos: u64,
    /// The SDK gas the transaction used: what a user pays for.
    pub gas_used: u64,
    pub gas_wanted: u64,
    /// The size of the signed transaction.
    pub tx_bytes: usize,
    pub events: Vec<TxEvent>,
    /// The data of the transaction's messages (`TxMsgData`, protobuf).
    pub data: Vec<u8>,
}

impl TxOutcome {
    pub(crate) fn events_of(result: &ExecTxResult) -> Vec<TxEvent> {
        result
            .events
            .iter()
            .map(|e| TxEvent {
                kind: e.kind.clone(),
                attributes: e
                    .attributes
                    .iter()
                    .map(|a| {
                        (
                            a.key_str().unwrap_or_default().to_string(),
                            a.value_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect(),
            })
            .collect()
    }

    /// The value of `key` in the first event of kind `kind` that has it.
    pub fn attribute(&self, kind: &str, key: &str) -> Option<&str> {
        self.events
            .iter()
            .filter(|e| e.kind == kind)
            .flat_map(|e| e.attributes.iter())
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `key` in events of kind `kind`, in order.
    pub fn attributes(&self, kind: &str, key: &str) -> Vec<&str> {
        self.events
            .iter()
            .filter(|e| e.kind == kind)
            .flat_map(|e| e.attributes.iter())
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Whether a `wasm` event of `contract` carries `action = action`.
    pub fn has_action(&self, contract: &str, action: &str) -> bool {
        self.events.iter().any(|e| {
            e.kind == "wasm"
                && e.attributes
                    .iter()
                    .any(|(k, v)| k == "_contract_address" && v == contract)
                && e.attributes
                    .iter()
                    .any(|(k, v)| k == "action" && v == action)
        })
    }
}
