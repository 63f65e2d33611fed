//! A cw-multi-test driver for one CL pool (native assets "uaaa"/"ubbb" or cw20s), plus mock
//! farming centers. Amounts are token units; helpers take `u128` to keep the tests short.
#![allow(dead_code, clippy::needless_range_loop)]
use cosmwasm_std::{
    coin, to_json_binary, Addr, Binary, Coin, Deps, DepsMut, Empty, Env, MessageInfo, Response,
    StdError, StdResult, Timestamp, Uint128, Uint256,
};
use cw20::{BalanceResponse, Cw20ExecuteMsg, MinterResponse};
use cw_multi_test::{App, AppResponse, BankSudo, Contract, ContractWrapper, Executor, SudoMsg};
use cw_storage_plus::Item;
use serde::de::DeserializeOwned;
use trellis_cl_pool::contract::{execute, instantiate, migrate, query, reply};
use trellis_cl_pool::ContractError;
use trellis_types::cl_pool::*;
use trellis_types::AssetInfo;

pub const E6: u128 = 1_000_000;
pub const T0: u64 = 1_700_000_000;
/// 2^96: sqrt price 1.
pub const Q96: u128 = 1 << 96;

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

// --- mock farming centers ---

/// Every hook the recording center received, in order.
const HOOK_CALLS: Item<Vec<FarmingHookMsg>> = Item::new("calls");

fn recorder_execute(
    deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    msg: FarmingHookMsg,
) -> StdResult<Response> {
    let mut calls = HOOK_CALLS.may_load(deps.storage)?.unwrap_or_default();
    calls.push(msg);
    HOOK_CALLS.save(deps.storage, &calls)?;
    Ok(Response::new())
}

fn recorder_query(deps: Deps, _env: Env, _msg: Empty) -> StdResult<Binary> {
    to_json_binary(&HOOK_CALLS.may_load(deps.storage)?.unwrap_or_default())
}

fn center_instantiate(
    _deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    _msg: Empty,
) -> StdResult<Response> {
    Ok(Response::new())
}

/// A farming center that records each hook.
pub fn recording_center() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        recorder_execute,
        center_instantiate,
        recorder_query,
    ))
}

fn failing_execute(
    _deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    _msg: FarmingHookMsg,
) -> StdResult<Response> {
    Err(StdError::generic_err("farming center out of sync"))
}

/// A farming center whose hook always fails.
pub fn failing_center() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        failing_execute,
        center_instantiate,
        recorder_query,
    ))
}

/// Asserts `result` failed with the pool error `expected`, wherever it sits in the chain.
pub fn assert_err<T: std::fmt::Debug>(result: anyhow::Result<T>, expected: ContractError) {
    let err = result.expect_err("expected the call to fail");
    let found = err.downcast_ref::<ContractError>();
    assert_eq!(found, Some(&expected), "full error: {err:?}");
}

pub fn u(v: u128) -> Uint128 {
    Uint128::new(v)
}

pub fn attr(res: &AppResponse, key: &str) -> Option<String> {
    res.events
        .iter()
        .filter(|e| e.ty == "wasm")
        .flat_map(|e| e.attributes.iter())
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
}

#[derive(Clone, Debug)]
pub struct Spec {
    pub fee_tier: FeeTier,
    pub protocol_fee_share_bps: u16,
    pub with_collector: bool,
    /// `None`: the pool starts uninitialized.
    pub sqrt_price: Option<Uint256>,
    pub oracle: OracleConfig,
    pub cw20: bool,
}

impl Spec {
    /// Native assets, fee 3000 pips (spacing 60), no protocol share, price 1.
    pub fn standard() -> Self {
        Spec {
            fee_tier: FEE_TIERS[2],
            protocol_fee_share_bps: 0,
            with_collector: false,
            sqrt_price: Some(Uint256::from(Q96)),
            oracle: OracleConfig {
                capacity: 10,
                min_sample_spacing: 60,
            },
            cw20: false,
        }
    }

    pub fn tier(mut self, fee_pips: u32, tick_spacing: i32) -> Self {
        self.fee_tier = FeeTier {
            fee_pips,
            tick_spacing,
        };
        self
    }

    pub fn protocol_share(mut self, bps: u16) -> Self {
        self.protocol_fee_share_bps = bps;
        self.with_collector = true;
        self
    }

    pub fn price(mut self, sqrt_price: Option<Uint256>) -> Self {
        self.sqrt_price = sqrt_price;
        self
    }

    pub fn cw20(mut self) -> Self {
        self.cw20 = true;
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
    pub pool: Addr,
    pub owner: Addr,
    pub collector: Addr,
    pub minter: Addr,
    pub assets: [AssetInfo; 2],
    pub spec: Spec,
}

impl Suite {
    pub fn new(spec: Spec) -> Self {
        let mut app = App::default();
        app.update_block(|b| {
            b.time = Timestamp::from_seconds(T0);
            b.height = 1;
        });
        let owner = app.api().addr_make("owner");
        let collector = app.api().addr_make("collector");
        let minter = app.api().addr_make("minter");
        let pool_code = app.store_code(pool_contract());
        let assets = if spec.cw20 {
            let code = app.store_code(cw20_contract());
            let make = |app: &mut App, symbol: &str| {
                let addr = app
                    .instantiate_contract(
                        code,
                        minter.clone(),
                        &cw20_base::msg::InstantiateMsg {
                            name: format!("token {symbol}"),
                            symbol: symbol.to_string(),
                            decimals: 6,
                            initial_balances: vec![],
                            mint: Some(MinterResponse {
                                minter: minter.to_string(),
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
            };
            [make(&mut app, "AAA"), make(&mut app, "BBB")]
        } else {
            [AssetInfo::native("uaaa"), AssetInfo::native("ubbb")]
        };
        let mut suite = Suite {
            app,
            pool_code,
            pool: Addr::unchecked(""),
            owner,
            collector,
            minter,
            assets,
            spec: spec.clone(),
        };
        let msg = suite.instantiate_msg();
        suite.pool = suite.try_instantiate(msg).unwrap();
        suite
    }

    pub fn instantiate_msg(&self) -> InstantiateMsg {
        InstantiateMsg {
            assets: self.assets.clone(),
            fee_tier: self.spec.fee_tier,
            protocol_fee_share_bps: self.spec.protocol_fee_share_bps,
            fee_collector: self.spec.with_collector.then(|| self.collector.to_string()),
            owner: self.owner.to_string(),
            sqrt_price: self.spec.sqrt_price,
            oracle: self.spec.oracle,
            collection_name: None,
            collection_symbol: None,
        }
    }

    pub fn try_instantiate(&mut self, msg: InstantiateMsg) -> anyhow::Result<Addr> {
        self.app.instantiate_contract(
            self.pool_code,
            self.owner.clone(),
            &msg,
            &[],
            "cl-pool",
            Some(self.owner.to_string()),
        )
    }

    pub fn addr(&self, name: &str) -> Addr {
        self.app.api().addr_make(name)
    }

    pub fn denom(&self, i: usize) -> String {
        match &self.assets[i] {
            AssetInfo::Native { denom } => denom.clone(),
            AssetInfo::Cw20 { .. } => panic!("asset {i} is a cw20"),
        }
    }

    pub fn fund(&mut self, who: &Addr, i: usize, amount: u128) {
        match self.assets[i].clone() {
            AssetInfo::Native { denom } => self
                .app
                .sudo(SudoMsg::Bank(BankSudo::Mint {
                    to_address: who.to_string(),
                    amount: vec![coin(amount, denom)],
                }))
                .map(|_| ())
                .unwrap(),
            AssetInfo::Cw20 { contract_addr } => {
                self.app
                    .execute_contract(
                        self.minter.clone(),
                        Addr::unchecked(contract_addr),
                        &Cw20ExecuteMsg::Mint {
                            recipient: who.to_string(),
                            amount: u(amount),
                        },
                        &[],
                    )
                    .unwrap();
            }
        }
    }

    pub fn balance(&self, who: &Addr, i: usize) -> u128 {
        match &self.assets[i] {
            AssetInfo::Native { denom } => self
                .app
                .wrap()
                .query_balance(who, denom)
                .unwrap()
                .amount
                .u128(),
            AssetInfo::Cw20 { contract_addr } => {
                let r: BalanceResponse = self
                    .app
                    .wrap()
                    .query_wasm_smart(
                        contract_addr,
                        &cw20::Cw20QueryMsg::Balance {
                            address: who.to_string(),
                        },
                    )
                    .unwrap();
                r.balance.u128()
            }
        }
    }

    pub fn exec(&mut self, sender: &Addr, funds: &[Coin], msg: &ExecuteMsg) -> Res {
        self.app
            .execute_contract(sender.clone(), self.pool.clone(), msg, funds)
    }

    pub fn q<T: DeserializeOwned>(&self, msg: &QueryMsg) -> T {
        self.app.wrap().query_wasm_smart(&self.pool, msg).unwrap()
    }

    pub fn try_q<T: DeserializeOwned>(&self, msg: &QueryMsg) -> StdResult<T> {
        self.app.wrap().query_wasm_smart(&self.pool, msg)
    }

    pub fn state(&self) -> PoolStateResponse {
        self.q(&QueryMsg::PoolState {})
    }

    pub fn position(&self, token_id: &str) -> PositionResponse {
        self.q(&QueryMsg::Position {
            token_id: token_id.to_string(),
        })
    }

    pub fn tick(&self, tick: i32) -> TickResponse {
        self.q(&QueryMsg::Tick { tick })
    }

    pub fn advance(&mut self, secs: u64) {
        self.app.update_block(|b| {
            b.time = b.time.plus_seconds(secs);
            b.height += 1;
        });
    }

    pub fn now(&self) -> u64 {
        self.app.block_info().time.seconds()
    }

    /// Native coins attached for these amounts (non-zero native ones).
    pub fn native_funds(&self, amounts: [u128; 2]) -> Vec<Coin> {
        let mut funds: Vec<Coin> = (0..2)
            .filter(|&i| amounts[i] > 0 && !self.assets[i].to_string().starts_with("cw20"))
            .map(|i| coin(amounts[i], self.denom(i)))
            .collect();
        funds.sort_by(|a, b| a.denom.cmp(&b.denom));
        funds
    }

    /// Allowances for the cw20 assets of `amounts`.
    pub fn approve_cw20(&mut self, who: &Addr, amounts: [u128; 2]) {
        for i in 0..2 {
            if let AssetInfo::Cw20 { contract_addr } = self.assets[i].clone() {
                if amounts[i] > 0 {
                    self.app
                        .execute_contract(
                            who.clone(),
                            Addr::unchecked(contract_addr),
                            &Cw20ExecuteMsg::IncreaseAllowance {
                                spender: self.pool.to_string(),
                                amount: u(amounts[i]),
                                expires: None,
                            },
                            &[],
                        )
                        .unwrap();
                }
            }
        }
    }

    pub fn mint_msg(lower: i32, upper: i32, desired: [u128; 2], min: [u128; 2]) -> ExecuteMsg {
        ExecuteMsg::Mint {
            lower_tick: lower,
            upper_tick: upper,
            amounts: AddAmounts {
                desired: desired.map(u),
                min: min.map(u),
            },
            recipient: None,
            deadline: None,
        }
    }

    /// Funds `who` with `desired` and mints; returns the response.
    pub fn funded_mint(&mut self, who: &Addr, lower: i32, upper: i32, desired: [u128; 2]) -> Res {
        for i in 0..2 {
            if desired[i] > 0 {
                self.fund(who, i, desired[i]);
            }
        }
        self.approve_cw20(who, desired);
        let funds = self.native_funds(desired);
        self.exec(who, &funds, &Self::mint_msg(lower, upper, desired, [0, 0]))
    }

    /// The token id a mint response created.
    pub fn minted_id(res: &AppResponse) -> String {
        attr(res, "token_id").expect("a token id")
    }

    /// Exact-in swap of `amount` of asset `i` (native coin or cw20 Send).
    pub fn swap_in(&mut self, who: &Addr, i: usize, amount: u128, limit: Option<Uint256>) -> Res {
        match self.assets[i].clone() {
            AssetInfo::Native { denom } => self.exec(
                who,
                &[coin(amount, denom)],
                &ExecuteMsg::SwapExactIn {
                    sqrt_price_limit: limit,
                    min_out: None,
                    recipient: None,
                    deadline: None,
                },
            ),
            AssetInfo::Cw20 { contract_addr } => self.app.execute_contract(
                who.clone(),
                Addr::unchecked(contract_addr),
                &Cw20ExecuteMsg::Send {
                    contract: self.pool.to_string(),
                    amount: u(amount),
                    msg: to_json_binary(&ReceiveMsg::SwapExactIn {
                        sqrt_price_limit: limit,
                        min_out: None,
                        recipient: None,
                        deadline: None,
                    })
                    .unwrap(),
                },
                &[],
            ),
        }
    }

    /// Exact-out swap paying at most `max_in` of asset `i` for `amount_out` of the other.
    pub fn swap_out(
        &mut self,
        who: &Addr,
        i: usize,
        max_in: u128,
        amount_out: u128,
        limit: Option<Uint256>,
    ) -> Res {
        match self.assets[i].clone() {
            AssetInfo::Native { denom } => self.exec(
                who,
                &[coin(max_in, denom)],
                &ExecuteMsg::SwapExactOut {
                    amount_out: u(amount_out),
                    sqrt_price_limit: limit,
                    recipient: None,
                    deadline: None,
                },
            ),
            AssetInfo::Cw20 { contract_addr } => self.app.execute_contract(
                who.clone(),
                Addr::unchecked(contract_addr),
                &Cw20ExecuteMsg::Send {
                    contract: self.pool.to_string(),
                    amount: u(max_in),
                    msg: to_json_binary(&ReceiveMsg::SwapExactOut {
                        amount_out: u(amount_out),
                        sqrt_price_limit: limit,
                        recipient: None,
                        deadline: None,
                    })
                    .unwrap(),
                },
                &[],
            ),
        }
    }

    pub fn swap_data(res: &AppResponse) -> SwapResponse {
        cosmwasm_std::from_json(res.data.as_ref().expect("swap data")).unwrap()
    }

    pub fn snapshot(&self, accounts: &[&Addr]) -> Snapshot {
        let tokens = self
            .assets
            .iter()
            .filter_map(|a| match a {
                AssetInfo::Cw20 { contract_addr } => Some(
                    self.app
                        .dump_wasm_raw(&Addr::unchecked(contract_addr.clone())),
                ),
                _ => None,
            })
            .collect();
        let mut holders: Vec<&Addr> = accounts.to_vec();
        holders.push(&self.pool);
        let denoms: Vec<String> = self
            .assets
            .iter()
            .filter_map(|a| match a {
                AssetInfo::Native { denom } => Some(denom.clone()),
                _ => None,
            })
            .collect();
        let bank = holders
            .iter()
            .map(|a| {
                denoms
                    .iter()
                    .map(|d| self.app.wrap().query_balance(*a, d).unwrap())
                    .collect()
            })
            .collect();
        Snapshot {
            pool_storage: self.app.dump_wasm_raw(&self.pool),
            token_storage: tokens,
            bank,
        }
    }

    /// Runs `call`, expects `expected`, and checks nothing changed.
    pub fn refuse(
        &mut self,
        accounts: &[&Addr],
        expected: ContractError,
        call: impl FnOnce(&mut Self) -> Res,
    ) {
        let before = self.snapshot(accounts);
        assert_err(call(self), expected);
        assert_eq!(
            self.snapshot(accounts),
            before,
            "a refused call changed state"
        );
    }

    pub fn set_center(&mut self, center: &Addr) {
        let owner = self.owner.clone();
        self.exec(
            &owner,
            &[],
            &ExecuteMsg::SetFarmingCenter {
                farming_center: Some(center.to_string()),
            },
        )
        .unwrap();
    }

    pub fn hook_calls(&self, center: &Addr) -> Vec<FarmingHookMsg> {
        self.app.wrap().query_wasm_smart(center, &Empty {}).unwrap()
    }
}
