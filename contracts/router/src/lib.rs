//! Trellis router: multi-hop swaps along a route of factory pools, weighted and concentrated
//! mixed, and the best-route query (any direct pool, or two hops through the protocol token).
//!
//! Each hop gets its pool kind's own exact-in swap (the factory's record says the kind). A
//! concentrated pool may stop short of its input (end of liquidity, tick bound) and refund the
//! rest to the router: the reply compares the router's offer balance with the one recorded
//! before the hop and refuses the route (`PartialFill`) rather than strand the refund.
//!
//! A route runs one hop at a time. The router sends hop k's input to its pool as a submessage
//! (native coin with `SwapExactIn`, or cw20 `Send` with the pool's `SwapExactIn` hook); the
//! reply learns the amount out and sends the next hop. Intermediate hops pay the router, the
//! last pays the recipient, and the reply to the last hop checks `min_out`: a shortfall fails
//! the whole transaction, so every hop is reverted. The route in flight lives in
//! `state::ROUTE_IN_FLIGHT` and is removed when it ends.
//!
//! Learning a hop's output: a pool answers a swap with `SwapResponse` as its response data,
//! which reaches the router's reply when the router called the pool itself (native offer).
//! When the offer is a cw20, the router calls the token and the token calls the pool in a plain
//! message; wasmd (and cw-multi-test) drop the data of plain messages, so the router measures
//! instead the receiver's balance of the ask asset before and after the hop. See
//! `swap_outcome.rs`.
//!
//! The router has a two-step owner (the instantiating account) whose only power is `Sweep`,
//! the recovery of assets sent to it by mistake.
//!
//! Map of the crate: `contract` (entry points), `execute/` (instantiate, starting a route, sweep),
//! `hop` (one hop's submessage), `reply` (a hop's end), `swap_outcome` (its amount out),
//! `route` (validating a route against the factory), `chain` (queries to the factory and
//! pools), `query`, `state`, `limits`, `migrate`, `error`.
pub mod chain;
pub mod contract;
pub mod error;
pub mod execute;
pub mod hop;
pub mod limits;
pub mod migrate;
pub mod query;
pub mod reply;
pub mod route;
pub mod state;
pub mod swap_outcome;

pub use error::ContractError;
