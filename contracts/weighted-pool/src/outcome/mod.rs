//! What each action would do at the current state, as plain values.
//!
//! One function per action computes its outcome from `Config` and `Reserves` without
//! touching storage. Execute handlers check the caller's limits against it and `apply` it;
//! the `Simulate*` queries return it. Both therefore run the same code, so a simulation is
//! exactly what execution would do in the same state.
pub mod exit;
pub mod join;
pub mod swap;

use cosmwasm_std::Uint128;
use trellis_math::weighted::protocol_fee;
use trellis_math::MathError;

use crate::error::ContractError;
use crate::state::{Config, Reserves};

/// Maps the math's 30% trade cap to a typed error naming the amount asked for and the
/// balance it was measured against; other math errors pass through.
fn capped(amount: Uint128, balance: Uint128) -> impl Fn(MathError) -> ContractError {
    move |e| match e {
        MathError::TradeTooLarge { side } => ContractError::TradeTooLarge {
            side,
            amount,
            balance,
        },
        other => other.into(),
    }
}

/// The protocol's share of a swap fee (rounded down inside `protocol_fee`: the rest stays
/// with liquidity providers), or nothing while no collector is set.
fn protocol_share(config: &Config, fee: Uint128) -> Uint128 {
    protocol_fee(fee, config.effective_protocol_share_bps())
}

/// Refuses actions that need a price before the first join.
/// The protocol fee owed in asset `i` by an action whose fee is in asset `fee_asset`.
fn fee_owed_in(fee_asset: usize, protocol_fee: Uint128, i: usize) -> Uint128 {
    if i == fee_asset {
        protocol_fee
    } else {
        Uint128::zero()
    }
}

fn require_liquidity(reserves: &Reserves) -> Result<(), ContractError> {
    if reserves.is_empty() {
        return Err(ContractError::EmptyPool);
    }
    Ok(())
}

fn require_nonzero(amount: Uint128) -> Result<(), ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    Ok(())
}

impl Reserves {
    /// Adds `amount` of asset `i` to the pool, `protocol_fee` of it owed to the collector
    /// rather than to liquidity providers.
    fn deposit(
        &mut self,
        i: usize,
        amount: Uint128,
        protocol_fee: Uint128,
    ) -> Result<(), ContractError> {
        let to_lps = amount
            .checked_sub(protocol_fee)
            .map_err(|_| ContractError::Overflow("protocol fee above the amount in"))?;
        self.balances[i] = self.balances[i]
            .checked_add(to_lps)
            .map_err(|_| ContractError::Overflow("pool balance"))?;
        self.owe_protocol(i, protocol_fee)
    }

    /// Pays `amount` of asset `i` out of the liquidity providers' balance and moves
    /// `protocol_fee` of it to the collector's account.
    fn withdraw(
        &mut self,
        i: usize,
        amount: Uint128,
        protocol_fee: Uint128,
    ) -> Result<(), ContractError> {
        let total = amount
            .checked_add(protocol_fee)
            .map_err(|_| ContractError::Overflow("amount out"))?;
        self.balances[i] = self.balances[i]
            .checked_sub(total)
            .map_err(|_| ContractError::Overflow("pool balance below the amount out"))?;
        self.owe_protocol(i, protocol_fee)
    }

    fn owe_protocol(&mut self, i: usize, protocol_fee: Uint128) -> Result<(), ContractError> {
        self.fees_owed[i] = self.fees_owed[i]
            .checked_add(protocol_fee)
            .map_err(|_| ContractError::Overflow("protocol fees owed"))?;
        Ok(())
    }
}
