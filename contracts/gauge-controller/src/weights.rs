//! Weights at a week boundary: a gauge's line, a type's sum, a type's weight, the total and a
//! gauge's relative weight. Shared by queries and tests; read-only.
use cosmwasm_std::{Decimal, Order, Storage, Uint128, Uint256};
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::state::{
    type_key, GAUGES, GAUGE_CAPS, GAUGE_LINES, TYPE_LINES, TYPE_NAMES, TYPE_WEIGHTS,
};

pub fn gauge_weight(store: &dyn Storage, gauge: &str, week: u64) -> Result<u128, ContractError> {
    GAUGE_LINES.value_at(store, gauge, week)
}

pub fn type_sum(store: &dyn Storage, gauge_type: u32, week: u64) -> Result<u128, ContractError> {
    TYPE_LINES.value_at(store, &type_key(gauge_type), week)
}

/// The weight set for the latest week at or before `week` (0 before the first).
pub fn type_weight(store: &dyn Storage, gauge_type: u32, week: u64) -> Result<u128, ContractError> {
    let latest = TYPE_WEIGHTS
        .prefix_range(
            store,
            gauge_type,
            None,
            Some(Bound::inclusive(week)),
            Order::Descending,
        )
        .next()
        .transpose()?;
    Ok(latest.map(|(_, w)| w).unwrap_or_default())
}

/// Sum over types of type weight x type sum (at most `MAX_GAUGE_TYPES` types).
pub fn total_weight(store: &dyn Storage, week: u64) -> Result<Uint256, ContractError> {
    let types: Vec<u32> = TYPE_NAMES
        .range(store, None, None, Order::Ascending)
        .map(|r| r.map(|(id, _)| id))
        .collect::<Result<_, _>>()?;
    let mut total = Uint256::zero();
    for t in types {
        let product = Uint256::from(type_weight(store, t, week)?)
            .checked_mul(Uint256::from(type_sum(store, t, week)?))?;
        total = total.checked_add(product)?;
    }
    Ok(total)
}

/// type weight x gauge weight x 1e18 / total, floored (what a gauge gets rounds down), then
/// capped. Zero when the total is zero. A killed gauge's line is zero from its kill on.
pub fn relative_weight(
    store: &dyn Storage,
    gauge: &str,
    week: u64,
) -> Result<Decimal, ContractError> {
    let info = GAUGES
        .may_load(store, gauge)?
        .ok_or_else(|| ContractError::UnknownGauge {
            gauge: gauge.to_string(),
        })?;
    let total = total_weight(store, week)?;
    if total.is_zero() {
        return Ok(Decimal::zero());
    }
    let numerator = Uint256::from(type_weight(store, info.gauge_type, week)?)
        .checked_mul(Uint256::from(gauge_weight(store, gauge, week)?))?
        .checked_mul(Uint256::from(Decimal::one().atomics()))?;
    // numerator <= total * 1e18 because the gauge's term is part of the total, so the
    // quotient is at most 1e18 and fits a u128.
    let raw = Uint128::try_from(numerator / total).map_err(cosmwasm_std::StdError::from)?;
    let relative = Decimal::raw(raw.u128());
    Ok(match cap_at(store, gauge, week)? {
        Some(cap) => relative.min(cap),
        None => relative,
    })
}

/// The cap set for the latest week at or before `week` (none before the first setting).
pub fn cap_at(
    store: &dyn Storage,
    gauge: &str,
    week: u64,
) -> Result<Option<Decimal>, ContractError> {
    let latest = GAUGE_CAPS
        .prefix_range(
            store,
            gauge,
            None,
            Some(Bound::inclusive(week)),
            Order::Descending,
        )
        .next()
        .transpose()?;
    Ok(latest.and_then(|(_, setting)| setting.cap))
}
