//! The options side of a report: the oTOKEN as deployed, its state per sample (treasury cash,
//! prices, sell pressure, supply), every exercise, and the per-option tally.
//!
//! Prices are payment base units per underlying base unit (1e18 fixed point), as the oTOKEN
//! and the pool report them; `display_*` helpers convert with the two tokens' decimals.
use cosmwasm_std::{Decimal, Decimal256, SignedDecimal, Uint128};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct OptionsInfo {
    pub symbol: String,
    pub address: String,
    pub underlying: String,
    pub underlying_decimals: u8,
    pub payment: String,
    pub payment_decimals: u8,
    /// The amm pool whose TWAP prices the options.
    pub pool: String,
    pub window_secs: u64,
    pub multiplier_bps: u32,
    pub min_price: Decimal,
    /// `mint` or `reserve`.
    pub delivery: String,
    /// The treasury account's name and address.
    pub treasury: String,
    pub treasury_address: String,
}

/// The options at one sample.
#[derive(Clone, Debug, Serialize)]
pub struct OptionsSample {
    /// The treasury's balance of the payment token.
    pub treasury_cash: Uint128,
    /// The pool's spot price of the underlying.
    pub spot: Decimal256,
    /// The oracle's TWAP and the strike now (`None` while the pool's history is shorter than
    /// the window).
    pub twap: Option<Decimal>,
    pub strike: Option<Decimal>,
    /// Underlying sold into the pool by exercisers since the previous sample (sell pressure).
    pub sold: Uint128,
    /// Underlying sold into the pool by exercisers since the start.
    pub sold_total: Uint128,
    /// oTOKEN in circulation, and the oTOKEN's running totals.
    pub supply: Uint128,
    pub issued: Uint128,
    pub exercised: Uint128,
    pub paid_to_treasury: Uint128,
}

/// One exercise and what followed.
#[derive(Clone, Debug, Serialize)]
pub struct ExerciseRecord {
    pub t: u64,
    pub user: String,
    /// Options exercised = underlying delivered (base units).
    pub amount: Uint128,
    pub twap: Decimal,
    pub strike: Decimal,
    pub clamped: bool,
    /// Paid to the treasury: `ceil(amount * strike)`.
    pub payment: Uint128,
    /// The pool's spot price of the underlying at the exercise.
    pub spot: Decimal256,
    /// `floor(amount * spot)`: what the underlying was worth in payment token.
    pub market_value: Uint128,
    /// `market_value - payment` (negative when the strike was above the spot).
    pub farmer_gain: i128,
    /// `hold`, `lock` or `sell`.
    pub then: String,
    /// `sell`: underlying sold, payment token received, swap fee (in underlying) and the fee
    /// valued at the spot before the sell.
    pub sold: Uint128,
    pub sell_proceeds: Uint128,
    pub sell_fee: Uint128,
    pub sell_fee_value: Uint128,
    /// `lock`: the escrow's lock token added (the underlying, or LP tokens of the join).
    pub locked: Uint128,
}

/// Protocol, farmers and LPs over every exercise, in total and per option.
#[derive(Clone, Debug, Serialize)]
pub struct OptionsTally {
    pub exercises: usize,
    /// The protocol: underlying delivered (given away) and payment received.
    pub underlying_delivered: Uint128,
    pub payment_received: Uint128,
    /// Farmers: market value received, payment made, gain.
    pub market_value: Uint128,
    pub farmer_gain: i128,
    /// LPs: swap fees earned from exercisers' sells (underlying), valued at the spot before
    /// each sell (payment token). Fees only: the LPs' share of the price impact is not
    /// attributed (it depends on what the pool is later traded back at).
    pub lp_fees: Uint128,
    pub lp_fees_value: Uint128,
    /// Per option (one underlying, display units), in display units of the payment token:
    /// received by the protocol, gained by the farmer; and earned by LPs per underlying sold.
    pub protocol_payment_per_option: Decimal,
    pub farmer_gain_per_option: SignedDecimal,
    pub lp_fees_per_option: Decimal,
}

/// The checks of the options books.
#[derive(Clone, Debug, Serialize)]
pub struct OptionsCheck {
    pub ok: bool,
    /// `issued = supply + exercised + burned` (oTOKEN totals after the settlement).
    pub issued: Uint128,
    pub supply: Uint128,
    pub exercised: Uint128,
    pub burned: Uint128,
    /// The treasury's cash grew by exactly the sum of the payments, which is what the oTOKEN
    /// reports it sent.
    pub treasury_received: Uint128,
    pub payments: Uint128,
    pub paid_to_treasury: Uint128,
    /// Underlying delivered as the oTOKEN reports it, and as the exercises add up.
    pub underlying_delivered: Uint128,
    pub exercised_by_users: Uint128,
}

#[derive(Clone, Debug, Serialize)]
pub struct OptionsSummary {
    pub info: OptionsInfo,
    pub exercises: Vec<ExerciseRecord>,
    pub tally: OptionsTally,
    pub check: OptionsCheck,
}
