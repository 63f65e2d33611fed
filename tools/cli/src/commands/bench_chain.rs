//! `trellis bench chain`: the SDK gas a user pays on the real chain application. Runs the
//! farm scenario of the real-chain suite and a run of escrow locks on wasmd, and writes each
//! transaction's `gas_used` under the `chain` key of the results file, beside the cosmwasm-vm
//! bench's estimate for the same operation (read from the same file).
//!
//! The vm estimate covers the contract call. A transaction also pays the SDK's ante handler
//! (signature, account, 10 gas per transaction byte) and, for an instantiation, wasmd's own
//! bookkeeping. The ante part is measured, not guessed: a one-coin bank transfer's gas (the cheapest
//! of the run's) less 10 per byte of it is the base, and an operation's full estimate is
//! `vm estimate + base + 10 * its transaction's bytes`. (The base keeps the bank transfer's own
//! balance reads and writes, so the model errs high by those.)
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use serde_json::{json, to_value, Value};
use trellis_chain_tests::compare::Scenario;
use trellis_chain_tests::real::{ChainEnv, GasRow, RealLedger};
use trellis_chain_tests::scenarios::cl::ClScenario;
use trellis_chain_tests::scenarios::farm::FarmScenario;
use trellis_chain_tests::{Ledger, Observations};
use trellis_testing::ContractKind;
use trellis_types::voting_escrow::{ExecuteMsg, InstantiateMsg, WEEK};
use trellis_types::AssetInfo;

/// The SDK's `TxSizeCostPerByte` (default parameters).
const GAS_PER_TX_BYTE: u64 = 10;

#[derive(Debug, Args)]
pub struct ChainBenchArgs {
    /// The results file: its `chain` key is replaced, the vm figures are read from it.
    #[arg(long, default_value = "bench/results.json")]
    pub out: PathBuf,
}

/// The vm bench's rows whose sum estimates a transaction of a scenario, by the scenario's
/// name and the transaction's label: `(section, op)`, one per contract call it makes. `None`
/// when a call of the transaction has no row of its own in the vm bench (a cw721 send, a
/// center's call into the pool), so no estimate is claimed.
fn vm_parts(scenario: &str, label: &str) -> Option<&'static [(&'static str, &'static str)]> {
    Some(match (scenario, label) {
        ("farm", "farm.instantiate") => &[("farm", "instantiate")],
        ("farm", "farm.add_pool") => &[("farm", "add_pool")],
        // Every deposit of the scenario is its user's first in that pool.
        ("farm", "farm.deposit") => &[("farm", "first_deposit")],
        ("farm", "farm.claim") => &[("farm", "claim")],
        ("farm", "farm.set_weight") => &[("farm", "set_weight")],
        ("farm", "farm.withdraw") => &[("farm", "withdraw")],
        ("farm", "farm.emergency_withdraw") => &[("farm", "emergency_withdraw")],
        ("escrow", "escrow.create_lock") => &[("ve.voting_escrow", "create_lock")],
        ("escrow", "escrow.increase_amount") => &[("ve.voting_escrow", "increase_amount")],
        ("escrow", "escrow.increase_unlock_time") => {
            &[("ve.voting_escrow", "increase_unlock_time")]
        }
        ("escrow", "escrow.deposit_for") => &[("ve.voting_escrow", "deposit_for")],
        ("cl", "pool.mint") => &[("cl.position_ops", "mint")],
        // The pool crosses one initialized, marked tick and the hook runs on the center.
        ("cl", "pool.swap_exact_in") => &[
            ("cl.crossing", "swap_cross_1"),
            ("cl_farming.groups.0.rows", "hook_1_one_farm"),
        ],
        ("cl", "center.claim_reward") => &[("cl_farming.groups.0.rows", "claim")],
        ("cl", "pool.decrease_liquidity") => &[("cl.position_ops", "decrease")],
        ("cl", "pool.collect") => &[("cl.position_ops", "collect")],
        ("cl", "pool.burn") => &[("cl.position_ops", "burn")],
        _ => return None,
    })
}

/// The vm bench's SDK gas estimate of `op` in `section` (a dotted path to a list of rows).
fn vm_estimate(results: &Value, section: &str, op: &str) -> Option<u64> {
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
    rows.as_array()?.iter().find(|row| row["op"] == op)?["sdk_gas_estimate"].as_u64()
}

/// One scenario's transactions on a fresh ledger (fresh accounts; codes stored once).
async fn measure<S: Scenario>(env: &ChainEnv, name: &'static str, scenario: &S) -> Result<Run> {
    let mut ledger = RealLedger::connect(env).await?;
    scenario
        .run(&mut ledger)
        .await
        .with_context(|| format!("the {name} scenario"))?;
    Ok(Run {
        scenario: name,
        gas: ledger.gas,
    })
}

struct Run {
    scenario: &'static str,
    gas: Vec<GasRow>,
}

/// The escrow's locks, as a scenario of their own (not compared with cw-multi-test: the
/// suite's escrow checks are in `tests/notices.rs`).
struct EscrowLocks;

impl Scenario for EscrowLocks {
    const DENOMS: &'static [&'static str] = &["ulit"];

    async fn run<L: Ledger>(&self, l: &mut L) -> Result<Observations> {
        escrow_ops(l).await?;
        Ok(Observations::default())
    }
}

/// Locks on the escrow: create, add, extend, and a third party's deposit.
async fn escrow_ops<L: Ledger>(l: &mut L) -> Result<()> {
    l.fund("locker", &[("ulit", 10_000_000_000_000)]).await?;
    l.fund("friend", &[("ulit", 10_000_000_000_000)]).await?;
    let owner = l.addr("locker");
    let init = InstantiateMsg {
        owner,
        lock_token: AssetInfo::native("ulit"),
        max_time: None,
    };
    l.instantiate(
        "locker",
        ContractKind::VotingEscrow,
        "escrow",
        &to_value(init)?,
        &[],
    )
    .await?;
    let now = l.now_secs().await?;
    let year = (now / WEEK + 52) * WEEK;
    let lock = |msg: ExecuteMsg| to_value(msg);
    l.execute(
        "locker",
        "escrow",
        &lock(ExecuteMsg::CreateLock { unlock_time: year })?,
        &[("ulit", 1_000_000_000_000)],
    )
    .await?;
    l.execute(
        "locker",
        "escrow",
        &lock(ExecuteMsg::IncreaseAmount {})?,
        &[("ulit", 1_000_000)],
    )
    .await?;
    l.execute(
        "locker",
        "escrow",
        &lock(ExecuteMsg::IncreaseUnlockTime {
            unlock_time: year + 52 * WEEK,
        })?,
        &[],
    )
    .await?;
    let user = l.addr("locker");
    l.execute(
        "friend",
        "escrow",
        &lock(ExecuteMsg::DepositFor { user })?,
        &[("ulit", 1_000_000)],
    )
    .await?;
    Ok(())
}

fn row(results: &Value, base: i64, scenario: &str, gas: &GasRow) -> Value {
    let parts = vm_parts(scenario, &gas.label);
    let estimate = parts.and_then(|parts| {
        parts
            .iter()
            .map(|(section, op)| vm_estimate(results, section, op))
            .sum::<Option<u64>>()
    });
    let full = estimate.map(|e| e as i64 + base + (GAS_PER_TX_BYTE as i64) * gas.tx_bytes as i64);
    let off_pct = full.map(|f| (gas.gas_used as f64 - f as f64) / gas.gas_used as f64 * 100.0);
    let vm_ops = parts.map(|parts| {
        parts
            .iter()
            .map(|(section, op)| format!("{section}.{op}"))
            .collect::<Vec<_>>()
            .join(" + ")
    });
    json!({
        "scenario": scenario,
        "tx": gas.label,
        "vm_op": vm_ops,
        "gas_used": gas.gas_used,
        "tx_bytes": gas.tx_bytes,
        "vm_sdk_gas_estimate": estimate,
        "estimate_with_tx": full,
        "off_pct": off_pct,
    })
}

pub fn run(args: &ChainBenchArgs) -> Result<ExitCode> {
    let Some(env) = ChainEnv::from_env() else {
        bail!("no chain: start one with `eval \"$(bash scripts/wasmd.sh start)\"`");
    };
    let text = std::fs::read_to_string(&args.out)
        .with_context(|| format!("reading {} (the vm bench's results)", args.out.display()))?;
    let mut results: Value = serde_json::from_str(&text)?;
    let runtime = tokio::runtime::Runtime::new()?;
    let runs = runtime.block_on(async {
        anyhow::Ok(vec![
            measure(&env, "farm", &FarmScenario).await?,
            measure(&env, "escrow", &EscrowLocks).await?,
            measure(&env, "cl", &ClScenario).await?,
        ])
    })?;
    let gas: Vec<(&str, &GasRow)> = runs
        .iter()
        .flat_map(|run| run.gas.iter().map(move |g| (run.scenario, g)))
        .collect();
    // The cheapest transfer: the others carry two coins or more.
    let send = gas
        .iter()
        .map(|(_, g)| *g)
        .filter(|g| g.label == "bank.send")
        .min_by_key(|g| g.gas_used)
        .context("no bank transfer measured")?;
    let base = send.gas_used as i64 - (GAS_PER_TX_BYTE as i64) * send.tx_bytes as i64;
    let rows: Vec<Value> = gas
        .iter()
        .map(|(scenario, g)| row(&results, base, scenario, g))
        .collect();
    println!(
        "{:<8} {:<28} {:>9} {:>6} {:>9} {:>9} {:>7}",
        "scenario", "transaction", "gas_used", "bytes", "vm est.", "+ tx", "off %"
    );
    for r in &rows {
        let cell = |key: &str| match &r[key] {
            Value::Null => "-".to_string(),
            Value::Number(n) if key == "off_pct" => format!("{:.1}", n.as_f64().unwrap_or(0.0)),
            other => other.to_string(),
        };
        println!(
            "{:<8} {:<28} {:>9} {:>6} {:>9} {:>9} {:>7}",
            r["scenario"].as_str().unwrap_or_default(),
            r["tx"].as_str().unwrap_or_default(),
            cell("gas_used"),
            cell("tx_bytes"),
            cell("vm_sdk_gas_estimate"),
            cell("estimate_with_tx"),
            cell("off_pct")
        );
    }
    let worst = rows
        .iter()
        .filter_map(|r| r["off_pct"].as_f64())
        .fold(0.0f64, |m, p| m.max(p.abs()));
    results["chain"] = json!({
        "chain": "wasmd v0.55.1 (Cosmos SDK 0.50, wasmvm 2.2, CometBFT 0.38), one validator on loopback, default gas parameters",
        "ante_base": base,
        "ante_base_from": { "tx": "bank.send", "gas_used": send.gas_used, "tx_bytes": send.tx_bytes },
        "gas_per_tx_byte": GAS_PER_TX_BYTE,
        "worst_off_pct": worst,
        "rows": rows,
    });
    std::fs::write(&args.out, serde_json::to_string_pretty(&results)? + "\n")?;
    eprintln!(
        "wrote the chain rows to {} (worst estimate off by {worst:.1}%)",
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
