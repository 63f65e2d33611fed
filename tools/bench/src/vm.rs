//! A minimal in-process "chain" for one contract code: a `cosmwasm_vm::Cache` (the same code
//! path wasmd takes on upload and on every call), a fresh `Instance` per call built from the
//! pinned module, and a backend whose storage counts what the contract does.
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{anyhow, bail, Context, Result};
use cosmwasm_std::{
    Addr, Binary, BlockInfo, Checksum, Coin, ContractResult, Empty, Env, MessageInfo, Reply,
    Response, Timestamp,
};
use cosmwasm_vm::testing::{mock_env, MockApi, MockQuerier};
use cosmwasm_vm::{
    call_execute, call_instantiate, call_query, call_reply, capabilities_from_csv, Backend, Cache,
    CacheOptions, Instance, InstanceOptions, Size,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::storage::{AccessFloor, CountingStorage, StorageCounters};

/// Capabilities of a current wasmd chain (wasmvm 2.2/2.3), the same default set as
/// `cosmwasm-check` 2.3.
pub const DEFAULT_CAPABILITIES: &str = "iterator,staking,stargate,cosmwasm_1_1,cosmwasm_1_2,\
cosmwasm_1_3,cosmwasm_1_4,cosmwasm_2_0,cosmwasm_2_1,cosmwasm_2_2";

/// wasmd's default per-instance memory limit (`ContractMemoryLimit`, 32 MiB).
pub const INSTANCE_MEMORY_LIMIT_MIB: usize = 32;

/// In-memory module cache size for the bench's cache (it only ever holds a few modules).
const MEMORY_CACHE_MIB: usize = 64;

/// CosmWasm gas limit of one call. 10^15 CosmWasm gas is about 7.1 M SDK gas (÷ 140,000,000),
/// in the range of a whole block's gas limit: an operation that hits it has run away.
pub const CALL_GAS_LIMIT: u64 = 1_000_000_000_000_000;

pub type BenchBackend = Backend<MockApi, CountingStorage, MockQuerier>;
pub type BenchInstance = Instance<MockApi, CountingStorage, MockQuerier>;
pub type BenchCache = Cache<MockApi, CountingStorage, MockQuerier>;

/// A fresh, empty backend: bech32 `MockApi`, counting storage, querier without balances.
pub fn new_backend() -> BenchBackend {
    Backend {
        api: MockApi::default(),
        storage: CountingStorage::new(),
        querier: MockQuerier::new(&[]),
    }
}

/// A directory under the system temp dir, removed on drop.
#[derive(Debug)]
pub struct ScratchDir(PathBuf);

impl ScratchDir {
    pub fn new(label: &str) -> Result<Self> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("trellis-bench-{label}-{}-{n}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)
                .with_context(|| format!("removing stale scratch dir {}", dir.display()))?;
        }
        fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(ScratchDir(dir))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        // Best effort: a leftover temp dir is harmless.
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// One uploaded contract code: checked and compiled like `StoreCode`, then pinned so that
/// each call gets a fresh instance without recompiling.
pub struct Code {
    cache: BenchCache,
    checksum: Checksum,
    // Declared last: dropped after the cache that lives in it.
    _dir: ScratchDir,
}

impl Code {
    /// Stores `wasm` as a chain does on upload (`check_wasm` with `capabilities`, then
    /// compile), and pins the module in memory.
    pub fn upload(wasm: &[u8], capabilities: &HashSet<String>) -> Result<Self> {
        let dir = ScratchDir::new("cache")?;
        let options = CacheOptions::new(
            dir.path(),
            capabilities.clone(),
            Size::mebi(MEMORY_CACHE_MIB),
            Size::mebi(INSTANCE_MEMORY_LIMIT_MIB),
        );
        // SAFETY: the cache directory is a fresh private scratch dir created just above,
        // so nothing on disk can have been tampered with.
        let cache: BenchCache =
            unsafe { Cache::new(options) }.map_err(|e| anyhow!("creating the VM cache: {e}"))?;
        let checksum = cache
            .store_code(wasm, true, true)
            .map_err(|e| anyhow!("{e}"))?;
        cache
            .pin(&checksum)
            .map_err(|e| anyhow!("pinning the module: {e}"))?;
        Ok(Code {
            cache,
            checksum,
            _dir: dir,
        })
    }

    pub fn checksum(&self) -> &Checksum {
        &self.checksum
    }

    /// A new instance over `backend` with gas limit `gas_limit`.
    pub fn instance(&self, backend: BenchBackend, gas_limit: u64) -> Result<BenchInstance> {
        self.cache
            .get_instance(&self.checksum, backend, InstanceOptions { gas_limit })
            .map_err(|e| anyhow!("instantiating the module: {e}"))
    }
}

/// The parsed capability list.
pub fn capabilities(csv: &str) -> HashSet<String> {
    capabilities_from_csv(csv)
}

/// What one call cost.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Cost {
    /// CosmWasm gas used by the call: Wasm execution, host functions and the gas the
    /// backend reported as used externally (storage, queries).
    pub gas: u64,
    /// The part of `gas` the backend reported as used externally.
    pub gas_external: u64,
    pub storage: StorageCounters,
    /// The call's distinct-access floor (storage only), from its access log.
    pub floor: AccessFloor,
}

/// A deployed contract: one address, one storage, a block clock.
pub struct Contract<'a> {
    code: &'a Code,
    backend: Option<BenchBackend>,
    env: Env,
}

/// Serialises a message as the chain would hand it to the contract.
pub fn to_msg<T: Serialize>(msg: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(msg).context("serialising message")
}

impl<'a> Contract<'a> {
    /// A contract at `mock_env()`'s address and block, with empty storage.
    pub fn new(code: &'a Code) -> Self {
        Contract {
            code,
            backend: Some(new_backend()),
            env: mock_env(),
        }
    }

    /// A contract at `address` (and `mock_env()`'s block), with empty storage, whose queries
    /// to other contracts and the bank are answered by `querier`.
    pub fn with_querier(code: &'a Code, address: Addr, querier: MockQuerier) -> Self {
        let mut env = mock_env();
        env.contract.address = address;
        let mut backend = new_backend();
        backend.querier = querier;
        Contract {
            code,
            backend: Some(backend),
            env,
        }
    }

    /// A contract at `address`, with empty storage and a querier without balances.
    pub fn at(code: &'a Code, address: Addr) -> Self {
        Self::with_querier(code, address, MockQuerier::new(&[]))
    }

    /// A contract at `address` in `block` over a backend that lives elsewhere between calls
    /// (a multi-contract chain keeps every contract's backend and lends it for one call).
    pub fn from_backend(
        code: &'a Code,
        address: Addr,
        block: BlockInfo,
        backend: BenchBackend,
    ) -> Self {
        let mut env = mock_env();
        env.contract.address = address;
        env.block = block;
        Contract {
            code,
            backend: Some(backend),
            env,
        }
    }

    /// Hands the backend back (`None` if the VM lost it in a failed call).
    pub fn into_backend(self) -> Option<BenchBackend> {
        self.backend
    }

    pub fn address(&self) -> &Addr {
        &self.env.contract.address
    }

    pub fn block(&self) -> &BlockInfo {
        &self.env.block
    }

    /// Moves the clock `blocks` blocks and `seconds` seconds forward.
    pub fn advance(&mut self, blocks: u64, seconds: u64) {
        self.env.block.height = self.env.block.height.saturating_add(blocks);
        self.env.block.time = self.env.block.time.plus_seconds(seconds);
    }

    pub fn now(&self) -> Timestamp {
        self.env.block.time
    }

    /// Puts the contract in `block`, so that contracts of one "chain" share a clock.
    pub fn set_block(&mut self, block: BlockInfo) {
        self.env.block = block;
    }

    /// The stored value under `key`, read without counting it (the bench's bookkeeping).
    pub fn peek(&self, key: &[u8]) -> Option<Vec<u8>> {
        self.backend.as_ref().and_then(|b| b.storage.peek(key))
    }

    pub fn storage_counters(&self) -> StorageCounters {
        self.backend
            .as_ref()
            .map(|b| b.storage.counters())
            .unwrap_or_default()
    }

    fn with_instance<T>(
        &mut self,
        gas_limit: u64,
        f: impl FnOnce(&mut BenchInstance, &Env) -> Result<T>,
    ) -> Result<(T, Cost)> {
        let backend = self
            .backend
            .take()
            .ok_or_else(|| anyhow!("contract backend lost by an earlier failed call"))?;
        let mut instance = self.code.instance(backend, gas_limit)?;
        let storage_before = instance
            .with_storage(|s| {
                s.start_log();
                Ok(s.counters())
            })
            .map_err(|e| anyhow!("{e}"))?;
        let gas_before = instance.get_gas_left();
        let external_before = instance.create_gas_report().used_externally;

        let outcome = f(&mut instance, &self.env);

        let gas_after = instance.get_gas_left();
        let external_after = instance.create_gas_report().used_externally;
        let storage_after = instance
            .with_storage(|s| Ok((s.counters(), AccessFloor::of(&s.take_log()))))
            .map_err(|e| anyhow!("{e}"));
        self.backend = instance.recycle();
        if self.backend.is_none() {
            bail!("the VM did not hand the storage back after a call");
        }
        let value = outcome?;
        let (storage_after, floor) = storage_after?;
        let cost = Cost {
            gas: gas_before.saturating_sub(gas_after),
            gas_external: external_after.saturating_sub(external_before),
            storage: storage_after.since(&storage_before),
            floor,
        };
        Ok((value, cost))
    }

    fn info(sender: &str, funds: &[Coin]) -> MessageInfo {
        MessageInfo {
            sender: Addr::unchecked(sender),
            funds: funds.to_vec(),
        }
    }

    /// Runs `instantiate`. A contract error becomes an `Err` with the contract's message.
    pub fn instantiate<M: Serialize>(
        &mut self,
        sender: &str,
        funds: &[Coin],
        msg: &M,
    ) -> Result<(Response, Cost)> {
        let raw = to_msg(msg)?;
        let info = Self::info(sender, funds);
        self.with_instance(CALL_GAS_LIMIT, |instance, env| {
            let res = call_instantiate::<_, _, _, Empty>(instance, env, &info, &raw)
                .map_err(|e| anyhow!("VM error: {e}"))?;
            contract_result(res)
        })
    }

    /// Runs `execute`. A contract error becomes an `Err` with the contract's message.
    pub fn execute<M: Serialize>(
        &mut self,
        sender: &str,
        funds: &[Coin],
        msg: &M,
    ) -> Result<(Response, Cost)> {
        self.execute_raw(sender, funds, &to_msg(msg)?)
    }

    /// Runs `execute` with a message already serialised, e.g. the bytes of a `WasmMsg` that
    /// another contract returned, handed on unchanged as a chain does.
    pub fn execute_raw(
        &mut self,
        sender: &str,
        funds: &[Coin],
        msg: &[u8],
    ) -> Result<(Response, Cost)> {
        self.execute_raw_with_gas_limit(sender, funds, msg, CALL_GAS_LIMIT)
    }

    /// Runs `execute` with serialised `msg` and a gas limit of `gas_limit` CosmWasm gas, as a
    /// chain runs a submessage that carries its own gas limit.
    pub fn execute_raw_with_gas_limit(
        &mut self,
        sender: &str,
        funds: &[Coin],
        msg: &[u8],
        gas_limit: u64,
    ) -> Result<(Response, Cost)> {
        let info = Self::info(sender, funds);
        self.with_instance(gas_limit, |instance, env| {
            let res = call_execute::<_, _, _, Empty>(instance, env, &info, msg)
                .map_err(|e| anyhow!("VM error: {e}"))?;
            contract_result(res)
        })
    }

    /// Runs a smart query with serialised `msg` and returns the contract's answer as is (a
    /// contract error stays a `ContractResult::Err`, as a querying contract receives it).
    pub fn query_raw_with_cost(&mut self, msg: &[u8]) -> Result<(ContractResult<Binary>, Cost)> {
        self.with_instance(CALL_GAS_LIMIT, |instance, env| {
            call_query(instance, env, msg).map_err(|e| anyhow!("VM error: {e}"))
        })
    }

    /// Runs `reply`, as the chain does after a submessage with `reply_on` set.
    pub fn reply(&mut self, reply: &Reply) -> Result<(Response, Cost)> {
        self.with_instance(CALL_GAS_LIMIT, |instance, env| {
            let res = call_reply::<_, _, _, Empty>(instance, env, reply)
                .map_err(|e| anyhow!("VM error: {e}"))?;
            contract_result(res)
        })
    }

    /// Runs a smart query and parses its JSON answer.
    pub fn query<M: Serialize, R: DeserializeOwned>(&mut self, msg: &M) -> Result<R> {
        self.query_with_cost(msg).map(|(answer, _)| answer)
    }

    /// Runs a smart query, parses its JSON answer and reports what it cost.
    pub fn query_with_cost<M: Serialize, R: DeserializeOwned>(
        &mut self,
        msg: &M,
    ) -> Result<(R, Cost)> {
        let raw = to_msg(msg)?;
        let (bin, cost) = self.with_instance(CALL_GAS_LIMIT, |instance, env| {
            let res = call_query(instance, env, &raw).map_err(|e| anyhow!("VM error: {e}"))?;
            contract_result::<Binary>(res)
        })?;
        let answer = serde_json::from_slice(bin.as_slice()).context("parsing query response")?;
        Ok((answer, cost))
    }
}

fn contract_result<T>(res: ContractResult<T>) -> Result<T> {
    match res {
        ContractResult::Ok(v) => Ok(v),
        ContractResult::Err(msg) => bail!("contract error: {msg}"),
    }
}
