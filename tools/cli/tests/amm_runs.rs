//! Amm pools, joins, exits and traders run end to end on the embedded chain; every number is
//! derived by hand in the comments.
mod common;

use cosmwasm_std::{Decimal256, Uint256};
use indicatif::ProgressBar;
use trellis_cli::model::{AmmEventRecord, SimReport};
use trellis_cli::{report, runner, scenario};

use common::{assert_conserved, run_text, sample_at, u};

/// A 50/50 AAA/BBB pool (6 decimals each, 30 bps fee, 20% of it to `fees`) with 1,000,000 of
/// each, and a whale selling 100,000 AAA at 20 s.
const SWAP: &str = r#"
duration = 60
step = 10

[[tokens]]
symbol = "AAA"
kind = "cw20"
decimals = 6

[[tokens]]
symbol = "BBB"
kind = "native"
decimals = 6

[farm]
clock = "time"
reward = { source = "mint", token = "AAA" }
schedule = { curve = "constant", rate = 1 }

[[amm_pools]]
name = "P"
assets = ["AAA", "BBB"]
weights = [50, 50]
swap_fee_bps = 30
lp_token = "P-LP"
initial_liquidity = { AAA = "1000000", BBB = "1000000" }
protocol_fee_share_bps = 2000
fee_collector = "fees"

[[pools]]
name = "F"
kind = "lp"
staking = "P-LP"
weight = 1

[[traders]]
name = "whale"
balances = { AAA = "100000" }
scripted = [
  { at = 20, pool = "P", offer = "AAA", amount = "100000", min_out = "90661.089388" },
]
"#;

/// Constant product with the fee, base units (b = 1e12 on each side, a = 1e11):
/// - fee = ceil(1e11 * 30 / 1e4) = 300_000_000; protocol share floor(3e8 * 2000 / 1e4) = 6e7.
/// - in after fee: 1e11 - 3e8 = 99_700_000_000.
/// - out = b * a' / (b + a') = 1e12 * 99_700_000_000 / 1_099_700_000_000
///   = 90_661_089_388.0149..., rounded down: 90_661_089_388. (For 50/50 weights the power is
///   the ratio itself; the pool rounds the ratio b / (b + a') up by less than 1e-18, which
///   lowers the output by less than 1e-6 of a unit: not enough to cross the floor.)
/// - reserves after: AAA 1e12 + 1e11 - 6e7 (the protocol's share is owed, not LP-owned)
///   = 1_099_940_000_000; BBB 1e12 - 90_661_089_388 = 909_338_910_612.
/// - spot price of AAA = (909_338_910_612 / 0.5) / (1_099_940_000_000 / 0.5), rounded down at
///   18 decimals: 909_338_910_612e18 / 1_099_940_000_000 = 826_716_830_565_303_562 (remainder
///   13_720_000_000), i.e. 0.826716830565303562.
#[test]
fn a_scripted_swap_moves_the_reserves_exactly() {
    let report = run_text(SWAP);
    assert_conserved(&report);
    let info = &report.amm_pools[0];
    assert_eq!(info.assets, ["AAA".to_string(), "BBB".to_string()]);
    assert_eq!(
        (info.weights, info.swap_fee_bps, info.protocol_fee_share_bps),
        ([50, 50], 30, 2_000)
    );

    // Before the swap: the initial liquidity, price 1.
    let before = &sample_at(&report, 10).amm_pools[0];
    assert_eq!(before.reserves, u([1_000_000_000_000, 1_000_000_000_000]));
    assert_eq!(before.spot_price, Decimal256::one());
    assert_eq!(before.swaps, 0);

    let after = &sample_at(&report, 20).amm_pools[0];
    assert_eq!(after.reserves, u([1_099_940_000_000, 909_338_910_612]));
    assert_eq!(after.protocol_fees_owed, u([60_000_000, 0]));
    // The pool holds the reserves plus what it owes the collector.
    assert_eq!(after.held, u([1_100_000_000_000, 909_338_910_612]));
    assert_eq!(
        (after.volume, after.fees, after.swaps),
        (u([100_000_000_000, 0]), u([300_000_000, 0]), 1)
    );
    let price = Decimal256::new(826_716_830_565_303_562u128.into());
    assert_eq!((after.spot_price, after.price), (price, price));
    // The LP supply did not move: a swap mints nothing.
    assert_eq!(after.lp_supply, before.lp_supply);

    let swap = report
        .amm_events
        .iter()
        .find(|e| e.action == "swap")
        .unwrap();
    assert_eq!(
        (
            swap.t,
            swap.actor.as_str(),
            swap.amounts_in,
            swap.amounts_out,
            swap.fee
        ),
        (
            20,
            "whale",
            u([100_000_000_000, 0]),
            u([0, 90_661_089_388]),
            u([300_000_000, 0])
        )
    );
    // The initial liquidity: all of it taken, LP = supply - the 1000 units locked in the pool.
    let provide = &report.amm_events[0];
    assert_eq!(
        (provide.t, provide.actor.as_str(), provide.action.as_str()),
        (0, "liquidity", "provide")
    );
    assert_eq!(
        provide.amounts_in,
        u([1_000_000_000_000, 1_000_000_000_000])
    );
    assert_eq!(provide.lp.u128() + 1_000, before.lp_supply.u128());

    let summary = &report.summary.amm_pools[0];
    assert_eq!(
        (summary.start_price, summary.price),
        (Decimal256::one(), price)
    );
    let amm = report.summary.conservation.amm.as_ref().unwrap();
    // 7 samples (0, 10, ..., 60) of one pool, all balanced.
    assert_eq!((amm.ok, amm.checks), (true, 7));

    // pools.csv: the row at 20 s.
    let csv = report::csv::pools(&report);
    assert!(
        csv.lines().any(|l| l
            == "20,P,AAA,BBB,1099940000000,909338910612,60000000,0,999999999999,0.826716830565303562,0.826716830565303562,1,100000000000,0,300000000,0"
            .replace("999999999999", &before.lp_supply.to_string())),
        "{csv}"
    );
}

/// A scripted swap below its `min_out` stops the run with the line of the swap (line 40 of
/// SWAP, which starts with an empty line), the trader, the swap and what the pool pays, in
/// display units only.
#[test]
fn a_failing_scripted_swap_stops_the_run() {
    // One unit more than the 90_661.089388 BBB the swap pays.
    let text = SWAP.replace(r#"min_out = "90661.089388""#, r#"min_out = "90661.089389""#);
    let plan = scenario::parse(&text, "inline.toml", "inline").unwrap();
    let err = runner::run(&plan, &ProgressBar::hidden()).unwrap_err();
    assert_eq!(
        format!("{err:#}"),
        "inline.toml:40: whale swaps 100,000 AAA for BBB in amm pool \"P\" with min_out \
         90,661.089389 BBB, but the pool pays 90,661.089388 BBB. Fix: lower min_out, swap less \
         or move the swap to when the price suits it"
    );
}

/// The same pool without a protocol fee and a random trader: seed 7, a turn every 10 s (6
/// turns), one pool, up to 50 bps.
fn random(seed: u64, balances: &str) -> String {
    SWAP.replace("protocol_fee_share_bps = 2000\nfee_collector = \"fees\"\n", "")
        .replace(
            "[[traders]]\nname = \"whale\"",
            &format!(
                "[[traders]]\nname = \"noise\"\nbalances = {balances}\nrandom = {{ seed = {seed}, every = 10, pools = [\"P\"], max_size_bps = 50 }}\n\n[[traders]]\nname = \"whale\""
            ),
        )
        .replace("at = 20,", "at = 60,")
        .replace(r#", min_out = "90661.089388""#, "")
}

fn swaps_of<'a>(report: &'a SimReport, who: &str) -> Vec<&'a AmmEventRecord> {
    report
        .amm_events
        .iter()
        .filter(|e| e.actor == who)
        .collect()
}

/// SplitMix64 with seed 7 gives 7191089600892374487, 309689372594955804,
/// 16616101746815609346, 10753165928301472203, 8346079845500723674, 4601199455465548305, ...
/// (reference: state += 0x9e3779b97f4a7c15, then the two xor-shift-multiply rounds).
/// Turn 1 (10 s): pool x % 1 = 0; side 309689372594955804 % 2 = 0 (AAA); size
/// 1 + 16616101746815609346 % 50 = 1 + 46 = 47 bps of the 1e12 AAA reserve = 4_700_000_000.
/// fee ceil(4.7e9 * 30 / 1e4) = 14_100_000; out = 1e12 * 4_685_900_000 / 1_004_685_900_000
/// = 4_664_044_752.69 -> 4_664_044_752.
/// Turn 2 (20 s): side 8346079845500723674 % 2 = 0 (AAA again); size 1 + 4601199455465548305
/// % 50 = 1 + 5 = 6 bps of the reserve now 1_004_700_000_000: 602_820_000.
#[test]
fn random_traders_are_reproducible() {
    let balances = r#"{ AAA = "10000", BBB = "10000" }"#;
    let report = run_text(&random(7, balances));
    assert_conserved(&report);
    let noise = swaps_of(&report, "noise");
    assert_eq!(noise.len(), 6);
    assert_eq!(
        (
            noise[0].t,
            noise[0].action.as_str(),
            noise[0].amounts_in,
            noise[0].amounts_out,
            noise[0].fee
        ),
        (
            10,
            "swap",
            u([4_700_000_000, 0]),
            u([0, 4_664_044_752]),
            u([14_100_000, 0])
        )
    );
    assert_eq!((noise[1].t, noise[1].amounts_in), (20, u([602_820_000, 0])));

    // The same seed gives the same run, another seed another one.
    let again = run_text(&random(7, balances));
    let json = |r: &SimReport| serde_json::to_string(&(&r.amm_events, &r.samples)).unwrap();
    assert_eq!(json(&report), json(&again));
    let other = run_text(&random(8, balances));
    assert_ne!(
        serde_json::to_string(&report.amm_events).unwrap(),
        serde_json::to_string(&other.amm_events).unwrap()
    );
    let trader = &report.summary.traders[0];
    assert_eq!(
        (
            trader.trader.as_str(),
            trader.kind.as_str(),
            trader.swaps,
            trader.failed,
            trader.skipped
        ),
        ("noise", "random", 6, 0, 0)
    );
}

/// A random trader with nothing to sell skips its turns (logged) and the run goes on.
#[test]
fn a_random_trader_without_funds_skips_its_turns() {
    let report = run_text(&random(7, "{}"));
    let noise = swaps_of(&report, "noise");
    assert_eq!(noise.len(), 6);
    assert!(noise.iter().all(|e| e.action == "swap_skipped"));
    // Turn 1 sells AAA (see above).
    assert_eq!(noise[0].detail.as_deref(), Some("holds no AAA"));
    let trader = &report.summary.traders[0];
    assert_eq!((trader.swaps, trader.skipped), (0, 6));
    // The whale's swap at 60 s still runs.
    assert_eq!(swaps_of(&report, "whale")[0].action, "swap");
    let csv = report::csv::amm_events(&report);
    assert!(
        csv.lines()
            .any(|l| l == "10,noise,swap_skipped,P,0,0,0,0,0,0,0,holds no AAA"),
        "{csv}"
    );
}

/// A user joins with 1,000 of each asset at 10 s, deposits all the LP, withdraws it at 30 s
/// and exits at 40 s (the whale trades only at 60 s).
#[test]
fn join_deposit_withdraw_exit() {
    let text = random(7, "{}")
        .replace("max_size_bps = 50", "max_size_bps = 1")
        .replace("every = 10", "every = 60")
        .replace(
            "[[traders]]\nname = \"noise\"",
            r#"[[users]]
name = "u"
balances = { AAA = "1000", BBB = "1000" }
actions = [
  { at = 10, action = "join", pool = "P", amounts = { AAA = "all", BBB = "all" } },
  { at = 10, action = "deposit", pool = "F", amount = "all" },
  { at = 30, action = "withdraw", pool = "F", amount = "all" },
  { at = 40, action = "exit", pool = "P", amount = "all" },
]

[[traders]]
name = "noise""#,
        );
    let report = run_text(&text);
    assert_conserved(&report);
    // S, the LP supply after the initial liquidity (the invariant of 1e12 / 1e12).
    let s = sample_at(&report, 0).amm_pools[0].lp_supply.u128();
    let b = 1_000_000_000_000u128;
    let e = swaps_of(&report, "u");
    // Proportional join of 1e9 of each: lp = floor(1e9 * S / 1e12) (credit rounds down);
    // each amount taken = ceil(lp * 1e12 / S) (payment rounds up), at most 1e9.
    let lp = 1_000_000_000 * s / b;
    let taken = (lp * b).div_ceil(s);
    assert_eq!((e[0].action.as_str(), e[0].lp.u128()), ("join", lp));
    assert_eq!(e[0].amounts_in, u([taken, taken]));
    assert!(taken <= 1_000_000_000);
    // All of it deposited, then withdrawn, then burned: each asset paid
    // floor(lp * (1e12 + taken) / (S + lp)) (what users get rounds down).
    let deposit = report
        .events
        .iter()
        .find(|x| x.action == "deposit")
        .unwrap();
    assert_eq!(deposit.amount.u128(), lp);
    let paid = lp * (b + taken) / (s + lp);
    assert_eq!((e[1].action.as_str(), e[1].lp.u128()), ("exit", lp));
    assert_eq!(e[1].amounts_out, u([paid, paid]));
    // Never more than was put in.
    assert!(paid <= taken);
    // Alone in the farm pool (weight 1 of 1) from 10 s to 30 s at 1 AAA/s: 20e6 units, credited
    // per LP unit at 1e36 and rounded down twice: floor(floor(20e6 * 1e36 / lp) * lp / 1e36).
    let scale = Uint256::from(10u128.pow(36));
    let per_unit = Uint256::from(20_000_000u128) * scale / Uint256::from(lp);
    let earned = per_unit * Uint256::from(lp) / scale;
    let user = &report.summary.users[0];
    assert_eq!(
        (Uint256::from(user.earned.u128()), user.staked.u128()),
        (earned, 0)
    );
    // The unit lost, if any, is at most one: 20 AAA or one unit less.
    assert!((19_999_999..=20_000_000).contains(&user.earned.u128()));
}

/// The factory comes first and the farm checks LP pools against it: its config names the
/// factory, and the LP farm pool's pair is the amm pool's.
#[test]
fn the_farm_knows_the_factory() {
    let plan = scenario::parse(SWAP, "inline.toml", "inline").unwrap();
    let (world, provided) = runner::deploy::deploy(&plan).unwrap();
    let suite = &world.suite;
    let config: trellis_types::farm::ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(
            &suite.farm().addr,
            &trellis_types::farm::QueryMsg::Config {},
        )
        .unwrap();
    assert_eq!(config.lp_factory, Some(suite.factory().addr.to_string()));
    let record = suite.pool_by_lp_token(&world.amm[0].lp_token).unwrap();
    assert_eq!(record.address, world.amm[0].address.to_string());
    assert_eq!(world.assets[2], world.amm[0].lp_token);
    assert_eq!(provided.len(), 1);
}
