//! Farms: every position's stake, working balance, pending and claimed; every pool's
//! totals; each farm's total weight and claimed total.
use anyhow::Result;
use cosmwasm_std::Addr;
use trellis_types::farm::{PoolResponse, PositionResponse, QueryMsg, TotalsResponse};

use super::{amount_of, int_of, text_of, Verifier};
use crate::runner::deploy::World;

pub fn check(v: &mut Verifier, world: &World) -> Result<()> {
    let chain = world.suite.app.wrap();
    for row in v.rows("SELECT * FROM farm_positions ORDER BY id")? {
        let farm = text_of(&row, "farm");
        let pool_id = pool_id_of(&text_of(&row, "pool"));
        let owner = text_of(&row, "owner");
        let position: PositionResponse = chain.query_wasm_smart(
            Addr::unchecked(&farm),
            &QueryMsg::Position {
                pool_id,
                user: owner.clone(),
            },
        )?;
        let what = |field: &str| format!("farm position {pool_id}/{owner} {field}");
        v.check(
            &what("staked"),
            amount_of(&row, "staked"),
            position.staked.u128(),
        );
        v.check(
            &what("working"),
            amount_of(&row, "working"),
            position.working.u128(),
        );
        v.check(
            &what("pending"),
            amount_of(&row, "pending"),
            position.pending.u128(),
        );
        v.check(
            &what("claimed"),
            amount_of(&row, "claimed"),
            position.claimed.u128(),
        );
        v.check(
            &what("earned"),
            amount_of(&row, "earned"),
            position.pending.u128() + position.claimed.u128(),
        );
    }
    for row in v.rows("SELECT * FROM farm_pools ORDER BY id")? {
        let farm = text_of(&row, "farm");
        let pool_id = int_of(&row, "pool_id") as u64;
        let pool: PoolResponse =
            chain.query_wasm_smart(Addr::unchecked(&farm), &QueryMsg::Pool { pool_id })?;
        let what = |field: &str| format!("farm pool {pool_id} {field}");
        v.check(
            &what("total staked"),
            amount_of(&row, "total_staked"),
            pool.total_staked.u128(),
        );
        v.check(
            &what("working supply"),
            amount_of(&row, "working_supply"),
            pool.working_supply.u128(),
        );
        v.check(&what("weight"), int_of(&row, "weight") as u64, pool.weight);
        v.check(&what("active"), int_of(&row, "active") == 1, pool.active);
    }
    for row in v.rows("SELECT * FROM farms ORDER BY id")? {
        let farm = text_of(&row, "id");
        let totals: TotalsResponse =
            chain.query_wasm_smart(Addr::unchecked(&farm), &QueryMsg::Totals {})?;
        v.check(
            "farm claimed",
            amount_of(&row, "claimed"),
            totals.claimed.u128(),
        );
        v.check(
            "farm funded",
            amount_of(&row, "funded"),
            totals.funded.u128(),
        );
    }
    Ok(())
}

/// The pool id of a `FARM-POOLID` key.
fn pool_id_of(key: &str) -> u64 {
    key.rsplit('-')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(u64::MAX)
}
