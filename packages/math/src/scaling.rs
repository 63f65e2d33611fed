//! Decimal scaling for weighted pools whose assets have different decimals.
//!
//! As in Balancer, every asset has a scaling factor `10^(18 - decimals)`. Balances and amounts
//! are scaled up to 18 decimals before the weighted math, so the invariant (and the first LP
//! supply, which is the invariant) means the same thing whatever the assets' decimals. Results
//! are scaled back down to an asset's base units: amounts paid to users round down, amounts
//! users owe round up, so the pool never loses the sub-unit remainder.
//!
//! Only the decimals (a `u8`) need be stored; the factor is derived from them.
use cosmwasm_std::Uint128;

use crate::mul_div::Rounding;
use crate::MathError;

/// The precision every balance is scaled up to.
pub const SCALED_DECIMALS: u8 = 18;

/// `10^(18 - decimals)`. Decimals above 18 are `DecimalsTooLarge`.
pub fn scaling_factor(decimals: u8) -> Result<Uint128, MathError> {
    if decimals > SCALED_DECIMALS {
        return Err(MathError::DecimalsTooLarge { decimals });
    }
    // 10^18 fits u128 (max ~3.4e38), so the power cannot overflow.
    Ok(Uint128::new(
        10u128.pow(u32::from(SCALED_DECIMALS - decimals)),
    ))
}

/// `amount * 10^(18 - decimals)`: exact, as scaling up loses nothing.
pub fn scale_up(amount: Uint128, decimals: u8) -> Result<Uint128, MathError> {
    amount
        .checked_mul(scaling_factor(decimals)?)
        .map_err(|_| MathError::Overflow("scale_up"))
}

/// `amount / 10^(18 - decimals)` rounded as asked: `Floor` for what users are paid, `Ceil` for
/// what they owe.
pub fn scale_down(amount: Uint128, decimals: u8, rounding: Rounding) -> Result<Uint128, MathError> {
    let factor = scaling_factor(decimals)?;
    let quotient = amount.u128() / factor.u128();
    let remainder = amount.u128() % factor.u128();
    let rounded = match rounding {
        Rounding::Ceil if remainder > 0 => quotient + 1,
        _ => quotient,
    };
    Ok(Uint128::new(rounded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors_follow_decimals() {
        // 18 decimals: 10^0 = 1; 6 decimals: 10^12; 0 decimals: 10^18.
        assert_eq!(scaling_factor(18).unwrap(), Uint128::new(1));
        assert_eq!(scaling_factor(6).unwrap(), Uint128::new(1_000_000_000_000));
        assert_eq!(
            scaling_factor(0).unwrap(),
            Uint128::new(1_000_000_000_000_000_000)
        );
    }

    #[test]
    fn decimals_above_18_are_refused() {
        assert_eq!(
            scaling_factor(19),
            Err(MathError::DecimalsTooLarge { decimals: 19 })
        );
        assert_eq!(
            scale_up(Uint128::new(1), 255),
            Err(MathError::DecimalsTooLarge { decimals: 255 })
        );
        assert_eq!(
            scale_down(Uint128::new(1), 19, Rounding::Floor),
            Err(MathError::DecimalsTooLarge { decimals: 19 })
        );
    }

    #[test]
    fn scale_up_is_exact() {
        // 2.5 FUSD = 2_500_000 base units at 6 decimals; * 10^12 = 2.5e18.
        assert_eq!(
            scale_up(Uint128::new(2_500_000), 6).unwrap(),
            Uint128::new(2_500_000_000_000_000_000)
        );
        // 18-decimal amounts are unchanged (factor 1).
        assert_eq!(scale_up(Uint128::new(123), 18).unwrap(), Uint128::new(123));
    }

    #[test]
    fn scale_up_overflow_is_typed() {
        // u128::MAX / 10^12 + 1 base units at 6 decimals exceed u128 once scaled.
        let too_big = Uint128::new(u128::MAX / 1_000_000_000_000 + 1);
        assert_eq!(scale_up(too_big, 6), Err(MathError::Overflow("scale_up")));
    }

    #[test]
    fn scale_down_rounds_as_asked() {
        // 2.5e18 + 1 scaled units at 6 decimals: 2_500_000 whole base units and a remainder of 1,
        // so a payout floors to 2_500_000 and a debt ceils to 2_500_001.
        let amount = Uint128::new(2_500_000_000_000_000_001);
        assert_eq!(
            scale_down(amount, 6, Rounding::Floor).unwrap(),
            Uint128::new(2_500_000)
        );
        assert_eq!(
            scale_down(amount, 6, Rounding::Ceil).unwrap(),
            Uint128::new(2_500_001)
        );
        // An exact multiple rounds the same both ways: 2.5e18 / 10^12 = 2_500_000.
        let exact = Uint128::new(2_500_000_000_000_000_000);
        assert_eq!(
            scale_down(exact, 6, Rounding::Ceil).unwrap(),
            Uint128::new(2_500_000)
        );
        // Less than one base unit: floor is 0, ceil is 1.
        assert_eq!(
            scale_down(Uint128::new(999_999_999_999), 6, Rounding::Floor).unwrap(),
            Uint128::zero()
        );
        assert_eq!(
            scale_down(Uint128::new(999_999_999_999), 6, Rounding::Ceil).unwrap(),
            Uint128::new(1)
        );
    }

    #[test]
    fn round_trip_is_identity() {
        // Scaling up is exact, so scaling back down returns the amount under either rounding.
        for decimals in [0u8, 6, 8, 18] {
            let a = Uint128::new(7_654_321);
            let up = scale_up(a, decimals).unwrap();
            assert_eq!(scale_down(up, decimals, Rounding::Floor).unwrap(), a);
            assert_eq!(scale_down(up, decimals, Rounding::Ceil).unwrap(), a);
        }
    }
}
