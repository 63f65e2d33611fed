//! However often a third party settles someone's position, its total credit stays the floor of
//! its exact share. Two identical farms run the same random deposits, withdrawals, claims and
//! time jumps; in the second, the victim's position is also settled by lock-change notices
//! (and refused kicks) at random moments, up to every step. At the end both settle: the
//! victim's total may differ by at most one unit, and the second farm's books balance.
//!
//! The victim holds no ve power, so its working balance is its tokenless share whatever the
//! pool's stake: a forced settlement moves no boost and only tests the rounding.
//! 1,000 cases by default; `TRELLIS_PROPTEST_CASES` sets the count.
mod common;
use common::fakes::ESCROW;
use common::*;
use cosmwasm_std::{Addr, Uint128};
use proptest::prelude::*;
use trellis_farm::ContractError;
use trellis_types::farm::*;

#[derive(Debug, Clone)]
enum Action {
    WhaleDeposit(u128),
    WhaleWithdraw(u128),
    VictimDeposit(u128),
    VictimClaim,
    Advance(u64),
    /// Farm two only: `n` forced settlements of the victim in this block.
    Force(u8),
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (1u128..10_000).prop_map(Action::WhaleDeposit),
        (1u128..=1_000).prop_map(Action::WhaleWithdraw),
        (1u128..5_000).prop_map(Action::VictimDeposit),
        Just(Action::VictimClaim),
        (1u64..300).prop_map(Action::Advance),
        (1u8..4).prop_map(Action::Force),
    ]
}

fn cases() -> u32 {
    std::env::var("TRELLIS_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000)
}

fn farm(rate: u128, tokenless: u8) -> Farm {
    let mut farm = Farm::boosted(Schedule::constant(0, Uint128::new(rate)), mint_source());
    farm.fakes.borrow_mut().total_power = 1_000;
    farm.fakes.borrow_mut().set_power("whale", 700);
    farm.add_boosted_pool("lp0", lp(ALY, "ufusd"), 1, tokenless)
        .unwrap();
    farm
}

fn paid_to(farm: &Farm, user: &Addr) -> u128 {
    farm.paid
        .iter()
        .filter(|(to, _)| to == user)
        .map(|(_, a)| a.u128())
        .sum()
}

fn force(farm: &mut Farm, victim: &Addr) {
    let escrow = addr(ESCROW);
    farm.exec(
        &escrow,
        &[],
        ExecuteMsg::LockChanged {
            user: victim.to_string(),
        },
    )
    .unwrap();
    let keeper = addr("keeper");
    match farm.exec(
        &keeper,
        &[],
        ExecuteMsg::Kick {
            user: victim.to_string(),
            pool_id: 0,
        },
    ) {
        Err(ContractError::KickNotAllowed { .. }) => {}
        other => panic!("a kick of a zero-power position that stays put: {other:?}"),
    }
}

fn run(rate: u128, tokenless: u8, first: u128, actions: Vec<Action>) {
    let (whale, victim) = (addr("whale"), addr("victim"));
    let mut calm = farm(rate, tokenless);
    let mut forced = farm(rate, tokenless);
    let mut whale_stake = 0u128;
    for f in [&mut calm, &mut forced] {
        f.deposit(&victim, 0, "lp0", first).unwrap();
    }
    for action in actions {
        match action {
            Action::WhaleDeposit(amount) => {
                for f in [&mut calm, &mut forced] {
                    f.deposit(&whale, 0, "lp0", amount).unwrap();
                }
                whale_stake += amount;
            }
            Action::WhaleWithdraw(permille) => {
                let amount = whale_stake * permille / 1_000;
                if amount > 0 {
                    for f in [&mut calm, &mut forced] {
                        f.withdraw(&whale, 0, amount).unwrap();
                    }
                    whale_stake -= amount;
                }
            }
            Action::VictimDeposit(amount) => {
                for f in [&mut calm, &mut forced] {
                    f.deposit(&victim, 0, "lp0", amount).unwrap();
                }
            }
            Action::VictimClaim => {
                for f in [&mut calm, &mut forced] {
                    f.claim(&victim, vec![0]).unwrap();
                }
            }
            Action::Advance(dt) => {
                for f in [&mut calm, &mut forced] {
                    let now = f.now();
                    f.at(now + dt);
                }
            }
            Action::Force(n) => {
                for _ in 0..n {
                    force(&mut forced, &victim);
                }
            }
        }
    }
    for f in [&mut calm, &mut forced] {
        f.claim(&victim, vec![0]).unwrap();
        f.claim(&whale, vec![0]).unwrap();
    }
    let (a, b) = (paid_to(&calm, &victim), paid_to(&forced, &victim));
    assert!(
        a.abs_diff(b) <= 1,
        "forced settlements moved the victim's total: {a} undisturbed, {b} settled by others"
    );
    let t = forced.totals();
    assert_eq!(t.claimed.u128(), forced.total_paid().u128());
    assert_eq!(
        t.emitted,
        t.claimed + t.recovered + t.undistributed + t.carried
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn forced_settlements_never_move_a_positions_total_by_more_than_one_unit(
        rate in 1u128..2_000,
        tokenless in prop_oneof![Just(40u8), Just(70u8), Just(99u8)],
        first in 1u128..5_000,
        actions in proptest::collection::vec(action(), 1..60),
    ) {
        run(rate, tokenless, first, actions);
    }
}
