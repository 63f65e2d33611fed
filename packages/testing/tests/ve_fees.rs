//! The fee distributor through the harness: one week of fees in two tokens split between two
//! lockers by their power at the week's start.
use trellis_testing::ve::{EscrowOptions, WEEK};
use trellis_testing::{Suite, GENESIS_TIME};

const MAX_TIME: u64 = 126_144_000;
/// `MAX_TIME * 1e6` base units: slope exactly 1,000,000.
const UNIT: u128 = 126_144_000_000_000;

#[test]
fn a_week_of_fees_split_by_power() {
    let mut suite = Suite::new();
    let lp = suite
        .create_cw20("LPV", &[("alice", 2 * UNIT), ("bob", UNIT)])
        .unwrap();
    let fee_cw20 = suite.create_cw20("FEE", &[("pool", 1_000)]).unwrap();
    let fee_native = suite.register_native("FUSD", "ufusd");
    suite.mint_native("pool", "ufusd", 3_000_000).unwrap();
    let ve = suite.deploy_voting_escrow(EscrowOptions::new(lp)).unwrap();

    // Both lock until now + MAXTIME (end 1,825,891,200): slopes 2,000,000 and 1,000,000.
    suite
        .create_lock(&ve, "alice", 2 * UNIT, GENESIS_TIME + MAX_TIME)
        .unwrap();
    suite
        .create_lock(&ve, "bob", UNIT, GENESIS_TIME + MAX_TIME)
        .unwrap();

    // Distribution starts at the next week, W1 = 1,700,092,800 (the start time rounds down).
    let w1 = 1_700_092_800;
    let fd = suite
        .deploy_fee_distributor(
            &ve,
            vec![fee_native.clone(), fee_cw20.clone()],
            GENESIS_TIME + WEEK,
        )
        .unwrap();
    assert_eq!(fd.start_time, w1);

    // At W2 = W1 + 1 week the pool sends 3,000,000 ufusd and 1,000 FEE; the checkpoint spreads
    // them over [W1, W2): all of it into week W1.
    suite.advance_seconds(w1 + WEEK - GENESIS_TIME);
    suite
        .send_fees(&fd, "pool", &fee_native, 3_000_000)
        .unwrap();
    suite.send_fees(&fd, "pool", &fee_cw20, 1_000).unwrap();
    suite.fee_checkpoint(&fd).unwrap();
    let weeks = suite.fees_per_week(&fd, &fee_native).unwrap();
    assert_eq!(
        weeks
            .iter()
            .map(|w| (w.week_start, w.amount.u128()))
            .collect::<Vec<_>>(),
        [(w1, 3_000_000)]
    );

    // Powers at W1: alice 2,000,000 * 125,798,400, bob 1,000,000 * 125,798,400: 2/3 and 1/3.
    // alice: floor(3,000,000 * 2 / 3) = 2,000,000 and floor(1,000 * 2 / 3) = 666;
    // bob: 1,000,000 and floor(1,000 / 3) = 333; 1 FEE of rounding dust stays.
    let claimable = suite.fee_claimable(&fd, "alice").unwrap();
    assert_eq!(claimable.amounts[0].amount.u128(), 2_000_000);
    assert_eq!(suite.fee_claim(&fd, "alice").unwrap(), [2_000_000, 666]);
    assert_eq!(suite.fee_claim(&fd, "bob").unwrap(), [1_000_000, 333]);
    let totals = suite.fee_totals(&fd).unwrap();
    let fee = &totals.tokens[1];
    assert_eq!(
        (fee.booked.u128(), fee.claimed.u128(), fee.unbooked.u128()),
        (1_000, 999, 0)
    );
    // Nothing is left to claim for the complete weeks.
    assert!(suite.fee_claim(&fd, "alice").is_err());
}
