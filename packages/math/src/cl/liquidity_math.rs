//! Applying a signed liquidity change to an unsigned liquidity.
use crate::MathError;

/// `liquidity + delta`, exact. LiquidityUnderflow below zero, LiquidityOverflow above u128.
pub fn add_delta(liquidity: u128, delta: i128) -> Result<u128, MathError> {
    let magnitude = delta.unsigned_abs();
    if delta < 0 {
        liquidity
            .checked_sub(magnitude)
            .ok_or(MathError::LiquidityUnderflow { liquidity, delta })
    } else {
        liquidity
            .checked_add(magnitude)
            .ok_or(MathError::LiquidityOverflow { liquidity, delta })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_and_subtracts_exactly() {
        assert_eq!(add_delta(1, 0), Ok(1));
        assert_eq!(add_delta(1, -1), Ok(0));
        assert_eq!(add_delta(1, 1), Ok(2));
        // 2^128 - 15 + 14 = 2^128 - 1: the largest liquidity is reachable.
        assert_eq!(add_delta(u128::MAX - 14, 14), Ok(u128::MAX));
        // i128::MIN = -2^127 has no positive i128 counterpart; its magnitude still applies.
        assert_eq!(add_delta(1 << 127, i128::MIN), Ok(0));
    }

    #[test]
    fn refuses_to_leave_u128() {
        // 2^128 - 15 + 15 = 2^128.
        assert_eq!(
            add_delta(u128::MAX - 14, 15),
            Err(MathError::LiquidityOverflow {
                liquidity: u128::MAX - 14,
                delta: 15
            })
        );
        // 0 - 1 and 3 - 4 are negative.
        assert_eq!(
            add_delta(0, -1),
            Err(MathError::LiquidityUnderflow {
                liquidity: 0,
                delta: -1
            })
        );
        assert_eq!(
            add_delta(3, -4),
            Err(MathError::LiquidityUnderflow {
                liquidity: 3,
                delta: -4
            })
        );
        // (2^127 - 1) - 2^127 = -1.
        assert_eq!(
            add_delta((1 << 127) - 1, i128::MIN),
            Err(MathError::LiquidityUnderflow {
                liquidity: (1 << 127) - 1,
                delta: i128::MIN
            })
        );
    }
}
