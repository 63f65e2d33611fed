//! `trellis sim --record-chain DIR`: the run's chain written down, so it can be served again
//! over CometBFT RPC (`trellis chain replay DIR/blocks.jsonl`) and followed by
//! `trellis index run` like a live chain. DIR gets:
//! - `blocks.jsonl`: one block per line, with the sim's own heights and times;
//! - `contracts.toml`: the contracts file `trellis index run --contracts` takes (code ids
//!   and tokens).
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use trellis_indexer::Block;
use trellis_testing::RecordedTx;

use crate::commands::index::{CodeEntry, ContractsFile, TokenEntry};
use crate::runner::deploy::World;
use crate::runner::ChainTap;
use crate::scenario::plan::Plan;
use crate::sim_chain::{registrations, Heights};

pub const BLOCKS_FILE: &str = "blocks.jsonl";
pub const CONTRACTS_FILE: &str = "contracts.toml";

/// Writes the run it taps into a folder.
pub struct ChainRecorder {
    dir: PathBuf,
    heights: Heights,
    out: BufWriter<File>,
    pub blocks: u64,
}

/// What an indexer following the run's chain must be told, as a contracts file.
pub fn contracts_file(world: &World, plan: &Plan) -> ContractsFile {
    let (codes, tokens) = registrations(world, plan);
    ContractsFile {
        codes: codes
            .into_iter()
            .map(|(code_id, kind)| CodeEntry {
                code_id,
                kind: kind.to_string(),
            })
            .collect(),
        contracts: Vec::new(),
        tokens: tokens
            .into_iter()
            .map(|t| TokenEntry {
                id: t.id,
                symbol: t.symbol,
                name: t.name,
                decimals: t.decimals,
                kind: t.kind,
            })
            .collect(),
    }
}

impl ChainRecorder {
    /// Creates DIR (it may exist) and its blocks file.
    pub fn create(dir: &Path) -> Result<ChainRecorder> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = dir.join(BLOCKS_FILE);
        let file = File::create(&path).with_context(|| format!("creating {}", path.display()))?;
        Ok(ChainRecorder {
            dir: dir.to_path_buf(),
            heights: Heights::default(),
            out: BufWriter::new(file),
            blocks: 0,
        })
    }

    fn write(&mut self, blocks: Vec<Block>) -> Result<()> {
        for block in blocks {
            serde_json::to_writer(&mut self.out, &block)?;
            self.out.write_all(b"\n")?;
            self.blocks += 1;
        }
        Ok(())
    }
}

impl ChainTap for ChainRecorder {
    fn deployed(&mut self, world: &World, plan: &Plan) -> Result<()> {
        let text = toml::to_string(&contracts_file(world, plan))?;
        let path = self.dir.join(CONTRACTS_FILE);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
    }

    fn transactions(&mut self, txs: Vec<RecordedTx>) -> Result<()> {
        let complete = self.heights.push(txs);
        self.write(complete)
    }

    fn finished(&mut self, world: &World) -> Result<()> {
        let rest = self.heights.finish(world);
        self.write(rest)?;
        self.out.flush()?;
        Ok(())
    }
}
