//! Trellis pool factory: creates weighted pools (`contracts/weighted-pool`) and
//! concentrated-liquidity pools (`contracts/cl-pool`) from stored code ids, refuses duplicates,
//! lists pools and knows the protocol token.
//!
//! A weighted pool is identified by its pair of assets and its weights, a concentrated pool by
//! its pair and fee: one pair may have several pools (e.g. 50/50, 80/20 and a 0.3% concentrated
//! pool), at most [`limits::MAX_POOLS_PER_PAIR`] listed of any kind, but never two listed with
//! the same weights, or the same concentrated fee, on the same assets.
//!
//! Creation is two-step: `CreatePool` / `CreateClPool` validates everything, keeps the request
//! in `state::PENDING_POOL` and instantiates the pool as a submessage; the reply (`reply.rs`)
//! reads the new address, asks a weighted pool for its LP token (the pool instantiated it in
//! its own nested reply, which has completed by then) and records the pool.
//!
//! Pools are instantiated with the factory's owner at that moment as both their cw-ownable
//! owner (fee collector and protocol share) and their wasm admin (code migrations), so one
//! governance account runs every pool. A factory whose ownership was renounced creates pools
//! owned by the factory itself, which never acts on them, and with no admin: such pools are
//! immutable.
//!
//! Creation is owner-only unless the owner opens it (`permissionless_creation`); every
//! creation, of any pool kind, passes `creation_gate::authorize` (owner or open; fee tiers and
//! the factory's oracle for non-owners). The owner can delist a pool: it leaves the pair lists
//! and `PoolByLpToken` (routers and farms), stays readable through `PoolStatus`, and keeps
//! working for its LPs.
//!
//! Map of the crate: `contract` (entry points), `execute/` (one file per concern; `new_pool` holds what both creations share), `reply`,
//! `query`, `creation_gate`, `fee_tiers`, `registry` (records, their indexes and listing),
//! `validate` (the checks shared by instantiate, update and create), `decimals` (declared
//! decimals against cw20 `TokenInfo`), `reply_data` (reading an
//! instantiated address from a reply), `state`, `limits`, `migrate`, `error`.
pub mod contract;
pub mod creation_gate;
pub mod decimals;
pub mod error;
pub mod execute;
pub mod fee_tiers;
pub mod limits;
pub mod migrate;
pub mod query;
pub mod registry;
pub mod reply;
pub mod reply_data;
pub mod state;
pub mod validate;

pub use error::ContractError;
