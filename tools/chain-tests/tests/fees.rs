//! The fee distributor on the real chain, compared with cw-multi-test at the same block times
//! (the scenario: `src/scenarios/fees.rs`; weeks pass through wasmd's test clock).
use trellis_chain_tests::scenarios::fees::FeeScenario;
use trellis_chain_tests::{assert_same, run_on_both};

#[tokio::test]
async fn real_chain_fee_distributor_matches_cw_multi_test() {
    let Some(runs) = run_on_both(&FeeScenario).await.unwrap() else {
        return;
    };
    assert_same(&runs);
    for row in &runs.ledger.gas {
        eprintln!("{:<40} {:>9} SDK gas", row.label, row.gas_used);
    }
}
