//! `trellis bench`: gas metering in cosmwasm-vm, behind the `bench` cargo feature so that
//! `trellis sim` never builds wasmer.
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

/// Exit code when the binary was built without the `bench` feature.
pub const EXIT_NOT_BUILT: u8 = 2;

/// The command that builds and runs the benchmark.
pub const ENABLE_HINT: &str = "cargo run --release -p trellis-cli --features bench -- bench";

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Arguments passed to the benchmark.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

#[cfg(not(feature = "bench"))]
pub fn run(_args: &BenchArgs) -> Result<ExitCode> {
    eprintln!(
        "trellis bench needs the `bench` feature (it builds cosmwasm-vm, which takes minutes).\n\
         Run it with:\n    {ENABLE_HINT}"
    );
    Ok(ExitCode::from(EXIT_NOT_BUILT))
}

#[cfg(feature = "bench")]
pub fn run(args: &BenchArgs) -> Result<ExitCode> {
    let _ = args;
    anyhow::bail!("the `bench` feature is not wired to trellis-bench yet (see tools/cli/Cargo.toml)")
}
