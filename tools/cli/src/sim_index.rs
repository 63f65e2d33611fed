//! `trellis sim --index DB`: the run's chain, block by block, into an index. The embedded
//! chain is a source like any other: its transactions become [`Block`]s (all of a height's
//! transactions, in order) and are applied one block per database transaction.
use anyhow::{Context, Result};
use tokio::runtime::Runtime;
use trellis_indexer::tokens::TokenInfo;
use trellis_indexer::{Block, ChainEvent, ContractKind, Indexer};
use trellis_testing::{ContractKind as Code, RecordedTx};

use crate::runner::deploy::World;
use crate::runner::ChainTap;
use crate::scenario::plan::Plan;
use trellis_types::asset::AssetInfo;

/// Indexes the run it taps.
pub struct SimIndex {
    runtime: Runtime,
    indexer: Indexer,
    /// Transactions of the latest height, held until the height is complete.
    open: Vec<RecordedTx>,
    pub blocks: u64,
    pub events: u64,
    /// Wall time spent applying blocks (the indexer's share of the run), for the bench.
    pub applying: std::time::Duration,
}

/// All of one height's transactions as a block (`None` for none).
pub fn block_of(txs: &[RecordedTx]) -> Option<Block> {
    let first = txs.first()?;
    Some(Block {
        height: first.height,
        time: first.time,
        events: txs
            .iter()
            .flat_map(|tx| &tx.events)
            .map(|e| ChainEvent {
                kind: e.ty.clone(),
                attributes: e
                    .attributes
                    .iter()
                    .map(|a| (a.key.clone(), a.value.clone()))
                    .collect(),
            })
            .collect(),
    })
}

/// What an indexer must be told of a deployed scenario: the code id of each indexed kind,
/// and the tokens' metadata.
pub fn registrations(world: &World, plan: &Plan) -> (Vec<(u64, ContractKind)>, Vec<TokenInfo>) {
    let codes = world.suite.code_ids();
    let kinds = Code::ALL
        .into_iter()
        .filter_map(|code| Some((codes.get(code), indexed_kind(code)?)))
        .collect();
    let tokens = plan
        .tokens
        .iter()
        .zip(&world.assets)
        .map(|(token, asset)| TokenInfo {
            id: match asset {
                AssetInfo::Native { denom } => denom.clone(),
                AssetInfo::Cw20 { contract_addr } => contract_addr.clone(),
            },
            symbol: token.symbol.clone(),
            name: token.symbol.clone(),
            decimals: token.decimals,
            kind: if token.is_native() { "native" } else { "cw20" }.to_string(),
        })
        .collect();
    (kinds, tokens)
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
            open: Vec::new(),
            blocks: 0,
            events: 0,
            applying: std::time::Duration::ZERO,
        })
    }

    fn apply(&mut self, txs: Vec<RecordedTx>) -> Result<()> {
        let Some(block) = block_of(&txs) else {
            return Ok(());
        };
        self.events += block.events.len() as u64;
        self.blocks += 1;
        let started = std::time::Instant::now();
        self.runtime
            .block_on(self.indexer.apply(&block))
            .with_context(|| format!("indexing block {}", block.height))?;
        self.applying += started.elapsed();
        Ok(())
    }
}

/// The indexer's kind of a stored code (cw20 tokens have no handler: their metadata is
/// registered, their transfers are not indexed).
fn indexed_kind(code: Code) -> Option<ContractKind> {
    Some(match code {
        Code::Cw20Base => return None,
        Code::Farm => ContractKind::Farm,
        Code::WeightedPool => ContractKind::WeightedPool,
        Code::PoolFactory => ContractKind::PoolFactory,
        Code::Router => ContractKind::Router,
        Code::VotingEscrow => ContractKind::VotingEscrow,
        Code::GaugeController => ContractKind::GaugeController,
        Code::FeeDistributor => ContractKind::FeeDistributor,
        Code::OptionsToken => ContractKind::OptionsToken,
        Code::ClPool => ContractKind::ClPool,
        Code::ClFarming => ContractKind::ClFarming,
    })
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
        for tx in txs {
            if self.open.first().is_some_and(|o| o.height != tx.height) {
                let complete = std::mem::take(&mut self.open);
                self.apply(complete)?;
            }
            self.open.push(tx);
        }
        Ok(())
    }

    fn finished(&mut self, world: &World) -> Result<()> {
        let last = std::mem::take(&mut self.open);
        self.apply(last)?;
        // The index ends at the chain's final height even when that block had no
        // transaction, so `verify` compares at the height the run stopped.
        let height = world.suite.height();
        if self.indexer.cursor().is_none_or(|c| c.height < height) {
            let block = Block {
                height,
                time: world.suite.time(),
                events: Vec::new(),
            };
            self.blocks += 1;
            self.runtime.block_on(self.indexer.apply(&block))?;
        }
        Ok(())
    }
}
