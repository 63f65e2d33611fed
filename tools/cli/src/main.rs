//! `trellis`: simulate Trellis liquidity-mining scenarios on an embedded chain.
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use trellis_cli::commands::{bench, sim};

#[derive(Debug, Parser)]
#[command(
    name = "trellis",
    version,
    about = "Trellis liquidity mining: simulate scenarios against the real contracts"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a scenario on the embedded chain (cw-multi-test), print a summary and write a report.
    Sim(sim::SimArgs),
    /// Meter contract gas in cosmwasm-vm (needs the `bench` feature).
    Bench(bench::BenchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Sim(args) => sim::run(args),
        Command::Bench(args) => bench::run(args),
    };
    result.unwrap_or_else(|e| {
        eprintln!("error: {e:#}");
        ExitCode::FAILURE
    })
}
