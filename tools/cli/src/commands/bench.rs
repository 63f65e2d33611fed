//! `trellis bench`: checks the wasm artifacts like a chain on upload and meters the gas of
//! the farm, the weighted pools (with their oracle), the router, the vote-escrow system
//! (escrow, gauges, fee distributor, boosted farm) and the options token in cosmwasm-vm
//! (`trellis_bench::run_all`). Behind the `bench` cargo feature so that
//! `trellis sim` never builds wasmer.
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

/// Exit code when the binary was built without the `bench` feature.
pub const EXIT_NOT_BUILT: u8 = 2;

/// The command that builds and runs the benchmark.
pub const ENABLE_HINT: &str = "cargo run --release -p trellis-cli --features bench -- bench";

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BenchArgs {
    /// `chain`: SDK gas on the real chain instead (no `bench` feature needed).
    #[command(subcommand)]
    pub target: Option<BenchTarget>,
    /// Folder holding the wasm artifacts (built by scripts/build-wasm.sh).
    #[arg(long, default_value = "artifacts")]
    pub artifacts_dir: PathBuf,
    /// Where to write the combined JSON report.
    #[arg(long, default_value = "bench/results.json")]
    pub out: PathBuf,
    /// No progress lines on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum BenchTarget {
    /// Run the farm and escrow operations on a wasmd chain and record each transaction's SDK
    /// gas_used beside the cosmwasm-vm estimate (start the chain with scripts/wasmd.sh).
    Chain(super::bench_chain::ChainBenchArgs),
}

pub fn run(args: &BenchArgs) -> Result<ExitCode> {
    match &args.target {
        Some(BenchTarget::Chain(chain)) => super::bench_chain::run(chain),
        None => run_vm(args),
    }
}

#[cfg(not(feature = "bench"))]
fn run_vm(_args: &BenchArgs) -> Result<ExitCode> {
    eprintln!(
        "trellis bench needs the `bench` feature (it builds cosmwasm-vm, which takes minutes).\n\
         Run it with:\n    {ENABLE_HINT}"
    );
    Ok(ExitCode::from(EXIT_NOT_BUILT))
}

#[cfg(feature = "bench")]
fn run_vm(args: &BenchArgs) -> Result<ExitCode> {
    let mut options = trellis_bench::RunAllOptions::new(&args.artifacts_dir);
    options.out = Some(args.out.clone());
    options.farm.progress = !args.quiet;
    options.amm.progress = !args.quiet;
    trellis_bench::run_all(&options)?;
    Ok(ExitCode::SUCCESS)
}
