//! The `trellis` binary: exit codes, printed summary and written files.
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::bundled;

fn trellis(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trellis"))
        .args(args)
        .env("CI", "1")
        .output()
        .expect("running trellis")
}

fn scenario(name: &str) -> String {
    bundled(name).display().to_string()
}

fn out_dir(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(test);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn sim_prints_the_summary_and_writes_the_report() {
    let dir = out_dir("sim_reserve");
    let out = trellis(&[
        "sim",
        &scenario("reserve_runout.toml"),
        "--out",
        dir.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Scenario reserve_runout: 720 blocks (1h) on the height clock"),
        "{stdout}"
    );
    // 22,000 FUSE of schedule skipped once the 50,000 reserve ran dry.
    assert!(
        stdout.contains("skipped (reserve empty)  22,000  22000000000"),
        "{stdout}"
    );
    assert!(stdout.contains(
        "emitted 50000000000 = claimed 45000000000 + recovered 0 + rolled_over 0 + undistributed 5000000000 + pending 0: ok"
    ));
    for file in [
        "report.json",
        "timeseries.csv",
        "users.csv",
        "events.csv",
        "report.html",
    ] {
        assert!(dir.join(file).is_file(), "{file} missing");
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
    assert_eq!(json["summary"]["stream"]["skipped"], "22000000000");
    assert_eq!(json["samples"].as_array().unwrap().len(), 37);
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    // Six inline SVG charts (five, plus the reward per pool), no scripts, nothing fetched.
    assert_eq!(html.matches("<svg ").count(), 6);
    assert!(!html.contains("<script"));
    // The only URL is the SVG namespace of each chart.
    assert_eq!(
        html.matches("http").count(),
        html.matches(r#"xmlns="http://www.w3.org/2000/svg""#)
            .count()
    );
}

#[test]
fn sim_reports_scenario_errors_with_their_location() {
    let dir = out_dir("bad_scenario");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.toml");
    let text = std::fs::read_to_string(scenario("reserve_runout.toml"))
        .unwrap()
        .replacen("staking = \"FUSEFUSD-LP\"", "staking = \"NOPE-LP\"", 1);
    std::fs::write(&file, &text).unwrap();
    let out = trellis(&[
        "sim",
        file.to_str().unwrap(),
        "--out",
        dir.join("out").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().position(|l| l.contains("NOPE-LP")).unwrap() + 1;
    let expected = format!(
        "error: {}:{line}:11: pools[0].staking: unknown token \"NOPE-LP\" (tokens: FUSE, FUSD, FUSEFUSD-LP)",
        file.display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(!dir.join("out").exists());
}

#[cfg(not(feature = "bench"))]
#[test]
fn bench_without_the_feature_explains_how_to_enable_it() {
    let out = trellis(&["bench"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cargo run --release -p trellis-cli --features bench -- bench"),
        "{stderr}"
    );
}
