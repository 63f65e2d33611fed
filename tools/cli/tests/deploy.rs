//! `trellis deploy`: the dry run prints every message of `deploy/local.toml`; a real
//! deployment to wasmd (when `scripts/wasmd.sh start` runs one) instantiates, wires and
//! records, and a rerun sends nothing.
use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn trellis(args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_trellis"));
    command.args(args).current_dir(root());
    command.env_remove("TRELLIS_DEPLOY_MNEMONIC");
    for (k, v) in envs {
        command.env(k, v);
    }
    command.output().unwrap()
}

#[test]
fn the_dry_run_prints_every_message_and_needs_no_key() {
    let record =
        std::env::temp_dir().join(format!("trellis-deploy-dry-{}.json", std::process::id()));
    let out = trellis(
        &[
            "deploy",
            "deploy/local.toml",
            "--dry-run",
            "--record",
            record.to_str().unwrap(),
        ],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("store")).collect();
    assert_eq!(
        lines,
        [
            r#"inst   escrow: MsgInstantiateContract code trellis_voting_escrow.wasm label escrow admin ${deployer} msg {"lock_token":{"native":{"denom":"ulit"}},"owner":"${deployer}"}"#,
            r#"inst   farm: MsgInstantiateContract code trellis_farm.wasm label farm admin ${deployer} msg {"clock":"time","owner":"${deployer}","policy":{"max_solo_share_bps":4999,"native_pairs_outweigh":false,"protocol_token":{"native":{"denom":"ulit"}}},"reward":{"reserve":{"asset":{"native":{"denom":"ureward"}}}},"schedule":{"curve":{"constant":{"rate":"1000"}},"start":0},"voting_escrow":"${escrow}"}"#,
            r#"exec   escrow: MsgExecuteContract msg {"add_listener":{"address":"${farm}"}}"#,
            r#"exec   farm: MsgExecuteContract msg {"add_pool":{"kind":{"lp":{"pair":[{"native":{"denom":"ulit"}},{"native":{"denom":"uusdc"}}]}},"staking":{"native":{"denom":"ulp"}},"tokenless_share_pct":40,"weight":100}}"#,
        ]
    );
    assert_eq!(text.lines().filter(|l| l.starts_with("store")).count(), 2);
    assert!(!record.exists(), "a dry run writes no record");
}

#[test]
fn a_deployment_without_a_key_is_refused() {
    let record =
        std::env::temp_dir().join(format!("trellis-deploy-nokey-{}.json", std::process::id()));
    let out = trellis(
        &[
            "deploy",
            "deploy/local.toml",
            "--record",
            record.to_str().unwrap(),
        ],
        &[],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no key: set TRELLIS_DEPLOY_MNEMONIC"), "{err}");
}

#[test]
fn real_chain_deployment_is_wired_recorded_and_idempotent() {
    let get = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let (Some(rpc), Some(chain_id), Some(mnemonic)) = (
        get("TRELLIS_WASMD_RPC"),
        get("TRELLIS_WASMD_CHAIN_ID"),
        get("TRELLIS_WASMD_MNEMONIC"),
    ) else {
        assert!(
            get("TRELLIS_REQUIRE_CHAIN").is_none(),
            "TRELLIS_REQUIRE_CHAIN set without a chain"
        );
        eprintln!("no chain (TRELLIS_WASMD_RPC unset): the real deployment is skipped");
        return;
    };
    let dir = std::env::temp_dir().join(format!("trellis-deploy-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(root().join("deploy/local.toml")).unwrap();
    let artifacts = root().join("artifacts").canonicalize().unwrap();
    let text = text
        .replace("http://127.0.0.1:36657", &rpc)
        .replace("trellis-local-1", &chain_id)
        .replace(
            "\"../artifacts\"",
            &format!("{:?}", artifacts.display().to_string()),
        );
    let file = dir.join("deploy.toml");
    std::fs::write(&file, text).unwrap();
    let envs = [("TRELLIS_DEPLOY_MNEMONIC", mnemonic.as_str())];

    let first = trellis(&["deploy", file.to_str().unwrap()], &envs);
    let out = String::from_utf8_lossy(&first.stdout);
    assert!(
        first.status.success(),
        "{out}\n{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(
        out.lines().filter(|l| l.starts_with("inst ")).count(),
        2,
        "{out}"
    );
    assert_eq!(
        out.lines().filter(|l| l.starts_with("exec ")).count(),
        2,
        "{out}"
    );
    let record_path = dir.join("deployments").join(format!("{chain_id}.json"));
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record_path).unwrap()).unwrap();
    assert_eq!(record["contracts"].as_object().unwrap().len(), 2);
    assert_eq!(record["executed"].as_array().unwrap().len(), 2);
    let farm = record["contracts"]["farm"]["address"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(farm.starts_with("wasm1"));

    // The wiring is on chain: the escrow lists the farm, the farm has its boosted pool.
    let escrow = record["contracts"]["escrow"]["address"]
        .as_str()
        .unwrap()
        .to_string();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let node = trellis_chain::Node::connect(trellis_chain::NodeConfig {
        rpc: rpc.clone(),
        chain_id: chain_id.clone(),
        fee_denom: "stake".into(),
        gas_price: 0.0,
        gas_adjustment: 1.3,
        prefix: "wasm".into(),
    })
    .unwrap();
    let (listeners, pool): (serde_json::Value, serde_json::Value) = runtime.block_on(async {
        (
            node.query_smart(&escrow, &serde_json::json!({"listeners": {}}))
                .await
                .unwrap(),
            node.query_smart(&farm, &serde_json::json!({"pool": {"pool_id": 0}}))
                .await
                .unwrap(),
        )
    });
    assert_eq!(listeners["listeners"], serde_json::json!([farm]));
    assert_eq!(pool["tokenless_share_pct"], 40);

    // A rerun sends nothing and leaves the record as it was.
    let before = std::fs::read_to_string(&record_path).unwrap();
    let second = trellis(&["deploy", file.to_str().unwrap()], &envs);
    let out = String::from_utf8_lossy(&second.stdout);
    assert!(second.status.success(), "{out}");
    let sent: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("stored") || l.starts_with("inst ") || l.starts_with("exec "))
        .collect();
    assert!(sent.is_empty(), "a rerun sent {sent:?}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("skip")).count(),
        6,
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(&record_path).unwrap(), before);
}
