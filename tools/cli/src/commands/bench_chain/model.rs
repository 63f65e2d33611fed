//! The estimate of a transaction's SDK gas from the vm bench, with what the chain adds around
//! a contract call measured on the chain itself, on the test contract `noop` (which does
//! nothing):
//!
//! - `execute_base`: a `noop` execution's gas, less its instance load (`INSTANCE_COST`, which
//!   every vm row already counts) and 10 per transaction byte: the ante handler (signature,
//!   account) and wasmd's lookups of the contract;
//! - `instantiate_base`: the same for an instantiation (wasmd also writes the contract's info,
//!   address index and code history);
//! - `per_coin`: one coin attached to the `noop` execution, less the same execution without
//!   it: one bank transfer of one coin;
//! - `first_signature`: a fresh account's first `noop` execution, less a later one: the SDK
//!   stores an account's public key with its first transaction.
//!
//! A transaction's estimate is then `sum of its calls' vm rows + base + 10 * tx bytes +
//! per_coin * coins moved (+ first_signature for a signer's first transaction)`, and for an
//! instantiation also `30 * (message bytes - noop's)` (wasmd stores the message in the code
//! history).
use anyhow::{Context, Result};
use serde_json::{json, Value};
use trellis_chain_tests::artifacts;
use trellis_chain_tests::real::{ChainEnv, GasRow, RealLedger};
use trellis_chain_tests::Ledger;

use super::parts;

/// The SDK's `TxSizeCostPerByte` (default parameters).
pub const GAS_PER_TX_BYTE: i64 = 10;
/// The SDK's `WriteCostPerByte` (default parameters).
const WRITE_COST_PER_BYTE: i64 = 30;
/// wasmd's `DefaultInstanceCost`, counted once in every vm row.
const INSTANCE_COST: i64 = 60_000;

pub struct ChainCosts {
    pub execute_base: i64,
    pub instantiate_base: i64,
    pub per_coin: i64,
    pub first_signature: i64,
    noop_init_msg_bytes: i64,
    /// The `noop` transactions measured.
    pub measured: Vec<GasRow>,
}

fn net(row: &GasRow) -> i64 {
    row.gas_used as i64 - INSTANCE_COST - GAS_PER_TX_BYTE * row.tx_bytes as i64
}

/// Instantiates `noop` and calls it without and with one coin, then from a fresh account.
pub async fn measure_costs(env: &ChainEnv) -> Result<ChainCosts> {
    let mut l = RealLedger::connect(env).await?;
    l.fund("caller", &[("ulit", 10)]).await?;
    l.fund("newcomer", &[("ulit", 10)]).await?;
    let wasm_path = artifacts::test_dir().join("trellis_test_noop.wasm");
    let wasm = std::fs::read(&wasm_path).with_context(|| {
        format!(
            "reading {} (build the test contracts: CONTRACTS_GLOB='tools/chain-tests/contracts/*/Cargo.toml' ARTIFACTS_DIR=artifacts/test bash scripts/build-wasm.sh)",
            wasm_path.display()
        )
    })?;
    let code = l.store(&wasm).await?;
    l.instantiate_code("caller", code, "noop", &json!({}), &[])
        .await?;
    let call = json!({ "noop": {} });
    l.execute("caller", "noop", &call, &[]).await?;
    l.execute("caller", "noop", &call, &[("ulit", 1)]).await?;
    l.execute("newcomer", "noop", &call, &[]).await?;
    let measured = l.gas.split_off(2); // after the funding transfers
    let [instantiated, bare, with_coin, first] = &measured[..] else {
        anyhow::bail!("expected four noop transactions, got {}", measured.len());
    };
    anyhow::ensure!(
        instantiated.signer_first && !bare.signer_first && first.signer_first,
        "the noop transactions' signers are not as planned"
    );
    let first_signature = first.gas_used as i64
        - bare.gas_used as i64
        - GAS_PER_TX_BYTE * (first.tx_bytes as i64 - bare.tx_bytes as i64);
    Ok(ChainCosts {
        execute_base: net(bare),
        // The instantiation was its signer's first transaction.
        instantiate_base: net(instantiated) - first_signature,
        per_coin: with_coin.gas_used as i64
            - bare.gas_used as i64
            - GAS_PER_TX_BYTE * (with_coin.tx_bytes as i64 - bare.tx_bytes as i64),
        first_signature,
        noop_init_msg_bytes: instantiated.msg_bytes as i64,
        measured: measured.clone(),
    })
}

/// The vm bench's SDK gas estimate of `op` in `section`: a dotted path to a list of rows,
/// optionally `@pool` for the rows of one pool (`amm.pool_ops@80/20`).
fn vm_estimate(results: &Value, section: &str, op: &str) -> Option<u64> {
    let (section, pool) = match section.split_once('@') {
        Some((section, pool)) => (section, Some(pool)),
        None => (section, None),
    };
    if section == "farm" {
        // The farm's smallest configuration (10 stakers, 1 pool), as on the chain here.
        let row = results["farm"]["ops"]
            .as_array()?
            .iter()
            .find(|o| o["op"] == op)?;
        return row["results"].get(0)?["sdk_gas_estimate"].as_u64();
    }
    let rows = section
        .split('.')
        .try_fold(results, |value, key| match key.parse::<usize>() {
            Ok(index) => value.get(index),
            Err(_) => value.get(key),
        })?;
    let of_pool = |row: &Value| pool.is_none_or(|pool| row["pool"] == pool);
    let row = rows
        .as_array()?
        .iter()
        .find(|row| row["op"] == op && of_pool(row))?;
    row["sdk_gas_estimate"].as_u64()
}

/// One transaction's row: the chain's gas beside the estimate, where there is one.
pub fn row(results: &Value, costs: &ChainCosts, scenario: &str, gas: &GasRow) -> Value {
    let model = parts::of(scenario, &gas.label);
    let vm = model.as_ref().and_then(|m| {
        m.calls
            .iter()
            .map(|(section, op)| vm_estimate(results, section, op))
            .sum::<Option<u64>>()
    });
    let instantiation = gas.label.ends_with(".instantiate");
    let full = vm.zip(model.as_ref()).map(|(vm, m)| {
        let base = if instantiation {
            costs.instantiate_base
                + WRITE_COST_PER_BYTE * (gas.msg_bytes as i64 - costs.noop_init_msg_bytes)
        } else {
            costs.execute_base
        };
        let first = if gas.signer_first {
            costs.first_signature
        } else {
            0
        };
        vm as i64
            + base
            + GAS_PER_TX_BYTE * gas.tx_bytes as i64
            + costs.per_coin * m.coins as i64
            + first
    });
    let off_pct = full.map(|f| (gas.gas_used as f64 - f as f64) / gas.gas_used as f64 * 100.0);
    let vm_ops = model.as_ref().map(|m| {
        m.calls
            .iter()
            .map(|(section, op)| format!("{section}.{op}"))
            .collect::<Vec<_>>()
            .join(" + ")
    });
    json!({
        "scenario": scenario,
        "tx": gas.label,
        "vm_op": vm_ops,
        "coins": model.as_ref().map(|m| m.coins),
        "signer_first": gas.signer_first,
        "gas_used": gas.gas_used,
        "tx_bytes": gas.tx_bytes,
        "vm_sdk_gas_estimate": vm,
        "estimate": full,
        "off_pct": off_pct,
    })
}
