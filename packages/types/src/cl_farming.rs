//! Messages of `contracts/cl-farming`: the farming center for concentrated-liquidity positions
//! (seed 003), holding eternal farms (a rate per second, open entry and exit) and limit farms
//! (a fixed total over `[start, end]`, entry before start, exit after end), each on a virtual
//! pool that the cl-pool's crossing hook moves.
//!
//! A position is deposited by sending its NFT (`SendNft` on the cl-pool, which is its own
//! collection) to this contract; its owner then enters and exits farms, collects the pool's
//! fees, and withdraws the NFT once it is in no farm. Rewards are credited to internal balances
//! per owner and token and paid by `ClaimReward`.
use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Uint128, Uint256};
use cw721::receiver::Cw721ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::AssetInfo;

/// Farm types: at most one live farm of each per pool (`ONE_LIVE_FARM_PER_KIND`).
#[cw_serde]
#[derive(Copy, Eq, PartialOrd, Ord)]
pub enum FarmKind {
    Eternal,
    Limit,
}

impl FarmKind {
    pub fn key(&self) -> &'static str {
        match self {
            FarmKind::Eternal => "eternal",
            FarmKind::Limit => "limit",
        }
    }
}

/// A liquidity multiplier for positions that lock `amount` of the farm's multiplier token.
#[cw_serde]
#[derive(Copy, Eq)]
pub struct Tier {
    /// Tokens to lock (at least).
    pub amount: Uint128,
    /// Multiplier in basis points, `10_000 ..= 50_000` (1x to 5x).
    pub multiplier_bps: u32,
}

/// Up to `MAX_TIERS` tiers, amounts and multipliers strictly increasing.
#[cw_serde]
pub struct Tiers {
    pub token: AssetInfo,
    pub tiers: Vec<Tier>,
}

/// What a farm pays in one token.
#[cw_serde]
pub struct RewardSpec {
    pub token: AssetInfo,
    /// Funded at creation: native coins attached, cw20 pulled with `TransferFrom` (approve
    /// this contract first).
    pub amount: Uint128,
}

#[cw_serde]
pub struct InstantiateMsg {
    /// Two-step owner (cw-ownable): sets the incentive maker.
    pub owner: String,
    /// Creates and deactivates farms, changes rates, takes back what was not earned.
    pub incentive_maker: String,
    /// The pool factory: a position is accepted only from a listed concentrated pool of it.
    pub factory: String,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// cw721 entry: a position NFT arrives; `msg` is empty or a [`DepositMsg`].
    ReceiveNft(Cw721ReceiveMsg),
    /// Deposit owner: count the position in a farm of its pool. A farm with tiers takes
    /// `tokens_locked` of its multiplier token (native attached, cw20 pulled).
    EnterFarm {
        pool: String,
        token_id: String,
        farm_id: u64,
        #[serde(default)]
        tokens_locked: Uint128,
    },
    /// Deposit owner: leave a farm, crediting what the position earned (never paid here, so a
    /// failing reward token cannot keep a position in). A limit farm is left only after its
    /// end or its deactivation.
    ExitFarm {
        pool: String,
        token_id: String,
        farm_id: u64,
    },
    /// Deposit owner: the pool's trading fees owed to the position, paid to `recipient`.
    CollectFees {
        pool: String,
        token_id: String,
        recipient: Option<String>,
        amount_max: Option<[Uint128; 2]>,
    },
    /// Deposit owner: the NFT back, once the position is in no farm.
    WithdrawToken {
        pool: String,
        token_id: String,
        recipient: Option<String>,
    },
    /// Pays the sender's credited `reward_token` from both kinds of farm: at most the given
    /// amounts (0 = all; more than the balance is capped).
    ClaimReward {
        reward_token: AssetInfo,
        recipient: Option<String>,
        amount_requested_limit: Uint128,
        amount_requested_eternal: Uint128,
    },
    /// Incentive maker: an eternal farm on `pool`, funded with `reward` (and `bonus`) now,
    /// spending `reward_rate` (and `bonus_rate`) per second while farmed liquidity is in range.
    CreateEternalFarm {
        pool: String,
        reward: RewardSpec,
        bonus: Option<RewardSpec>,
        reward_rate: Uint128,
        #[serde(default)]
        bonus_rate: Uint128,
        /// Positions narrower than this many ticks are refused (anti just-in-time liquidity).
        #[serde(default)]
        min_width: u32,
        tiers: Option<Tiers>,
    },
    /// Incentive maker: a limit farm on `pool` paying `reward` (and `bonus`) over
    /// `[start, end]` to the positions that entered before `start`.
    CreateLimitFarm {
        pool: String,
        reward: RewardSpec,
        bonus: Option<RewardSpec>,
        start: u64,
        end: u64,
        #[serde(default)]
        min_width: u32,
        tiers: Option<Tiers>,
    },
    /// Anyone: top up an eternal farm's reserves (refused for a farm no longer live).
    AddRewards {
        farm_id: u64,
        reward_amount: Uint128,
        #[serde(default)]
        bonus_amount: Uint128,
    },
    /// Incentive maker: take back part of an eternal farm's reserves (never what was already
    /// distributed).
    DecreaseRewards {
        farm_id: u64,
        reward_amount: Uint128,
        #[serde(default)]
        bonus_amount: Uint128,
        recipient: Option<String>,
    },
    /// Incentive maker: an eternal farm's rates from now on.
    SetRates {
        farm_id: u64,
        reward_rate: Uint128,
        bonus_rate: Uint128,
    },
    /// Incentive maker: stop a farm now. Positions can then only exit.
    Deactivate { farm_id: u64 },
    /// Incentive maker: what no position earned from a limit farm that ended or was
    /// deactivated (and, once every position left, the rounding remainder).
    RefundLimitFarm {
        farm_id: u64,
        recipient: Option<String>,
    },
    /// The cl-pool's crossing hook (`cl_pool::FarmingHookMsg`): only a pool with farms here.
    Crossed {
        ticks: Vec<i32>,
        zero_for_one: bool,
        tick_after: i32,
        time: u64,
    },
    /// Anyone: if `pool` no longer reports to this center (its link broke, or its farming
    /// center changed), deactivate its live farms now.
    SyncPoolLink { pool: String },
    /// Owner: the incentive maker.
    SetIncentiveMaker { incentive_maker: String },
}

/// Optional payload of `SendNft`: enter farms right after the deposit.
#[cw_serde]
#[derive(Default)]
pub struct DepositMsg {
    /// Farms to enter (at most one of each kind), with nothing locked: a farm with tiers counts
    /// the position at 1x (lock tokens with `EnterFarm` instead).
    #[serde(default)]
    pub enter: Vec<u64>,
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    #[returns(FarmResponse)]
    Farm { farm_id: u64 },
    /// Farms of one kind by id, paginated.
    #[returns(FarmsResponse)]
    Farms {
        kind: FarmKind,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// The live farms of a pool.
    #[returns(FarmsResponse)]
    PoolFarms { pool: String },
    #[returns(DepositResponse)]
    Deposit { pool: String, token_id: String },
    /// Deposits of an owner, paginated by (pool, token id).
    #[returns(DepositsResponse)]
    Deposits {
        owner: String,
        start_after: Option<(String, String)>,
        limit: Option<u32>,
    },
    /// Credited, unclaimed rewards of an owner, paginated by token.
    #[returns(RewardBalancesResponse)]
    RewardBalances {
        owner: String,
        start_after: Option<AssetInfo>,
        limit: Option<u32>,
    },
    /// What a position in a farm would be credited if it exited now.
    #[returns(PendingRewardResponse)]
    PendingReward {
        pool: String,
        token_id: String,
        farm_id: u64,
    },
    #[returns(VirtualPoolResponse)]
    VirtualPool { farm_id: u64 },
}

#[cw_serde]
pub struct ConfigResponse {
    pub incentive_maker: String,
    pub factory: String,
    pub farm_count: u64,
}

#[cw_serde]
pub enum FarmTerms {
    Eternal {
        reward_rate: Uint128,
        bonus_rate: Uint128,
    },
    Limit {
        start: u64,
        end: u64,
    },
}

#[cw_serde]
pub struct FarmResponse {
    pub farm_id: u64,
    pub kind: FarmKind,
    pub pool: String,
    pub reward_token: AssetInfo,
    pub bonus_token: Option<AssetInfo>,
    pub terms: FarmTerms,
    pub min_width: u32,
    pub tiers: Option<Tiers>,
    /// Ever funded, per token (reward, bonus).
    pub funded: [Uint128; 2],
    /// Eternal: not yet distributed. Limit: not yet earned (all of it until the end).
    pub reserve: [Uint128; 2],
    /// Taken back by the maker.
    pub refunded: [Uint128; 2],
    /// Credited to positions that left (or moved by their exits).
    pub credited: [Uint128; 2],
    /// Positions in the farm and their effective liquidity.
    pub positions: u64,
    pub total_liquidity: Uint128,
    /// The block time it was deactivated at, if it was.
    pub deactivated_at: Option<u64>,
    /// Accepting entries and accruing (not ended, not deactivated).
    pub live: bool,
}

#[cw_serde]
pub struct FarmsResponse {
    pub farms: Vec<FarmResponse>,
}

#[cw_serde]
pub struct DepositFarm {
    pub farm_id: u64,
    pub kind: FarmKind,
    pub liquidity: Uint128,
    pub tokens_locked: Uint128,
}

#[cw_serde]
pub struct DepositResponse {
    pub pool: String,
    pub token_id: String,
    pub owner: String,
    pub lower_tick: i32,
    pub upper_tick: i32,
    pub liquidity: Uint128,
    pub farms: Vec<DepositFarm>,
}

#[cw_serde]
pub struct DepositsResponse {
    pub deposits: Vec<DepositResponse>,
}

#[cw_serde]
pub struct RewardBalance {
    pub token: AssetInfo,
    pub limit: Uint128,
    pub eternal: Uint128,
}

#[cw_serde]
pub struct RewardBalancesResponse {
    pub balances: Vec<RewardBalance>,
}

#[cw_serde]
pub struct PendingRewardResponse {
    /// Reward and bonus, rounded down.
    pub reward: Uint128,
    pub bonus: Uint128,
}

#[cw_serde]
pub struct VirtualPoolResponse {
    pub farm_id: u64,
    /// The pool tick as last reported (or read at the last entry).
    pub tick: i32,
    /// Farmed (effective) liquidity whose range holds that tick.
    pub liquidity: Uint128,
    /// Eternal: reward and bonus per unit of liquidity (Q128.128). Limit: seconds per unit of
    /// liquidity (Q128.128) in both.
    pub growth: [Uint256; 2],
    /// Limit farms: campaign seconds with farmed liquidity in range so far.
    pub active_secs: u64,
    pub last_time: u64,
}

#[cw_serde]
pub struct MigrateMsg {}
