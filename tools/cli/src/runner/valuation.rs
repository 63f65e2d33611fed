//! The valuation arithmetic every APR of the report shares, in integer math: values rounded
//! down, a year of 365 days, and the APR itself,
//! `floor(reward value * year * 10000 / value-seconds)` in basis points, value-seconds summing
//! a stake's value times the seconds it held (each measured value holds until the next).
use cosmwasm_std::{Uint256, Uint512};

pub const SECONDS_PER_YEAR: u64 = 365 * 86_400;
pub const BPS: u64 = 10_000;

/// `floor(numerator * scale / denominator)` in bps, `None` for a zero denominator, capped at
/// `u64::MAX`.
pub fn ratio_bps(numerator: Uint256, scale: u128, denominator: Uint512) -> Option<u64> {
    if denominator.is_zero() {
        return None;
    }
    let scaled = numerator.full_mul(Uint256::from(scale)) / denominator;
    Some(cosmwasm_std::Uint64::try_from(scaled).map_or(u64::MAX, |v| v.u64()))
}

/// `floor(reward_value * year * 10000 / value_secs)`; `None` before any valued second.
pub fn apr_bps(reward_value: Uint256, value_secs: Uint256) -> Option<u64> {
    let scale = SECONDS_PER_YEAR as u128 * BPS as u128;
    ratio_bps(reward_value, scale, value_secs.into())
}

/// `value` held for `secs`, added to `value_secs` (saturating: far above any run's values).
pub fn hold(value_secs: Uint256, value: u128, secs: u64) -> Uint256 {
    value_secs.saturating_add(Uint256::from(value).saturating_mul(Uint256::from(secs)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aprs_in_bps() {
        // 50 earned on 1000 held for half a year: 10% a year, 1000 bps.
        let half_year = hold(Uint256::zero(), 1_000, SECONDS_PER_YEAR / 2);
        assert_eq!(half_year, Uint256::from(15_768_000_000u128));
        assert_eq!(apr_bps(Uint256::from(50u8), half_year), Some(1_000));
        // 1 on 3 for a year: 3333.33 bps, rounded down.
        let year = hold(Uint256::zero(), 3, SECONDS_PER_YEAR);
        assert_eq!(apr_bps(Uint256::one(), year), Some(3_333));
        assert_eq!(apr_bps(Uint256::from(50u8), Uint256::zero()), None);
    }
}
