//! The options sections of the summary, shared by the terminal and the HTML report: the
//! per-option tally (protocol, farmers, LPs), the books checks, every exercise, and the
//! treasury, prices and sell pressure over time. Absent without an options token.
use cosmwasm_std::{Decimal256, SignedDecimal, Uint256};

use super::ve_tables::Section;
use crate::format::{self, amount, moment};
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
        format!("{sign}{} {p}", amount(v.unsigned_abs(), pd))
    };
    let tally = Section {
        title: format!(
            "Options tally: {} on {u}, paid in {p}, strike {}% of the {} TWAP of {} ({} exercises)",
            info.symbol,
            f64::from(info.multiplier_bps) / 100.0,
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
                format!("-{} {u}", amount(t.underlying_delivered.u128(), ud)),
                if t.exercises == 0 {
                    String::new()
                } else {
                    format!("-1 {u}")
                },
            ],
            vec![
                "protocol".into(),
                format!("{p} received (treasury)"),
                format!("+{} {p}", amount(t.payment_received.u128(), pd)),
                format!(
                    "+{} {p}",
                    format::decimal(t.protocol_payment_per_option.into(), 6)
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
                    amount(t.lp_fees.u128(), ud),
                    amount(t.lp_fees_value.u128(), pd)
                ),
                format!(
                    "+{} {p} per {u} sold",
                    format::decimal(t.lp_fees_per_option.into(), 6)
                ),
            ],
        ],
    };
    let c = &o.check;
    let sd = ud; // the oTOKEN has the underlying's decimals
    let books = Section {
        title: format!(
            "Options books ({}): issued = supply + exercised + burned; treasury received = sum of payments",
            if c.ok { "held" } else { "VIOLATED" }
        ),
        headers: ["book", "value"].map(String::from).to_vec(),
        rows: vec![
            vec!["issued".into(), amount(c.issued.u128(), sd)],
            vec!["supply".into(), amount(c.supply.u128(), sd)],
            vec!["exercised".into(), amount(c.exercised.u128(), sd)],
            vec!["burned".into(), amount(c.burned.u128(), sd)],
            vec![format!("treasury received ({p})"), amount(c.treasury_received.u128(), pd)],
            vec![format!("sum of payments ({p})"), amount(c.payments.u128(), pd)],
            vec![format!("oTOKEN paid_to_treasury ({p})"), amount(c.paid_to_treasury.u128(), pd)],
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
                        amount(e.sold.u128(), ud),
                        amount(e.sell_proceeds.u128(), pd)
                    ),
                    "lock" => amount(e.locked.u128(), lock_decimals),
                    _ => String::new(),
                };
                vec![
                    format::duration(e.t),
                    e.user.clone(),
                    amount(e.amount.u128(), ud),
                    price(e.spot.atomics(), info),
                    price(e.strike.atomics().into(), info),
                    amount(e.payment.u128(), pd),
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
                amount(o.treasury_cash.u128(), info.payment_decimals),
                price(o.spot.atomics(), info),
                opt(o.twap),
                opt(o.strike),
                amount(o.sold.u128(), info.underlying_decimals),
                amount(o.supply.u128(), info.underlying_decimals),
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
/// units: `atomics * 10^ud / (1e18 * 10^pd)`, 6 decimals, truncated.
pub fn price(atomics: Uint256, info: &OptionsInfo) -> String {
    format::decimal(display_price(atomics, info), 6)
}

pub fn display_price(atomics: Uint256, info: &OptionsInfo) -> Decimal256 {
    let ten = |d: u8| Uint256::from(10u128).pow(u32::from(d));
    Decimal256::checked_from_ratio(
        atomics * ten(info.underlying_decimals),
        ten(18) * ten(info.payment_decimals),
    )
    .unwrap_or(Decimal256::MAX)
}

/// `+10`, `-0.5`: a signed decimal with its sign and at most 6 decimals.
fn signed_decimal(d: SignedDecimal) -> String {
    let magnitude = Decimal256::new(Uint256::from(d.atomics().unsigned_abs()));
    let sign = if d.is_negative() { "-" } else { "+" };
    format!("{sign}{}", format::decimal(magnitude, 6))
}
