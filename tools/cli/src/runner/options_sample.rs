//! The options token in samples and in the summary: treasury cash, prices, sell pressure and
//! supply per sample; at the end the exercises, the per-option tally and the books checks.
use anyhow::Result;
use cosmwasm_std::{Decimal, Decimal256, SignedDecimal, Uint128, Uint256};

use super::deploy::World;
use crate::model::{
    OptionsCheck, OptionsInfo, OptionsSample, OptionsSummary, OptionsTally, Sample,
};
use crate::scenario::plan::Plan;

/// The options now (`None` without them). `previous` gives the sell pressure since then.
pub fn take(world: &World, previous: Option<&Sample>) -> Result<Option<OptionsSample>> {
    let Some(ow) = &world.options else {
        return Ok(None);
    };
    let suite = &world.suite;
    let h = &ow.handle;
    let pool = &world.amm[ow.amm_pool];
    // The oracle refuses while the pool's history is shorter than the window: no price yet.
    let strike = suite.strike_price(h).ok();
    let totals = suite.options_totals(h)?;
    let sold_before = previous
        .and_then(|s| s.options.as_ref())
        .map_or(0, |o| o.sold_total.u128());
    Ok(Some(OptionsSample {
        treasury_cash: Uint128::new(suite.balance_of(&ow.treasury, &h.payment)?),
        spot: suite.spot_price(pool, &h.underlying)?,
        twap: strike.as_ref().map(|s| s.twap),
        strike: strike.map(|s| s.strike),
        sold: Uint128::new(ow.sold_total - sold_before),
        sold_total: Uint128::new(ow.sold_total),
        supply: Uint128::new(suite.options_supply(h)?),
        issued: totals.issued,
        exercised: totals.exercised,
        paid_to_treasury: totals.paid_to_treasury,
    }))
}

/// `value * 10^ud / (amount * 10^pd)`: a payment-token amount per option, display units
/// (0 without options exercised).
fn per_option(value: u128, amount: u128, ud: u8, pd: u8) -> Decimal {
    if amount == 0 {
        return Decimal::zero();
    }
    let ten = |d: u8| Uint256::from(10u128).pow(u32::from(d));
    let ratio = Decimal256::checked_from_ratio(
        Uint256::from(value) * ten(ud),
        Uint256::from(amount) * ten(pd),
    )
    .unwrap_or(Decimal256::MAX);
    Decimal::try_from(ratio).unwrap_or(Decimal::MAX)
}

/// The summary and the books violations (empty when every check held), after the final
/// settlement. `None` without options.
pub fn summary(world: &World, plan: &Plan) -> Result<Option<(OptionsSummary, Vec<String>)>> {
    let (Some(ow), Some(o)) = (&world.options, &plan.options) else {
        return Ok(None);
    };
    let suite = &world.suite;
    let h = &ow.handle;
    let (ud, pd) = (
        plan.tokens[o.underlying].decimals,
        plan.tokens[o.payment].decimals,
    );
    let totals = suite.options_totals(h)?;
    let supply = suite.options_supply(h)?;
    let cash = suite.balance_of(&ow.treasury, &h.payment)?;
    let treasury_received = cash - ow.treasury_cash_at_start;

    let sum = |f: &dyn Fn(&crate::model::ExerciseRecord) -> u128| -> u128 {
        ow.exercises.iter().map(f).sum()
    };
    let delivered = sum(&|e| e.amount.u128());
    let payments = sum(&|e| e.payment.u128());
    let market_value = sum(&|e| e.market_value.u128());
    let lp_fees = sum(&|e| e.sell_fee.u128());
    let lp_fees_value = sum(&|e| e.sell_fee_value.u128());
    let sold = sum(&|e| e.sold.u128());
    let farmer_gain: i128 = ow.exercises.iter().map(|e| e.farmer_gain).sum();
    let gain_magnitude = per_option(farmer_gain.unsigned_abs(), delivered, ud, pd);
    let gain = SignedDecimal::try_from(gain_magnitude).unwrap_or(SignedDecimal::MAX);
    let tally = OptionsTally {
        exercises: ow.exercises.len(),
        underlying_delivered: Uint128::new(delivered),
        payment_received: Uint128::new(payments),
        market_value: Uint128::new(market_value),
        farmer_gain,
        lp_fees: Uint128::new(lp_fees),
        lp_fees_value: Uint128::new(lp_fees_value),
        protocol_payment_per_option: per_option(payments, delivered, ud, pd),
        farmer_gain_per_option: if farmer_gain < 0 { -gain } else { gain },
        // Per option sold: the fees LPs took from each underlying sold into the pool.
        lp_fees_per_option: per_option(lp_fees_value, sold, ud, pd),
    };
    let (issued, exercised, burned) = (
        totals.issued.u128(),
        totals.exercised.u128(),
        totals.burned.u128(),
    );
    let ok_supply = issued == supply + exercised + burned;
    let ok_treasury = treasury_received == payments && payments == totals.paid_to_treasury.u128();
    let ok_delivered = delivered == totals.underlying_delivered.u128() && delivered == exercised;
    let mut violations = Vec::new();
    if !ok_supply {
        violations.push(format!(
            "options: issued {issued} != supply {supply} + exercised {exercised} + burned {burned}"
        ));
    }
    if !ok_treasury {
        violations.push(format!(
            "options: the treasury received {treasury_received}, the exercises paid {payments}, the oTOKEN reports {}",
            totals.paid_to_treasury
        ));
    }
    if !ok_delivered {
        violations.push(format!(
            "options: exercises add up to {delivered}, the oTOKEN reports {} delivered and {exercised} exercised",
            totals.underlying_delivered
        ));
    }
    let info = OptionsInfo {
        symbol: h.symbol.clone(),
        address: h.addr.to_string(),
        underlying: plan.tokens[o.underlying].symbol.clone(),
        underlying_decimals: ud,
        payment: plan.tokens[o.payment].symbol.clone(),
        payment_decimals: pd,
        pool: plan.amm_pools[o.amm_pool].name.clone(),
        window_secs: o.window_secs,
        multiplier_bps: o.multiplier_bps,
        min_price: Decimal::raw(o.min_price_atomics),
        delivery: if o.reserve.is_some() {
            "reserve"
        } else {
            "mint"
        }
        .to_string(),
        treasury: o.treasury.clone(),
        treasury_address: ow.treasury.to_string(),
    };
    let check = OptionsCheck {
        ok: violations.is_empty(),
        issued: totals.issued,
        supply: Uint128::new(supply),
        exercised: totals.exercised,
        burned: totals.burned,
        treasury_received: Uint128::new(treasury_received),
        payments: Uint128::new(payments),
        paid_to_treasury: totals.paid_to_treasury,
        underlying_delivered: totals.underlying_delivered,
        exercised_by_users: Uint128::new(delivered),
    };
    let summary = OptionsSummary {
        info,
        exercises: ow.exercises.clone(),
        tally,
        check,
    };
    Ok(Some((summary, violations)))
}
