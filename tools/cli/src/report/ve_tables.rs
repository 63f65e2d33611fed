//! The vote-escrow sections of the summary, as titled tables shared by the terminal summary and
//! the HTML report: working balances, locks and powers, gauge weights per week, and the boost
//! comparison. Each is absent when the scenario has nothing for it.
use crate::format::{self, value};
use crate::model::SimReport;

/// A titled table.
pub struct Section {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Every section the report has, in display order.
pub fn sections(report: &SimReport) -> Vec<Section> {
    [
        working(report),
        locks(report),
        gauge_weeks(report),
        comparison(report),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|h| h.to_string()).collect()
}

/// Per position at the end: the pool's boost, the stake and the working balance. Only when a
/// pool is boosted or the scenario has an escrow.
fn working(report: &SimReport) -> Option<Section> {
    let boosted = report.pools.iter().any(|p| p.boost != "none");
    if !boosted && report.summary.ve.is_none() {
        return None;
    }
    let mut rows = Vec::new();
    for u in &report.summary.users {
        let Some(info) = report.pool_index(&u.pool).map(|i| &report.pools[i]) else {
            continue;
        };
        rows.push(vec![
            u.user.clone(),
            u.pool.clone(),
            format!("{} ({}%)", info.boost, info.tokenless_share_pct),
            value(u.staked.u128(), info.staking_decimals),
            value(u.working.u128(), info.staking_decimals),
            ratio(u.working.u128(), u.staked.u128()),
        ]);
    }
    for (info, p) in report.pools.iter().zip(&report.summary.pools) {
        rows.push(vec![
            "(pool)".to_string(),
            info.name.clone(),
            format!("{} ({}%)", info.boost, info.tokenless_share_pct),
            value(p.staked.u128(), info.staking_decimals),
            value(p.working_supply.u128(), info.staking_decimals),
            ratio(p.working_supply.u128(), p.staked.u128()),
        ]);
    }
    Some(Section {
        title: "Boosts at the end (working = the stake as it counts for reward; boost (tokenless share))"
            .to_string(),
        headers: headers(&["user", "pool", "boost", "staked", "working", "working/staked"]),
        rows,
    })
}

/// `working / staked` ([`format::DIGITS`] significant digits); empty for no stake.
fn ratio(working: u128, staked: u128) -> String {
    if staked == 0 {
        return String::new();
    }
    let d = cosmwasm_std::Decimal256::from_ratio(working, staked);
    format::sig(d, format::DIGITS)
}

fn locks(report: &SimReport) -> Option<Section> {
    let ve = report.summary.ve.as_ref()?;
    let d = ve.lock_decimals;
    let mut rows: Vec<Vec<String>> = ve
        .users
        .iter()
        .map(|u| {
            vec![
                u.user.clone(),
                value(u.locked.u128(), d),
                if u.lock_end == 0 {
                    String::new()
                } else {
                    format::duration(u.lock_end)
                },
                value(u.power.u128(), d),
            ]
        })
        .collect();
    rows.push(vec![
        "(total)".to_string(),
        String::new(),
        String::new(),
        value(ve.total_power.u128(), d),
    ]);
    Some(Section {
        title: format!(
            "Vote escrow at the end (locked and ve power in {}, as in the ve power chart; lock end after deployment)",
            ve.lock_symbol
        ),
        headers: headers(&["user", "locked", "lock end", "ve power"]),
        rows,
    })
}

fn gauge_weeks(report: &SimReport) -> Option<Section> {
    let weeks = &report.summary.gauge_weeks;
    if weeks.is_empty() {
        return None;
    }
    let mut names = vec!["week starting".to_string()];
    names.extend(report.pools.iter().map(|p| p.name.clone()));
    let rows = weeks
        .iter()
        .map(|w| {
            let mut row = vec![if w.t == 0 {
                "(run start)".to_string()
            } else {
                format::duration(w.t)
            }];
            row.extend(w.relative_weights.iter().map(|r| percent(*r)));
            row
        })
        .collect();
    Some(Section {
        title: "Gauge relative weights per week (each pool's share of the emission)".to_string(),
        headers: names,
        rows,
    })
}

fn comparison(report: &SimReport) -> Option<Section> {
    let c = report.summary.boost_comparison.as_ref()?;
    let rd = report.scenario.reward_decimals;
    let mut names = vec!["user".to_string()];
    for m in &c.modes {
        names.push(m.clone());
        names.push(format!("{m} share"));
        names.push(format!("{m} APR"));
    }
    let mut rows: Vec<Vec<String>> = c
        .users
        .iter()
        .map(|u| {
            let mut row = vec![u.user.clone()];
            for ((r, s), apr) in u.rewards.iter().zip(&u.shares).zip(&u.apr_bps) {
                row.push(value(r.u128(), rd));
                row.push(percent(*s));
                row.push(apr.map_or("-".to_string(), format::percent_bps));
            }
            row
        })
        .collect();
    let mut total = vec!["(all)".to_string()];
    for t in &c.totals {
        total.push(value(t.u128(), rd));
        total.push(String::new());
        total.push(String::new());
    }
    rows.push(total);
    let mut ok = vec!["conservation".to_string()];
    for held in &c.conserved {
        ok.push(if *held { "ok" } else { "VIOLATED" }.to_string());
        ok.push(String::new());
        ok.push(String::new());
    }
    rows.push(ok);
    Some(Section {
        title: format!(
            "Boost comparison (each user's reward over the run in {}, per boost mode of the boosted pools; APR as in the APR and TVL basis)",
            report.scenario.reward_symbol
        ),
        headers: names,
        rows,
    })
}

/// `0.357142...` -> `35.71%` ([`format::percent`]).
fn percent(d: cosmwasm_std::Decimal) -> String {
    format::percent(d)
}
