//! The pool rows: one pool shape's deployment and its six user operations, each the first
//! action of its block (the clock moves one sample spacing before it, so each also opens a
//! new oracle slot: the most an action writes).
use anyhow::{ensure, Result};
use cosmwasm_std::BlockInfo;
use cosmwasm_vm::testing::MockApi;
use trellis_types::weighted_pool::OracleConfig;

use crate::amm::params::{proportional_max, ACTION_AMOUNT, OP_ADVANCE_BLOCKS, OP_ADVANCE_SECS};
use crate::amm::pool::{Actors, Pool, PoolSpec};
use crate::amm::report::Row;
use crate::vm::Code;

/// Deploys a pool of `spec` and measures every operation on it.
pub fn measure_pool_ops(
    code: &Code,
    spec: PoolSpec,
    oracle: OracleConfig,
    block: &BlockInfo,
) -> Result<Vec<Row>> {
    let api = MockApi::default();
    let actors = Actors::new(&api);
    let label = Some(spec.label);
    let (mut pool, deploy) = Pool::deploy(code, spec, oracle, block, &actors, &api)?;
    let mut rows = vec![
        Row::new(
            "instantiate",
            label,
            "instantiate the pool; returns the LP token's instantiation as a submessage",
            &deploy.instantiate,
        ),
        Row::new(
            "lp_token_reply",
            label,
            "reply to the LP token's instantiation (address in msg_responses and data)",
            &deploy.lp_token_reply,
        ),
        Row::new(
            "first_join",
            label,
            "first proportional join: sets the price, locks the minimum liquidity, first sample",
            &deploy.first_join,
        ),
    ];
    let (provider, trader) = (actors.provider.as_str(), actors.trader.as_str());
    let [d0, d1] = spec.denoms;

    pool.contract.advance(OP_ADVANCE_BLOCKS, OP_ADVANCE_SECS);
    let (swap, cost) = pool.swap_exact_in(trader, 0, ACTION_AMOUNT)?;
    ensure!(!swap.amount_out.is_zero(), "swap exact in paid nothing");
    rows.push(Row::new(
        "swap_exact_in",
        label,
        format!("sell {ACTION_AMOUNT} {d0} for {d1}, min out and deadline set"),
        &cost,
    ));

    pool.contract.advance(OP_ADVANCE_BLOCKS, OP_ADVANCE_SECS);
    let (_, cost) = pool.swap_exact_out(trader, 0, ACTION_AMOUNT)?;
    rows.push(Row::new(
        "swap_exact_out",
        label,
        format!("buy exactly {ACTION_AMOUNT} {d0} with {d1}, max in +1%, excess refunded"),
        &cost,
    ));

    pool.contract.advance(OP_ADVANCE_BLOCKS, OP_ADVANCE_SECS);
    let max_amounts = proportional_max(pool.balances()?, ACTION_AMOUNT)?;
    let (joined, cost) = pool.join(provider, max_amounts)?;
    ensure!(
        !joined.lp_out.is_zero(),
        "the proportional join minted nothing"
    );
    rows.push(Row::new(
        "join",
        label,
        format!("proportional join of {ACTION_AMOUNT} {d0} and {d1} +1%, unused {d1} refunded"),
        &cost,
    ));

    pool.contract.advance(OP_ADVANCE_BLOCKS, OP_ADVANCE_SECS);
    let (joined_single, cost) = pool.join_single(provider, 1, ACTION_AMOUNT)?;
    ensure!(
        !joined_single.lp_out.is_zero(),
        "the single-asset join minted nothing"
    );
    rows.push(Row::new(
        "join_single",
        label,
        format!("single-asset join of {ACTION_AMOUNT} {d1}"),
        &cost,
    ));

    pool.contract.advance(OP_ADVANCE_BLOCKS, OP_ADVANCE_SECS);
    let (_, cost) = pool.exit(provider, joined.lp_out.u128())?;
    rows.push(Row::new(
        "exit",
        label,
        "proportional exit of the join's LP tokens (LP token's cw20 Receive hook)",
        &cost,
    ));

    pool.contract.advance(OP_ADVANCE_BLOCKS, OP_ADVANCE_SECS);
    let (exited, cost) = pool.exit_single(provider, joined_single.lp_out.u128(), 1)?;
    ensure!(
        !exited.amounts_out[1].is_zero(),
        "the single-asset exit paid nothing"
    );
    rows.push(Row::new(
        "exit_single",
        label,
        format!("single-asset exit of the single join's LP tokens for {d1} (cw20 hook)"),
        &cost,
    ));
    Ok(rows)
}
