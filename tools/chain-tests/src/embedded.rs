//! The scenario's chain when it is cw-multi-test: the contracts compiled natively, each step
//! at the height and time the real chain gave it.
use std::collections::{BTreeMap, VecDeque};

use anyhow::{bail, Context, Result};
use cosmwasm_std::testing::MockApi;
use cosmwasm_std::{coin, Addr, BankMsg, Coin, CosmosMsg, Timestamp, WasmMsg};
use cw_multi_test::{App, AppBuilder, Executor};
use serde_json::Value;
use trellis_testing::{CodeIds, ContractKind};

use crate::compare::{name_addresses, Names};
use crate::ledger::{by_key, Ledger, Moment, Step};

/// What the genesis account holds of each denom on the embedded chain.
pub const GENESIS_AMOUNT: u128 = 1_000_000_000_000_000_000_000_000_000_000;
const FUNDER: &str = "genesis";

pub struct EmbeddedLedger {
    app: App,
    codes: CodeIds,
    moments: VecDeque<Moment>,
    contracts: BTreeMap<String, Addr>,
    names: Names,
    funder: Addr,
}

impl EmbeddedLedger {
    /// A chain whose genesis account holds [`GENESIS_AMOUNT`] of each of `denoms`, replaying
    /// `moments` (the real run's, in order).
    pub fn new(moments: Vec<Moment>, denoms: &[&str]) -> Self {
        let api = MockApi::default().with_prefix("wasm");
        let funder = api.addr_make(FUNDER);
        let genesis: Vec<Coin> = denoms.iter().map(|d| coin(GENESIS_AMOUNT, *d)).collect();
        let funded = funder.clone();
        // Same prefix as wasmd, so that address validation behaves the same.
        let mut app = AppBuilder::new().with_api(api).build(|router, _, storage| {
            router
                .bank
                .init_balance(storage, &funded, genesis)
                .expect("genesis balances");
        });
        let codes = CodeIds::store_all(&mut app);
        Self {
            app,
            codes,
            moments: moments.into(),
            contracts: BTreeMap::new(),
            names: Names::default(),
            funder,
        }
    }

    /// Moves the chain to the real run's next step.
    fn next_moment(&mut self) -> Result<Moment> {
        let Some(at) = self.moments.pop_front() else {
            bail!("the embedded run took more steps than the real one");
        };
        self.app.update_block(|block| {
            block.height = at.height;
            block.time = Timestamp::from_nanos(at.time_nanos);
        });
        Ok(at)
    }

    fn resolve(&mut self, name: &str) -> Addr {
        if let Some(addr) = self.contracts.get(name) {
            return addr.clone();
        }
        let addr = self.app.api().addr_make(name);
        self.names.insert(addr.as_str(), name);
        addr
    }

    fn step(&self, at: Moment, events: &[cosmwasm_std::Event]) -> Step {
        let events = events
            .iter()
            .filter(|e| e.ty.starts_with("wasm"))
            .map(|e| {
                let attrs = e
                    .attributes
                    .iter()
                    .map(|a| (a.key.clone(), self.names.name_in(&a.value)))
                    .collect();
                (e.ty.clone(), by_key(attrs))
            })
            .collect();
        Step {
            at,
            events,
            gas_used: None,
        }
    }
}

fn coins(funds: &[(&str, u128)]) -> Vec<Coin> {
    let mut all: Vec<Coin> = funds.iter().map(|(d, a)| coin(*a, *d)).collect();
    all.sort_by(|a, b| a.denom.cmp(&b.denom));
    all
}

impl Ledger for EmbeddedLedger {
    fn addr(&mut self, name: &str) -> String {
        self.resolve(name).to_string()
    }

    fn name_contract(&mut self, name: &str, address: &str) {
        self.names.insert(address, name);
        self.contracts
            .insert(name.to_string(), Addr::unchecked(address));
    }

    async fn fund(&mut self, to: &str, funds: &[(&str, u128)]) -> Result<()> {
        self.next_moment()?;
        let to = self.resolve(to);
        let msg = CosmosMsg::Bank(BankMsg::Send {
            to_address: to.to_string(),
            amount: coins(funds),
        });
        self.app.execute(self.funder.clone(), msg)?;
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
        let at = self.next_moment()?;
        let sender = self.resolve(sender);
        let msg = CosmosMsg::Wasm(WasmMsg::Instantiate {
            admin: Some(sender.to_string()),
            code_id: self.codes.get(kind),
            msg: serde_json::to_vec(msg)?.into(),
            funds: coins(funds),
            label: name.to_string(),
        });
        let response = self
            .app
            .execute(sender, msg)
            .with_context(|| format!("instantiating {name}"))?;
        let address = response
            .events
            .iter()
            .filter(|e| e.ty == "instantiate")
            .flat_map(|e| &e.attributes)
            .find(|a| a.key == "_contract_address")
            .map(|a| Addr::unchecked(&a.value))
            .context("no instantiate event")?;
        self.names.insert(address.as_str(), name);
        self.contracts.insert(name.to_string(), address.clone());
        let _ = self.step(at, &response.events);
        Ok(address.to_string())
    }

    async fn try_execute(
        &mut self,
        sender: &str,
        contract: &str,
        msg: &Value,
        funds: &[(&str, u128)],
    ) -> Result<std::result::Result<Step, String>> {
        let at = self.next_moment()?;
        let sender = self.resolve(sender);
        let contract = self
            .contracts
            .get(contract)
            .cloned()
            .with_context(|| format!("no contract named {contract}"))?;
        match self
            .app
            .execute_contract(sender, contract, msg, &coins(funds))
        {
            Ok(response) => Ok(Ok(self.step(at, &response.events))),
            Err(e) => Ok(Err(self.names.name_in(&format!("{e:#}")))),
        }
    }

    async fn query(&mut self, contract: &str, msg: &Value) -> Result<Value> {
        self.next_moment()?;
        let contract = self
            .contracts
            .get(contract)
            .cloned()
            .with_context(|| format!("no contract named {contract}"))?;
        let value: Value = self.app.wrap().query_wasm_smart(contract, msg)?;
        Ok(name_addresses(value, &self.names))
    }

    async fn balance(&mut self, who: &str, denom: &str) -> Result<u128> {
        self.next_moment()?;
        let who = self.resolve(who);
        Ok(self.app.wrap().query_balance(who, denom)?.amount.u128())
    }

    async fn now_secs(&mut self) -> Result<u64> {
        Ok(self.next_moment()?.secs())
    }

    async fn pause(&mut self, _secs: u64) -> Result<()> {
        Ok(())
    }

    fn code_id(&self, kind: ContractKind) -> u64 {
        self.codes.get(kind)
    }

    fn is_real(&self) -> bool {
        false
    }
}
