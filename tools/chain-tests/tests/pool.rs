//! The weighted pools, their factory and the router on the real chain, compared with
//! cw-multi-test at the same block times (the scenario: `src/scenarios/pool.rs`).
use trellis_chain_tests::scenarios::pool::PoolScenario;
use trellis_chain_tests::{assert_same, run_on_both};

#[tokio::test]
async fn real_chain_pool_and_router_match_cw_multi_test() {
    let Some(runs) = run_on_both(&PoolScenario).await.unwrap() else {
        return;
    };
    assert_same(&runs);
    for row in &runs.ledger.gas {
        eprintln!("{:<40} {:>9} SDK gas", row.label, row.gas_used);
    }
}
