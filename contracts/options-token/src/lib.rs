//! Trellis oTOKEN (seed 002): a cw20 (cw20-base as a library) that is a call option on the
//! protocol token. `exercise` burns the caller's options, takes a payment of
//! `ceil(amount * strike)` where `strike = max(ceil(twap * multiplier), min_price)` from a
//! weighted pool's geometric TWAP (never a spot price), sends it to the treasury and delivers
//! the underlying, minted or from a reserve.
//!
//! Map of the crate: `contract` (entry points), `execute/` (cw20 passthrough with the supply
//! books, exercise, reserve, admin, instantiate), `oracle` (TWAP query and strike), `query`,
//! `state`, `migrate`, `error`.
pub mod contract;
pub mod error;
pub mod execute;
pub mod migrate;
pub mod oracle;
pub mod query;
pub mod state;

pub use error::ContractError;
