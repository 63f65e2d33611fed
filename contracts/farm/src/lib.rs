//! Trellis farm: stake LP tokens or single tokens, earn a reward token emitted on a
//! schedule and split across pools by allocation weight (under seed 000's allocation policy)
//! or by gauge relative weight (seed 002), on working balances boosted by ve power.
//!
//! Map of the crate: `contract` (entry points), `execute/` (one file per concern),
//! `query`, `accounting` (the two-level accumulator), `gauge` (gauge-split level one),
//! `boost` (working balances), `policy` (allocation rules), `state` (storage layout), `pools` (loading and saving it),
//! `migrate`, `error`.
pub mod accounting;
pub mod boost;
pub mod contract;
pub mod error;
pub mod execute;
pub mod gauge;
pub mod limits;
pub mod lp_factory;
pub mod migrate;
pub mod policy;
pub mod pools;
pub mod query;
pub mod state;

pub use error::ContractError;
