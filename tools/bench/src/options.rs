//! `trellis-bench options`: the options token (oTOKEN) run as compiled wasm with the contracts
//! it works with, on the ve group's multi-contract chain ([`crate::ve::world`]; see
//! `docs/bench.md`):
//!
//! - [`market`]: two weighted pools with a real price history, a cw20 payment token, two
//!   oTOKEN instances (native and cw20 payment) and a farm minting oTOKEN;
//! - [`claim_ops`]: a farm claim that mints oTOKEN;
//! - [`exercise_ops`]: exercises paid natively and through the cw20 hook, priced by the
//!   pool's TWAP (queried in the pool's wasm), checked with [`pricing`].
//!
//! Every call gets a fresh instance from its pinned module over the contract's counting
//! storage; runs are deterministic (fixed addresses, amounts and clock).
pub mod claim_ops;
pub mod cw20_token;
pub mod exercise_ops;
pub mod history;
pub mod market;
pub mod otoken;
pub mod otoken_farm;
pub mod params;
pub mod pool;
pub mod pricing;
pub mod report;

use std::collections::HashSet;
use std::path::PathBuf;

use anyhow::Result;
use cosmwasm_vm::testing::mock_env;

use crate::amm::params::SLIPPAGE_BPS;
use crate::farm::write_json;
use crate::ve::upload;
use market::{Codes, Market};
use params::{
    min_price, BLOCK_SECONDS, EXERCISE_AMOUNT, FARM_RATE, HISTORY_SPACING_SECS, HISTORY_SWAPS,
    MULTIPLIER_BPS, ORACLE_CAPACITY, ORACLE_SPACING_SECS, PAYMENT_DENOM, POOL_A, POOL_B,
    TWAP_AGO_SECS, TWAP_WINDOW_SECS, UNDERLYING_DENOM,
};
use pool::PoolShape;
use report::OptionsSettings;
pub use report::{print_options_report, OptionsReport};

#[derive(Clone, Debug)]
pub struct OptionsBenchOptions {
    pub otoken_artifact: PathBuf,
    pub pool_artifact: PathBuf,
    pub farm_artifact: PathBuf,
    /// Where to write the JSON results (`None`: do not write).
    pub out: Option<PathBuf>,
    pub capabilities: HashSet<String>,
    /// Progress lines on stderr.
    pub progress: bool,
}

impl OptionsBenchOptions {
    pub fn new(artifacts_dir: impl Into<PathBuf>, capabilities: HashSet<String>) -> Self {
        let dir = artifacts_dir.into();
        OptionsBenchOptions {
            otoken_artifact: dir.join("trellis_options_token.wasm"),
            pool_artifact: dir.join("trellis_weighted_pool.wasm"),
            farm_artifact: dir.join("trellis_farm.wasm"),
            out: Some(PathBuf::from("bench/results.json")),
            capabilities,
            progress: true,
        }
    }
}

fn describe(label: &str, shape: &PoolShape, assets: [&str; 2]) -> String {
    format!(
        "{label} {}: {}/{} {}/{} {}/{}",
        shape.name,
        shape.weights_pct[0],
        shape.weights_pct[1],
        assets[0],
        assets[1],
        shape.balances[0],
        shape.balances[1]
    )
}

/// Builds the world, runs the rows and writes the JSON report if `opts.out` is set.
pub fn run_options_bench(opts: &OptionsBenchOptions) -> Result<OptionsReport> {
    let caps = &opts.capabilities;
    let (otoken_info, otoken) = upload(&opts.otoken_artifact, caps)?;
    let (pool_info, pool) = upload(&opts.pool_artifact, caps)?;
    let (farm_info, farm) = upload(&opts.farm_artifact, caps)?;
    let say = |what: &str| {
        if opts.progress {
            eprintln!("options: {what}");
        }
    };

    say("pools, tokens, farm and price history");
    let codes = Codes { pool, otoken, farm };
    let market = Market::build(&codes, &mock_env().block)?;
    say("claim minting oTOKEN");
    let (claim_row, claim) = claim_ops::measure_claim(&market)?;
    say("exercises");
    let (exercise_rows, exercises) = exercise_ops::measure_exercise_ops(&market)?;

    let mut rows = vec![claim_row];
    rows.extend(exercise_rows);
    let report = OptionsReport {
        artifacts: vec![otoken_info, pool_info, farm_info],
        settings: OptionsSettings {
            block_seconds: BLOCK_SECONDS,
            underlying: UNDERLYING_DENOM,
            native_payment: PAYMENT_DENOM,
            pools: [
                describe("A", &POOL_A, [UNDERLYING_DENOM, PAYMENT_DENOM]),
                describe("B", &POOL_B, ["cUSD (cw20)", UNDERLYING_DENOM]),
            ],
            oracle_capacity: ORACLE_CAPACITY,
            oracle_spacing_secs: ORACLE_SPACING_SECS,
            twap_window_secs: TWAP_WINDOW_SECS,
            twap_ago_secs: TWAP_AGO_SECS,
            history_swaps: HISTORY_SWAPS,
            history_spacing_secs: HISTORY_SPACING_SECS,
            multiplier_bps: MULTIPLIER_BPS,
            min_price: min_price().to_string(),
            exercise_amount: EXERCISE_AMOUNT.to_string(),
            slippage_bps: SLIPPAGE_BPS,
            farm_rate_per_second: FARM_RATE.to_string(),
        },
        rows,
        exercises,
        claim,
    };
    if let Some(out) = &opts.out {
        write_json(out, &report)?;
    }
    Ok(report)
}
