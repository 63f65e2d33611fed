//! The exercise price as docs/options.md defines it, computed here on its own (not with the
//! contract's `trellis_math`) so the bench checks the contract against the definition:
//! `strike = max(ceil(twap * multiplier_bps / 10000), min_price)` in 1e18 fixed point, then
//! `payment = ceil(amount * strike)` in payment base units.
use anyhow::{anyhow, Result};
use cosmwasm_std::{Decimal, Decimal256, Uint128, Uint256};

const BPS: u128 = 10_000;
/// `Decimal` atomics in one.
const ONE: u128 = 1_000_000_000_000_000_000;

/// `ceil(a * b / d)` over 256 bits.
fn mul_div_ceil(a: u128, b: u128, d: u128) -> Result<u128> {
    let product = Uint256::from(a) * Uint256::from(b);
    let d = Uint256::from(d);
    let quotient = product / d;
    let rounded = if (quotient * d) == product {
        quotient
    } else {
        quotient + Uint256::one()
    };
    Uint128::try_from(rounded)
        .map(|r| r.u128())
        .map_err(|_| anyhow!("{a} x {b} / {d} does not fit 128 bits"))
}

/// The strike for `twap` (as the pool reports it) and whether the minimum price set it.
pub fn strike(
    twap: Decimal256,
    multiplier_bps: u32,
    min_price: Decimal,
) -> Result<(Decimal, bool)> {
    let twap = Uint128::try_from(twap.atomics())
        .map_err(|_| anyhow!("TWAP {twap} does not fit 128 bits"))?
        .u128();
    let discounted = Decimal::raw(mul_div_ceil(twap, u128::from(multiplier_bps), BPS)?);
    Ok(if discounted < min_price {
        (min_price, true)
    } else {
        (discounted, false)
    })
}

/// What exercising `amount` at `strike` costs, in payment base units.
pub fn payment(amount: u128, strike: Decimal) -> Result<u128> {
    mul_div_ceil(amount, strike.atomics().u128(), ONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d256(atomics: u128) -> Decimal256 {
        Decimal256::new(Uint256::from(atomics))
    }

    #[test]
    fn design_example() {
        // The docs/options.md example: TWAP 0.012345678901234567, 5,000 bps: 12,345,678,901,234,567 / 2 =
        // 6,172,839,450,617,283.5, rounded up to ...284; 1,000e18 options pay 1,000 times it.
        let (s, clamped) = strike(d256(12_345_678_901_234_567), 5_000, Decimal::zero()).unwrap();
        assert_eq!(s, Decimal::raw(6_172_839_450_617_284));
        assert!(!clamped);
        assert_eq!(payment(1_000 * ONE, s).unwrap(), 6_172_839_450_617_284_000);
    }

    #[test]
    fn minimum_price_clamps() {
        // 90% of 0.1 is 0.09, below the 0.1 minimum: the minimum is the strike.
        let (s, clamped) = strike(d256(ONE / 10), 9_000, Decimal::permille(100)).unwrap();
        assert_eq!(s, Decimal::permille(100));
        assert!(clamped);
        // Exactly at the minimum it is not clamped: 50% of 0.2 = 0.1.
        let (s, clamped) = strike(d256(ONE / 5), 5_000, Decimal::permille(100)).unwrap();
        assert_eq!(s, Decimal::permille(100));
        assert!(!clamped);
    }

    #[test]
    fn payment_rounds_up_so_one_unit_is_never_free() {
        // Strike 0.225 (225e15 atomics): 1 unit costs ceil(0.225) = 1; 4 units ceil(0.9) = 1;
        // 40 units exactly 9; 1,000e6 units exactly 225e6.
        let s = Decimal::raw(225_000_000_000_000_000);
        assert_eq!(payment(1, s).unwrap(), 1);
        assert_eq!(payment(4, s).unwrap(), 1);
        assert_eq!(payment(40, s).unwrap(), 9);
        assert_eq!(payment(1_000_000_000, s).unwrap(), 225_000_000);
        // Strike 1 atomic (1e-18): one unit still pays 1.
        assert_eq!(payment(1, Decimal::raw(1)).unwrap(), 1);
    }

    #[test]
    fn strike_rounds_up_in_the_last_atomic() {
        // 7 atomics x 9,000 / 10,000 = 6.3, rounded up to 7.
        let (s, _) = strike(d256(7), 9_000, Decimal::zero()).unwrap();
        assert_eq!(s, Decimal::raw(7));
        // 10 atomics x 9,000 / 10,000 = 9 exactly.
        let (s, _) = strike(d256(10), 9_000, Decimal::zero()).unwrap();
        assert_eq!(s, Decimal::raw(9));
    }
}
