//! Naming addresses, running a scenario on both chains, and comparing what each saw.
use anyhow::Result;
use serde_json::Value;

use crate::embedded::EmbeddedLedger;
use crate::ledger::{Ledger, Observations};
use crate::real::{ChainEnv, RealLedger};

/// Addresses and their names. The two chains derive different addresses for the same
/// account or contract; answers are compared with every address replaced by `<name>`.
#[derive(Default)]
pub struct Names(Vec<(String, String)>);

impl Names {
    pub fn insert(&mut self, address: &str, name: &str) {
        if !self.0.iter().any(|(a, _)| a == address) {
            self.0.push((address.to_string(), format!("<{name}>")));
        }
    }

    /// `text` with every known address replaced by its name.
    pub fn name_in(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (address, name) in &self.0 {
            if out.contains(address.as_str()) {
                out = out.replace(address.as_str(), name);
            }
        }
        out
    }
}

/// `value` with every address in its strings (and object keys) named.
pub fn name_addresses(value: Value, names: &Names) -> Value {
    match value {
        Value::String(s) => Value::String(names.name_in(&s)),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|v| name_addresses(v, names))
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (names.name_in(&k), name_addresses(v, names)))
                .collect(),
        ),
        other => other,
    }
}

/// A scenario, written once for both chains.
#[allow(async_fn_in_trait)]
pub trait Scenario {
    /// The denoms the genesis account must hold.
    const DENOMS: &'static [&'static str];
    async fn run<L: Ledger>(&self, ledger: &mut L) -> Result<Observations>;
}

/// The two runs' observations, and the real run's ledger (for its gas figures).
pub struct BothRuns {
    pub real: Observations,
    pub embedded: Observations,
    pub ledger: RealLedger,
}

/// Runs `scenario` on wasmd, then on cw-multi-test at the same heights and times. `None`
/// when no chain is configured (see [`ChainEnv::from_env`]).
pub async fn run_on_both<S: Scenario>(scenario: &S) -> Result<Option<BothRuns>> {
    let Some(env) = ChainEnv::from_env() else {
        return Ok(None);
    };
    let mut real_ledger = RealLedger::connect(&env).await?;
    let real = scenario.run(&mut real_ledger).await?;
    let mut embedded_ledger = EmbeddedLedger::new(real_ledger.moments.clone(), S::DENOMS);
    let embedded = scenario.run(&mut embedded_ledger).await?;
    Ok(Some(BothRuns {
        real,
        embedded,
        ledger: real_ledger,
    }))
}

/// Fails, naming the first differing observation, unless both runs saw the same. A failure
/// seen on both chains compares by the embedded chain's error text appearing in the real
/// chain's (which wraps it).
pub fn assert_same(runs: &BothRuns) {
    let (real, embedded) = (&runs.real.0, &runs.embedded.0);
    for (i, ((label_r, value_r), (label_e, value_e))) in real.iter().zip(embedded).enumerate() {
        assert_eq!(label_r, label_e, "observation {i}: the runs diverged");
        if let (Some(r), Some(e)) = (failure(value_r), failure(value_e)) {
            assert!(
                r.contains(root_cause(e)),
                "observation {i} ({label_r}): the real chain failed with\n{r}\nthe embedded one with\n{e}"
            );
            continue;
        }
        assert_eq!(
            value_r, value_e,
            "observation {i} ({label_r}): the real chain (left) and cw-multi-test (right) differ"
        );
    }
    assert_eq!(
        real.len(),
        embedded.len(),
        "the runs saw different numbers of things"
    );
}

fn failure(value: &Value) -> Option<&str> {
    value.get("failed").and_then(Value::as_str)
}

/// The innermost message of an anyhow chain printed with `{:#}` ("a: b: c" -> "c").
fn root_cause(error: &str) -> &str {
    error.rsplit(": ").next().unwrap_or(error)
}
