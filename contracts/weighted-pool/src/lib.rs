//! Trellis weighted pool: a two-asset Balancer-style AMM with a cw20 LP token,
//! a swap fee of which a protocol share is owed to a fee collector, and a geometric TWAP
//! oracle.
//!
//! Map of the crate: `contract` (entry points), `execute/` (one file per concern), `outcome/`
//! (what each action does, computed once and shared by execution and the `Simulate*`
//! queries), `oracle` (the TWAP ring buffer), `query`, `state` (storage layout), `limits`,
//! `migrate`, `error`. The pool math itself lives in `trellis_math::{weighted,
//! weighted_liquidity, oracle}`.
//!
//! # Accounting
//! Balances are tracked in storage, never read from the bank or the cw20 tokens: donations
//! cannot move the price, and protocol fees owed are kept apart from the liquidity
//! providers' balances (they are not liquidity and do not count in prices or the invariant).
//! The LP supply is tracked too; the pool is the LP token's only minter. The first join
//! mints `MINIMUM_LIQUIDITY` LP tokens to the pool itself, which never redeems them, so the
//! supply never returns to zero. Every amount paid to a user is rounded down and every amount
//! taken from one is rounded up (see the math crate for each formula).
//!
//! # Oracle error bound
//! The oracle keeps the cumulative of `ln(price of asset 0 in asset 1)` over time in units of
//! `trellis_math::oracle::LOG_SCALE` = 1e-12 per second. Each recorded log price is rounded
//! toward -inf to a multiple of 1e-12 (after `ln`'s own 1e-18), cumulatives are exact integer
//! sums, an interpolated window edge is floored by less than one unit, and the mean log is
//! floored at 1e-18. So over a window of `W` seconds the mean log is within
//! `(1 + 2/W) * 1e-12 + 2e-18` of the true one (at most 3e-12 for W >= 1 s), and the TWAP,
//! `exp` of it, is within a relative `e^that - 1`, about 1e-12 for windows of minutes, of the
//! true geometric mean of the prices the pool had, less 1 wei for `exp`'s floor. The direct
//! price reads low and the inverted one high by that much (the stored log rounds down).
//!
//! That is the error of the arithmetic. The second source is the ring buffer: between two
//! samples the cumulative is interpolated as if it grew at a constant rate. A window end at or
//! after the newest sample is exact (the price has not changed since), and so is any edge
//! between samples when one price held between them; otherwise the price can only have
//! changed during the last `min_sample_spacing` seconds before the later sample (while that
//! slot was being moved forward), so the start of a window inside the buffer is exact to one
//! sample spacing. See `oracle` for the mechanics and the tests for a worked case.
pub mod contract;
pub mod error;
pub mod execute;
pub mod limits;
pub mod migrate;
pub mod oracle;
pub mod outcome;
pub mod query;
pub mod state;

pub use error::ContractError;
