//! `trellis sim --index` then `trellis index verify`, through the binary: a faithful index
//! passes, and one changed figure makes verify fail (exit 3) naming it.
mod common;

use std::process::{Command, Output};

use common::bundled;
use trellis_indexer::amount::pad;

fn trellis(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trellis"))
        .args(args)
        .output()
        .unwrap()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "trellis-index-verify-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs one SQL statement on the index.
fn corrupt(database: &str, sql: &str) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let db = trellis_indexer::db::Db::open(database).await.unwrap();
        let changed = sqlx::query(sql)
            .execute(db.pool())
            .await
            .unwrap()
            .rows_affected();
        assert_eq!(changed, 1, "{sql}");
        db.close().await;
    });
}

fn index_and_verify(scenario: &str, name: &str) -> String {
    let dir = temp_dir(name);
    let database = dir.join("index.db").display().to_string();
    let out = dir.join("report").display().to_string();
    let scenario = bundled(scenario).display().to_string();
    let sim = trellis(&["sim", &scenario, "-q", "--out", &out, "--index", &database]);
    assert!(
        sim.status.success(),
        "{}",
        String::from_utf8_lossy(&sim.stderr)
    );
    assert!(String::from_utf8_lossy(&sim.stdout).contains("Indexed "));
    let verify = trellis(&["index", "verify", "--database", &database]);
    let stdout = String::from_utf8_lossy(&verify.stdout).to_string();
    assert!(
        verify.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    assert!(
        stdout.contains("figures match the contracts' queries"),
        "{stdout}"
    );
    // A second sim into the same index is refused: it would be another chain.
    let again = trellis(&["sim", &scenario, "-q", "--out", &out, "--index", &database]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds a chain"));
    database
}

#[test]
fn quickstart_index_verifies_and_a_changed_stake_is_caught() {
    let database = index_and_verify("quickstart.toml", "quickstart");
    corrupt(
        &database,
        &format!(
            "UPDATE farm_positions SET staked = '{}' WHERE id = (SELECT MIN(id) FROM farm_positions)",
            pad(1)
        ),
    );
    let verify = trellis(&["index", "verify", "--database", &database]);
    assert_eq!(verify.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&verify.stderr);
    assert!(stderr.contains("staked: indexed 1, chain "), "{stderr}");
    assert!(stderr.contains("error: 1 of "), "{stderr}");
}

#[test]
fn foo_index_verifies_and_a_changed_lock_is_caught() {
    let database = index_and_verify("foo.toml", "foo");
    // Another bias: the power now differs from the chain by as much (same slope and time).
    corrupt(
        &database,
        &format!(
            "UPDATE locks SET bias = '{}' WHERE id = (SELECT MIN(id) FROM locks)",
            pad(1_000_000_000_000)
        ),
    );
    let verify = trellis(&["index", "verify", "--database", &database]);
    assert_eq!(verify.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&verify.stderr);
    assert!(stderr.contains("power now: indexed "), "{stderr}");
}
