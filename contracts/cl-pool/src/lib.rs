//! Trellis concentrated-liquidity pool: Uniswap v3's ranges, ticks and swaps (the math is
//! `trellis_math::cl`), positions as NFTs of the pool's own cw721 collection, a tick-cumulative
//! oracle and a farming hook that costs nothing when a swap crosses no farmed tick.
//!
//! Map of the crate: `contract` (entry points), `execute/` (one file per concern), `swap_engine`
//! (the swap loop, shared by swaps and simulations), `position` (a position's liquidity change
//! and fee credit), `ticks` (per-tick state), `tick_index` (the next-tick search: the ordered
//! range, or v3's bitmap with the `tick-bitmap` feature), `liquidity_amounts`
//! (liquidity from token amounts), `oracle`, `hook` (the farming hook), `nft` (cw721-base glue),
//! `query`, `state` (storage layout), `limits`, `migrate`, `error`. See `docs/cl.md`.
//!
//! # Rounding
//! What a user pays in rounds up and what is paid out or credited rounds down: mint and
//! increase amounts up, decrease amounts down, fees credited to positions down, fee growth per
//! liquidity down, the protocol's share of a fee down (the rest stays with LPs), swap input up
//! and output down (the math crate's `compute_swap_step`).
pub mod contract;
pub mod error;
pub mod execute;
pub mod hook;
pub mod limits;
pub mod liquidity_amounts;
pub mod migrate;
pub mod nft;
pub mod oracle;
pub mod position;
pub mod query;
pub mod state;
pub mod swap_engine;
pub mod tick_index;
pub mod ticks;

pub use error::ContractError;
