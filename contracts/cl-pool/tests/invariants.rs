//! Property test over random mints, decreases, collects, burns, swaps both ways (exact in and
//! out) and round trips. After every step:
//! - the pool's balances cover every position's tokens owed plus its uncollected fees (computed
//!   from the ticks' outside growth with v3's formula) plus the protocol fees;
//! - the in-range liquidity equals the sum of the positions whose range holds the tick;
//! - fee growth never decreases;
//! - a round trip of swaps never returns more than was paid;
//! - every refusal is a typed `ContractError`;
//! - a collect pays exactly the tokens owed plus the fees earned, rounded down.
//!
//! At the end every position is emptied and collected and the protocol fees paid: each payment
//! must go through (the bank refuses to overdraw the pool).
//!
//! 2,000 cases by default; `TRELLIS_PROPTEST_CASES=N` overrides.
#![allow(clippy::needless_range_loop)]
mod common;
use common::*;
use cosmwasm_std::{Uint128, Uint256, Uint512};
use proptest::prelude::*;
use trellis_cl_pool::ContractError;
use trellis_math::cl::sqrt_price_at_tick;
use trellis_types::cl_pool::*;

const SPACING: i32 = 10;

#[derive(Clone, Debug)]
enum Op {
    Mint {
        lower: i32,
        width: i32,
        amounts: [u128; 2],
    },
    Decrease {
        pos: usize,
        percent: u128,
    },
    Collect {
        pos: usize,
    },
    Burn {
        pos: usize,
    },
    Swap {
        zero_for_one: bool,
        exact_in: bool,
        amount: u128,
    },
    RoundTrip {
        zero_for_one: bool,
        amount: u128,
    },
    Advance {
        secs: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (-30i32..30, 1i32..20, 0u128..5_000_000_000, 0u128..5_000_000_000)
            .prop_map(|(lower, width, a, b)| Op::Mint { lower, width, amounts: [a, b] }),
        1 => (0usize..8, 1u128..=100).prop_map(|(pos, percent)| Op::Decrease { pos, percent }),
        1 => (0usize..8).prop_map(|pos| Op::Collect { pos }),
        1 => (0usize..8).prop_map(|pos| Op::Burn { pos }),
        4 => (any::<bool>(), any::<bool>(), 1u128..3_000_000_000)
            .prop_map(|(zero_for_one, exact_in, amount)| Op::Swap { zero_for_one, exact_in, amount }),
        1 => (any::<bool>(), 1u128..1_000_000_000)
            .prop_map(|(zero_for_one, amount)| Op::RoundTrip { zero_for_one, amount }),
        1 => (1u64..2_000).prop_map(|secs| Op::Advance { secs }),
    ]
}

fn cases() -> u32 {
    std::env::var("TRELLIS_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

/// Refusals must be typed pool errors; returns whether the call went through.
fn typed(result: Res) -> bool {
    match result {
        Ok(_) => true,
        Err(err) => {
            assert!(
                err.downcast_ref::<ContractError>().is_some(),
                "untyped failure: {err:?}"
            );
            false
        }
    }
}

/// v3's fee growth inside a range from the ticks' outside values.
fn fee_growth_inside(
    s: &Suite,
    lower: i32,
    upper: i32,
    tick: i32,
    global: [Uint256; 2],
) -> [Uint256; 2] {
    let (lo, up) = (s.tick(lower), s.tick(upper));
    [0, 1].map(|i| {
        let below = if tick >= lower {
            lo.fee_growth_outside[i]
        } else {
            global[i].wrapping_sub(lo.fee_growth_outside[i])
        };
        let above = if tick < upper {
            up.fee_growth_outside[i]
        } else {
            global[i].wrapping_sub(up.fee_growth_outside[i])
        };
        global[i].wrapping_sub(below).wrapping_sub(above)
    })
}

/// A position's tokens owed plus its uncollected fees, `floor(growth * L / 2^128)`.
fn owed_now(s: &Suite, id: &str) -> [u128; 2] {
    let state = s.state();
    let p = s.position(id);
    let inside = fee_growth_inside(
        s,
        p.lower_tick,
        p.upper_tick,
        state.tick,
        state.fee_growth_global,
    );
    [0, 1].map(|i| {
        let growth = inside[i].wrapping_sub(p.fee_growth_inside_last[i]);
        let fees = (Uint512::from(growth) * Uint512::from(p.liquidity.u128())) >> 128;
        p.tokens_owed[i].u128() + Uint128::try_from(fees).unwrap().u128()
    })
}

struct Model {
    positions: Vec<String>,
    last_growth: [Uint256; 2],
}

fn check(s: &Suite, model: &mut Model) {
    let state = s.state();
    // Fee growth is monotone (no test gets near 2^256).
    for i in 0..2 {
        assert!(state.fee_growth_global[i] >= model.last_growth[i]);
    }
    model.last_growth = state.fee_growth_global;
    let mut owed = [Uint512::zero(); 2];
    let mut active = 0u128;
    for id in &model.positions {
        let p = s.position(id);
        if p.lower_tick <= state.tick && state.tick < p.upper_tick {
            active += p.liquidity.u128();
        }
        let inside = fee_growth_inside(
            s,
            p.lower_tick,
            p.upper_tick,
            state.tick,
            state.fee_growth_global,
        );
        for i in 0..2 {
            let growth = inside[i].wrapping_sub(p.fee_growth_inside_last[i]);
            let fees = (Uint512::from(growth) * Uint512::from(p.liquidity.u128())) >> 128;
            owed[i] += fees + Uint512::from(p.tokens_owed[i].u128());
        }
    }
    assert_eq!(state.liquidity.u128(), active, "in-range liquidity");
    let pool = s.pool.clone();
    for i in 0..2 {
        owed[i] += Uint512::from(state.protocol_fees_owed[i].u128());
        assert!(
            Uint512::from(s.balance(&pool, i)) >= owed[i],
            "pool balance {i} does not cover what it owes"
        );
    }
}

fn run(ops: Vec<Op>) {
    let mut s = Suite::new(Spec::standard().tier(500, SPACING).protocol_share(1_000));
    let lp = s.addr("lp");
    let trader = s.addr("trader");
    let mut model = Model {
        positions: vec![],
        last_growth: [Uint256::zero(); 2],
    };
    for op in ops {
        match op {
            Op::Mint {
                lower,
                width,
                amounts,
            } => {
                let (lower, upper) = (lower * SPACING, (lower + width) * SPACING);
                let res = s.funded_mint(&lp, lower, upper, amounts);
                if let Ok(res) = &res {
                    model.positions.push(Suite::minted_id(res));
                }
                typed(res);
            }
            Op::Decrease { pos, percent } if !model.positions.is_empty() => {
                let id = model.positions[pos % model.positions.len()].clone();
                let liquidity = s.position(&id).liquidity.u128() * percent / 100;
                typed(s.exec(
                    &lp,
                    &[],
                    &ExecuteMsg::DecreaseLiquidity {
                        token_id: id,
                        liquidity: Uint128::new(liquidity),
                        amount_min: [Uint128::zero(); 2],
                        deadline: None,
                    },
                ));
            }
            Op::Collect { pos } if !model.positions.is_empty() => {
                let id = model.positions[pos % model.positions.len()].clone();
                let expected = owed_now(&s, &id);
                let before = [s.balance(&lp, 0), s.balance(&lp, 1)];
                typed(s.exec(
                    &lp,
                    &[],
                    &ExecuteMsg::Collect {
                        token_id: id,
                        recipient: None,
                        amount_max: None,
                    },
                ));
                // Exactly what was owed plus the fees earned, rounded down.
                let paid = [s.balance(&lp, 0) - before[0], s.balance(&lp, 1) - before[1]];
                assert_eq!(paid, expected, "collected amounts");
            }
            Op::Burn { pos } if !model.positions.is_empty() => {
                let index = pos % model.positions.len();
                let id = model.positions[index].clone();
                empty(&mut s, &lp, &id);
                assert!(typed(s.exec(&lp, &[], &ExecuteMsg::Burn { token_id: id })));
                model.positions.remove(index);
            }
            Op::Swap {
                zero_for_one,
                exact_in,
                amount,
            } => {
                let i = usize::from(!zero_for_one);
                s.fund(&trader, i, amount);
                let limit = Some(band_limit(zero_for_one));
                let res = if exact_in {
                    s.swap_in(&trader, i, amount, limit)
                } else {
                    s.swap_out(&trader, i, amount, amount / 2 + 1, limit)
                };
                typed(res);
            }
            Op::RoundTrip {
                zero_for_one,
                amount,
            } => {
                let (i, j) = (usize::from(!zero_for_one), usize::from(zero_for_one));
                let start = [s.balance(&trader, 0), s.balance(&trader, 1)];
                s.fund(&trader, i, amount);
                if typed(s.swap_in(&trader, i, amount, Some(band_limit(zero_for_one)))) {
                    let got = s.balance(&trader, j) - start[j];
                    if got > 0 {
                        typed(s.swap_in(&trader, j, got, Some(band_limit(!zero_for_one))));
                    }
                }
                let end = [s.balance(&trader, 0), s.balance(&trader, 1)];
                // Paid `amount` of i; got back at most that, and no more of j than before.
                assert!(end[i] <= start[i] + amount, "round trip profited in {i}");
                assert!(end[j] <= start[j], "round trip profited in {j}");
            }
            Op::Advance { secs } => s.advance(secs),
            _ => {}
        }
        check(&s, &mut model);
    }
    // Everyone can leave: every position emptied and collected, then the protocol fees.
    for id in model.positions.clone() {
        empty(&mut s, &lp, &id);
        assert_eq!(s.position(&id).tokens_owed, [Uint128::zero(); 2]);
    }
    assert_eq!(s.state().liquidity, Uint128::zero());
    let fees = s.state().protocol_fees_owed;
    if fees != [Uint128::zero(); 2] {
        let anyone = s.addr("anyone");
        s.exec(&anyone, &[], &ExecuteMsg::CollectProtocolFees {})
            .unwrap();
    }
}

/// Swaps stop within ±400 ticks of price 1, where the positions are, so the price does not run
/// off to the end of the range through empty ticks (a swap already past the band is refused,
/// as it should be, with `PriceLimitWrongSide`).
fn band_limit(zero_for_one: bool) -> Uint256 {
    sqrt_price_at_tick(if zero_for_one { -400 } else { 400 }).unwrap()
}

/// Removes all of a position's liquidity and collects everything it is owed.
fn empty(s: &mut Suite, lp: &cosmwasm_std::Addr, id: &str) {
    let liquidity = s.position(id).liquidity;
    if !liquidity.is_zero() {
        s.exec(
            lp,
            &[],
            &ExecuteMsg::DecreaseLiquidity {
                token_id: id.to_string(),
                liquidity,
                amount_min: [Uint128::zero(); 2],
                deadline: None,
            },
        )
        .unwrap();
    }
    let result = s.exec(
        lp,
        &[],
        &ExecuteMsg::Collect {
            token_id: id.to_string(),
            recipient: None,
            amount_max: None,
        },
    );
    if let Err(err) = result {
        assert_eq!(
            err.downcast_ref::<ContractError>(),
            Some(&ContractError::NothingToCollect {
                token_id: id.to_string()
            })
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]
    #[test]
    fn accounting_invariants(ops in proptest::collection::vec(op(), 1..16)) {
        run(ops);
    }
}
