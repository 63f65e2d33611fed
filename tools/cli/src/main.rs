//! `trellis`: simulate Trellis liquidity-mining scenarios on an embedded chain, index a chain
//! and serve the index over GraphQL.
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use trellis_cli::commands::{bench, chain, deploy, index, serve, sim};

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
    /// Follow a chain into an index (SQLite or PostgreSQL), or verify an index.
    Index(index::IndexArgs),
    /// Serve an index over GraphQL (The Graph's query conventions) on 127.0.0.1.
    Serve(serve::ServeArgs),
    /// Serve a recorded chain (`trellis sim --record-chain`) over CometBFT JSON-RPC.
    Chain(chain::ChainArgs),
    /// Deploy Trellis to a live chain from a deployment file (key from the environment).
    Deploy(deploy::DeployArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Sim(args) => sim::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Index(args) => index::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Chain(args) => chain::run(args),
        Command::Deploy(args) => deploy::run(args),
    };
    result.unwrap_or_else(|e| {
        eprintln!("error: {e:#}");
        ExitCode::FAILURE
    })
}
