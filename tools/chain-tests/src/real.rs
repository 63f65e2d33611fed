//! The scenario's chain when it is wasmd: accounts derived from the funded test mnemonic,
//! codes stored from the artifacts (reused when already stored), every step's block kept.
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};
use serde_json::Value;
use trellis_chain::wasm::{execute_msg, send_msg};
use trellis_chain::{Node, NodeConfig, TxOutcome, Wallet};
use trellis_testing::ContractKind;

use crate::artifacts;
use crate::compare::{name_addresses, Names};
use crate::ledger::{by_key, Ledger, Moment, Step};

/// Tests of one process take turns with the genesis account (one sequence number).
static FUNDER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// How to reach the chain `scripts/wasmd.sh start` runs.
pub struct ChainEnv {
    pub rpc: String,
    pub chain_id: String,
    pub mnemonic: String,
    /// The test clock's file (`TRELLIS_WASMD_CLOCK`): `pause` moves the validator's clock
    /// ahead instead of waiting. `None`: pauses wait for wall time.
    pub clock: Option<PathBuf>,
}

impl ChainEnv {
    /// From `TRELLIS_WASMD_*`. Unset: `None`, and the caller skips, unless
    /// `TRELLIS_REQUIRE_CHAIN=1` (CI), which makes a missing chain a failure.
    pub fn from_env() -> Option<Self> {
        let get = |key: &str| std::env::var(key).ok().filter(|v| !v.is_empty());
        match (
            get("TRELLIS_WASMD_RPC"),
            get("TRELLIS_WASMD_CHAIN_ID"),
            get("TRELLIS_WASMD_MNEMONIC"),
        ) {
            (Some(rpc), Some(chain_id), Some(mnemonic)) => Some(Self {
                rpc,
                chain_id,
                mnemonic,
                clock: get("TRELLIS_WASMD_CLOCK").map(PathBuf::from),
            }),
            _ => {
                assert!(
                    get("TRELLIS_REQUIRE_CHAIN").is_none(),
                    "TRELLIS_REQUIRE_CHAIN is set but TRELLIS_WASMD_RPC, _CHAIN_ID or _MNEMONIC \
                     is not: start the chain with `eval \"$(bash scripts/wasmd.sh start)\"`"
                );
                eprintln!(
                    "no chain (TRELLIS_WASMD_RPC unset): the real-chain test is skipped; \
                     run `eval \"$(bash scripts/wasmd.sh start)\"` first"
                );
                None
            }
        }
    }

    pub fn node_config(&self) -> NodeConfig {
        NodeConfig {
            rpc: self.rpc.clone(),
            chain_id: self.chain_id.clone(),
            fee_denom: "stake".to_string(),
            gas_price: 0.0,
            gas_adjustment: 1.3,
            prefix: "wasm".to_string(),
        }
    }
}

/// One transaction's gas: `contract.action` (or `contract.instantiate`), what the SDK
/// charged, and the signed transaction's size (the ante handler charges per byte).
#[derive(Clone, Debug)]
pub struct GasRow {
    pub label: String,
    pub gas_used: u64,
    pub tx_bytes: usize,
    /// The contract message's JSON size (0 for a bank transfer): wasmd keeps an instantiation's
    /// message in the contract's code history, paying for every byte written.
    pub msg_bytes: usize,
    /// Whether this was the signer's first transaction (the SDK then also stores the
    /// account's public key).
    pub signer_first: bool,
}

pub struct RealLedger {
    node: Node,
    mnemonic: String,
    /// Account indices of this run start here: every run gets fresh accounts.
    base_index: u32,
    wallets: BTreeMap<String, Wallet>,
    contracts: BTreeMap<String, String>,
    names: Names,
    codes: BTreeMap<ContractKind, u64>,
    clock: Option<TestClock>,
    /// Accounts that have signed a transaction that went through.
    signed: std::collections::BTreeSet<String>,
    /// The block of every step, in order: the embedded run replays them.
    pub moments: Vec<Moment>,
    /// The SDK gas of every transaction, in order.
    pub gas: Vec<GasRow>,
}

impl RealLedger {
    /// Connects and stores every artifact (or finds it stored).
    pub async fn connect(env: &ChainEnv) -> Result<Self> {
        let node = Node::connect(env.node_config())?;
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH)?.as_nanos();
        let base_index = 1 + (nanos % (1 << 30)) as u32;
        let mut ledger = Self {
            node,
            mnemonic: env.mnemonic.clone(),
            base_index,
            wallets: BTreeMap::new(),
            contracts: BTreeMap::new(),
            names: Names::default(),
            codes: BTreeMap::new(),
            clock: env.clock.clone().map(TestClock),
            signed: Default::default(),
            moments: Vec::new(),
            gas: Vec::new(),
        };
        let _turn = FUNDER.lock().await;
        let mut funder = ledger.funder()?;
        for kind in ContractKind::ALL {
            let wasm = artifacts::read(kind)?;
            let (id, _) = ledger
                .node
                .store_code(&mut funder, &wasm)
                .await
                .with_context(|| format!("storing {}", artifacts::file_name(kind)))?;
            ledger.codes.insert(kind, id);
        }
        Ok(ledger)
    }

    pub fn node(&self) -> &Node {
        &self.node
    }

    fn funder(&self) -> Result<Wallet> {
        Wallet::from_mnemonic(&self.mnemonic, 0, &self.node.config.prefix)
    }

    fn wallet(&mut self, name: &str) -> Result<&mut Wallet> {
        if !self.wallets.contains_key(name) {
            let index = self.base_index + self.wallets.len() as u32;
            let wallet = Wallet::from_mnemonic(&self.mnemonic, index, &self.node.config.prefix)?;
            self.names.insert(&wallet.addr(), name);
            self.wallets.insert(name.to_string(), wallet);
        }
        Ok(self.wallets.get_mut(name).expect("just inserted"))
    }

    fn contract(&self, name: &str) -> Result<String> {
        self.contracts
            .get(name)
            .cloned()
            .with_context(|| format!("no contract named {name}"))
    }

    /// An address by name: a contract's, or an account's.
    fn resolve(&mut self, name: &str) -> Result<String> {
        match self.contracts.get(name) {
            Some(addr) => Ok(addr.clone()),
            None => Ok(self.wallet(name)?.addr()),
        }
    }

    async fn moment_of_latest(&self) -> Result<Moment> {
        let height = self.node.latest_height().await?;
        self.moment_at(height).await
    }

    async fn moment_at(&self, height: u64) -> Result<Moment> {
        Ok(Moment {
            height,
            time_nanos: self.node.block_time_nanos(height).await?,
        })
    }

    fn step(&mut self, label: String, signer: &str, msg: &Value, outcome: &TxOutcome) -> Step {
        let at = Moment {
            height: outcome.height,
            time_nanos: outcome.time_nanos,
        };
        self.moments.push(at);
        self.gas.push(GasRow {
            label,
            gas_used: outcome.gas_used,
            tx_bytes: outcome.tx_bytes,
            msg_bytes: msg.to_string().len(),
            signer_first: self.signed.insert(signer.to_string()),
        });
        let events = outcome
            .events
            .iter()
            .filter(|e| e.kind.starts_with("wasm"))
            .map(|e| {
                let attrs = e
                    .attributes
                    .iter()
                    // The SDK 0.50 tags each event with its message's index; the embedded
                    // chain does not (one message per transaction here).
                    .filter(|(k, _)| k != "msg_index")
                    .map(|(k, v)| (k.clone(), self.names.name_in(v)))
                    .collect();
                (e.kind.clone(), by_key(attrs))
            })
            .collect();
        Step {
            at,
            events,
            gas_used: Some(outcome.gas_used),
        }
    }
}

impl RealLedger {
    /// Stores a code that is not one of Trellis's contracts (a test contract); its id.
    pub async fn store(&mut self, wasm: &[u8]) -> Result<u64> {
        let _turn = FUNDER.lock().await;
        let mut funder = self.funder()?;
        Ok(self.node.store_code(&mut funder, wasm).await?.0)
    }

    /// Instantiates any stored code as `sender`, naming the contract `name`.
    pub async fn instantiate_code(
        &mut self,
        sender: &str,
        code_id: u64,
        name: &str,
        msg: &Value,
        funds: &[(&str, u128)],
    ) -> Result<String> {
        let admin = self.resolve(sender)?;
        let node = &self.node;
        let wallet = self.wallets.get_mut(sender).context("unknown sender")?;
        let (address, outcome) = node
            .instantiate(wallet, code_id, msg, name, Some(&admin), funds)
            .await?;
        self.names.insert(&address, name);
        self.contracts.insert(name.to_string(), address.clone());
        self.step(format!("{name}.instantiate"), sender, msg, &outcome);
        Ok(address)
    }
}

/// A short label of a message for the gas list: its first key.
fn label_of(contract: &str, msg: &Value) -> String {
    let action = msg
        .as_object()
        .and_then(|o| o.keys().next().cloned())
        .unwrap_or_default();
    format!("{contract}.{action}")
}

impl Ledger for RealLedger {
    fn addr(&mut self, name: &str) -> String {
        self.resolve(name).expect("a name")
    }

    fn name_contract(&mut self, name: &str, address: &str) {
        self.names.insert(address, name);
        self.contracts.insert(name.to_string(), address.to_string());
    }

    async fn fund(&mut self, to: &str, funds: &[(&str, u128)]) -> Result<()> {
        let to = self.resolve(to)?;
        let _turn = FUNDER.lock().await;
        let mut funder = self.funder()?;
        let msg = send_msg(&funder, &to, funds)?;
        let outcome = self.node.broadcast(&mut funder, &[msg]).await?;
        self.moments.push(Moment {
            height: outcome.height,
            time_nanos: outcome.time_nanos,
        });
        self.gas.push(GasRow {
            label: "bank.send".to_string(),
            gas_used: outcome.gas_used,
            tx_bytes: outcome.tx_bytes,
            msg_bytes: 0,
            // The genesis account's first transaction is before every run's.
            signer_first: false,
        });
        Ok(())
    }

    async fn instantiate(
        &mut self,
        sender: &str,
        kind: ContractKind,
        name: &str,
        msg: &Value,
        funds: &[(&str, u128)],
    ) -> Result<String> {
        let code_id = self.code_id(kind);
        self.instantiate_code(sender, code_id, name, msg, funds)
            .await
    }

    async fn try_execute(
        &mut self,
        sender: &str,
        contract: &str,
        msg: &Value,
        funds: &[(&str, u128)],
    ) -> Result<std::result::Result<Step, String>> {
        let address = self.contract(contract)?;
        self.wallet(sender)?;
        let node = &self.node;
        let wallet = self.wallets.get_mut(sender).expect("created above");
        let any = execute_msg(wallet, &address, msg, funds)?;
        let simulated = match node.simulate(wallet, std::slice::from_ref(&any)).await {
            Ok(gas) => gas,
            Err(e) => {
                let at = self.moment_of_latest().await?;
                self.moments.push(at);
                return Ok(Err(self.names.name_in(&format!("{e:#}"))));
            }
        };
        let outcome = node
            .broadcast_with_gas(wallet, &[any], node.gas_limit(simulated))
            .await?;
        Ok(Ok(self.step(
            label_of(contract, msg),
            sender,
            msg,
            &outcome,
        )))
    }

    async fn query(&mut self, contract: &str, msg: &Value) -> Result<Value> {
        let address = self.contract(contract)?;
        let (value, height): (Value, u64) = self.node.query_smart_at_latest(&address, msg).await?;
        let at = self.moment_at(height).await?;
        self.moments.push(at);
        Ok(name_addresses(value, &self.names))
    }

    async fn balance(&mut self, who: &str, denom: &str) -> Result<u128> {
        let address = self.resolve(who)?;
        let at = self.moment_of_latest().await?;
        self.moments.push(at);
        self.node.balance(&address, denom).await
    }

    async fn now_secs(&mut self) -> Result<u64> {
        let at = self.moment_of_latest().await?;
        self.moments.push(at);
        Ok(at.secs())
    }

    async fn pause(&mut self, secs: u64) -> Result<()> {
        let start = self.moment_of_latest().await?;
        // Wait for the first block stamped at least `secs` later. With the test clock, a
        // vote made after the move carries the new time: two blocks away. Without it, `secs`
        // of wall time.
        let polls = match &self.clock {
            Some(clock) => {
                clock.advance(secs)?;
                100
            }
            None => secs * 40 + 100,
        };
        for _ in 0..polls {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let now = self.moment_of_latest().await?;
            if now.secs() >= start.secs() + secs {
                return Ok(());
            }
        }
        bail!("the chain's clock did not move {secs} s")
    }

    fn code_id(&self, kind: ContractKind) -> u64 {
        self.codes[&kind]
    }

    fn is_real(&self) -> bool {
        true
    }
}

/// The validator's clock offset (`scripts/wasmd.sh`'s test clock): whole seconds ahead of
/// wall time, in a file the patched CometBFT reads whenever it stamps a vote.
struct TestClock(PathBuf);

impl TestClock {
    /// Moves the clock `secs` further ahead. The offset only grows (block times must); the
    /// new value is written beside the file and renamed over it, so the node never reads a
    /// half-written number.
    fn advance(&self, secs: u64) -> Result<()> {
        // Tests of one process share the chain: one read-modify-write at a time.
        static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let read = std::fs::read_to_string(&self.0)
            .with_context(|| format!("reading the test clock {}", self.0.display()))?;
        let offset: u64 = read
            .trim()
            .parse()
            .with_context(|| format!("the test clock {} holds {read:?}", self.0.display()))?;
        let next = self.0.with_extension("next");
        std::fs::write(&next, (offset + secs).to_string())?;
        std::fs::rename(&next, &self.0)?;
        Ok(())
    }
}
