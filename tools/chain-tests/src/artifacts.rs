//! Which optimized artifact of `scripts/build-wasm.sh` holds each contract.
use std::path::PathBuf;

use anyhow::{Context, Result};
use trellis_testing::ContractKind;

/// The artifact's file name.
pub fn file_name(kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::Cw20Base => "trellis_cw20_token.wasm",
        ContractKind::Farm => "trellis_farm.wasm",
        ContractKind::WeightedPool => "trellis_weighted_pool.wasm",
        ContractKind::PoolFactory => "trellis_pool_factory.wasm",
        ContractKind::Router => "trellis_router.wasm",
        ContractKind::VotingEscrow => "trellis_voting_escrow.wasm",
        ContractKind::GaugeController => "trellis_gauge_controller.wasm",
        ContractKind::FeeDistributor => "trellis_fee_distributor.wasm",
        ContractKind::OptionsToken => "trellis_options_token.wasm",
        ContractKind::ClPool => "trellis_cl_pool.wasm",
        ContractKind::ClFarming => "trellis_cl_farming.wasm",
    }
}

/// The artifacts folder: `TRELLIS_ARTIFACTS`, else the workspace's `artifacts/`.
pub fn dir() -> PathBuf {
    match std::env::var_os("TRELLIS_ARTIFACTS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../artifacts"),
    }
}

pub fn read(kind: ContractKind) -> Result<Vec<u8>> {
    let path = dir().join(file_name(kind));
    std::fs::read(&path).with_context(|| {
        format!(
            "reading {} (build the artifacts with scripts/build-wasm.sh)",
            path.display()
        )
    })
}

/// The test contracts' artifacts (`CONTRACTS_GLOB='tools/chain-tests/contracts/*/Cargo.toml'
/// ARTIFACTS_DIR=artifacts/test scripts/build-wasm.sh`).
pub fn test_dir() -> PathBuf {
    dir().join("test")
}
