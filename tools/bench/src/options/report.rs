//! What the options group reports (the `options` part of `bench/results.json`): the rows, as
//! the ve group's transactions (every call with its queries), and the prices and amounts each
//! row was checked against.
use serde::Serialize;

use crate::check::ArtifactInfo;
use crate::options::claim_ops::ClaimFacts;
use crate::options::exercise_ops::ExerciseQuote;
use crate::ve::report::{print_table, VeRow};

/// The fixed parameters of a run, as written to the JSON.
#[derive(Clone, Debug, Serialize)]
pub struct OptionsSettings {
    pub block_seconds: u64,
    pub underlying: &'static str,
    pub native_payment: &'static str,
    /// `label: weights, balances` of pools A and B.
    pub pools: [String; 2],
    pub oracle_capacity: u32,
    pub oracle_spacing_secs: u64,
    pub twap_window_secs: u64,
    pub twap_ago_secs: u64,
    pub history_swaps: u64,
    pub history_spacing_secs: u64,
    pub multiplier_bps: u32,
    pub min_price: String,
    pub exercise_amount: String,
    pub slippage_bps: u16,
    pub farm_rate_per_second: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct OptionsReport {
    pub artifacts: Vec<ArtifactInfo>,
    pub settings: OptionsSettings,
    pub rows: Vec<VeRow>,
    pub exercises: Vec<ExerciseQuote>,
    pub claim: ClaimFacts,
}

pub fn print_options_report(report: &OptionsReport) {
    print_table("options token", &report.rows);
    for q in &report.exercises {
        println!(
            "{}: TWAP {} over [{}, {}] ({} samples held; spot {} .. {}, now {}), strike {}, \
             {} oTOKEN pay {} (sent {}, refund {})",
            q.op,
            q.twap,
            q.window[0],
            q.window[1],
            q.samples_held,
            q.spot_range[0],
            q.spot_range[1],
            q.spot_now,
            q.strike,
            q.amount,
            q.payment,
            q.max_payment,
            q.refund
        );
    }
    println!("claim_minting_otoken: minted {}", report.claim.minted);
}
