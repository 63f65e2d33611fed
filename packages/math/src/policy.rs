//! The farm's allocation policy as one pure check, shared by the farm contract (on the
//! would-be state of every weight change) and by `trellis sim` (on every state a scenario
//! walks through before it runs), so the two can never disagree.
//!
//! Two rules: solo pools together hold at most `max_solo_share_bps` of the total weight, and,
//! when `native_pairs_outweigh` is set, the lightest LP pool paired with the protocol token
//! is heavier than the heaviest other LP pool. Pools of weight 0 do not count.

const BPS: u128 = 10_000;

/// The policy's parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyRules {
    pub max_solo_share_bps: u32,
    pub native_pairs_outweigh: bool,
}

/// The weights the policy looks at. `Id` names a pool (the farm's pool id, the sim's index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyWeights<Id> {
    /// Sum of the solo pools' counted weights.
    pub solo_weight: u64,
    /// Sum of the LP pools' counted weights.
    pub lp_weight: u64,
    /// (weight, pool) of the lightest native LP pool of positive weight.
    pub lightest_native: Option<(u64, Id)>,
    /// (weight, pool) of the heaviest non-native LP pool of positive weight.
    pub heaviest_other: Option<(u64, Id)>,
}

/// Which rule a state breaks, with what the message needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyViolation<Id> {
    SoloShareExceeded {
        solo_weight: u64,
        total_weight: u64,
        share_bps: u64,
        max_bps: u32,
    },
    NativePairNotHeavier {
        native: (u64, Id),
        other: (u64, Id),
    },
}

/// The solo pools' share of the total weight in basis points, rounded up so a share just
/// above the cap never reads as at it. 0 when nothing has weight.
pub fn solo_share_bps(solo_weight: u64, total_weight: u64) -> u64 {
    share_bps(solo_weight as u128, total_weight as u128)
}

fn share_bps(solo: u128, total: u128) -> u64 {
    if total == 0 {
        return 0;
    }
    // solo <= total, so the quotient is at most 10_000.
    (solo * BPS).div_ceil(total) as u64
}

/// `Ok` when `weights` satisfy `rules`; the solo share is checked first.
pub fn check<Id: Copy>(
    rules: PolicyRules,
    weights: &PolicyWeights<Id>,
) -> Result<(), PolicyViolation<Id>> {
    // u64 + u64 and u64 * 10_000 fit u128: no overflow whatever the weights.
    let total = weights.solo_weight as u128 + weights.lp_weight as u128;
    // solo / total <= max / 10_000, compared without division.
    if weights.solo_weight as u128 * BPS > rules.max_solo_share_bps as u128 * total {
        return Err(PolicyViolation::SoloShareExceeded {
            solo_weight: weights.solo_weight,
            total_weight: u64::try_from(total).unwrap_or(u64::MAX),
            share_bps: share_bps(weights.solo_weight as u128, total),
            max_bps: rules.max_solo_share_bps,
        });
    }
    if rules.native_pairs_outweigh {
        if let (Some(native), Some(other)) = (weights.lightest_native, weights.heaviest_other) {
            if native.0 <= other.0 {
                return Err(PolicyViolation::NativePairNotHeavier { native, other });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: PolicyRules = PolicyRules {
        max_solo_share_bps: 2_500,
        native_pairs_outweigh: true,
    };

    fn weights(solo: u64, lp: u64, native: Option<u64>, other: Option<u64>) -> PolicyWeights<u8> {
        PolicyWeights {
            solo_weight: solo,
            lp_weight: lp,
            lightest_native: native.map(|w| (w, 1)),
            heaviest_other: other.map(|w| (w, 2)),
        }
    }

    #[test]
    fn the_solo_cap_is_inclusive() {
        // 25 of 100 is exactly 2,500 bps: allowed.
        assert_eq!(check(RULES, &weights(25, 75, None, None)), Ok(()));
        // 26 of 101: 26 * 10_000 = 260_000 > 2_500 * 101 = 252_500, refused; the share is
        // ceil(260_000 / 101) = ceil(2_574.25) = 2_575 bps.
        assert_eq!(
            check(RULES, &weights(26, 75, None, None)),
            Err(PolicyViolation::SoloShareExceeded {
                solo_weight: 26,
                total_weight: 101,
                share_bps: 2_575,
                max_bps: 2_500
            })
        );
    }

    #[test]
    fn an_empty_farm_and_an_all_solo_farm() {
        // Nothing weighted: 0 > 0 is false, allowed.
        assert_eq!(check(RULES, &weights(0, 0, None, None)), Ok(()));
        assert_eq!(solo_share_bps(0, 0), 0);
        // All solo: 10_000 bps > 2_500.
        assert!(matches!(
            check(RULES, &weights(5, 0, None, None)),
            Err(PolicyViolation::SoloShareExceeded {
                share_bps: 10_000,
                ..
            })
        ));
    }

    #[test]
    fn native_pairs_must_be_strictly_heavier() {
        assert_eq!(check(RULES, &weights(0, 30, Some(16), Some(14))), Ok(()));
        assert_eq!(
            check(RULES, &weights(0, 30, Some(15), Some(15))),
            Err(PolicyViolation::NativePairNotHeavier {
                native: (15, 1),
                other: (15, 2)
            })
        );
        // One side missing: nothing to compare.
        assert_eq!(check(RULES, &weights(0, 30, None, Some(30))), Ok(()));
        // The rule off: equal weights pass.
        let off = PolicyRules {
            native_pairs_outweigh: false,
            ..RULES
        };
        assert_eq!(check(off, &weights(0, 30, Some(15), Some(15))), Ok(()));
    }

    #[test]
    fn weights_near_u64_max_do_not_overflow() {
        // total = 2 * u64::MAX fits u128; the share is ceil(10_000 / 2) = 5_000 bps; the total
        // reported saturates at u64::MAX.
        assert_eq!(
            check(RULES, &weights(u64::MAX, u64::MAX, None, None)),
            Err(PolicyViolation::SoloShareExceeded {
                solo_weight: u64::MAX,
                total_weight: u64::MAX,
                share_bps: 5_000,
                max_bps: 2_500
            })
        );
    }
}
