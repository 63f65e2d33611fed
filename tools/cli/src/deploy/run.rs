//! The deployment's steps: store each code, instantiate each contract in file order, run the
//! wiring steps. Each is skipped when the record says it is done, and recorded as soon as it
//! is: a rerun, or a run after a failure, sends only what is missing.
use std::path::Path;

use anyhow::{bail, Context, Result};
use trellis_chain::wasm::checksum;
use trellis_chain::{Node, NodeConfig, Wallet};

use super::file::{replace_refs, substitute, DeploymentFile};
use super::record::{DeployedContract, Record, StoredCode};

/// Where the deploying key comes from: never the command line.
pub const MNEMONIC_ENV: &str = "TRELLIS_DEPLOY_MNEMONIC";
pub const MNEMONIC_FILE_ENV: &str = "TRELLIS_DEPLOY_MNEMONIC_FILE";

/// The deployer's mnemonic: `TRELLIS_DEPLOY_MNEMONIC`, or the file `TRELLIS_DEPLOY_MNEMONIC_FILE`
/// names (a keyring file of one line).
pub fn mnemonic_from_env() -> Result<String> {
    if let Ok(words) = std::env::var(MNEMONIC_ENV) {
        if !words.trim().is_empty() {
            return Ok(words);
        }
    }
    if let Ok(path) = std::env::var(MNEMONIC_FILE_ENV) {
        return std::fs::read_to_string(&path)
            .with_context(|| format!("reading the key file {path} ({MNEMONIC_FILE_ENV})"));
    }
    bail!("no key: set {MNEMONIC_ENV} or {MNEMONIC_FILE_ENV} (a key is never taken from the command line)")
}

/// A wiring step's identity in the record: its index and its message.
fn step_id(index: usize, contract: &str, msg: &serde_json::Value) -> String {
    format!(
        "{index}:{contract}:{}",
        &checksum(msg.to_string().as_bytes())[..16]
    )
}

fn read_artifact(file: &DeploymentFile, base: &Path, name: &str) -> Result<Vec<u8>> {
    let path = base.join(&file.artifacts).join(name);
    std::fs::read(&path).with_context(|| {
        format!(
            "reading {} (build it with scripts/build-wasm.sh)",
            path.display()
        )
    })
}

/// Prints every message the deployment would send now (what the record does not hold yet),
/// without a key or a network.
pub fn dry_run(file: &DeploymentFile, base: &Path, record: &Record) -> Result<()> {
    let resolve = |name: &str| record.contracts.get(name).map(|c| c.address.clone());
    for artifact in artifacts_of(file) {
        let Ok(wasm) = read_artifact(file, base, &artifact) else {
            println!("store  {artifact}: not built yet (scripts/build-wasm.sh)");
            continue;
        };
        let sum = checksum(&wasm);
        match record.codes.get(&artifact) {
            Some(code) if code.checksum == sum => {
                println!(
                    "skip   store {artifact}: code {} (same checksum)",
                    code.code_id
                )
            }
            _ => println!(
                "store  {artifact}: MsgStoreCode {} bytes, sha256 {sum}",
                wasm.len()
            ),
        }
    }
    for c in &file.contracts {
        if let Some(done) = record.contracts.get(&c.name) {
            println!("skip   instantiate {}: at {}", c.name, done.address);
            continue;
        }
        let msg = substitute(&c.msg, &resolve)?;
        let admin = c.admin.clone().unwrap_or_else(|| "${deployer}".to_string());
        println!(
            "inst   {}: MsgInstantiateContract code {} label {} admin {admin} msg {msg}",
            c.name,
            c.artifact(),
            c.name
        );
    }
    for (i, e) in file.executes.iter().enumerate() {
        let msg = substitute(&e.msg, &resolve)?;
        if record.executed.contains(&step_id(i, &e.contract, &msg)) {
            println!("skip   execute {} #{i}", e.contract);
            continue;
        }
        println!("exec   {}: MsgExecuteContract msg {msg}", e.contract);
    }
    Ok(())
}

/// Every artifact the file uses, once each, in first-use order.
fn artifacts_of(file: &DeploymentFile) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for c in &file.contracts {
        let a = c.artifact();
        if !all.contains(&a) {
            all.push(a);
        }
    }
    all
}

/// What `${name}` stands for in a real deployment: the deployer, or a deployed contract.
fn resolve_ref(record: &Record, deployer: &str, name: &str) -> Option<String> {
    if name == "deployer" {
        return Some(deployer.to_string());
    }
    record.contracts.get(name).map(|d| d.address.clone())
}

/// Sends what the record does not hold yet; saves the record after every step.
pub async fn deploy(
    file: &DeploymentFile,
    base: &Path,
    record: &mut Record,
    record_path: &Path,
    mnemonic: &str,
) -> Result<()> {
    let node = Node::connect(NodeConfig {
        rpc: file.rpc.clone(),
        chain_id: file.chain_id.clone(),
        fee_denom: file.fee_denom.clone(),
        gas_price: file.gas_price,
        gas_adjustment: 1.3,
        prefix: file.prefix.clone(),
    })?;
    let mut wallet = Wallet::from_mnemonic(mnemonic, 0, &file.prefix)?;
    let deployer = wallet.addr();
    println!("deployer {deployer} on {}", file.chain_id);
    for artifact in artifacts_of(file) {
        let wasm = read_artifact(file, base, &artifact)?;
        let sum = checksum(&wasm);
        if let Some(code) = record.codes.get(&artifact) {
            if code.checksum == sum {
                println!("skip   store {artifact}: code {}", code.code_id);
                continue;
            }
        }
        let (code_id, tx) = node.store_code(&mut wallet, &wasm).await?;
        match tx {
            Some(tx) => println!("stored {artifact}: code {code_id} (gas {})", tx.gas_used),
            None => println!("found  {artifact}: code {code_id} already on chain"),
        }
        record.codes.insert(
            artifact,
            StoredCode {
                code_id,
                checksum: sum,
            },
        );
        record.save(record_path)?;
    }
    for c in &file.contracts {
        let code = record.codes[&c.artifact()].clone();
        if let Some(done) = record.contracts.get(&c.name) {
            if done.checksum != code.checksum {
                bail!(
                    "contract {} runs code {} but the artifact changed: migrate it (trellis deploy \
                     never replaces a deployed contract)",
                    c.name,
                    done.code_id
                );
            }
            println!("skip   instantiate {}: at {}", c.name, done.address);
            continue;
        }
        let resolve = |name: &str| resolve_ref(record, &deployer, name);
        let msg = substitute(&c.msg, &resolve)?;
        let admin = match c.admin.as_deref() {
            None => Some(deployer.clone()),
            Some("none") => None,
            Some(other) => Some(replace_refs(other, &resolve)),
        };
        let (address, tx) = node
            .instantiate(
                &mut wallet,
                code.code_id,
                &msg,
                &c.name,
                admin.as_deref(),
                &[],
            )
            .await?;
        println!("inst   {}: {address} (gas {})", c.name, tx.gas_used);
        record.contracts.insert(
            c.name.clone(),
            DeployedContract {
                address,
                code_id: code.code_id,
                checksum: code.checksum,
            },
        );
        record.save(record_path)?;
    }
    for (i, e) in file.executes.iter().enumerate() {
        let resolve = |name: &str| resolve_ref(record, &deployer, name);
        let msg = substitute(&e.msg, &resolve)?;
        let id = step_id(i, &e.contract, &msg);
        if record.executed.contains(&id) {
            println!("skip   execute {} #{i}", e.contract);
            continue;
        }
        let address = record.contracts[&e.contract].address.clone();
        let tx = node.execute(&mut wallet, &address, &msg, &[]).await?;
        println!("exec   {} #{i} (gas {})", e.contract, tx.gas_used);
        record.executed.push(id);
        record.save(record_path)?;
    }
    Ok(())
}
