//! `trellis sim --index DB`: the run's chain, block by block, into an index. The embedded
//! chain is a source like any other: its transactions become [`Block`]s
//! ([`crate::sim_chain`]) and are applied one block per database transaction.
use anyhow::{Context, Result};
use tokio::runtime::Runtime;
use trellis_indexer::{Block, Indexer};
use trellis_testing::RecordedTx;

use crate::runner::deploy::World;
use crate::runner::ChainTap;
use crate::scenario::plan::Plan;
use crate::sim_chain::{registrations, Heights};

/// Indexes the run it taps.
pub struct SimIndex {
    runtime: Runtime,
    indexer: Indexer,
    heights: Heights,
    pub blocks: u64,
    pub events: u64,
    /// Wall time spent applying blocks (the indexer's share of the run), for the bench.
    pub applying: std::time::Duration,
}

impl SimIndex {
    /// Events applied per second of applying.
    pub fn events_per_sec(&self) -> f64 {
        self.events as f64 / self.applying.as_secs_f64().max(1e-9)
    }

    /// Opens (and migrates) the index. It must be empty: a sim starts a new chain.
    pub fn open(database: &str) -> Result<SimIndex> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let indexer = runtime.block_on(Indexer::open(database))?;
        if let Some(cursor) = indexer.cursor() {
            anyhow::bail!(
                "{database} already holds a chain (indexed up to height {}); a sim starts a new \
                 one: give a new database",
                cursor.height
            );
        }
        Ok(SimIndex {
            runtime,
            indexer,
            heights: Heights::default(),
            blocks: 0,
            events: 0,
            applying: std::time::Duration::ZERO,
        })
    }

    fn apply(&mut self, blocks: Vec<Block>) -> Result<()> {
        for block in blocks {
            self.events += block.events.len() as u64;
            self.blocks += 1;
            let started = std::time::Instant::now();
            self.runtime
                .block_on(self.indexer.apply(&block))
                .with_context(|| format!("indexing block {}", block.height))?;
            self.applying += started.elapsed();
        }
        Ok(())
    }
}

impl ChainTap for SimIndex {
    fn deployed(&mut self, world: &World, plan: &Plan) -> Result<()> {
        let (codes, tokens) = registrations(world, plan);
        // Absolute, so `trellis index verify` finds it from any folder.
        let scenario = std::fs::canonicalize(&plan.file)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| plan.file.clone());
        self.runtime.block_on(async {
            for (code_id, kind) in codes {
                self.indexer.register_code(code_id, kind).await?;
            }
            for token in &tokens {
                self.indexer.register_token(token).await?;
            }
            let db = self.indexer.db();
            db.set_meta("source", "sim").await?;
            db.set_meta("scenario", &scenario).await?;
            anyhow::Ok(())
        })
    }

    fn transactions(&mut self, txs: Vec<RecordedTx>) -> Result<()> {
        let complete = self.heights.push(txs);
        self.apply(complete)
    }

    fn finished(&mut self, world: &World) -> Result<()> {
        let rest = self.heights.finish(world);
        self.apply(rest)
    }
}
