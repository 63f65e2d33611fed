//! Relative weights of two gauges voted by two users, their decay, type weights, kills.
mod common;

use common::*;
use cosmwasm_std::Uint256;
use trellis_types::gauge_controller::ExecuteMsg;

/// One or two types, gauges G1 and G2. A: slope 1000, lock to N + 10 weeks, 100% on G1.
/// B: slope 500, lock to N + 20 weeks, 60% on G1 and 40% on G2. All cast at W0 + 100.
fn two_users(g2_type: u32) -> Suite {
    let mut s = Suite::new();
    s.add_type("stable", 1);
    if g2_type == 1 {
        s.add_type("volatile", 1);
    }
    s.add_gauge("G1", 0);
    s.add_gauge("G2", g2_type);
    s.set_lock("A", 1000, N + 10 * WEEK);
    s.set_lock("B", 500, N + 20 * WEEK);
    s.vote("A", "G1", 10_000).unwrap();
    s.vote("B", "G1", 6_000).unwrap();
    s.vote("B", "G2", 4_000).unwrap();
    s
}

#[test]
fn two_gauges_two_users_at_next_week_and_after_decay() {
    let s = two_users(0);
    // Nothing counts during the week the votes were cast.
    assert_eq!(s.gauge_weight("G1", W0 + 100), 0);
    assert_eq!(s.total(W0 + 100), Uint256::zero());
    assert_eq!(s.relative("G1", W0 + 100), 0);
    // At N: A gives 1000 slope: bias 1000 x 10 x 604,800 = 6,048,000,000.
    // B gives 500 x 6000 / 10000 = 300 to G1: 300 x 20 x 604,800 = 3,628,800,000,
    // and 500 x 4000 / 10000 = 200 to G2: 200 x 20 x 604,800 = 2,419,200,000.
    assert_eq!(s.gauge_weight("G1", N), 9_676_800_000);
    assert_eq!(s.gauge_weight("G2", N), 2_419_200_000);
    assert_eq!(s.type_sum(0, N), 12_096_000_000);
    // Type weight 1: total = 12,096,000,000.
    assert_eq!(s.total(N), Uint256::from(12_096_000_000u128));
    // 9,676,800,000 / 12,096,000,000 = 0.8 exactly; 0.2 for G2.
    assert_eq!(s.relative("G1", N), 800_000_000_000_000_000);
    assert_eq!(s.relative("G2", N + 5), 200_000_000_000_000_000);
    // One week later: G1 = 1000 x 9 weeks + 300 x 19 weeks = 14,700 x 604,800
    // = 8,890,560,000; G2 = 200 x 19 weeks = 3,800 x 604,800 = 2,298,240,000.
    let n1 = N + WEEK;
    assert_eq!(s.gauge_weight("G1", n1), 8_890_560_000);
    assert_eq!(s.gauge_weight("G2", n1), 2_298_240_000);
    // G1: 14,700 / 18,500 = 147/185 -> 1e18 x 147 / 185 = 794,594,594,594,594,594.59.. floored;
    // G2: 38/185 -> 205,405,405,405,405,405.40.. floored. Sum is 1e18 - 1.
    assert_eq!(s.relative("G1", n1), 794_594_594_594_594_594);
    assert_eq!(s.relative("G2", n1), 205_405_405_405_405_405);
    // At N + 10 weeks A's slope has stopped: G1 = 300 x 10 weeks = 1,814,400,000 and
    // G2 = 200 x 10 weeks = 1,209,600,000: 0.6 / 0.4.
    assert_eq!(s.gauge_weight("G1", N + 10 * WEEK), 1_814_400_000);
    assert_eq!(s.relative("G1", N + 10 * WEEK), 600_000_000_000_000_000);
    assert_eq!(s.relative("G2", N + 10 * WEEK), 400_000_000_000_000_000);
    // After every lock ended nothing is left: relative weight 0, no division by zero.
    assert_eq!(s.total(N + 20 * WEEK), Uint256::zero());
    assert_eq!(s.relative("G1", N + 30 * WEEK), 0);
}

#[test]
fn past_weeks_stay_exact_after_checkpoints_and_new_votes() {
    let mut s = two_users(0);
    // Three weeks on, C votes; the lines are walked and stored across N..N+3 weeks.
    s.set_time(N + 2 * WEEK + 7);
    s.set_lock("C", 10, N + 30 * WEEK);
    s.vote("C", "G2", 10_000).unwrap();
    // C counts from N + 3 weeks: 10 x 27 weeks = 270 x 604,800 = 163,296,000 on G2.
    // G2 at N + 3 weeks: 200 x 17 weeks = 3,400 x 604,800 = 2,056,320,000 + 163,296,000.
    assert_eq!(s.gauge_weight("G2", N + 3 * WEEK), 2_219_616_000);
    // Past weeks unchanged (stored points): N + 1 week as computed before.
    assert_eq!(s.gauge_weight("G2", N + WEEK), 2_298_240_000);
    assert_eq!(s.relative("G1", N + WEEK + 3), 794_594_594_594_594_594);
    assert_eq!(s.gauge_weight("G1", N), 9_676_800_000);
    assert_eq!(s.gauge_weight("G1", W0), 0);
}

#[test]
fn type_weights_change_the_split_from_the_next_week() {
    let mut s = two_users(1);
    // Type weights 1 and 1: the same 0.8 / 0.2 at N.
    assert_eq!(s.relative("G1", N), 800_000_000_000_000_000);
    // During week N the volatile type goes to 3: from N + 1 week on.
    s.set_time(N + 1);
    s.admin(ExecuteMsg::ChangeTypeWeight {
        gauge_type: 1,
        weight: 3u128.into(),
    });
    assert_eq!(s.relative("G1", N), 800_000_000_000_000_000);
    assert_eq!(s.relative("G2", N), 200_000_000_000_000_000);
    // At N + 1 week (units of 604,800): G1 = 14,700, G2 = 3,800 x 3 = 11,400, total 26,100.
    // G1: 14,700 / 26,100 = 49/87 -> 563,218,390,804,597,701.14.. floored;
    // G2: 38/87 -> 436,781,609,195,402,298.85.. floored.
    let n1 = N + WEEK;
    assert_eq!(s.total(n1), Uint256::from(26_100u128 * 604_800));
    assert_eq!(s.relative("G1", n1), 563_218_390_804_597_701);
    assert_eq!(s.relative("G2", n1), 436_781_609_195_402_298);
}

#[test]
fn a_type_weight_set_before_the_votes_count_applies_at_once() {
    let mut s = two_users(1);
    s.admin(ExecuteMsg::ChangeTypeWeight {
        gauge_type: 1,
        weight: 3u128.into(),
    });
    // At N (units of 604,800): G1 = 16,000, G2 = 4,000 x 3 = 12,000, total 28,000.
    // G1: 16/28 = 4/7 -> 571,428,571,428,571,428.57.. floored; G2: 3/7 -> ..571.42 floored.
    assert_eq!(s.relative("G1", N), 571_428_571_428_571_428);
    assert_eq!(s.relative("G2", N), 428_571_428_571_428_571);
}

#[test]
fn killing_a_gauge_removes_its_weight_from_the_total() {
    let mut s = two_users(0);
    s.set_time(N + 1);
    s.admin(ExecuteMsg::KillGauge {
        gauge: "G2".to_string(),
    });
    // Week N is past the kill's reach: 0.8 / 0.2 still.
    assert_eq!(s.relative("G2", N), 200_000_000_000_000_000);
    // From N + 1 week G2 weighs nothing and the type sum is G1's line alone:
    // 14,700 x 604,800 = 8,890,560,000, so G1 gets all of it.
    let n1 = N + WEEK;
    assert_eq!(s.gauge_weight("G2", n1), 0);
    assert_eq!(s.type_sum(0, n1), 8_890_560_000);
    assert_eq!(s.total(n1), Uint256::from(8_890_560_000u128));
    assert_eq!(s.relative("G1", n1), E18);
    assert_eq!(s.relative("G2", n1), 0);
    // B's G2 slope (200, to N + 20 weeks) was taken out of the type's schedule too: at
    // N + 12 weeks the type sum is B's G1 part alone, 300 x 8 weeks = 1,451,520,000.
    assert_eq!(s.type_sum(0, N + 12 * WEEK), 1_451_520_000);
    // B may remove the vote at once (the kill cleared it, so no delay), freeing 4000 bps.
    assert_eq!(s.power_used("B"), 10_000);
    s.vote("B", "G2", 0).unwrap();
    assert_eq!(s.power_used("B"), 6_000);
    assert_eq!(s.type_sum(0, n1), 8_890_560_000);
}

#[test]
fn a_cap_limits_the_relative_weight_without_redistribution() {
    let mut s = two_users(0);
    s.admin(ExecuteMsg::SetGaugeCap {
        gauge: "G1".to_string(),
        cap: Some(dec(500_000_000_000_000_000)),
    });
    // G1 raw 0.8 capped at 0.5; G2 keeps 0.2; the 0.3 left is not emitted.
    assert_eq!(s.relative("G1", N), 500_000_000_000_000_000);
    assert_eq!(s.relative("G2", N), 200_000_000_000_000_000);
}

#[test]
fn a_cap_applies_from_the_next_week_so_a_started_week_never_changes() {
    let mut s = two_users(0);
    // Set during week N: N keeps G1's raw 0.8 (farms may already have read it).
    s.set_time(N + 100);
    s.admin(ExecuteMsg::SetGaugeCap {
        gauge: "G1".to_string(),
        cap: Some(dec(500_000_000_000_000_000)),
    });
    assert_eq!(s.relative("G1", N), 800_000_000_000_000_000);
    // From N + 1 week: raw 794,594,594,594,594,594 (147/185, see above) capped at 0.5.
    assert_eq!(s.relative("G1", N + WEEK), 500_000_000_000_000_000);
    // Removing the cap also waits for the next week.
    s.set_time(N + WEEK + 100);
    s.admin(ExecuteMsg::SetGaugeCap {
        gauge: "G1".to_string(),
        cap: None,
    });
    assert_eq!(s.relative("G1", N + WEEK), 500_000_000_000_000_000);
    // N + 2 weeks: G1 = 1000 x 8 + 300 x 18 = 13,400 weeks-slope, G2 = 200 x 18 = 3,600:
    // 13,400 / 17,000 -> 1e18 x 134 / 170 = 788,235,294,117,647,058.8.. floored.
    assert_eq!(s.relative("G1", N + 2 * WEEK), 788_235_294_117_647_058);
}

#[test]
fn four_year_locks_of_a_billion_18_decimal_lp() {
    // 18-decimal LP amounts are 1e12 larger than 6-decimal ones. A and B each lock 1e27
    // (1e9 LP): slope floor(1e27 / 126,144,000) = 7,927,447,995,941,146,626 (see
    // trellis_math::ve), until N + 208 weeks. Type weight 1e18, so relative weights multiply
    // 1e18 x ~1e27 x 1e18 (~2^210): 256-bit products.
    let slope = 7_927_447_995_941_146_626u128;
    let mut s = Suite::new();
    s.add_type("lp", E18);
    s.add_gauge("G1", 0);
    s.add_gauge("G2", 0);
    s.set_lock("A", slope, N + 208 * WEEK);
    s.set_lock("B", slope, N + 208 * WEEK);
    s.vote("A", "G1", 10_000).unwrap();
    s.vote("B", "G2", 2_500).unwrap();
    // At N: G1 = slope x 208 weeks = slope x 125,798,400 = 997,260,273,972,602,739,716,198,400.
    // B's part: floor(slope x 2,500 / 10,000) = 1,981,861,998,985,286,656 (slope = 2 mod 4),
    // x 125,798,400 = 249,315,068,493,150,684,866,150,400 on G2.
    assert_eq!(s.gauge_weight("G1", N), 997_260_273_972_602_739_716_198_400);
    assert_eq!(s.gauge_weight("G2", N), 249_315_068_493_150_684_866_150_400);
    // Total = 1e18 x (G1 + G2) = 1,246,575,342,465,753,424,582,348,800 x 1e18.
    assert_eq!(
        s.total(N),
        Uint256::from(1_246_575_342_465_753_424_582_348_800u128)
            * Uint256::from(1_000_000_000_000_000_000u128)
    );
    // With k = floor(slope / 4): G1 / total = 4k + 2 over 5k + 2, 0.8 + 0.4 / (5k + 2), which
    // floors to 0.8 at 1e18; G2 = k / (5k + 2), just below 0.2: 0.199..9.
    assert_eq!(s.relative("G1", N), 800_000_000_000_000_000);
    assert_eq!(s.relative("G2", N), 199_999_999_999_999_999);
}
