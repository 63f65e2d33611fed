//! Scenario errors of CL farms and farmed positions: exact messages at exact positions.
mod common;

use trellis_cli::scenario::cl_farm_plan::ClFarmTerms;
use trellis_cli::scenario::parse;

use common::error_of;

/// A valid scenario: a CL pool at price 1, two positions, an eternal farm with a bonus,
/// tiers, a rate change and a top-up, a limit farm over [100, 800], and both positions
/// farmed. Tests replace one piece; line numbers are given in the comments.
const BASE: &str = r#"name = "a"
duration = 1000
step = 100

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

[[tokens]]
symbol = "INC"
kind = "native"
decimals = 6

[[tokens]]
symbol = "BNS"
kind = "native"
decimals = 6

[[tokens]]
symbol = "LCK"
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

[[cl_positions]]
name = "q"
owner = "lq"
pool = "P"
lower_tick = -600
upper_tick = 600
amounts = { AAA = "1", BBB = "1" }
open_at = 10
decreases = [{ at = 20, share_bps = 5000 }]
close_at = 900

[[cl_farms]]
name = "e"
kind = "eternal"
pool = "P"
reward = { token = "INC", amount = "100" }
reward_rate = "0.01"
reward_price_in_token1 = "0.5"
bonus = { token = "BNS", amount = "10" }
bonus_rate = "0.001"
bonus_price_in_token1 = "0.1"
min_width = 60
tiers = { token = "LCK", levels = [{ amount = "10", multiplier_bps = 15000 }, { amount = "100", multiplier_bps = 20000 }] }
set_rates = [{ at = 500, reward_rate = "0.02", bonus_rate = "0.002" }]
add_rewards = [{ at = 600, reward = "50", bonus = "5" }]

[[cl_farms]]
name = "l"
kind = "limit"
pool = "P"
reward = { token = "INC", amount = "100" }
reward_price_in_token1 = "0.5"
start = 100
end = 800

[[cl_farming]]
position = "p"
entries = [{ farm = "e", enter_at = 0, exit_at = 700, tokens_locked = "10" }, { farm = "l", enter_at = 50 }]
claim_at = [750]
collect_fees_at = [300]

[[cl_farming]]
position = "q"
entries = [{ farm = "e", enter_at = 30, exit_at = 850 }]
"#;

/// BASE with the first `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    common::with(BASE, from, to)
}

/// The error of `with(from, to)`.
fn refused(from: &str, to: &str) -> String {
    error_of(&with(from, to))
}

#[test]
fn the_base_scenario_is_valid() {
    let plan = parse(BASE, "t.toml", "t").unwrap();
    let farms = &plan.cl_farms;
    assert_eq!(farms.maker, "maker");
    assert_eq!(farms.farms.len(), 2);
    assert_eq!(
        farms.farms[1].terms,
        ClFarmTerms::Limit {
            start_secs: 100,
            end_secs: 800
        }
    );
    // p: in the center from 0 s to 700 s (the limit farm's exit is the settlement's): no
    // withdrawal before the end. q: from 30 s to 850 s, decreased at 20 s before, closed at
    // 900 s after.
    let spans: Vec<(u64, Option<u64>)> = farms
        .farmed
        .iter()
        .map(|f| (f.deposit_at(), f.withdraw_at()))
        .collect();
    assert_eq!(spans, [(0, None), (30, Some(850))]);
    assert_eq!(farms.farmed[0].entries[0].tokens_locked, 10_000_000);
}

#[test]
fn unknown_names() {
    // Line 98: `entries = [{ farm = "e", ...`; the farm's name starts at column 21.
    assert_eq!(
        refused(
            "{ farm = \"e\", enter_at = 0, exit_at = 700",
            "{ farm = \"x\", enter_at = 0, exit_at = 700"
        ),
        "t.toml:98:21: cl_farming[0].entries[0].farm: unknown CL farm \"x\" (CL farms: e, l)"
    );
    // Line 97: `position = "p"`.
    assert_eq!(
        refused("position = \"p\"", "position = \"zz\""),
        "t.toml:97:12: cl_farming[0].position: unknown CL position \"zz\" (CL positions: p, q)"
    );
    // Line 75: the eternal farm's `pool = "P"`.
    assert_eq!(
        refused(
            "kind = \"eternal\"\npool = \"P\"",
            "kind = \"eternal\"\npool = \"Q\""
        ),
        "t.toml:75:8: cl_farms[0].pool: unknown CL pool \"Q\" (CL pools: P)"
    );
    // Line 76: the reward's token.
    assert_eq!(
        refused("reward = { token = \"INC\", amount = \"100\" }\nreward_rate", "reward = { token = \"NOPE\", amount = \"100\" }\nreward_rate"),
        "t.toml:76:20: cl_farms[0].reward.token: unknown token \"NOPE\" (tokens: TRL, AAA, BBB, INC, BNS, LCK)"
    );
    // The farm's tables refuse unknown fields (line 77, `rate`).
    assert_eq!(
        refused("reward_rate = \"0.01\"", "rate = \"0.01\""),
        "t.toml:77:1: cl_farms[0].rate: unknown field `rate`, expected one of `name`, `kind`, `pool`, `reward`, `reward_price_in_token1`, `bonus`, `bonus_price_in_token1`, `reward_rate`, `bonus_rate`, `start`, `end`, `min_width`, `tiers`, `set_rates`, `add_rewards`"
    );
}

#[test]
fn limit_farm_timing() {
    // Entries close at the start (line 98, `{ farm = "l", enter_at = 100 }`).
    assert_eq!(
        refused("{ farm = \"l\", enter_at = 50 }", "{ farm = \"l\", enter_at = 100 }"),
        "t.toml:98:104: cl_farming[0].entries[1].enter_at: limit farm \"l\" starts at 100 s: entries close at its start"
    );
    // Exits open at the end.
    assert_eq!(
        refused("{ farm = \"l\", enter_at = 50 }", "{ farm = \"l\", enter_at = 50, exit_at = 799 }"),
        "t.toml:98:118: cl_farming[0].entries[1].exit_at: limit farm \"l\" ends at 800 s: its positions are locked until then"
    );
    // The campaign starts after the creation at deployment, ends after it starts, within the
    // run (lines 93 and 94).
    assert_eq!(
        refused("start = 100", "start = 0"),
        "t.toml:93:9: cl_farms[1].start: a limit farm starts after its creation at deployment (positions enter before the start)"
    );
    assert_eq!(
        refused("end = 800", "end = 100"),
        "t.toml:94:7: cl_farms[1].end: must be after the start (100 s)"
    );
    assert_eq!(
        refused("end = 800", "end = 1001"),
        "t.toml:94:7: cl_farms[1].end: 1001 s is after the end of the run (1000 s)"
    );
    assert_eq!(
        refused("start = 100\nend = 800", "start = 100"),
        "t.toml:89:8: cl_farms[1].end: a limit farm needs `start` and `end` (moments of the run)"
    );
    // Rates belong to eternal farms, times to limit farms.
    assert_eq!(
        refused("start = 100", "reward_rate = \"1\"\nstart = 100"),
        "t.toml:93:15: cl_farms[1].reward_rate: `reward_rate` belongs to eternal farms (a limit farm pays a fixed total over [start, end])"
    );
    assert_eq!(
        refused("min_width = 60", "min_width = 60\nstart = 5"),
        "t.toml:83:9: cl_farms[0].start: `start` belongs to limit farms (an eternal farm runs until it is emptied)"
    );
}

#[test]
fn amounts_rates_and_prices() {
    // Line 76: the reward's amount.
    assert_eq!(
        refused(
            "reward = { token = \"INC\", amount = \"100\" }\nreward_rate",
            "reward = { token = \"INC\", amount = \"0\" }\nreward_rate"
        ),
        "t.toml:76:36: cl_farms[0].reward.amount: a farm needs a positive reward amount"
    );
    assert_eq!(
        refused("reward_rate = \"0.01\"", "reward_rate = \"0\""),
        "t.toml:77:15: cl_farms[0].reward_rate: an eternal farm needs a positive rate for every token it pays"
    );
    assert_eq!(
        refused("bonus_rate = \"0.001\"", "bonus_rate = \"0\""),
        "t.toml:80:14: cl_farms[0].bonus_rate: an eternal farm needs a positive rate for every token it pays"
    );
    assert_eq!(
        refused("reward_rate = \"0.01\"", "reward_rate = \"0.0000001\""),
        "t.toml:77:15: cl_farms[0].reward_rate: 0.0000001 has more fraction digits than the token's 6 decimals"
    );
    // A bonus rate, a bonus price or a bonus top-up without a bonus.
    let no_bonus = with(
        "bonus = { token = \"BNS\", amount = \"10\" }\nbonus_rate = \"0.001\"\nbonus_price_in_token1 = \"0.1\"\n",
        "bonus_rate = \"0.001\"\n",
    );
    assert_eq!(
        error_of(&no_bonus),
        "t.toml:79:14: cl_farms[0].bonus_rate: this farm pays no bonus token: give `bonus` or drop `bonus_rate`"
    );
    let no_bonus_top_up = no_bonus
        .replace("bonus_rate = \"0.001\"\n", "")
        .replace(", bonus_rate = \"0.002\"", "")
        .replace("reward = \"50\", bonus = \"5\"", "bonus = \"5\"");
    assert_eq!(
        error_of(&no_bonus_top_up),
        "t.toml:82:36: cl_farms[0].add_rewards[0].bonus: this farm pays no bonus token"
    );
    assert_eq!(
        refused("bonus_price_in_token1 = \"0.1\"\n", ""),
        "t.toml:79:9: cl_farms[0].bonus_price_in_token1: a bonus needs `bonus_price_in_token1` (the APR values it at that price)"
    );
    assert_eq!(
        refused(
            "bonus = { token = \"BNS\", amount = \"10\" }",
            "bonus = { token = \"INC\", amount = \"10\" }"
        ),
        "t.toml:79:19: cl_farms[0].bonus.token: the bonus token must differ from the reward token"
    );
    // Rewards and locks are bank coins.
    assert_eq!(
        refused("reward = { token = \"INC\", amount = \"100\" }\nreward_rate", "reward = { token = \"TRL\", amount = \"100\" }\nreward_rate"),
        "t.toml:76:20: cl_farms[0].reward.token: \"TRL\" is a cw20: CL farm rewards and tier locks are native tokens (kind = \"native\")"
    );
    // Prices: positive, and one per token and pool.
    assert_eq!(
        refused(
            "reward_price_in_token1 = \"0.5\"\nbonus",
            "reward_price_in_token1 = \"0\"\nbonus"
        ),
        "t.toml:78:26: cl_farms[0].reward_price_in_token1: a price must be positive"
    );
    assert_eq!(
        refused("reward_price_in_token1 = \"0.5\"\nstart", "reward_price_in_token1 = \"0.6\"\nstart"),
        "t.toml:92:26: cl_farms[1].reward_price_in_token1: CL farm \"e\" of the same pool values INC at another price: one token, one price per pool"
    );
    // "0.50" is the same price as "0.5".
    assert!(parse(
        &with(
            "reward_price_in_token1 = \"0.5\"\nstart",
            "reward_price_in_token1 = \"0.50\"\nstart"
        ),
        "t.toml",
        "t"
    )
    .is_ok());
    // Rate changes and top-ups (lines 84 and 85).
    assert_eq!(
        refused("add_rewards = [{ at = 600, reward = \"50\", bonus = \"5\" }]", "add_rewards = [{ at = 600 }]"),
        "t.toml:85:23: cl_farms[0].add_rewards[0].reward: a top-up adds a positive `reward` or `bonus`"
    );
    assert_eq!(
        refused("set_rates = [{ at = 500, reward_rate = \"0.02\", bonus_rate = \"0.002\" }]", "set_rates = [{ at = 500, reward_rate = \"0.02\" }]"),
        "t.toml:84:21: cl_farms[0].set_rates[0].bonus_rate: the farm pays a bonus: give its new `bonus_rate` too (0 pauses it)"
    );
    assert_eq!(
        refused("set_rates = [{ at = 500,", "set_rates = [{ at = 510, reward_rate = \"0\", bonus_rate = \"0\" }, { at = 500,"),
        "t.toml:84:72: cl_farms[0].set_rates[1].at: in time order: after the previous one of the list"
    );
}

#[test]
fn tiers() {
    let levels = |text: &str| {
        with(
            "levels = [{ amount = \"10\", multiplier_bps = 15000 }, { amount = \"100\", multiplier_bps = 20000 }]",
            text,
        )
    };
    // Line 83: `tiers = { token = "LCK", levels = [...] }`.
    assert_eq!(
        error_of(&levels("levels = [{ amount = \"100\", multiplier_bps = 15000 }, { amount = \"10\", multiplier_bps = 20000 }]")),
        "t.toml:83:91: cl_farms[0].tiers.levels[1].amount: tiers are in increasing order: each locks more than the one before"
    );
    assert_eq!(
        error_of(&levels("levels = [{ amount = \"10\", multiplier_bps = 20000 }, { amount = \"100\", multiplier_bps = 15000 }]")),
        "t.toml:83:114: cl_farms[0].tiers.levels[1].multiplier_bps: tiers are in increasing order: each multiplies more than the one before"
    );
    assert_eq!(
        error_of(&levels("levels = [{ amount = \"10\", multiplier_bps = 60000 }]")),
        "t.toml:83:70: cl_farms[0].tiers.levels[0].multiplier_bps: between 10000 (1x) and 50000 (5x)"
    );
    assert_eq!(
        error_of(&levels(
            "levels = [{ amount = \"0\", multiplier_bps = 15000 }]"
        )),
        "t.toml:83:47: cl_farms[0].tiers.levels[0].amount: the first tier locks a positive amount"
    );
    assert_eq!(
        error_of(&levels("levels = []")),
        "t.toml:83:35: cl_farms[0].tiers.levels: 1 to 3 tiers"
    );
    // Locks: at least the first tier, and only in a farm with tiers (line 98).
    assert_eq!(
        refused("tokens_locked = \"10\"", "tokens_locked = \"9\""),
        "t.toml:98:71: cl_farming[0].entries[0].tokens_locked: 9 LCK reaches no tier (the first locks 10)"
    );
    assert_eq!(
        refused("{ farm = \"l\", enter_at = 50 }", "{ farm = \"l\", enter_at = 50, tokens_locked = \"1\" }"),
        "t.toml:98:124: cl_farming[0].entries[1].tokens_locked: CL farm \"l\" has no tiers: lock nothing"
    );
}

#[test]
fn farms_per_pool_and_entries_per_position() {
    // A second eternal farm on the pool (line 89: the limit farm's `kind`).
    assert_eq!(
        refused("kind = \"limit\"", "kind = \"eternal\""),
        "t.toml:89:8: cl_farms[1].kind: CL pool \"P\" already has an eternal farm (\"e\"): the farming center runs one live farm of each kind per pool"
    );
    // The same kind twice in one position.
    assert_eq!(
        refused("{ farm = \"l\", enter_at = 50 }", "{ farm = \"e\", enter_at = 50 }"),
        "t.toml:98:88: cl_farming[0].entries[1].farm: the position already enters eternal farm \"e\": at most one farm of each kind"
    );
    // Narrower than the farm's minimum width (p is 120 ticks wide).
    assert_eq!(
        refused("min_width = 60", "min_width = 180"),
        "t.toml:98:21: cl_farming[0].entries[0].farm: the range [-60, 60) is 120 ticks wide, narrower than the farm's min_width 180"
    );
    // Entering before the position opens (q opens at 10 s).
    assert_eq!(
        refused("{ farm = \"e\", enter_at = 30, exit_at = 850 }", "{ farm = \"e\", enter_at = 5, exit_at = 850 }"),
        "t.toml:104:37: cl_farming[1].entries[0].enter_at: the position opens at 10 s: it enters after that"
    );
    assert_eq!(
        refused(
            "{ farm = \"e\", enter_at = 30, exit_at = 850 }",
            "{ farm = \"e\", enter_at = 30, exit_at = 30 }"
        ),
        "t.toml:104:51: cl_farming[1].entries[0].exit_at: must be after the entry (30 s)"
    );
    // One plan per position, with at least one entry.
    assert_eq!(
        refused("position = \"q\"", "position = \"p\""),
        "t.toml:103:12: cl_farming[1].position: CL position \"p\" already has a [[cl_farming]] plan: list all its entries in one"
    );
    assert_eq!(
        refused(
            "entries = [{ farm = \"e\", enter_at = 30, exit_at = 850 }]",
            "entries = []"
        ),
        "t.toml:104:11: cl_farming[1].entries: list at least one farm to enter"
    );
}

#[test]
fn the_position_while_the_center_holds_it() {
    // q is held from 30 s to 850 s: a decrease at 40 s (line 69) or a close at 850 s
    // (line 70) is refused; fees are collected only then (p: from 0 s to the end).
    assert_eq!(
        refused("decreases = [{ at = 20,", "decreases = [{ at = 40,"),
        "t.toml:69:21: cl_positions[1].decreases[0].at: the farming center holds position \"q\" from 30 s to 850 s: it cannot be decreased then"
    );
    assert_eq!(
        refused("close_at = 900", "close_at = 850"),
        "t.toml:70:12: cl_positions[1].close_at: the farming center holds position \"q\" from 30 s to 850 s: it closes after its last exit"
    );
    assert_eq!(
        refused("decreases = [{ at = 20, share_bps = 5000 }]", "decreases = [{ at = 20, share_bps = 10000 }]"),
        "t.toml:69:21: cl_positions[1].decreases[0].at: this removes all of position \"q\"'s liquidity before it is deposited at 30 s (an empty position cannot farm)"
    );
    let collect = with(
        "entries = [{ farm = \"e\", enter_at = 30, exit_at = 850 }]",
        "entries = [{ farm = \"e\", enter_at = 30, exit_at = 850 }]\ncollect_fees_at = [20]",
    );
    assert_eq!(
        error_of(&collect),
        "t.toml:105:20: cl_farming[1].collect_fees_at[0]: fees are collected through the center while it holds the position (from 30 s to 850 s, the last exit excluded)"
    );
    assert_eq!(
        refused("claim_at = [750]", "claim_at = [750, 700]"),
        "t.toml:99:18: cl_farming[0].claim_at[1]: in time order: after the previous one of the list"
    );
}

#[test]
fn the_incentive_maker_is_an_account_of_its_own() {
    assert_eq!(
        error_of(&format!("cl_incentive_maker = \"lp\"\n{BASE}")),
        "t.toml:1:22: cl_incentive_maker: \"lp\" is already an account: the incentive maker is an account of its own \
         (users, traders, fee collectors, position owners and [\"owner\", \"treasury\", \"liquidity\"] are others)"
    );
    // The default name taken by a position owner.
    assert_eq!(
        refused("owner = \"lq\"", "owner = \"maker\""),
        "t.toml:73:8: cl_incentive_maker: \"maker\" (the default incentive maker) is already an account: name another with `cl_incentive_maker`"
    );
    // A maker with nothing to make.
    let no_farms = BASE.split("[[cl_farms]]").next().unwrap();
    assert_eq!(
        error_of(&format!("cl_incentive_maker = \"m\"\n{no_farms}")),
        "t.toml:1:22: cl_incentive_maker: an incentive maker creates [[cl_farms]]: the scenario declares none"
    );
    let named = parse(
        &format!("cl_incentive_maker = \"m\"\n{BASE}"),
        "t.toml",
        "t",
    )
    .unwrap();
    assert_eq!(named.cl_farms.maker, "m");
}

#[test]
fn a_farm_on_another_pool() {
    let two = with(
        "[[cl_positions]]\nname = \"p\"",
        "[[cl_pools]]\nname = \"P2\"\nassets = [\"AAA\", \"BBB\"]\nfee_pips = 500\nprice = \"1\"\n\n[[cl_positions]]\nname = \"p\"",
    )
    .replacen("kind = \"limit\"\npool = \"P\"", "kind = \"limit\"\npool = \"P2\"", 1);
    assert_eq!(
        error_of(&two),
        "t.toml:104:88: cl_farming[0].entries[1].farm: CL farm \"l\" is on another pool than position \"p\""
    );
}
