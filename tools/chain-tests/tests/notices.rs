//! Lock-change notices under the real chain's sub-message gas limit (cw-multi-test ignores
//! gas limits, so this runs on wasmd only).
//!
//! 1. The farm's notice for a user with `MAX_REFRESH_POOLS` boosted positions (the most one
//!    notice refreshes) fits in `LISTENER_GAS_LIMIT`: measured as the difference between
//!    the same lock change with and without the farm listening.
//! 2. A listener that runs out of gas, on purpose (the gas hog), leaves the lock done, the
//!    farm notified and consistent, and every stake withdrawable.
use anyhow::Result;
use serde_json::{json, to_value, Value};
use trellis_chain_tests::real::{ChainEnv, RealLedger};
use trellis_chain_tests::scenarios::support;
use trellis_chain_tests::{artifacts, Ledger};
use trellis_testing::ContractKind;
use trellis_types::farm::{
    AllocationPolicy, Clock, Curve, ExecuteMsg as FarmMsg, InstantiateMsg as FarmInit, PoolKind,
    QueryMsg as FarmQuery, RewardSource, Schedule,
};
use trellis_types::voting_escrow::{ExecuteMsg as EscrowMsg, QueryMsg as EscrowQuery, WEEK};
use trellis_types::AssetInfo;
use trellis_voting_escrow::limits::LISTENER_GAS_LIMIT;

const POOLS: u64 = trellis_farm::limits::MAX_REFRESH_POOLS as u64;
const STAKE: u128 = 1_000;
/// Enough for power: slope = amount / max_time (4 years, 126,144,000 s) must not floor to 0.
const LOCK: u128 = 1_000_000_000_000;
const INCREASE: u128 = 1_000_000;

fn native(denom: &str) -> AssetInfo {
    AssetInfo::native(denom)
}

fn staking_denom(pool_id: u64) -> String {
    format!("ust{pool_id}")
}

async fn working(l: &mut RealLedger, user: &str, pool_id: u64) -> Result<u128> {
    let user = l.addr(user);
    let position: Value = l
        .query("farm", &to_value(FarmQuery::Position { pool_id, user })?)
        .await?;
    Ok(position["working"].as_str().unwrap().parse()?)
}

/// The amount of `user`'s lock, as the escrow answers it.
async fn locked(l: &mut RealLedger, user: &str) -> Result<String> {
    let user = l.addr(user);
    let lock: Value = l
        .query("escrow", &to_value(EscrowQuery::Lock { user })?)
        .await?;
    Ok(lock["amount"].as_str().unwrap_or_default().to_string())
}

#[tokio::test]
async fn real_chain_notices_fit_their_gas_limit_and_an_out_of_gas_listener_changes_nothing_else() {
    let Some(env) = ChainEnv::from_env() else {
        return;
    };
    let l = &mut RealLedger::connect(&env).await.unwrap();
    let mut alice_funds: Vec<(String, u128)> =
        (0..POOLS).map(|p| (staking_denom(p), STAKE)).collect();
    alice_funds.push(("ulit".to_string(), 10 * LOCK));
    let funds: Vec<(&str, u128)> = alice_funds.iter().map(|(d, a)| (d.as_str(), *a)).collect();
    l.fund("alice", &funds).await.unwrap();
    l.fund("owner", &[("ureward", 1_000_000_000)])
        .await
        .unwrap();
    let owner = l.addr("owner");

    support::instantiate_escrow(l).await.unwrap();
    let escrow_addr = l.addr("escrow");
    let farm = FarmInit {
        owner,
        clock: Clock::Time,
        schedule: Schedule {
            start: 0,
            end: None,
            curve: Curve::Constant {
                rate: 1_000u128.into(),
            },
        },
        reward: RewardSource::Reserve {
            asset: native("ureward"),
        },
        policy: AllocationPolicy {
            protocol_token: native("ulit"),
            max_solo_share_bps: 4_999,
            native_pairs_outweigh: false,
        },
        lp_factory: None,
        voting_escrow: Some(escrow_addr),
        split: None,
    };
    l.instantiate(
        "owner",
        ContractKind::Farm,
        "farm",
        &to_value(farm).unwrap(),
        &[],
    )
    .await
    .unwrap();
    l.execute(
        "owner",
        "farm",
        &to_value(FarmMsg::Fund {}).unwrap(),
        &[("ureward", 1_000_000_000)],
    )
    .await
    .unwrap();
    for pool_id in 0..POOLS {
        let add = FarmMsg::AddPool {
            staking: native(&staking_denom(pool_id)),
            kind: PoolKind::Lp {
                pair: [native("ulit"), native("uusdc")],
            },
            weight: 100,
            // Curve's boost: a stake without power counts for 40%.
            tokenless_share_pct: Some(40),
        };
        l.execute("owner", "farm", &to_value(add).unwrap(), &[])
            .await
            .unwrap();
        let deposit = FarmMsg::Deposit {
            pool_id,
            recipient: None,
        };
        l.execute(
            "alice",
            "farm",
            &to_value(deposit).unwrap(),
            &[(&staking_denom(pool_id), STAKE)],
        )
        .await
        .unwrap();
    }
    // No power yet: working = 40% of 1,000.
    for pool_id in 0..POOLS {
        assert_eq!(working(l, "alice", pool_id).await.unwrap(), 400);
    }

    // A lock of two years, then the same increase without and with the farm listening.
    let now = l
        .node()
        .block_time_nanos(l.node().latest_height().await.unwrap())
        .await
        .unwrap()
        / 1_000_000_000;
    let unlock_time = (now / WEEK + 104) * WEEK;
    let create = to_value(EscrowMsg::CreateLock { unlock_time }).unwrap();
    l.execute("alice", "escrow", &create, &[("ulit", LOCK)])
        .await
        .unwrap();
    let increase = to_value(EscrowMsg::IncreaseAmount {}).unwrap();
    let unheard = l
        .execute("alice", "escrow", &increase, &[("ulit", INCREASE)])
        .await
        .unwrap();
    let farm_addr = l.addr("farm");
    let listen = |address: String| to_value(EscrowMsg::AddListener { address }).unwrap();
    l.execute("owner", "escrow", &listen(farm_addr), &[])
        .await
        .unwrap();
    let heard = l
        .execute("alice", "escrow", &increase, &[("ulit", INCREASE)])
        .await
        .unwrap();
    assert!(
        heard.events.iter().any(|(_, attrs)| attrs
            .iter()
            .any(|(k, v)| k == "action" && v == "lock_changed")),
        "the farm was not notified: {:?}",
        heard.events
    );
    // Alone in each pool with all the power: working = min(1,000, 400 + 60% of 1,000 * 1).
    for pool_id in 0..POOLS {
        assert_eq!(working(l, "alice", pool_id).await.unwrap(), STAKE);
    }
    let notice_gas = heard.gas_used.unwrap() - unheard.gas_used.unwrap();
    eprintln!(
        "a lock-change notice refreshing {POOLS} positions: {notice_gas} SDK gas (limit {LISTENER_GAS_LIMIT})"
    );
    assert!(
        notice_gas < LISTENER_GAS_LIMIT / 2,
        "the farm's notice at MAX_REFRESH_POOLS takes {notice_gas} of {LISTENER_GAS_LIMIT} gas"
    );

    // The hog listens too: its notice runs out of gas, on purpose.
    let hog_code = l
        .store(&std::fs::read(artifacts::test_dir().join("trellis_test_gas_hog.wasm")).unwrap())
        .await
        .unwrap();
    let hog = l
        .instantiate_code("owner", hog_code, "hog", &json!({}), &[])
        .await
        .unwrap();
    l.execute("owner", "escrow", &listen(hog), &[])
        .await
        .unwrap();
    assert_eq!(
        locked(l, "alice").await.unwrap(),
        (LOCK + 2 * INCREASE).to_string()
    );
    let starved = l
        .execute("alice", "escrow", &increase, &[("ulit", INCREASE)])
        .await
        .unwrap();
    let failed: Vec<&Vec<(String, String)>> = starved
        .events
        .iter()
        .filter(|(kind, _)| kind == "wasm-trellis_ve_listener_failed")
        .map(|(_, attrs)| attrs)
        .collect();
    assert_eq!(failed.len(), 1, "one listener failed: {:?}", starved.events);
    let attr = |key: &str| {
        failed[0]
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(attr("listener"), "<hog>");
    // wasmd hands a reply only the redacted error, codespace and code: the SDK's code 11 is
    // ErrOutOfGas. (cw-multi-test passes the full text, and never runs out of gas.)
    assert_eq!(attr("error"), "codespace: sdk, code: 11");
    // The hog burned its whole limit: the locker paid for it (listeners are the owner's
    // choice, at most MAX_LISTENERS of them).
    assert!(starved.gas_used.unwrap() > heard.gas_used.unwrap() + LISTENER_GAS_LIMIT);
    // The lock is done, and the farm, notified first, still says what it did.
    assert_eq!(
        locked(l, "alice").await.unwrap(),
        (LOCK + 3 * INCREASE).to_string()
    );
    assert!(starved.events.iter().any(|(_, attrs)| attrs
        .iter()
        .any(|(k, v)| k == "action" && v == "lock_changed")));
    for pool_id in 0..POOLS {
        assert_eq!(working(l, "alice", pool_id).await.unwrap(), STAKE);
    }
    // Consistent books: everything emitted is claimed, pending or undistributed (pending
    // rounds down, by at most one unit per position and pool).
    let claim = to_value(FarmMsg::Claim {
        pool_ids: (0..POOLS).collect(),
        recipient: None,
    })
    .unwrap();
    l.execute("alice", "farm", &claim, &[]).await.unwrap();
    let totals: Value = l
        .query("farm", &to_value(FarmQuery::Totals {}).unwrap())
        .await
        .unwrap();
    let field = |key: &str| totals[key].as_str().unwrap().parse::<u128>().unwrap();
    let pending: u128 = {
        let user = l.addr("alice");
        let answer: Value = l
            .query(
                "farm",
                &to_value(FarmQuery::Pending {
                    user,
                    pool_ids: (0..POOLS).collect(),
                })
                .unwrap(),
            )
            .await
            .unwrap();
        answer["total"].as_str().unwrap().parse().unwrap()
    };
    let explained = field("claimed")
        + field("undistributed")
        + field("recovered")
        + field("rolled_over")
        + pending;
    let slack = field("emitted") - explained;
    assert!(slack <= 2 * POOLS as u128, "unexplained {slack}: {totals}");
    assert_eq!(
        l.balance("alice", "ureward").await.unwrap(),
        field("claimed")
    );
    // Every stake comes back.
    for pool_id in 0..POOLS {
        let withdraw = FarmMsg::Withdraw {
            pool_id,
            amount: STAKE.into(),
            recipient: None,
        };
        l.execute("alice", "farm", &to_value(withdraw).unwrap(), &[])
            .await
            .unwrap();
        assert_eq!(
            l.balance("alice", &staking_denom(pool_id)).await.unwrap(),
            STAKE
        );
    }
}
