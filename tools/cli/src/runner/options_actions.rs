//! A user's `exercise`: buy the underlying with the options at the oTOKEN's quote (plus the
//! slippage room), then hold it, sell it into the options pool, or lock it (directly, or as LP
//! tokens of a single-sided join when the escrow locks the pool's LP token).
use anyhow::{bail, Context, Result};
use cosmwasm_std::{Decimal256, Uint128, Uint256};
use trellis_testing::options::ExerciseArgs;

use super::actions::Log;
use super::amm;
use super::deploy::World;
use crate::format;
use crate::model::{AmmEventRecord, EventRecord, ExerciseRecord};
use crate::scenario::plan::{ActionPlan, LockRoute, Plan, Then};

const BPS: u128 = 10_000;

/// `floor(amount * price)`: a value in payment base units.
pub fn value_at(amount: u128, price: Decimal256) -> u128 {
    let v = Uint256::from(amount) * price.atomics() / Uint256::from(10u128.pow(18));
    Uint128::try_from(v).map(|v| v.u128()).unwrap_or(u128::MAX)
}

pub fn exercise(
    world: &mut World,
    plan: &Plan,
    t: u64,
    name: &str,
    action: &ActionPlan,
    log: &mut Log,
) -> Result<()> {
    let ActionPlan::Exercise {
        amount,
        max_slippage_bps,
        then,
    } = action
    else {
        unreachable!("only exercises come here")
    };
    let o = plan
        .options
        .as_ref()
        .context("the scenario has no options")?;
    let ow = world
        .options
        .as_ref()
        .context("the options token is not deployed")?;
    let handle = ow.handle.clone();
    let pool = world.amm[ow.amm_pool].clone();
    let suite = &mut world.suite;
    let amount = match amount {
        Some(a) => *a,
        None => {
            let all = suite.options_balance(&handle, name)?;
            if all == 0 {
                bail!("holds no {}", handle.symbol);
            }
            all
        }
    };
    let quote = suite.simulate_exercise(&handle, amount)?.payment.u128();
    // The quote plus the room, rounded up: a user never refuses their own quote.
    let max_payment = (quote * (BPS + u128::from(*max_slippage_bps))).div_ceil(BPS);
    let spot = suite.spot_price(&pool, &handle.underlying)?;
    let outcome = suite.exercise(&handle, name, ExerciseArgs::new(amount, max_payment))?;
    let market_value = value_at(amount, spot);
    let farm_event = |action: &str, amount: u128| EventRecord {
        t,
        actor: name.to_string(),
        action: action.to_string(),
        pool: None,
        amount: Uint128::new(amount),
        forfeited: Uint128::zero(),
        settlement: false,
    };
    log.farm.push(farm_event("exercise", amount));

    let mut record = ExerciseRecord {
        t,
        user: name.to_string(),
        amount: Uint128::new(amount),
        twap: outcome.twap,
        strike: outcome.strike,
        clamped: outcome.clamped,
        payment: Uint128::new(outcome.payment),
        spot,
        market_value: Uint128::new(market_value),
        farmer_gain: market_value as i128 - outcome.payment as i128,
        then: then.as_str().to_string(),
        sold: Uint128::zero(),
        sell_proceeds: Uint128::zero(),
        sell_fee: Uint128::zero(),
        sell_fee_value: Uint128::zero(),
        locked: Uint128::zero(),
    };
    let offer = pool
        .index_of(&handle.underlying)
        .context("the options pool holds the underlying")?;
    let pool_plan = &plan.amm_pools[o.amm_pool];
    match then {
        Then::Hold => {}
        Then::Sell => {
            let done = amm::swap(suite, name, &pool, offer, amount, None)
                .context("selling the underlying into the options pool")?;
            world.amm_books[o.amm_pool].record_swap(offer, &done);
            let mut event = amm::swap_event(t, name, pool_plan, offer, &done);
            event.action = "sell".to_string();
            log.amm.push(event);
            record.sold = Uint128::new(amount);
            record.sell_proceeds = done.amount_out;
            record.sell_fee = done.fee;
            record.sell_fee_value = Uint128::new(value_at(done.fee.u128(), spot));
            world.options.as_mut().expect("checked above").sold_total += amount;
        }
        Then::Lock { lock_for_secs } => {
            let ve = world.escrow.clone().context("the scenario has no escrow")?;
            let lock_amount = match o.lock_route.context("no lock route")? {
                LockRoute::Direct => amount,
                LockRoute::JoinPool => {
                    let before = suite.balance(name, &pool.lp_token)?;
                    suite
                        .join_single(name, &pool, &handle.underlying, amount)
                        .context("joining the options pool with the underlying")?;
                    let lp = suite.balance(name, &pool.lp_token)? - before;
                    let mut amounts_in = [Uint128::zero(); 2];
                    amounts_in[offer] = Uint128::new(amount);
                    log.amm.push(AmmEventRecord {
                        t,
                        actor: name.to_string(),
                        action: "join_single".to_string(),
                        pool: pool_plan.name.clone(),
                        amounts_in,
                        amounts_out: [Uint128::zero(); 2],
                        lp: Uint128::new(lp),
                        fee: [Uint128::zero(); 2],
                        detail: None,
                    });
                    lp
                }
            };
            let has_lock = !suite.ve_lock(&ve, name)?.amount.is_zero();
            let action = if has_lock {
                suite.increase_lock_amount(&ve, name, lock_amount)?;
                "increase_lock"
            } else {
                let Some(secs) = lock_for_secs else {
                    bail!("has no lock to add to: give the exercise a `lock_for`");
                };
                let unlock = suite.time() + secs;
                suite.create_lock(&ve, name, lock_amount, unlock)?;
                "lock"
            };
            log.farm.push(farm_event(action, lock_amount));
            record.locked = Uint128::new(lock_amount);
        }
    }
    world
        .options
        .as_mut()
        .expect("checked above")
        .exercises
        .push(record);
    Ok(())
}

/// `exercise 100 oLIT (then sell)`, for error messages.
pub fn describe(plan: &Plan, action: &ActionPlan) -> String {
    let (Some(o), ActionPlan::Exercise { amount, then, .. }) = (&plan.options, action) else {
        return String::new();
    };
    let token = &plan.tokens[o.token];
    let amount = amount
        .map(|a| format::amount(a, token.decimals))
        .unwrap_or_else(|| "all".to_string());
    format!(
        "exercise {amount} {} (then {})",
        token.symbol,
        then.as_str()
    )
}
