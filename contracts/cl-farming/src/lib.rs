//! Trellis farming center for concentrated-liquidity positions (seed 003): one contract with
//! the center, eternal farms and limit farms, so entering a farm is one call.
//!
//! A position NFT of a factory-listed `contracts/cl-pool` is deposited with `SendNft`; its owner
//! enters at most one eternal and one limit farm, exits, collects the pool's fees through the
//! center, and withdraws the NFT once it is in no farm. Each farm keeps a virtual pool of its
//! farmed liquidity (`vpool`), whose ticks are marked on the real pool; the pool's one hook per
//! swap (`hook`) moves it. Rewards are credited to internal balances on exit (`rewards`) and
//! paid by `ClaimReward`, so no token transfer ever keeps a position in.
//!
//! Map of the crate: `contract` (entry points), `admin` (instantiate, owner, migrate), `auth`,
//! `center/` (deposit, fee collection, withdrawal), `farms/` (creation, reserves and rates,
//! deactivation and refunds, loading), `farming/` (enter, exit, what an entry earned),
//! `vpool` (the virtual pool), `hook` (crossing reports), `marks` (which pool ticks stay
//! marked), `tiers`, `rewards` (balances and claims), `funds` (tokens in and out),
//! `pool_link` (factory and pool queries and messages), `reply`, `query`, `state`, `limits`,
//! `validate`, `error`.
// A farm's two token slots (reward, bonus) index several parallel arrays at once.
#![allow(clippy::needless_range_loop)]

pub mod admin;
pub mod auth;
pub mod center;
pub mod contract;
pub mod error;
pub mod farming;
pub mod farms;
pub mod funds;
pub mod hook;
pub mod limits;
pub mod marks;
pub mod pool_link;
pub mod query;
pub mod reply;
pub mod rewards;
pub mod state;
pub mod tiers;
pub mod validate;
pub mod vpool;

pub use error::ContractError;
