//! What the AMM bench reports: one [`Row`] per measured call, the two-hop route as a sum and
//! its parts, and the oracle scaling groups whose gas must not depend on the ring buffer.
use anyhow::{bail, Result};
use serde::Serialize;

use crate::chain::sdk_gas_estimate;
use crate::check::{group_digits, ArtifactInfo};
use crate::farm::spread_pct;
use crate::storage::{distinct_access_floor, floor_ratio};
use crate::vm::Cost;

/// What one call (or the sum of several) cost: CosmWasm gas and the storage it touched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// CosmWasm gas (VM units; wasmd divides by 140,000,000 for SDK gas).
    pub gas: u64,
    /// Part of `gas` reported by the backend as used externally (storage, queries).
    pub gas_external: u64,
    /// Storage `get` calls.
    pub reads: u64,
    /// Range scans opened and iterator steps taken.
    pub scans: u64,
    pub iter_steps: u64,
    /// `set` plus `remove` calls.
    pub writes: u64,
    pub sets: u64,
    pub removes: u64,
    /// Key + value bytes of all `set` calls.
    pub bytes_written: u64,
    /// Key + value bytes returned by reads and iterator steps.
    pub bytes_read: u64,
    /// SDK gas of the storage part of the distinct-access floor
    /// ([`crate::storage::AccessFloor`]), summed over calls (each call's floor is its own:
    /// a chain charges every call for what it reads). Not written to the JSON: rows report
    /// the whole floor, with the instances, as `distinct_access_floor`.
    #[serde(skip)]
    pub access_floor: u64,
}

impl Figures {
    pub fn of(cost: &Cost) -> Self {
        let s = &cost.storage;
        Figures {
            gas: cost.gas,
            gas_external: cost.gas_external,
            reads: s.reads,
            scans: s.scans,
            iter_steps: s.iter_steps,
            writes: s.writes(),
            sets: s.sets,
            removes: s.removes,
            bytes_written: s.bytes_written,
            bytes_read: s.bytes_read,
            access_floor: cost.floor.sdk_gas(),
        }
    }

    /// Field-by-field sum: what a chain meters for calls that run in one transaction.
    pub fn sum<'a>(parts: impl IntoIterator<Item = &'a Figures>) -> Figures {
        parts.into_iter().fold(Figures::default(), |a, b| Figures {
            gas: a.gas.saturating_add(b.gas),
            gas_external: a.gas_external.saturating_add(b.gas_external),
            reads: a.reads.saturating_add(b.reads),
            scans: a.scans.saturating_add(b.scans),
            iter_steps: a.iter_steps.saturating_add(b.iter_steps),
            writes: a.writes.saturating_add(b.writes),
            sets: a.sets.saturating_add(b.sets),
            removes: a.removes.saturating_add(b.removes),
            bytes_written: a.bytes_written.saturating_add(b.bytes_written),
            bytes_read: a.bytes_read.saturating_add(b.bytes_read),
            access_floor: a.access_floor.saturating_add(b.access_floor),
        })
    }

    /// Reads, scans and writes: the counts a flat operation keeps in every configuration.
    fn storage_counts(&self) -> (u64, u64, u64) {
        (self.reads, self.scans, self.writes)
    }
}

/// The SDK gas of calls and their distinct-access floor.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SdkFigures {
    /// Rough SDK gas (`chain::sdk_gas_estimate`; for one call, `chain::call_sdk_gas`).
    pub sdk_gas_estimate: u64,
    /// 60,000 per instance plus the storage the calls would pay if each read and wrote
    /// every record it touches once, at its current encoding ([`crate::storage::AccessFloor`];
    /// no VM gas). It does not judge whether the layout itself is minimal.
    pub distinct_access_floor: u64,
    /// `(sdk_gas_estimate - instances x 60,000) / (distinct_access_floor - instances x
    /// 60,000)`.
    pub floor_ratio: f64,
}

impl SdkFigures {
    /// The figures of `f` run in `instances` contract instances.
    pub fn of(f: &Figures, instances: u64) -> Self {
        let sdk_gas_estimate = sdk_gas_estimate(f, instances);
        let floor = distinct_access_floor(f.access_floor, instances);
        SdkFigures {
            sdk_gas_estimate,
            distinct_access_floor: floor,
            floor_ratio: floor_ratio(sdk_gas_estimate, floor, instances),
        }
    }
}

/// One measured call.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub op: String,
    /// The pool's weights (`50/50`, `80/20`); `None` for calls that are not a pool's.
    pub pool: Option<&'static str>,
    pub description: String,
    #[serde(flatten)]
    pub figures: Figures,
    #[serde(flatten)]
    pub sdk: SdkFigures,
}

impl Row {
    pub fn new(
        op: impl Into<String>,
        pool: Option<&'static str>,
        description: impl Into<String>,
        cost: &Cost,
    ) -> Self {
        let figures = Figures::of(cost);
        Row {
            op: op.into(),
            pool,
            description: description.into(),
            figures,
            sdk: SdkFigures::of(&figures, 1),
        }
    }

    /// The sum of `parts`, each one call in its own instance (a transaction's calls).
    pub fn sum(
        op: impl Into<String>,
        pool: Option<&'static str>,
        description: impl Into<String>,
        parts: &[Row],
    ) -> Self {
        let figures = Figures::sum(parts.iter().map(|p| &p.figures));
        Row {
            op: op.into(),
            pool,
            description: description.into(),
            figures,
            sdk: SdkFigures::of(&figures, parts.len() as u64),
        }
    }
}

/// The two-hop route: the calls a chain runs for one `ExecuteRoute`, summed and one by one.
#[derive(Clone, Debug, Serialize)]
pub struct RouteReport {
    /// The assets along the route, e.g. `uatom -> ualy -> uosmo`.
    pub path: String,
    pub amount_in: String,
    pub amount_out: String,
    /// The whole transaction: the sum of `parts`.
    pub total: Row,
    /// In execution order: router execute, pool swap, router reply, pool swap, router reply.
    pub parts: Vec<Row>,
    /// Calls made once when deploying (router instantiate), not part of the route.
    pub setup: Vec<Row>,
}

/// One configuration of an oracle scaling group.
#[derive(Clone, Debug, Serialize)]
pub struct ScalingPoint {
    /// Samples in the ring buffer before the call.
    pub samples_kept: u32,
    /// Samples ever written (more than kept once the ring has wrapped).
    pub samples_written: u64,
    #[serde(flatten)]
    pub figures: Figures,
}

/// The same call with a nearly empty and with a full, wrapped ring buffer.
#[derive(Clone, Debug, Serialize)]
pub struct ScalingReport {
    pub op: String,
    pub description: String,
    pub results: Vec<ScalingPoint>,
    pub gas_min: u64,
    pub gas_max: u64,
    /// `(max - min) / min` in percent.
    pub gas_spread_pct: f64,
    /// Reads, scans and writes (the counts) are the same in every configuration.
    pub storage_flat: bool,
    pub within_limit: bool,
}

impl ScalingReport {
    pub fn new(
        op: impl Into<String>,
        description: impl Into<String>,
        results: Vec<ScalingPoint>,
        limit_pct: f64,
    ) -> Self {
        let gas_min = results.iter().map(|p| p.figures.gas).min().unwrap_or(0);
        let gas_max = results.iter().map(|p| p.figures.gas).max().unwrap_or(0);
        let gas_spread_pct = spread_pct(gas_min, gas_max);
        let storage_flat = results
            .windows(2)
            .all(|w| w[0].figures.storage_counts() == w[1].figures.storage_counts());
        ScalingReport {
            op: op.into(),
            description: description.into(),
            results,
            gas_min,
            gas_max,
            gas_spread_pct,
            storage_flat,
            within_limit: gas_spread_pct <= limit_pct,
        }
    }
}

/// The fixed parameters of a run, as written to the JSON.
#[derive(Clone, Debug, Serialize)]
pub struct AmmSettings {
    pub swap_fee_bps: u16,
    pub protocol_fee_share_bps: u16,
    pub oracle_capacity: u32,
    pub oracle_min_sample_spacing: u64,
    /// Swaps that fill the full buffer before its measurements (more than the capacity: the
    /// ring has wrapped).
    pub oracle_fill_swaps: u64,
    pub block_seconds: u64,
    /// Seconds the clock moves before each pool operation (one sample spacing: every
    /// measured operation is the first of its block and opens a new oracle slot).
    pub seconds_between_ops: u64,
    pub action_amount: String,
    pub slippage_bps: u16,
    pub twap_window_secs: u64,
    pub twap_ago_secs: u64,
    pub call_gas_limit: u64,
}

/// Everything the AMM bench found (the `amm` part of `bench/results.json`).
#[derive(Clone, Debug, Serialize)]
pub struct AmmReport {
    pub pool_artifact: ArtifactInfo,
    pub router_artifact: ArtifactInfo,
    pub settings: AmmSettings,
    /// Each pool shape's deployment and operations.
    pub pool_ops: Vec<Row>,
    /// Swaps with and without an oracle write, on a pool with a full buffer.
    pub oracle: Vec<Row>,
    pub oracle_scaling: Vec<ScalingReport>,
    /// TWAP queries over the full buffer (informational).
    pub twap: Vec<Row>,
    pub route: RouteReport,
    pub spread_limit_pct: f64,
    pub max_spread_pct: f64,
    pub max_spread_op: Option<String>,
    /// No scaling group's gas spread exceeds the limit.
    pub flat: bool,
}

impl AmmReport {
    /// `Err` naming every scaling group over the spread limit.
    pub fn ensure_flat(&self) -> Result<()> {
        let over: Vec<String> = self
            .oracle_scaling
            .iter()
            .filter(|s| !s.within_limit)
            .map(|s| format!("{} {:.2}%", s.op, s.gas_spread_pct))
            .collect();
        if over.is_empty() {
            return Ok(());
        }
        bail!(
            "oracle gas spread over {}% between buffer sizes: {}",
            self.spread_limit_pct,
            over.join(", ")
        )
    }
}

/// Width of the first column: fits the longest scaling label at the largest capacity.
const LABEL_WIDTH: usize = 44;

fn print_header(first: &str) {
    println!(
        "{:<LABEL_WIDTH$} {:>14} {:>9} {:>6} {:>5} {:>7} {:>7} {:>9} {:>9} {:>6}",
        first, "gas", "gas_ext", "reads", "iter", "writes", "bytes", "sdk_est", "floor", "ratio"
    );
}

fn print_figures(label: &str, f: &Figures, sdk: Option<&SdkFigures>) {
    let (est, floor, ratio) = match sdk {
        Some(s) => (
            group_digits(s.sdk_gas_estimate),
            group_digits(s.distinct_access_floor),
            format!("{:.2}", s.floor_ratio),
        ),
        None => Default::default(),
    };
    println!(
        "{:<LABEL_WIDTH$} {:>14} {:>9} {:>6} {:>5} {:>7} {:>7} {:>9} {:>9} {:>6}",
        label,
        group_digits(f.gas),
        group_digits(f.gas_external),
        f.reads,
        f.iter_steps,
        f.writes,
        f.bytes_written,
        est,
        floor,
        ratio
    );
}

fn print_row(label: &str, row: &Row) {
    print_figures(label, &row.figures, Some(&row.sdk));
}

fn row_label(row: &Row) -> String {
    match row.pool {
        Some(pool) => format!("{pool} {}", row.op),
        None => row.op.clone(),
    }
}

/// Prints every table and the spreads.
pub fn print_amm_report(report: &AmmReport) {
    print_header("weighted pool (native assets)");
    for row in &report.pool_ops {
        print_row(&row_label(row), row);
    }
    println!();
    print_header("oracle (full, wrapped buffer)");
    for row in report.oracle.iter().chain(&report.twap) {
        print_row(&row_label(row), row);
    }
    println!();
    let route = &report.route;
    print_header(&format!("route {}", route.path));
    print_row(&route.total.op, &route.total);
    for part in &route.parts {
        print_row(&format!("  {}", part.op), part);
    }
    for row in &route.setup {
        print_row(&row.op, row);
    }
    println!("  {} in -> {} out", route.amount_in, route.amount_out);
    println!();
    print_header("oracle buffer scaling");
    for group in &report.oracle_scaling {
        for p in &group.results {
            let label = format!(
                "{} [{} kept/{} written]",
                group.op, p.samples_kept, p.samples_written
            );
            print_figures(&label, &p.figures, None);
        }
    }
    println!();
    println!(
        "gas spread between buffer sizes (limit {}%):",
        report.spread_limit_pct
    );
    for group in &report.oracle_scaling {
        println!(
            "  {:<LABEL_WIDTH$} {:>7.3}%  {}{}",
            group.op,
            group.gas_spread_pct,
            if group.within_limit {
                "ok"
            } else {
                "OVER LIMIT"
            },
            if group.storage_flat {
                ""
            } else {
                "  (storage read/write counts differ between buffer sizes)"
            }
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(gas: u64, reads: u64, writes: u64) -> Figures {
        Figures {
            gas,
            reads,
            writes,
            ..Figures::default()
        }
    }

    #[test]
    fn sums_every_field() {
        let a = Figures {
            gas: 10,
            gas_external: 1,
            reads: 2,
            scans: 3,
            iter_steps: 4,
            writes: 5,
            sets: 4,
            removes: 1,
            bytes_written: 100,
            bytes_read: 50,
            access_floor: 7,
        };
        let b = figures(5, 1, 1);
        let s = Figures::sum([&a, &b, &a]);
        // 10 + 5 + 10, 2 + 1 + 2, 5 + 1 + 5; the fields b leaves at zero double a's.
        assert_eq!(s.gas, 25);
        assert_eq!(s.reads, 5);
        assert_eq!(s.writes, 11);
        assert_eq!(s.gas_external, 2);
        assert_eq!(s.scans, 6);
        assert_eq!(s.iter_steps, 8);
        assert_eq!(s.sets, 8);
        assert_eq!(s.removes, 2);
        assert_eq!(s.bytes_written, 200);
        assert_eq!(s.bytes_read, 100);
        assert_eq!(s.access_floor, 14);
        assert_eq!(Figures::sum([]), Figures::default());
    }

    #[test]
    fn sdk_figures_put_the_floor_under_the_estimate() {
        let f = Figures {
            gas: 3 * crate::chain::GAS_MULTIPLIER + 1,
            access_floor: 5_000,
            ..figures(0, 5, 0)
        };
        let sdk = SdkFigures::of(&f, 2);
        // Estimate: VM 4 + 5 reads 5,000 + two instances 120,000. Floor: 120,000 + 5,000.
        assert_eq!(sdk.sdk_gas_estimate, 125_004);
        assert_eq!(sdk.distinct_access_floor, 125_000);
        assert_eq!(sdk.floor_ratio, 5_004.0 / 5_000.0);
    }

    #[test]
    fn scaling_flags_spread_and_storage() {
        let point = |kept, gas, reads| ScalingPoint {
            samples_kept: kept,
            samples_written: u64::from(kept),
            figures: figures(gas, reads, 3),
        };
        // 1000 -> 1020 is exactly 2%: within a 2% limit.
        let ok = ScalingReport::new("op", "d", vec![point(1, 1000, 4), point(9, 1020, 4)], 2.0);
        assert_eq!((ok.gas_min, ok.gas_max), (1000, 1020));
        assert_eq!(ok.gas_spread_pct, 2.0);
        assert!(ok.within_limit && ok.storage_flat);
        // 1000 -> 1021 is 2.1%; one more read is flagged as well.
        let over = ScalingReport::new("op", "d", vec![point(1, 1000, 4), point(9, 1021, 5)], 2.0);
        assert!(!over.within_limit);
        assert!(!over.storage_flat);
    }
}
