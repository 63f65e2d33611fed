//! Where blocks come from: a CometBFT RPC endpoint ([`rpc`]), followed into the index by
//! [`follow`]; [`replay`] serves a recorded chain in CometBFT's format. The embedded chain of
//! `trellis sim --index` hands its blocks to the indexer directly (tools/cli).
pub mod follow;
pub mod replay;
pub mod rfc3339;
pub mod rpc;

use anyhow::Result;

use crate::block::Block;

/// A chain the indexer follows: it reports how far the chain is, and hands over blocks in
/// order.
#[allow(async_fn_in_trait)]
pub trait BlockSource {
    /// The latest height the chain has committed.
    async fn latest_height(&mut self) -> Result<u64>;
    /// The blocks `from..=to` (inclusive), in order.
    async fn blocks(&mut self, from: u64, to: u64) -> Result<Vec<Block>>;
}
