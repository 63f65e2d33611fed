//! The options group's fixed parameters. Amounts are in base units of 6-decimal tokens.
use cosmwasm_std::Decimal;

use crate::options::pool::PoolShape;

/// One block: the clock moves this much between measured calls.
pub const BLOCK_SECONDS: u64 = 6;
/// The underlying (the protocol token) and the native payment token.
pub const UNDERLYING_DENOM: &str = "utrls";
pub const PAYMENT_DENOM: &str = "uusdc";
/// One token of 6 decimals.
pub const TOKEN: u128 = 1_000_000;

/// Pool A: 80/20 underlying/native payment, 16 M / 1 M: spot `(1 M / 0.2) / (16 M / 0.8)` =
/// 0.25 payment per underlying, underlying first.
pub const POOL_A: PoolShape = PoolShape {
    name: "pool-trls-usdc",
    weights_pct: [80, 20],
    balances: [16_000_000 * TOKEN, 1_000_000 * TOKEN],
};
/// Pool B: 50/50 cw20 payment/underlying, 1 M / 4 M: spot of the underlying 0.25 as well,
/// but with the payment token first (the oracle's orientation must not depend on the order).
pub const POOL_B: PoolShape = PoolShape {
    name: "pool-cusd-trls",
    weights_pct: [50, 50],
    balances: [1_000_000 * TOKEN, 4_000_000 * TOKEN],
};

/// The pools' oracle: the AMM bench's default ring (1,000 samples, one slot a minute).
pub const ORACLE_CAPACITY: u32 = 1_000;
pub const ORACLE_SPACING_SECS: u64 = 60;
/// The options' TWAP: 30 minutes ending now.
pub const TWAP_WINDOW_SECS: u64 = 1_800;
pub const TWAP_AGO_SECS: u64 = 0;

/// Price history before the rows: a swap every 2 minutes for 48 minutes, so the 30-minute
/// window holds 15 price changes.
pub const HISTORY_SWAPS: u64 = 24;
pub const HISTORY_SPACING_SECS: u64 = 120;
/// Each history swap sells `HISTORY_SIZES_BPS[k % 4]` of the offered asset's pool balance at
/// creation; even swaps sell the underlying, odd ones the payment token.
pub const HISTORY_SIZES_BPS: [u128; 4] = [50, 100, 30, 80];

/// Strike at 90% of the TWAP (seed 002), never below 0.1 payment per underlying.
pub const MULTIPLIER_BPS: u32 = 9_000;
pub const MIN_PRICE_PERMILLE: u64 = 100;
/// Most oTOKEN ever issued: 10^9 tokens.
pub const OTOKEN_CAP: u128 = 1_000_000_000 * TOKEN;
/// Underlying each options contract holds in its reserve: 1 M tokens.
pub const RESERVE: u128 = 1_000_000 * TOKEN;
/// What each exercise row exercises: 1,000 oTOKEN.
pub const EXERCISE_AMOUNT: u128 = 1_000 * TOKEN;
/// Exercises carry a deadline this far ahead, as a front end would.
pub const DEADLINE_SECS: u64 = 300;

/// The farm minting oTOKEN: one oTOKEN per second for its only pool.
pub const FARM_RATE: u128 = TOKEN;
pub const FARM_STAKE: u128 = 10_000 * TOKEN;
pub const FARM_LP_DENOM: &str = "ulp-trls-usdc";

// The history must span the window (23 x 120 = 2,760 s > 1,800 s), and the farm's emission
// until the rows (about 2,880 s at 1 oTOKEN a second) must cover one exercise (1,000 oTOKEN).
const _: () = assert!((HISTORY_SWAPS - 1) * HISTORY_SPACING_SECS > TWAP_WINDOW_SECS);
const _: () = assert!((HISTORY_SWAPS * HISTORY_SPACING_SECS) as u128 * FARM_RATE > EXERCISE_AMOUNT);

pub fn min_price() -> Decimal {
    Decimal::permille(MIN_PRICE_PERMILLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimum_price_is_a_tenth() {
        // 100 permille = 0.1 = 10^17 atomics.
        assert_eq!(min_price().atomics().u128(), 100_000_000_000_000_000);
    }
}
