//! Trellis fee distributor: protocol fees received as plain transfers are booked week by week
//! (`CheckpointToken`) and claimed by vote-escrow holders in proportion to their power at each
//! week's start (Curve's FeeDistributor).
//!
//! Map of the crate: `contract` (entry points), `execute/` (one file per message), `query`,
//! `claim_walk` (the bounded week walk shared by `Claim` and `Claimable`), `reply` (a failed
//! claim transfer stays owed), `week_split` (how a
//! receipt is spread over weeks), `voting_escrow` and `balance` (what is read from other
//! contracts), `state`, `limits`, `migrate`, `error`.
pub mod balance;
pub mod claim_walk;
pub mod contract;
pub mod error;
pub mod execute;
pub mod limits;
pub mod migrate;
pub mod query;
pub mod reply;
pub mod state;
pub mod voting_escrow;
pub mod week_split;

pub use error::ContractError;
