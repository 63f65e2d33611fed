//! The scenario file as written (serde, `deny_unknown_fields`). Fields that semantic checks
//! refer to are `Spanned`, so errors can point at them. `docs/sim.md` documents every field.
use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::cl_farm_spec::{ClFarmSpec, ClFarmingSpec};
use super::cl_spec::{ClPoolSpec, ClPositionSpec, ClTraderSpec};
use super::units::{Amount, AmountOrAll, Dur};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioSpec {
    /// Defaults to the file name without extension.
    pub name: Option<Spanned<String>>,
    #[serde(default)]
    pub description: String,
    /// How long the simulation runs, from the deployment block.
    pub duration: Spanned<Dur>,
    /// Sampling interval of the time series (and of the bounded conservation check).
    pub step: Spanned<Dur>,
    /// Seconds per block (default 5).
    pub block_time: Option<Spanned<Dur>>,
    pub tokens: Vec<TokenSpec>,
    pub farm: FarmSpec,
    pub pools: Vec<PoolSpec>,
    #[serde(default)]
    pub weight_changes: Vec<WeightChangeSpec>,
    #[serde(default)]
    pub users: Vec<UserSpec>,
    /// Weighted pools (factory, pools and initial liquidity), deployed before the farm.
    #[serde(default)]
    pub amm_pools: Vec<AmmPoolSpec>,
    /// Accounts that swap in the amm pools.
    #[serde(default)]
    pub traders: Vec<TraderSpec>,
    /// A voting escrow: users lock a token for ve power that boosts pools and weighs votes.
    pub escrow: Option<EscrowSpec>,
    /// A gauge controller whose gauges are the farm's pools (`split = "gauges"`).
    pub gauges: Option<GaugesSpec>,
    /// Run the scenario once per boost mode, every pool that declares `boost` set to that
    /// mode, and compare the users' rewards.
    pub compare_boost: Option<Spanned<Vec<Spanned<BoostKind>>>>,
    /// An options token (oTOKEN) on a declared token, priced by an amm pool's TWAP: the
    /// farm's reward.
    pub options: Option<OptionsSpec>,
    /// Concentrated-liquidity pools, created through the pool factory.
    #[serde(default)]
    pub cl_pools: Vec<ClPoolSpec>,
    /// Range positions in the CL pools.
    #[serde(default)]
    pub cl_positions: Vec<ClPositionSpec>,
    /// Accounts that swap in the CL pools.
    #[serde(default)]
    pub cl_traders: Vec<ClTraderSpec>,
    /// Farms of the CL farming center on the CL pools.
    #[serde(default)]
    pub cl_farms: Vec<ClFarmSpec>,
    /// Which farms each CL position enters and leaves, its claims and fee collections.
    #[serde(default)]
    pub cl_farming: Vec<ClFarmingSpec>,
    /// The account that creates and funds the CL farms (default `maker`).
    pub cl_incentive_maker: Option<Spanned<String>>,
}

/// The options token: a cw20 call option on `underlying`, exercised at a discount to the
/// TWAP of `pool`, paid in `payment` to the treasury.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionsSpec {
    /// The oTOKEN's cw20 symbol (not a declared token: the simulator deploys it).
    pub symbol: Spanned<String>,
    /// A declared token the options buy (a cw20 for `delivery = "mint"`).
    pub underlying: Spanned<String>,
    /// A declared token the exercise is paid in.
    pub payment: Spanned<String>,
    /// The amm pool of `underlying` and `payment` whose TWAP prices the options.
    pub pool: Spanned<String>,
    /// TWAP window (at least 300 s).
    pub window: Spanned<Dur>,
    /// The strike in bps of the TWAP (1000 to 10000).
    pub multiplier_bps: Spanned<u64>,
    /// Lowest strike, payment base units per underlying base unit, as a decimal string
    /// (default one 1e-18: the least the contract accepts).
    pub min_price: Option<Spanned<String>>,
    /// The account the payments go to (default `treasury`).
    pub treasury: Option<Spanned<String>>,
    /// `mint` (the oTOKEN mints the underlying) or `reserve` (paid from a reserve the treasury
    /// funds at deployment with `reserve`).
    pub delivery: Spanned<DeliveryKind>,
    /// `delivery = "reserve"`: underlying funded at deployment, display units.
    pub reserve: Option<Spanned<Amount>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryKind {
    Mint,
    Reserve,
}

/// What a farmer does with the underlying an exercise delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThenKind {
    /// Keep it.
    Hold,
    /// Lock it in the escrow (through the options pool's LP token when that is what the
    /// escrow locks).
    Lock,
    /// Sell it into the options pool.
    Sell,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscrowSpec {
    /// The locked token (a declared token or an amm pool's LP token).
    pub lock_token: Spanned<String>,
    /// Longest lock (default 4 x 365 days).
    pub max_time: Option<Spanned<Dur>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GaugesSpec {
    /// Gauge types (risk classes), in id order.
    pub types: Spanned<Vec<GaugeTypeSpec>>,
    /// Shortest time between two votes of one user for one gauge (default 10 days).
    pub vote_delay: Option<Spanned<Dur>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GaugeTypeSpec {
    pub name: Spanned<String>,
    pub weight: Spanned<u64>,
}

/// How a pool's stake counts for reward: `none` (fully), `curve` (40% without ve power, up to
/// 2.5x with it), `foo` (nothing without ve power).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoostKind {
    None,
    Curve,
    Foo,
}

/// How the farm splits its emission across pools.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SplitKind {
    Allocation,
    Gauges,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenSpec {
    pub symbol: Spanned<String>,
    pub kind: Spanned<TokenKind>,
    pub decimals: Spanned<u8>,
    /// Native only: the bank denom (default `u` + the symbol in lower case).
    pub denom: Option<Spanned<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Native,
    Cw20,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FarmSpec {
    pub clock: Spanned<ClockKind>,
    pub reward: RewardSpec,
    pub schedule: ScheduleSpec,
    pub policy: Option<PolicySpec>,
    /// `allocation` (default: by pool weights) or `gauges` (by the gauges' relative weights).
    pub split: Option<Spanned<SplitKind>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    Time,
    Height,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RewardSpec {
    pub source: Spanned<SourceKind>,
    pub token: Spanned<String>,
    /// Reserve only: top-ups from the `treasury` account.
    #[serde(default)]
    pub funding: Vec<FundingSpec>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Mint,
    Reserve,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundingSpec {
    pub at: Spanned<Dur>,
    pub amount: Spanned<Amount>,
}

/// One flat table for every curve; which fields apply depends on `curve`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleSpec {
    pub start: Option<Spanned<Dur>>,
    pub end: Option<Spanned<Dur>>,
    pub curve: Spanned<CurveKind>,
    /// `constant`: reward per clock unit, display units of the reward token.
    pub rate: Option<Spanned<Amount>>,
    /// `step_decay`, `linear`.
    pub initial_rate: Option<Spanned<Amount>>,
    /// `linear`.
    pub final_rate: Option<Spanned<Amount>>,
    /// `linear`: how long the decline lasts.
    pub duration: Option<Spanned<Dur>>,
    /// `step_decay`: epoch length.
    pub epoch: Option<Spanned<Dur>>,
    /// `step_decay`.
    pub decay: Option<Spanned<DecayKind>>,
    /// `decay = "bps"`: factor per epoch in bps (9900 = -1%).
    pub factor_bps: Option<Spanned<u32>>,
    /// `decay = "fixed18"`: factor per epoch scaled by 1e18, as a string.
    pub factor: Option<Spanned<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CurveKind {
    Constant,
    StepDecay,
    Linear,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecayKind {
    Bps,
    Fixed18,
    Halving,
    CurveYearly,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicySpec {
    pub protocol_token: Option<Spanned<String>>,
    pub max_solo_share_bps: Option<Spanned<u32>>,
    #[serde(default)]
    pub native_pairs_outweigh: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolSpec {
    pub name: Spanned<String>,
    pub kind: Spanned<PoolKindSpec>,
    pub staking: Spanned<String>,
    /// `lp` only: the two tokens of the pair (derived when `staking` is an amm pool's LP
    /// token).
    pub pair: Option<Spanned<Vec<Spanned<String>>>>,
    /// Allocation weight: required with `split = "allocation"`, refused with `"gauges"`.
    pub weight: Option<Spanned<u64>>,
    /// Default `none`; `curve` and `foo` need `[escrow]`.
    pub boost: Option<Spanned<BoostKind>>,
    /// `split = "gauges"`: the name of the pool's gauge type (default: the first type).
    pub gauge_type: Option<Spanned<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoolKindSpec {
    Lp,
    Solo,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightChangeSpec {
    pub at: Spanned<Dur>,
    pub pool: Spanned<String>,
    pub weight: Spanned<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSpec {
    pub name: Spanned<String>,
    /// Initial balances by token symbol, display units.
    #[serde(default)]
    pub balances: BTreeMap<Spanned<String>, Spanned<Amount>>,
    #[serde(default)]
    pub actions: Vec<ActionSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionSpec {
    pub at: Spanned<Dur>,
    pub action: Spanned<ActionKind>,
    /// `deposit`, `withdraw`, `emergency_withdraw` (a farm pool); `join`, `exit` (an amm pool).
    pub pool: Option<Spanned<String>>,
    /// `claim`: the pools to claim (default: every pool the user has a position in).
    pub pools: Option<Spanned<Vec<Spanned<String>>>>,
    /// `deposit` (`"all"`: the whole balance), `withdraw` (`"all"`: everything staked), `exit`
    /// (LP tokens; `"all"`: the whole LP balance).
    pub amount: Option<Spanned<AmountOrAll>>,
    /// `join`: the most the user puts in of each of the pool's assets, by symbol (`"all"`: the
    /// whole balance).
    pub amounts: Option<Spanned<BTreeMap<Spanned<String>, Spanned<AmountOrAll>>>>,
    /// `lock`, `extend_lock`: the lock ends this long after the action (rounded down to a week
    /// by the escrow).
    pub lock_for: Option<Spanned<Dur>>,
    /// `vote`: the pool whose gauge gets the vote.
    pub gauge: Option<Spanned<String>>,
    /// `vote`: basis points of the user's ve slope (0 removes the vote).
    pub weight_bps: Option<Spanned<u64>>,
    /// `exercise`: the most the payment may exceed the quote, in bps (default 100).
    pub max_slippage_bps: Option<Spanned<u64>>,
    /// `exercise`: what the user does with the underlying (default `hold`).
    pub then: Option<Spanned<ThenKind>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Deposit,
    Withdraw,
    Claim,
    EmergencyWithdraw,
    Join,
    Exit,
    Lock,
    IncreaseLock,
    ExtendLock,
    WithdrawLock,
    Vote,
    Exercise,
}

impl ActionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Deposit => "deposit",
            ActionKind::Withdraw => "withdraw",
            ActionKind::Claim => "claim",
            ActionKind::EmergencyWithdraw => "emergency_withdraw",
            ActionKind::Join => "join",
            ActionKind::Exit => "exit",
            ActionKind::Lock => "lock",
            ActionKind::IncreaseLock => "increase_lock",
            ActionKind::ExtendLock => "extend_lock",
            ActionKind::WithdrawLock => "withdraw_lock",
            ActionKind::Vote => "vote",
            ActionKind::Exercise => "exercise",
        }
    }
}

/// A weighted pool created through the pool factory, with its initial liquidity.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmmPoolSpec {
    pub name: Spanned<String>,
    /// Two different declared tokens, in the pool's order.
    pub assets: Spanned<Vec<Spanned<String>>>,
    /// Percent, in the order of `assets`: each at least 1, summing to 100.
    pub weights: Spanned<Vec<Spanned<u64>>>,
    pub swap_fee_bps: Spanned<u64>,
    /// The symbol the scenario uses for the pool's LP token.
    pub lp_token: Spanned<String>,
    /// Amounts of both assets, by symbol, provided at deployment by the `liquidity` account.
    pub initial_liquidity: Spanned<BTreeMap<Spanned<String>, Spanned<Amount>>>,
    /// Share of every swap fee owed to `fee_collector`, in basis points of the fee.
    pub protocol_fee_share_bps: Option<Spanned<u64>>,
    /// The account the protocol fees are owed to.
    pub fee_collector: Option<Spanned<String>>,
}

/// An account that swaps: scripted swaps or random ones.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraderSpec {
    pub name: Spanned<String>,
    #[serde(default)]
    pub balances: BTreeMap<Spanned<String>, Spanned<Amount>>,
    pub scripted: Option<Spanned<Vec<SwapSpec>>>,
    pub random: Option<Spanned<RandomSpec>>,
}

/// One exact-in swap of a scripted trader.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SwapSpec {
    pub at: Spanned<Dur>,
    /// An amm pool.
    pub pool: Spanned<String>,
    /// The asset sold (one of the pool's two).
    pub offer: Spanned<String>,
    pub amount: Spanned<Amount>,
    /// The least the trader accepts of the other asset; the swap fails below it.
    pub min_out: Option<Spanned<Amount>>,
}

/// Random exact-in swaps at a fixed interval.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RandomSpec {
    pub seed: Spanned<u64>,
    /// Time between two swaps; the first is one interval after deployment.
    pub every: Spanned<Dur>,
    /// Amm pools to pick from (uniformly).
    pub pools: Spanned<Vec<Spanned<String>>>,
    /// Largest swap, in bps of the pool's balance of the asset sold (below the pool's 30% cap).
    pub max_size_bps: Spanned<u64>,
}
