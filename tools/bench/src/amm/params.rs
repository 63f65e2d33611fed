//! The AMM bench's fixed parameters and the small pure computations of a user's limits.
use anyhow::{anyhow, Result};
use cosmwasm_std::Uint128;

use crate::amm::pool::PoolSpec;

/// Code id the pools are told to instantiate their LP token from (cw20-base on a chain).
pub const LP_TOKEN_CODE_ID: u64 = 2;
/// Swap fee of every pool: 0.3%, of which the protocol takes 20% (a fee collector is set,
/// so the protocol share is really taken and accounted).
pub const SWAP_FEE_BPS: u16 = 30;
pub const PROTOCOL_FEE_SHARE_BPS: u16 = 2_000;
/// Every measured action carries a deadline this far ahead, as a front end would.
pub const DEADLINE_SECS: u64 = 300;
/// Slippage a user accepts: min-outs 1% below, max-ins 1% above the simulation.
pub const SLIPPAGE_BPS: u16 = 100;
const BPS: u128 = 10_000;
/// One block.
pub const BLOCK_SECONDS: u64 = 6;
/// The oracle's minimum sample spacing: one new slot per minute at most.
pub const ORACLE_SPACING_SECS: u64 = 60;
/// Seconds the clock moves before each measured pool operation: one sample spacing, so each
/// is the first action of its block and opens a new oracle slot.
pub const OP_ADVANCE_SECS: u64 = ORACLE_SPACING_SECS;
pub const OP_ADVANCE_BLOCKS: u64 = OP_ADVANCE_SECS / BLOCK_SECONDS;
/// What a measured trade or join moves: 1,000 tokens of 6 decimals, 0.1% of a 1 M side.
pub const ACTION_AMOUNT: u128 = 1_000_000_000;
/// The informational TWAP queries: a 30-minute window ending now, and one ending 6 h ago.
pub const TWAP_WINDOW_SECS: u64 = 30 * 60;
pub const TWAP_AGO_SECS: u64 = 6 * 60 * 60;
/// Ring buffer sizes: the default, and the pool's own maximum.
pub const DEFAULT_ORACLE_CAPACITY: u32 = 1_000;
pub const MAX_ORACLE_CAPACITY: u32 = 10_000;
/// Smallest capacity whose full buffer covers the older TWAP window with a spacing to spare.
pub const MIN_ORACLE_CAPACITY: u32 =
    ((TWAP_AGO_SECS + TWAP_WINDOW_SECS) / ORACLE_SPACING_SECS) as u32 + 2;
// The default run must pass its own validation.
const _: () = assert!(MIN_ORACLE_CAPACITY <= DEFAULT_ORACLE_CAPACITY);
/// Progress lines on stderr while filling the buffer.
pub const PROGRESS_EVERY: u64 = 500;

/// 1 M tokens (6 decimals) per 50% of weight: every pool's spot price starts at 1.
const UNIT_SIDE: u128 = 1_000_000_000_000;

pub const FIFTY_FIFTY: PoolSpec = PoolSpec {
    label: "50/50",
    name: "pool-atom-usdc",
    denoms: ["uatom", "uusdc"],
    weights_pct: [50, 50],
    balances: [UNIT_SIDE, UNIT_SIDE],
};

/// Spot price `(4 M / 0.8) / (1 M / 0.2)` = 1.
pub const EIGHTY_TWENTY: PoolSpec = PoolSpec {
    label: "80/20",
    name: "pool-aly-usdc",
    denoms: ["ualy", "uusdc"],
    weights_pct: [80, 20],
    balances: [4 * UNIT_SIDE, UNIT_SIDE],
};

/// The pool whose buffer gets filled and wrapped, and its twin with a single sample.
pub const ORACLE_FULL: PoolSpec = PoolSpec {
    name: "pool-oracle-full",
    ..FIFTY_FIFTY
};
pub const ORACLE_FRESH: PoolSpec = PoolSpec {
    name: "pool-oracle-fresh",
    ..FIFTY_FIFTY
};

/// The protocol token, hub of two-hop routes.
pub const PROTOCOL_DENOM: &str = "ualy";
/// Route X -> ALY -> Y: a 50/50 X/ALY pool, then an 80/20 ALY/Y pool.
pub const ROUTE_X_ALY: PoolSpec = PoolSpec {
    label: "50/50",
    name: "pool-atom-aly",
    denoms: ["uatom", PROTOCOL_DENOM],
    weights_pct: [50, 50],
    balances: [UNIT_SIDE, UNIT_SIDE],
};
pub const ROUTE_ALY_Y: PoolSpec = PoolSpec {
    label: "80/20",
    name: "pool-aly-osmo",
    denoms: [PROTOCOL_DENOM, "uosmo"],
    weights_pct: [80, 20],
    balances: [4 * UNIT_SIDE, UNIT_SIDE],
};

/// Swaps that fill a buffer of `capacity` and wrap it by a quarter: with the first join's
/// sample that is `capacity + capacity / 4 + 1` samples written, `capacity` kept.
pub fn fill_swaps(capacity: u32) -> u64 {
    u64::from(capacity) + u64::from(capacity / 4)
}

/// A minimum the user accepts: `SLIPPAGE_BPS` below the simulated amount, rounded down (the
/// permissive side for the user).
pub fn min_out_with_slippage(simulated: Uint128) -> Uint128 {
    simulated.multiply_ratio(BPS - u128::from(SLIPPAGE_BPS), BPS)
}

/// A maximum the user pays: `SLIPPAGE_BPS` above the simulated amount, rounded up.
pub fn max_in_with_slippage(simulated: Uint128) -> Result<u128> {
    let scaled = simulated
        .u128()
        .checked_mul(BPS + u128::from(SLIPPAGE_BPS))
        .ok_or_else(|| anyhow!("max in overflows"))?;
    Ok(scaled.div_ceil(BPS))
}

/// Maximum amounts for a proportional join of `amount_0` of asset 0: asset 1 in the pool's
/// ratio (rounded up) plus the slippage margin, so asset 0 binds and part of asset 1 is
/// refunded, as with a front end's slack.
pub fn proportional_max(balances: [u128; 2], amount_0: u128) -> Result<[u128; 2]> {
    if balances[0] == 0 {
        return Err(anyhow!("the pool holds none of asset 0"));
    }
    let scaled = amount_0
        .checked_mul(balances[1])
        .ok_or_else(|| anyhow!("proportional amount overflows"))?;
    let amount_1 = max_in_with_slippage(Uint128::new(scaled.div_ceil(balances[0])))?;
    Ok([amount_0, amount_1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slippage_limits_round_against_strictness() {
        // 1% below 1,000 is 990; below 999 it is 989.01, rounded down to 989.
        assert_eq!(
            min_out_with_slippage(Uint128::new(1_000)),
            Uint128::new(990)
        );
        assert_eq!(min_out_with_slippage(Uint128::new(999)), Uint128::new(989));
        // 1% above 1,000 is 1,010; above 999 it is 1,008.99, rounded up to 1,009.
        assert_eq!(max_in_with_slippage(Uint128::new(1_000)).unwrap(), 1_010);
        assert_eq!(max_in_with_slippage(Uint128::new(999)).unwrap(), 1_009);
        assert!(max_in_with_slippage(Uint128::MAX).is_err());
    }

    #[test]
    fn proportional_join_amounts() {
        // 80/20 pool holding 4 M / 1 M: 1,000 of asset 0 pairs with 250 of asset 1, plus 1%
        // = 252.5, rounded up to 253.
        assert_eq!(
            proportional_max([4_000_000, 1_000_000], 1_000).unwrap(),
            [1_000, 253]
        );
        // 3 : 1 with 10 of asset 0: 10 / 3 = 3.33 -> 4, then 4.04 -> 5.
        assert_eq!(proportional_max([3, 1], 10).unwrap(), [10, 5]);
        assert!(proportional_max([0, 1], 10).is_err());
    }

    #[test]
    fn capacity_bounds() {
        // (21,600 + 1,800) / 60 = 390 spacings, plus 2.
        assert_eq!(MIN_ORACLE_CAPACITY, 392);
        assert_eq!(fill_swaps(1_000), 1_250);
        assert_eq!(OP_ADVANCE_BLOCKS, 10);
    }
}
