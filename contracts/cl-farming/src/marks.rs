//! Which pool ticks must stay marked: a live farm needs a mark on every tick of its virtual
//! pool so the pool reports crossing it. Marking is idempotent on the pool, so new ticks are
//! always marked; a cleared tick is unmarked only when no other live farm of the pool uses it.
use cosmwasm_std::Storage;

use crate::state::{PoolEntry, VIRTUAL_TICKS};

/// Of `cleared` (ticks farm `farm_id` no longer uses), those no other live farm uses either.
pub fn no_longer_needed(
    storage: &dyn Storage,
    pool: &PoolEntry,
    farm_id: u64,
    cleared: Vec<i32>,
) -> Vec<i32> {
    let others: Vec<u64> = pool
        .live
        .iter()
        .flatten()
        .copied()
        .filter(|id| *id != farm_id)
        .collect();
    cleared
        .into_iter()
        .filter(|&tick| {
            others
                .iter()
                .all(|&other| !VIRTUAL_TICKS.has(storage, (other, tick)))
        })
        .collect()
}
