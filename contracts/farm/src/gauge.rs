//! Level one of gauge-split farms. Each pool integrates the schedule times its gauge's
//! relative weight, one week segment at a time, when it is settled: no update visits other
//! pools, and every pool gets exactly what the controller's weights say, whenever it settles.
//!
//! Per segment `[a, b)` inside week `w`: share = `(F(b) - F(a)) * relative_weight(w)`, where
//! `F` is the schedule integral. The product is kept in 1e-18 units and its fraction below one
//! unit is carried to the next segment, so a pool's total take is the floor of the exact sum.
//! What other gauges, cap excess or a zero relative weight leave is never emitted.
use cosmwasm_std::{Addr, Decimal, Uint128, Uint256};
use trellis_math::accumulator::to_scaled;
use trellis_math::ve::{round_down_to_week, WEEK};
use trellis_types::farm::gauge_id;
use trellis_types::gauge_controller::{QueryMsg as GaugeQuery, RelativeWeightResponse};

use crate::accounting::{credit_pool, emit, skip, Books, GaugeWalk};
use crate::error::ContractError;
use crate::state::{Config, GaugeAccrual, Pool, WeekWeight};

/// 1e18: `Decimal`'s atomics per unit, and the carry's unit.
const DECIMAL_ONE: u128 = 1_000_000_000_000_000_000;

/// The first accrual state of a pool added at `now`: nothing taken before it existed.
pub fn start(config: &Config, now: u64) -> Result<GaugeAccrual, ContractError> {
    let (scheduled, cursor) = config
        .schedule
        .cumulative_from(&config.schedule.initial_cursor(), now)?;
    Ok(GaugeAccrual {
        last_update: now,
        scheduled,
        cursor,
        cached: None,
        carry: Uint128::zero(),
    })
}

/// The controller's relative weight of `gauge` for the week starting at `week`.
pub fn relative_weight(
    books: &Books,
    controller: &Addr,
    gauge: &str,
    week: u64,
) -> Result<Decimal, ContractError> {
    let response: RelativeWeightResponse = books.querier.query_wasm_smart(
        controller,
        &GaugeQuery::RelativeWeight {
            gauge: gauge.to_string(),
            time: Some(week),
        },
    )?;
    Ok(response.relative_weight)
}

/// Walks the pool's accrual towards `books.now`, at most `max_weeks` week segments (and, with
/// `GaugeWalk::CachedOnly`, no week whose weight needs a query); returns whether it reached
/// now. A deactivated pool only moves its clock (its gauge gets nothing).
///
/// Reserve farms: a share for time before `Ledger::paid_from` (the last top-up of an empty
/// reserve) is skipped, never paid from the top-up: the reserve was empty then, and paying it
/// would hand new money to whichever pool settles first.
pub fn accrue(
    books: &mut Books,
    pool_id: u64,
    pool: &mut Pool,
    max_weeks: u64,
    walk: GaugeWalk,
) -> Result<bool, ContractError> {
    let (Some(mut acc), Some(controller)) =
        (pool.gauge.clone(), books.config.gauge_controller.clone())
    else {
        return Ok(true);
    };
    if walk == GaugeWalk::CachedOnly && !reaches_now_cached(&acc, books.now) {
        // Left untouched: a partial walk would cost a write and refresh nothing.
        return Ok(false);
    }
    let gauge = gauge_id(books.env.contract.address.as_str(), pool_id);
    let mut segments = 0;
    while acc.last_update < books.now {
        if segments == max_weeks {
            pool.gauge = Some(acc);
            return Ok(false);
        }
        let week = round_down_to_week(acc.last_update);
        let mut end = (week + WEEK).min(books.now);
        let unpaid_until = books.ledger.paid_from;
        if acc.last_update < unpaid_until {
            end = end.min(unpaid_until);
        }
        let (scheduled, cursor) = books.config.schedule.cumulative_from(&acc.cursor, end)?;
        // The schedule integral is monotone, so this cannot underflow.
        let released = scheduled
            .checked_sub(acc.scheduled)
            .map_err(|_| ContractError::Overflow("schedule integral"))?;
        if !released.is_zero() && pool.active {
            let weight = match &acc.cached {
                Some(cached) if cached.week == week => cached.relative_weight,
                _ => {
                    let relative_weight = relative_weight(books, &controller, &gauge, week)?;
                    acc.cached = Some(WeekWeight {
                        week,
                        relative_weight,
                    });
                    relative_weight
                }
            };
            // Credit: floor of (released * weight + carry) in whole units; the fraction stays.
            let exact = released
                .full_mul(weight.atomics())
                .checked_add(Uint256::from(acc.carry))
                .map_err(|_| ContractError::Overflow("gauge share"))?;
            let one = Uint256::from(DECIMAL_ONE);
            let share = Uint128::try_from(exact / one)
                .map_err(|_| ContractError::Overflow("gauge share"))?;
            acc.carry = Uint128::try_from(exact % one)
                .map_err(|_| ContractError::Overflow("gauge carry"))?;
            if end <= unpaid_until {
                skip(&mut books.ledger, share)?;
            } else {
                let take = emit(&books.config, &mut books.ledger, share)?;
                credit_pool(pool, to_scaled(take))?;
            }
        }
        acc.last_update = end;
        acc.scheduled = scheduled;
        acc.cursor = cursor;
        segments += 1;
    }
    pool.gauge = Some(acc);
    Ok(true)
}

/// Whether the walk from the pool's last settlement to `now` stays in one week whose weight is
/// cached, so it needs no controller query.
fn reaches_now_cached(acc: &GaugeAccrual, now: u64) -> bool {
    let week = round_down_to_week(now);
    round_down_to_week(acc.last_update) == week
        && acc.cached.as_ref().is_some_and(|c| c.week == week)
}

/// The relative weight of the pool's gauge for the current week (the cached one when the
/// pool was settled this week), for the pool's current rate.
pub fn weight_now(books: &Books, pool_id: u64, pool: &Pool) -> Result<Decimal, ContractError> {
    let week = round_down_to_week(books.now);
    if let Some(cached) = pool.gauge.as_ref().and_then(|g| g.cached.as_ref()) {
        if cached.week == week {
            return Ok(cached.relative_weight);
        }
    }
    let controller = books
        .config
        .gauge_controller
        .as_ref()
        .ok_or(ContractError::NotGaugeSplit)?;
    let gauge = gauge_id(books.env.contract.address.as_str(), pool_id);
    relative_weight(books, controller, &gauge, week)
}
