//! Crash safety: `trellis index run` follows a chain served in CometBFT's format (the
//! quickstart's real events, replayed), is SIGKILLed again and again at moments drawn from a
//! fixed seed, restarted each time, and must end with exactly the rows of one uninterrupted
//! run: nothing lost, nothing indexed twice.
mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use indicatif::ProgressBar;
use trellis_cli::runner;
use trellis_cli::scenario;
use trellis_cli::sim_record::{ChainRecorder, BLOCKS_FILE, CONTRACTS_FILE};
use trellis_indexer::db::Db;
use trellis_indexer::dump::dump;
use trellis_indexer::source::replay::{read_blocks, serve_replay};
use trellis_indexer::Block;

/// The quickstart's blocks as `trellis sim --record-chain` writes them, renumbered 1..=N (a
/// replay serves every height up to the last, and the 500,000 empty heights between the
/// sim's would only slow the test), and the contracts file. `run` names the scratch folder:
/// the SQLite and PostgreSQL tests run at once in one process.
fn quickstart_chain(run: &str) -> (Vec<Block>, String) {
    let plan = scenario::load(&common::bundled("quickstart.toml")).unwrap();
    let dir = std::env::temp_dir().join(format!(
        "trellis-kill-resume-chain-{run}-{}",
        std::process::id()
    ));
    let mut recorder = ChainRecorder::create(&dir).unwrap();
    runner::run_tapped(&plan, &ProgressBar::hidden(), &mut recorder).unwrap();
    let mut blocks = read_blocks(&dir.join(BLOCKS_FILE)).unwrap();
    for (i, block) in blocks.iter_mut().enumerate() {
        block.height = i as u64 + 1;
    }
    let contracts = std::fs::read_to_string(dir.join(CONTRACTS_FILE)).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    (blocks, contracts)
}

fn index_run(rpc: &str, database: &str, contracts: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_trellis"));
    command
        .args([
            "index",
            "run",
            "--rpc",
            rpc,
            "--database",
            database,
            "--batch",
            "4",
        ])
        .arg("--contracts")
        .arg(contracts)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    command
}

/// SplitMix64: the kill moments, the same on every run.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

async fn dump_of(database: &str) -> String {
    let db = Db::open(database).await.unwrap();
    let text = dump(&db).await.unwrap();
    db.close().await;
    text
}

fn kill_and_resume(run: &str, killed_db: &str, clean_db: &str) {
    let (blocks, contracts_toml) = quickstart_chain(run);
    let last = blocks.last().unwrap().height;
    let dir =
        std::env::temp_dir().join(format!("trellis-kill-resume-{run}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let contracts = dir.join("contracts.toml");
    std::fs::write(&contracts, contracts_toml).unwrap();

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let rpc = format!("http://{}", listener.local_addr().unwrap());
    runtime.spawn(serve_replay(blocks, listener));

    let mut seed = 42;
    let mut kills = 0;
    let started = Instant::now();
    loop {
        let mut child = index_run(&rpc, killed_db, &contracts).spawn().unwrap();
        let wait = Duration::from_millis(40 + next(&mut seed) % 260);
        std::thread::sleep(wait);
        if child.try_wait().unwrap().is_some_and(|s| s.success()) {
            break;
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        kills += 1;
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "never completed"
        );
    }
    assert!(
        kills >= 2,
        "killed only {kills} times: the test did not interrupt the indexer"
    );
    let clean = index_run(&rpc, clean_db, &contracts).status().unwrap();
    assert!(clean.success());

    let (killed, clean) =
        runtime.block_on(async { (dump_of(killed_db).await, dump_of(clean_db).await) });
    assert_eq!(
        killed, clean,
        "killed {kills} times, the index differs from a clean run"
    );
    assert!(clean.ends_with(&format!(
        "# cursor {last} {}\n",
        clean.lines().last().unwrap().rsplit(' ').next().unwrap()
    )));
    assert!(clean.contains("# farm_positions\n"));
    assert!(
        clean.lines().count() > 100,
        "the chain indexed next to nothing"
    );
}

#[test]
fn killed_and_restarted_indexing_equals_an_uninterrupted_run_on_sqlite() {
    let dir = std::env::temp_dir().join(format!("trellis-kill-sqlite-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    kill_and_resume(
        "sqlite",
        &dir.join("killed.db").display().to_string(),
        &dir.join("clean.db").display().to_string(),
    );
}

#[test]
fn killed_and_restarted_indexing_equals_an_uninterrupted_run_on_postgres() {
    let Ok(server) = std::env::var("TRELLIS_TEST_POSTGRES") else {
        eprintln!("TRELLIS_TEST_POSTGRES not set: the PostgreSQL run is skipped");
        return;
    };
    let base = server.rsplit_once('/').unwrap().0.to_string();
    let names = [
        format!("kill_killed_{}", std::process::id()),
        format!("kill_clean_{}", std::process::id()),
    ];
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        sqlx::any::install_default_drivers();
        let admin = sqlx::AnyPool::connect(&server).await.unwrap();
        for name in &names {
            sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
                .execute(&admin)
                .await
                .unwrap();
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin)
                .await
                .unwrap();
        }
    });
    drop(runtime);
    kill_and_resume(
        "postgres",
        &format!("{base}/{}", names[0]),
        &format!("{base}/{}", names[1]),
    );
}
