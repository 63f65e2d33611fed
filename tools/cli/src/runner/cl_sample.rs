//! One sample of the CL part: each pool's price, tick, liquidity and balances, each position's
//! state and fees earned so far; and the CL books check on it, per pool and side:
//!
//! - flows: the pool's address holds exactly `deposits + traded in - traded out - withdrawn -
//!   fees collected - protocol fees collected`, all measured on the accounts' balances;
//! - solvency: `slack = held - owed to positions - protocol fees owed - liquidity value` is
//!   at least 0 (the pool could pay everyone now) and below the rounding count so far plus two
//!   per position with liquidity (its value and its pending fees are rounded down), as
//!   [`super::cl_books::ClPoolBooks::dust_bound`] explains.
use anyhow::{Context, Result};
use cosmwasm_std::Uint128;

use super::cl_fees;
use super::deploy::World;
use crate::format;
use crate::model::cl::{ClPoolSample, ClPositionSample, ClPositionStatus, ClSample};
use crate::scenario::cl_price;
use crate::scenario::plan::Plan;

/// Samples the CL part at `t` (after counting time in range up to it); `None` without CL
/// pools. The violations found join the CL world's.
pub fn take(world: &mut World, plan: &Plan, t: u64) -> Result<Option<ClSample>> {
    if plan.cl.is_empty() {
        return Ok(None);
    }
    world.cl.advance_clock(&plan.cl, t);
    let suite = &world.suite;
    let cl = &world.cl;
    let mut states = Vec::new();
    for (pool, p) in cl.pools.iter().zip(&plan.cl.pools) {
        let state = suite
            .cl_pool_state(pool)
            .with_context(|| format!("querying CL pool \"{}\"", p.name))?;
        states.push(state);
    }
    // Per pool: owed to positions, liquidity value, positions with liquidity.
    let mut owed = vec![[0u128; 2]; cl.pools.len()];
    let mut value = vec![[0u128; 2]; cl.pools.len()];
    let mut with_liquidity = vec![0u128; cl.pools.len()];
    let mut positions = Vec::new();
    for (books, p) in cl.positions.iter().zip(&plan.cl.positions) {
        let state = &states[p.pool];
        let mut sample = ClPositionSample {
            status: books.status,
            in_range: books.in_range(p.lower_tick, p.upper_tick, state.tick),
            liquidity: Uint128::new(books.liquidity),
            tokens_owed: [Uint128::zero(); 2],
            uncollected_fees: [Uint128::zero(); 2],
            fees_earned: books.fees_collected.map(Uint128::new),
        };
        if let (ClPositionStatus::Open, Some(id)) = (books.status, &books.token_id) {
            let pool = &cl.pools[p.pool];
            let position = suite
                .cl_position(pool, id)
                .with_context(|| format!("querying CL position \"{}\"", p.name))?;
            let pending = cl_fees::uncollected(suite, pool, state, &position)?;
            let liquidity = position.liquidity.u128();
            let worth = cl_fees::liquidity_value(state, p.lower_tick, p.upper_tick, liquidity)?;
            if liquidity > 0 {
                with_liquidity[p.pool] += 1;
            }
            for k in 0..2 {
                let tokens_owed = position.tokens_owed[k].u128();
                owed[p.pool][k] += tokens_owed + pending[k];
                value[p.pool][k] += worth[k];
                // Tokens owed hold the decreased liquidity not collected yet; the rest is fees.
                let credited_fees = tokens_owed.saturating_sub(books.principal_owed[k]);
                sample.fees_earned[k] += Uint128::new(credited_fees + pending[k]);
            }
            sample.liquidity = position.liquidity;
            sample.tokens_owed = position.tokens_owed;
            sample.uncollected_fees = pending.map(Uint128::new);
        }
        positions.push(sample);
    }

    let when = format::moment(t, plan.block_secs, plan.is_height());
    let mut violations = Vec::new();
    let mut pools = Vec::new();
    for (i, (pool, p)) in cl.pools.iter().zip(&plan.cl.pools).enumerate() {
        let state = &states[i];
        let books = &cl.pool_books[i];
        let held = [
            suite.balance_of(&pool.address, &pool.assets[0])?,
            suite.balance_of(&pool.address, &pool.assets[1])?,
        ];
        let symbol = |k: usize| plan.tokens[p.assets[k]].symbol.as_str();
        let expected = books.expected_held();
        if expected != Some(held) {
            let said = match expected {
                Some(e) => format!("{} {} and {} {}", e[0], symbol(0), e[1], symbol(1)),
                None => "more went out than came in".to_string(),
            };
            violations.push(format!(
                "at {when}: CL pool \"{}\" holds {} {} and {} {}; its flows (deposits + traded in - traded out - collected) say {said}",
                p.name,
                held[0],
                symbol(0),
                held[1],
                symbol(1)
            ));
        }
        let protocol = state.protocol_fees_owed.map(|a| a.u128());
        let bound = books.dust_bound().map(|b| b + 2 * with_liquidity[i]);
        let slack = [0, 1].map(|k| {
            held[k] as i128 - owed[i][k] as i128 - protocol[k] as i128 - value[i][k] as i128
        });
        for k in 0..2 {
            // Each rounding leaves less than one unit: the slack is below their count (0 when
            // there is none).
            if slack[k] < 0 || slack[k] as u128 >= bound[k].max(1) {
                violations.push(format!(
                    "at {when}: CL pool \"{}\" holds {} {} for {} owed to positions + {} protocol fees + {} of liquidity: \
                     slack {} outside 0..{}",
                    p.name, held[k], symbol(k), owed[i][k], protocol[k], value[i][k], slack[k], bound[k].max(1)
                ));
            }
        }
        if state.tick != books.tick {
            violations.push(format!(
                "at {when}: CL pool \"{}\" is at tick {}, its last swap reported {}",
                p.name, state.tick, books.tick
            ));
        }
        let decimals = p.assets.map(|a| plan.tokens[a].decimals);
        pools.push(ClPoolSample {
            sqrt_price: state.sqrt_price,
            tick: state.tick,
            price: cl_price::display_price(state.sqrt_price, decimals),
            liquidity: state.liquidity,
            held: held.map(Uint128::new),
            protocol_fees_owed: state.protocol_fees_owed,
            owed_to_positions: owed[i].map(Uint128::new),
            liquidity_value: value[i].map(Uint128::new),
            slack,
            slack_bound: bound,
            expected_held: expected.unwrap_or_default().map(Uint128::new),
            swaps: books.swaps,
            volume: books.volume.map(Uint128::new),
            fees: books.fees.map(Uint128::new),
        });
    }
    world.cl.violations.extend(violations);
    Ok(Some(ClSample {
        t,
        pools,
        positions,
    }))
}
