//! What the ve group reports: one [`VeRow`] per measured transaction, with every contract call
//! it ran (submessages and replies included) and the cross-contract queries those calls made.
use serde::Serialize;

use crate::amm::report::{Figures, SdkFigures};
use crate::check::{group_digits, ArtifactInfo};

/// A smart query one contract made into another during a call, run in the queried
/// contract's wasm.
#[derive(Clone, Debug, Serialize)]
pub struct QueryFigures {
    pub contract: String,
    #[serde(flatten)]
    pub figures: Figures,
}

/// One contract call of a transaction: its own figures and the queries it made.
#[derive(Clone, Debug, Serialize)]
pub struct CallFigures {
    pub contract: String,
    /// `instantiate`, `execute` or `reply`.
    pub entry: &'static str,
    /// SDK gas limit the chain gave the call (a submessage's `gas_limit`); `None`: the
    /// transaction's.
    pub gas_limit_sdk: Option<u64>,
    /// Rough SDK gas of the call with its queries (see [`crate::chain::sdk_gas_estimate`]).
    pub sdk_gas_estimate: u64,
    /// The call's and its queries' distinct-access floor: 60,000 per instance plus each
    /// one's storage if it read and wrote every record it touches once, at its current
    /// encoding ([`crate::storage::AccessFloor`]; no VM gas, no judgement of the layout).
    pub distinct_access_floor: u64,
    /// `(sdk_gas_estimate - instances x 60,000) / (distinct_access_floor - instances x
    /// 60,000)`.
    pub floor_ratio: f64,
    #[serde(flatten)]
    pub figures: Figures,
    pub queries: Vec<QueryFigures>,
}

impl CallFigures {
    /// A call's record, with the SDK gas estimate of the call and its queries.
    pub fn new(
        contract: String,
        entry: &'static str,
        gas_limit_sdk: Option<u64>,
        figures: Figures,
        queries: Vec<QueryFigures>,
    ) -> Self {
        let mut call = CallFigures {
            contract,
            entry,
            gas_limit_sdk,
            sdk_gas_estimate: 0,
            distinct_access_floor: 0,
            floor_ratio: 0.0,
            figures,
            queries,
        };
        let sdk = SdkFigures::of(&call.with_queries(), call.instances());
        call.sdk_gas_estimate = sdk.sdk_gas_estimate;
        call.distinct_access_floor = sdk.distinct_access_floor;
        call.floor_ratio = sdk.floor_ratio;
        call
    }

    /// The call and its queries, summed.
    pub fn with_queries(&self) -> Figures {
        Figures::sum(std::iter::once(&self.figures).chain(self.queries.iter().map(|q| &q.figures)))
    }

    /// Contract instances the chain loads for the call: itself and one per query.
    pub fn instances(&self) -> u64 {
        1 + self.queries.len() as u64
    }

    /// Whether the call's estimated SDK gas fits the gas limit it was given.
    pub fn fits_limit(&self) -> bool {
        self.gas_limit_sdk
            .is_none_or(|limit| self.sdk_gas_estimate <= limit)
    }
}

/// One measured transaction.
#[derive(Clone, Debug, Serialize)]
pub struct VeRow {
    pub op: String,
    pub description: String,
    /// Every call of the transaction and every query they made, summed: `gas` includes the
    /// queried contracts' VM gas, `reads` their reads.
    #[serde(flatten)]
    pub figures: Figures,
    /// Smart queries into other contracts, and their VM gas (part of `gas`).
    pub queries: u64,
    pub query_gas: u64,
    /// Rough SDK gas of the whole transaction (see [`crate::chain::sdk_gas_estimate`]).
    pub sdk_gas_estimate: u64,
    /// The sum of the calls' distinct-access floors (see [`CallFigures`]).
    pub distinct_access_floor: u64,
    /// `(sdk_gas_estimate - instances x 60,000) / (distinct_access_floor - instances x
    /// 60,000)`, over all the transaction's instances.
    pub floor_ratio: f64,
    /// The calls in execution order (one unless the transaction ran submessages).
    pub calls: Vec<CallFigures>,
}

impl VeRow {
    pub fn new(
        op: impl Into<String>,
        description: impl Into<String>,
        calls: Vec<CallFigures>,
    ) -> Self {
        let parts: Vec<Figures> = calls.iter().map(CallFigures::with_queries).collect();
        let figures = Figures::sum(&parts);
        let queries = calls.iter().map(|c| c.queries.len() as u64).sum();
        let query_gas = calls
            .iter()
            .flat_map(|c| &c.queries)
            .map(|q| q.figures.gas)
            .sum();
        let instances = calls.iter().map(CallFigures::instances).sum();
        let sdk = SdkFigures::of(&figures, instances);
        VeRow {
            op: op.into(),
            description: description.into(),
            figures,
            queries,
            query_gas,
            sdk_gas_estimate: sdk.sdk_gas_estimate,
            distinct_access_floor: sdk.distinct_access_floor,
            floor_ratio: sdk.floor_ratio,
            calls,
        }
    }
}

/// The fixed parameters of a run, as written to the JSON.
#[derive(Clone, Debug, Serialize)]
pub struct VeSettings {
    pub block_seconds: u64,
    pub week_seconds: u64,
    pub max_lock_seconds: u64,
    pub lock_denom: &'static str,
    pub lock_amount: String,
    pub fee_denom: &'static str,
    pub idle_weeks: [u64; 2],
    pub call_gas_limit: u64,
}

/// Everything the ve group found (the `ve` part of `bench/results.json`).
#[derive(Clone, Debug, Serialize)]
pub struct VeReport {
    pub artifacts: Vec<ArtifactInfo>,
    pub settings: VeSettings,
    pub voting_escrow: Vec<VeRow>,
    pub gauge_controller: Vec<VeRow>,
    pub fee_distributor: Vec<VeRow>,
    /// Empty when the farm artifact has no boosts yet.
    pub boosted_farm: Vec<VeRow>,
}

const LABEL_WIDTH: usize = 36;

fn print_header(first: &str) {
    println!(
        "{:<LABEL_WIDTH$} {:>15} {:>13} {:>6} {:>5} {:>7} {:>7} {:>8} {:>10} {:>10} {:>6}",
        first,
        "gas",
        "query_gas",
        "reads",
        "iter",
        "writes",
        "bytes",
        "queries",
        "sdk_est",
        "floor",
        "ratio"
    );
}

fn print_row(row: &VeRow) {
    let f = &row.figures;
    println!(
        "{:<LABEL_WIDTH$} {:>15} {:>13} {:>6} {:>5} {:>7} {:>7} {:>8} {:>10} {:>10} {:>6.2}",
        row.op,
        group_digits(f.gas),
        group_digits(row.query_gas),
        f.reads,
        f.iter_steps,
        f.writes,
        f.bytes_written,
        row.queries,
        group_digits(row.sdk_gas_estimate),
        group_digits(row.distinct_access_floor),
        row.floor_ratio
    );
    if row.calls.len() > 1 {
        for c in &row.calls {
            let g = c.with_queries();
            let limit = c
                .gas_limit_sdk
                .map(|l| format!(" (limit {} SDK gas)", group_digits(l)))
                .unwrap_or_default();
            println!(
                "  {:<w$} {:>15} {:>13} {:>6} {:>5} {:>7} {:>7} {:>8} {:>10} {:>10} {:>6.2}{limit}",
                format!("{} {}", c.contract, c.entry),
                group_digits(g.gas),
                group_digits(c.queries.iter().map(|q| q.figures.gas).sum()),
                g.reads,
                g.iter_steps,
                g.writes,
                g.bytes_written,
                c.queries.len(),
                group_digits(c.sdk_gas_estimate),
                group_digits(c.distinct_access_floor),
                c.floor_ratio,
                w = LABEL_WIDTH - 2,
            );
        }
    }
}

/// Prints the four tables.
pub fn print_ve_report(report: &VeReport) {
    let tables = [
        ("voting escrow", &report.voting_escrow),
        ("gauge controller", &report.gauge_controller),
        ("fee distributor", &report.fee_distributor),
        ("boosted farm", &report.boosted_farm),
    ];
    for (i, (title, rows)) in tables.into_iter().enumerate() {
        if rows.is_empty() {
            continue;
        }
        if i > 0 {
            println!();
        }
        print_table(title, rows);
    }
}

/// One table of rows under `title` (each transaction's calls indented below it).
pub fn print_table(title: &str, rows: &[VeRow]) {
    print_header(title);
    for row in rows {
        print_row(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(gas: u64, reads: u64, sets: u64) -> Figures {
        Figures {
            gas,
            reads,
            writes: sets,
            sets,
            // One distinct read per read, one distinct write per set (no bytes).
            access_floor: reads * 1_000 + sets * 2_000,
            ..Figures::default()
        }
    }

    #[test]
    fn a_row_sums_calls_and_their_queries() {
        let query = |gas| QueryFigures {
            contract: "escrow".to_string(),
            figures: figures(gas, 2, 0),
        };
        let call = |gas, queries, limit| {
            CallFigures::new(
                "x".to_string(),
                "execute",
                limit,
                figures(gas, 3, 1),
                queries,
            )
        };
        let row = VeRow::new(
            "op",
            "d",
            vec![
                call(1_000, vec![query(400), query(600)], None),
                call(500, vec![], Some(60_000)),
            ],
        );
        // gas 1,000 + 400 + 600 + 500; reads 3 + 2 + 2 + 3; writes 1 + 1.
        assert_eq!(row.figures.gas, 2_500);
        assert_eq!(row.figures.reads, 10);
        assert_eq!(row.figures.writes, 2);
        assert_eq!((row.queries, row.query_gas), (2, 1_000));
        // 4 instances x 60,000 + 10 reads x 1,000 + 2 writes x 2,000 (no bytes) + the VM
        // gas rounded up to one SDK unit.
        assert_eq!(row.sdk_gas_estimate, 240_000 + 10_000 + 4_000 + 1);
        // First call: 3 instances, 7 reads, 1 write, 2,000 VM gas -> 180,000 + 7,000 +
        // 2,000 + 1 = 189,001; no limit.
        assert_eq!(row.calls[0].sdk_gas_estimate, 189_001);
        assert!(row.calls[0].fits_limit());
        // Second: 60,000 + 3,000 + 2,000 + 1 = 65,001, above its 60,000 limit.
        assert_eq!(row.calls[1].sdk_gas_estimate, 65_001);
        assert!(!row.calls[1].fits_limit());
        // Floors: the storage costs without the VM gas, so each ratio is just over 1.
        assert_eq!(row.distinct_access_floor, 240_000 + 10_000 + 4_000);
        assert_eq!(row.floor_ratio, 14_001.0 / 14_000.0);
        assert_eq!(row.calls[0].distinct_access_floor, 189_000);
        assert_eq!(row.calls[1].distinct_access_floor, 65_000);
        assert_eq!(row.calls[1].floor_ratio, 5_001.0 / 5_000.0);
    }
}
