//! The suite's clock keeps height and time consistent: height = genesis + elapsed / 5.
use trellis_testing::{Suite, DEFAULT_BLOCK_SECS, GENESIS_HEIGHT, GENESIS_TIME};

#[test]
fn genesis_is_round() {
    let suite = Suite::new();
    assert_eq!(suite.height(), GENESIS_HEIGHT);
    assert_eq!(suite.time(), GENESIS_TIME);
    assert_eq!(suite.block_secs(), DEFAULT_BLOCK_SECS);
}

#[test]
fn seconds_and_blocks_stay_consistent() {
    let mut suite = Suite::new();
    // 12 s with 5 s blocks: blocks 5 and 10 were produced -> +2 blocks.
    suite.advance_seconds(12);
    assert_eq!(
        (suite.height(), suite.time()),
        (GENESIS_HEIGHT + 2, GENESIS_TIME + 12)
    );
    // 3 s more: elapsed 15 s -> the third block.
    suite.advance_seconds(3);
    assert_eq!(
        (suite.height(), suite.time()),
        (GENESIS_HEIGHT + 3, GENESIS_TIME + 15)
    );
    // 2 blocks = 10 s: elapsed 25 s, height +5.
    suite.advance_blocks(2);
    assert_eq!(
        (suite.height(), suite.time()),
        (GENESIS_HEIGHT + 5, GENESIS_TIME + 25)
    );
    assert_eq!((suite.elapsed_secs(), suite.elapsed_blocks()), (25, 5));
}

#[test]
fn custom_block_time() {
    let mut suite = Suite::builder().block_secs(6).genesis(10, 1_000).build();
    suite.advance_blocks(10);
    // 10 blocks of 6 s.
    assert_eq!((suite.height(), suite.time()), (20, 1_060));
    suite.advance_to_elapsed(65);
    // 65 s / 6 = 10 whole blocks: the height does not move.
    assert_eq!((suite.height(), suite.time()), (20, 1_065));
}

#[test]
fn addresses_are_bech32_and_stable() {
    let suite = Suite::new();
    let alice = suite.addr("alice");
    assert!(alice.as_str().starts_with("cosmwasm1"));
    assert_eq!(alice, suite.addr("alice"));
    assert_ne!(alice, suite.addr("bob"));
}

#[test]
fn native_and_cw20_balances() {
    let mut suite = Suite::new();
    let lp = suite
        .create_cw20("LPA", &[("alice", 1_000), ("bob", 5)])
        .unwrap();
    suite.mint_native("alice", "ufuse", 42).unwrap();
    let fuse = suite.register_native("FUSE", "ufuse");
    assert_eq!(suite.balance("alice", &lp).unwrap(), 1_000);
    assert_eq!(suite.balance("bob", &lp).unwrap(), 5);
    assert_eq!(suite.balance("alice", &fuse).unwrap(), 42);
    assert_eq!(suite.cw20_supply(&lp).unwrap(), 1_005);
    assert_eq!(suite.token("LPA").unwrap(), lp);
    let (alice, bob) = (suite.addr("alice"), suite.addr("bob"));
    suite.transfer(&alice, &bob, &lp, 300).unwrap();
    suite.transfer(&alice, &bob, &fuse, 2).unwrap();
    // 1000 - 300 and 5 + 300; 42 - 2 and 0 + 2.
    assert_eq!(suite.balance("alice", &lp).unwrap(), 700);
    assert_eq!(suite.balance("bob", &lp).unwrap(), 305);
    assert_eq!(suite.balance("bob", &fuse).unwrap(), 2);
}
