//! Scenario errors of CL pools, positions and traders: exact messages at exact positions.
mod common;

use trellis_cli::scenario::cl_plan::{ClSwapKind, ClTraderKind};
use trellis_cli::scenario::parse;
use trellis_types::cl_pool::FeeTier;

use common::{error_of, run_error_of};

/// A valid scenario: a CL pool at price 1, a position over [-60, 60), a scripted and a random
/// CL trader. Tests replace one piece; line numbers are given in the comments.
const BASE: &str = r#"name = "a"
duration = 100
step = 10

[[tokens]]
symbol = "TRL"
kind = "cw20"
decimals = 6

[[tokens]]
symbol = "AAA"
kind = "native"
decimals = 6

[[tokens]]
symbol = "BBB"
kind = "native"
decimals = 6

[farm]
clock = "time"
reward = { source = "mint", token = "TRL" }
schedule = { curve = "constant", rate = 1 }

[[pools]]
name = "F"
kind = "lp"
staking = "TRL"
pair = ["TRL", "AAA"]
weight = 1

[[cl_pools]]
name = "P"
assets = ["AAA", "BBB"]
fee_pips = 3000
price = "1"

[[cl_positions]]
name = "p"
owner = "lp"
pool = "P"
lower_tick = -60
upper_tick = 60
amounts = { AAA = "1", BBB = "1" }

[[cl_traders]]
name = "t"
balances = { BBB = "1" }
scripted = [{ at = 10, pool = "P", offer = "BBB", amount = "0.5" }]

[[cl_traders]]
name = "r"
balances = { AAA = "1", BBB = "1" }
random = { seed = 1, every = 10, pools = ["P"], max_ticks = 30 }
"#;

/// BASE with the first `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    common::with(BASE, from, to)
}

#[test]
fn the_base_scenario_is_valid() {
    let plan = parse(BASE, "t.toml", "t").unwrap();
    let pool = &plan.cl.pools[0];
    assert_eq!(pool.assets, [1, 2]);
    assert_eq!((pool.fee_tier.tick_spacing, pool.tick), (60, 0));
    let p = &plan.cl.positions[0];
    assert_eq!(
        (p.lower_tick, p.upper_tick, p.amounts),
        (-60, 60, [1_000_000; 2])
    );
    assert_eq!(p.open_at_secs, 0);
    let ClTraderKind::Scripted(swaps) = &plan.cl.traders[0].kind else {
        panic!("t is scripted");
    };
    // 0.5 BBB (asset 1 of the pool) with 6 decimals.
    assert_eq!(
        swaps[0].kind,
        ClSwapKind::ExactIn {
            offer: 1,
            amount: 500_000,
            min_out: None
        }
    );
}

#[test]
fn unknown_pools() {
    // Line 41 `pool = "Q"`: the name at column 8.
    assert_eq!(
        error_of(&with(r#"pool = "P""#, r#"pool = "Q""#)),
        r#"t.toml:41:8: cl_positions[0].pool: unknown CL pool "Q" (CL pools: P)"#
    );
    // Line 49: `scripted = [{ at = 10, pool = "X"`, the name at column 31.
    assert_eq!(
        error_of(&with(
            r#"{ at = 10, pool = "P""#,
            r#"{ at = 10, pool = "X""#
        )),
        r#"t.toml:49:31: cl_traders[0].scripted[0].pool: unknown CL pool "X" (CL pools: P)"#
    );
    // Line 54: `random = { seed = 1, every = 10, pools = ["Z"]`, the name at column 43.
    assert_eq!(
        error_of(&with(r#"pools = ["P"]"#, r#"pools = ["Z"]"#)),
        r#"t.toml:54:43: cl_traders[1].random.pools[0]: unknown CL pool "Z" (CL pools: P)"#
    );
    // Without the pool (lines 32-37 gone), the position's pool is unknown at line 35.
    let no_pool = BASE.replacen(
        "[[cl_pools]]\nname = \"P\"\nassets = [\"AAA\", \"BBB\"]\nfee_pips = 3000\nprice = \"1\"\n\n",
        "",
        1,
    );
    assert_eq!(
        error_of(&no_pool),
        r#"t.toml:35:8: cl_positions[0].pool: unknown CL pool "P" (the scenario declares no [[cl_pools]])"#
    );
}

#[test]
fn ranges_are_on_the_spacing_inside_the_tick_range_and_not_empty() {
    // Line 42 `lower_tick = -50`: the value at column 14.
    assert_eq!(
        error_of(&with("lower_tick = -60", "lower_tick = -50")),
        "t.toml:42:14: cl_positions[0].lower_tick: tick -50 is not on the pool's tick spacing 60 (the nearest are -60 and 0)"
    );
    // Line 43: beyond MAX_TICK (887272).
    assert_eq!(
        error_of(&with("upper_tick = 60", "upper_tick = 887280")),
        "t.toml:43:14: cl_positions[0].upper_tick: tick 887280 is outside the tick range -887272..=887272"
    );
    assert_eq!(
        error_of(&with("lower_tick = -60", "lower_tick = -887280")),
        "t.toml:42:14: cl_positions[0].lower_tick: tick -887280 is outside the tick range -887272..=887272"
    );
    // lower >= upper: located at the upper end (line 43).
    assert_eq!(
        error_of(&with("lower_tick = -60", "lower_tick = 60")),
        "t.toml:43:14: cl_positions[0].upper: the range is empty: the lower end (tick 60) must be below the upper end (tick 60)"
    );
    // Prices that round to the same tick: 1.001 and 1.002 (ticks 9.9 and 19.99) give [0, 60)
    // rounded outwards, not empty; 1.01 and 0.99 give [120, -120): empty.
    let prices = |lower: &str, upper: &str| {
        with(
            "lower_tick = -60\nupper_tick = 60",
            &format!("lower_price = \"{lower}\"\nupper_price = \"{upper}\""),
        )
    };
    let plan = parse(&prices("1.001", "1.002"), "t.toml", "t").unwrap();
    assert_eq!(
        (
            plan.cl.positions[0].lower_tick,
            plan.cl.positions[0].upper_tick
        ),
        (0, 60)
    );
    assert_eq!(
        error_of(&prices("1.01", "0.99")),
        "t.toml:43:15: cl_positions[0].upper: the range is empty: the lower end (tick 60) must be below the upper end (tick -60)"
    );
}

#[test]
fn range_ends_are_a_tick_or_a_price() {
    assert_eq!(
        error_of(&with("lower_tick = -60", r#"lower_price = "abc""#)),
        r#"t.toml:42:15: cl_positions[0].lower_price: `abc` is not a price (a decimal string such as "1" or "0.995")"#
    );
    assert_eq!(
        error_of(&with(
            "lower_tick = -60",
            "lower_tick = -60\nlower_price = \"0.99\""
        )),
        "t.toml:43:15: cl_positions[0].lower_price: give `lower_tick` or `lower_price`, not both"
    );
    // No upper end: located at the position's name (line 39, column 8).
    assert_eq!(
        error_of(&with("upper_tick = 60\n", "")),
        "t.toml:39:8: cl_positions[0].upper_tick: a position needs its upper end: `upper_tick` or `upper_price`"
    );
    // A price beyond what ticks reach.
    assert_eq!(
        error_of(&with(
            "upper_tick = 60",
            r#"upper_price = "1000000000000000000000000000000000000000""#
        )),
        "t.toml:43:15: cl_positions[0].upper_price: the price is outside what a CL pool can hold \
         (1.0001^-887272 to 1.0001^887272 base units of the second asset per base unit of the first)"
    );
}

#[test]
fn amounts_are_positive_and_fit_the_range() {
    // Line 44 `amounts = { AAA = "0", ...`: the amount at column 19.
    assert_eq!(
        error_of(&with(r#"AAA = "1", BBB = "1""#, r#"AAA = "0", BBB = "1""#)),
        "t.toml:44:19: cl_positions[0].amounts.AAA: must be positive"
    );
    assert_eq!(
        error_of(&with(r#"{ AAA = "1", BBB = "1" }"#, "{}")),
        r#"t.toml:44:11: cl_positions[0].amounts: give the most to deposit: { "AAA" = ..., "BBB" = ... }"#
    );
    assert_eq!(
        error_of(&with(r#"AAA = "1", BBB = "1""#, r#"AAA = "1", TRL = "1""#)),
        r#"t.toml:44:24: cl_positions[0].amounts: "TRL" is not an asset of this pool (assets: AAA, BBB)"#
    );
    // Opening at deployment: a range around the price needs both assets, one above it only
    // token0 (BBB alone is refused), one below it only token1.
    assert_eq!(
        error_of(&with(r#"{ AAA = "1", BBB = "1" }"#, r#"{ BBB = "1" }"#)),
        "t.toml:44:11: cl_positions[0].amounts: the range [-60, 60) lies around the initial price (tick 0): \
         it holds both AAA and BBB; give an amount of AAA"
    );
    let above = with(
        "lower_tick = -60\nupper_tick = 60",
        "lower_tick = 60\nupper_tick = 120",
    );
    assert_eq!(
        error_of(&above.replacen(r#"{ AAA = "1", BBB = "1" }"#, r#"{ BBB = "1" }"#, 1)),
        "t.toml:44:11: cl_positions[0].amounts: the range [60, 120) lies above the initial price (tick 0): \
         it holds only AAA; give an amount of AAA"
    );
    assert!(parse(
        &above.replacen(r#"{ AAA = "1", BBB = "1" }"#, r#"{ AAA = "1" }"#, 1),
        "t.toml",
        "t"
    )
    .is_ok());
    // Opening later, the price then is not known: the pool decides.
    let later = with(
        r#"amounts = { AAA = "1", BBB = "1" }"#,
        "amounts = { BBB = \"1\" }\nopen_at = 10",
    );
    assert_eq!(
        parse(&later, "t.toml", "t").unwrap().cl.positions[0].open_at_secs,
        10
    );
}

#[test]
fn decreases_and_closing_come_in_order() {
    let timed = |lines: &str| {
        with(
            r#"amounts = { AAA = "1", BBB = "1" }"#,
            &format!("amounts = {{ AAA = \"1\", BBB = \"1\" }}\n{lines}"),
        )
    };
    // Line 45 `decreases = [{ at = 0, ...`: the moment at column 21, not after the opening.
    assert_eq!(
        error_of(&timed("decreases = [{ at = 0, share_bps = 5000 }]")),
        "t.toml:45:21: cl_positions[0].decreases[0].at: decreases come after the opening and the previous decrease, before the closing"
    );
    assert_eq!(
        error_of(&timed("decreases = [{ at = 50, share_bps = 5000 }]\nclose_at = 50")),
        "t.toml:45:21: cl_positions[0].decreases[0].at: decreases come after the opening and the previous decrease, before the closing"
    );
    // share_bps at column 37.
    assert_eq!(
        error_of(&timed("decreases = [{ at = 50, share_bps = 10001 }]")),
        "t.toml:45:37: cl_positions[0].decreases[0].share_bps: between 1 and 10000 (basis points of the position's liquidity)"
    );
    assert_eq!(
        error_of(&timed("open_at = 50\nclose_at = 50")),
        "t.toml:46:12: cl_positions[0].close_at: must be after the position opens (50 s)"
    );
    assert_eq!(
        error_of(&timed("close_at = 200")),
        "t.toml:45:12: cl_positions[0].close_at: 200 s is after the end of the run (100 s)"
    );
}

#[test]
fn pools_need_a_valid_price_and_fee() {
    // Line 36 `price = "0"`: the value at column 9.
    assert_eq!(
        error_of(&with(r#"price = "1""#, r#"price = "0""#)),
        "t.toml:36:9: cl_pools[0].price: a price must be positive"
    );
    assert_eq!(
        error_of(&with(r#"price = "1""#, "")),
        r#"t.toml:33:8: cl_pools[0].price: a CL pool needs its initial `price` (the second asset per unit of the first, e.g. "1.0") or `tick`"#
    );
    assert_eq!(
        error_of(&with(r#"price = "1""#, "price = \"1\"\ntick = 0")),
        "t.toml:37:8: cl_pools[0].tick: give the initial `price` or `tick`, not both"
    );
    assert_eq!(
        error_of(&with(r#"price = "1""#, "tick = 887272")),
        "t.toml:36:8: cl_pools[0].tick: an initial tick lies in -887272..887272 (the last one excluded)"
    );
    // Line 35 `fee_pips = 2500`: not a standard fee, so no default spacing.
    assert_eq!(
        error_of(&with("fee_pips = 3000", "fee_pips = 2500")),
        "t.toml:35:12: cl_pools[0].tick_spacing: 2500 is not a standard fee \
         (100 (spacing 1), 500 (spacing 10), 3000 (spacing 60), 10000 (spacing 200)): give `tick_spacing`"
    );
    let custom = parse(
        &with("fee_pips = 3000", "fee_pips = 2500\ntick_spacing = 60"),
        "t.toml",
        "t",
    )
    .unwrap();
    assert_eq!(
        custom.cl.pools[0].fee_tier,
        FeeTier {
            fee_pips: 2_500,
            tick_spacing: 60
        }
    );
    assert_eq!(
        error_of(&with("fee_pips = 3000", "fee_pips = 1000000")),
        "t.toml:35:12: cl_pools[0].fee_pips: below 1000000 (hundredths of a bip: 3000 is 0.3%)"
    );
    assert_eq!(
        error_of(&with(
            "fee_pips = 3000",
            "fee_pips = 3000\ntick_spacing = 0"
        )),
        "t.toml:36:16: cl_pools[0].tick_spacing: between 1 and 16384"
    );
}

#[test]
fn pools_have_two_distinct_assets_once_per_fee() {
    assert_eq!(
        error_of(&with(
            r#"assets = ["AAA", "BBB"]"#,
            r#"assets = ["AAA", "AAA"]"#
        )),
        "t.toml:34:10: cl_pools[0].assets: the two assets of a CL pool differ"
    );
    assert_eq!(
        error_of(&with(
            r#"assets = ["AAA", "BBB"]"#,
            r#"assets = ["AAA", "CCC"]"#
        )),
        r#"t.toml:34:18: cl_pools[0].assets[1]: unknown token "CCC" (tokens: TRL, AAA, BBB)"#
    );
    // A second pool (lines 38-42) of the same pair in the other order at the same fee.
    let second = |fee: u32| {
        with(
            "\n[[cl_positions]]",
            &format!(
                "\n[[cl_pools]]\nname = \"P2\"\nassets = [\"BBB\", \"AAA\"]\nfee_pips = {fee}\nprice = \"1\"\n\n[[cl_positions]]"
            ),
        )
    };
    assert_eq!(
        error_of(&second(3000)),
        r#"t.toml:40:10: cl_pools[1].assets: CL pool "P" already has these assets and fee (the factory lists one per pair and fee)"#
    );
    assert_eq!(
        parse(&second(500), "t.toml", "t").unwrap().cl.pools.len(),
        2
    );
}

#[test]
fn protocol_fees_need_both_fields_within_the_pool_limit() {
    assert_eq!(
        error_of(&with(r#"price = "1""#, "price = \"1\"\nprotocol_fee_share_bps = 1000")),
        "t.toml:37:26: cl_pools[0].protocol_fee_share_bps: a protocol fee needs `fee_collector` (the account it is owed to)"
    );
    assert_eq!(
        error_of(&with(
            r#"price = "1""#,
            "price = \"1\"\nprotocol_fee_share_bps = 5001\nfee_collector = \"fees\""
        )),
        "t.toml:37:26: cl_pools[0].protocol_fee_share_bps: between 1 and 5000 (the pool's limit)"
    );
}

#[test]
fn swaps_take_one_form() {
    let swap = |body: &str| with(r#"offer = "BBB", amount = "0.5""#, body);
    // Line 49: the message points at the pool (column 31) when no form or two are given.
    let forms =
        "t.toml:49:31: cl_traders[0].scripted[0].offer: a CL swap sells `offer` + `amount`, \
                 or moves the price `to_tick` or `to_price` (exactly one)";
    assert_eq!(error_of(&swap("to_tick = 60, to_price = \"1.1\"")), forms);
    assert_eq!(
        error_of(&with(r#", offer = "BBB", amount = "0.5""#, "")),
        forms
    );
    assert_eq!(
        error_of(&swap(r#"offer = "BBB""#)),
        "t.toml:49:44: cl_traders[0].scripted[0].amount: an exact-in swap needs `offer` and `amount`"
    );
    assert_eq!(
        error_of(&swap("to_tick = 60, min_out = 1")),
        "t.toml:49:60: cl_traders[0].scripted[0].min_out: `min_out` applies to `offer` + `amount` swaps"
    );
    assert_eq!(
        error_of(&swap("to_tick = 887272")),
        "t.toml:49:46: cl_traders[0].scripted[0].to_tick: a target tick lies strictly between -887272 and 887272"
    );
    assert_eq!(
        error_of(&swap(r#"to_price = "0""#)),
        "t.toml:49:47: cl_traders[0].scripted[0].to_price: a price must be positive"
    );
    assert_eq!(
        error_of(&swap(r#"offer = "TRL", amount = "0.5""#)),
        r#"t.toml:49:44: cl_traders[0].scripted[0].offer: "TRL" is not an asset of this pool (assets: AAA, BBB)"#
    );
    assert_eq!(
        error_of(&swap(r#"offer = "BBB", amount = "0""#)),
        "t.toml:49:60: cl_traders[0].scripted[0].amount: must be positive"
    );
    // A target tick and a target price become sqrt prices.
    let plan = parse(&swap("to_tick = 60"), "t.toml", "t").unwrap();
    let ClTraderKind::Scripted(swaps) = &plan.cl.traders[0].kind else {
        panic!("t is scripted");
    };
    assert_eq!(
        swaps[0].kind,
        ClSwapKind::ToSqrtPrice {
            sqrt_price: cosmwasm_std::Uint256::from(79_466_191_966_197_645_195_421_774_833u128)
        }
    );
}

#[test]
fn traders_are_scripted_or_random() {
    assert_eq!(
        error_of(&with(
            "random = { seed = 1",
            "scripted = [{ at = 10, pool = \"P\", to_tick = 60 }]\nrandom = { seed = 1"
        )),
        "t.toml:55:10: cl_traders[1].random: a CL trader is either `scripted` or `random`, not both"
    );
    assert_eq!(
        error_of(&with(
            "random = { seed = 1, every = 10, pools = [\"P\"], max_ticks = 30 }\n",
            ""
        )),
        "t.toml:52:8: cl_traders[1].scripted: a CL trader needs `scripted = [...]` swaps or `random = { ... }`"
    );
    // Line 54: the max_ticks value at column 61, the every value at column 30.
    assert_eq!(
        error_of(&with("max_ticks = 30", "max_ticks = 0")),
        "t.toml:54:61: cl_traders[1].random.max_ticks: between 1 and 887272"
    );
    assert_eq!(
        error_of(&with("every = 10", "every = 0")),
        "t.toml:54:30: cl_traders[1].random.every: must be positive and at most the duration"
    );
}

#[test]
fn cl_accounts_are_their_own() {
    let reserved = r#"["owner", "treasury", "liquidity"]"#;
    // Line 40: a position owner that is a CL trader.
    assert_eq!(
        error_of(&with(r#"owner = "lp""#, r#"owner = "t""#)),
        format!(
            "t.toml:40:9: cl_positions[0].owner: \"t\" is already an account: a position owner is an account of its own \
             (it receives exactly what its positions deposit) (users, traders, fee collectors and {reserved} are others)"
        )
    );
    // Line 52: a CL trader with a reserved name.
    assert_eq!(
        error_of(&with(r#"name = "r""#, r#"name = "owner""#)),
        format!(
            "t.toml:52:8: cl_traders[1].name: \"owner\" is already an account: a CL trader is an account of its own \
             (users, traders, fee collectors and {reserved} are others)"
        )
    );
    // Line 38: the fee collector is the position owner.
    assert_eq!(
        error_of(&with(
            r#"price = "1""#,
            "price = \"1\"\nprotocol_fee_share_bps = 1000\nfee_collector = \"lp\""
        )),
        format!(
            "t.toml:38:17: cl_pools[0].fee_collector: \"lp\" is already an account: the fee collector is an account of \
             its own, so its fees are visible (users, traders, fee collectors and {reserved} are others)"
        )
    );
    // An owner with two positions is one account.
    let two = BASE.replacen(
        "\n[[cl_traders]]",
        "\n[[cl_positions]]\nname = \"q\"\nowner = \"lp\"\npool = \"P\"\nlower_tick = -120\nupper_tick = 120\namounts = { AAA = \"2\", BBB = \"2\" }\n\n[[cl_traders]]",
        1,
    );
    let plan = parse(&two, "t.toml", "t").unwrap();
    assert_eq!(
        plan.cl.owner_funding("lp"),
        [(1, 3_000_000), (2, 3_000_000)]
    );
}

/// A scripted CL swap selling more than the trader holds fails on chain (what a trader holds
/// then depends on its earlier swaps, so nothing refuses it before the run). The message names
/// the swap's line (49), the trader and the amounts in display units.
#[test]
fn a_cl_swap_beyond_the_traders_balance_names_its_line() {
    let text = with(
        "offer = \"BBB\", amount = \"0.5\"",
        "offer = \"BBB\", amount = \"2\"",
    );
    assert_eq!(
        run_error_of(&text),
        "t.toml:49: t sells 2 BBB in CL pool \"P\" at 10s, but holds 1 BBB. Fix: lower the \
         amount or give t more in its `balances`"
    );
}
