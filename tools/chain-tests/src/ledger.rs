//! What a scenario may do on a chain, the same on both.
use anyhow::Result;
use serde_json::Value;
use trellis_testing::ContractKind;

/// Where a step happened: the block's height and time (nanoseconds since the epoch).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub height: u64,
    pub time_nanos: u64,
}

impl Moment {
    pub fn secs(&self) -> u64 {
        self.time_nanos / 1_000_000_000
    }
}

/// A transaction that went through.
#[derive(Clone, Debug)]
pub struct Step {
    pub at: Moment,
    /// The contracts' events (`wasm` and `wasm-*`), addresses named, attributes sorted by key
    /// ([`by_key`]).
    pub events: Vec<(String, Vec<(String, String)>)>,
    /// The SDK gas used (real chain only).
    pub gas_used: Option<u64>,
}

impl Step {
    /// The value of `key` in the first contract event that has it.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.events
            .iter()
            .flat_map(|(_, attrs)| attrs.iter())
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// An event's attributes in wasmd's order for events of a contract a contract called: wasmd
/// sorts those by key (a stable sort, `x/wasm/keeper/msg_dispatcher.go`) and leaves the
/// called contract's own in the order written. Both chains' events are sorted so they
/// compare; the order of attributes carries no meaning for Trellis's readers (the indexer
/// looks attributes up by key).
pub fn by_key(mut attrs: Vec<(String, String)>) -> Vec<(String, String)> {
    attrs.sort_by(|a, b| a.0.cmp(&b.0));
    attrs
}

/// What a scenario saw, in order: a label and a value, addresses replaced by names.
#[derive(Clone, Debug, Default)]
pub struct Observations(pub Vec<(String, Value)>);

impl Observations {
    pub fn push(&mut self, label: impl Into<String>, value: impl Into<Value>) {
        self.0.push((label.into(), value.into()));
    }
}

/// A chain a scenario runs on. Accounts and contracts are known by name; every address in
/// what comes back is replaced by its name (see [`crate::compare::name_addresses`]), so the
/// two chains' answers compare as equal.
#[allow(async_fn_in_trait)] // used generically, never as a trait object
pub trait Ledger {
    /// The address of an account (created on first use) or a contract, by name.
    fn addr(&mut self, name: &str) -> String;

    /// Names a contract that another contract created (a pool the factory instantiated,
    /// an LP token), so scenarios can execute and query it and answers name it.
    fn name_contract(&mut self, name: &str, address: &str);

    /// Sends `funds` from the funded genesis account to `to`.
    async fn fund(&mut self, to: &str, funds: &[(&str, u128)]) -> Result<()>;

    /// Instantiates `kind` as `sender`, naming the contract `name`; returns its address.
    async fn instantiate(
        &mut self,
        sender: &str,
        kind: ContractKind,
        name: &str,
        msg: &Value,
        funds: &[(&str, u128)],
    ) -> Result<String>;

    /// Executes `msg` on contract `contract` (a name) as `sender`. `Ok(Err(error))`: the
    /// transaction failed; the error text is the chain's.
    async fn try_execute(
        &mut self,
        sender: &str,
        contract: &str,
        msg: &Value,
        funds: &[(&str, u128)],
    ) -> Result<std::result::Result<Step, String>>;

    /// A smart query of contract `contract` (a name), addresses named.
    async fn query(&mut self, contract: &str, msg: &Value) -> Result<Value>;

    /// A bank balance of `who` (an account or contract name).
    async fn balance(&mut self, who: &str, denom: &str) -> Result<u128>;

    /// The latest block's time, seconds (a step of its own, so the embedded chain answers
    /// the real run's time).
    async fn now_secs(&mut self) -> Result<u64>;

    /// Lets at least `secs` seconds of block time pass (the real chain moves its test clock
    /// ahead, or waits for blocks without one; the embedded chain follows the recorded
    /// moments, so it does nothing).
    async fn pause(&mut self, secs: u64) -> Result<()>;

    /// The code id of `kind`.
    fn code_id(&self, kind: ContractKind) -> u64;

    /// Whether this is the real chain (for figures only it has, such as gas).
    fn is_real(&self) -> bool;

    /// Executes and fails the scenario if the transaction fails.
    async fn execute(
        &mut self,
        sender: &str,
        contract: &str,
        msg: &Value,
        funds: &[(&str, u128)],
    ) -> Result<Step> {
        match self.try_execute(sender, contract, msg, funds).await? {
            Ok(step) => Ok(step),
            Err(e) => anyhow::bail!("{sender} -> {contract} {msg}: {e}"),
        }
    }
}
