//! The CL pool's farming hook under the real chain's sub-message gas limit (cw-multi-test
//! ignores gas limits, so this runs on wasmd only). A position is farmed on the real center
//! (`scenarios::cl::setup`); then the pool's owner points the pool at the gas hog, and a swap
//! crosses the farm's mark. The hog runs out of `FARMING_HOOK_GAS_LIMIT` on purpose:
//! - the swap stands (the trader gets exactly what the book says);
//! - the pool records the link as broken and says why (`farming_hook_failed`);
//! - the next swap sends no hook at all;
//! - the real center deactivates the farm (`SyncPoolLink`), alice exits with what it
//!   credited (farm conservation exact), and her NFT and principal come back, although the
//!   pool no longer lets this center unmark its ticks.
use anyhow::Result;
use serde_json::{json, to_value, Value};
use trellis_chain_tests::real::{ChainEnv, RealLedger};
use trellis_chain_tests::scenarios::cl::{self, Farmed};
use trellis_chain_tests::{artifacts, Ledger, Observations, Step};
use trellis_cl_pool::limits::FARMING_HOOK_GAS_LIMIT;
use trellis_types::cl_farming::{ExecuteMsg as CenterMsg, QueryMsg as CenterQuery};
use trellis_types::cl_pool::{ExecuteMsg as PoolMsg, QueryMsg as PoolQuery};

/// The attributes of the first event of type `kind`.
fn event<'a>(step: &'a Step, kind: &str) -> Option<&'a [(String, String)]> {
    step.events
        .iter()
        .find(|(k, _)| k == kind)
        .map(|(_, attrs)| attrs.as_slice())
}

fn value<'a>(attrs: &'a [(String, String)], key: &str) -> &'a str {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {key} in {attrs:?}"))
}

#[tokio::test]
async fn real_chain_an_out_of_gas_farming_hook_leaves_the_swap_done_and_the_farm_consistent() {
    let Some(env) = ChainEnv::from_env() else {
        return;
    };
    let l = &mut RealLedger::connect(&env).await.unwrap();
    run(l).await.unwrap();
}

async fn run(l: &mut RealLedger) -> Result<()> {
    let obs = &mut Observations::default();
    let Farmed {
        farm_id,
        entered_at,
    } = cl::setup(l, obs).await?;
    let hog_wasm = std::fs::read(artifacts::test_dir().join("trellis_test_gas_hog.wasm"))?;
    let hog_code = l.store(&hog_wasm).await?;
    l.instantiate_code("owner", hog_code, "hog", &json!({}), &[])
        .await?;
    let to_hog = PoolMsg::SetFarmingCenter {
        farming_center: Some(l.addr("hog")),
    };
    l.execute("owner", "pool", &to_value(to_hog)?, &[]).await?;
    l.pause(50).await?;

    let swapped = cl::swap_out_of_range(l).await?;
    let failed =
        event(&swapped, "wasm-farming_hook_failed").expect("the pool reports the failed hook");
    assert_eq!(value(failed, "farming_center"), "<hog>");
    // wasmd hides a failed sub-message's error behind its code: 11 is the SDK's out of gas.
    assert!(
        value(failed, "error").contains("code: 11"),
        "the hook ran out of gas: {failed:?}"
    );
    // The swap stands: the trader has exactly what the book says.
    assert_eq!(
        swapped.attr("amount_in"),
        Some(cl::SWAP_IN.to_string().as_str())
    );
    assert_eq!(l.balance("trader", cl::TOKEN1).await?, cl::SWAP_OUT);
    // The hog was given its whole limit and the swap paid for it, no more.
    let gas = swapped.gas_used.expect("real chain");
    assert!(
        gas > FARMING_HOOK_GAS_LIMIT,
        "the swap paid the hook's limit: {gas}"
    );
    assert!(
        gas < FARMING_HOOK_GAS_LIMIT + 1_000_000,
        "and little else: {gas}"
    );
    let farming = l.query("pool", &to_value(PoolQuery::Farming {})?).await?;
    assert_eq!(farming["link_broken"], json!(true), "{farming}");

    // With the link broken no hook is sent: a swap back up across -60 costs no hook.
    l.fund("trader", &[(cl::TOKEN1, 1_000)]).await?;
    let back = PoolMsg::SwapExactIn {
        sqrt_price_limit: None,
        min_out: None,
        recipient: None,
        deadline: None,
    };
    let back = l
        .execute("trader", "pool", &to_value(back)?, &[(cl::TOKEN1, 1_000)])
        .await?;
    assert!(event(&back, "wasm-farming_hook_failed").is_none());
    assert!(back.gas_used.expect("real chain") < FARMING_HOOK_GAS_LIMIT);

    // Anyone tells the center; the farm stops at that moment. Its virtual pool never heard
    // of the crossing, so it counts alice in range from the entry to the sync (the known
    // limit in docs/cl-farming.md: never more than it spent), and she earns spent - 1 (the
    // growth floor(spent * 2^128 / L) is not whole).
    l.fund("anyone", &[("ulit", 1)]).await?;
    let sync = CenterMsg::SyncPoolLink {
        pool: l.addr("pool"),
    };
    let synced = l.execute("anyone", "center", &to_value(sync)?, &[]).await?;
    let state: Value = cl::farm_state(l, farm_id).await?;
    assert_eq!(state["live"], json!(false), "{state}");
    let spent = (synced.at.secs() - entered_at) as u128;
    cl::leave(l, obs, farm_id, spent - 1).await?;
    let alice = l.addr("alice");
    let deposits = l
        .query(
            "center",
            &to_value(CenterQuery::Deposits {
                owner: alice,
                start_after: None,
                limit: None,
            })?,
        )
        .await?;
    assert_eq!(
        deposits["deposits"],
        json!([]),
        "the center holds nothing of alice's"
    );
    Ok(())
}
