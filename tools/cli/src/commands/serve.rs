//! `trellis serve --database DB [--port N]`: the GraphQL API over an index.
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The index: a SQLite file or a postgres:// URL.
    #[arg(long)]
    pub database: String,
    /// The port on 127.0.0.1.
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
}

pub fn run(_args: &ServeArgs) -> Result<ExitCode> {
    anyhow::bail!("TODO(helper A): trellis serve")
}
