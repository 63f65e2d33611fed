//! Working balances: in a boosted pool a stake counts in full only when its owner holds a
//! matching share of ve power. The working balance is recomputed from the escrow's powers at
//! every action on the position (the owner's, or a deposit for them), at the escrow's
//! `LockChanged` notice and at a `Kick`; in between it stays as set (Curve's semantics). A
//! third party's kick may only lower it, and only once the owner's power has fallen
//! (`execute::refresh::kick`); every refresh uses the block-start pool stake (`boost_stake`).
use cosmwasm_std::{Addr, QuerierWrapper, Storage, Uint128};
use trellis_math::boost::working_balance;
use trellis_types::voting_escrow::{PowerShareResponse, QueryMsg as EscrowQuery};

use crate::error::ContractError;
use crate::state::{Config, Emission, Pool, Position, BOOSTED_POSITIONS};

/// The user's and the total ve power, queried at most once per message.
pub struct Powers<'a> {
    querier: QuerierWrapper<'a>,
    user: Addr,
    cached: Option<(Uint128, Uint128)>,
}

impl<'a> Powers<'a> {
    pub fn new(querier: QuerierWrapper<'a>, user: &Addr) -> Self {
        Powers {
            querier,
            user: user.clone(),
            cached: None,
        }
    }

    fn get(&mut self, escrow: &Addr) -> Result<(Uint128, Uint128), ContractError> {
        if let Some(powers) = self.cached {
            return Ok(powers);
        }
        let r: PowerShareResponse = self.querier.query_wasm_smart(
            escrow,
            &EscrowQuery::PowerShare {
                user: self.user.to_string(),
            },
        )?;
        self.cached = Some((r.user_power, r.total_power));
        Ok((r.user_power, r.total_power))
    }
}

/// Keeps `Emission::unstaked_weight` in step when a pool's working supply moves to or from
/// zero (allocation-split farms; gauge-split pools have no weight).
pub fn track_unstaked(emission: &mut Emission, pool: &Pool, was_unstaked: bool) {
    match (was_unstaked, pool.is_unstaked_and_weighted()) {
        (true, false) => emission.unstaked_weight -= pool.weight,
        (false, true) => emission.unstaked_weight += pool.weight,
        _ => {}
    }
}

/// Sets the position's working balance to `working` and moves the pool's working supply with
/// it. The pool and the position must be settled first.
pub fn set_working(
    emission: &mut Emission,
    pool: &mut Pool,
    position: &mut Position,
    working: Uint128,
) -> Result<(), ContractError> {
    let was_unstaked = pool.is_unstaked_and_weighted();
    pool.working_supply = (pool.working_supply - position.working)
        .checked_add(working)
        .map_err(|_| ContractError::Overflow("working supply"))?;
    position.working = working;
    track_unstaked(emission, pool, was_unstaked);
    Ok(())
}

/// The pool stake a boost is computed against: the stake at the block's first touch, plus what
/// the message being handled adds to this position (so a first depositor counts its own
/// deposit). Stake moved by other messages inside the block counts from the next block only,
/// so no one can push another user's working balance down (withdraw, kick, re-deposit) or
/// their own up (inflate with another account, refresh, withdraw) within one transaction.
pub fn boost_stake(pool: &Pool, added: Uint128) -> Uint128 {
    pool.stake_at_block_start.saturating_add(added)
}

/// The position's working balance from its stake and the owner's ve powers now, with the
/// owner's power it was computed from (zero for unboosted pools and empty positions, which
/// need no query).
pub fn working_now(
    config: &Config,
    powers: &mut Powers,
    pool: &Pool,
    position: &Position,
    added: Uint128,
) -> Result<(Uint128, Uint128), ContractError> {
    if !pool.is_boosted() || position.staked.is_zero() {
        return Ok((position.staked, Uint128::zero()));
    }
    // Boosted pools exist only in farms with an escrow (checked by `AddPool`).
    let escrow = config
        .voting_escrow
        .as_ref()
        .ok_or(ContractError::BoostWithoutEscrow {
            pct: pool.tokenless_share_pct,
        })?;
    let (user_power, total_power) = powers.get(escrow)?;
    let working = working_balance(
        position.staked,
        boost_stake(pool, added),
        user_power,
        total_power,
        pool.tokenless_share_pct,
    )?;
    Ok((working, user_power))
}

/// Recomputes the position's working balance (`working_now`, with `added` staked by this
/// message) and applies it. The pool and the position must be settled.
pub fn refresh_working(
    config: &Config,
    powers: &mut Powers,
    emission: &mut Emission,
    pool: &mut Pool,
    position: &mut Position,
    added: Uint128,
) -> Result<(), ContractError> {
    let (working, power) = working_now(config, powers, pool, position, added)?;
    position.power_at_refresh = power;
    set_working(emission, pool, position, working)
}

/// Keeps the index of the user's boosted positions with stake (what `LockChanged` refreshes)
/// in step after a stake change from `staked_before`.
pub fn index_boosted(
    storage: &mut dyn Storage,
    user: &Addr,
    pool_id: u64,
    pool: &Pool,
    staked_before: Uint128,
    position: &Position,
) -> Result<(), ContractError> {
    if !pool.is_boosted() {
        return Ok(());
    }
    match (staked_before.is_zero(), position.staked.is_zero()) {
        (true, false) => BOOSTED_POSITIONS.save(storage, (user, pool_id), &())?,
        (false, true) => BOOSTED_POSITIONS.remove(storage, (user, pool_id)),
        _ => {}
    }
    Ok(())
}
