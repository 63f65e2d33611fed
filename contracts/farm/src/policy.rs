//! Seed 000's allocation policy: solo pools together stay under a maximum share of the
//! total weight, and every native LP pool outweighs every non-native one.
//!
//! The rules themselves are `trellis_math::policy::check`, shared with `trellis sim`.
//! Checks read running sums and the lightest/heaviest entry of two ordered sets, so they
//! never loop over pools. A change is checked on its would-be state before anything is
//! written.
use cosmwasm_std::{Order, Storage};
use trellis_math::policy as rules;
use trellis_types::farm::{AllocationPolicy, PolicyStatusResponse, PoolKind};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::state::{PolicyWeights, Pool, NATIVE_LP, OTHER_LP, POLICY_WEIGHTS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyClass {
    NativeLp,
    OtherLp,
    Solo,
}

/// An LP pool is native when one of its pair assets is the protocol token.
pub fn is_native(kind: &PoolKind, protocol_token: &AssetInfo) -> bool {
    match kind {
        PoolKind::Lp { pair } => pair.iter().any(|a| a == protocol_token),
        PoolKind::Solo => false,
    }
}

pub fn class_of(pool: &Pool) -> PolicyClass {
    match (&pool.kind, pool.native) {
        (PoolKind::Solo, _) => PolicyClass::Solo,
        (PoolKind::Lp { .. }, true) => PolicyClass::NativeLp,
        (PoolKind::Lp { .. }, false) => PolicyClass::OtherLp,
    }
}

/// The weight a pool counts with: zero when deactivated.
pub fn counted_weight(pool: &Pool) -> u64 {
    if pool.active {
        pool.weight
    } else {
        0
    }
}

/// One pool's counted weight going from `old` to `new` (0 = not counted).
#[derive(Clone, Copy, Debug)]
pub struct WeightChange {
    pub pool_id: u64,
    pub class: PolicyClass,
    pub old: u64,
    pub new: u64,
}

/// Checks the policy on the state after `change` and returns the new running sums.
pub fn check(
    storage: &dyn Storage,
    policy: &AllocationPolicy,
    change: WeightChange,
) -> Result<PolicyWeights, ContractError> {
    let mut weights = POLICY_WEIGHTS.load(storage)?;
    let slot = match change.class {
        PolicyClass::Solo => &mut weights.solo_weight,
        PolicyClass::NativeLp | PolicyClass::OtherLp => &mut weights.lp_weight,
    };
    *slot = slot
        .checked_sub(change.old)
        .and_then(|w| w.checked_add(change.new))
        .ok_or(ContractError::Overflow("policy weight"))?;

    // The ordered sets are read only when the rule that needs them is on.
    let (lightest_native, heaviest_other) = if policy.native_pairs_outweigh {
        (
            lightest_native(storage, Some(change))?,
            heaviest_other(storage, Some(change))?,
        )
    } else {
        (None, None)
    };
    rules::check(
        rules_of(policy),
        &rules::PolicyWeights {
            solo_weight: weights.solo_weight,
            lp_weight: weights.lp_weight,
            lightest_native,
            heaviest_other,
        },
    )
    .map_err(violation)?;
    Ok(weights)
}

fn rules_of(policy: &AllocationPolicy) -> rules::PolicyRules {
    rules::PolicyRules {
        max_solo_share_bps: policy.max_solo_share_bps,
        native_pairs_outweigh: policy.native_pairs_outweigh,
    }
}

fn violation(v: rules::PolicyViolation<u64>) -> ContractError {
    match v {
        rules::PolicyViolation::SoloShareExceeded {
            solo_weight,
            total_weight,
            share_bps,
            max_bps,
        } => ContractError::SoloShareExceeded {
            solo_weight,
            total_weight,
            share_bps,
            max_bps,
        },
        rules::PolicyViolation::NativePairNotHeavier {
            native: (native_weight, native_pool),
            other: (other_weight, other_pool),
        } => ContractError::NativePairNotHeavier {
            native_pool,
            native_weight,
            other_pool,
            other_weight,
        },
    }
}

/// Writes a checked change: the running sums and the ordered sets.
pub fn apply(
    storage: &mut dyn Storage,
    change: WeightChange,
    weights: &PolicyWeights,
) -> Result<(), ContractError> {
    POLICY_WEIGHTS.save(storage, weights)?;
    let set = match change.class {
        PolicyClass::NativeLp => NATIVE_LP,
        PolicyClass::OtherLp => OTHER_LP,
        PolicyClass::Solo => return Ok(()),
    };
    if change.old > 0 {
        set.remove(storage, (change.old, change.pool_id));
    }
    if change.new > 0 {
        set.save(storage, (change.new, change.pool_id), &())?;
    }
    Ok(())
}

/// (weight, pool id) of the lightest native LP pool, as it would be after `change`.
fn lightest_native(
    storage: &dyn Storage,
    change: Option<WeightChange>,
) -> Result<Option<(u64, u64)>, ContractError> {
    extreme(
        storage,
        NATIVE_LP,
        Order::Ascending,
        PolicyClass::NativeLp,
        change,
    )
}

/// (weight, pool id) of the heaviest non-native LP pool, as it would be after `change`.
fn heaviest_other(
    storage: &dyn Storage,
    change: Option<WeightChange>,
) -> Result<Option<(u64, u64)>, ContractError> {
    extreme(
        storage,
        OTHER_LP,
        Order::Descending,
        PolicyClass::OtherLp,
        change,
    )
}

/// The first entry of an ordered set in `order`, skipping the changing pool's old entry and
/// considering its new weight. Reads at most two entries.
fn extreme(
    storage: &dyn Storage,
    set: cw_storage_plus::Map<(u64, u64), ()>,
    order: Order,
    class: PolicyClass,
    change: Option<WeightChange>,
) -> Result<Option<(u64, u64)>, ContractError> {
    let changing = change.map(|c| c.pool_id);
    let mut stored = None;
    for key in set.keys(storage, None, None, order).take(2) {
        let (weight, pool_id) = key?;
        if Some(pool_id) != changing {
            stored = Some((weight, pool_id));
            break;
        }
    }
    let candidate = change
        .filter(|c| c.class == class && c.new > 0)
        .map(|c| (c.new, c.pool_id));
    Ok(match (stored, candidate) {
        (Some(s), Some(c)) => Some(match order {
            Order::Ascending => s.min(c),
            Order::Descending => s.max(c),
        }),
        (s, c) => s.or(c),
    })
}

pub fn status(
    storage: &dyn Storage,
    policy: &AllocationPolicy,
) -> Result<PolicyStatusResponse, ContractError> {
    let weights = POLICY_WEIGHTS.load(storage)?;
    let lightest = lightest_native(storage, None)?;
    let heaviest = heaviest_other(storage, None)?;
    let satisfied = rules::check(
        rules_of(policy),
        &rules::PolicyWeights {
            solo_weight: weights.solo_weight,
            lp_weight: weights.lp_weight,
            lightest_native: lightest,
            heaviest_other: heaviest,
        },
    )
    .is_ok();
    let total_weight = weights.lp_weight + weights.solo_weight;
    Ok(PolicyStatusResponse {
        policy: policy.clone(),
        total_weight,
        lp_weight: weights.lp_weight,
        solo_weight: weights.solo_weight,
        solo_share_bps: rules::solo_share_bps(weights.solo_weight, total_weight) as u32,
        min_native_lp_weight: lightest.map(|(w, _)| w),
        max_non_native_lp_weight: heaviest.map(|(w, _)| w),
        satisfied,
    })
}
