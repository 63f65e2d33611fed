//! `compare_boost`: the same scenario under each boost mode, every pool that declares a
//! `boost` set to the mode; each user's total reward, share and APR per mode.
use anyhow::{Context, Result};
use cosmwasm_std::{Decimal, Uint128};
use indicatif::ProgressBar;

use super::run_once;
use crate::model::{BoostComparison, BoostUserRow, SimReport};
use crate::scenario::plan::Plan;

/// Runs `plan` once per mode of `plan.compare_boost` (reusing `report`, the run as planned,
/// for a mode that changes nothing) and stores the comparison in `report`. Violations of the
/// other runs join the report's, prefixed with their mode.
pub fn add_comparison(plan: &Plan, report: &mut SimReport, progress: &ProgressBar) -> Result<()> {
    let mut runs: Vec<(String, Vec<u128>, bool)> = Vec::new();
    let mut aprs: Vec<Vec<Option<u64>>> = Vec::new();
    let mut extra_violations = Vec::new();
    for mode in &plan.compare_boost {
        let variant = plan.with_boost(*mode);
        let name = mode.as_str().to_string();
        if variant == *plan {
            runs.push((name, rewards(report), report.conserved()));
            aprs.push(user_aprs(report));
            continue;
        }
        let other = run_once(&variant, progress)
            .with_context(|| format!("the run with boost = \"{name}\""))?;
        extra_violations.extend(
            other
                .summary
                .conservation
                .violations
                .iter()
                .map(|v| format!("[boost = {name}] {v}")),
        );
        runs.push((name, rewards(&other), other.conserved()));
        aprs.push(user_aprs(&other));
    }
    let totals: Vec<u128> = runs.iter().map(|(_, r, _)| r.iter().sum()).collect();
    let users = report
        .users
        .iter()
        .enumerate()
        .map(|(u, user)| BoostUserRow {
            user: user.clone(),
            rewards: runs.iter().map(|(_, r, _)| Uint128::new(r[u])).collect(),
            shares: runs
                .iter()
                .zip(&totals)
                .map(|((_, r, _), total)| share(r[u], *total))
                .collect(),
            apr_bps: aprs.iter().map(|a| a[u]).collect(),
        })
        .collect();
    report.summary.boost_comparison = Some(BoostComparison {
        modes: runs.iter().map(|(m, _, _)| m.clone()).collect(),
        users,
        totals: totals.into_iter().map(Uint128::new).collect(),
        conserved: runs.iter().map(|(_, _, ok)| *ok).collect(),
    });
    report
        .summary
        .conservation
        .violations
        .extend(extra_violations);
    Ok(())
}

/// Each user's total reward over the run (every position's earned), in `users` order.
fn rewards(report: &SimReport) -> Vec<u128> {
    report
        .users
        .iter()
        .map(|u| {
            report
                .summary
                .users
                .iter()
                .filter(|s| s.user == *u)
                .map(|s| s.earned.u128())
                .sum()
        })
        .collect()
}

/// Each user's APR over the run, in `users` order (see [`super::farm_value`]).
fn user_aprs(report: &SimReport) -> Vec<Option<u64>> {
    report
        .users
        .iter()
        .map(|u| {
            report
                .valuation
                .as_ref()
                .and_then(|v| super::farm_value::user_apr_bps(v, u))
        })
        .collect()
}

/// `part / total`, floored at 18 decimals; 0 when nothing was paid.
fn share(part: u128, total: u128) -> Decimal {
    if total == 0 {
        return Decimal::zero();
    }
    Decimal::from_ratio(part, total)
}
