//! Exits: burn LP tokens for both assets in proportion, or for one asset.
use cosmwasm_std::Uint128;
use trellis_math::weighted_liquidity as liquidity;
use trellis_types::weighted_pool::ExitResponse;

use super::{capped, fee_owed_in, protocol_share, require_liquidity, require_nonzero};
use crate::error::ContractError;
use crate::state::{Config, Reserves};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitOutcome {
    pub lp_in: Uint128,
    /// Paid to the exiter, pool order.
    pub amounts_out: [Uint128; 2],
    /// Swap fee of a single-asset exit, in asset `fee_asset`; zero for proportional exits.
    pub fee: Uint128,
    pub protocol_fee: Uint128,
    pub fee_asset: usize,
}

/// Burning `lp_in` for its share of both balances, each rounded down by the math.
pub fn exit(reserves: &Reserves, lp_in: Uint128) -> Result<ExitOutcome, ContractError> {
    require_nonzero(lp_in)?;
    require_liquidity(reserves)?;
    let amounts_out = liquidity::exit_proportional(reserves.balances, reserves.lp_supply, lp_in)?;
    if amounts_out.iter().all(Uint128::is_zero) {
        return Err(ContractError::NothingOut { amount_in: lp_in });
    }
    Ok(ExitOutcome {
        lp_in,
        amounts_out,
        fee: Uint128::zero(),
        protocol_fee: Uint128::zero(),
        fee_asset: 0,
    })
}

/// Burning `lp_in` for asset `asset` only. The math charges the swap fee on the part beyond
/// a proportional exit and rounds the amount out down.
pub fn exit_single(
    config: &Config,
    reserves: &Reserves,
    asset: usize,
    lp_in: Uint128,
) -> Result<ExitOutcome, ContractError> {
    require_nonzero(lp_in)?;
    require_liquidity(reserves)?;
    let balance = reserves.balances[asset];
    let exited = liquidity::exit_single(
        balance,
        config.weight_atomics()[asset],
        reserves.lp_supply,
        lp_in,
        config.swap_fee_bps,
    )
    .map_err(capped(lp_in, balance))?;
    let mut amounts_out = [Uint128::zero(); 2];
    amounts_out[asset] = exited.amount_out;
    Ok(ExitOutcome {
        lp_in,
        amounts_out,
        fee: exited.fee,
        protocol_fee: protocol_share(config, exited.fee),
        fee_asset: asset,
    })
}

impl ExitOutcome {
    /// The amounts out leave the pool; the fee stays, minus the protocol's share, which moves
    /// from the liquidity providers' balance to the collector's account.
    pub fn apply(&self, reserves: &mut Reserves) -> Result<(), ContractError> {
        for i in 0..2 {
            let protocol_fee = fee_owed_in(self.fee_asset, self.protocol_fee, i);
            reserves.withdraw(i, self.amounts_out[i], protocol_fee)?;
        }
        reserves.lp_supply = reserves
            .lp_supply
            .checked_sub(self.lp_in)
            .map_err(|_| ContractError::Overflow("LP supply below the LP burned"))?;
        Ok(())
    }

    pub fn response(&self) -> ExitResponse {
        ExitResponse {
            lp_in: self.lp_in,
            amounts_out: self.amounts_out,
            fee: self.fee,
            protocol_fee: self.protocol_fee,
        }
    }
}
