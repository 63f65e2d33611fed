//! The farm pools' TVL, reward value and APR over a finished run, from the report alone: the
//! tokens priced at every sample by the weighted pools ([`super::pool_prices`]), each stake as
//! the farm log moved it (deposits, withdraws, emergency withdraws, at their exact times), and
//! the APR arithmetic shared with the CL farms ([`super::valuation`]).
use cosmwasm_std::Uint256;

use super::pool_prices;
use super::valuation::{apr_bps, hold};
use crate::model::value::{FarmValuation, FarmValueSample, PoolValue, PositionValue};
use crate::model::SimReport;
use crate::scenario::cl_farm_plan::TokenPrice;

/// The basis of the values, as the report states it.
pub fn basis(quote: Option<&str>) -> String {
    let Some(quote) = quote else {
        return "No weighted pool trades in this run, so no token has a price: TVL, reward \
value and APR read \"no price\"."
            .to_string();
    };
    format!(
        "Values are in {quote}, the second asset of the first weighted pool (the token its price \
is counted in, as a CL farm counts values in its pool's token1). At every sample each token is \
priced at the spot price of the weighted pools, (r1 / w1) / (r0 / w0) from their reserves and \
weights, walking from {quote} through the pools in the scenario's order; an LP token is worth \
its share of its pool's reserves, (r0 x p0 + r1 x p1) / LP supply; an option token is worth its \
exercise value, the underlying's price less the strike in the payment token (rounded up), at \
least 0, and has no price until the oracle gives a strike; a token no pool connects to \
{quote} has no price, and what depends on it reads \"no price\". TVL = the pool's stake at the \
sample's prices. value-seconds sum each stake's value times the seconds it was held, the stake \
as the deposits and withdraws moved it (to the second) and the price of each sample held until \
the next one. Reward value = the reward credited so far (a position: everything it earned) at \
the sample's price of the reward token. APR = floor(reward value x 365 days x 10000 / \
value-seconds) bps: annualized over the time actually staked. Integer math, values rounded \
down; the charts draw floats."
    )
}

/// A stake's value-seconds and seconds staked, walked forward through the samples.
#[derive(Clone)]
struct HeldStake {
    stake: u128,
    since: u64,
    /// `None` once a staked second had no price.
    value_secs: Option<Uint256>,
    staked_secs: u64,
}

impl HeldStake {
    fn new(t: u64) -> HeldStake {
        HeldStake {
            stake: 0,
            since: t,
            value_secs: Some(Uint256::zero()),
            staked_secs: 0,
        }
    }

    /// Holds the current stake at `price` from `since` to `t`.
    fn hold_to(&mut self, t: u64, price: Option<&TokenPrice>) {
        let secs = t.saturating_sub(self.since);
        if secs > 0 && self.stake > 0 {
            self.staked_secs += secs;
            self.value_secs = match (self.value_secs, price) {
                (Some(v), Some(p)) => Some(hold(v, saturate(p.value(self.stake)), secs)),
                _ => None,
            };
        }
        self.since = self.since.max(t);
    }
}

fn saturate(v: Uint256) -> u128 {
    cosmwasm_std::Uint128::try_from(v).map_or(u128::MAX, |v| v.u128())
}

/// The stake changes of (`user`, `pool`) in the farm log (`None`: every user), in run order:
/// (t, +deposited / -withdrawn).
fn changes(report: &SimReport, user: Option<&str>, pool: &str) -> Vec<(u64, i128)> {
    report
        .events
        .iter()
        .filter(|e| !e.settlement && e.pool.as_deref() == Some(pool))
        .filter(|e| user.is_none_or(|u| e.actor == u))
        .filter_map(|e| {
            let amount = e.amount.u128() as i128;
            match e.action.as_str() {
                "deposit" => Some((e.t, amount)),
                "withdraw" | "emergency_withdraw" => Some((e.t, -amount)),
                _ => None,
            }
        })
        .collect()
}

/// The stake's (value-seconds, seconds staked) at every sample, the staking token priced by
/// `prices[k]` from sample k to sample k + 1.
fn walk(
    report: &SimReport,
    changes: &[(u64, i128)],
    prices: &[Option<TokenPrice>],
) -> Vec<(Option<Uint256>, u64)> {
    let first = report.samples.first().map_or(0, |s| s.t);
    let mut held = HeldStake::new(first);
    let mut next = changes.iter().peekable();
    let mut out = Vec::with_capacity(report.samples.len());
    for (k, sample) in report.samples.iter().enumerate() {
        let price = prices[k.saturating_sub(1)].as_ref();
        // Actions at a sample's time run before it is taken.
        while let Some((t, delta)) = next.next_if(|(t, _)| *t <= sample.t) {
            held.hold_to(*t, price);
            held.stake = held.stake.saturating_add_signed(*delta);
        }
        held.hold_to(sample.t, price);
        out.push((held.value_secs, held.staked_secs));
    }
    out
}

fn value_at(price: Option<&TokenPrice>, amount: u128) -> Option<Uint256> {
    price.map(|p| p.value(amount))
}

/// The report's farm valuation (prices from its weighted pools).
pub fn valuation(report: &SimReport) -> FarmValuation {
    let quote = pool_prices::quote(&report.tokens, &report.amm_pools);
    let token = |symbol: &str| report.tokens.iter().position(|t| t.symbol == symbol);
    // prices[k][token]
    let prices: Vec<Vec<Option<TokenPrice>>> = report
        .samples
        .iter()
        .map(|s| {
            let mut p = pool_prices::prices(&report.tokens, &report.amm_pools, &s.amm_pools, quote);
            // An option is priced from its underlying and payment once the oracle gives a strike.
            if let (Some(o), Some(now)) = (&report.summary.options, &s.options) {
                let info = &o.info;
                if let Some(i) = token(&info.symbol) {
                    let of = |symbol: &str| token(symbol).and_then(|t| p[t]);
                    p[i] = now.strike.and_then(|strike| {
                        pool_prices::option_price(of(&info.underlying), of(&info.payment), strike)
                    });
                }
            }
            p
        })
        .collect();
    let price_of = |k: usize, symbol: &str| -> Option<TokenPrice> { prices[k][token(symbol)?] };
    let reward = &report.scenario.reward_symbol;
    let mut samples: Vec<FarmValueSample> = report
        .samples
        .iter()
        .map(|s| FarmValueSample {
            t: s.t,
            pools: Vec::new(),
        })
        .collect();
    let mut pools = Vec::new();
    for (i, info) in report.pools.iter().enumerate() {
        let staking: Vec<Option<TokenPrice>> = (0..report.samples.len())
            .map(|k| price_of(k, &info.staking_symbol))
            .collect();
        let walked = walk(report, &changes(report, None, &info.name), &staking);
        for (k, (s, (value_secs, staked_secs))) in report.samples.iter().zip(walked).enumerate() {
            let reward_value =
                value_at(price_of(k, reward).as_ref(), s.pools[i].distributed.u128());
            samples[k].pools.push(PoolValue {
                pool: info.name.clone(),
                tvl: value_at(staking[k].as_ref(), s.pools[i].staked.u128()),
                reward_value,
                value_secs,
                staked_secs,
                apr_bps: apr(reward_value, value_secs),
            });
        }
        let end = samples.last().and_then(|s| s.pools.get(i)).cloned();
        // Over the run: the reward credited to the pool, the final settlement included.
        let last = report.samples.len().saturating_sub(1);
        let summary = report.summary.pools.get(i);
        let reward_value =
            summary.and_then(|p| value_at(price_of(last, reward).as_ref(), p.distributed.u128()));
        pools.push(match end {
            Some(end) => PoolValue {
                reward_value,
                apr_bps: apr(reward_value, end.value_secs),
                ..end
            },
            None => PoolValue {
                pool: info.name.clone(),
                tvl: None,
                reward_value,
                value_secs: None,
                staked_secs: 0,
                apr_bps: None,
            },
        });
    }
    let last = report.samples.len().saturating_sub(1);
    let users = report
        .summary
        .users
        .iter()
        .map(|u| {
            let symbol = report
                .pool_index(&u.pool)
                .map(|i| report.pools[i].staking_symbol.as_str())
                .unwrap_or_default();
            let staking: Vec<Option<TokenPrice>> = (0..report.samples.len())
                .map(|k| price_of(k, symbol))
                .collect();
            let walked = walk(report, &changes(report, Some(&u.user), &u.pool), &staking);
            let (value_secs, staked_secs) = walked.last().copied().unwrap_or((None, 0));
            let reward_value = if report.samples.is_empty() {
                None
            } else {
                value_at(price_of(last, reward).as_ref(), u.earned.u128())
            };
            PositionValue {
                user: u.user.clone(),
                pool: u.pool.clone(),
                reward_value,
                value_secs,
                staked_secs,
                apr_bps: apr(reward_value, value_secs),
            }
        })
        .collect();
    let quote_token = quote.map(|q| &report.tokens[q]);
    FarmValuation {
        quote: quote_token.map(|t| t.symbol.clone()),
        quote_decimals: quote_token.map_or(0, |t| t.decimals),
        basis: basis(quote_token.map(|t| t.symbol.as_str())),
        samples,
        pools,
        users,
    }
}

fn apr(reward_value: Option<Uint256>, value_secs: Option<Uint256>) -> Option<u64> {
    apr_bps(reward_value?, value_secs?)
}

/// A user's APR over every position: `Σ reward value x year / Σ value-seconds` (`None` when a
/// position has no price, or the user never staked).
pub fn user_apr_bps(valuation: &FarmValuation, user: &str) -> Option<u64> {
    let mut reward = Uint256::zero();
    let mut value_secs = Uint256::zero();
    for p in valuation.users.iter().filter(|p| p.user == user) {
        reward = reward.saturating_add(p.reward_value?);
        value_secs = value_secs.saturating_add(p.value_secs?);
    }
    apr_bps(reward, value_secs)
}
