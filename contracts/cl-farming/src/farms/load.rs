//! Loading farms, pools and deposits with the errors their absence deserves.
use cosmwasm_std::{Addr, Api, Storage};
use trellis_types::cl_farming::FarmKind;

use crate::error::ContractError;
use crate::state::{
    Deposit, FarmInfo, FarmState, PoolEntry, Schedule, DEPOSITS, FARM_INFO, FARM_STATE, POOLS,
};

pub fn load_farm(
    storage: &dyn Storage,
    farm_id: u64,
) -> Result<(FarmInfo, FarmState), ContractError> {
    let info = FARM_INFO
        .may_load(storage, farm_id)?
        .ok_or(ContractError::UnknownFarm { farm_id })?;
    Ok((info, FARM_STATE.load(storage, farm_id)?))
}

/// Accepting entries and accruing: not deactivated, and a limit farm not past its end.
pub fn is_live(info: &FarmInfo, state: &FarmState, now: u64) -> bool {
    state.deactivated_at.is_none()
        && match info.schedule {
            Schedule::Eternal { .. } => true,
            Schedule::Limit { end, .. } => now < end,
        }
}

pub fn require_kind(farm_id: u64, info: &FarmInfo, kind: FarmKind) -> Result<(), ContractError> {
    if info.kind != kind {
        return Err(ContractError::WrongKind {
            farm_id,
            kind: info.kind.key(),
        });
    }
    Ok(())
}

/// A deposit and its pool (`UnknownDeposit` when either is missing).
pub fn find_deposit(
    storage: &dyn Storage,
    api: &dyn Api,
    pool: &str,
    token_id: &str,
) -> Result<(Addr, PoolEntry, Deposit), ContractError> {
    let unknown = || ContractError::UnknownDeposit {
        pool: pool.to_string(),
        token_id: token_id.to_string(),
    };
    let pool_addr = api.addr_validate(pool).map_err(|_| unknown())?;
    let entry = POOLS.may_load(storage, &pool_addr)?.ok_or_else(unknown)?;
    let deposit = DEPOSITS
        .may_load(storage, (entry.index, token_id))?
        .ok_or_else(unknown)?;
    Ok((pool_addr, entry, deposit))
}

/// A deposit and its pool, checked to belong to `sender`.
pub fn owned_deposit(
    storage: &dyn Storage,
    api: &dyn Api,
    pool: &str,
    token_id: &str,
    sender: &Addr,
) -> Result<(Addr, PoolEntry, Deposit), ContractError> {
    let (pool_addr, entry, deposit) = find_deposit(storage, api, pool, token_id)?;
    if deposit.owner != *sender {
        return Err(ContractError::NotDepositOwner {
            token_id: token_id.to_string(),
            owner: deposit.owner.to_string(),
        });
    }
    Ok((pool_addr, entry, deposit))
}
