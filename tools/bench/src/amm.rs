//! `trellis-bench amm`: runs the weighted pool's and the router's compiled wasm in
//! cosmwasm-vm and measures what each call costs (see `docs/bench.md`):
//!
//! - [`pool_ops`]: a 50/50 and an 80/20 pool of native assets, deployed (instantiate, the
//!   LP token reply a chain would send, first join) and operated: swap exact in / out,
//!   proportional and single-asset join and exit (exits through the LP token's cw20 hook);
//! - [`oracle`]: swaps that do and do not write an oracle sample, the same swaps with a
//!   one-sample and a full, wrapped ring buffer (flagged when their gas differs by more than
//!   the spread limit), and TWAP queries over the full buffer;
//! - [`route`]: the router's two-hop route X -> ALY -> Y, every call of the transaction
//!   measured and summed, with the factory answered by a fixture ([`factory_fixture`]).
//!
//! Every call gets a fresh instance from the pinned module and the counting storage, as in
//! the farm bench; runs are deterministic (fixed addresses, amounts and clock).
pub mod factory_fixture;
pub mod oracle;
pub mod params;
pub mod pool;
pub mod pool_ops;
pub mod report;
pub mod route;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{ensure, Context, Result};
use cosmwasm_vm::testing::mock_env;
use trellis_types::weighted_pool::OracleConfig;

use crate::check::{artifact_info, ArtifactInfo};
use crate::farm::{write_json, DEFAULT_MAX_SPREAD_PCT};
use crate::vm::{Code, CALL_GAS_LIMIT};
use params::{
    fill_swaps, ACTION_AMOUNT, BLOCK_SECONDS, DEFAULT_ORACLE_CAPACITY, EIGHTY_TWENTY, FIFTY_FIFTY,
    MAX_ORACLE_CAPACITY, MIN_ORACLE_CAPACITY, OP_ADVANCE_SECS, ORACLE_SPACING_SECS,
    PROTOCOL_FEE_SHARE_BPS, SLIPPAGE_BPS, SWAP_FEE_BPS, TWAP_AGO_SECS, TWAP_WINDOW_SECS,
};
use report::AmmSettings;
pub use report::{print_amm_report, AmmReport};

#[derive(Clone, Debug)]
pub struct AmmBenchOptions {
    /// The weighted pool and router artifacts to run.
    pub pool_artifact: PathBuf,
    pub router_artifact: PathBuf,
    /// Where to write the JSON results (`None`: do not write).
    pub out: Option<PathBuf>,
    /// Ring buffer size of the pools (the full buffer holds this many samples).
    pub oracle_capacity: u32,
    /// Largest gas spread allowed between buffer sizes, in percent.
    pub max_spread_pct: f64,
    pub capabilities: HashSet<String>,
    /// Progress lines on stderr.
    pub progress: bool,
}

impl AmmBenchOptions {
    pub fn new(artifacts_dir: impl Into<PathBuf>, capabilities: HashSet<String>) -> Self {
        let dir = artifacts_dir.into();
        AmmBenchOptions {
            pool_artifact: dir.join("trellis_weighted_pool.wasm"),
            router_artifact: dir.join("trellis_router.wasm"),
            out: Some(PathBuf::from("bench/results.json")),
            oracle_capacity: DEFAULT_ORACLE_CAPACITY,
            max_spread_pct: DEFAULT_MAX_SPREAD_PCT,
            capabilities,
            progress: true,
        }
    }

    fn validate(&self) -> Result<()> {
        ensure!(
            (MIN_ORACLE_CAPACITY..=MAX_ORACLE_CAPACITY).contains(&self.oracle_capacity),
            "oracle capacity {} out of range {MIN_ORACLE_CAPACITY}..={MAX_ORACLE_CAPACITY} \
             (the full buffer must cover the 6 h-old TWAP window)",
            self.oracle_capacity
        );
        ensure!(
            self.max_spread_pct.is_finite() && self.max_spread_pct >= 0.0,
            "max spread must be a non-negative number"
        );
        Ok(())
    }
}

fn upload(path: &Path, capabilities: &HashSet<String>) -> Result<(ArtifactInfo, Code)> {
    let (info, wasm) = artifact_info(path)
        .with_context(|| format!("{} is missing: run scripts/build-wasm.sh", path.display()))?;
    let code = Code::upload(&wasm, capabilities)
        .with_context(|| format!("uploading {}", path.display()))?;
    Ok((info, code))
}

/// Runs the whole AMM bench. Writes the JSON report if `opts.out` is set, and returns it
/// whether or not the oracle spreads are within the limit (see `AmmReport::ensure_flat`).
pub fn run_amm_bench(opts: &AmmBenchOptions) -> Result<AmmReport> {
    opts.validate()?;
    let (pool_artifact, pool_code) = upload(&opts.pool_artifact, &opts.capabilities)?;
    let (router_artifact, router_code) = upload(&opts.router_artifact, &opts.capabilities)?;
    let block = mock_env().block;
    let oracle_config = OracleConfig {
        capacity: opts.oracle_capacity,
        min_sample_spacing: ORACLE_SPACING_SECS,
    };

    let mut pool_ops_rows = Vec::new();
    for spec in [FIFTY_FIFTY, EIGHTY_TWENTY] {
        if opts.progress {
            eprintln!("amm: {} pool operations", spec.label);
        }
        pool_ops_rows.extend(pool_ops::measure_pool_ops(
            &pool_code,
            spec,
            oracle_config,
            &block,
        )?);
    }
    if opts.progress {
        eprintln!(
            "amm: oracle, filling a buffer of {} with {} swaps",
            opts.oracle_capacity,
            fill_swaps(opts.oracle_capacity)
        );
    }
    let oracle = oracle::measure_oracle(
        &pool_code,
        opts.oracle_capacity,
        &block,
        opts.max_spread_pct,
        opts.progress,
    )?;
    if opts.progress {
        eprintln!("amm: two-hop route");
    }
    let route = route::measure_route(&pool_code, &router_code, oracle_config, &block)?;

    let (max_spread_pct, max_spread_op) = oracle
        .scaling
        .iter()
        .map(|s| (s.gas_spread_pct, Some(s.op.clone())))
        .fold((0.0, None), |acc, x| if x.0 > acc.0 { x } else { acc });
    let flat = oracle.scaling.iter().all(|s| s.within_limit);
    let report = AmmReport {
        pool_artifact,
        router_artifact,
        settings: AmmSettings {
            swap_fee_bps: SWAP_FEE_BPS,
            protocol_fee_share_bps: PROTOCOL_FEE_SHARE_BPS,
            oracle_capacity: opts.oracle_capacity,
            oracle_min_sample_spacing: ORACLE_SPACING_SECS,
            oracle_fill_swaps: fill_swaps(opts.oracle_capacity),
            block_seconds: BLOCK_SECONDS,
            seconds_between_ops: OP_ADVANCE_SECS,
            action_amount: ACTION_AMOUNT.to_string(),
            slippage_bps: SLIPPAGE_BPS,
            twap_window_secs: TWAP_WINDOW_SECS,
            twap_ago_secs: TWAP_AGO_SECS,
            call_gas_limit: CALL_GAS_LIMIT,
        },
        pool_ops: pool_ops_rows,
        oracle: oracle.rows,
        oracle_scaling: oracle.scaling,
        twap: oracle.twap,
        route,
        spread_limit_pct: opts.max_spread_pct,
        max_spread_pct,
        max_spread_op,
        flat,
    };
    if let Some(out) = &opts.out {
        write_json(out, &report)?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_bound_the_capacity() {
        let mut o = AmmBenchOptions::new("artifacts", HashSet::new());
        assert!(o.validate().is_ok());
        assert_eq!(
            o.pool_artifact,
            PathBuf::from("artifacts/trellis_weighted_pool.wasm")
        );
        o.oracle_capacity = MIN_ORACLE_CAPACITY - 1;
        assert!(o.validate().is_err());
        o.oracle_capacity = MAX_ORACLE_CAPACITY + 1;
        assert!(o.validate().is_err());
        o.oracle_capacity = MAX_ORACLE_CAPACITY;
        o.max_spread_pct = f64::NAN;
        assert!(o.validate().is_err());
    }
}
