//! A sim's chain written down (`trellis sim --record-chain`), served again over CometBFT
//! RPC (`trellis chain replay`) and followed by `trellis index run`, indexes to exactly the
//! rows `trellis sim --index` writes as the run executes: the two sources agree.
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use trellis_indexer::db::Db;
use trellis_indexer::dump::dump;
use trellis_indexer::source::replay::read_blocks;

/// Two hours of 5 s blocks (1,440 heights), three CL positions in an eternal farm, and the
/// classic farm the format needs.
const SCENARIO: &str = r#"
name = "replayed"
duration = "2h"
step = "30m"
block_time = "5s"

[[tokens]]
symbol = "TRL"
kind = "cw20"
decimals = 6

[[tokens]]
symbol = "TRL-LP"
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

[[cl_pools]]
name = "AAA-BBB"
assets = ["AAA", "BBB"]
fee_pips = 3000
price = "1.0"

[[cl_positions]]
name = "a"
owner = "lp-a"
pool = "AAA-BBB"
lower_tick = -120
upper_tick = 120
amounts = { AAA = "1000", BBB = "1000" }

[[cl_positions]]
name = "b"
owner = "lp-b"
pool = "AAA-BBB"
lower_tick = -600
upper_tick = 600
amounts = { AAA = "1000", BBB = "1000" }
open_at = "10m"

[[cl_positions]]
name = "c"
owner = "lp-b"
pool = "AAA-BBB"
lower_tick = -1200
upper_tick = 1200
amounts = { AAA = "500", BBB = "500" }

[[cl_farms]]
name = "eternal"
kind = "eternal"
pool = "AAA-BBB"
reward = { token = "INC", amount = "1000" }
reward_rate = "0.05"
reward_price_in_token1 = "1"

[[cl_farming]]
position = "a"
entries = [{ farm = "eternal", enter_at = 0, exit_at = "1h" }]
claim_at = ["1h"]

[[cl_farming]]
position = "b"
entries = [{ farm = "eternal", enter_at = "20m" }]

[[cl_traders]]
name = "walker"
balances = { AAA = "100000", BBB = "100000" }
random = { seed = 3, every = "15m", pools = ["AAA-BBB"], max_ticks = 30 }

[farm]
clock = "time"

[farm.reward]
source = "mint"
token = "TRL"

[farm.schedule]
curve = "constant"
rate = "0.1"

[[pools]]
name = "TRL-AAA"
kind = "lp"
staking = "TRL-LP"
pair = ["TRL", "AAA"]
weight = 1
"#;

fn trellis() -> Command {
    Command::new(env!("CARGO_BIN_EXE_trellis"))
}

/// Stops the replay server when the test ends, passed or not.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn dump_of(database: &str) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let db = Db::open(database).await.unwrap();
        let text = dump(&db).await.unwrap();
        db.close().await;
        text
    })
}

#[test]
fn a_recorded_chain_replayed_over_rpc_indexes_to_the_rows_the_sim_indexed() {
    let dir = std::env::temp_dir().join(format!("trellis-index-replay-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let scenario = dir.join("replayed.toml");
    std::fs::write(&scenario, SCENARIO).unwrap();
    let embedded = dir.join("embedded.db").display().to_string();
    let followed = dir.join("followed.db").display().to_string();
    let chain = dir.join("chain");

    let sim = trellis()
        .arg("sim")
        .arg(&scenario)
        .args(["-q", "--index", &embedded])
        .arg("--out")
        .arg(dir.join("report"))
        .arg("--record-chain")
        .arg(&chain)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&sim.stdout);
    assert!(
        sim.status.success(),
        "{}",
        String::from_utf8_lossy(&sim.stderr)
    );
    let blocks = read_blocks(&chain.join("blocks.jsonl")).unwrap();
    assert!(
        stdout.contains(&format!("Recorded {} blocks into", blocks.len())),
        "{stdout}"
    );
    // The sim's chain starts at height 1,000,000; 2 h of 5 s blocks end 1,440 heights on.
    let first = blocks.first().unwrap().height;
    assert_eq!(blocks.last().unwrap().height, first + 7_200 / 5);

    let port = free_port();
    let mut child = trellis()
        .args(["chain", "replay"])
        .arg(chain.join("blocks.jsonl"))
        .args(["--port", &port.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut banner = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut banner)
        .unwrap();
    let _server = Server(child);
    assert!(banner.starts_with("CometBFT RPC on"), "{banner}");

    let run = trellis()
        .args(["index", "run", "--rpc", &format!("http://127.0.0.1:{port}")])
        .args(["--database", &followed, "--batch", "100"])
        .args(["--start-height", &first.to_string()])
        .arg("--contracts")
        .arg(chain.join("contracts.toml"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );

    let (sim_rows, rpc_rows) = (dump_of(&embedded), dump_of(&followed));
    // Not two empty indexes: a deposit for each of the two positions that went to the
    // farming center (`c` never does), the farm, and the walker's swaps.
    let section = |name: &str| {
        sim_rows
            .split(&format!("# {name}\n"))
            .nth(1)
            .unwrap()
            .split("\n# ")
            .next()
            .unwrap()
            .lines()
            .count()
    };
    assert_eq!(section("deposits"), 2);
    assert_eq!(section("eternal_farmings"), 1);
    assert!(section("swaps") > 0);
    assert_eq!(sim_rows, rpc_rows);
    let _ = std::fs::remove_dir_all(&dir);
}
