//! The index a swap searches for the next initialized tick. Two implementations with one
//! interface, chosen at build time (docs/cl.md, "Finding the next initialized tick"):
//!
//! - [`ordered`] (default): the tick records themselves, found with one ordered range read;
//! - `bitmap` (feature `tick-bitmap`, a measurement variant): v3's `TickBitmap`, one 256-bit
//!   word per 256 usable ticks, kept next to the records.
//!
//! A tick is initialized while it has a record ([`crate::state::TickInfo::is_needed`]: some
//! position uses it or a farm marks it), so a marked tick without liquidity is found by both.
//! Each exposes:
//!
//! - `Search`: the swap loop's lookup: `next(tick, zero_for_one)`, the next initialized tick
//!   within reach with its record, and `end(zero_for_one)`, where the step goes when there is
//!   none (the end of the range, or of a bitmap word);
//! - `Flips`: the ticks one action gave or took a record (`note`, `add`), written to the
//!   index at once (`apply`);
//! - `MAX_EMPTY_STEPS_PER_SWAP`: how many steps onto an `end` a swap may take besides its
//!   crossings (none for the ordered range, whose end the price limit keeps out of reach).
#[cfg(not(feature = "tick-bitmap"))]
pub mod ordered;
#[cfg(not(feature = "tick-bitmap"))]
pub use ordered::{Flips, Search, MAX_EMPTY_STEPS_PER_SWAP};

// Also built for the default build's unit tests, so `cargo test` covers the bit arithmetic.
#[cfg(any(feature = "tick-bitmap", test))]
pub mod bitmap;
#[cfg(feature = "tick-bitmap")]
pub use bitmap::{Flips, Search, MAX_EMPTY_STEPS_PER_SWAP};
