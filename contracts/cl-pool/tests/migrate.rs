//! `migrate` from 0.1.x: on state dumped by the 0.1 contract (`fixtures/cl_pool_0_1.json`,
//! made by `fixtures/dump_fixture.rs.txt` from `fixtures/scenario.rs`), every query answers
//! byte for byte as 0.1 did, the old keys are gone, and the same later actions give the same
//! responses and the same state as they gave on 0.1. Plus the version rules.
#[path = "fixtures/scenario.rs"]
mod scenario;

use cosmwasm_std::testing::{message_info, mock_dependencies, MockApi, MockQuerier};
use cosmwasm_std::{Binary, MemoryStorage, Order, OwnedDeps, Storage};
use scenario::*;
use serde::Deserialize;
use trellis_cl_pool::contract::{
    execute, instantiate, migrate, query, CONTRACT_NAME, CONTRACT_VERSION,
};
use trellis_cl_pool::state::{self, legacy};
use trellis_cl_pool::ContractError;
use trellis_types::cl_pool::MigrateMsg;
use trellis_types::migrate::MigrationRefused;

type Deps = OwnedDeps<MemoryStorage, MockApi, MockQuerier>;

/// An action's name, response data and attributes.
type Recorded = (String, Option<Binary>, Vec<(String, String)>);

#[derive(Deserialize)]
struct Fixture {
    storage: Vec<(Binary, Binary)>,
    queries_before: Vec<(String, String)>,
    actions: Vec<Recorded>,
    queries_after: Vec<(String, String)>,
}

fn fixture() -> Fixture {
    cosmwasm_std::from_json(include_bytes!("fixtures/cl_pool_0_1.json")).unwrap()
}

fn old_state(f: &Fixture) -> Deps {
    let mut deps = mock_dependencies();
    for (k, v) in &f.storage {
        deps.storage.set(k, v);
    }
    deps
}

fn ask(deps: &Deps) -> Vec<(String, String)> {
    queries()
        .into_iter()
        .map(|(name, q)| {
            let answer = match query(deps.as_ref(), env_at(T0 + 900), q) {
                Ok(answer) => String::from_utf8(answer.to_vec()).unwrap(),
                Err(e) => format!("error: {e}"),
            };
            (name.to_string(), as_0_1_answered(name, answer, deps))
        })
        .collect()
}

/// 0.2 added the pool's tick to the `Farming` answer (the farming center reads it with the
/// link in one query): checked against the pool, then left out to compare with 0.1's answer.
fn as_0_1_answered(name: &str, answer: String, deps: &Deps) -> String {
    if name != "farming" || answer.starts_with("error") {
        return answer;
    }
    let tick = state::POOL
        .may_load(&deps.storage)
        .unwrap()
        .map_or(0, |p| p.tick);
    let field = format!(",\"tick\":{tick}}}");
    assert!(answer.ends_with(&field), "{answer} should end with {field}");
    format!("{}}}", &answer[..answer.len() - field.len()])
}

fn keys(deps: &Deps) -> Vec<Vec<u8>> {
    deps.storage
        .range(None, None, Order::Ascending)
        .map(|(k, _)| k)
        .collect()
}

/// Event attributes added after 0.1 recorded its answers: `pool_liquidity` on liquidity
/// changes (2026-12-04, for the indexer).
const ADDED_SINCE_0_1: &[&str] = &["pool_liquidity"];

#[test]
fn state_written_by_0_1_migrates_and_keeps_working() {
    let f = fixture();
    let mut deps = old_state(&f);
    // The dump is 0.1's: JSON under the long keys, version 0.1.0.
    assert_eq!(
        cw2::get_contract_version(&deps.storage).unwrap().version,
        "0.1.0"
    );
    assert!(legacy::POOL.may_load(&deps.storage).unwrap().is_some());

    let res = migrate(deps.as_mut(), env_at(T0 + 900), MigrateMsg {}).unwrap();
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "layout_migrated" && a.value == "true"));
    assert_eq!(
        cw2::get_contract_version(&deps.storage).unwrap().version,
        CONTRACT_VERSION
    );

    // No old key is left: only cw721's, cw2's, cw-ownable's and the new one-letter ones.
    let old = [
        b"config".as_slice(),
        b"pool",
        b"next_position_id",
        b"farming",
    ];
    let stored = keys(&deps);
    for k in &stored {
        assert!(
            !old.contains(&k.as_slice()),
            "{:?}",
            String::from_utf8_lossy(k)
        );
        for ns in ["ticks", "positions", "observations"] {
            let mut prefix = vec![0, ns.len() as u8];
            prefix.extend(ns.as_bytes());
            assert!(!k.starts_with(&prefix), "{:?}", String::from_utf8_lossy(k));
        }
    }
    // 6 ticks, 3 positions and 4 closed observations (the newest is in the pool state) moved.
    let count = |ns: &str| {
        let mut prefix = vec![0, ns.len() as u8];
        prefix.extend(ns.as_bytes());
        stored.iter().filter(|k| k.starts_with(&prefix)).count()
    };
    assert_eq!((count("t"), count("q"), count("o")), (6, 3, 4));
    // The bitmap variant also indexes the six ticks (-1800, -1200, -600 are compressed -30,
    // -20, -10: word -1's bits 226, 236, 246; 600, 1200, 1800 word 0's bits 10, 20, 30).
    #[cfg(feature = "tick-bitmap")]
    {
        use trellis_cl_pool::tick_index::bitmap::{load_word, Bits};
        let bits = |b: [u8; 3]| b.into_iter().fold(Bits::ZERO, |w, b| w ^ Bits::bit(b));
        assert_eq!(count("b"), 2);
        assert_eq!(load_word(&deps.storage, -1).unwrap(), bits([226, 236, 246]));
        assert_eq!(load_word(&deps.storage, 0).unwrap(), bits([10, 20, 30]));
    }
    let pool = state::POOL.load(&deps.storage).unwrap();
    assert_eq!(pool.oracle.count, 5);
    assert_eq!(state::NEXT_POSITION_ID.load(&deps.storage).unwrap(), 4);

    // Every query answers exactly as 0.1 did on the same state.
    #[cfg(not(feature = "tick-bitmap"))]
    assert_eq!(ask(&deps), f.queries_before);
    #[cfg(feature = "tick-bitmap")]
    assert_bitmap_answers(&deps, &f.queries_before);

    // The same actions give the same responses (data and attributes) as on 0.1 ...
    let ran = actions();
    assert_eq!(ran.len(), f.actions.len());
    for ((name, dt, sender, funds, msg), (old_name, data, attrs)) in ran.into_iter().zip(&f.actions)
    {
        assert_eq!(name, old_name);
        let sender = deps.api.addr_make(sender);
        let res = execute(
            deps.as_mut(),
            env_at(T0 + dt),
            message_info(&sender, &funds),
            msg,
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(&res.data, data, "{name}");
        // Attributes added to events since 0.1 (docs/cl.md, Events) are new, not different.
        let got: Vec<(String, String)> = res
            .attributes
            .into_iter()
            .filter(|a| !ADDED_SINCE_0_1.contains(&a.key.as_str()))
            .map(|a| (a.key, a.value))
            .collect();
        assert_eq!(&got, attrs, "{name}");
    }
    // ... and leave the same state behind.
    #[cfg(not(feature = "tick-bitmap"))]
    assert_eq!(ask(&deps), f.queries_after);
    #[cfg(feature = "tick-bitmap")]
    assert_bitmap_answers(&deps, &f.queries_after);

    // A second run finds no old layout and changes nothing.
    let before = keys(&deps);
    let res = migrate(deps.as_mut(), env_at(T0 + 900), MigrateMsg {}).unwrap();
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "layout_migrated" && a.value == "false"));
    assert_eq!(keys(&deps), before);
}

/// The `tick-bitmap` variant steps onto the end of every bitmap word a swap leaves (v3) and
/// rounds each step on its own, so a swap that passes one is priced in two steps where 0.1's
/// ordered range took one. Of the fixture's answers only `simulate` passes one (1e9 uaaa in,
/// both times from a tick in [0, 600) down past tick 0, the first of word 0, and stopping
/// before -600): it must be the two steps [price, p(0)] and [p(0), p(-600)] run on their own,
/// each fee rounded up (3,000,001 in all where one step takes 3,000,000, and 2 or 3 less out);
/// every other answer is 0.1's byte for byte. The actions' responses are still compared with
/// 0.1's above, and match: where one of their swaps is split, the roundings add up the same.
#[cfg(feature = "tick-bitmap")]
fn assert_bitmap_answers(deps: &Deps, old: &[(String, String)]) {
    use cosmwasm_std::{Uint128, Uint256};
    use trellis_math::cl::{compute_swap_step, sqrt_price_at_tick, tick_at_sqrt_price, SwapAmount};
    use trellis_types::cl_pool::SwapResponse;
    use trellis_types::AssetInfo;

    let new = ask(deps);
    let without = |answers: &[(String, String)]| {
        answers
            .iter()
            .filter(|(name, _)| name != "simulate")
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(without(&new), without(old));

    let pool = state::POOL.load(&deps.storage).unwrap();
    assert!((0..600).contains(&pool.tick), "tick {}", pool.tick);
    let amount = Uint256::from(1_000_000_000u128);
    let word_end = sqrt_price_at_tick(0).unwrap();
    let step = |from, to, amount| {
        compute_swap_step(from, to, pool.liquidity, SwapAmount::ExactIn(amount), 3_000).unwrap()
    };
    let first = step(pool.sqrt_price, word_end, amount);
    assert_eq!(first.sqrt_price_next, word_end);
    let second = step(
        word_end,
        sqrt_price_at_tick(-600).unwrap(),
        amount - first.amount_in - first.fee_amount,
    );
    assert!(second.sqrt_price_next > sqrt_price_at_tick(-600).unwrap());
    let u = |v: Uint256| Uint128::try_from(v).unwrap();
    // The protocol's 10% of each step's fee, rounded down per step.
    let protocol = |fee: Uint256| fee / Uint256::from(10u8);
    let expected = SwapResponse {
        offer: AssetInfo::native("uaaa"),
        ask: AssetInfo::native("ubbb"),
        amount_in: u(first.amount_in + first.fee_amount + second.amount_in + second.fee_amount),
        amount_out: u(first.amount_out + second.amount_out),
        fee: u(first.fee_amount + second.fee_amount),
        protocol_fee: u(protocol(first.fee_amount) + protocol(second.fee_amount)),
        sqrt_price_after: second.sqrt_price_next,
        tick_after: tick_at_sqrt_price(second.sqrt_price_next).unwrap(),
        ticks_crossed: 0,
        partial_fill: false,
    };
    let got = &new.iter().find(|(name, _)| name == "simulate").unwrap().1;
    assert_eq!(got, &cosmwasm_std::to_json_string(&expected).unwrap());
    assert_eq!(expected.amount_in, Uint128::new(1_000_000_000));
    assert_eq!(expected.fee, Uint128::new(3_000_001));
}

/// Hand-checked numbers from the fixture's answers, so the comparison above is not only
/// "the same as before": after the actions, position 1 was decreased by 5e9 of its
/// 33,837,499,809 liquidity (28,837,499,809 left) with the price above its range end 600
/// (tick 1188), so the decrease is all token1 (300,029,996) and stays owed; 4 NFTs exist.
#[test]
fn migrated_state_exact_numbers() {
    let f = fixture();
    let mut deps = old_state(&f);
    migrate(deps.as_mut(), env_at(T0 + 900), MigrateMsg {}).unwrap();
    for (_, dt, sender, funds, msg) in actions() {
        let sender = deps.api.addr_make(sender);
        execute(
            deps.as_mut(),
            env_at(T0 + dt),
            message_info(&sender, &funds),
            msg,
        )
        .unwrap();
    }
    let p = state::POSITIONS.load(&deps.storage, 1).unwrap();
    assert_eq!(p.liquidity, 33_837_499_809 - 5_000_000_000);
    assert_eq!(p.tokens_owed, [0, 300_029_996]);
    let after: std::collections::BTreeMap<_, _> = f.queries_after.into_iter().collect();
    assert_eq!(after["num tokens"], r#"{"count":4}"#);
}

#[test]
fn same_or_older_version_migrates() {
    let mut deps = mock_dependencies();
    let owner = deps.api.addr_make("owner");
    let msg = instantiate_msg(&deps.api);
    instantiate(deps.as_mut(), env_at(T0), message_info(&owner, &[]), msg).unwrap();
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
    let res = migrate(deps.as_mut(), env_at(T0), MigrateMsg {}).unwrap();
    // A pool created by this version has no old layout.
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "layout_migrated" && a.value == "false"));
    assert_eq!(
        cw2::get_contract_version(&deps.storage).unwrap().version,
        CONTRACT_VERSION
    );
}

#[test]
fn downgrade_is_refused() {
    let f = fixture();
    let mut deps = old_state(&f);
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "99.0.0").unwrap();
    let err = migrate(deps.as_mut(), env_at(T0), MigrateMsg {}).unwrap_err();
    assert_eq!(
        err,
        ContractError::InvalidMigration(MigrationRefused {
            from_name: CONTRACT_NAME.into(),
            from_version: "99.0.0".into(),
            to_name: CONTRACT_NAME.into(),
            to_version: CONTRACT_VERSION.into(),
        })
    );
    // Nothing was moved.
    assert!(legacy::POOL.may_load(&deps.storage).unwrap().is_some());
}
