//! Trellis gauge controller: vote-escrow holders split their voting slope across gauges each
//! week; gauge types carry risk-class weights (Curve semantics).
//!
//! Map of the crate: `contract` (entry points), `execute/` (one file per concern), `lines`
//! (decaying weight lines with scheduled slope changes, bounded walks and exact history),
//! `weights` (weights at a week: gauge, type sum, total, relative), `query`, `state`,
//! `limits`, `migrate`, `error`.
//!
//! Faults of the original fixed here:
//! - A killed gauge's line is removed from its type sum (bias, slope and scheduled slope
//!   changes), so the total no longer counts weight nobody can receive.
//! - `ChangeGaugeWeight` replaces the gauge's line by a constant and clears its scheduled
//!   slope changes from the gauge and its type, so no change is left to underflow later.
//!   Votes cast before it stop counting (a per-gauge epoch marks them) and may be re-cast at
//!   once. Every line therefore stays exactly the sum of what it holds: no saturation.
//! - A user whose lock expired can still remove a vote (weight 0 needs no lock).
//!
//! Caps: a capped gauge's relative weight is `min(raw, cap)`. The excess is not
//! redistributed: it is simply not emitted to that gauge and stays with the emission source.
pub mod contract;
pub mod error;
pub mod execute;
pub mod limits;
pub mod lines;
pub mod migrate;
pub mod query;
pub mod state;
pub mod weights;

pub use error::ContractError;
