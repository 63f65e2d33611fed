//! `trellis index …`: follow a chain into an index, and check an index against the chain.
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use serde::{Deserialize, Serialize};
use trellis_indexer::source::follow::{follow, FollowOptions};
use trellis_indexer::source::rpc::{RpcOptions, RpcSource};
use trellis_indexer::tokens::TokenInfo;
use trellis_indexer::{ContractKind, Indexer};

#[derive(Debug, Args)]
pub struct IndexArgs {
    #[command(subcommand)]
    pub command: IndexCommand,
}

#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    /// Follow a CometBFT RPC endpoint into an index; resumes after the index's cursor.
    Run(RunArgs),
    /// Compare every indexed figure with the contracts' own queries at the index's height.
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The chain's CometBFT RPC endpoint, e.g. http://127.0.0.1:26657.
    #[arg(long)]
    pub rpc: String,
    /// The index: a SQLite file or a postgres:// URL.
    #[arg(long)]
    pub database: String,
    /// What to index (TOML: `[[codes]] code_id, kind`, `[[contracts]] address, kind, label`,
    /// `[[tokens]] id, symbol, name, decimals, kind`), registered before the first block.
    #[arg(long)]
    pub contracts: Option<PathBuf>,
    /// The first height to index when the index is empty.
    #[arg(long, default_value_t = 1)]
    pub start_height: u64,
    /// Stop once this height is indexed.
    #[arg(long)]
    pub until: Option<u64>,
    /// Heights per JSON-RPC batch.
    #[arg(long, default_value_t = 20)]
    pub batch: u64,
    /// Keep following: poll for new blocks every this many milliseconds once caught up.
    #[arg(long)]
    pub follow_ms: Option<u64>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The index: a SQLite file or a postgres:// URL.
    #[arg(long)]
    pub database: String,
}

/// The contracts file of `trellis index run`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContractsFile {
    #[serde(default)]
    pub codes: Vec<CodeEntry>,
    #[serde(default)]
    pub contracts: Vec<ContractEntry>,
    #[serde(default)]
    pub tokens: Vec<TokenEntry>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CodeEntry {
    pub code_id: u64,
    pub kind: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContractEntry {
    pub address: String,
    pub kind: String,
    #[serde(default)]
    pub label: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TokenEntry {
    pub id: String,
    pub symbol: String,
    #[serde(default)]
    pub name: String,
    pub decimals: u8,
    pub kind: String,
}

pub fn run(args: &IndexArgs) -> Result<ExitCode> {
    match &args.command {
        IndexCommand::Run(args) => run_follow(args),
        IndexCommand::Verify(args) => crate::commands::verify::run(args),
    }
}

fn run_follow(args: &RunArgs) -> Result<ExitCode> {
    let file: ContractsFile = match &args.contracts {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            toml::from_str(&text).with_context(|| format!("{}", path.display()))?
        }
        None => ContractsFile::default(),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let mut indexer = Indexer::open(&args.database).await?;
        // Registration is idempotent: a restart registers the same again.
        for code in &file.codes {
            let kind: ContractKind = code.kind.parse()?;
            indexer.register_code(code.code_id, kind).await?;
        }
        for contract in &file.contracts {
            let kind: ContractKind = contract.kind.parse()?;
            indexer
                .register(&contract.address, kind, &contract.label)
                .await?;
        }
        for token in &file.tokens {
            indexer
                .register_token(&TokenInfo {
                    id: token.id.clone(),
                    symbol: token.symbol.clone(),
                    name: token.name.clone(),
                    decimals: token.decimals,
                    kind: token.kind.clone(),
                })
                .await?;
        }
        indexer.db().set_meta("source", &args.rpc).await?;
        let mut source = RpcSource::new(
            &args.rpc,
            RpcOptions {
                batch: args.batch,
                ..RpcOptions::default()
            },
        )?;
        let options = FollowOptions {
            start_height: args.start_height,
            until: args.until,
            poll: args.follow_ms.map(Duration::from_millis),
            batch: args.batch,
        };
        let report = follow(&mut indexer, &mut source, &options).await?;
        let height = indexer.cursor().map_or(0, |c| c.height);
        println!(
            "indexed {} blocks ({} events) from {}; {} stands at height {height}",
            report.blocks, report.events, args.rpc, args.database
        );
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
