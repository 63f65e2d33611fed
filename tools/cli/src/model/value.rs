//! The farm pools' values: each pool's staked value (TVL) and the value of the reward it got,
//! at every sample, and the APRs of the pools and positions, all in base units of one quote
//! token at the prices the run's weighted pools produced (see `basis`).
use cosmwasm_std::Uint256;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct FarmValuation {
    /// The token values are counted in (`None` without a weighted pool: nothing has a price).
    pub quote: Option<String>,
    pub quote_decimals: u8,
    /// How prices, values and APRs are computed, in words (also in the HTML report).
    pub basis: String,
    /// One per sample, in `samples` order.
    pub samples: Vec<FarmValueSample>,
    /// Each farm pool over the whole run, in `pools` order.
    pub pools: Vec<PoolValue>,
    /// Each position over the whole run, in `summary.users` order.
    pub users: Vec<PositionValue>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FarmValueSample {
    pub t: u64,
    /// In `pools` order.
    pub pools: Vec<PoolValue>,
}

/// A farm pool at a sample (or at the end): `None` values have no price path to the quote.
#[derive(Clone, Debug, Serialize)]
pub struct PoolValue {
    pub pool: String,
    /// The staked tokens' value now: the pool's TVL.
    pub tvl: Option<Uint256>,
    /// The reward distributed to the pool so far, at the reward token's price now.
    pub reward_value: Option<Uint256>,
    /// Σ the stakes' value x the seconds each was held so far.
    pub value_secs: Option<Uint256>,
    /// Seconds with something staked so far.
    pub staked_secs: u64,
    /// `reward_value x year / value_secs` in bps.
    pub apr_bps: Option<u64>,
}

/// One (user, pool) position over the run.
#[derive(Clone, Debug, Serialize)]
pub struct PositionValue {
    pub user: String,
    pub pool: String,
    /// Everything the position earned, at the reward token's price at the end.
    pub reward_value: Option<Uint256>,
    pub value_secs: Option<Uint256>,
    /// Seconds the position held a stake.
    pub staked_secs: u64,
    pub apr_bps: Option<u64>,
}
