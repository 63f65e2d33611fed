//! The options token (oTOKEN) on the real chain, compared with cw-multi-test at the same
//! block times (the scenario: `src/scenarios/options.rs`).
use trellis_chain_tests::scenarios::options::OptionsScenario;
use trellis_chain_tests::{assert_same, run_on_both};

#[tokio::test]
async fn real_chain_options_exercises_match_cw_multi_test() {
    let Some(runs) = run_on_both(&OptionsScenario).await.unwrap() else {
        return;
    };
    assert_same(&runs);
    for row in &runs.ledger.gas {
        eprintln!("{:<40} {:>9} SDK gas", row.label, row.gas_used);
    }
}
