//! Messages of `contracts/cl-pool`: a concentrated-liquidity pool (Uniswap v3 math, see
//! `trellis_math::cl`) whose positions are NFTs of the pool's own cw721 collection, with a
//! tick-cumulative oracle and a farming hook.
//!
//! Conventions shared by every message:
//! * assets are kept in the pool's order (`assets[0]` is token0, `assets[1]` token1); a tick `i`
//!   is the price `1.0001^i` of token0 in token1, a sqrt price is `sqrt(price) * 2^96` (Q64.96);
//! * native assets arrive as `funds` (swaps: one coin; mints: exactly the desired amounts), cw20
//!   assets through cw20 `Send` with a [`ReceiveMsg`] (swaps) or are pulled with `TransferFrom`
//!   after an allowance (mints and increases, exactly the amount used);
//! * `deadline` is a block time in seconds: the action fails once the block is later than it;
//! * `recipient` defaults to the sender;
//! * a position is changed or collected only by its NFT's owner or an approved spender or
//!   operator (cw721 approvals).
use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Binary, Int128, Uint128, Uint256};
use cw20::{Cw20ReceiveMsg, Expiration};
// Named only in `#[returns(..)]`, which the schema derive reads off-chain only.
#[cfg(not(target_arch = "wasm32"))]
use cosmwasm_std::Empty;
#[cfg(not(target_arch = "wasm32"))]
use cw721::msg::{
    AllNftInfoResponse, ApprovalResponse, ApprovalsResponse, NftInfoResponse, NumTokensResponse,
    OperatorResponse, OperatorsResponse, OwnerOfResponse, TokensResponse,
};
#[cfg(not(target_arch = "wasm32"))]
use cw721::state::CollectionInfo;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::AssetInfo;
pub use crate::weighted_pool::OracleConfig;

/// A fee and the tick spacing that goes with it.
#[cw_serde]
#[derive(Copy, Eq)]
pub struct FeeTier {
    /// Swap fee in hundredths of a bip (1e-6), taken from the amount in.
    pub fee_pips: u32,
    /// Positions' ticks must be multiples of it; a wider spacing means fewer ticks to cross.
    pub tick_spacing: i32,
}

/// Uniswap v3's fee tiers: 0.01% (spacing 1), 0.05% (10), 0.3% (60) and 1% (200). A pool accepts
/// any other pair too (the factory decides which it allows), within `0 < spacing <=
/// MAX_TICK_SPACING` and `fee_pips < 1_000_000`.
pub const FEE_TIERS: [FeeTier; 4] = [
    FeeTier {
        fee_pips: 100,
        tick_spacing: 1,
    },
    FeeTier {
        fee_pips: 500,
        tick_spacing: 10,
    },
    FeeTier {
        fee_pips: 3_000,
        tick_spacing: 60,
    },
    FeeTier {
        fee_pips: 10_000,
        tick_spacing: 200,
    },
];

/// The tick spacing of a standard fee tier, if `fee_pips` is one.
pub fn standard_tick_spacing(fee_pips: u32) -> Option<i32> {
    FEE_TIERS
        .iter()
        .find(|tier| tier.fee_pips == fee_pips)
        .map(|tier| tier.tick_spacing)
}

/// The largest tick spacing a pool accepts (v3's factory limit: 16384).
pub const MAX_TICK_SPACING: i32 = 16_384;

#[cw_serde]
pub struct InstantiateMsg {
    /// token0 and token1, in this order.
    pub assets: [AssetInfo; 2],
    pub fee_tier: FeeTier,
    /// Share of every swap fee owed to `fee_collector`, in basis points of the fee.
    pub protocol_fee_share_bps: u16,
    /// Where protocol fees go; `None` while there is none (the share then stays with LPs).
    pub fee_collector: Option<String>,
    /// Two-step owner (cw-ownable), typically the factory: fee settings and the farming center.
    /// Also the creator of the position collection.
    pub owner: String,
    /// Initial Q64.96 sqrt price; `None` leaves the pool to a later `Initialize`.
    pub sqrt_price: Option<Uint256>,
    pub oracle: OracleConfig,
    /// Position collection name and symbol; defaults are derived from the assets and fee.
    pub collection_name: Option<String>,
    pub collection_symbol: Option<String>,
}

/// Amounts for adding liquidity, in pool order: the pool takes the largest liquidity the
/// desired amounts pay for at the current price, and refuses if it would use less than `min`.
#[cw_serde]
pub struct AddAmounts {
    pub desired: [Uint128; 2],
    pub min: [Uint128; 2],
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Anyone, once: sets the price of a pool instantiated without one.
    Initialize {
        sqrt_price: Uint256,
    },
    /// Opens a position over `[lower_tick, upper_tick)` and mints its NFT to `recipient`.
    /// Native assets must be attached as exactly `amounts.desired`; unused coins are refunded.
    Mint {
        lower_tick: i32,
        upper_tick: i32,
        amounts: AddAmounts,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// Adds liquidity to a position at its range (funds as for `Mint`).
    IncreaseLiquidity {
        token_id: String,
        amounts: AddAmounts,
        deadline: Option<u64>,
    },
    /// Removes `liquidity` from a position; the amounts (rounded down) are credited to the
    /// position's tokens owed and paid by `Collect`.
    DecreaseLiquidity {
        token_id: String,
        liquidity: Uint128,
        amount_min: [Uint128; 2],
        deadline: Option<u64>,
    },
    /// Pays a position's tokens owed (decreased liquidity and fees), at most `amount_max` of
    /// each (default: all).
    Collect {
        token_id: String,
        recipient: Option<String>,
        amount_max: Option<[Uint128; 2]>,
    },
    /// Deletes an empty position (no liquidity, nothing owed) and burns its NFT.
    Burn {
        token_id: String,
    },
    /// Sells the one native coin attached for the other asset, stopping at
    /// `sqrt_price_limit` (default: the end of the price range) or after
    /// `MAX_TICKS_CROSSED_PER_SWAP` crossed ticks; what is not spent is refunded.
    SwapExactIn {
        sqrt_price_limit: Option<Uint256>,
        min_out: Option<Uint128>,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// Buys `amount_out` of the other asset with at most the one native coin attached; the
    /// excess is refunded. Stopped by the price limit or the tick bound, it pays out less.
    SwapExactOut {
        amount_out: Uint128,
        sqrt_price_limit: Option<Uint256>,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// cw20 entry for swaps: [`ReceiveMsg`] in `msg`.
    Receive(Cw20ReceiveMsg),
    /// Anyone: sends the protocol fees owed to the fee collector.
    CollectProtocolFees {},
    /// Owner: the fee collector and/or protocol share; `None` keeps the value.
    UpdateFeeConfig {
        fee_collector: Option<String>,
        protocol_fee_share_bps: Option<u16>,
    },
    /// Owner: registers (or removes) the farming center, the only account that may set
    /// farming marks and the receiver of the crossing hook. Repairs a broken link.
    SetFarmingCenter {
        farming_center: Option<String>,
    },
    /// Farming center only: marks (or unmarks) up to `MAX_MARKS_PER_CALL` ticks as farm
    /// boundaries. A swap crossing marked ticks sends one [`FarmingHookMsg`].
    SetFarmingMarks {
        ticks: Vec<i32>,
        marked: bool,
    },
    // --- cw721 (handled by cw721-base's library) ---
    TransferNft {
        recipient: String,
        token_id: String,
    },
    SendNft {
        contract: String,
        token_id: String,
        msg: Binary,
    },
    Approve {
        spender: String,
        token_id: String,
        expires: Option<Expiration>,
    },
    Revoke {
        spender: String,
        token_id: String,
    },
    ApproveAll {
        operator: String,
        expires: Option<Expiration>,
    },
    RevokeAll {
        operator: String,
    },
}

/// cw20 hooks: the token sent decides the direction.
#[cw_serde]
pub enum ReceiveMsg {
    SwapExactIn {
        sqrt_price_limit: Option<Uint256>,
        min_out: Option<Uint128>,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// The amount sent is the maximum in; the excess is returned.
    SwapExactOut {
        amount_out: Uint128,
        sqrt_price_limit: Option<Uint256>,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
}

/// The one message a swap sends to the farming center when it crossed marked ticks (as a
/// sub-message with a gas limit and `reply_on_error`: if it fails the pool records the link as
/// broken and the swap stands).
#[cw_serde]
pub enum FarmingHookMsg {
    Crossed {
        /// The marked ticks crossed, in the order crossed.
        ticks: Vec<i32>,
        /// Direction: true when the price went down (token0 in).
        zero_for_one: bool,
        /// The pool's tick after the swap.
        tick_after: i32,
        /// Block time of the swap, seconds.
        time: u64,
    },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    #[returns(PoolStateResponse)]
    PoolState {},
    #[returns(PositionResponse)]
    Position { token_id: String },
    #[returns(TickResponse)]
    Tick { tick: i32 },
    /// Initialized ticks (and marked ones) in ascending order, paginated.
    #[returns(TicksResponse)]
    Ticks {
        start_after: Option<i32>,
        limit: Option<u32>,
    },
    #[returns(FarmingResponse)]
    Farming {},
    /// What `SwapExactIn` of `amount_in` of `offer` would do now.
    #[returns(SwapResponse)]
    SimulateSwapExactIn {
        offer: AssetInfo,
        amount_in: Uint128,
        sqrt_price_limit: Option<Uint256>,
    },
    /// What `SwapExactOut` of `amount_out` of `ask` would do now.
    #[returns(SwapResponse)]
    SimulateSwapExactOut {
        ask: AssetInfo,
        amount_out: Uint128,
        sqrt_price_limit: Option<Uint256>,
    },
    /// Arithmetic mean tick over `[now - ago_secs - window_secs, now - ago_secs]`; refused when
    /// the observations kept do not reach back that far.
    #[returns(TwapResponse)]
    Twap { window_secs: u64, ago_secs: u64 },
    /// Oracle observations, oldest first, paginated by timestamp.
    #[returns(ObservationsResponse)]
    Observations {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    // --- cw721 ---
    #[returns(OwnerOfResponse)]
    OwnerOf {
        token_id: String,
        include_expired: Option<bool>,
    },
    #[returns(ApprovalResponse)]
    Approval {
        token_id: String,
        spender: String,
        include_expired: Option<bool>,
    },
    #[returns(ApprovalsResponse)]
    Approvals {
        token_id: String,
        include_expired: Option<bool>,
    },
    #[returns(OperatorResponse)]
    Operator {
        owner: String,
        operator: String,
        include_expired: Option<bool>,
    },
    #[returns(OperatorsResponse)]
    AllOperators {
        owner: String,
        include_expired: Option<bool>,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(NumTokensResponse)]
    NumTokens {},
    /// The collection's name and symbol.
    #[returns(CollectionInfo)]
    ContractInfo {},
    #[returns(NftInfoResponse<Option<Empty>>)]
    NftInfo { token_id: String },
    #[returns(AllNftInfoResponse<Option<Empty>>)]
    AllNftInfo {
        token_id: String,
        include_expired: Option<bool>,
    },
    #[returns(TokensResponse)]
    Tokens {
        owner: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(TokensResponse)]
    AllTokens {
        start_after: Option<String>,
        limit: Option<u32>,
    },
}

#[cw_serde]
pub struct ConfigResponse {
    pub assets: [AssetInfo; 2],
    pub fee_tier: FeeTier,
    /// v3's cap on a tick's gross liquidity, `u128::MAX / number of usable ticks`.
    pub max_liquidity_per_tick: Uint128,
    pub protocol_fee_share_bps: u16,
    pub fee_collector: Option<String>,
    pub oracle: OracleConfig,
}

#[cw_serde]
pub struct PoolStateResponse {
    /// False until the price is set.
    pub initialized: bool,
    pub sqrt_price: Uint256,
    pub tick: i32,
    /// Liquidity of the positions whose range holds the current price.
    pub liquidity: Uint128,
    /// Fees per unit of liquidity ever earned, Q128.128, wrapping as in v3.
    pub fee_growth_global: [Uint256; 2],
    pub protocol_fees_owed: [Uint128; 2],
}

#[cw_serde]
pub struct PositionResponse {
    pub token_id: String,
    pub owner: String,
    pub lower_tick: i32,
    pub upper_tick: i32,
    pub liquidity: Uint128,
    /// Fee growth inside the range at the position's last update, Q128.128.
    pub fee_growth_inside_last: [Uint256; 2],
    /// Owed as of the last update (fees earned since then are not included).
    pub tokens_owed: [Uint128; 2],
}

/// Data of a `Mint`, `IncreaseLiquidity` or `DecreaseLiquidity` response.
#[cw_serde]
pub struct LiquidityResponse {
    pub token_id: String,
    /// Liquidity added or removed.
    pub liquidity: Uint128,
    /// Paid in (rounded up) or credited to tokens owed (rounded down), pool order.
    pub amounts: [Uint128; 2],
}

#[cw_serde]
pub struct TickResponse {
    pub tick: i32,
    pub liquidity_gross: Uint128,
    pub liquidity_net: Int128,
    pub fee_growth_outside: [Uint256; 2],
    pub farming_mark: bool,
}

#[cw_serde]
pub struct TicksResponse {
    pub ticks: Vec<TickResponse>,
}

#[cw_serde]
pub struct FarmingResponse {
    pub farming_center: Option<String>,
    /// Set when a crossing hook failed: no hook is sent until the owner repairs the link.
    pub link_broken: bool,
    /// The pool's tick now (0 before it is initialized): what a farming center needs with the
    /// link's state when a position enters a farm, in one query.
    #[serde(default)]
    pub tick: i32,
}

/// Data of a swap's response and the answer of the swap simulations.
#[cw_serde]
pub struct SwapResponse {
    pub offer: AssetInfo,
    pub ask: AssetInfo,
    /// Taken from the trader, fee included.
    pub amount_in: Uint128,
    pub amount_out: Uint128,
    /// Swap fee in the asset in; `protocol_fee` of it goes to the fee collector.
    pub fee: Uint128,
    pub protocol_fee: Uint128,
    pub sqrt_price_after: Uint256,
    pub tick_after: i32,
    /// Initialized ticks crossed.
    pub ticks_crossed: u32,
    /// True when the swap stopped at the price limit or the tick bound before filling.
    pub partial_fill: bool,
}

#[cw_serde]
pub struct TwapResponse {
    /// `floor((tick_cumulative(end) - tick_cumulative(start)) / window)`, rounded toward -inf.
    pub mean_tick: i32,
    /// Sqrt price of `mean_tick` (Q64.96), token0 in token1.
    pub mean_sqrt_price: Uint256,
    /// Harmonic mean in-range liquidity over the window (`None` if no liquidity-time was seen).
    pub harmonic_mean_liquidity: Option<Uint128>,
    pub start: u64,
    pub end: u64,
}

#[cw_serde]
pub struct Observation {
    pub timestamp: u64,
    /// Sum of tick x seconds up to `timestamp`.
    pub tick_cumulative: i64,
    /// Sum of seconds / max(1, liquidity), Q128.128, wrapping.
    pub seconds_per_liquidity_x128: Uint256,
}

#[cw_serde]
pub struct ObservationsResponse {
    pub observations: Vec<Observation>,
}

#[cw_serde]
pub struct MigrateMsg {}
