//! The swap loop, as v3's `swap`: step from tick to tick with `compute_swap_step`, growing the
//! input token's fee growth and flipping each crossed tick's outside values. The next tick
//! comes from [`crate::tick_index`]. It only reads storage; [`SwapOutcome::save_ticks`] and
//! the caller write the result, so the simulation queries run exactly what a swap would do.
use cosmwasm_std::{Storage, Uint128, Uint256};
use trellis_math::cl::{
    add_delta, compute_swap_step, sqrt_price_at_tick, tick_at_sqrt_price, SwapAmount,
    MAX_SQRT_PRICE, MIN_SQRT_PRICE,
};
use trellis_math::mul_div::mul_div_u256_floor;

use crate::error::ContractError;
use crate::limits::MAX_TICKS_CROSSED_PER_SWAP;
use crate::position::q128;
use crate::state::{Config, PoolState, TickInfo, TICKS};
use crate::tick_index::{Search, MAX_EMPTY_STEPS_PER_SWAP};
use crate::ticks::cross;

/// What a swap asks for.
#[derive(Clone, Copy, Debug)]
pub struct SwapRequest {
    /// Token0 in (price down) or token1 in (price up).
    pub zero_for_one: bool,
    /// An exact input (fee included) or an exact output.
    pub amount: SwapAmount,
    pub sqrt_price_limit: Option<Uint256>,
}

#[derive(Clone, Debug)]
pub struct SwapOutcome {
    pub zero_for_one: bool,
    /// Taken from the trader, fee included.
    pub amount_in: Uint128,
    pub amount_out: Uint128,
    pub fee: Uint128,
    pub protocol_fee: Uint128,
    /// The pool state after the swap (oracle cursor not yet advanced).
    pub pool: PoolState,
    /// Every crossed tick with its flipped record, in crossing order.
    pub crossed: Vec<(i32, TickInfo)>,
    /// The crossed ticks that carry a farming mark, in crossing order.
    pub marked_crossed: Vec<i32>,
    /// Stopped by the price limit or the tick bound with some of the amount left.
    pub partial_fill: bool,
    /// Stopped because `MAX_TICKS_CROSSED_PER_SWAP` ticks were crossed (or, in the
    /// `tick-bitmap` variant, `MAX_EMPTY_WORDS_PER_SWAP` empty words were stepped over).
    pub tick_bound_reached: bool,
}

impl SwapOutcome {
    pub fn ticks_crossed(&self) -> u32 {
        self.crossed.len() as u32
    }

    /// Writes the crossed ticks; the caller records the oracle and saves the pool state.
    pub fn save_ticks(&self, storage: &mut dyn Storage) -> Result<(), ContractError> {
        for (tick, info) in &self.crossed {
            TICKS.save(storage, *tick, info)?;
        }
        Ok(())
    }
}

/// The price limit, defaulting to one unit inside the end of the range, refused on the wrong
/// side of the price or at or beyond the end (v3's `SPL` checks).
fn price_limit(
    limit: Option<Uint256>,
    current: Uint256,
    zero_for_one: bool,
) -> Result<Uint256, ContractError> {
    let limit = limit.unwrap_or(if zero_for_one {
        MIN_SQRT_PRICE + Uint256::one()
    } else {
        MAX_SQRT_PRICE - Uint256::one()
    });
    if limit <= MIN_SQRT_PRICE || limit >= MAX_SQRT_PRICE {
        return Err(ContractError::PriceLimitOutOfRange { limit });
    }
    if zero_for_one && limit >= current {
        return Err(ContractError::PriceLimitWrongSide {
            limit,
            current,
            side: "lower",
        });
    }
    if !zero_for_one && limit <= current {
        return Err(ContractError::PriceLimitWrongSide {
            limit,
            current,
            side: "upper",
        });
    }
    Ok(limit)
}

fn to_u128(value: Uint256, what: &'static str) -> Result<Uint128, ContractError> {
    Uint128::try_from(value).map_err(|_| ContractError::Overflow(what))
}

/// Runs the swap against `pool` and the stored ticks.
pub fn compute(
    storage: &dyn Storage,
    config: &Config,
    pool: &PoolState,
    request: SwapRequest,
) -> Result<SwapOutcome, ContractError> {
    let zero_for_one = request.zero_for_one;
    let limit = price_limit(request.sqrt_price_limit, pool.sqrt_price, zero_for_one)?;
    let (exact_in, specified) = match request.amount {
        SwapAmount::ExactIn(a) => (true, a),
        SwapAmount::ExactOut(a) => (false, a),
    };
    if specified.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let fee_pips = config.fee_tier.fee_pips;
    let share = Uint256::from(config.effective_protocol_share_bps());
    let input = usize::from(!zero_for_one);
    let mut state = pool.clone();
    let mut remaining = specified;
    let (mut total_in, mut total_out, mut total_fee, mut protocol_fee) = (
        Uint256::zero(),
        Uint256::zero(),
        Uint256::zero(),
        Uint256::zero(),
    );
    let mut crossed = Vec::new();
    let mut marked_crossed = Vec::new();
    let mut tick_bound_reached = false;
    let mut search = Search::new(storage, config.fee_tier.tick_spacing);
    let mut empty_steps = 0u32;

    // Each pass either crosses a tick (at most MAX_TICKS_CROSSED_PER_SWAP of them), steps onto
    // a tick that is not initialized (at most MAX_EMPTY_STEPS_PER_SWAP, none in the default
    // build) or ends the swap, so this bound is never the reason a swap stops.
    for _ in 0..=MAX_TICKS_CROSSED_PER_SWAP + MAX_EMPTY_STEPS_PER_SWAP + 1 {
        if remaining.is_zero() || state.sqrt_price == limit {
            break;
        }
        let next = search.next(state.tick, zero_for_one)?;
        let tick_next = match &next {
            Some((tick, _)) => *tick,
            None => search.end(zero_for_one),
        };
        let price_next = sqrt_price_at_tick(tick_next)?;
        let target = if zero_for_one {
            price_next.max(limit)
        } else {
            price_next.min(limit)
        };
        let step_amount = if exact_in {
            SwapAmount::ExactIn(remaining)
        } else {
            SwapAmount::ExactOut(remaining)
        };
        let price_before = state.sqrt_price;
        let step = compute_swap_step(
            state.sqrt_price,
            target,
            state.liquidity,
            step_amount,
            fee_pips,
        )?;
        state.sqrt_price = step.sqrt_price_next;
        let paid = step.amount_in + step.fee_amount;
        if exact_in {
            remaining -= paid;
        } else {
            remaining -= step.amount_out;
        }
        total_in += paid;
        total_out += step.amount_out;
        total_fee += step.fee_amount;
        // The protocol's share of the step's fee rounds down; the rest is the LPs'.
        let protocol_part = mul_div_u256_floor(step.fee_amount, share, Uint256::from(10_000u32))?;
        protocol_fee += protocol_part;
        if state.liquidity > 0 {
            let growth = mul_div_u256_floor(
                step.fee_amount - protocol_part,
                q128(),
                Uint256::from(state.liquidity),
            )?;
            state.fee_growth_global[input] = state.fee_growth_global[input].wrapping_add(growth);
        }

        if state.sqrt_price == price_next {
            let Some((tick, mut info)) = next else {
                if MAX_EMPTY_STEPS_PER_SWAP == 0 {
                    // The ordered range: the end of the range; the limit lies strictly inside
                    // it, so unreachable.
                    break;
                }
                // The bitmap: the end of a word with nothing initialized. Step onto it
                // without crossing, as v3 does, within the bound on such steps.
                state.tick = if zero_for_one {
                    tick_next - 1
                } else {
                    tick_next
                };
                if empty_steps == MAX_EMPTY_STEPS_PER_SWAP {
                    tick_bound_reached = true;
                    break;
                }
                empty_steps += 1;
                continue;
            };
            if crossed.len() as u32 == MAX_TICKS_CROSSED_PER_SWAP {
                // Stop on the tick without crossing it: going down the price sits on the tick
                // that still counts as in range; going up, just below it.
                tick_bound_reached = true;
                state.tick = if zero_for_one { tick } else { tick - 1 };
                break;
            }
            cross(&mut info, state.fee_growth_global);
            let net = if zero_for_one {
                info.liquidity_net
                    .checked_neg()
                    .ok_or(ContractError::Overflow("liquidity net"))?
            } else {
                info.liquidity_net
            };
            state.liquidity = add_delta(state.liquidity, net)?;
            if info.farming_mark {
                marked_crossed.push(tick);
            }
            crossed.push((tick, info));
            state.tick = if zero_for_one { tick - 1 } else { tick };
        } else if state.sqrt_price != price_before {
            state.tick = tick_at_sqrt_price(state.sqrt_price)?;
        }
    }

    let protocol_fee = to_u128(protocol_fee, "protocol fee")?;
    // The protocol fee is in the input token.
    state.protocol_fees[input] = state.protocol_fees[input]
        .checked_add(protocol_fee.u128())
        .ok_or(ContractError::Overflow("protocol fees owed"))?;
    Ok(SwapOutcome {
        zero_for_one,
        amount_in: to_u128(total_in, "amount in")?,
        amount_out: to_u128(total_out, "amount out")?,
        fee: to_u128(total_fee, "fee")?,
        protocol_fee,
        pool: state,
        crossed,
        marked_crossed,
        partial_fill: !remaining.is_zero(),
        tick_bound_reached,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_limits_are_checked_like_v3() {
        let current = Uint256::from(1u128 << 96);
        assert_eq!(
            price_limit(Some(current), current, true),
            Err(ContractError::PriceLimitWrongSide {
                limit: current,
                current,
                side: "lower"
            })
        );
        assert_eq!(
            price_limit(Some(current), current, false),
            Err(ContractError::PriceLimitWrongSide {
                limit: current,
                current,
                side: "upper"
            })
        );
        assert_eq!(
            price_limit(Some(MIN_SQRT_PRICE), current, true),
            Err(ContractError::PriceLimitOutOfRange {
                limit: MIN_SQRT_PRICE
            })
        );
        assert_eq!(
            price_limit(Some(MAX_SQRT_PRICE), current, false),
            Err(ContractError::PriceLimitOutOfRange {
                limit: MAX_SQRT_PRICE
            })
        );
        assert_eq!(
            price_limit(None, current, true),
            Ok(MIN_SQRT_PRICE + Uint256::one())
        );
    }
}
