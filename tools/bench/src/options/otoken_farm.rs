//! A farm paying its rewards in oTOKEN: `reward: mint { cw20: <oTOKEN> }`, the farm being the
//! oTOKEN's minter, so every claim runs cw20 `Mint` on the oTOKEN wasm. One native LP pool
//! (the farm stakes an LP denom; the pool's own LP token is a stub in this world).
use std::rc::Rc;

use anyhow::{ensure, Result};
use cosmwasm_std::{Addr, Coin, Uint128};
use trellis_types::farm::{
    AllocationPolicy, Clock, Curve, ExecuteMsg, InstantiateMsg, PoolKind, PositionResponse,
    QueryMsg, RewardSource, Schedule,
};
use trellis_types::AssetInfo;

use crate::options::params::{FARM_LP_DENOM, FARM_RATE, PAYMENT_DENOM, UNDERLYING_DENOM};
use crate::ve::world::{Tx, World};
use crate::vm::Code;

const POOL_WEIGHT: u64 = 100;
/// The farm's only pool.
pub const POOL_ID: u64 = 0;

pub struct OTokenFarm {
    pub address: Addr,
}

impl OTokenFarm {
    /// Instantiates the farm at `address` minting `otoken` (which must name it minter) and
    /// adds its pool.
    pub fn deploy(
        world: &World,
        code: &Rc<Code>,
        address: Addr,
        owner: &str,
        otoken: &Addr,
    ) -> Result<Self> {
        let msg = InstantiateMsg {
            owner: owner.to_string(),
            clock: Clock::Time,
            schedule: Schedule {
                start: world.now(),
                end: None,
                curve: Curve::Constant {
                    rate: Uint128::new(FARM_RATE),
                },
            },
            reward: RewardSource::Mint {
                cw20: otoken.to_string(),
            },
            policy: AllocationPolicy {
                protocol_token: AssetInfo::native(UNDERLYING_DENOM),
                max_solo_share_bps: 1_000,
                native_pairs_outweigh: true,
            },
            lp_factory: None,
            voting_escrow: None,
            split: None,
        };
        world.instantiate(code, "farm", &address, owner, &msg)?;
        let add = ExecuteMsg::AddPool {
            staking: AssetInfo::native(FARM_LP_DENOM),
            kind: PoolKind::Lp {
                pair: [
                    AssetInfo::native(UNDERLYING_DENOM),
                    AssetInfo::native(PAYMENT_DENOM),
                ],
            },
            weight: POOL_WEIGHT,
            tokenless_share_pct: None,
        };
        let tx = world.execute(&address, owner, &[], &add)?;
        ensure!(
            tx.attribute("pool_id")? == POOL_ID.to_string(),
            "the farm's first pool got id {}",
            tx.attribute("pool_id")?
        );
        Ok(OTokenFarm { address })
    }

    pub fn deposit(&self, world: &World, user: &str, amount: u128) -> Result<Tx> {
        world.execute(
            &self.address,
            user,
            &[Coin::new(amount, FARM_LP_DENOM)],
            &ExecuteMsg::Deposit {
                pool_id: POOL_ID,
                recipient: None,
            },
        )
    }

    pub fn position(&self, world: &World, user: &str) -> Result<PositionResponse> {
        world.query(
            &self.address,
            &QueryMsg::Position {
                pool_id: POOL_ID,
                user: user.to_string(),
            },
        )
    }

    pub fn claim(&self, world: &World, user: &str) -> Result<Tx> {
        world.execute(
            &self.address,
            user,
            &[],
            &ExecuteMsg::Claim {
                pool_ids: vec![POOL_ID],
                recipient: None,
            },
        )
    }
}
