//! `trellis chain replay BLOCKS.jsonl [--port N]`: a recorded chain (`trellis sim
//! --record-chain`) served on 127.0.0.1 in CometBFT's JSON-RPC format, so indexers and front
//! ends can be developed against it as against a live node.
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Subcommand};
use trellis_indexer::source::replay::{read_blocks, serve_replay};

#[derive(Debug, Args)]
pub struct ChainArgs {
    #[command(subcommand)]
    pub command: ChainCommand,
}

#[derive(Debug, Subcommand)]
pub enum ChainCommand {
    /// Serve recorded blocks over CometBFT JSON-RPC (status, header, block_results).
    Replay(ReplayArgs),
}

#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// The blocks, one JSON object per line (`trellis sim --record-chain DIR` writes
    /// DIR/blocks.jsonl).
    pub blocks: PathBuf,
    /// The port on 127.0.0.1 (CometBFT's own is 26657).
    #[arg(long, default_value_t = 26657)]
    pub port: u16,
}

pub fn run(args: &ChainArgs) -> Result<ExitCode> {
    match &args.command {
        ChainCommand::Replay(args) => replay(args),
    }
}

fn replay(args: &ReplayArgs) -> Result<ExitCode> {
    let blocks = read_blocks(&args.blocks)?;
    let Some(last) = blocks.iter().map(|b| b.height).max() else {
        anyhow::bail!("{} holds no block", args.blocks.display());
    };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        println!(
            "CometBFT RPC on http://{addr}/: {} recorded blocks, heights up to {last}",
            blocks.len()
        );
        serve_replay(blocks, listener).await
    })?;
    Ok(ExitCode::SUCCESS)
}
