//! Migration: same contract at the same or a newer version only.
mod common;

use common::*;
use trellis_gauge_controller::contract::migrate;
use trellis_gauge_controller::ContractError;
use trellis_types::gauge_controller::MigrateMsg;
use trellis_types::migrate::MigrationRefused;

#[test]
fn refuses_a_downgrade_and_a_foreign_contract() {
    let mut s = Suite::new();
    let env = s.env.clone();
    migrate(s.deps.as_mut(), env.clone(), MigrateMsg {}).unwrap();
    cw2::set_contract_version(
        &mut s.deps.storage,
        "crates.io:trellis-gauge-controller",
        "9.0.0",
    )
    .unwrap();
    let err = migrate(s.deps.as_mut(), env.clone(), MigrateMsg {}).unwrap_err();
    assert_eq!(
        err,
        ContractError::InvalidMigration(MigrationRefused {
            from_name: "crates.io:trellis-gauge-controller".to_string(),
            from_version: "9.0.0".to_string(),
            to_name: "crates.io:trellis-gauge-controller".to_string(),
            to_version: env!("CARGO_PKG_VERSION").to_string(),
        })
    );
    cw2::set_contract_version(&mut s.deps.storage, "crates.io:other", "0.1.0").unwrap();
    let err = migrate(s.deps.as_mut(), env, MigrateMsg {}).unwrap_err();
    assert!(matches!(err, ContractError::InvalidMigration(_)));
}

mod from_json_layout {
    //! State written exactly as the JSON layout (before 0.2.0) wrote it, migrated, then read
    //! and voted on through the new code.
    use super::common::*;
    use cosmwasm_std::{Order, Storage, Uint128};
    use trellis_gauge_controller::contract::{migrate, CONTRACT_NAME};
    use trellis_gauge_controller::state::legacy;
    use trellis_types::gauge_controller::{
        MigrateMsg, QueryMsg, UserVoteResponse, UserVotesResponse,
    };

    const DELAY: u64 = 864_000;

    fn line(bias: u128, slope: u128, ts: u64) -> legacy::StoredLine {
        legacy::StoredLine {
            bias: Uint128::new(bias),
            slope: Uint128::new(slope),
            ts,
        }
    }

    /// What the old code stored: type 0 "stable" (weight 1 from N); gauges g1 (cap 0.5) and
    /// g2, both from N; at W0 + 100 alice gave g1 all of her slope 1,000 until N + 10W
    /// (bias at N 1,000 x 6,048,000 = 6,048,000,000), bob half of 4,000 to g2 until N + 5W
    /// (2,000 x 3,024,000 = 6,048,000,000), and carol voted for g2 and took it back.
    fn legacy_suite() -> Suite {
        let mut s = Suite::new();
        let st: &mut dyn Storage = &mut s.deps.storage;
        let keys: Vec<Vec<u8>> = st
            .range(None, None, Order::Ascending)
            .map(|(k, _)| k)
            .filter(|k| !k.starts_with(b"contract_info") && !k.starts_with(b"ownership"))
            .collect();
        for k in keys {
            st.remove(&k);
        }
        cw2::set_contract_version(st, CONTRACT_NAME, "0.1.0").unwrap();
        let (alice, bob, carol) = (addr("alice"), addr("bob"), addr("carol"));
        legacy::CONFIG
            .save(
                st,
                &legacy::Config {
                    voting_escrow: addr("ve"),
                    vote_delay: DELAY,
                },
            )
            .unwrap();
        legacy::NEXT_TYPE_ID.save(st, &1).unwrap();
        legacy::TYPE_NAMES
            .save(st, 0, &"stable".to_string())
            .unwrap();
        legacy::TYPE_WEIGHTS
            .save(st, (0, N), &Uint128::new(1))
            .unwrap();
        for (g, cap) in [("g1", Some(dec(E18 / 2))), ("g2", None)] {
            let gi = legacy::GaugeInfo {
                gauge_type: 0,
                killed: false,
                cap,
                epoch: 0,
            };
            legacy::GAUGES.save(st, g, &gi).unwrap();
            legacy::GAUGE_CAPS
                .save(st, (g, N), &legacy::CapSetting { cap })
                .unwrap();
        }
        let vote = |slope: u128, bps: u16, end: u64| legacy::Vote {
            slope: Uint128::new(slope),
            weight_bps: bps,
            end,
            epoch: 0,
        };
        legacy::VOTES
            .save(st, (&alice, "g1"), &vote(1_000, 10_000, N + 10 * WEEK))
            .unwrap();
        legacy::VOTES
            .save(st, (&bob, "g2"), &vote(2_000, 5_000, N + 5 * WEEK))
            .unwrap();
        for (u, g) in [(&alice, "g1"), (&bob, "g2"), (&carol, "g2")] {
            legacy::LAST_VOTE.save(st, (u, g), &(W0 + 100)).unwrap();
        }
        legacy::POWER_USED.save(st, &alice, &10_000).unwrap();
        legacy::POWER_USED.save(st, &bob, &5_000).unwrap();
        legacy::POWER_USED.save(st, &carol, &0).unwrap();
        let [(gl, gh, gc), (tl, th, tc)] = legacy::LINE_BOOKS;
        let g1 = line(6_048_000_000, 1_000, N);
        let g2 = line(6_048_000_000, 2_000, N);
        let t = line(12_096_000_000, 3_000, N);
        for (id, p) in [("g1", g1), ("g2", g2)] {
            legacy::last(gl).save(st, id.to_string(), &p).unwrap();
            legacy::history(gh)
                .save(st, (id.to_string(), N), &p)
                .unwrap();
        }
        legacy::last(tl).save(st, "0".to_string(), &t).unwrap();
        legacy::history(th)
            .save(st, ("0".to_string(), N), &t)
            .unwrap();
        for (ns, id, week, c) in [
            (gc, "g1", N + 10 * WEEK, 1_000u128),
            (gc, "g2", N + 5 * WEEK, 2_000),
            (tc, "0", N + 5 * WEEK, 2_000),
            (tc, "0", N + 10 * WEEK, 1_000),
        ] {
            legacy::changes(ns)
                .save(st, (id.to_string(), week), &Uint128::new(c))
                .unwrap();
        }
        s
    }

    fn vote_of(s: &Suite, user: &str, gauge: &str) -> UserVoteResponse {
        s.q(QueryMsg::UserVote {
            user: addr(user).to_string(),
            gauge: gauge.to_string(),
        })
    }

    #[test]
    fn queries_answer_as_before_and_votes_keep_working() {
        let mut s = legacy_suite();
        let env = s.env.clone();
        let res = migrate(s.deps.as_mut(), env, MigrateMsg {}).unwrap();
        // config, next id, 1 name, 1 weight, 2 gauges, 2 caps, 2 votes + 3 last votes,
        // 3 power used, lines: 3 last, 3 points, 4 changes: 26.
        let converted = res
            .attributes
            .iter()
            .find(|a| a.key == "records_converted")
            .unwrap();
        assert_eq!(converted.value, "26");
        for ns in [
            "config",
            "next_type_id",
            "type_names",
            "type_weights",
            "gauges",
            "gauge_caps",
            "votes",
            "last_vote",
            "power_used",
            "g_last",
            "g_hist",
            "g_chg",
            "t_last",
            "t_hist",
            "t_chg",
        ] {
            let left = s
                .deps
                .storage
                .range(None, None, Order::Ascending)
                .filter(|(k, _)| k.windows(ns.len()).any(|w| w == ns.as_bytes()))
                .count();
            assert_eq!(left, 0, "old namespace {ns} left behind");
        }

        // g1: 6,048,000,000 at N, 604,800,000 less a week later; g2 1,209,600,000 less.
        assert_eq!(s.gauge_weight("g1", N), 6_048_000_000);
        assert_eq!(s.gauge_weight("g1", N + WEEK), 5_443_200_000);
        assert_eq!(s.gauge_weight("g2", N + WEEK), 4_838_400_000);
        assert_eq!(s.gauge_weight("g2", N + 5 * WEEK), 0);
        assert_eq!(s.type_sum(0, N + WEEK), 10_281_600_000);
        // g1 holds half at N and 5,443,200,000 / 10,281,600,000 = 0.529.. at N + W: capped
        // at 0.5 both times; g2 floor(4,838,400,000 x 1e18 / 10,281,600,000).
        assert_eq!(s.relative("g1", N), E18 / 2);
        assert_eq!(s.relative("g1", N + WEEK), E18 / 2);
        assert_eq!(s.relative("g2", N + WEEK), 470_588_235_294_117_647);
        let a = vote_of(&s, "alice", "g1");
        assert_eq!(
            (
                a.slope.u128(),
                a.weight_bps,
                a.end,
                a.last_vote_time,
                a.counting
            ),
            (1_000, 10_000, N + 10 * WEEK, W0 + 100, true)
        );
        let c = vote_of(&s, "carol", "g2");
        assert_eq!(
            (c.slope.u128(), c.weight_bps, c.last_vote_time, c.counting),
            (0, 0, W0 + 100, false)
        );
        let cv: UserVotesResponse = s.q(QueryMsg::UserVotes {
            user: addr("carol").to_string(),
            start_after: None,
            limit: None,
        });
        assert!(cv.votes.is_empty());
        assert_eq!(s.power_used("alice"), 10_000);
        assert_eq!(s.power_used("bob"), 5_000);

        // After the delay, at N + W + 100 (changes count from N + 2W): alice halves her vote
        // to 500 x 8W = 2,419,200,000; the type goes from 12,096,000,000 - 3,000 x 2W
        // = 8,467,200,000 to 8,467,200,000 - 4,838,400,000 + 2,419,200,000 = 6,048,000,000.
        s.set_time(N + WEEK + 100);
        s.set_lock("alice", 1_000, N + 10 * WEEK);
        s.vote("alice", "g1", 5_000).unwrap();
        assert_eq!(s.gauge_weight("g1", N + 2 * WEEK), 2_419_200_000);
        assert_eq!(s.type_sum(0, N + 2 * WEEK), 6_048_000_000);
        // The week crossed on the way stays exact.
        assert_eq!(s.gauge_weight("g1", N + WEEK), 5_443_200_000);
        assert_eq!(s.power_used("alice"), 5_000);
        // Carol votes g2 again (slope 100 until N + 4W): 100 x 2W = 120,960,000 more.
        s.set_lock("carol", 100, N + 4 * WEEK);
        s.vote("carol", "g2", 10_000).unwrap();
        assert_eq!(
            s.gauge_weight("g2", N + 2 * WEEK),
            3_628_800_000 + 120_960_000
        );
        assert_eq!(s.type_sum(0, N + 2 * WEEK), 6_048_000_000 + 120_960_000);
        let c = vote_of(&s, "carol", "g2");
        assert_eq!(
            (c.weight_bps, c.last_vote_time, c.counting),
            (10_000, N + WEEK + 100, true)
        );
        // Carol's vote ends at N + 4W and bob's at N + 5W: nothing is left on g2 then.
        assert_eq!(s.gauge_weight("g2", N + 5 * WEEK), 0);
    }
}
