//! `trellis-bench ve`: the vote-escrow family of issue 4 run as compiled wasm in
//! cosmwasm-vm, on a small multi-contract chain ([`world`]) so that cross-contract queries and
//! submessages run the real contracts (see `docs/bench.md`):
//!
//! - [`escrow_ops`]: lock operations, withdrawal after expiry, checkpoints after 1 and 50
//!   idle weeks;
//! - [`gauge_ops`]: first and changed votes (the escrow queried), gauge checkpoints after 1
//!   and 50 idle weeks;
//! - [`fee_ops`]: fee checkpoints and claims over 1 and 50 weeks (the escrow queried per
//!   week);
//! - [`boost_ops`]: a farm with Curve-boosted pools (the escrow queried) and the escrow's
//!   lock-change notice to it;
//! - [`gauge_notice_ops`]: the notice into a gauge-split farm with ten pools, current and
//!   after 1 and 50 idle weeks.
//!
//! Every call gets a fresh instance from its pinned module over the contract's counting
//! storage; runs are deterministic (fixed addresses, amounts and clock).
pub mod bank;
pub mod boost_ops;
pub mod escrow;
pub mod escrow_ops;
pub mod fee_ops;
pub mod gauge_notice_ops;
pub mod gauge_ops;
pub mod params;
pub mod report;
pub mod stub_contracts;
pub mod world;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use anyhow::{Context, Result};
use cosmwasm_vm::testing::mock_env;
use trellis_types::voting_escrow::WEEK;

use crate::check::{artifact_info, ArtifactInfo};
use crate::farm::write_json;
use crate::vm::{Code, CALL_GAS_LIMIT};
use params::{
    BLOCK_SECONDS, FEE_DENOM, LOCK_AMOUNT, LOCK_DENOM, LONG_IDLE_WEEKS, MAX_LOCK_SECONDS,
    SHORT_IDLE_WEEKS,
};
use report::VeSettings;
pub use report::{print_ve_report, VeReport};

#[derive(Clone, Debug)]
pub struct VeBenchOptions {
    pub escrow_artifact: PathBuf,
    pub controller_artifact: PathBuf,
    pub distributor_artifact: PathBuf,
    pub farm_artifact: PathBuf,
    /// Where to write the JSON results (`None`: do not write).
    pub out: Option<PathBuf>,
    pub capabilities: HashSet<String>,
    /// Progress lines on stderr.
    pub progress: bool,
}

impl VeBenchOptions {
    pub fn new(artifacts_dir: impl Into<PathBuf>, capabilities: HashSet<String>) -> Self {
        let dir = artifacts_dir.into();
        VeBenchOptions {
            escrow_artifact: dir.join("trellis_voting_escrow.wasm"),
            controller_artifact: dir.join("trellis_gauge_controller.wasm"),
            distributor_artifact: dir.join("trellis_fee_distributor.wasm"),
            farm_artifact: dir.join("trellis_farm.wasm"),
            out: Some(PathBuf::from("bench/results.json")),
            capabilities,
            progress: true,
        }
    }
}

/// Reads an artifact, stores it as a chain does on upload and pins it.
pub fn upload(path: &Path, capabilities: &HashSet<String>) -> Result<(ArtifactInfo, Rc<Code>)> {
    let (info, wasm) = artifact_info(path)
        .with_context(|| format!("{} is missing: run scripts/build-wasm.sh", path.display()))?;
    let code = Code::upload(&wasm, capabilities)
        .with_context(|| format!("uploading {}", path.display()))?;
    Ok((info, Rc::new(code)))
}

/// Runs the whole ve group and writes the JSON report if `opts.out` is set.
pub fn run_ve_bench(opts: &VeBenchOptions) -> Result<VeReport> {
    let caps = &opts.capabilities;
    let (escrow_info, escrow) = upload(&opts.escrow_artifact, caps)?;
    let (controller_info, controller) = upload(&opts.controller_artifact, caps)?;
    let (distributor_info, distributor) = upload(&opts.distributor_artifact, caps)?;
    let (farm_info, farm) = upload(&opts.farm_artifact, caps)?;
    let block = mock_env().block;
    let say = |what: &str| {
        if opts.progress {
            eprintln!("ve: {what}");
        }
    };

    say("voting escrow");
    let voting_escrow = escrow_ops::measure_escrow_ops(&escrow, &block)?;
    say("gauge controller");
    let gauge_controller = gauge_ops::measure_gauge_ops(&escrow, &controller, &block)?;
    say("fee distributor");
    let fee_distributor = fee_ops::measure_fee_ops(&escrow, &distributor, &block)?;
    say("boosted farm");
    let mut boosted_farm = boost_ops::measure_boost_ops(&escrow, &farm, &block)?;
    say("lock-change notices into a gauge-split farm");
    boosted_farm.extend(gauge_notice_ops::measure_gauge_notice_ops(
        &escrow,
        &controller,
        &farm,
        &block,
    )?);

    let report = VeReport {
        artifacts: vec![escrow_info, controller_info, distributor_info, farm_info],
        settings: VeSettings {
            block_seconds: BLOCK_SECONDS,
            week_seconds: WEEK,
            max_lock_seconds: MAX_LOCK_SECONDS,
            lock_denom: LOCK_DENOM,
            lock_amount: LOCK_AMOUNT.to_string(),
            fee_denom: FEE_DENOM,
            idle_weeks: [SHORT_IDLE_WEEKS, LONG_IDLE_WEEKS],
            call_gas_limit: CALL_GAS_LIMIT,
        },
        voting_escrow,
        gauge_controller,
        fee_distributor,
        boosted_farm,
    };
    if let Some(out) = &opts.out {
        write_json(out, &report)?;
    }
    Ok(report)
}
