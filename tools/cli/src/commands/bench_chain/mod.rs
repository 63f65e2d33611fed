//! `trellis bench chain`: the SDK gas a user pays on the real chain application. Runs the
//! real-chain suite's scenarios (`tools/chain-tests/src/scenarios`) and a run of escrow locks
//! on wasmd, each on a fresh ledger, and writes each transaction's `gas_used` under the
//! `chain` key of the results file, beside the cosmwasm-vm bench's estimate for the same
//! operation (read from the same file) completed by what the chain adds around a contract
//! call, measured on a contract that does nothing ([`model`]).
mod escrow;
mod model;
mod parts;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use serde_json::{json, Value};
use trellis_chain_tests::compare::Scenario;
use trellis_chain_tests::real::{ChainEnv, GasRow, RealLedger};
use trellis_chain_tests::scenarios::cl::ClScenario;
use trellis_chain_tests::scenarios::farm::FarmScenario;
use trellis_chain_tests::scenarios::fees::FeeScenario;
use trellis_chain_tests::scenarios::gauges::GaugeScenario;
use trellis_chain_tests::scenarios::options::OptionsScenario;
use trellis_chain_tests::scenarios::pool::PoolScenario;

use escrow::EscrowLocks;
use model::{measure_costs, row, GAS_PER_TX_BYTE};

#[derive(Debug, Args)]
pub struct ChainBenchArgs {
    /// The results file: its `chain` key is replaced, the vm figures are read from it.
    #[arg(long, default_value = "bench/results.json")]
    pub out: PathBuf,
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

pub fn run(args: &ChainBenchArgs) -> Result<ExitCode> {
    let Some(env) = ChainEnv::from_env() else {
        bail!("no chain: start one with `eval \"$(bash scripts/wasmd.sh start)\"`");
    };
    let text = std::fs::read_to_string(&args.out)
        .with_context(|| format!("reading {} (the vm bench's results)", args.out.display()))?;
    let mut results: Value = serde_json::from_str(&text)?;
    let runtime = tokio::runtime::Runtime::new()?;
    let (costs, runs) = runtime.block_on(async {
        let costs = measure_costs(&env).await?;
        let runs = vec![
            measure(&env, "farm", &FarmScenario).await?,
            measure(&env, "escrow", &EscrowLocks).await?,
            measure(&env, "cl", &ClScenario).await?,
            measure(&env, "pool", &PoolScenario).await?,
            measure(&env, "gauges", &GaugeScenario).await?,
            measure(&env, "fees", &FeeScenario).await?,
            measure(&env, "options", &OptionsScenario).await?,
        ];
        anyhow::Ok((costs, runs))
    })?;
    let gas: Vec<(&str, &GasRow)> = runs
        .iter()
        .flat_map(|run| run.gas.iter().map(move |g| (run.scenario, g)))
        .collect();
    let rows: Vec<Value> = gas
        .iter()
        .map(|(scenario, g)| row(&results, &costs, scenario, g))
        .collect();
    println!(
        "{:<8} {:<28} {:>9} {:>6} {:>9} {:>9} {:>7}",
        "scenario", "transaction", "gas_used", "bytes", "vm est.", "estimate", "off %"
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
            cell("estimate"),
            cell("off_pct")
        );
    }
    let worst = rows
        .iter()
        .filter_map(|r| r["off_pct"].as_f64())
        .fold(0.0f64, |m, p| m.max(p.abs()));
    results["chain"] = json!({
        "chain": "wasmd v0.55.1 (Cosmos SDK 0.50, wasmvm 2.2, CometBFT 0.38), one validator on loopback, default gas parameters",
        "model": "estimate = sum of the vm rows of the transaction's contract calls + base + gas_per_tx_byte * tx_bytes + per_coin * coins (+ first_signature for a signer's first transaction; + 30 per instantiation message byte beyond noop's)",
        "execute_base": costs.execute_base,
        "instantiate_base": costs.instantiate_base,
        "per_coin": costs.per_coin,
        "first_signature": costs.first_signature,
        "measured_on": costs.measured.iter().map(|g| json!({ "tx": g.label, "gas_used": g.gas_used, "tx_bytes": g.tx_bytes })).collect::<Vec<_>>(),
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
