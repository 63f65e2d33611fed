//! The options sections of the summary, shared by the terminal and the HTML report: the
//! per-option tally (protocol, farmers, LPs), the books checks, every exercise, and the
//! treasury, prices and sell pressure over time. Absent without an options token.
use cosmwasm_std::{Decimal256, SignedDecimal, Uint256};

use super::ve_tables::Section;
use crate::format::{self, moment, value};
use crate::model::{OptionsInfo, SimReport};

/// Rows of the time table at most (longer runs show every k-th sample and the last).
const MAX_TIME_ROWS: usize = 40;

pub fn sections(report: &SimReport) -> Vec<Section> {
    let Some(o) = &report.summary.options else {
        return Vec::new();
    };
    let info = &o.info;
    let (u, p) = (info.underlying.as_str(), info.payment.as_str());
    let (ud, pd) = (info.underlying_decimals, info.payment_decimals);
    let t = &o.tally;
    let signed = |v: i128| {
        let sign = if v < 0 { "-" } else { "+" };
        format!("{sign}{} {p}", value(v.unsigned_abs(), pd))
    };
    let tally = Section {
        title: format!(
            "Options tally: {} on {u}, paid in {p}, strike {} of the {} TWAP of {} ({} exercises)",
            info.symbol,
            format::percent_bps(info.multiplier_bps.into()),
            format::duration(info.window_secs),
            info.pool,
            t.exercises
        ),
        headers: ["party", "what", "total", "per option"]
            .map(String::from)
            .to_vec(),
        rows: vec![
            vec![
                "protocol".into(),
                format!("{u} delivered"),
                format!("-{} {u}", value(t.underlying_delivered.u128(), ud)),
                if t.exercises == 0 {
                    String::new()
                } else {
                    format!("-1 {u}")
                },
            ],
            vec![
                "protocol".into(),
                format!("{p} received (treasury)"),
                format!("+{} {p}", value(t.payment_received.u128(), pd)),
                format!(
                    "+{} {p}",
                    format::sig(t.protocol_payment_per_option, format::DIGITS)
                ),
            ],
            vec![
                "farmers".into(),
                format!("{u} at spot - payment"),
                signed(t.farmer_gain),
                format!("{} {p}", signed_decimal(t.farmer_gain_per_option)),
            ],
            vec![
                "LPs".into(),
                "swap fees on sells (fees only)".to_string(),
                format!(
                    "+{} {u} (= {} {p})",
                    value(t.lp_fees.u128(), ud),
                    value(t.lp_fees_value.u128(), pd)
                ),
                format!(
                    "+{} {p} per {u} sold",
                    format::sig(t.lp_fees_per_option, format::DIGITS)
                ),
            ],
        ],
    };
    let c = &o.check;
    let sd = ud; // the oTOKEN has the underlying's decimals
                 // The books are shown exactly (every digit), so that the equalities can be checked by eye.
    let books = Section {
        title: format!(
            "Options books ({}): issued = supply + exercised + burned; treasury received = sum of payments",
            if c.ok { "held" } else { "VIOLATED" }
        ),
        headers: ["book", "value"].map(String::from).to_vec(),
        rows: vec![
            vec!["issued".into(), format::amount(c.issued.u128(), sd)],
            vec!["supply".into(), format::amount(c.supply.u128(), sd)],
            vec!["exercised".into(), format::amount(c.exercised.u128(), sd)],
            vec!["burned".into(), format::amount(c.burned.u128(), sd)],
            vec![format!("treasury received ({p})"), format::amount(c.treasury_received.u128(), pd)],
            vec![format!("sum of payments ({p})"), format::amount(c.payments.u128(), pd)],
            vec![format!("oTOKEN paid_to_treasury ({p})"), format::amount(c.paid_to_treasury.u128(), pd)],
        ],
    };
    let lock_decimals = report.summary.ve.as_ref().map_or(ud, |v| v.lock_decimals);
    let exercises = Section {
        title: format!("Exercises (prices in {p} per {u})"),
        headers: [
            "t",
            "user",
            "amount",
            "spot",
            "strike",
            "payment",
            "farmer gain",
            "then",
            "sold/locked",
        ]
        .map(String::from)
        .to_vec(),
        rows: o
            .exercises
            .iter()
            .map(|e| {
                let after = match e.then.as_str() {
                    "sell" => format!(
                        "{} {u} -> {} {p}",
                        value(e.sold.u128(), ud),
                        value(e.sell_proceeds.u128(), pd)
                    ),
                    "lock" => value(e.locked.u128(), lock_decimals),
                    _ => String::new(),
                };
                vec![
                    format::duration(e.t),
                    e.user.clone(),
                    value(e.amount.u128(), ud),
                    price(e.spot.atomics(), info),
                    price(e.strike.atomics().into(), info),
                    value(e.payment.u128(), pd),
                    signed(e.farmer_gain),
                    e.then.clone(),
                    after,
                ]
            })
            .collect(),
    };
    vec![tally, books, exercises, over_time(report, info)]
}

/// Treasury cash, prices and sell pressure per sample (at most [`MAX_TIME_ROWS`] rows).
fn over_time(report: &SimReport, info: &OptionsInfo) -> Section {
    let (u, p) = (info.underlying.as_str(), info.payment.as_str());
    let every = report.samples.len().div_ceil(MAX_TIME_ROWS).max(1);
    let last = report.samples.len().saturating_sub(1);
    let rows = report
        .samples
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0 || *i == last)
        .filter_map(|(_, s)| s.options.as_ref().map(|o| (s.t, o)))
        .map(|(t, o)| {
            let opt = |d: Option<cosmwasm_std::Decimal>| {
                d.map(|d| price(d.atomics().into(), info))
                    .unwrap_or_else(|| "-".into())
            };
            vec![
                moment(
                    t,
                    report.scenario.block_secs,
                    report.scenario.clock == "height",
                ),
                value(o.treasury_cash.u128(), info.payment_decimals),
                price(o.spot.atomics(), info),
                opt(o.twap),
                opt(o.strike),
                value(o.sold.u128(), info.underlying_decimals),
                value(o.supply.u128(), info.underlying_decimals),
            ]
        })
        .collect();
    Section {
        title: format!(
            "Options over time (treasury cash in {p}; prices in {p} per {u}; TWAP and strike '-' until the pool's history covers the window)"
        ),
        headers: ["t", "treasury", "spot", "TWAP", "strike", &format!("{u} sold"), &format!("{} supply", info.symbol)]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// A base-unit price (1e18 atomics, payment base units per underlying base unit) in display
/// units: `atomics * 10^ud / (1e18 * 10^pd)`, [`format::DIGITS`] significant digits.
pub fn price(atomics: Uint256, info: &OptionsInfo) -> String {
    format::sig(display_price(atomics, info), format::DIGITS)
}

pub fn display_price(atomics: Uint256, info: &OptionsInfo) -> Decimal256 {
    let ten = |d: u8| Uint256::from(10u128).pow(u32::from(d));
    Decimal256::checked_from_ratio(
        atomics * ten(info.underlying_decimals),
        ten(18) * ten(info.payment_decimals),
    )
    .unwrap_or(Decimal256::MAX)
}

/// `+10`, `-0.5`: a signed decimal with its sign ([`format::DIGITS`] significant digits).
fn signed_decimal(d: SignedDecimal) -> String {
    let sign = if d.is_negative() { "" } else { "+" };
    format!("{sign}{}", format::sig(d, format::DIGITS))
}
