//! Token prices from the weighted pools of one sample, in base units of one quote token, as
//! 1e36 fixed point rounded down:
//!
//! - the quote token is the second asset of the first weighted pool (what that pool's price is
//!   counted in, as a CL farm counts values in its pool's token1); no weighted pool, no quote;
//! - a pool prices the asset it trades against an already priced one at its spot price from
//!   its reserves and weights, `(r1 / w1) / (r0 / w0)` base units of `assets[1]` per base
//!   unit of `assets[0]`; pools are walked in the scenario's order until nothing changes, so
//!   the first path found prices a token;
//! - a pool's LP token is worth its share of the pool's reserves,
//!   `(r0 * p0 + r1 * p1) / lp_supply` (its decimals whatever they are);
//! - an option token is worth its exercise value ([`option_price`]);
//! - a token no pool connects to the quote has no price (`None`).
use cosmwasm_std::{Decimal, Uint256, Uint512};

use crate::model::{AmmPoolInfo, AmmSample};
use crate::scenario::cl_farm_plan::TokenPrice;
use crate::scenario::plan::TokenPlan;

/// 1e36: the fixed point of the prices.
pub fn scale() -> Uint256 {
    Uint256::from(10u8).pow(36)
}

/// The quote token's index in `tokens`: the first weighted pool's second asset.
pub fn quote(tokens: &[TokenPlan], pools: &[AmmPoolInfo]) -> Option<usize> {
    let symbol = &pools.first()?.assets[1];
    tokens.iter().position(|t| t.symbol == *symbol)
}

/// `floor(a * b / c)` in 512 bits, `None` for a zero `c` or a result above 256 bits.
fn mul_div(a: Uint256, b: Uint256, c: Uint256) -> Option<Uint256> {
    if c.is_zero() {
        return None;
    }
    Uint256::try_from(a.full_mul(b) / Uint512::from(c)).ok()
}

/// Each token's price (in `tokens` order) in base units of `tokens[quote]` per base unit.
pub fn prices(
    tokens: &[TokenPlan],
    pools: &[AmmPoolInfo],
    samples: &[AmmSample],
    quote: Option<usize>,
) -> Vec<Option<TokenPrice>> {
    let mut scaled: Vec<Option<Uint256>> = vec![None; tokens.len()];
    let Some(quote) = quote else {
        return vec![None; tokens.len()];
    };
    scaled[quote] = Some(scale());
    let index = |symbol: &str| tokens.iter().position(|t| t.symbol == symbol);
    let pairs: Vec<Option<[usize; 2]>> = pools.iter().map(|p| pair_of(&index, p)).collect();
    loop {
        let mut changed = false;
        for ((info, sample), pair) in pools.iter().zip(samples).zip(&pairs) {
            let Some([a, b]) = *pair else { continue };
            // The spot price of a in b as a ratio of base units: r1 * w0 / (r0 * w1).
            let r = sample.reserves.map(Uint256::from);
            let w = info.weights.map(Uint256::from);
            let a_in_b = [r[1] * w[0], r[0] * w[1]];
            match (scaled[a], scaled[b]) {
                (None, Some(pb)) => {
                    scaled[a] = mul_div(pb, a_in_b[0], a_in_b[1]);
                    changed |= scaled[a].is_some();
                }
                (Some(pa), None) => {
                    scaled[b] = mul_div(pa, a_in_b[1], a_in_b[0]);
                    changed |= scaled[b].is_some();
                }
                _ => {}
            }
        }
        if !changed {
            break;
        }
    }
    for ((info, sample), pair) in pools.iter().zip(samples).zip(&pairs) {
        let (Some(lp), Some([a, b])) = (index(&info.lp_symbol), *pair) else {
            continue;
        };
        let (Some(pa), Some(pb)) = (scaled[a], scaled[b]) else {
            continue;
        };
        scaled[lp] = lp_price([pa, pb], sample);
    }
    scaled
        .into_iter()
        .map(|s| {
            s.map(|numerator| TokenPrice {
                numerator,
                denominator: scale(),
            })
        })
        .collect()
}

/// `(r0 * p0 + r1 * p1) / lp_supply`, `None` on overflow or an empty pool.
fn lp_price(prices: [Uint256; 2], sample: &AmmSample) -> Option<Uint256> {
    let [r0, r1] = sample.reserves.map(Uint256::from);
    let held = prices[0]
        .checked_mul(r0)
        .ok()?
        .checked_add(prices[1].checked_mul(r1).ok()?)
        .ok()?;
    held.checked_div(sample.lp_supply.into()).ok()
}

fn pair_of(index: &dyn Fn(&str) -> Option<usize>, info: &AmmPoolInfo) -> Option<[usize; 2]> {
    Some([index(&info.assets[0])?, index(&info.assets[1])?])
}

/// An option token's price: what exercising one base unit gains at the sample, the
/// underlying's price less the strike paid in the payment token (rounded up, as the exercise
/// charges it), at least 0. `strike` is in base units of payment per base unit of underlying.
pub fn option_price(
    underlying: Option<TokenPrice>,
    payment: Option<TokenPrice>,
    strike: Decimal,
) -> Option<TokenPrice> {
    let (u, p) = (underlying?, payment?);
    // strike x p in 1e36 fixed point: strike's atomics carry 18 decimals.
    let atomics = Uint256::from(strike.atomics());
    let one = Uint256::from(Decimal::one().atomics());
    let product = atomics.full_mul(p.numerator);
    let one = Uint512::from(one);
    let floor = product / one;
    let ceil = if floor * one == product {
        floor
    } else {
        floor + Uint512::one()
    };
    let cost = Uint256::try_from(ceil).ok()?;
    Some(TokenPrice {
        numerator: u.numerator.saturating_sub(cost),
        denominator: scale(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{Decimal256, Uint128};

    fn token(symbol: &str) -> TokenPlan {
        TokenPlan {
            symbol: symbol.to_string(),
            decimals: 0,
            denom: None,
            amm_pool: None,
        }
    }

    fn pool(assets: [&str; 2], weights: [u64; 2], lp: &str) -> AmmPoolInfo {
        AmmPoolInfo {
            name: format!("{}-{}", assets[0], assets[1]),
            address: String::new(),
            lp_token: String::new(),
            lp_symbol: lp.to_string(),
            assets: assets.map(String::from),
            decimals: [0, 0],
            weights,
            swap_fee_bps: 30,
            protocol_fee_share_bps: 0,
            fee_collector: None,
        }
    }

    fn sample(reserves: [u128; 2], lp_supply: u128) -> AmmSample {
        AmmSample {
            reserves: reserves.map(Uint128::new),
            protocol_fees_owed: [Uint128::zero(); 2],
            held: reserves.map(Uint128::new),
            lp_supply: Uint128::new(lp_supply),
            lp_token_supply: Uint128::new(lp_supply),
            spot_price: Decimal256::zero(),
            price: Decimal256::zero(),
            swaps: 0,
            volume: [Uint128::zero(); 2],
            fees: [Uint128::zero(); 2],
        }
    }

    #[test]
    fn prices_walk_the_pools_from_the_quote() {
        // Q is the first pool's second asset. A/Q 50/50 with 100 A and 200 Q: A = (200 / 50) /
        // (100 / 50) = 2 Q. B/A 80/20 with 400 B and 50 A: B = (50 / 20) / (400 / 80) = 0.5 A
        // = 1 Q. The A/Q LP token, 10 units: (100 x 2 + 200 x 1) / 10 = 40 Q. C trades in no
        // pool: no price.
        let tokens = ["A", "Q", "B", "C", "AQ-LP", "BA-LP"].map(token);
        let pools = [
            pool(["A", "Q"], [50, 50], "AQ-LP"),
            pool(["B", "A"], [80, 20], "BA-LP"),
        ];
        let samples = [sample([100, 200], 10), sample([400, 50], 0)];
        let q = quote(&tokens, &pools);
        assert_eq!(q, Some(1));
        let p = prices(&tokens, &pools, &samples, q);
        let value = |i: usize, amount: u128| p[i].map(|p| p.value(amount).to_string());
        assert_eq!(value(0, 3).as_deref(), Some("6"));
        assert_eq!(value(1, 3).as_deref(), Some("3"));
        assert_eq!(value(2, 3).as_deref(), Some("3"));
        assert_eq!(value(3, 3), None);
        assert_eq!(value(4, 3).as_deref(), Some("120"));
        // An LP supply of 0 (an empty pool) prices nothing.
        assert_eq!(value(5, 3), None);
        // No weighted pool: no quote, no prices.
        assert_eq!(quote(&tokens, &[]), None);
        assert!(prices(&tokens, &[], &[], None).iter().all(Option::is_none));
    }

    #[test]
    fn an_option_is_worth_its_exercise_value() {
        // Underlying at 2 Q, payment at 1 Q: a strike of 1.5 leaves 0.5 Q per option (4
        // options: 2 Q); a strike of 3 leaves nothing, not a negative value.
        let price = |n: u128| TokenPrice {
            numerator: scale() * Uint256::from(n),
            denominator: scale(),
        };
        let at = |strike: &str| {
            option_price(Some(price(2)), Some(price(1)), strike.parse().unwrap())
                .map(|p| p.value(4).to_string())
        };
        assert_eq!(at("1.5").as_deref(), Some("2"));
        assert_eq!(at("3").as_deref(), Some("0"));
        assert_eq!(option_price(None, Some(price(1)), Decimal::one()), None);
    }
}
