//! A small chain of several contracts for the ve group, run as wasmd runs a transaction:
//!
//! - every contract has an address, its own counting storage and a fresh instance per call
//!   (from its pinned module); all share one block clock;
//! - a smart query from one contract into another runs the queried contract's wasm over its
//!   current storage, in its own instance, and the answer (or its error) goes back to the
//!   caller; the cost of each query is recorded with the call that made it;
//! - the messages a call returns run after it, in order, depth first: `BankMsg::Send` moves
//!   coins, `WasmMsg::Execute` calls the contract (with the submessage's gas limit, converted
//!   to CosmWasm gas), then the caller's `reply` when it asked for one on success;
//! - bank balances of contracts follow the funds attached to calls and the sends, and every
//!   contract's querier answers bank queries with them.
//!
//! A submessage that fails is an error of the run: a chain would revert its writes, which
//! this storage cannot, and no measured row expects a failure.
//!
//! Codes without a wasm artifact (cw20-base LP tokens) can be stubbed ([`World::stub_code`]):
//! their instantiations are answered with a reply and the messages sent to them are skipped,
//! and every [`Tx`] lists what it skipped.
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};

use anyhow::{anyhow, bail, ensure, Context, Result};
use cosmwasm_std::{
    Addr, BankMsg, Binary, BlockInfo, Coin, ContractResult, CosmosMsg, QuerierResult, ReplyOn,
    Response, SystemError, SystemResult, WasmMsg, WasmQuery,
};
use cosmwasm_vm::testing::MockQuerier;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::amm::report::Figures;
use crate::chain::{execute_reply, instantiate_reply, GAS_MULTIPLIER};
use crate::ve::bank::Bank;
use crate::ve::report::{CallFigures, QueryFigures};
use crate::ve::stub_contracts::Stubs;
use crate::vm::{new_backend, to_msg, BenchBackend, Code, Contract, Cost, CALL_GAS_LIMIT};

/// One deployed contract: its code, a name for the report, and its backend while no call
/// holds it.
struct Slot {
    code: Rc<Code>,
    label: String,
    backend: Option<BenchBackend>,
}

struct Shared {
    block: RefCell<BlockInfo>,
    slots: RefCell<BTreeMap<String, Slot>>,
    bank: RefCell<Bank>,
    /// Queries run since the current call started.
    queries: RefCell<Vec<QueryFigures>>,
    stubs: RefCell<Stubs>,
}

impl Shared {
    /// Lends out a contract's code and backend, with the bank as it stands loaded into its
    /// querier.
    fn take(&self, address: &str) -> Result<(Rc<Code>, String, BenchBackend)> {
        let mut slots = self.slots.borrow_mut();
        let slot = slots
            .get_mut(address)
            .ok_or_else(|| anyhow!("no contract at {address}"))?;
        let mut backend = slot
            .backend
            .take()
            .ok_or_else(|| anyhow!("{} is already running (re-entrant call)", slot.label))?;
        for (account, coins) in self.bank.borrow().accounts() {
            backend.querier.update_balance(account, coins);
        }
        Ok((slot.code.clone(), slot.label.clone(), backend))
    }

    fn put_back(&self, address: &str, backend: Option<BenchBackend>) -> Result<()> {
        let backend =
            backend.ok_or_else(|| anyhow!("the VM did not hand back the storage of {address}"))?;
        let mut slots = self.slots.borrow_mut();
        let slot = slots
            .get_mut(address)
            .ok_or_else(|| anyhow!("no contract at {address}"))?;
        slot.backend = Some(backend);
        Ok(())
    }

    /// Runs `f` on the contract at `address` in the current block and gives its backend back.
    fn with_contract<T>(
        &self,
        address: &str,
        f: impl FnOnce(&mut Contract) -> Result<T>,
    ) -> Result<(T, String)> {
        let (code, label, backend) = self.take(address)?;
        let block = self.block.borrow().clone();
        let mut contract = Contract::from_backend(&code, Addr::unchecked(address), block, backend);
        let out = f(&mut contract);
        self.put_back(address, contract.into_backend())?;
        Ok((out?, label))
    }

    /// A smart query from a running contract: the queried contract's wasm answers.
    fn smart_query(&self, address: &str, msg: &Binary) -> Result<ContractResult<Binary>> {
        let ((answer, cost), label) =
            self.with_contract(address, |c| c.query_raw_with_cost(msg.as_slice()))?;
        self.queries.borrow_mut().push(QueryFigures {
            contract: label,
            figures: Figures::of(&cost),
        });
        Ok(answer)
    }
}

/// The querier's wasm handler: answers through the chain, if it still exists.
fn answer_wasm_query(shared: &Weak<Shared>, query: &WasmQuery) -> QuerierResult {
    let Some(shared) = shared.upgrade() else {
        return SystemResult::Err(SystemError::Unknown {});
    };
    let WasmQuery::Smart { contract_addr, msg } = query else {
        return SystemResult::Err(SystemError::UnsupportedRequest {
            kind: "the bench's chain answers smart queries only".to_string(),
        });
    };
    if !shared.slots.borrow().contains_key(contract_addr) {
        return SystemResult::Err(SystemError::NoSuchContract {
            addr: contract_addr.clone(),
        });
    }
    match shared.smart_query(contract_addr, msg) {
        Ok(answer) => SystemResult::Ok(answer),
        Err(e) => SystemResult::Err(SystemError::InvalidRequest {
            error: format!("{e:#}"),
            request: msg.clone(),
        }),
    }
}

/// The VM gas limit of a call given `sdk_limit` SDK gas (a submessage's `gas_limit`), never
/// above the bench's per-call limit; `None` is the transaction's, i.e. the per-call limit.
fn vm_gas_limit(sdk_limit: Option<u64>) -> u64 {
    sdk_limit.map_or(CALL_GAS_LIMIT, |sdk| {
        sdk.saturating_mul(GAS_MULTIPLIER).min(CALL_GAS_LIMIT)
    })
}

/// What one transaction ran: the first call's response, and every call with its costs.
pub struct Tx {
    pub response: Response,
    pub calls: Vec<CallFigures>,
    /// Instantiations and messages of stubbed codes that did not run.
    pub skipped: Vec<String>,
}

impl Tx {
    /// The value of attribute `key` in the first call's response.
    pub fn attribute(&self, key: &str) -> Result<&str> {
        self.response
            .attributes
            .iter()
            .find(|a| a.key == key)
            .map(|a| a.value.as_str())
            .ok_or_else(|| anyhow!("the response has no attribute {key}"))
    }

    /// Fails when part of the transaction did not run (a stubbed contract's): a measured row
    /// must have run everything it measures.
    pub fn ensure_nothing_skipped(&self) -> Result<()> {
        ensure!(
            self.skipped.is_empty(),
            "the transaction skipped {}",
            self.skipped.join("; ")
        );
        Ok(())
    }
}

/// The chain: contracts, clock and bank.
pub struct World {
    shared: Rc<Shared>,
}

impl World {
    pub fn new(block: BlockInfo) -> Self {
        World {
            shared: Rc::new(Shared {
                block: RefCell::new(block),
                slots: RefCell::new(BTreeMap::new()),
                bank: RefCell::new(Bank::default()),
                queries: RefCell::new(Vec::new()),
                stubs: RefCell::new(Stubs::default()),
            }),
        }
    }

    pub fn now(&self) -> u64 {
        self.shared.block.borrow().time.seconds()
    }

    /// Moves the clock `blocks` blocks and `seconds` seconds forward.
    pub fn advance(&self, blocks: u64, seconds: u64) {
        let mut block = self.shared.block.borrow_mut();
        block.height = block.height.saturating_add(blocks);
        block.time = block.time.plus_seconds(seconds);
    }

    pub fn balance(&self, address: &Addr, denom: &str) -> u128 {
        self.shared.bank.borrow().balance(address.as_str(), denom)
    }

    /// Coins sent to `address` from outside the contracts (e.g. fees a pool transfers).
    pub fn transfer_in(&self, address: &Addr, coins: &[Coin]) -> Result<()> {
        self.shared
            .bank
            .borrow_mut()
            .credit(address.as_str(), coins)
    }

    fn is_contract(&self, address: &str) -> bool {
        self.shared.slots.borrow().contains_key(address)
    }

    /// Instantiations from `code_id` are not run: see [`Stubs`].
    pub fn stub_code(&self, code_id: u64) {
        self.shared.stubs.borrow_mut().add_code(code_id);
    }

    pub fn is_stub(&self, address: &str) -> bool {
        self.shared.stubs.borrow().is_stub_address(address)
    }

    /// Stores a contract at `address` and runs its instantiation (and what it returns).
    pub fn instantiate<M: Serialize>(
        &self,
        code: &Rc<Code>,
        label: &str,
        address: &Addr,
        sender: &str,
        msg: &M,
    ) -> Result<Tx> {
        ensure!(
            !self.is_contract(address.as_str()),
            "{address} already holds a contract"
        );
        let mut backend = new_backend();
        let mut querier = MockQuerier::new(&[]);
        let weak = Rc::downgrade(&self.shared);
        querier.update_wasm(move |q| answer_wasm_query(&weak, q));
        backend.querier = querier;
        self.shared.slots.borrow_mut().insert(
            address.to_string(),
            Slot {
                code: code.clone(),
                label: label.to_string(),
                backend: Some(backend),
            },
        );
        self.run_tx(address.as_str(), "instantiate", None, |c| {
            c.instantiate(sender, &[], msg)
        })
    }

    /// A user's transaction: `execute` on `contract` with `funds`, then what it returns.
    pub fn execute<M: Serialize>(
        &self,
        contract: &Addr,
        sender: &str,
        funds: &[Coin],
        msg: &M,
    ) -> Result<Tx> {
        let raw = to_msg(msg)?;
        let from_tracked = self.is_contract(sender);
        self.shared
            .bank
            .borrow_mut()
            .transfer(sender, from_tracked, contract.as_str(), funds)?;
        self.run_tx(contract.as_str(), "execute", None, |c| {
            c.execute_raw(sender, funds, &raw)
        })
    }

    /// An unmeasured query from outside (a client), parsed.
    pub fn query<M: Serialize, R: DeserializeOwned>(&self, contract: &Addr, msg: &M) -> Result<R> {
        let raw = to_msg(msg)?;
        let (answer, _) = self.shared.with_contract(contract.as_str(), |c| {
            let (answer, _) = c.query_raw_with_cost(&raw)?;
            Ok(answer)
        })?;
        self.shared.queries.borrow_mut().clear();
        match answer {
            ContractResult::Ok(bin) => {
                serde_json::from_slice(bin.as_slice()).context("parsing query response")
            }
            ContractResult::Err(e) => bail!("query refused: {e}"),
        }
    }

    fn run_tx(
        &self,
        address: &str,
        entry: &'static str,
        gas_limit_sdk: Option<u64>,
        f: impl FnOnce(&mut Contract) -> Result<(Response, Cost)>,
    ) -> Result<Tx> {
        let mut calls = Vec::new();
        self.shared.stubs.borrow_mut().take_skipped();
        let response = self.call(address, entry, gas_limit_sdk, f, &mut calls)?;
        let skipped = self.shared.stubs.borrow_mut().take_skipped();
        Ok(Tx {
            response,
            calls,
            skipped,
        })
    }

    /// One call and, after it, the messages it returned.
    fn call(
        &self,
        address: &str,
        entry: &'static str,
        gas_limit_sdk: Option<u64>,
        f: impl FnOnce(&mut Contract) -> Result<(Response, Cost)>,
        calls: &mut Vec<CallFigures>,
    ) -> Result<Response> {
        self.shared.queries.borrow_mut().clear();
        let out = self.shared.with_contract(address, f);
        let queries = std::mem::take(&mut *self.shared.queries.borrow_mut());
        let ((response, cost), label) = out.with_context(|| format!("{entry} at {address}"))?;
        calls.push(CallFigures::new(
            label,
            entry,
            gas_limit_sdk,
            Figures::of(&cost),
            queries,
        ));
        self.dispatch(address, &response, calls)?;
        Ok(response)
    }

    /// Runs the messages `contract` returned, in order.
    fn dispatch(
        &self,
        contract: &str,
        response: &Response,
        calls: &mut Vec<CallFigures>,
    ) -> Result<()> {
        for sub in &response.messages {
            match &sub.msg {
                CosmosMsg::Bank(BankMsg::Send { to_address, amount }) => {
                    // A send that only wants a reply on error (the fee distributor pays each
                    // token so) needs none when it succeeds; measured sends must succeed.
                    ensure!(
                        matches!(sub.reply_on, ReplyOn::Never | ReplyOn::Error),
                        "the bench's chain does not reply to successful bank sends"
                    );
                    self.shared
                        .bank
                        .borrow_mut()
                        .transfer(contract, true, to_address, amount)
                        .with_context(|| {
                            format!(
                                "a bank send from {contract} failed; measured sends must succeed"
                            )
                        })?;
                }
                CosmosMsg::Wasm(WasmMsg::Instantiate { code_id, funds, .. })
                    if self.shared.stubs.borrow().is_stub_code(*code_id) =>
                {
                    ensure!(funds.is_empty(), "funds sent to a stubbed instantiation");
                    let created = self.shared.stubs.borrow_mut().create(*code_id, contract);
                    if matches!(sub.reply_on, ReplyOn::Success | ReplyOn::Always) {
                        // Nothing ran: no data and no VM gas to report.
                        let reply = instantiate_reply(
                            sub.id,
                            sub.payload.clone(),
                            *code_id,
                            &created,
                            None,
                            0,
                        );
                        self.call(contract, "reply", None, |c| c.reply(&reply), calls)?;
                    }
                }
                CosmosMsg::Wasm(WasmMsg::Execute {
                    contract_addr,
                    msg,
                    funds,
                }) if self.is_stub(contract_addr) => {
                    ensure!(
                        funds.is_empty() && sub.reply_on == ReplyOn::Never,
                        "a message to the stub {contract_addr} carries funds or wants a reply"
                    );
                    self.shared
                        .stubs
                        .borrow_mut()
                        .skip_execute(contract, contract_addr, msg);
                }
                CosmosMsg::Wasm(WasmMsg::Execute {
                    contract_addr,
                    msg,
                    funds,
                }) => {
                    let limit = vm_gas_limit(sub.gas_limit);
                    self.shared
                        .bank
                        .borrow_mut()
                        .transfer(contract, true, contract_addr, funds)?;
                    let first = calls.len();
                    let res = self
                        .call(
                            contract_addr,
                            "execute",
                            sub.gas_limit,
                            |c| {
                                c.execute_raw_with_gas_limit(contract, funds, msg.as_slice(), limit)
                            },
                            calls,
                        )
                        .with_context(|| {
                            format!(
                                "submessage from {contract} failed; the bench cannot revert a \
                                 failed call's writes, so measured submessages must succeed"
                            )
                        })?;
                    if matches!(sub.reply_on, ReplyOn::Success | ReplyOn::Always) {
                        let vm_gas = calls[first].figures.gas;
                        let reply = execute_reply(
                            sub.id,
                            sub.payload.clone(),
                            &Addr::unchecked(contract),
                            &Addr::unchecked(contract_addr),
                            funds,
                            &res,
                            vm_gas,
                        );
                        self.call(contract, "reply", None, |c| c.reply(&reply), calls)?;
                    }
                }
                other => bail!("the bench's chain does not run {other:?}"),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submessage_gas_limits_convert_to_vm_gas() {
        // The escrow's listener limit: 1,000,000 SDK gas x 140,000,000 = 1.4 x 10^14.
        assert_eq!(vm_gas_limit(Some(1_000_000)), 140_000_000_000_000);
        // 10^8 SDK gas would be 1.4 x 10^16, above the per-call 10^15: capped.
        assert_eq!(vm_gas_limit(Some(100_000_000)), CALL_GAS_LIMIT);
        assert_eq!(vm_gas_limit(Some(u64::MAX)), CALL_GAS_LIMIT);
        assert_eq!(vm_gas_limit(None), CALL_GAS_LIMIT);
    }
}
