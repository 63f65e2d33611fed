//! What the integration tests share: running a scenario (inline, bundled or through the
//! binary), reading a refused scenario's error, and the CL fixture of one pool and one
//! position. Each test file includes it with `mod common;` and uses a part of it.
#![allow(dead_code, unused_macros)] // each test file uses a part

use std::path::{Path, PathBuf};
use std::process::Command;

use cosmwasm_std::Uint128;
use indicatif::ProgressBar;
use trellis_cli::model::{Sample, SimReport};
use trellis_cli::{runner, scenario};

/// A day in seconds.
pub const DAY: u64 = 86_400;

/// Parses `text` as `inline.toml` and runs it to the end.
pub fn run_text(text: &str) -> SimReport {
    let plan = scenario::parse(text, "inline.toml", "inline").unwrap();
    runner::run(&plan, &ProgressBar::hidden()).unwrap()
}

/// The path of `scenarios/<name>`, the scenarios bundled with the repository.
pub fn bundled(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../scenarios")
        .join(name)
}

/// Loads the bundled `scenarios/<name>` and runs it to the end.
pub fn run_bundled(name: &str) -> SimReport {
    let plan = scenario::load(&bundled(name)).unwrap();
    runner::run(&plan, &ProgressBar::hidden()).unwrap()
}

/// The sample taken at `t` seconds.
pub fn sample_at(report: &SimReport, t: u64) -> &Sample {
    report.samples.iter().find(|s| s.t == t).unwrap()
}

/// A pair of amounts in base units.
pub fn u(values: [u128; 2]) -> [Uint128; 2] {
    values.map(Uint128::new)
}

/// The run's books conserve; if not, the violations are the message.
#[track_caller]
pub fn assert_conserved(report: &SimReport) {
    assert!(
        report.conserved(),
        "{:?}",
        report.summary.conservation.violations
    );
}

/// Runs `trellis sim scenarios/<name> --quiet --out <dir>`, asserts that it exits 0 (its
/// output is the message otherwise) and returns what it printed.
#[track_caller]
pub fn sim_quietly(name: &str, dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_trellis"))
        .args(["sim", bundled(name).to_str().unwrap(), "--quiet", "--out"])
        .arg(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The `report.json` written to `dir`.
pub fn report_json(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap()
}

/// The error `text` is refused with (file `t.toml`, name `t`), as the user reads it:
/// `t.toml:LINE:COLUMN: field: message`.
#[track_caller]
pub fn error_of(text: &str) -> String {
    scenario::parse(text, "t.toml", "t")
        .expect_err("the scenario should be refused")
        .to_string()
}

/// The message a run of `text` (file `t.toml`, valid before the run) stops with.
#[track_caller]
pub fn run_error_of(text: &str) -> String {
    let plan = scenario::parse(text, "t.toml", "t").unwrap();
    let err = runner::run(&plan, &ProgressBar::hidden()).expect_err("the run should fail");
    format!("{err:#}")
}

/// `base` with the first `from` replaced by `to`; `from` must be in it.
#[track_caller]
pub fn with(base: &str, from: &str, to: &str) -> String {
    assert!(base.contains(from), "BASE lacks {from}");
    base.replacen(from, to, 1)
}

/// The tokens of the CL fixture, 6 decimals each: TRL (a cw20, the placeholder farm's reward
/// and stake) and the CL pool's AAA and BBB (natives). More `[[tokens]]` may follow, then
/// [`one_cl_position!`]. Like it, it starts with a blank line and ends with a newline, so that
/// `concat!` puts the pieces of a scenario together.
macro_rules! cl_tokens {
    () => {
        r#"
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
"#
    };
}
#[allow(unused_imports)] // not every test file builds a CL scenario
pub(crate) use cl_tokens;

/// The rest of the CL fixture after [`cl_tokens!`]: a placeholder farm nobody stakes in, one
/// AAA/BBB CL pool `P` (0.3%, so spacing 60) at tick 0 (price 1), and one position `p` of
/// `lp` over [-60, 60) with 1 AAA and 1 BBB, opened at deployment (its liquidity is derived in
/// `tests/cl_runs.rs`).
macro_rules! one_cl_position {
    () => {
        r#"
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
tick = 0

[[cl_positions]]
name = "p"
owner = "lp"
pool = "P"
lower_tick = -60
upper_tick = 60
amounts = { AAA = "1", BBB = "1" }
"#
    };
}
#[allow(unused_imports)]
pub(crate) use one_cl_position;
