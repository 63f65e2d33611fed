//! Scenario errors name the file, line, column and field.
mod common;

use trellis_cli::scenario::parse;

use common::error_of;

/// A valid scenario; tests replace one piece of it. Line numbers are given in the comments.
/// Its one pool is solo, so its weight is 0: any more would give solo pools all of the
/// weight, which the farm's policy refuses (solo pools stay below half).
const BASE: &str = r#"name = "t"
duration = 100
step = 10

[[tokens]]
symbol = "TOK"
kind = "cw20"
decimals = 0

[[tokens]]
symbol = "LPT"
kind = "cw20"
decimals = 0

[farm]
clock = "time"
reward = { source = "mint", token = "TOK" }
schedule = { curve = "constant", rate = 10 }

[[pools]]
name = "P"
kind = "solo"
staking = "LPT"
weight = 0

[[users]]
name = "u"
balances = { "LPT" = 50 }
actions = [
  { at = 20, action = "deposit", pool = "P", amount = 50 },
  { at = 60, action = "claim" },
]
"#;

/// BASE with the first `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    common::with(BASE, from, to)
}

#[test]
fn the_base_scenario_is_valid() {
    let plan = parse(BASE, "t.toml", "t").unwrap();
    assert_eq!(plan.users[0].actions.len(), 2);
}

#[test]
fn syntax_error_has_line_and_column() {
    // Line 6 becomes `symbol = "TOK` (unterminated string): the parser stops at the end of
    // the line, column 14.
    let err = error_of(&with(r#"symbol = "TOK""#, r#"symbol = "TOK"#));
    assert!(
        err.starts_with("t.toml:6:14: tokens[0].symbol: invalid basic string"),
        "{err}"
    );
}

#[test]
fn unknown_field_is_named() {
    // Line 31: `  { at = 60, actoin = "claim" },` - the key `actoin` starts at column 14.
    let err = error_of(&with(r#"action = "claim""#, r#"actoin = "claim""#));
    assert!(
        err.starts_with("t.toml:31:14: users[0].actions[1].actoin: unknown field `actoin`"),
        "{err}"
    );
}

#[test]
fn wrong_enum_value_lists_the_choices() {
    // Line 16: `clock = "daily"`, value at column 9.
    let err = error_of(&with(r#"clock = "time""#, r#"clock = "daily""#));
    assert!(
        err.starts_with(
            "t.toml:16:9: farm.clock: unknown variant `daily`, expected `time` or `height`"
        ),
        "{err}"
    );
}

#[test]
fn unknown_token_names_the_pool_field() {
    // Line 23: `staking = "NOPE"`, the string at column 11.
    let err = error_of(&with(r#"staking = "LPT""#, r#"staking = "NOPE""#));
    assert_eq!(
        err,
        r#"t.toml:23:11: pools[0].staking: unknown token "NOPE" (tokens: TOK, LPT)"#
    );
}

#[test]
fn unknown_pool_in_an_action() {
    // Line 30: `  { at = 20, action = "deposit", pool = "Q", amount = 50 },`: "Q" at column 41.
    let err = error_of(&with(r#"pool = "P""#, r#"pool = "Q""#));
    assert_eq!(
        err,
        r#"t.toml:30:41: users[0].actions[0].pool: unknown pool "Q" (pools: P)"#
    );
}

#[test]
fn unknown_token_in_balances() {
    // Line 28: `balances = { "LPX" = 50 }`: the key at column 14.
    let err = error_of(&with(r#"{ "LPT" = 50 }"#, r#"{ "LPX" = 50 }"#));
    assert_eq!(
        err,
        r#"t.toml:28:14: users[0].balances: unknown token "LPX" (tokens: TOK, LPT)"#
    );
}

#[test]
fn amount_finer_than_the_token() {
    // LPT has 0 decimals; line 30's amount "0.5" starts at column 55.
    let err = error_of(&with("amount = 50 }", r#"amount = "0.5" }"#));
    assert_eq!(
        err,
        "t.toml:30:55: users[0].actions[0].amount: 0.5 has more fraction digits than the token's 0 decimals"
    );
}

#[test]
fn floats_are_refused() {
    // Line 30: the float 0.5 at column 55.
    let err = error_of(&with("amount = 50 }", "amount = 0.5 }"));
    assert!(
        err.starts_with(
            "t.toml:30:55: users[0].actions[0].amount: write fractional amounts as strings"
        ),
        "{err}"
    );
}

#[test]
fn action_after_the_end() {
    // Line 31: `  { at = 160, ...`: 160 at column 10.
    let err = error_of(&with("at = 60,", "at = 160,"));
    assert_eq!(
        err,
        "t.toml:31:10: users[0].actions[1].at: 160 s is after the end of the run (100 s)"
    );
}

#[test]
fn curve_fields_are_checked() {
    // Line 18: the constant curve given a step-decay field; `epoch`'s value at column 53.
    let err = error_of(&with("rate = 10 }", r#"rate = 10, epoch = "7d" }"#));
    assert_eq!(
        err,
        "t.toml:18:53: farm.schedule.epoch: not a field of curve = \"constant\" (it takes rate)"
    );
    // A step decay without `decay`: the error points at the curve's value, column 22.
    let err = error_of(&with(
        r#"curve = "constant", rate = 10"#,
        r#"curve = "step_decay", initial_rate = 10, epoch = 5"#,
    ));
    assert_eq!(
        err,
        "t.toml:18:22: farm.schedule.decay: curve = \"step_decay\" needs `decay`"
    );
}

#[test]
fn height_clock_needs_whole_blocks() {
    // 7 s is not a multiple of the 5 s block; line 31's `at = "7s"` value at column 10.
    let text =
        with(r#"clock = "time""#, r#"clock = "height""#).replacen("at = 60,", r#"at = "7s","#, 1);
    let err = error_of(&text);
    assert_eq!(
        err,
        "t.toml:31:10: users[0].actions[1].at: 7 s is not a whole number of 5 s blocks (the farm counts blocks)"
    );
}

#[test]
fn claim_takes_pools_not_pool() {
    // Line 31: `  { at = 60, action = "claim", pool = "P" },`: "P" at column 39.
    let err = error_of(&with(
        r#"action = "claim""#,
        r#"action = "claim", pool = "P""#,
    ));
    assert_eq!(
        err,
        "t.toml:31:39: users[0].actions[1].pool: `claim` takes no `pool` (use `pools = [...]`)"
    );
}

#[test]
fn mint_reward_must_be_cw20() {
    let text = with(
        "symbol = \"TOK\"\nkind = \"cw20\"",
        "symbol = \"TOK\"\nkind = \"native\"",
    );
    let err = error_of(&text);
    // Line 17: reward = { source = "mint", token = "TOK" }: "TOK" at column 37.
    assert_eq!(
        err,
        "t.toml:17:37: farm.reward.token: a minted reward must be a cw20 (the farm becomes its minter)"
    );
}

#[test]
fn a_negative_weight_names_the_expected_range() {
    // Line 24: `weight = -3`, the value at column 10.
    let err = error_of(&with("weight = 0", "weight = -3"));
    assert_eq!(
        err,
        "t.toml:24:10: pools[0].weight: -3 is not a whole number ≥ 0"
    );
}

#[test]
fn a_weight_above_the_farm_limit_is_refused() {
    // The farm's MAX_WEIGHT is 1_000_000_000; line 24's value at column 10.
    let err = error_of(&with("weight = 0", "weight = 1000000001"));
    assert_eq!(
        err,
        "t.toml:24:10: pools[0].weight: 1000000001 is not a weight from 0 to 1000000000"
    );
}

#[test]
fn a_zero_rate_is_out_of_range() {
    // Line 18: `schedule = { curve = "constant", rate = 0 }`: the rate's value at column 41.
    let err = error_of(&with("rate = 10 }", "rate = 0 }"));
    assert_eq!(
        err,
        "t.toml:18:41: farm.schedule.rate: out of range: rate must be positive, got 0"
    );
}

#[test]
fn a_solo_cap_of_half_or_more_is_refused() {
    // The farm keeps solo pools below half of the weight: at most 4999 bps. Line 19 is the new
    // policy line: `policy = { max_solo_share_bps = 5000 }`, the value at column 33.
    let err = error_of(&with(
        "schedule = { curve = \"constant\", rate = 10 }\n",
        "schedule = { curve = \"constant\", rate = 10 }\npolicy = { max_solo_share_bps = 5000 }\n",
    ));
    assert_eq!(
        err,
        "t.toml:19:33: farm.policy.max_solo_share_bps: 5000 is not a share from 0 to 4999 bps \
         (the farm keeps solo pools below half of the weight)"
    );
}

#[test]
fn an_empty_file_lists_every_missing_field() {
    assert_eq!(
        error_of(""),
        "t.toml:1:1: missing required fields: duration, step, tokens, farm, pools"
    );
    // Nested tables too: a farm without its reward and schedule, a token without a kind.
    let text = "duration = 1\nstep = 1\npools = []\n[[tokens]]\nsymbol = \"A\"\ndecimals = 0\n[farm]\nclock = \"time\"\n";
    assert_eq!(
        error_of(text),
        "t.toml:4:1: missing required fields: farm.reward, farm.schedule, tokens[0].kind"
    );
}

#[test]
fn sparse_escrow_gauge_options_and_cl_tables_list_every_missing_field() {
    // The farm part is complete; each other table lacks fields: the escrow its lock token, a
    // gauge type its weight, the options all but their symbol, a CL pool its assets and fee,
    // a CL farm its kind, pool, reward price and the reward's amount. Listed in the order of the tables.
    let text = "duration = 1\nstep = 1\ntokens = []\npools = []\n\
        [farm]\nclock = \"time\"\nreward = { source = \"mint\", token = \"A\" }\n\
        schedule = { curve = \"constant\" }\n\
        [escrow]\n[gauges]\ntypes = [{ name = \"a\" }]\n[options]\nsymbol = \"o\"\n\
        [[cl_pools]]\nname = \"P\"\n[[cl_farms]]\nname = \"f\"\nreward = { token = \"A\" }\n";
    let err = error_of(text);
    let (_, list) = err
        .split_once(": missing required fields: ")
        .expect("a list of fields");
    assert_eq!(
        list,
        "escrow.lock_token, gauges.types[0].weight, options.underlying, options.payment, \
         options.pool, options.window, options.multiplier_bps, options.delivery, \
         cl_pools[0].assets, cl_pools[0].fee_pips, cl_farms[0].kind, cl_farms[0].pool, \
         cl_farms[0].reward_price_in_token1, cl_farms[0].reward.amount"
    );
}

#[test]
fn a_native_pair_not_heavier_breaks_the_policy_before_the_run() {
    // Two LP pools under `native_pairs_outweigh`: N pairs the protocol token TOK (native), O
    // does not; the file gives both weight 5, so adding O finds the lightest native (5) not
    // above the heaviest other (5). O's `weight = 5` is on line 33 (the policy line moves the
    // pools down one), column 10.
    let text = format!(
        "{}{}",
        with(
            "schedule = { curve = \"constant\", rate = 10 }\n",
            "schedule = { curve = \"constant\", rate = 10 }\npolicy = { native_pairs_outweigh = true }\n",
        )
        .replace(
            "[[pools]]\nname = \"P\"\nkind = \"solo\"\nstaking = \"LPT\"\nweight = 0\n",
            "[[pools]]\nname = \"N\"\nkind = \"lp\"\nstaking = \"LPT\"\npair = [\"TOK\", \"OTH\"]\nweight = 5\n\n[[pools]]\nname = \"O\"\nkind = \"lp\"\nstaking = \"LPB\"\npair = [\"OTH\", \"OTB\"]\nweight = 5\n",
        )
        .replace("pool = \"P\"", "pool = \"N\""),
        "\n[[tokens]]\nsymbol = \"OTH\"\nkind = \"cw20\"\ndecimals = 0\n\n[[tokens]]\nsymbol = \"OTB\"\nkind = \"cw20\"\ndecimals = 0\n\n[[tokens]]\nsymbol = \"LPB\"\nkind = \"cw20\"\ndecimals = 0\n"
    );
    assert_eq!(
        error_of(&text),
        "t.toml:33:10: pools[1].weight: adding pool \"O\" with weight 5 breaks the allocation \
         policy: native pair pool \"N\" (weight 5) must be heavier than every other LP pool, but \
         \"O\" has weight 5. Fix: raise the pools paired with TOK above the others"
    );
}
