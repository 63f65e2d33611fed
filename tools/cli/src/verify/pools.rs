//! Weighted pools: reserves and LP supply.
use anyhow::Result;
use cosmwasm_std::Addr;
use trellis_types::weighted_pool::{PoolInfoResponse, QueryMsg};

use super::{amount_of, text_of, Verifier};
use crate::runner::deploy::World;

pub fn check(v: &mut Verifier, world: &World) -> Result<()> {
    let chain = world.suite.app.wrap();
    for row in v.rows("SELECT * FROM weighted_pools ORDER BY id")? {
        let pool = text_of(&row, "id");
        let info: PoolInfoResponse =
            chain.query_wasm_smart(Addr::unchecked(&pool), &QueryMsg::PoolInfo {})?;
        let what = |field: &str| format!("weighted pool {pool} {field}");
        v.check(
            &what("reserve 0"),
            amount_of(&row, "reserve0"),
            info.assets[0].balance.u128(),
        );
        v.check(
            &what("reserve 1"),
            amount_of(&row, "reserve1"),
            info.assets[1].balance.u128(),
        );
        v.check(
            &what("LP supply"),
            amount_of(&row, "lp_supply"),
            info.lp_supply.u128(),
        );
        v.check(
            &what("LP token"),
            text_of(&row, "lp_token"),
            info.lp_token.clone(),
        );
    }
    Ok(())
}
