//! The voting escrow as every ve scenario deploys and uses it: native lock token, the default
//! 4-year `max_time`, locks created by executing `CreateLock` with the coins attached.
use std::rc::Rc;

use anyhow::{ensure, Result};
use cosmwasm_std::{Addr, Coin};
use cosmwasm_vm::testing::MockApi;
use trellis_types::voting_escrow::{ExecuteMsg, InstantiateMsg, LockResponse, QueryMsg};
use trellis_types::AssetInfo;

use crate::ve::params::{week_start, LOCK_DENOM};
use crate::ve::world::{Tx, World};
use crate::vm::Code;

pub struct Escrow {
    pub address: Addr,
    pub owner: String,
}

impl Escrow {
    /// Instantiates the escrow at its own address in `world`.
    pub fn deploy(world: &World, code: &Rc<Code>, api: &MockApi) -> Result<Self> {
        let address = Addr::unchecked(api.addr_make("voting-escrow"));
        let owner = api.addr_make("ve-owner");
        let msg = InstantiateMsg {
            owner: owner.clone(),
            lock_token: AssetInfo::native(LOCK_DENOM),
            max_time: None,
        };
        world.instantiate(code, "voting_escrow", &address, &owner, &msg)?;
        Ok(Escrow { address, owner })
    }

    /// `user` locks `amount` until `unlock_time` (rounded down to a week by the escrow).
    pub fn create_lock(
        &self,
        world: &World,
        user: &str,
        amount: u128,
        unlock_time: u64,
    ) -> Result<Tx> {
        let tx = world.execute(
            &self.address,
            user,
            &[Coin::new(amount, LOCK_DENOM)],
            &ExecuteMsg::CreateLock { unlock_time },
        )?;
        let lock = self.lock(world, user)?;
        ensure!(
            lock.amount.u128() == amount && lock.end == week_start(unlock_time),
            "{user}'s lock is {} until {}, expected {amount} until {}",
            lock.amount,
            lock.end,
            week_start(unlock_time)
        );
        Ok(tx)
    }

    pub fn lock(&self, world: &World, user: &str) -> Result<LockResponse> {
        world.query(
            &self.address,
            &QueryMsg::Lock {
                user: user.to_string(),
            },
        )
    }

    /// Registers `listener` for lock-change notices (the escrow owner's `AddListener`).
    pub fn add_listener(&self, world: &World, listener: &Addr) -> Result<()> {
        world.execute(
            &self.address,
            &self.owner,
            &[],
            &ExecuteMsg::AddListener {
                address: listener.to_string(),
            },
        )?;
        Ok(())
    }
}
