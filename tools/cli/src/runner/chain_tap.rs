//! A tap on the embedded chain: the run hands every transaction it executed to it, in
//! order, with the deployed world before the first one. `trellis sim --index` taps the run
//! with an indexer; a plain run taps nothing.
use anyhow::Result;
use trellis_testing::RecordedTx;

use super::deploy::World;
use crate::scenario::plan::Plan;

pub trait ChainTap {
    /// Everything is deployed; no transaction has been handed over yet.
    fn deployed(&mut self, world: &World, plan: &Plan) -> Result<()>;
    /// Transactions since the last call, oldest first. The last height given may get more
    /// transactions in the next call.
    fn transactions(&mut self, txs: Vec<RecordedTx>) -> Result<()>;
    /// The run is over: nothing more will come.
    fn finished(&mut self, world: &World) -> Result<()>;
}

/// No tap: transactions are dropped.
pub struct NoTap;

impl ChainTap for NoTap {
    fn deployed(&mut self, _: &World, _: &Plan) -> Result<()> {
        Ok(())
    }
    fn transactions(&mut self, _: Vec<RecordedTx>) -> Result<()> {
        Ok(())
    }
    fn finished(&mut self, _: &World) -> Result<()> {
        Ok(())
    }
}

/// Several taps, each handed everything in turn (`trellis sim --index DB --record-chain DIR`).
pub struct Taps<'a>(pub Vec<&'a mut dyn ChainTap>);

impl ChainTap for Taps<'_> {
    fn deployed(&mut self, world: &World, plan: &Plan) -> Result<()> {
        self.0.iter_mut().try_for_each(|t| t.deployed(world, plan))
    }
    fn transactions(&mut self, txs: Vec<RecordedTx>) -> Result<()> {
        match self.0.split_last_mut() {
            None => Ok(()),
            Some((last, rest)) => {
                for tap in rest {
                    tap.transactions(txs.clone())?;
                }
                last.transactions(txs)
            }
        }
    }
    fn finished(&mut self, world: &World) -> Result<()> {
        self.0.iter_mut().try_for_each(|t| t.finished(world))
    }
}
