//! The default index: the tick records themselves. cw-storage-plus encodes `i32` keys
//! big-endian with the sign bit flipped, so byte order is numeric order and one range read
//! finds the next record whatever the distance. Nothing else to keep in sync.
//!
//! Everything here is `#[inline(always)]` and the no-op error type is empty so that the default
//! build compiles to the code it had before the index was split out (same figures, to the unit).
use cosmwasm_std::{Order, StdError, StdResult, Storage};
use cw_storage_plus::Bound;
use trellis_math::cl::{MAX_TICK, MIN_TICK};

use crate::error::ContractError;
use crate::state::{TickInfo, TICKS};

/// A search finds a record or nothing up to the end of the range, which the price limit keeps
/// the swap from reaching: no step ends on a tick that is not initialized.
pub const MAX_EMPTY_STEPS_PER_SWAP: u32 = 0;

/// The swap's lookup over the records.
pub struct Search<'a> {
    storage: &'a dyn Storage,
}

impl<'a> Search<'a> {
    #[inline(always)]
    pub fn new(storage: &'a dyn Storage, _tick_spacing: i32) -> Self {
        Search { storage }
    }

    /// Going down (`zero_for_one`), the greatest record at or below `tick`; going up, the
    /// least above it. One ordered range read, whatever the distance.
    #[inline(always)]
    pub fn next(&mut self, tick: i32, zero_for_one: bool) -> StdResult<Option<(i32, TickInfo)>> {
        next_initialized(self.storage, tick, zero_for_one)
    }

    /// Where a step goes when [`Search::next`] found nothing: the end of the range.
    #[inline(always)]
    pub fn end(&self, zero_for_one: bool) -> i32 {
        if zero_for_one {
            MIN_TICK
        } else {
            MAX_TICK
        }
    }
}

/// The search itself, a function of its own as it was in `ticks.rs`.
fn next_initialized(
    storage: &dyn Storage,
    tick: i32,
    zero_for_one: bool,
) -> StdResult<Option<(i32, TickInfo)>> {
    let mut found = if zero_for_one {
        TICKS.range(
            storage,
            None,
            Some(Bound::inclusive(tick)),
            Order::Descending,
        )
    } else {
        TICKS.range(
            storage,
            Some(Bound::exclusive(tick)),
            None,
            Order::Ascending,
        )
    };
    found.next().transpose()
}

/// The records are the index: a tick gaining or losing its record needs no other write.
pub struct Flips;

impl Flips {
    #[inline(always)]
    pub fn new(_tick_spacing: i32) -> Self {
        Flips
    }

    /// A tick whose record was just saved or removed (`existed`: it had one before).
    #[inline(always)]
    pub fn note(&mut self, _tick: i32, _existed: bool, _info: &TickInfo) {}

    /// A tick that gained or lost its record.
    #[inline(always)]
    pub fn add(&mut self, _tick: i32) {}

    /// Nothing to write. The error type has no values, so a caller's `?` compiles to nothing.
    #[inline(always)]
    pub fn apply(self, _storage: &mut dyn Storage) -> Result<(), Never> {
        Ok(())
    }
}

/// The error of [`Flips::apply`], which cannot fail.
#[derive(Debug)]
pub enum Never {}

impl From<Never> for StdError {
    fn from(never: Never) -> Self {
        match never {}
    }
}

impl From<Never> for ContractError {
    fn from(never: Never) -> Self {
        match never {}
    }
}
