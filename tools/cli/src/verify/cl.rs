//! Concentrated liquidity: each pool's price, tick and active liquidity; each deposit the
//! center holds (owner, liquidity, the farms it is in, tokens locked); each farm's funding
//! and what it credited; each owner's reward balances.
use anyhow::Result;
use cosmwasm_std::{Addr, QuerierWrapper};
use sqlx::any::AnyRow;
use trellis_types::cl_farming::{
    DepositResponse, FarmKind, FarmResponse, FarmTerms, QueryMsg as FarmingQuery,
    RewardBalancesResponse,
};
use trellis_types::cl_pool::{PoolStateResponse, QueryMsg as PoolQuery};

use super::{amount_of, int_of, text_of, Verifier};
use crate::runner::deploy::World;

pub fn check(v: &mut Verifier, world: &World) -> Result<()> {
    let chain = world.suite.app.wrap();
    for row in v.rows("SELECT * FROM cl_pools ORDER BY id")? {
        let pool = text_of(&row, "id");
        let state: PoolStateResponse =
            chain.query_wasm_smart(Addr::unchecked(&pool), &PoolQuery::PoolState {})?;
        let what = |field: &str| format!("CL pool {pool} {field}");
        v.check(
            &what("sqrt price"),
            text_of(&row, "sqrt_price"),
            state.sqrt_price.to_string(),
        );
        v.check(&what("tick"), int_of(&row, "tick"), i64::from(state.tick));
        v.check(
            &what("liquidity"),
            amount_of(&row, "liquidity"),
            state.liquidity.u128(),
        );
    }
    for table in ["eternal_farmings", "limit_farmings"] {
        for row in v.rows(&format!("SELECT * FROM {table} ORDER BY id"))? {
            farm(v, &chain, &row)?;
        }
    }
    for row in v.rows("SELECT * FROM deposits ORDER BY id")? {
        deposit(v, &chain, &row)?;
    }
    rewards(v, &chain)?;
    Ok(())
}

/// The farm id of a `CENTER-FARMID` key.
fn farm_id_of(key: &str) -> u64 {
    key.rsplit('-')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(u64::MAX)
}

fn farm(v: &mut Verifier, chain: &QuerierWrapper, row: &AnyRow) -> Result<()> {
    let center = text_of(row, "center");
    let farm_id = farm_id_of(&text_of(row, "id"));
    let farm: FarmResponse =
        chain.query_wasm_smart(Addr::unchecked(&center), &FarmingQuery::Farm { farm_id })?;
    let what = |field: &str| format!("CL farm {farm_id} {field}");
    v.check(
        &what("reward"),
        amount_of(row, "reward"),
        farm.funded[0].u128() - farm.refunded[0].u128(),
    );
    v.check(
        &what("bonus reward"),
        amount_of(row, "bonus_reward"),
        farm.funded[1].u128() - farm.refunded[1].u128(),
    );
    v.check(
        &what("detached"),
        int_of(row, "is_detached") == 1,
        farm.deactivated_at.is_some(),
    );
    v.check(&what("pool"), text_of(row, "pool"), farm.pool.clone());
    match farm.terms {
        FarmTerms::Eternal {
            reward_rate,
            bonus_rate,
        } => {
            v.check(
                &what("reward rate"),
                amount_of(row, "reward_rate"),
                reward_rate.u128(),
            );
            v.check(
                &what("bonus rate"),
                amount_of(row, "bonus_reward_rate"),
                bonus_rate.u128(),
            );
        }
        FarmTerms::Limit { start, end } => {
            v.check(&what("start"), int_of(row, "start_time") as u64, start);
            v.check(&what("end"), int_of(row, "end_time") as u64, end);
        }
    }
    for (slot, name) in ["reward", "bonus"].into_iter().enumerate() {
        let key = format!("{}-{name}", text_of(row, "id"));
        let streams = v.rows_with("SELECT * FROM reward_streams WHERE id = $1", &[&key])?;
        let Some(stream) = streams.first() else {
            v.check(
                &what(&format!("{name} stream funded")),
                0,
                farm.funded[slot].u128(),
            );
            continue;
        };
        let what = |field: &str| format!("CL farm {farm_id} {name} stream {field}");
        v.check(
            &what("emitted"),
            amount_of(stream, "emitted"),
            farm.funded[slot].u128(),
        );
        v.check(
            &what("distributed"),
            amount_of(stream, "distributed"),
            farm.credited[slot].u128(),
        );
        v.check(
            &what("undistributed"),
            amount_of(stream, "undistributed"),
            farm.refunded[slot].u128(),
        );
    }
    Ok(())
}

fn deposit(v: &mut Verifier, chain: &QuerierWrapper, row: &AnyRow) -> Result<()> {
    let key = text_of(row, "id");
    let pool = text_of(row, "pool");
    let token_id = key.rsplit('-').next().unwrap_or_default().to_string();
    let centers = v.rows("SELECT address FROM contracts WHERE kind = 'cl_farming'")?;
    for center in centers {
        let center = text_of(&center, "address");
        let held: Result<DepositResponse, _> = chain.query_wasm_smart(
            Addr::unchecked(&center),
            &FarmingQuery::Deposit {
                pool: pool.clone(),
                token_id: token_id.clone(),
            },
        );
        let what = |field: &str| format!("deposit {key} {field}");
        let on_center = int_of(row, "on_farming_center") == 1;
        v.check(&what("on the farming center"), on_center, held.is_ok());
        let Ok(held) = held else {
            continue;
        };
        v.check(&what("owner"), text_of(row, "owner"), held.owner.clone());
        v.check(
            &what("liquidity"),
            amount_of(row, "liquidity"),
            held.liquidity.u128(),
        );
        for (kind, farm_column, locked_column) in [
            (
                FarmKind::Eternal,
                "eternal_farming",
                "tokens_locked_eternal",
            ),
            (FarmKind::Limit, "limit_farming", "tokens_locked_limit"),
        ] {
            let entry = held.farms.iter().find(|f| f.kind == kind);
            let indexed: Option<String> = sqlx::Row::get(row, farm_column);
            v.check(
                &what(farm_column),
                indexed.map_or(u64::MAX, |k| farm_id_of(&k)),
                entry.map_or(u64::MAX, |e| e.farm_id),
            );
            v.check(
                &what(locked_column),
                amount_of(row, locked_column),
                entry.map_or(0, |e| e.tokens_locked.u128()),
            );
        }
    }
    Ok(())
}

/// Every owner's balances, both ways: each indexed balance against the chain, and each of
/// the chain's balances of an indexed owner against the index.
fn rewards(v: &mut Verifier, chain: &QuerierWrapper) -> Result<()> {
    let centers = v.rows("SELECT address FROM contracts WHERE kind = 'cl_farming'")?;
    let owners = v.rows(
        "SELECT DISTINCT owner FROM deposits UNION SELECT DISTINCT owner FROM rewards ORDER BY 1",
    )?;
    for center in &centers {
        let center = text_of(center, "address");
        for owner in &owners {
            let owner = text_of(owner, "owner");
            let balances: RewardBalancesResponse = chain.query_wasm_smart(
                Addr::unchecked(&center),
                &FarmingQuery::RewardBalances {
                    owner: owner.clone(),
                    start_after: None,
                    limit: Some(30),
                },
            )?;
            let indexed = v.rows_with(
                "SELECT * FROM rewards WHERE owner = $1 ORDER BY id",
                &[&owner],
            )?;
            for balance in &balances.balances {
                let token = balance.token.to_string();
                let token = trellis_indexer::tokens::id_of(&token);
                let row = indexed
                    .iter()
                    .find(|r| text_of(r, "reward_address") == token);
                v.check(
                    &format!("reward of {owner} in {token}"),
                    row.map_or(0, |r| amount_of(r, "amount")),
                    balance.limit.u128() + balance.eternal.u128(),
                );
            }
            for row in &indexed {
                let token = text_of(row, "reward_address");
                let on_chain = balances
                    .balances
                    .iter()
                    .find(|b| trellis_indexer::tokens::id_of(&b.token.to_string()) == token)
                    .map_or(0, |b| b.limit.u128() + b.eternal.u128());
                v.check(
                    &format!("reward of {owner} in {token}"),
                    amount_of(row, "amount"),
                    on_chain,
                );
            }
        }
    }
    Ok(())
}
