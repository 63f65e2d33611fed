//! Messages of `contracts/options-token` (oTOKEN, seed 002): a cw20 whose holders may buy the
//! underlying protocol token at a discount to its TWAP, the payment going to the treasury.
//!
//! Prices are 1e18 fixed point (`Decimal`) and always read **payment token per underlying**,
//! in base units, whatever the pool's asset order: the oracle asks the pool for the TWAP of
//! the underlying in units of the other asset.
//!
//! Exercise, in this order: `strike = max(ceil(twap * multiplier_bps / 10000), min_price)`,
//! `payment = ceil(amount * strike)`. Both round up: what the exerciser pays never rounds in
//! their favour, so no amount of oTOKEN, however small, is exercised for free.
use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Binary, Decimal, Uint128};
use cw20::{Cw20ReceiveMsg, Expiration};
// Named only in `#[returns(..)]`, which the schema derive reads off-chain only.
#[cfg(not(target_arch = "wasm32"))]
use cw20::{
    AllAccountsResponse, AllAllowancesResponse, AllSpenderAllowancesResponse, AllowanceResponse,
    BalanceResponse, MinterResponse, TokenInfoResponse,
};
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::AssetInfo;

/// Bounds of the multiplier: the strike is 10% to 100% of the TWAP.
pub const MIN_MULTIPLIER_BPS: u32 = 1_000;
pub const MAX_MULTIPLIER_BPS: u32 = 10_000;

/// How the underlying reaches the exerciser.
#[cw_serde]
pub enum Delivery {
    /// Mint it: the options contract must be a minter of the underlying cw20.
    Mint,
    /// Pay it from a reserve funded with `FundReserve` (native) or a cw20 `FundReserve` hook.
    Reserve,
}

/// The TWAP source: a Trellis weighted pool holding the underlying and the payment token,
/// whose oracle buffer always reaches back over `window_secs + ago_secs` (checked whenever the
/// oracle is set: `(capacity - 2) * min_sample_spacing`, see `OracleHistoryTooShort`).
#[cw_serde]
pub struct OracleConfig {
    pub pool: String,
    /// Length of the averaged interval, seconds (at least `MIN_WINDOW_SECS`).
    pub window_secs: u64,
    /// How long before now the interval ends, seconds (0: it ends now).
    pub ago_secs: u64,
}

/// Shortest TWAP window accepted: 30 minutes. Over 5 minutes, a block proposer holding an 80/20
/// pool's price down for half the window cut the strike by about 29%; over 30 minutes the same
/// cut means holding it down for 6 times as long against every arbitrageur.
pub const MIN_WINDOW_SECS: u64 = 1_800;

#[cw_serde]
pub struct InstantiateMsg {
    pub name: String,
    pub symbol: String,
    pub decimals: u8,
    /// Two-step owner (cw-ownable): sets the multiplier, oracle, minimum price and treasury.
    pub owner: String,
    /// Who may mint oTOKEN, typically the farm (`None`: the owner, who can hand the role on
    /// with cw20 `UpdateMinter`).
    pub minter: Option<String>,
    /// Most oTOKEN that may ever be issued, exercised ones included.
    pub cap: Option<Uint128>,
    pub underlying: AssetInfo,
    pub delivery: Delivery,
    pub payment: AssetInfo,
    pub oracle: OracleConfig,
    pub multiplier_bps: u32,
    /// Lowest strike, payment per underlying (1e18 fixed point).
    pub min_price: Decimal,
    /// Receives every payment: a treasury multisig, DAO or contract.
    pub treasury: String,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    // --- cw20 (handled by cw20-base) ---
    Transfer {
        recipient: String,
        amount: Uint128,
    },
    Burn {
        amount: Uint128,
    },
    Send {
        contract: String,
        amount: Uint128,
        msg: Binary,
    },
    IncreaseAllowance {
        spender: String,
        amount: Uint128,
        expires: Option<Expiration>,
    },
    DecreaseAllowance {
        spender: String,
        amount: Uint128,
        expires: Option<Expiration>,
    },
    TransferFrom {
        owner: String,
        recipient: String,
        amount: Uint128,
    },
    SendFrom {
        owner: String,
        contract: String,
        amount: Uint128,
        msg: Binary,
    },
    BurnFrom {
        owner: String,
        amount: Uint128,
    },
    /// Minter only; counts against `cap` together with what was exercised.
    Mint {
        recipient: String,
        amount: Uint128,
    },
    UpdateMinter {
        new_minter: Option<String>,
    },
    // --- options ---
    /// Burn `amount` of the sender's oTOKEN and buy as much underlying for `recipient` (default
    /// the sender), paying with the attached native payment token: at least the payment, at
    /// most `max_payment`; the excess over the payment is refunded.
    Exercise {
        amount: Uint128,
        max_payment: Uint128,
        recipient: Option<String>,
        /// Block time (seconds) after which the exercise is refused.
        deadline: u64,
    },
    /// cw20 entry: a cw20 payment token's `Send` with [`ReceiveMsg::Exercise`], or the cw20
    /// underlying's `Send` with [`ReceiveMsg::FundReserve`].
    Receive(Cw20ReceiveMsg),
    /// Top up the reserve of a native underlying (Reserve delivery). Anyone may fund.
    FundReserve {},
    /// Owner (Reserve delivery): send `amount` of the reserve's unpromised part to
    /// `recipient`. Promised is what outstanding options can still claim: one underlying unit
    /// per oTOKEN in circulation (`total_supply`), at most the reserve itself.
    WithdrawReserve {
        amount: Uint128,
        recipient: String,
    },
    /// Owner: change any of these; `None` keeps the value. Each change is an event attribute.
    UpdateConfig {
        multiplier_bps: Option<u32>,
        oracle: Option<OracleConfig>,
        min_price: Option<Decimal>,
        treasury: Option<String>,
    },
}

/// The `msg` of a cw20 `Send` to the options contract.
#[cw_serde]
pub enum ReceiveMsg {
    /// Pay with the sent cw20 (the payment token); the sender's oTOKEN are burned.
    Exercise {
        amount: Uint128,
        max_payment: Uint128,
        recipient: Option<String>,
        deadline: u64,
    },
    /// Top up the reserve with the sent cw20 (the underlying).
    FundReserve {},
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    // --- cw20 ---
    #[returns(BalanceResponse)]
    Balance { address: String },
    #[returns(TokenInfoResponse)]
    TokenInfo {},
    #[returns(Option<MinterResponse>)]
    Minter {},
    #[returns(AllowanceResponse)]
    Allowance { owner: String, spender: String },
    #[returns(AllAllowancesResponse)]
    AllAllowances {
        owner: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(AllSpenderAllowancesResponse)]
    AllSpenderAllowances {
        spender: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(AllAccountsResponse)]
    AllAccounts {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    // --- options ---
    #[returns(ConfigResponse)]
    Config {},
    /// The strike now: the TWAP, the discounted price and whether the minimum price applied.
    #[returns(StrikePriceResponse)]
    StrikePrice {},
    /// What exercising `amount` now would cost.
    #[returns(SimulateExerciseResponse)]
    SimulateExercise { amount: Uint128 },
    #[returns(TotalsResponse)]
    Totals {},
    /// Reserve delivery: what the reserve holds, what of it outstanding options can claim,
    /// and what the owner may withdraw.
    #[returns(ReserveStatusResponse)]
    ReserveStatus {},
}

#[cw_serde]
pub struct ReserveStatusResponse {
    /// Funded and not yet delivered.
    pub available: Uint128,
    /// `min(total_supply, available)`: one unit per oTOKEN in circulation.
    pub promised: Uint128,
    /// `available - promised`.
    pub withdrawable: Uint128,
}

#[cw_serde]
pub struct ConfigResponse {
    pub underlying: AssetInfo,
    pub delivery: Delivery,
    pub payment: AssetInfo,
    pub oracle: OracleConfig,
    pub multiplier_bps: u32,
    pub min_price: Decimal,
    pub treasury: String,
    pub cap: Option<Uint128>,
}

#[cw_serde]
pub struct StrikePriceResponse {
    /// Payment per underlying over the oracle window.
    pub twap: Decimal,
    /// `max(ceil(twap * multiplier_bps / 10000), min_price)`.
    pub strike: Decimal,
    /// The minimum price set the strike.
    pub clamped: bool,
}

#[cw_serde]
pub struct SimulateExerciseResponse {
    pub amount: Uint128,
    pub strike: Decimal,
    /// `ceil(amount * strike)`, in payment base units.
    pub payment: Uint128,
}

/// Running totals. `issued = total_supply + exercised + burned` always.
#[cw_serde]
pub struct TotalsResponse {
    /// oTOKEN exercised (burned by exercise).
    pub exercised: Uint128,
    /// oTOKEN burned without exercise (cw20 `Burn` / `BurnFrom`).
    pub burned: Uint128,
    /// oTOKEN ever minted.
    pub issued: Uint128,
    /// Payment token sent to the treasury.
    pub payment_asset: AssetInfo,
    pub paid_to_treasury: Uint128,
    /// Underlying delivered to exercisers.
    pub underlying_delivered: Uint128,
    /// Reserve delivery: underlying funded and not yet delivered. `None` for minting.
    pub reserve_available: Option<Uint128>,
}

#[cw_serde]
pub struct MigrateMsg {}
