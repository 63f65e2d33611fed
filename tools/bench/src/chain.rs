//! What a wasmd chain (CosmWasm 2) hands a contract's `reply` after a submessage succeeds,
//! rebuilt here because the bench runs one contract call at a time and plays the chain's
//! part in between:
//!
//! - the message response: the protobuf `MsgInstantiateContractResponse { address = 1,
//!   data = 2 }` or `MsgExecuteContractResponse { data = 1 }`, given both in
//!   `msg_responses` (with its type URL) and in the deprecated `data` field, as wasmd 0.5x
//!   does, encoded with wasmd's own generated types (cosmos-sdk-proto, prost);
//! - the events the submessage emitted, as wasmd builds them (`message` events are
//!   filtered out): bank `coin_spent` / `coin_received` / `transfer` for funds sent to the
//!   contract, `execute` or `instantiate`, `wasm` with the contract's attributes, `wasm-*`
//!   for its custom events, and the bank events of the coins the contract then sent;
//! - `gas_used`: the VM part of the submessage's gas in SDK units (CosmWasm gas /
//!   140,000,000, rounded up). A chain adds its storage gas; the figure only changes the
//!   width of one JSON number the contract parses.
//!
//! It also holds the SDK's default storage and instance costs, for a rough SDK gas figure
//! of a call ([`sdk_gas_estimate`]) to compare with a submessage's gas limit.
use cosmwasm_std::{
    Addr, BankMsg, Binary, Coin, CosmosMsg, Event, MsgResponse, Reply, Response, SubMsgResponse,
    SubMsgResult,
};

use cosmos_sdk_proto::cosmwasm::wasm::v1::{
    MsgExecuteContractResponse, MsgInstantiateContractResponse,
};
use cosmos_sdk_proto::prost::{Message, Name};

use crate::amm::report::Figures;

/// wasmd's divisor from CosmWasm gas to SDK gas.
pub const GAS_MULTIPLIER: u64 = 140_000_000;

/// `MsgInstantiateContractResponse { address, data }` in protobuf, and its type URL.
pub fn encode_instantiate_response(address: &str, data: Option<&Binary>) -> (String, Binary) {
    let response = MsgInstantiateContractResponse {
        address: address.to_string(),
        data: data.map(|d| d.to_vec()).unwrap_or_default(),
    };
    (
        MsgInstantiateContractResponse::type_url(),
        Binary::new(response.encode_to_vec()),
    )
}

/// `MsgExecuteContractResponse { data }` in protobuf, and its type URL.
pub fn encode_execute_response(data: Option<&Binary>) -> (String, Binary) {
    let response = MsgExecuteContractResponse {
        data: data.map(|d| d.to_vec()).unwrap_or_default(),
    };
    (
        MsgExecuteContractResponse::type_url(),
        Binary::new(response.encode_to_vec()),
    )
}

/// `amount` as the bank module writes it in events: `100uatom,5ufoo`.
fn coins_attr(coins: &[Coin]) -> String {
    coins
        .iter()
        .map(Coin::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// The events of one bank transfer (SDK 0.50 `SendCoins`, without its `message` event).
pub fn bank_send_events(from: &str, to: &str, coins: &[Coin]) -> Vec<Event> {
    let coins: Vec<Coin> = coins
        .iter()
        .filter(|c| !c.amount.is_zero())
        .cloned()
        .collect();
    if coins.is_empty() {
        return Vec::new();
    }
    let amount = coins_attr(&coins);
    vec![
        Event::new("coin_spent")
            .add_attribute("spender", from)
            .add_attribute("amount", amount.clone()),
        Event::new("coin_received")
            .add_attribute("receiver", to)
            .add_attribute("amount", amount.clone()),
        Event::new("transfer")
            .add_attribute("recipient", to)
            .add_attribute("sender", from)
            .add_attribute("amount", amount),
    ]
}

/// The events of a contract's response: `wasm` (if it has attributes) and `wasm-<type>`,
/// each starting with `_contract_address`, then the bank events of its `BankMsg::Send`s
/// (the bench runs no other messages, so only those are rebuilt).
pub fn response_events(contract: &Addr, response: &Response) -> Vec<Event> {
    let mut events = Vec::new();
    if !response.attributes.is_empty() {
        events.push(
            Event::new("wasm")
                .add_attribute("_contract_address", contract.as_str())
                .add_attributes(response.attributes.clone()),
        );
    }
    for e in &response.events {
        events.push(
            Event::new(format!("wasm-{}", e.ty))
                .add_attribute("_contract_address", contract.as_str())
                .add_attributes(e.attributes.clone()),
        );
    }
    for sub in &response.messages {
        if let CosmosMsg::Bank(BankMsg::Send { to_address, amount }) = &sub.msg {
            events.extend(bank_send_events(contract.as_str(), to_address, amount));
        }
    }
    events
}

/// `vm_gas` in SDK gas, rounded up (a partial unit is charged as a whole one).
pub fn sdk_gas(vm_gas: u64) -> u64 {
    vm_gas.div_ceil(GAS_MULTIPLIER)
}

/// The Cosmos SDK's default KV store gas (`KVGasConfig`): per read, per byte read (key and
/// value), per write, per byte written, per delete, per iterator step.
pub const READ_COST_FLAT: u64 = 1_000;
pub const READ_COST_PER_BYTE: u64 = 3;
pub const WRITE_COST_FLAT: u64 = 2_000;
pub const WRITE_COST_PER_BYTE: u64 = 30;
pub const DELETE_COST: u64 = 1_000;
pub const ITER_NEXT_COST_FLAT: u64 = 30;
/// wasmd's default SDK gas for loading a contract instance (`DefaultInstanceCost`; a pinned
/// contract pays `DefaultInstanceCostDiscount`, 2,000).
pub const INSTANCE_COST: u64 = 60_000;

/// The SDK gas of one call that used `gas` CosmWasm gas and `s` storage, in one instance
/// (as [`sdk_gas_estimate`]).
pub fn call_sdk_gas(gas: u64, s: &crate::storage::StorageCounters) -> u64 {
    let f = Figures {
        gas,
        reads: s.reads,
        bytes_read: s.bytes_read,
        sets: s.sets,
        bytes_written: s.bytes_written,
        removes: s.removes,
        iter_steps: s.iter_steps,
        ..Figures::default()
    };
    sdk_gas_estimate(&f, 1)
}

/// A rough SDK gas figure for `f` run in `instances` contract instances: the VM gas in SDK
/// units plus the default KV costs of its storage counts and the instance loads. It leaves
/// out what a chain adds beyond those (event attribute bytes, message bytes, the
/// transaction's own costs), so it is a floor, used to compare calls with an SDK gas limit.
pub fn sdk_gas_estimate(f: &Figures, instances: u64) -> u64 {
    let terms = [
        sdk_gas(f.gas),
        f.reads.saturating_mul(READ_COST_FLAT),
        f.bytes_read.saturating_mul(READ_COST_PER_BYTE),
        f.sets.saturating_mul(WRITE_COST_FLAT),
        f.bytes_written.saturating_mul(WRITE_COST_PER_BYTE),
        f.removes.saturating_mul(DELETE_COST),
        f.iter_steps.saturating_mul(ITER_NEXT_COST_FLAT),
        instances.saturating_mul(INSTANCE_COST),
    ];
    terms.into_iter().fold(0, u64::saturating_add)
}

#[allow(deprecated)] // `SubMsgResponse::data`: wasmd still fills it next to `msg_responses`.
fn success(events: Vec<Event>, (type_url, encoded): (String, Binary)) -> SubMsgResult {
    SubMsgResult::Ok(SubMsgResponse {
        events,
        data: Some(encoded.clone()),
        msg_responses: vec![MsgResponse {
            type_url,
            value: encoded,
        }],
    })
}

/// The reply to a successful `WasmMsg::Instantiate` submessage that created `contract`
/// (with code `code_id`), whose instantiate returned `data` and emitted nothing else.
pub fn instantiate_reply(
    id: u64,
    payload: Binary,
    code_id: u64,
    contract: &Addr,
    data: Option<&Binary>,
    vm_gas: u64,
) -> Reply {
    let events = vec![Event::new("instantiate")
        .add_attribute("_contract_address", contract.as_str())
        .add_attribute("code_id", code_id.to_string())];
    Reply {
        id,
        payload,
        gas_used: sdk_gas(vm_gas),
        result: success(events, encode_instantiate_response(contract.as_str(), data)),
    }
}

/// The reply to a successful `WasmMsg::Execute` submessage: `sender` called `contract`
/// with `funds`, which answered `response` using `vm_gas`.
pub fn execute_reply(
    id: u64,
    payload: Binary,
    sender: &Addr,
    contract: &Addr,
    funds: &[Coin],
    response: &Response,
    vm_gas: u64,
) -> Reply {
    let mut events = bank_send_events(sender.as_str(), contract.as_str(), funds);
    events.push(Event::new("execute").add_attribute("_contract_address", contract.as_str()));
    events.extend(response_events(contract, response));
    Reply {
        id,
        payload,
        gas_used: sdk_gas(vm_gas),
        result: success(events, encode_execute_response(response.data.as_ref())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{Attribute, SubMsg};

    #[test]
    fn sdk_gas_estimate_adds_the_default_kv_costs() {
        let f = Figures {
            gas: 3 * GAS_MULTIPLIER + 1,
            reads: 4,
            bytes_read: 100,
            iter_steps: 2,
            sets: 3,
            removes: 1,
            writes: 4,
            bytes_written: 200,
            ..Figures::default()
        };
        // VM: 3 units and one over, rounded up to 4. Reads 4 x 1,000 + 100 x 3 = 4,300.
        // Writes 3 x 2,000 + 200 x 30 = 12,000; one delete 1,000; two steps 2 x 30 = 60.
        // Two instances 120,000.
        assert_eq!(
            sdk_gas_estimate(&f, 2),
            4 + 4_300 + 12_000 + 1_000 + 60 + 120_000
        );
    }

    #[test]
    fn instantiate_response_bytes() {
        // Field 1, wire type 2: tag (1 << 3) | 2 = 0x0a, then the length 3, then "abc".
        let (type_url, bytes) = encode_instantiate_response("abc", None);
        assert_eq!(type_url, "/cosmwasm.wasm.v1.MsgInstantiateContractResponse");
        assert_eq!(bytes.as_slice(), b"\x0a\x03abc");
        // Field 2: tag (2 << 3) | 2 = 0x12.
        let data = Binary::from(b"{}".as_slice());
        assert_eq!(
            encode_instantiate_response("abc", Some(&data)).1.as_slice(),
            b"\x0a\x03abc\x12\x02{}"
        );
    }

    #[test]
    fn execute_response_bytes() {
        // Proto3 leaves an empty field out: no data, no bytes.
        let (type_url, bytes) = encode_execute_response(None);
        assert_eq!(type_url, "/cosmwasm.wasm.v1.MsgExecuteContractResponse");
        assert!(bytes.is_empty());
        // A 200-byte payload: length varint 200 = 0b1_1001000: 0xc8 (low 7 bits with the
        // continuation bit), then 200 >> 7 = 0x01.
        let data = Binary::new(vec![b'x'; 200]);
        let (_, enc) = encode_execute_response(Some(&data));
        assert_eq!(&enc.as_slice()[..3], &[0x0a, 0xc8, 0x01]);
        assert_eq!(enc.len(), 3 + 200);
    }

    #[test]
    fn bank_events_skip_zero_coins() {
        assert!(bank_send_events("a", "b", &[Coin::new(0u128, "x")]).is_empty());
        let ev = bank_send_events("a", "b", &[Coin::new(5u128, "ux"), Coin::new(0u128, "uy")]);
        let types: Vec<&str> = ev.iter().map(|e| e.ty.as_str()).collect();
        assert_eq!(types, ["coin_spent", "coin_received", "transfer"]);
        assert_eq!(ev[2].attributes[2], Attribute::new("amount", "5ux"));
    }

    #[test]
    fn execute_reply_carries_data_and_events() {
        let sender = Addr::unchecked("router");
        let pool = Addr::unchecked("pool");
        let response = Response::new()
            .add_attribute("action", "swap")
            .add_submessage(SubMsg::new(BankMsg::Send {
                to_address: "router".to_string(),
                amount: vec![Coin::new(7u128, "uout")],
            }))
            .set_data(Binary::from(b"{}".as_slice()));
        let reply = execute_reply(
            4,
            Binary::default(),
            &sender,
            &pool,
            &[Coin::new(9u128, "uin")],
            &response,
            GAS_MULTIPLIER + 1,
        );
        assert_eq!(reply.id, 4);
        // One VM gas over one SDK unit rounds up to two.
        assert_eq!(reply.gas_used, 2);
        let ok = reply.result.into_result().unwrap();
        assert_eq!(ok.msg_responses.len(), 1);
        assert_eq!(
            ok.msg_responses[0].type_url,
            "/cosmwasm.wasm.v1.MsgExecuteContractResponse"
        );
        assert_eq!(ok.msg_responses[0].value.as_slice(), b"\x0a\x02{}");
        #[allow(deprecated)]
        let data = ok.data.clone();
        assert_eq!(data, Some(ok.msg_responses[0].value.clone()));
        let types: Vec<&str> = ok.events.iter().map(|e| e.ty.as_str()).collect();
        assert_eq!(
            types,
            [
                "coin_spent",
                "coin_received",
                "transfer",
                "execute",
                "wasm",
                "coin_spent",
                "coin_received",
                "transfer"
            ]
        );
        // Built field by field: `Attribute::new` refuses the chain's reserved `_` keys.
        let contract_attr = Attribute {
            key: "_contract_address".to_string(),
            value: "pool".to_string(),
        };
        assert_eq!(
            ok.events[4].attributes,
            vec![contract_attr, Attribute::new("action", "swap")]
        );
    }
}
