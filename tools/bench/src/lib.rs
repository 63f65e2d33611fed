//! Trellis wasm checking and gas metering with `cosmwasm-vm` (the VM chains run), in one
//! crate so wasmer is built once.
//!
//! - [`check`]: what a chain does on upload (static checks, compile) plus one instantiation.
//! - [`farm`]: the farm contract's operations, measured in scaling configurations.
//! - [`amm`]: the weighted pool's operations and oracle, and the router's two-hop route.
//! - [`ve`]: the voting escrow, gauge controller, fee distributor and boosted farm, run
//!   together on a small multi-contract chain.
//! - [`options`]: the options token's exercises (native and cw20 payment, priced by a weighted
//!   pool's TWAP) and a farm claim minting it, on the same kind of chain.
//! - [`cl`]: the concentrated-liquidity pool's position operations, tick-crossing swaps,
//!   farming marks and position-count scaling (`trellis-bench cl`).
//! - [`cl_farming`]: the CL farming center's deposit, entries, exits, claim, withdrawal and
//!   crossing hook, with 10 and 10,000 other farmed positions (`trellis-bench cl-farming`).
//! - [`cl_tick_index`]: the CL pool's default build against its `tick-bitmap` build, the
//!   same scenarios on both (`trellis-bench cl-tick-index`; not part of [`run_all`]).
//! - [`run_all`]: every group but `cl_tick_index`, for the `trellis bench` subcommand.
// Without `vm` the crate is empty: everything here runs contracts in cosmwasm-vm.
#![cfg(feature = "vm")]
pub mod amm;
pub mod chain;
pub mod check;
pub mod cl;
pub mod cl_farming;
pub mod cl_tick_index;
pub mod farm;
pub mod farm_floor;
pub mod options;
pub mod storage;
pub mod ve;
pub mod vm;

use std::collections::HashSet;
use std::path::PathBuf;

use anyhow::{bail, Result};
use serde::Serialize;

pub use amm::{print_amm_report, run_amm_bench, AmmBenchOptions, AmmReport};
pub use check::{run_check, CheckResult};
pub use cl::{print_cl_report, run_cl_bench, ClBenchOptions, ClReport};
pub use cl_farming::{
    print_cl_farming_report, run_cl_farming_bench, ClFarmingBenchOptions, ClFarmingReport,
};
pub use cl_tick_index::{
    print_tick_index_report, run_tick_index_bench, TickIndexOptions, TickIndexReport,
};
pub use farm::{print_report, run_farm_bench, FarmBenchOptions, FarmReport};
pub use options::{print_options_report, run_options_bench, OptionsBenchOptions, OptionsReport};
pub use ve::{print_ve_report, run_ve_bench, VeBenchOptions, VeReport};
pub use vm::{capabilities, DEFAULT_CAPABILITIES};

/// Options of [`run_all`].
#[derive(Clone, Debug)]
pub struct RunAllOptions {
    /// Folder with the `*.wasm` artifacts (all are checked).
    pub artifacts_dir: PathBuf,
    /// Farm bench settings; `farm.out` is ignored, the combined report goes to `out`.
    pub farm: FarmBenchOptions,
    /// AMM bench settings; `amm.out` is ignored, the combined report goes to `out`.
    pub amm: AmmBenchOptions,
    /// ve group settings; `ve.out` is ignored, the combined report goes to `out`.
    pub ve: VeBenchOptions,
    /// Options group settings; `options.out` is ignored, the combined report goes to `out`.
    pub options: OptionsBenchOptions,
    /// CL pool settings; `cl.out` is ignored, the combined report goes to `out`.
    pub cl: ClBenchOptions,
    /// CL farming settings; `cl_farming.out` is ignored.
    pub cl_farming: ClFarmingBenchOptions,
    /// Where to write the combined JSON report (`None`: do not write).
    pub out: Option<PathBuf>,
}

impl RunAllOptions {
    /// Defaults: `artifacts/`, chain capabilities, `bench/results.json`.
    pub fn new(artifacts_dir: impl Into<PathBuf>) -> Self {
        let artifacts_dir = artifacts_dir.into();
        let caps: HashSet<String> = capabilities(DEFAULT_CAPABILITIES);
        RunAllOptions {
            farm: FarmBenchOptions::new(artifacts_dir.clone(), caps.clone()),
            amm: AmmBenchOptions::new(artifacts_dir.clone(), caps.clone()),
            ve: VeBenchOptions::new(artifacts_dir.clone(), caps.clone()),
            options: OptionsBenchOptions::new(artifacts_dir.clone(), caps.clone()),
            cl: ClBenchOptions::new(artifacts_dir.clone(), caps.clone()),
            cl_farming: ClFarmingBenchOptions::new(artifacts_dir.clone(), caps),
            artifacts_dir,
            out: Some(PathBuf::from("bench/results.json")),
        }
    }
}

/// The combined report of [`run_all`].
#[derive(Clone, Debug, Serialize)]
pub struct AllReport {
    pub check: Vec<CheckResult>,
    pub farm: FarmReport,
    pub amm: AmmReport,
    pub ve: VeReport,
    pub options: OptionsReport,
    pub cl: ClReport,
    pub cl_farming: ClFarmingReport,
}

/// Checks every artifact, runs the farm, AMM, ve, options, CL and CL farming benches, prints them, writes the combined
/// JSON and fails when an artifact fails its check or a scaling spread is over its limit.
pub fn run_all(opts: &RunAllOptions) -> Result<AllReport> {
    let paths = check::list_artifacts(&opts.artifacts_dir)?;
    let check = run_check(&paths, &opts.farm.capabilities)?;
    println!();
    let mut farm_opts = opts.farm.clone();
    farm_opts.out = None;
    let farm = run_farm_bench(&farm_opts)?;
    print_report(&farm);
    println!();
    let mut amm_opts = opts.amm.clone();
    amm_opts.out = None;
    let amm = run_amm_bench(&amm_opts)?;
    print_amm_report(&amm);
    println!();
    let mut ve_opts = opts.ve.clone();
    ve_opts.out = None;
    // The CLI's quiet flag sets `farm.progress`; it silences every group.
    ve_opts.progress &= opts.farm.progress;
    let ve = run_ve_bench(&ve_opts)?;
    print_ve_report(&ve);
    println!();
    let mut options_opts = opts.options.clone();
    options_opts.out = None;
    options_opts.progress &= opts.farm.progress;
    let options = run_options_bench(&options_opts)?;
    print_options_report(&options);
    println!();
    let mut cl_opts = opts.cl.clone();
    cl_opts.out = None;
    cl_opts.progress &= opts.farm.progress;
    let cl = run_cl_bench(&cl_opts)?;
    print_cl_report(&cl);
    println!();
    let mut cl_farming_opts = opts.cl_farming.clone();
    cl_farming_opts.out = None;
    cl_farming_opts.progress &= opts.farm.progress;
    let cl_farming = run_cl_farming_bench(&cl_farming_opts)?;
    print_cl_farming_report(&cl_farming);
    let report = AllReport {
        check,
        farm,
        amm,
        ve,
        options,
        cl,
        cl_farming,
    };
    if let Some(out) = &opts.out {
        farm::write_json(out, &report)?;
        println!("wrote {}", out.display());
    }
    let failures: Vec<String> = [
        report.farm.ensure_flat(),
        report.amm.ensure_flat(),
        report.cl.ensure_flat(),
        report.cl_farming.ensure_flat(),
    ]
    .into_iter()
    .filter_map(|r| r.err().map(|e| format!("{e:#}")))
    .collect();
    if !failures.is_empty() {
        bail!("{}", failures.join("; "));
    }
    Ok(report)
}
