//! A cw-multi-test driver for one weighted pool with its cw20-base LP token and cw20 assets.
//! Amounts are in token units; helpers take `u128` to keep the tests short.
#![allow(dead_code)]
use cosmwasm_std::{coin, to_json_binary, Addr, Coin, Decimal, Empty, Timestamp, Uint128};
use cw20::{BalanceResponse, Cw20ExecuteMsg, MinterResponse};
use cw_multi_test::{App, AppResponse, BankSudo, Contract, ContractWrapper, Executor, SudoMsg};
use serde::de::DeserializeOwned;
use trellis_types::weighted_pool::*;
use trellis_types::AssetInfo;
use trellis_weighted_pool::contract::{execute, instantiate, migrate, query, reply};
use trellis_weighted_pool::ContractError;

/// One million: amounts are 6-decimal token units.
pub const E6: u128 = 1_000_000;
/// 1e18: fixed-point one, for prices.
pub const E12: u128 = 1_000_000_000_000;
pub const E18: u128 = 1_000_000_000_000_000_000;
/// Block time at which every suite starts.
pub const T0: u64 = 1_700_000_000;

pub type Res = anyhow::Result<AppResponse>;

pub fn pool_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(execute, instantiate, query)
            .with_reply(reply)
            .with_migrate(migrate),
    )
}

pub fn cw20_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        cw20_base::contract::execute,
        cw20_base::contract::instantiate,
        cw20_base::contract::query,
    ))
}

/// Asserts `result` failed with the pool error `expected`, wherever it sits in the chain
/// (a cw20 hook nests the pool's error inside the token's).
pub fn assert_err<T: std::fmt::Debug>(result: anyhow::Result<T>, expected: ContractError) {
    let err = result.expect_err("expected the call to fail");
    // multi-test wraps entry-point errors as anyhow messages and nests submessage errors as
    // contexts; `downcast_ref` sees through both.
    let found = err.downcast_ref::<ContractError>();
    assert_eq!(found, Some(&expected), "full error: {err:?}");
}

/// An asset of the pool under test, before it exists.
#[derive(Clone, Copy, Debug)]
pub enum Side {
    Native(&'static str),
    /// A cw20 token with this symbol, created by the suite.
    Cw20(&'static str),
}

#[derive(Clone, Debug)]
pub struct PoolSpec {
    pub assets: [Side; 2],
    /// Weights in percent.
    pub weights: [u64; 2],
    /// Declared decimals of each asset.
    pub decimals: [u8; 2],
    pub swap_fee_bps: u16,
    pub protocol_fee_share_bps: u16,
    pub with_collector: bool,
    pub oracle: OracleConfig,
}

impl PoolSpec {
    /// Two native assets "uaaa" / "ubbb", no fee, no collector, 10 samples 60 s apart.
    pub fn native(w0: u64, w1: u64) -> Self {
        PoolSpec {
            assets: [Side::Native("uaaa"), Side::Native("ubbb")],
            weights: [w0, w1],
            decimals: [6, 6],
            swap_fee_bps: 0,
            protocol_fee_share_bps: 0,
            with_collector: false,
            oracle: OracleConfig {
                capacity: 10,
                min_sample_spacing: 60,
            },
        }
    }

    pub fn decimals(mut self, d0: u8, d1: u8) -> Self {
        self.decimals = [d0, d1];
        self
    }

    pub fn assets(mut self, a: Side, b: Side) -> Self {
        self.assets = [a, b];
        self
    }

    /// A swap fee and protocol share, with a fee collector set.
    pub fn fee(mut self, swap_fee_bps: u16, protocol_fee_share_bps: u16) -> Self {
        self.swap_fee_bps = swap_fee_bps;
        self.protocol_fee_share_bps = protocol_fee_share_bps;
        self.with_collector = true;
        self
    }

    pub fn no_collector(mut self) -> Self {
        self.with_collector = false;
        self
    }

    pub fn oracle(mut self, capacity: u32, min_sample_spacing: u64) -> Self {
        self.oracle = OracleConfig {
            capacity,
            min_sample_spacing,
        };
        self
    }
}

/// Everything a refused call must leave untouched.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    pub pool_storage: Vec<(Vec<u8>, Vec<u8>)>,
    pub token_storage: Vec<Vec<(Vec<u8>, Vec<u8>)>>,
    pub bank: Vec<Vec<Coin>>,
}

pub struct Suite {
    pub app: App,
    pub pool_code: u64,
    pub cw20_code: u64,
    pub pool: Addr,
    pub lp_token: Addr,
    pub owner: Addr,
    pub collector: Addr,
    /// Minter of the cw20 assets.
    pub minter: Addr,
    pub assets: [AssetInfo; 2],
    pub spec: PoolSpec,
}

pub fn weight(percent: u64) -> Decimal {
    Decimal::percent(percent)
}

impl Suite {
    pub fn new(spec: PoolSpec) -> Self {
        let mut suite = Self::bare();
        let assets = [
            suite.create_asset(spec.assets[0]),
            suite.create_asset(spec.assets[1]),
        ];
        let msg = suite.instantiate_msg(&spec, &assets);
        let pool = suite.try_instantiate(msg).unwrap();
        let info: PoolInfoResponse = suite
            .app
            .wrap()
            .query_wasm_smart(&pool, &QueryMsg::PoolInfo {})
            .unwrap();
        suite.pool = pool;
        suite.lp_token = Addr::unchecked(info.lp_token);
        suite.assets = assets;
        suite.spec = spec;
        suite
    }

    /// Codes stored and the clock at `T0`, but no pool yet.
    pub fn bare() -> Self {
        let mut app = App::default();
        app.update_block(|b| {
            b.time = Timestamp::from_seconds(T0);
            b.height = 1;
        });
        let pool_code = app.store_code(pool_contract());
        let cw20_code = app.store_code(cw20_contract());
        let api = app.api();
        let (owner, collector, minter) = (
            api.addr_make("owner"),
            api.addr_make("collector"),
            api.addr_make("minter"),
        );
        Suite {
            app,
            pool_code,
            cw20_code,
            pool: Addr::unchecked(""),
            lp_token: Addr::unchecked(""),
            owner,
            collector,
            minter,
            assets: [AssetInfo::native("none"), AssetInfo::native("none")],
            spec: PoolSpec::native(50, 50),
        }
    }

    pub fn create_asset(&mut self, side: Side) -> AssetInfo {
        match side {
            Side::Native(denom) => AssetInfo::native(denom),
            Side::Cw20(symbol) => {
                let addr = self
                    .app
                    .instantiate_contract(
                        self.cw20_code,
                        self.minter.clone(),
                        &cw20_base::msg::InstantiateMsg {
                            name: format!("{symbol} token"),
                            symbol: symbol.to_string(),
                            decimals: 6,
                            initial_balances: vec![],
                            mint: Some(MinterResponse {
                                minter: self.minter.to_string(),
                                cap: None,
                            }),
                            marketing: None,
                        },
                        &[],
                        symbol,
                        None,
                    )
                    .unwrap();
                AssetInfo::cw20(addr.to_string())
            }
        }
    }

    pub fn instantiate_msg(&self, spec: &PoolSpec, assets: &[AssetInfo; 2]) -> InstantiateMsg {
        InstantiateMsg {
            assets: [
                WeightedAssetInfo {
                    info: assets[0].clone(),
                    weight: weight(spec.weights[0]),
                    decimals: spec.decimals[0],
                },
                WeightedAssetInfo {
                    info: assets[1].clone(),
                    weight: weight(spec.weights[1]),
                    decimals: spec.decimals[1],
                },
            ],
            swap_fee_bps: spec.swap_fee_bps,
            protocol_fee_share_bps: spec.protocol_fee_share_bps,
            fee_collector: spec.with_collector.then(|| self.collector.to_string()),
            owner: self.owner.to_string(),
            lp_token_code_id: self.cw20_code,
            lp_token_name: None,
            lp_token_symbol: None,
            oracle: spec.oracle,
        }
    }

    pub fn try_instantiate(&mut self, msg: InstantiateMsg) -> anyhow::Result<Addr> {
        let owner = self.owner.clone();
        self.app.instantiate_contract(
            self.pool_code,
            owner.clone(),
            &msg,
            &[],
            "pool",
            Some(owner.to_string()),
        )
    }

    pub fn addr(&self, name: &str) -> Addr {
        self.app.api().addr_make(name)
    }

    pub fn now(&self) -> u64 {
        self.app.block_info().time.seconds()
    }

    /// Moves the clock forward by `secs` seconds (and the height by one block).
    pub fn advance(&mut self, secs: u64) {
        self.app.update_block(|b| {
            b.time = b.time.plus_seconds(secs);
            b.height += 1;
        });
    }

    /// Gives `user` `amount` of pool asset `i` (minted out of thin air).
    pub fn fund(&mut self, user: &Addr, i: usize, amount: u128) {
        match self.assets[i].clone() {
            AssetInfo::Native { denom } => {
                self.app
                    .sudo(SudoMsg::Bank(BankSudo::Mint {
                        to_address: user.to_string(),
                        amount: vec![coin(amount, denom)],
                    }))
                    .unwrap();
            }
            AssetInfo::Cw20 { contract_addr } => {
                self.app
                    .execute_contract(
                        self.minter.clone(),
                        Addr::unchecked(contract_addr),
                        &Cw20ExecuteMsg::Mint {
                            recipient: user.to_string(),
                            amount: Uint128::new(amount),
                        },
                        &[],
                    )
                    .unwrap();
            }
        }
    }

    /// Gives `user` a native coin, of a pool asset or not.
    pub fn fund_native(&mut self, user: &Addr, amount: Coin) {
        self.app
            .sudo(SudoMsg::Bank(BankSudo::Mint {
                to_address: user.to_string(),
                amount: vec![amount],
            }))
            .unwrap();
    }

    /// `user`'s balance of pool asset `i`.
    pub fn balance(&self, user: &Addr, i: usize) -> u128 {
        match &self.assets[i] {
            AssetInfo::Native { denom } => self
                .app
                .wrap()
                .query_balance(user, denom)
                .unwrap()
                .amount
                .u128(),
            AssetInfo::Cw20 { contract_addr } => self.cw20_balance(contract_addr, user),
        }
    }

    pub fn cw20_balance(&self, token: &str, user: &Addr) -> u128 {
        let r: BalanceResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                token,
                &cw20::Cw20QueryMsg::Balance {
                    address: user.to_string(),
                },
            )
            .unwrap();
        r.balance.u128()
    }

    pub fn lp_balance(&self, user: &Addr) -> u128 {
        self.cw20_balance(self.lp_token.as_str(), user)
    }

    pub fn lp_decimals(&self) -> u8 {
        let r: cw20::TokenInfoResponse = self
            .app
            .wrap()
            .query_wasm_smart(&self.lp_token, &cw20::Cw20QueryMsg::TokenInfo {})
            .unwrap();
        r.decimals
    }

    pub fn lp_total_supply(&self) -> u128 {
        let r: cw20::TokenInfoResponse = self
            .app
            .wrap()
            .query_wasm_smart(&self.lp_token, &cw20::Cw20QueryMsg::TokenInfo {})
            .unwrap();
        r.total_supply.u128()
    }

    pub fn exec(&mut self, sender: &Addr, funds: &[Coin], msg: &ExecuteMsg) -> Res {
        let pool = self.pool.clone();
        self.app.execute_contract(sender.clone(), pool, msg, funds)
    }

    /// Sends `amount` of `token` to the pool with `hook`.
    pub fn send_cw20(&mut self, user: &Addr, token: &str, amount: u128, hook: &ReceiveMsg) -> Res {
        self.app.execute_contract(
            user.clone(),
            Addr::unchecked(token),
            &Cw20ExecuteMsg::Send {
                contract: self.pool.to_string(),
                amount: Uint128::new(amount),
                msg: to_json_binary(hook).unwrap(),
            },
            &[],
        )
    }

    /// Pays `amount` of asset `i` into a single-asset action: attached if native, through
    /// the cw20 hook otherwise.
    pub fn pay_in(
        &mut self,
        user: &Addr,
        i: usize,
        amount: u128,
        native: ExecuteMsg,
        hook: ReceiveMsg,
    ) -> Res {
        match self.assets[i].clone() {
            AssetInfo::Native { denom } => self.exec(user, &[coin(amount, denom)], &native),
            AssetInfo::Cw20 { contract_addr } => {
                self.send_cw20(user, &contract_addr, amount, &hook)
            }
        }
    }

    /// Proportional join with native parts attached and cw20 parts approved first.
    pub fn join_with(
        &mut self,
        user: &Addr,
        max: [u128; 2],
        min_lp_out: Option<u128>,
        deadline: Option<u64>,
    ) -> Res {
        let mut funds = vec![];
        for (i, amount) in max.iter().enumerate() {
            match self.assets[i].clone() {
                AssetInfo::Native { denom } if *amount > 0 => funds.push(coin(*amount, denom)),
                AssetInfo::Cw20 { contract_addr } if *amount > 0 => {
                    self.app
                        .execute_contract(
                            user.clone(),
                            Addr::unchecked(contract_addr),
                            &Cw20ExecuteMsg::IncreaseAllowance {
                                spender: self.pool.to_string(),
                                amount: Uint128::new(*amount),
                                expires: None,
                            },
                            &[],
                        )
                        .unwrap();
                }
                _ => {}
            }
        }
        funds.sort_by(|a, b| a.denom.cmp(&b.denom));
        self.exec(
            user,
            &funds,
            &ExecuteMsg::Join {
                max_amounts: [Uint128::new(max[0]), Uint128::new(max[1])],
                min_lp_out: min_lp_out.map(Uint128::new),
                recipient: None,
                deadline,
            },
        )
    }

    pub fn join(&mut self, user: &Addr, max: [u128; 2]) -> Res {
        self.join_with(user, max, None, None)
    }

    /// Funds `user` with `amounts` and joins with exactly them.
    pub fn funded_join(&mut self, user: &Addr, amounts: [u128; 2]) -> Res {
        for (i, amount) in amounts.iter().enumerate() {
            if *amount > 0 {
                self.fund(user, i, *amount);
            }
        }
        self.join(user, amounts)
    }

    pub fn swap_in(&mut self, user: &Addr, i: usize, amount: u128, min_out: Option<u128>) -> Res {
        let min_out = min_out.map(Uint128::new);
        self.pay_in(
            user,
            i,
            amount,
            ExecuteMsg::SwapExactIn {
                min_out,
                recipient: None,
                deadline: None,
            },
            ReceiveMsg::SwapExactIn {
                min_out,
                recipient: None,
                deadline: None,
            },
        )
    }

    pub fn swap_out(&mut self, user: &Addr, i: usize, max_in: u128, amount_out: u128) -> Res {
        let amount_out = Uint128::new(amount_out);
        self.pay_in(
            user,
            i,
            max_in,
            ExecuteMsg::SwapExactOut {
                amount_out,
                recipient: None,
                deadline: None,
            },
            ReceiveMsg::SwapExactOut {
                amount_out,
                recipient: None,
                deadline: None,
            },
        )
    }

    pub fn join_single(
        &mut self,
        user: &Addr,
        i: usize,
        amount: u128,
        min_lp_out: Option<u128>,
    ) -> Res {
        let min_lp_out = min_lp_out.map(Uint128::new);
        self.pay_in(
            user,
            i,
            amount,
            ExecuteMsg::JoinSingle {
                min_lp_out,
                recipient: None,
                deadline: None,
            },
            ReceiveMsg::JoinSingle {
                min_lp_out,
                recipient: None,
                deadline: None,
            },
        )
    }

    pub fn exit(&mut self, user: &Addr, lp: u128, min_amounts_out: Option<[u128; 2]>) -> Res {
        let lp_token = self.lp_token.to_string();
        self.send_cw20(
            user,
            &lp_token,
            lp,
            &ReceiveMsg::Exit {
                min_amounts_out: min_amounts_out.map(|m| [Uint128::new(m[0]), Uint128::new(m[1])]),
                recipient: None,
                deadline: None,
            },
        )
    }

    pub fn exit_single(&mut self, user: &Addr, lp: u128, i: usize, min_out: Option<u128>) -> Res {
        let lp_token = self.lp_token.to_string();
        let asset = self.assets[i].clone();
        self.send_cw20(
            user,
            &lp_token,
            lp,
            &ReceiveMsg::ExitSingle {
                asset,
                min_out: min_out.map(Uint128::new),
                recipient: None,
                deadline: None,
            },
        )
    }

    pub fn collect(&mut self) -> Res {
        let anyone = self.addr("anyone");
        self.exec(&anyone, &[], &ExecuteMsg::CollectProtocolFees {})
    }

    pub fn q<T: DeserializeOwned>(&self, msg: &QueryMsg) -> T {
        self.app.wrap().query_wasm_smart(&self.pool, msg).unwrap()
    }

    pub fn try_q<T: DeserializeOwned>(&self, msg: &QueryMsg) -> cosmwasm_std::StdResult<T> {
        self.app.wrap().query_wasm_smart(&self.pool, msg)
    }

    pub fn info(&self) -> PoolInfoResponse {
        self.q(&QueryMsg::PoolInfo {})
    }

    /// LP-owned balances, pool order.
    pub fn reserves(&self) -> [u128; 2] {
        let info = self.info();
        [info.assets[0].balance.u128(), info.assets[1].balance.u128()]
    }

    pub fn fees_owed(&self) -> [u128; 2] {
        let info = self.info();
        [
            info.assets[0].protocol_fees_owed.u128(),
            info.assets[1].protocol_fees_owed.u128(),
        ]
    }

    pub fn lp_supply(&self) -> u128 {
        self.info().lp_supply.u128()
    }

    /// What the pool actually holds of asset `i` (bank or cw20), to compare with the books.
    pub fn held(&self, i: usize) -> u128 {
        let pool = self.pool.clone();
        self.balance(&pool, i)
    }

    /// Storage of the pool and every token contract, and the bank balances of the pool and
    /// of `users`.
    pub fn snapshot(&self, users: &[&Addr]) -> Snapshot {
        let mut tokens = vec![self.lp_token.clone()];
        for asset in &self.assets {
            if let AssetInfo::Cw20 { contract_addr } = asset {
                tokens.push(Addr::unchecked(contract_addr));
            }
        }
        let dump = |a: &Addr| {
            self.app
                .dump_wasm_raw(a)
                .into_iter()
                .collect::<Vec<(Vec<u8>, Vec<u8>)>>()
        };
        let mut holders = vec![&self.pool];
        holders.extend_from_slice(users);
        Snapshot {
            pool_storage: dump(&self.pool),
            token_storage: tokens.iter().map(dump).collect(),
            bank: holders
                .iter()
                .map(|a| {
                    self.native_denoms()
                        .iter()
                        .map(|d| self.app.wrap().query_balance(*a, d).unwrap())
                        .collect()
                })
                .collect(),
        }
    }

    pub fn native_denoms(&self) -> Vec<String> {
        self.assets
            .iter()
            .filter_map(|a| match a {
                AssetInfo::Native { denom } => Some(denom.clone()),
                AssetInfo::Cw20 { .. } => None,
            })
            .collect()
    }

    /// The value of attribute `key` in the pool's own event.
    pub fn attr(&self, res: &AppResponse, key: &str) -> String {
        let pool = self.pool.as_str();
        res.events
            .iter()
            .filter(|e| e.ty == "wasm")
            .filter(|e| {
                e.attributes
                    .iter()
                    .any(|a| a.key == "_contract_address" && a.value == pool)
            })
            .flat_map(|e| e.attributes.iter())
            .find(|a| a.key == key)
            .map(|a| a.value.clone())
            .unwrap_or_else(|| panic!("no attribute {key} in the pool's event"))
    }

    /// Runs `call`, expects the pool error `expected`, and checks that nothing changed.
    pub fn refuse(
        &mut self,
        users: &[&Addr],
        expected: ContractError,
        call: impl FnOnce(&mut Self) -> Res,
    ) {
        let before = self.snapshot(users);
        let result = call(self);
        assert_err(result, expected);
        assert_eq!(self.snapshot(users), before, "a refused call changed state");
    }
}

pub fn u(v: u128) -> Uint128 {
    Uint128::new(v)
}
