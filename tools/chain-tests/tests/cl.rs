//! Concentrated liquidity and its farming on the real chain, compared with cw-multi-test at
//! the same block times (the scenario: `src/scenarios/cl.rs`).
use trellis_chain_tests::scenarios::cl::ClScenario;
use trellis_chain_tests::{assert_same, run_on_both};

#[tokio::test]
async fn real_chain_cl_pool_and_farm_match_cw_multi_test() {
    let Some(runs) = run_on_both(&ClScenario).await.unwrap() else {
        return;
    };
    assert_same(&runs);
    for row in &runs.ledger.gas {
        eprintln!("{:<40} {:>9} SDK gas", row.label, row.gas_used);
    }
}
