//! Checks shared by instantiate, `UpdateConfig` and `CreatePool`. Each returns the canonical
//! value to store or a typed error naming the offending value.
use cosmwasm_std::{Addr, Api, Decimal, Uint256};
use trellis_math::cl::{FEE_PIPS_DENOMINATOR, MAX_SQRT_PRICE, MIN_SQRT_PRICE};
use trellis_math::scaling::SCALED_DECIMALS;
use trellis_types::cl_pool::{FeeTier, MAX_TICK_SPACING};
use trellis_types::weighted_pool::{OracleConfig, WeightedAssetInfo};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::limits::{MAX_ORACLE_CAPACITY, MAX_PROTOCOL_FEE_SHARE_BPS, MAX_SWAP_FEE_BPS};

/// Smallest weight of a pool asset: 1% (the pool math's `MIN_WEIGHT`).
pub const MIN_WEIGHT: Decimal = Decimal::percent(1);

pub fn address(api: &dyn Api, field: &'static str, address: &str) -> Result<Addr, ContractError> {
    api.addr_validate(address)
        .map_err(|e| ContractError::InvalidAddress {
            field,
            address: address.to_string(),
            reason: e.to_string(),
        })
}

pub fn asset(api: &dyn Api, asset: &AssetInfo) -> Result<AssetInfo, ContractError> {
    asset
        .validate(api)
        .map_err(|e| ContractError::InvalidAsset {
            asset: asset.to_string(),
            reason: e.to_string(),
        })
}

/// Both assets validated and distinct.
pub fn pair(api: &dyn Api, assets: &[AssetInfo; 2]) -> Result<[AssetInfo; 2], ContractError> {
    let a = asset(api, &assets[0])?;
    let b = asset(api, &assets[1])?;
    if a == b {
        return Err(ContractError::IdenticalAssets {
            asset: a.to_string(),
        });
    }
    Ok([a, b])
}

/// Distinct valid assets, each weight at least [`MIN_WEIGHT`], weights summing to exactly 1,
/// each asset's decimals at most 18 (the pool scales balances up to 18 decimals).
pub fn weighted_assets(
    api: &dyn Api,
    assets: &[WeightedAssetInfo; 2],
) -> Result<[WeightedAssetInfo; 2], ContractError> {
    let [a, b] = pair(api, &[assets[0].info.clone(), assets[1].info.clone()])?;
    for side in assets {
        if side.weight < MIN_WEIGHT {
            return Err(ContractError::WeightTooSmall {
                asset: side.info.to_string(),
                weight: side.weight,
                min: MIN_WEIGHT,
            });
        }
        if side.decimals > SCALED_DECIMALS {
            return Err(ContractError::DecimalsTooLarge {
                asset: side.info.to_string(),
                decimals: side.decimals,
                max: SCALED_DECIMALS,
            });
        }
    }
    // Saturating: a sum that overflows is certainly not 1 and is reported as Decimal::MAX.
    let sum = assets[0].weight.saturating_add(assets[1].weight);
    if sum != Decimal::one() {
        return Err(ContractError::WeightsDoNotSumToOne { sum });
    }
    Ok([
        WeightedAssetInfo {
            info: a,
            weight: assets[0].weight,
            decimals: assets[0].decimals,
        },
        WeightedAssetInfo {
            info: b,
            weight: assets[1].weight,
            decimals: assets[1].decimals,
        },
    ])
}

pub fn swap_fee(swap_fee_bps: u16) -> Result<u16, ContractError> {
    if swap_fee_bps > MAX_SWAP_FEE_BPS {
        return Err(ContractError::SwapFeeTooHigh {
            swap_fee_bps,
            max: MAX_SWAP_FEE_BPS,
        });
    }
    Ok(swap_fee_bps)
}

/// A tier a concentrated pool accepts: a fee below 100% and `1 <= spacing <=
/// MAX_TICK_SPACING`.
pub fn cl_fee_tier(tier: FeeTier) -> Result<FeeTier, ContractError> {
    if tier.fee_pips >= FEE_PIPS_DENOMINATOR {
        return Err(ContractError::ClFeeTooHigh {
            fee_pips: tier.fee_pips,
            max: FEE_PIPS_DENOMINATOR - 1,
        });
    }
    if !(1..=MAX_TICK_SPACING).contains(&tier.tick_spacing) {
        return Err(ContractError::TickSpacingOutOfRange {
            tick_spacing: tier.tick_spacing,
            max: MAX_TICK_SPACING,
        });
    }
    Ok(tier)
}

/// An initial price a concentrated pool accepts: `MIN_SQRT_PRICE <= p < MAX_SQRT_PRICE`.
pub fn sqrt_price(sqrt_price: Uint256) -> Result<Uint256, ContractError> {
    if sqrt_price < MIN_SQRT_PRICE || sqrt_price >= MAX_SQRT_PRICE {
        return Err(ContractError::SqrtPriceOutOfRange { sqrt_price });
    }
    Ok(sqrt_price)
}

pub fn protocol_fee_share(share_bps: u16) -> Result<u16, ContractError> {
    if share_bps > MAX_PROTOCOL_FEE_SHARE_BPS {
        return Err(ContractError::ProtocolFeeShareTooHigh {
            share_bps,
            max: MAX_PROTOCOL_FEE_SHARE_BPS,
        });
    }
    Ok(share_bps)
}

pub fn oracle(oracle: OracleConfig) -> Result<OracleConfig, ContractError> {
    if oracle.capacity == 0 || oracle.capacity > MAX_ORACLE_CAPACITY {
        return Err(ContractError::OracleCapacityOutOfRange {
            capacity: oracle.capacity,
            max: MAX_ORACLE_CAPACITY,
        });
    }
    if oracle.min_sample_spacing == 0 {
        return Err(ContractError::ZeroSampleSpacing);
    }
    Ok(oracle)
}

pub fn code_id(field: &'static str, code_id: u64) -> Result<u64, ContractError> {
    if code_id == 0 {
        return Err(ContractError::ZeroCodeId { field });
    }
    Ok(code_id)
}
