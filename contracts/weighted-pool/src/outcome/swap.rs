//! Swaps: the asset in is `offer`, the asset out the other one.
use cosmwasm_std::Uint128;
use trellis_math::weighted;
use trellis_types::weighted_pool::SwapResponse;

use super::{capped, protocol_share, require_liquidity, require_nonzero};
use crate::error::ContractError;
use crate::state::{Config, Reserves};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapOutcome {
    pub offer: usize,
    pub ask: usize,
    /// Taken from the trader, fee included.
    pub amount_in: Uint128,
    pub amount_out: Uint128,
    /// Swap fee in the asset in.
    pub fee: Uint128,
    /// Part of `fee` owed to the collector.
    pub protocol_fee: Uint128,
}

/// Selling exactly `amount_in` of asset `offer`. The math charges the fee on the amount in
/// (rounded up) and rounds the amount out down.
pub fn swap_exact_in(
    config: &Config,
    reserves: &Reserves,
    offer: usize,
    amount_in: Uint128,
) -> Result<SwapOutcome, ContractError> {
    require_nonzero(amount_in)?;
    require_liquidity(reserves)?;
    let ask = 1 - offer;
    let (b, w) = (reserves.balances, config.weight_atomics());
    let amounts = weighted::swap_exact_in(
        b[offer],
        w[offer],
        b[ask],
        w[ask],
        amount_in,
        config.swap_fee_bps,
    )
    .map_err(capped(amount_in, b[offer]))?;
    if amounts.amount_out.is_zero() {
        return Err(ContractError::NothingOut { amount_in });
    }
    outcome(config, offer, amounts)
}

/// Buying exactly `amount_out` of the asset that is not `offer`. The math rounds the amount
/// in, fee included, up.
pub fn swap_exact_out(
    config: &Config,
    reserves: &Reserves,
    offer: usize,
    amount_out: Uint128,
) -> Result<SwapOutcome, ContractError> {
    require_nonzero(amount_out)?;
    require_liquidity(reserves)?;
    let ask = 1 - offer;
    let (b, w) = (reserves.balances, config.weight_atomics());
    let amounts = weighted::swap_exact_out(
        b[offer],
        w[offer],
        b[ask],
        w[ask],
        amount_out,
        config.swap_fee_bps,
    )
    .map_err(capped(amount_out, b[ask]))?;
    outcome(config, offer, amounts)
}

fn outcome(
    config: &Config,
    offer: usize,
    amounts: weighted::SwapAmounts,
) -> Result<SwapOutcome, ContractError> {
    Ok(SwapOutcome {
        offer,
        ask: 1 - offer,
        amount_in: amounts.amount_in,
        amount_out: amounts.amount_out,
        fee: amounts.fee,
        protocol_fee: protocol_share(config, amounts.fee),
    })
}

impl SwapOutcome {
    /// The whole amount in enters the pool except the protocol's share of the fee, which is
    /// set aside for the collector; the amount out leaves it.
    pub fn apply(&self, reserves: &mut Reserves) -> Result<(), ContractError> {
        reserves.deposit(self.offer, self.amount_in, self.protocol_fee)?;
        reserves.withdraw(self.ask, self.amount_out, Uint128::zero())
    }

    pub fn response(&self, config: &Config) -> SwapResponse {
        SwapResponse {
            offer: config.assets[self.offer].clone(),
            ask: config.assets[self.ask].clone(),
            amount_in: self.amount_in,
            amount_out: self.amount_out,
            fee: self.fee,
            protocol_fee: self.protocol_fee,
        }
    }
}
