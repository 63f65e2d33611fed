//! Trellis wasm checking and gas metering with `cosmwasm-vm` (the VM chains run), in one
//! crate so wasmer is built once.
//!
//! - [`check`]: what a chain does on upload (static checks, compile) plus one instantiation.
//! - [`farm`]: the farm contract's operations, measured in scaling configurations.
//! - [`run_all`]: both, for the `trellis bench` subcommand.
pub mod check;
pub mod farm;
pub mod storage;
pub mod vm;

use std::collections::HashSet;
use std::path::PathBuf;

use anyhow::{bail, Result};
use serde::Serialize;

pub use check::{run_check, CheckResult};
pub use farm::{print_report, run_farm_bench, FarmBenchOptions, FarmReport};
pub use vm::{capabilities, DEFAULT_CAPABILITIES};

/// Options of [`run_all`].
#[derive(Clone, Debug)]
pub struct RunAllOptions {
    /// Folder with the `*.wasm` artifacts (all are checked).
    pub artifacts_dir: PathBuf,
    /// Farm bench settings; `farm.out` is ignored, the combined report goes to `out`.
    pub farm: FarmBenchOptions,
    /// Where to write the combined JSON report (`None`: do not write).
    pub out: Option<PathBuf>,
}

impl RunAllOptions {
    /// Defaults: `artifacts/`, chain capabilities, `bench/results.json`.
    pub fn new(artifacts_dir: impl Into<PathBuf>) -> Self {
        let artifacts_dir = artifacts_dir.into();
        let caps: HashSet<String> = capabilities(DEFAULT_CAPABILITIES);
        RunAllOptions {
            farm: FarmBenchOptions::new(artifacts_dir.clone(), caps),
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
}

/// Checks every artifact, runs the farm bench, prints both, writes the combined JSON and
/// fails when an artifact fails its check or an operation's gas spread is over the limit.
pub fn run_all(opts: &RunAllOptions) -> Result<AllReport> {
    let paths = check::list_artifacts(&opts.artifacts_dir)?;
    let check = run_check(&paths, &opts.farm.capabilities)?;
    println!();
    let mut farm_opts = opts.farm.clone();
    farm_opts.out = None;
    let farm = run_farm_bench(&farm_opts)?;
    print_report(&farm);
    let report = AllReport { check, farm };
    if let Some(out) = &opts.out {
        farm::write_json(out, &report)?;
        println!("wrote {}", out.display());
    }
    if let Err(e) = report.farm.ensure_flat() {
        bail!("{e:#}");
    }
    Ok(report)
}
