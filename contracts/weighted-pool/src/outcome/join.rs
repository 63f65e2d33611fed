//! Joins: proportional (both assets, or the first join that sets the price) and single-asset.
use cosmwasm_std::Uint128;
use trellis_math::weighted_liquidity::{self as liquidity, MINIMUM_LIQUIDITY};
use trellis_types::weighted_pool::JoinResponse;

use super::{capped, fee_owed_in, protocol_share, require_liquidity, require_nonzero};
use crate::error::ContractError;
use crate::state::{Config, Reserves};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JoinOutcome {
    /// LP tokens for the recipient.
    pub lp_out: Uint128,
    /// LP tokens minted to the pool itself and never redeemable: `MINIMUM_LIQUIDITY` at the
    /// first join, zero afterwards.
    pub lp_locked: Uint128,
    /// Taken from the joiner, pool order.
    pub amounts_in: [Uint128; 2],
    /// Swap fee of a single-asset join, in asset `fee_asset`; zero for proportional joins.
    pub fee: Uint128,
    pub protocol_fee: Uint128,
    pub fee_asset: usize,
}

/// Proportional join within `max_amounts` (pool order). On an empty pool this is the first
/// join: both amounts are taken whole, they set the price, and the supply is their invariant
/// over the amounts scaled to 18 decimals.
pub fn join(
    config: &Config,
    reserves: &Reserves,
    max_amounts: [Uint128; 2],
) -> Result<JoinOutcome, ContractError> {
    if max_amounts.iter().all(Uint128::is_zero) {
        return Err(ContractError::ZeroAmount);
    }
    if reserves.is_empty() {
        return first_join(config, max_amounts);
    }
    let joined = liquidity::join_proportional(reserves.balances, reserves.lp_supply, max_amounts)?;
    Ok(JoinOutcome {
        lp_out: joined.lp_out,
        lp_locked: Uint128::zero(),
        amounts_in: joined.amounts_in,
        fee: Uint128::zero(),
        protocol_fee: Uint128::zero(),
        fee_asset: 0,
    })
}

fn first_join(config: &Config, amounts: [Uint128; 2]) -> Result<JoinOutcome, ContractError> {
    if amounts.iter().any(Uint128::is_zero) {
        return Err(ContractError::FirstJoinNeedsBothAssets {
            amount_0: amounts[0],
            amount_1: amounts[1],
        });
    }
    // The invariant of the amounts scaled to 18 decimals (factor 1 in a legacy pool). The math
    // refuses a supply that does not exceed MINIMUM_LIQUIDITY, so the subtraction cannot
    // underflow; checked anyway.
    let supply = liquidity::initial_lp_supply_scaled(
        amounts,
        config.weight_atomics(),
        config.scaling_decimals(),
    )?;
    let lp_out = supply
        .checked_sub(MINIMUM_LIQUIDITY)
        .map_err(|_| ContractError::Overflow("initial supply below the minimum liquidity"))?;
    Ok(JoinOutcome {
        lp_out,
        lp_locked: MINIMUM_LIQUIDITY,
        amounts_in: amounts,
        fee: Uint128::zero(),
        protocol_fee: Uint128::zero(),
        fee_asset: 0,
    })
}

/// Joining with `amount_in` of asset `asset` only. The part a proportional join would take
/// is fee-free; the math charges the swap fee on the rest and rounds the LP out down.
pub fn join_single(
    config: &Config,
    reserves: &Reserves,
    asset: usize,
    amount_in: Uint128,
) -> Result<JoinOutcome, ContractError> {
    require_nonzero(amount_in)?;
    require_liquidity(reserves)?;
    let balance = reserves.balances[asset];
    let joined = liquidity::join_single(
        balance,
        config.weight_atomics()[asset],
        reserves.lp_supply,
        amount_in,
        config.swap_fee_bps,
    )
    .map_err(capped(amount_in, balance))?;
    let mut amounts_in = [Uint128::zero(); 2];
    amounts_in[asset] = amount_in;
    Ok(JoinOutcome {
        lp_out: joined.lp_out,
        lp_locked: Uint128::zero(),
        amounts_in,
        fee: joined.fee,
        protocol_fee: protocol_share(config, joined.fee),
        fee_asset: asset,
    })
}

impl JoinOutcome {
    /// Everything taken enters the pool except the protocol's share of the fee; the supply
    /// grows by what is minted, the locked minimum included.
    pub fn apply(&self, reserves: &mut Reserves) -> Result<(), ContractError> {
        for i in 0..2 {
            let protocol_fee = fee_owed_in(self.fee_asset, self.protocol_fee, i);
            reserves.deposit(i, self.amounts_in[i], protocol_fee)?;
        }
        reserves.lp_supply = reserves
            .lp_supply
            .checked_add(self.lp_out)
            .and_then(|s| s.checked_add(self.lp_locked))
            .map_err(|_| ContractError::Overflow("LP supply"))?;
        Ok(())
    }

    pub fn response(&self) -> JoinResponse {
        JoinResponse {
            lp_out: self.lp_out,
            amounts_in: self.amounts_in,
            fee: self.fee,
            protocol_fee: self.protocol_fee,
        }
    }
}
