//! Messages of `contracts/weighted-pool`: a two-asset Balancer-style pool with a
//! cw20 LP token, swap fees with a protocol share, and a geometric TWAP oracle.
//!
//! Conventions shared by every message:
//! * assets are kept in the pool's order, the order given at creation (`assets[0]`, `assets[1]`);
//! * native assets arrive as `funds`, cw20 assets through cw20 `Send` with a [`ReceiveMsg`]
//!   (single-asset actions) or are pulled with `TransferFrom` after an allowance (two-asset
//!   `Join`);
//! * `deadline` is a block time in seconds: the action fails once the block is later than it;
//! * `recipient` defaults to the sender;
//! * `min_*` limits default to no limit.
use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Decimal, Decimal256, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::{Asset, AssetInfo};

/// One side of a pool at creation: the asset, its normalized weight (at least 1%; the two
/// weights sum to exactly 1) and its decimals (at most 18).
#[cw_serde]
pub struct WeightedAssetInfo {
    pub info: AssetInfo,
    pub weight: Decimal,
    /// Decimals of the asset's base unit (6 for `uatom`, 18 for most bridged EVM tokens). The
    /// pool scales balances to 18 decimals before taking the invariant, so the LP supply (an
    /// 18-decimal token) means the same whatever the assets' decimals.
    pub decimals: u8,
}

/// The TWAP oracle's ring buffer.
#[cw_serde]
#[derive(Copy, Eq)]
pub struct OracleConfig {
    /// Number of samples kept (the ring buffer's length).
    pub capacity: u32,
    /// A new sample is opened only when the newest one is at least this old (seconds); until then
    /// the newest sample is moved forward. Capacity x spacing is the longest window served.
    pub min_sample_spacing: u64,
}

#[cw_serde]
pub struct InstantiateMsg {
    pub assets: [WeightedAssetInfo; 2],
    /// Swap fee charged on the amount in, in basis points, fixed at creation.
    pub swap_fee_bps: u16,
    /// Share of every swap fee owed to `fee_collector`, in basis points of the fee.
    pub protocol_fee_share_bps: u16,
    /// Where protocol fees go (e.g. the fee distributor). `None` while there is none: the
    /// protocol share is then left to liquidity providers.
    pub fee_collector: Option<String>,
    /// May change the fee collector and protocol share (two-step ownership).
    pub owner: String,
    /// cw20-base code id for the LP token; the pool instantiates it and is its only minter.
    pub lp_token_code_id: u64,
    /// LP token name and symbol; defaults are derived from the assets.
    pub lp_token_name: Option<String>,
    pub lp_token_symbol: Option<String>,
    pub oracle: OracleConfig,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Proportional join. `max_amounts` are in pool order; native assets must be attached as
    /// exactly those amounts, cw20 assets need an allowance for them. The pool takes the
    /// largest proportional amounts within them and refunds unused native coins. The first join
    /// sets the price and the initial LP supply from the invariant.
    Join {
        max_amounts: [Uint128; 2],
        min_lp_out: Option<Uint128>,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// Single-asset join with the one native coin attached. The swap fee is charged only on the
    /// part beyond a proportional join.
    JoinSingle {
        min_lp_out: Option<Uint128>,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// Swap the one native coin attached for the other asset.
    SwapExactIn {
        min_out: Option<Uint128>,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// Buy exactly `amount_out` of the other asset, paying at most the one native coin attached;
    /// the excess is refunded.
    SwapExactOut {
        amount_out: Uint128,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// cw20 entry for single-asset actions and LP exits: [`ReceiveMsg`] in `msg`.
    Receive(Cw20ReceiveMsg),
    /// Anyone: send the protocol fees owed to the fee collector.
    CollectProtocolFees {},
    /// Owner: change the fee collector and/or the protocol share (at most
    /// `MAX_PROTOCOL_FEE_SHARE_BPS`). Fees already owed go to the new collector.
    UpdateFeeConfig {
        fee_collector: Option<String>,
        protocol_fee_share_bps: Option<u16>,
    },
}

/// cw20 hooks. The token sent decides the asset in; the LP token is only accepted by the exits.
#[cw_serde]
pub enum ReceiveMsg {
    SwapExactIn {
        min_out: Option<Uint128>,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// The amount sent is the maximum in; the excess is returned.
    SwapExactOut {
        amount_out: Uint128,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    JoinSingle {
        min_lp_out: Option<Uint128>,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// LP token only: burn it for both assets in proportion. `min_amounts_out` in pool order.
    Exit {
        min_amounts_out: Option<[Uint128; 2]>,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// LP token only: burn it for one asset; the swap fee is charged on the part beyond
    /// proportional.
    ExitSingle {
        asset: AssetInfo,
        min_out: Option<Uint128>,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(PoolInfoResponse)]
    PoolInfo {},
    /// Price of `base` in units of the other asset: `(b_quote / w_quote) / (b_base / w_base)`.
    #[returns(PriceResponse)]
    SpotPrice { base: AssetInfo },
    #[returns(SwapResponse)]
    SimulateSwapExactIn { offer: Asset },
    #[returns(SwapResponse)]
    SimulateSwapExactOut { ask: Asset },
    /// `max_amounts` in pool order.
    #[returns(JoinResponse)]
    SimulateJoin { max_amounts: [Uint128; 2] },
    #[returns(JoinResponse)]
    SimulateJoinSingle { offer: Asset },
    #[returns(ExitResponse)]
    SimulateExit { lp_amount: Uint128 },
    #[returns(ExitResponse)]
    SimulateExitSingle {
        lp_amount: Uint128,
        asset: AssetInfo,
    },
    /// Geometric time-weighted average price of `base` (in units of the other asset) over
    /// `[now - ago_secs - window_secs, now - ago_secs]`. Fails when the samples kept do not
    /// reach back that far; it never falls back to the spot price.
    #[returns(TwapResponse)]
    Twap {
        base: AssetInfo,
        window_secs: u64,
        ago_secs: u64,
    },
    /// Oracle samples, oldest first, paginated by sample timestamp.
    #[returns(OracleSamplesResponse)]
    OracleSamples {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
}

#[cw_serde]
pub struct PoolAsset {
    pub info: AssetInfo,
    pub weight: Decimal,
    /// Balance owned by liquidity providers (protocol fees owed are excluded).
    pub balance: Uint128,
    /// Protocol fees owed to the collector in this asset.
    pub protocol_fees_owed: Uint128,
}

#[cw_serde]
pub struct PoolInfoResponse {
    pub assets: [PoolAsset; 2],
    pub lp_token: String,
    /// Total LP supply, including the minimum liquidity locked in the pool at the first join.
    pub lp_supply: Uint128,
    pub swap_fee_bps: u16,
    pub protocol_fee_share_bps: u16,
    pub fee_collector: Option<String>,
    pub oracle: OracleConfig,
}

#[cw_serde]
pub struct PriceResponse {
    pub price: Decimal256,
}

/// Data of a swap's response and the answer of the swap simulations.
#[cw_serde]
pub struct SwapResponse {
    pub offer: AssetInfo,
    pub ask: AssetInfo,
    /// Amount taken from the trader, fee included.
    pub amount_in: Uint128,
    pub amount_out: Uint128,
    /// Swap fee, in the asset in; `protocol_fee` of it goes to the fee collector.
    pub fee: Uint128,
    pub protocol_fee: Uint128,
}

#[cw_serde]
pub struct JoinResponse {
    pub lp_out: Uint128,
    /// Amounts taken, in pool order.
    pub amounts_in: [Uint128; 2],
    /// Swap fee of a single-asset join (zero for proportional joins), in the asset in.
    pub fee: Uint128,
    pub protocol_fee: Uint128,
}

#[cw_serde]
pub struct ExitResponse {
    pub lp_in: Uint128,
    /// Amounts paid, in pool order.
    pub amounts_out: [Uint128; 2],
    /// Swap fee of a single-asset exit (zero for proportional exits), in the asset out.
    pub fee: Uint128,
    pub protocol_fee: Uint128,
}

#[cw_serde]
pub struct TwapResponse {
    pub price: Decimal256,
    /// The averaged interval, block seconds.
    pub start: u64,
    pub end: u64,
}

/// A ring-buffer sample: the cumulative of `ln(price of assets[0] in assets[1])` per second up to
/// `timestamp`, in `LOG_SCALE` units (see `trellis_math::oracle`).
#[cw_serde]
pub struct OracleSample {
    pub timestamp: u64,
    pub log_price_cumulative: cosmwasm_std::Int128,
}

#[cw_serde]
pub struct OracleSamplesResponse {
    pub samples: Vec<OracleSample>,
}

#[cw_serde]
pub struct MigrateMsg {}
