//! Trellis voting escrow: lock a token for voting power that decays linearly to the lock's
//! end (Curve semantics), with exact answers for any past or future time.
//!
//! Map of the crate: `contract` (entry points), `execute/` (one file per concern), `history`
//! (global and per-user points, slope changes, the bounded checkpoint and the searches by
//! time), `listeners` (notifications that can never block a user), `query`, `state`,
//! `limits`, `migrate`, `error`.
//!
//! History behind by more than [`limits::MAX_WEEKS_PER_CHECKPOINT`] weeks: a lock change
//! walks the global line up to that bound inside its own transaction; if it still has not
//! reached the block time it is refused with `CheckpointRequired { weeks_behind }` and
//! changes nothing. Anyone can then call `Checkpoint {}` (each call advances and stores up to
//! the bound) until the lock change fits. `Withdraw` never needs the walk: an expired lock
//! no longer weighs in the global line.
pub mod contract;
pub mod error;
pub mod execute;
pub mod history;
pub mod limits;
pub mod listeners;
pub mod migrate;
pub mod query;
pub mod state;

pub use error::ContractError;
