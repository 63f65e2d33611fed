//! `trellis index …`: follow a chain into an index, and check an index against the chain.
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct IndexArgs {
    #[command(subcommand)]
    pub command: IndexCommand,
}

#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    /// Compare every indexed figure with the contracts' own queries at the index's height.
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The index: a SQLite file or a postgres:// URL.
    #[arg(long)]
    pub database: String,
}

pub fn run(args: &IndexArgs) -> Result<ExitCode> {
    match &args.command {
        IndexCommand::Verify(_) => anyhow::bail!("TODO: verify"),
    }
}
