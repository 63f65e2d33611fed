//! Scenario errors of amm pools, joins, exits and traders: exact messages at exact positions.
mod common;

use trellis_cli::scenario::parse;
use trellis_cli::scenario::plan::{ActionPlan, TraderKind};

use common::error_of;

/// A valid scenario with an amm pool, a farm pool staking its LP token, a user who joins,
/// deposits, withdraws and exits, a scripted and a random trader. Tests replace one piece;
/// line numbers are given in the comments.
const BASE: &str = r#"name = "a"
duration = 100
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
weights = [80, 20]
swap_fee_bps = 30
lp_token = "P-LP"
initial_liquidity = { AAA = "4000", BBB = "1000" }

[[pools]]
name = "F"
kind = "lp"
staking = "P-LP"
weight = 1

[[users]]
name = "u"
balances = { AAA = "40", BBB = "10" }
actions = [
  { at = 10, action = "join", pool = "P", amounts = { AAA = "all", BBB = "all" } },
  { at = 10, action = "deposit", pool = "F", amount = "all" },
  { at = 80, action = "withdraw", pool = "F", amount = "all" },
  { at = 90, action = "exit", pool = "P", amount = "all" },
]

[[traders]]
name = "t"
balances = { AAA = "100" }
scripted = [
  { at = 20, pool = "P", offer = "AAA", amount = "10", min_out = "1" },
]

[[traders]]
name = "r"
balances = { AAA = "100", BBB = "25" }
random = { seed = 1, every = 30, pools = ["P"], max_size_bps = 100 }
"#;

/// BASE with the first `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    common::with(BASE, from, to)
}

#[test]
fn the_base_scenario_is_valid() {
    let plan = parse(BASE, "t.toml", "t").unwrap();
    // P-LP is the third token (after AAA and BBB), the LP token of amm pool 0. Weighted pools
    // mint 18-decimal LP whatever their assets' decimals (balances are scaled to 18 first).
    assert_eq!(plan.tokens[2].symbol, "P-LP");
    assert_eq!(
        (plan.tokens[2].amm_pool, plan.tokens[2].decimals),
        (Some(0), 18)
    );
    // The farm pool's pair is the amm pool's assets.
    assert_eq!(plan.pools[0].pair, Some([0, 1]));
    // 4000 AAA and 1000 BBB, 6 decimals each.
    assert_eq!(
        plan.amm_pools[0].initial_liquidity,
        [4_000_000_000, 1_000_000_000]
    );
    let actions: Vec<&ActionPlan> = plan.users[0].actions.iter().map(|a| &a.kind).collect();
    assert_eq!(
        actions,
        [
            &ActionPlan::Join {
                amm_pool: 0,
                max_amounts: [None, None]
            },
            &ActionPlan::Deposit {
                pool: 0,
                amount: None
            },
            &ActionPlan::Withdraw {
                pool: 0,
                amount: None
            },
            &ActionPlan::Exit {
                amm_pool: 0,
                amount: None
            },
        ]
    );
    assert!(matches!(plan.traders[0].kind, TraderKind::Scripted(_)));
    assert!(matches!(plan.traders[1].kind, TraderKind::Random(_)));
}

#[test]
fn weights_are_percentages_summing_to_100() {
    // Line 23 `weights = [80, 30]`: the array opens at column 11.
    assert_eq!(
        error_of(&with("weights = [80, 20]", "weights = [80, 30]")),
        "t.toml:23:11: amm_pools[0].weights: the weights are percentages and sum to 110, not 100"
    );
    // `weights = [100, 0]`: the 0 is at column 17.
    assert_eq!(
        error_of(&with("weights = [80, 20]", "weights = [100, 0]")),
        "t.toml:23:17: amm_pools[0].weights[1]: each weight is at least 1 (%)"
    );
    assert_eq!(
        error_of(&with("weights = [80, 20]", "weights = [100]")),
        "t.toml:23:11: amm_pools[0].weights: two weights in percent, in the order of `assets`"
    );
}

#[test]
fn assets_are_two_different_declared_tokens() {
    // Line 22 `assets = ["AAA", "CCC"]`: the second asset at column 18.
    assert_eq!(
        error_of(&with(
            r#"assets = ["AAA", "BBB"]"#,
            r#"assets = ["AAA", "CCC"]"#
        )),
        r#"t.toml:22:18: amm_pools[0].assets[1]: unknown token "CCC" (tokens: AAA, BBB)"#
    );
    // The array itself (column 10) when both are the same token.
    assert_eq!(
        error_of(&with(
            r#"assets = ["AAA", "BBB"]"#,
            r#"assets = ["AAA", "AAA"]"#
        )),
        "t.toml:22:10: amm_pools[0].assets: the two assets of an amm pool differ"
    );
}

/// A second amm pool `Q` inserted before `[[pools]]`: its lines are 28 to 34.
fn with_second_pool(assets: &str, weights: &str) -> String {
    with(
        "\n[[pools]]",
        &format!(
            "\n[[amm_pools]]\nname = \"Q\"\nassets = {assets}\nweights = {weights}\nswap_fee_bps = 30\nlp_token = \"Q-LP\"\ninitial_liquidity = {{ BBB = \"1\", AAA = \"1\" }}\n\n[[pools]]"
        ),
    )
}

#[test]
fn an_lp_token_is_not_a_pool_asset() {
    // Line 30 `assets = ["P-LP", "BBB"]`: P-LP at column 11.
    assert_eq!(
        error_of(&with_second_pool(r#"["P-LP", "BBB"]"#, "[50, 50]")),
        r#"t.toml:30:11: amm_pools[1].assets[0]: "P-LP" is the LP token of amm pool "P": an amm pool's assets are declared tokens"#
    );
}

#[test]
fn duplicate_pools_are_refused_in_either_order() {
    // BBB/AAA 20/80 is P (AAA/BBB 80/20) again: the factory would refuse it.
    assert_eq!(
        error_of(&with_second_pool(r#"["BBB", "AAA"]"#, "[20, 80]")),
        r#"t.toml:30:10: amm_pools[1].assets: amm pool "P" already has these assets and weights (the factory refuses duplicates)"#
    );
    // The same pair with other weights is another pool.
    let plan = parse(
        &with_second_pool(r#"["BBB", "AAA"]"#, "[50, 50]"),
        "t.toml",
        "t",
    )
    .unwrap();
    assert_eq!(plan.amm_pools[1].assets, [1, 0]);
}

#[test]
fn fee_and_lp_symbol_limits() {
    // Line 24: the fee at column 16, above the pool's 10% limit.
    assert_eq!(
        error_of(&with("swap_fee_bps = 30", "swap_fee_bps = 1001")),
        "t.toml:24:16: amm_pools[0].swap_fee_bps: at most 1000 (the pool's limit)"
    );
    // Line 25: the LP symbol at column 12 is a declared token's.
    assert_eq!(
        error_of(&with(r#"lp_token = "P-LP""#, r#"lp_token = "BBB""#)),
        r#"t.toml:25:12: amm_pools[0].lp_token: token "BBB" is already declared: the LP token needs its own symbol"#
    );
}

#[test]
fn initial_liquidity_gives_both_assets() {
    // Line 26: the table opens at column 21.
    assert_eq!(
        error_of(&with(
            r#"{ AAA = "4000", BBB = "1000" }"#,
            r#"{ AAA = "4000" }"#
        )),
        r#"t.toml:26:21: amm_pools[0].initial_liquidity: give an amount of both assets: { "AAA" = ..., "BBB" = ... }"#
    );
    // An unknown key at column 37.
    assert_eq!(
        error_of(&with(r#"BBB = "1000" }"#, r#"CCC = "1000" }"#)),
        r#"t.toml:26:37: amm_pools[0].initial_liquidity: unknown token "CCC" (tokens: AAA, BBB)"#
    );
    // A zero amount at column 29.
    assert_eq!(
        error_of(&with(r#"AAA = "4000""#, r#"AAA = "0""#)),
        "t.toml:26:29: amm_pools[0].initial_liquidity.AAA: must be positive"
    );
}

#[test]
fn protocol_fee_needs_share_and_collector() {
    let after_liquidity =
        |lines: &str| with("BBB = \"1000\" }\n", &format!("BBB = \"1000\" }}\n{lines}"));
    // Line 27: the share's value at column 26.
    assert_eq!(
        error_of(&after_liquidity("protocol_fee_share_bps = 100\n")),
        "t.toml:27:26: amm_pools[0].protocol_fee_share_bps: a protocol fee needs `fee_collector` (the account it is owed to)"
    );
    // Line 27: the collector's value at column 17.
    assert_eq!(
        error_of(&after_liquidity("fee_collector = \"fees\"\n")),
        "t.toml:27:17: amm_pools[0].fee_collector: a fee collector needs `protocol_fee_share_bps`"
    );
    assert_eq!(
        error_of(&after_liquidity(
            "protocol_fee_share_bps = 5001\nfee_collector = \"fees\"\n"
        )),
        "t.toml:27:26: amm_pools[0].protocol_fee_share_bps: between 1 and 5000 (the pool's limit)"
    );
    // Line 28: a collector named like the user `u`, or like the liquidity account.
    assert_eq!(
        error_of(&after_liquidity(
            "protocol_fee_share_bps = 100\nfee_collector = \"u\"\n"
        )),
        r#"t.toml:28:17: amm_pools[0].fee_collector: "u" is already an account: the fee collector is an account of its own, so its fees are visible"#
    );
    assert!(error_of(&after_liquidity(
        "protocol_fee_share_bps = 100\nfee_collector = \"liquidity\"\n"
    ))
    .starts_with(r#"t.toml:28:17: amm_pools[0].fee_collector: "liquidity" is already an account"#));
}

#[test]
fn lp_tokens_are_not_handed_out() {
    // Line 36: the LP token as a user balance, key at column 26.
    assert_eq!(
        error_of(&with(
            r#"balances = { AAA = "40", BBB = "10" }"#,
            r#"balances = { AAA = "40", P-LP = "10" }"#
        )),
        r#"t.toml:36:26: users[0].balances: "P-LP" is the LP token of amm pool "P": users get LP tokens by joining (give them the pool's assets and a `join` action)"#
    );
    // Line 46: as a trader balance, key at column 14.
    assert_eq!(
        error_of(&with(
            r#"balances = { AAA = "100" }"#,
            r#"balances = { P-LP = "100" }"#
        )),
        r#"t.toml:46:14: traders[0].balances: "P-LP" is the LP token of amm pool "P": traders hold the pools' assets, not LP tokens"#
    );
    // Line 17: as the reward, at column 37.
    assert_eq!(
        error_of(&with(r#"token = "AAA""#, r#"token = "P-LP""#)),
        r#"t.toml:17:37: farm.reward.token: "P-LP" is the LP token of amm pool "P": the reward is a declared token"#
    );
}

#[test]
fn farm_lp_pools_stake_amm_lp_tokens() {
    // Line 31: with amm pools, an lp farm pool of a declared token (column 11) is refused: the
    // farm would check it against the factory.
    assert_eq!(
        error_of(&with(r#"staking = "P-LP""#, r#"staking = "BBB""#)),
        "t.toml:31:11: pools[0].staking: with [[amm_pools]] the farm checks every LP pool against the pool factory: stake an amm pool's LP token (P-LP)"
    );
    // Line 30: an LP token in a solo pool, `kind`'s value at column 8.
    assert_eq!(
        error_of(&with(r#"kind = "lp""#, r#"kind = "solo""#)),
        r#"t.toml:30:8: pools[0].kind: "P-LP" is the LP token of amm pool "P": stake it in an `lp` pool"#
    );
    // Line 32: a pair that is not the amm pool's assets, at column 8.
    assert_eq!(
        error_of(&with(
            "staking = \"P-LP\"\n",
            "staking = \"P-LP\"\npair = [\"AAA\", \"AAA\"]\n"
        )),
        r#"t.toml:32:8: pools[0].pair: amm pool "P" holds AAA and BBB: the pair names them (or leave `pair` out)"#
    );
    // The pool's assets in the other order are the same pair.
    let text = with(
        "staking = \"P-LP\"\n",
        "staking = \"P-LP\"\npair = [\"BBB\", \"AAA\"]\n",
    );
    assert_eq!(
        parse(&text, "t.toml", "t").unwrap().pools[0].pair,
        Some([0, 1])
    );
}

#[test]
fn joins_name_an_amm_pool_and_both_assets() {
    // Line 38: `join` of the farm pool F: "F" at column 38.
    assert_eq!(
        error_of(&with(
            r#"action = "join", pool = "P""#,
            r#"action = "join", pool = "F""#
        )),
        r#"t.toml:38:38: users[0].actions[0].pool: unknown amm pool "F" (amm pools: P)"#
    );
    // `amount` instead of `amounts`, value at column 52.
    assert_eq!(
        error_of(&with(r#"amounts = { AAA = "all", BBB = "all" }"#, r#"amount = "1""#)),
        "t.toml:38:52: users[0].actions[0].amount: `join` takes no `amount` (use `amounts = { A = ..., B = ... }`, both assets)"
    );
    // One asset only: the table at column 53.
    assert_eq!(
        error_of(&with(
            r#"amounts = { AAA = "all", BBB = "all" }"#,
            r#"amounts = { AAA = "all" }"#
        )),
        r#"t.toml:38:53: users[0].actions[0].amounts: a join gives both assets: { "AAA" = ..., "BBB" = ... } (amounts or "all")"#
    );
    // A token that is not in the pool, key at column 68.
    assert_eq!(
        error_of(&with(r#"BBB = "all" }"#, r#"P-LP = "1" }"#)),
        r#"t.toml:38:68: users[0].actions[0].amounts: "P-LP" is not an asset of this pool (assets: AAA, BBB)"#
    );
    // Line 41: `exit` takes an LP amount, not `amounts` (column 53).
    assert_eq!(
        error_of(&with(
            r#"action = "exit", pool = "P", amount = "all""#,
            r#"action = "exit", pool = "P", amounts = { AAA = "1" }"#
        )),
        "t.toml:41:53: users[0].actions[3].amounts: `exit` takes no `amounts`"
    );
}

#[test]
fn traders_are_scripted_or_random() {
    // Line 47 becomes `random = {...}` in trader t, which is also scripted: column 10.
    assert_eq!(
        error_of(&with(
            "scripted = [",
            "random = { seed = 1, every = 30, pools = [\"P\"], max_size_bps = 1 }\nscripted = ["
        )),
        "t.toml:47:10: traders[0].random: a trader is either `scripted` or `random`, not both"
    );
    // Trader r without either: the error points at its name (line 52, column 8).
    assert_eq!(
        error_of(&with(
            "random = { seed = 1, every = 30, pools = [\"P\"], max_size_bps = 100 }\n",
            ""
        )),
        "t.toml:52:8: traders[1].scripted: a trader needs `scripted = [...]` swaps or `random = { ... }`"
    );
    // An empty script, line 47 column 12.
    let text = with(
        "scripted = [\n  { at = 20, pool = \"P\", offer = \"AAA\", amount = \"10\", min_out = \"1\" },\n]",
        "scripted = []",
    );
    assert_eq!(
        error_of(&text),
        "t.toml:47:12: traders[0].scripted: list at least one swap"
    );
}

#[test]
fn scripted_swaps_are_checked() {
    // Line 48: the offer at column 34 is not one of the pool's assets.
    assert_eq!(
        error_of(&with(r#"offer = "AAA""#, r#"offer = "P-LP""#)),
        r#"t.toml:48:34: traders[0].scripted[0].offer: "P-LP" is not an asset of this pool (assets: AAA, BBB)"#
    );
    // `min_out` is in the asset bought (BBB, 6 decimals), value at column 66.
    assert_eq!(
        error_of(&with(r#"min_out = "1""#, r#"min_out = "0.0000001""#)),
        "t.toml:48:66: traders[0].scripted[0].min_out: 0.0000001 has more fraction digits than the token's 6 decimals"
    );
}

#[test]
fn random_traders_are_checked() {
    // Line 54: `max_size_bps`'s value at column 64; 3000 bps is the pool's 30% cap.
    assert_eq!(
        error_of(&with("max_size_bps = 100", "max_size_bps = 3000")),
        "t.toml:54:64: traders[1].random.max_size_bps: between 1 and 2999: a swap takes less than 30% of the pool's balance (the pool's cap)"
    );
    // `every`'s value at column 30.
    assert_eq!(
        error_of(&with("every = 30", "every = 0")),
        "t.toml:54:30: traders[1].random.every: must be positive and at most the duration"
    );
    // An unknown pool in the list at column 43.
    assert_eq!(
        error_of(&with(r#"pools = ["P"]"#, r#"pools = ["Z"]"#)),
        r#"t.toml:54:43: traders[1].random.pools[0]: unknown amm pool "Z" (amm pools: P)"#
    );
}

#[test]
fn trader_names_are_accounts_of_their_own() {
    // Line 45: trader t named like the user u, column 8.
    assert_eq!(
        error_of(&with("name = \"t\"", "name = \"u\"")),
        r#"t.toml:45:8: traders[0].name: "u" is already an account: traders are named apart from users, other traders and ["owner", "treasury", "liquidity"]"#
    );
}

#[test]
fn unknown_fields_in_amm_tables_are_named() {
    // Line 24: the misspelt key itself, column 1.
    let err = error_of(&with("swap_fee_bps = 30", "swap_fee = 30"));
    assert!(
        err.starts_with("t.toml:24:1: amm_pools[0].swap_fee: unknown field `swap_fee`"),
        "{err}"
    );
    // Line 54: inside the inline `random` table, `seeds` at column 12.
    let err = error_of(&with("seed = 1", "seeds = 1"));
    assert!(
        err.starts_with("t.toml:54:12: traders[1].random.seeds: unknown field `seeds`"),
        "{err}"
    );
}

#[test]
fn too_little_initial_liquidity_is_refused_before_the_run() {
    // The first LP supply is the invariant of the amounts scaled to 18 decimals, and must exceed
    // the 1,000 base units the pool locks. At 6 decimals one base unit already scales to 10^12,
    // so the tokens get 18 decimals here. 1,000 base units of each: 1000^0.8 * 1000^0.2 = 1,000
    // exactly, and the pool's powers round down, so the supply is not above 1,000. The table
    // `{ AAA = ... }` of line 26 opens at column 21.
    let small = BASE.replace("decimals = 6", "decimals = 18").replace(
        r#"{ AAA = "4000", BBB = "1000" }"#,
        r#"{ AAA = "0.000000000000001", BBB = "0.000000000000001" }"#,
    );
    assert_eq!(
        error_of(&small),
        "t.toml:26:21: amm_pools[0].initial_liquidity: the first LP supply (the invariant of \
         these amounts scaled to 18 decimals) must exceed the 1000 LP base units the pool \
         locks: deposit more of both assets"
    );
    // Twice that, 2,000 of each: an invariant of 2,000 (less a rounding unit or two) passes.
    let enough = small.replace("0.000000000000001", "0.000000000000002");
    assert!(parse(&enough, "t.toml", "t").is_ok());
    // At the other end, 10^27 AAA of 6 decimals is 10^33 base units, which fits u128 (about
    // 3.4e38), but scaled by 10^12 to 18 decimals it is 10^45, which does not.
    let huge = with(
        r#"{ AAA = "4000", BBB = "1000" }"#,
        r#"{ AAA = "1000000000000000000000000000", BBB = "1000" }"#,
    );
    assert_eq!(
        error_of(&huge),
        "t.toml:26:21: amm_pools[0].initial_liquidity: these amounts scaled to 18 decimals do \
         not fit the pool's 128-bit math: deposit less"
    );
}
