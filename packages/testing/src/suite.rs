//! The [`Suite`]: an embedded chain with the Trellis contracts stored, named accounts and a
//! clock that keeps block height and time consistent.
use std::collections::BTreeMap;

use cosmwasm_std::testing::MockApi;
use cosmwasm_std::{to_json_binary, Addr, BlockInfo, Coin, CosmosMsg, Event, Timestamp, WasmMsg};
use cw_multi_test::{App, AppBuilder, AppResponse, Executor};
use trellis_types::asset::AssetInfo;

use crate::amm::{FactoryHandle, RouterHandle};
use crate::codes::{CodeIds, ContractKind};
use crate::farm::FarmHandle;

/// Seconds per block unless the builder says otherwise.
pub const DEFAULT_BLOCK_SECS: u64 = 5;
/// Block height at genesis (round, so that relative heights are easy to read).
pub const GENESIS_HEIGHT: u64 = 1_000_000;
/// Unix time (seconds) at genesis: 2023-11-14T22:13:20Z.
pub const GENESIS_TIME: u64 = 1_700_000_000;

/// Builds a [`Suite`] with a chosen genesis block and block time.
#[derive(Clone, Debug)]
pub struct SuiteBuilder {
    block_secs: u64,
    genesis_height: u64,
    genesis_time: u64,
    chain_id: String,
}

impl Default for SuiteBuilder {
    fn default() -> Self {
        SuiteBuilder {
            block_secs: DEFAULT_BLOCK_SECS,
            genesis_height: GENESIS_HEIGHT,
            genesis_time: GENESIS_TIME,
            chain_id: "trellis-sim-1".to_string(),
        }
    }
}

impl SuiteBuilder {
    /// Seconds per block (> 0). Height is always `genesis_height + elapsed / block_secs`.
    pub fn block_secs(mut self, secs: u64) -> Self {
        assert!(secs > 0, "block time must be positive");
        self.block_secs = secs;
        self
    }

    pub fn genesis(mut self, height: u64, unix_time: u64) -> Self {
        self.genesis_height = height;
        self.genesis_time = unix_time;
        self
    }

    pub fn chain_id(mut self, chain_id: impl Into<String>) -> Self {
        self.chain_id = chain_id.into();
        self
    }

    pub fn build(self) -> Suite {
        let block = BlockInfo {
            height: self.genesis_height,
            time: Timestamp::from_seconds(self.genesis_time),
            chain_id: self.chain_id,
        };
        let mut app = AppBuilder::new().with_block(block).build(|_, _, _| {});
        let codes = CodeIds::store_all(&mut app);
        let owner = app.api().addr_make("owner");
        Suite {
            app,
            owner,
            codes,
            block_secs: self.block_secs,
            genesis_height: self.genesis_height,
            genesis_time: self.genesis_time,
            elapsed: 0,
            tokens: BTreeMap::new(),
            native_decimals: BTreeMap::new(),
            farm: None,
            factory: None,
            router: None,
            recorded: None,
        }
    }
}

/// An embedded chain with Trellis deployed on demand. See the crate docs for an example.
pub struct Suite {
    /// The chain itself, for anything the helpers do not cover.
    pub app: App,
    /// The account that instantiates contracts and owns them.
    pub owner: Addr,
    pub(crate) codes: CodeIds,
    block_secs: u64,
    genesis_height: u64,
    genesis_time: u64,
    /// Seconds since genesis.
    elapsed: u64,
    /// Tokens created through the suite, by symbol.
    pub(crate) tokens: BTreeMap<String, AssetInfo>,
    /// Decimals of native denoms registered with `register_native_with_decimals`; other
    /// natives are micro denoms of `NATIVE_DECIMALS`.
    pub(crate) native_decimals: BTreeMap<String, u8>,
    /// The farm the farm helpers drive (the last one deployed).
    pub(crate) farm: Option<FarmHandle>,
    /// The pool factory the AMM helpers use (the last one deployed).
    pub(crate) factory: Option<FactoryHandle>,
    /// The router the route helpers use (the last one deployed).
    pub(crate) router: Option<RouterHandle>,
    /// Every successful transaction's events since [`Suite::record_events`], for an indexer
    /// following the embedded chain. `None`: not recording.
    recorded: Option<Vec<RecordedTx>>,
}

/// One successful transaction on the embedded chain: its block and the events it emitted,
/// as a chain's `block_results` would list them.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordedTx {
    pub height: u64,
    /// Unix seconds.
    pub time: u64,
    pub events: Vec<Event>,
}

impl Default for Suite {
    fn default() -> Self {
        Suite::new()
    }
}

impl Suite {
    /// A suite with the default genesis and 5 s blocks.
    pub fn new() -> Self {
        SuiteBuilder::default().build()
    }

    pub fn builder() -> SuiteBuilder {
        SuiteBuilder::default()
    }

    pub fn api(&self) -> &MockApi {
        self.app.api()
    }

    /// The bech32 address of a named account (`MockApi::addr_make`): the same name always
    /// gives the same address.
    pub fn addr(&self, name: &str) -> Addr {
        self.app.api().addr_make(name)
    }

    pub fn code_ids(&self) -> &CodeIds {
        &self.codes
    }

    /// Instantiates a stored contract with the suite owner as sender and admin.
    pub fn instantiate_as_owner<M: serde::Serialize>(
        &mut self,
        kind: ContractKind,
        msg: &M,
        label: &str,
    ) -> anyhow::Result<Addr> {
        let owner = self.owner.clone();
        self.instantiate_contract(
            self.codes.get(kind),
            owner.clone(),
            msg,
            &[],
            label,
            Some(owner.to_string()),
        )
    }

    // ---- transactions ----------------------------------------------------------------------

    /// Starts recording every successful transaction's events (see [`Suite::take_recorded`]).
    pub fn record_events(&mut self) {
        self.recorded.get_or_insert_with(Vec::new);
    }

    /// The transactions recorded since the last call, oldest first.
    pub fn take_recorded(&mut self) -> Vec<RecordedTx> {
        self.recorded
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    fn record(&mut self, events: &[Event]) {
        let block = self.app.block_info();
        if let Some(recorded) = self.recorded.as_mut() {
            recorded.push(RecordedTx {
                height: block.height,
                time: block.time.seconds(),
                events: events.to_vec(),
            });
        }
    }

    /// Executes a contract message as `sender`: every helper's transactions go through here
    /// (or [`Suite::instantiate_contract`]), so recording sees them all.
    pub fn execute_contract<T: serde::Serialize + std::fmt::Debug>(
        &mut self,
        sender: Addr,
        contract: Addr,
        msg: &T,
        funds: &[Coin],
    ) -> anyhow::Result<AppResponse> {
        let response = self.app.execute_contract(sender, contract, msg, funds)?;
        self.record(&response.events);
        Ok(response)
    }

    /// Instantiates a stored contract; recorded like [`Suite::execute_contract`].
    pub fn instantiate_contract<T: serde::Serialize>(
        &mut self,
        code_id: u64,
        sender: Addr,
        msg: &T,
        funds: &[Coin],
        label: &str,
        admin: Option<String>,
    ) -> anyhow::Result<Addr> {
        let msg = CosmosMsg::Wasm(WasmMsg::Instantiate {
            admin,
            code_id,
            msg: to_json_binary(msg)?,
            funds: funds.to_vec(),
            label: label.to_string(),
        });
        let response = self.app.execute(sender, msg)?;
        self.record(&response.events);
        let address = response
            .events
            .iter()
            .filter(|e| e.ty == "instantiate")
            .flat_map(|e| &e.attributes)
            .find(|a| a.key == "_contract_address")
            .map(|a| Addr::unchecked(&a.value))
            .ok_or_else(|| anyhow::anyhow!("instantiating {label}: no contract address"))?;
        Ok(address)
    }

    // ---- clock ----------------------------------------------------------------------------

    pub fn block_secs(&self) -> u64 {
        self.block_secs
    }

    /// Seconds since genesis.
    pub fn elapsed_secs(&self) -> u64 {
        self.elapsed
    }

    /// Blocks since genesis: `elapsed / block_secs`.
    pub fn elapsed_blocks(&self) -> u64 {
        self.elapsed / self.block_secs
    }

    pub fn height(&self) -> u64 {
        self.app.block_info().height
    }

    /// Block time in unix seconds.
    pub fn time(&self) -> u64 {
        self.app.block_info().time.seconds()
    }

    pub fn genesis_height(&self) -> u64 {
        self.genesis_height
    }

    pub fn genesis_time(&self) -> u64 {
        self.genesis_time
    }

    /// Moves the chain `secs` seconds forward. The height follows the time:
    /// `height = genesis_height + elapsed / block_secs`, so 12 s from a block boundary with
    /// 5 s blocks is 2 blocks, and 3 s more is the third.
    pub fn advance_seconds(&mut self, secs: u64) {
        self.set_elapsed(self.elapsed + secs);
    }

    /// Moves the chain `blocks` blocks (and `blocks * block_secs` seconds) forward.
    pub fn advance_blocks(&mut self, blocks: u64) {
        self.set_elapsed(self.elapsed + blocks * self.block_secs);
    }

    /// Moves the chain to `secs` seconds after genesis (never backwards).
    pub fn advance_to_elapsed(&mut self, secs: u64) {
        assert!(
            secs >= self.elapsed,
            "the chain cannot go back in time ({secs} s < {} s)",
            self.elapsed
        );
        self.set_elapsed(secs);
    }

    fn set_elapsed(&mut self, elapsed: u64) {
        self.elapsed = elapsed;
        let height = self.genesis_height + elapsed / self.block_secs;
        let time = Timestamp::from_seconds(self.genesis_time + elapsed);
        self.app.update_block(|block| {
            block.height = height;
            block.time = time;
        });
    }
}
