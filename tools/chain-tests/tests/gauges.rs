//! Gauge votes and a gauge-split farm on the real chain, compared with cw-multi-test at the
//! same block times (the scenario: `src/scenarios/gauges.rs`; weeks pass through wasmd's
//! test clock).
use trellis_chain_tests::scenarios::gauges::GaugeScenario;
use trellis_chain_tests::{assert_same, run_on_both};

#[tokio::test]
async fn real_chain_gauge_votes_split_the_farm_as_on_cw_multi_test() {
    let Some(runs) = run_on_both(&GaugeScenario).await.unwrap() else {
        return;
    };
    assert_same(&runs);
    for row in &runs.ledger.gas {
        eprintln!("{:<40} {:>9} SDK gas", row.label, row.gas_used);
    }
}
