//! The embedded chain as a chain of blocks: what `trellis sim --index` indexes and
//! `trellis sim --record-chain` writes. All of a height's transactions form its block, in
//! order; heights without a transaction have no block (a replay serves them empty).
use trellis_indexer::tokens::TokenInfo;
use trellis_indexer::{Block, ChainEvent, ContractKind};
use trellis_testing::{ContractKind as Code, RecordedTx};
use trellis_types::asset::AssetInfo;

use crate::runner::deploy::World;
use crate::scenario::plan::Plan;

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

/// Groups the run's transactions into blocks. A height's block is complete once a
/// transaction of a later height arrives, or the run ends.
#[derive(Default)]
pub struct Heights {
    open: Vec<RecordedTx>,
    last: Option<u64>,
}

impl Heights {
    /// The blocks `txs` completes.
    pub fn push(&mut self, txs: Vec<RecordedTx>) -> Vec<Block> {
        let mut complete = Vec::new();
        for tx in txs {
            if self.open.first().is_some_and(|o| o.height != tx.height) {
                complete.extend(self.close());
            }
            self.open.push(tx);
        }
        complete
    }

    /// The open block, then an empty block at the chain's final height if no transaction
    /// landed there: an index ends where the run stopped, so `verify` compares at that
    /// height.
    pub fn finish(&mut self, world: &World) -> Vec<Block> {
        let mut rest: Vec<Block> = self.close().into_iter().collect();
        let height = world.suite.height();
        if self.last.is_none_or(|last| last < height) {
            rest.push(Block {
                height,
                time: world.suite.time(),
                events: Vec::new(),
            });
            self.last = Some(height);
        }
        rest
    }

    fn close(&mut self) -> Option<Block> {
        let block = block_of(&std::mem::take(&mut self.open))?;
        self.last = Some(block.height);
        Some(block)
    }
}
