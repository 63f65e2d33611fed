//! CSV of the options token: `options.csv` (one row per sample: treasury cash, spot, TWAP and
//! strike, sell pressure, supply and totals) and `exercises.csv` (one row per exercise, with
//! the tally's terms). Header only without an options token. Prices are payment base units
//! per underlying base unit (1e18 fixed point, as the contracts report them).
use std::fmt::Write;

use super::csv::field;
use crate::model::SimReport;

pub fn options(report: &SimReport) -> String {
    let mut out = String::from(
        "t_secs,treasury_cash,spot,twap,strike,sold,sold_total,supply,issued,exercised,paid_to_treasury\n",
    );
    for s in &report.samples {
        let Some(o) = &s.options else { continue };
        let opt = |d: Option<cosmwasm_std::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{}",
            s.t,
            o.treasury_cash,
            o.spot,
            opt(o.twap),
            opt(o.strike),
            o.sold,
            o.sold_total,
            o.supply,
            o.issued,
            o.exercised,
            o.paid_to_treasury
        );
    }
    out
}

pub fn exercises(report: &SimReport) -> String {
    let mut out = String::from(
        "t_secs,user,amount,twap,strike,clamped,payment,spot,market_value,farmer_gain,then,sold,sell_proceeds,sell_fee,sell_fee_value,locked\n",
    );
    let Some(o) = &report.summary.options else {
        return out;
    };
    for e in &o.exercises {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            e.t,
            field(&e.user),
            e.amount,
            e.twap,
            e.strike,
            e.clamped,
            e.payment,
            e.spot,
            e.market_value,
            e.farmer_gain,
            e.then,
            e.sold,
            e.sell_proceeds,
            e.sell_fee,
            e.sell_fee_value,
            e.locked
        );
    }
    out
}
