//! The voting escrow through the harness: cw20 locks (the `Send` hook) and native ones, with
//! powers derived by hand from `power = slope * (end - t)`, `slope = amount / max_time`.
use trellis_testing::ve::{EscrowOptions, WEEK};
use trellis_testing::{AssetInfo, Suite, GENESIS_TIME};

/// 4 x 365 days, the escrow's default longest lock.
const MAX_TIME: u64 = 126_144_000;
const E18: u128 = 1_000_000_000_000_000_000;
const YEAR: u64 = 365 * 86_400;

#[test]
fn a_cw20_lock_decays_and_grows() {
    let mut suite = Suite::new();
    let lp = suite.create_cw20("LPV", &[("alice", 2_000 * E18)]).unwrap();
    let ve = suite
        .deploy_voting_escrow(EscrowOptions::new(lp.clone()))
        .unwrap();
    assert_eq!(ve.max_time, MAX_TIME);

    // now = 1,700,000,000, 1000e18 locked until now + MAXTIME.
    // end = floor(1,826,144,000 / 604,800) * 604,800 = 1,825,891,200;
    // slope = 1000e18 / 126,144,000 = 7,927,447,995,941 (floored);
    // power = slope * (1,825,891,200 - 1,700,000,000) = slope * 125,891,200
    //       = 997,995,941,146,607,619,200.
    assert_eq!(suite.time(), GENESIS_TIME);
    suite
        .create_lock(&ve, "alice", 1_000 * E18, GENESIS_TIME + MAX_TIME)
        .unwrap();
    let lock = suite.ve_lock(&ve, "alice").unwrap();
    assert_eq!((lock.amount.u128(), lock.end), (1_000 * E18, 1_825_891_200));
    assert_eq!(
        suite.ve_slope(&ve, "alice").unwrap().slope.u128(),
        7_927_447_995_941
    );
    assert_eq!(
        suite.ve_power(&ve, "alice").unwrap(),
        997_995_941_146_607_619_200
    );
    // The escrow holds the tokens the hook received.
    assert_eq!(suite.balance("alice", &lp).unwrap(), 1_000 * E18);
    assert_eq!(suite.balance_of(&ve.addr, &lp).unwrap(), 1_000 * E18);

    // One year later: slope * (125,891,200 - 31,536,000) = slope * 94,355,200
    // = 747,995,941,146,612,243,200; alone, alice holds the whole total.
    suite.advance_seconds(YEAR);
    assert_eq!(
        suite.ve_power(&ve, "alice").unwrap(),
        747_995_941_146_612_243_200
    );
    assert_eq!(
        suite.ve_total_power(&ve).unwrap(),
        747_995_941_146_612_243_200
    );
    // The past stays answerable: the power at the lock's creation.
    assert_eq!(
        suite.ve_power_at(&ve, "alice", Some(GENESIS_TIME)).unwrap(),
        997_995_941_146_607_619_200
    );

    // Doubling the lock: slope = 2000e18 / 126,144,000 = 15,854,895,991,882, power
    // = 15,854,895,991,882 * 94,355,200 = 1,495,991,882,293,224,486,400.
    suite
        .increase_lock_amount(&ve, "alice", 1_000 * E18)
        .unwrap();
    assert_eq!(
        suite.ve_power(&ve, "alice").unwrap(),
        1_495_991_882_293_224_486_400
    );

    // Extending to now + MAXTIME: now = 1,731,536,000, end = floor(1,857,680,000 / 604,800)
    // * 604,800 = 1,857,340,800; power = 15,854,895,991,882 * 125,804,800
    // = 1,994,622,019,279,516,633,600.
    let now = suite.time();
    suite.extend_lock(&ve, "alice", now + MAX_TIME).unwrap();
    assert_eq!(suite.ve_lock(&ve, "alice").unwrap().end, 1_857_340_800);
    let share = suite.ve_power_share(&ve, "alice").unwrap();
    assert_eq!(share.user_power.u128(), 1_994_622_019_279_516_633_600);
    assert_eq!(share.total_power, share.user_power);
    assert_eq!(share.time, now);
}

#[test]
fn a_native_lock_from_creation_to_withdrawal() {
    let mut suite = Suite::new();
    let token = suite.register_native("VEL", "uvel");
    // max time 8 weeks = 4,838,400 s; 4,838,400,000 uvel lock with slope exactly 1,000.
    let unit: u128 = 4_838_400_000;
    suite.mint_native("alice", "uvel", unit).unwrap();
    suite.mint_native("bob", "uvel", unit).unwrap();
    let ve = suite
        .deploy_voting_escrow(EscrowOptions::new(token.clone()).max_time(8 * WEEK))
        .unwrap();
    assert_eq!(ve.max_time, 4_838_400);

    // Two weeks: end = floor(1,701,209,600 / 604,800) * 604,800 = 1,700,697,600, 697,600 s
    // ahead: power 1,000 * 697,600.
    suite
        .create_lock(&ve, "alice", unit, GENESIS_TIME + 2 * WEEK)
        .unwrap();
    assert_eq!(suite.ve_lock(&ve, "alice").unwrap().end, 1_700_697_600);
    assert_eq!(suite.ve_power(&ve, "alice").unwrap(), 697_600_000);

    // bob adds as much to alice's lock: slope 2,000, power 2,000 * 697,600.
    suite.lock_deposit_for(&ve, "bob", "alice", unit).unwrap();
    assert_eq!(suite.balance("bob", &token).unwrap(), 0);
    assert_eq!(suite.ve_power(&ve, "alice").unwrap(), 1_395_200_000);

    // Extended to the longest: now + 8 weeks = 1,704,838,400 rounds down to 1,704,326,400,
    // 4,326,400 s ahead: power 2,000 * 4,326,400.
    suite
        .extend_lock(&ve, "alice", GENESIS_TIME + 8 * WEEK)
        .unwrap();
    assert_eq!(suite.ve_power(&ve, "alice").unwrap(), 8_652_800_000);

    // Not before the end; at the end the power is zero and both deposits come back.
    assert!(suite.withdraw_lock(&ve, "alice").is_err());
    suite.advance_seconds(4_326_400);
    assert_eq!(suite.ve_power(&ve, "alice").unwrap(), 0);
    assert_eq!(suite.ve_total_power(&ve).unwrap(), 0);
    suite.withdraw_lock(&ve, "alice").unwrap();
    assert_eq!(suite.balance("alice", &token).unwrap(), 2 * unit);
    assert_eq!(suite.ve_lock(&ve, "alice").unwrap().amount.u128(), 0);
}

#[test]
fn listeners_are_registered_by_the_owner() {
    let mut suite = Suite::new();
    let token = AssetInfo::native("uvel");
    let ve = suite
        .deploy_voting_escrow(EscrowOptions::new(token))
        .unwrap();
    let listener = suite.addr("listener");
    suite.add_escrow_listener(&ve, &listener).unwrap();
    assert_eq!(suite.ve_listeners(&ve).unwrap(), vec![listener.to_string()]);
    // A checkpoint with nothing locked keeps the total at zero.
    suite.advance_seconds(WEEK);
    suite.ve_checkpoint(&ve).unwrap();
    assert_eq!(suite.ve_total_power(&ve).unwrap(), 0);
}
