//! A mock-deps driver for the options token, with a fake weighted pool answering `PoolInfo`
//! and `Twap` from a price the test sets (or refusing, as a pool short of history does), and
//! storage snapshots to prove refused calls change nothing.
#![allow(dead_code)]
use std::cell::RefCell;
use std::rc::Rc;

use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    from_json, to_json_binary, Addr, Coin, ContractResult, Decimal, Decimal256, Env, Order,
    OwnedDeps, QuerierResult, Response, Storage, SystemError, SystemResult, Timestamp, Uint128,
    WasmQuery,
};
use trellis_options_token::contract::{execute, instantiate, query};
use trellis_options_token::ContractError;
use trellis_types::options_token::*;
use trellis_types::weighted_pool::{
    OracleConfig as PoolOracle, PoolAsset, PoolInfoResponse, QueryMsg as PoolQuery, TwapResponse,
};
use trellis_types::AssetInfo;

pub const ONE: u128 = 1_000_000_000_000_000_000;
pub const WINDOW: u64 = 1_800;
pub const NOW: u64 = 1_700_000_000;

pub fn addr(name: &str) -> Addr {
    MockApi::default().addr_make(name)
}

/// What the fake pool answers.
pub struct FakePool {
    pub assets: [AssetInfo; 2],
    /// `None`: the pool refuses the TWAP (history does not cover the window).
    pub price: Option<Decimal256>,
    /// The last TWAP query: (base, window, ago).
    pub asked: Option<(AssetInfo, u64, u64)>,
    /// The oracle settings `PoolInfo` reports.
    pub oracle: PoolOracle,
}

/// The fake pool's oracle unless a test sets another: 100 samples at least 60 s apart, sure to
/// hold (100 - 2) * 60 = 5,880 s of history, more than the 1,800 s window.
pub const POOL_ORACLE: PoolOracle = PoolOracle {
    capacity: 100,
    min_sample_spacing: 60,
};

pub type Shared = Rc<RefCell<FakePool>>;

fn answer(pool: &Shared, query: &WasmQuery) -> QuerierResult {
    let WasmQuery::Smart { contract_addr, msg } = query else {
        return SystemResult::Err(SystemError::Unknown {});
    };
    if *contract_addr != addr("pool").to_string() {
        return SystemResult::Err(SystemError::NoSuchContract {
            addr: contract_addr.clone(),
        });
    }
    let mut p = pool.borrow_mut();
    let reply = match from_json(msg).unwrap() {
        PoolQuery::PoolInfo {} => to_json_binary(&PoolInfoResponse {
            assets: p.assets.clone().map(|info| PoolAsset {
                info,
                weight: Decimal::percent(50),
                balance: Uint128::zero(),
                protocol_fees_owed: Uint128::zero(),
            }),
            lp_token: "lp".to_string(),
            lp_supply: Uint128::zero(),
            swap_fee_bps: 30,
            protocol_fee_share_bps: 0,
            fee_collector: None,
            oracle: p.oracle,
        }),
        PoolQuery::Twap {
            base,
            window_secs,
            ago_secs,
        } => {
            p.asked = Some((base, window_secs, ago_secs));
            match p.price {
                Some(price) => to_json_binary(&TwapResponse {
                    price,
                    start: 0,
                    end: 0,
                }),
                None => {
                    return SystemResult::Ok(ContractResult::Err(
                        "oracle history does not cover the window".to_string(),
                    ))
                }
            }
        }
        _ => return SystemResult::Ok(ContractResult::Err("unexpected query".to_string())),
    };
    SystemResult::Ok(ContractResult::Ok(reply.unwrap()))
}

pub struct Opt {
    pub deps: OwnedDeps<MockStorage, MockApi, MockQuerier>,
    pub env: Env,
    pub owner: Addr,
    pub minter: Addr,
    pub pool: Shared,
}

/// oTOKEN on LIT (a cw20, minted on exercise), paid in native `uweth`, 50% of the TWAP.
pub fn lit_msg() -> InstantiateMsg {
    InstantiateMsg {
        name: "Option LIT".to_string(),
        symbol: "oLIT".to_string(),
        decimals: 18,
        owner: addr("owner").to_string(),
        minter: Some(addr("farm").to_string()),
        cap: None,
        underlying: AssetInfo::cw20(addr("lit").to_string()),
        delivery: Delivery::Mint,
        payment: AssetInfo::native("uweth"),
        oracle: OracleConfig {
            pool: addr("pool").to_string(),
            window_secs: WINDOW,
            ago_secs: 0,
        },
        multiplier_bps: 5_000,
        min_price: Decimal::raw(1),
        treasury: addr("treasury").to_string(),
    }
}

impl Opt {
    pub fn new(msg: InstantiateMsg) -> Self {
        Self::try_new(msg).unwrap()
    }

    pub fn try_new(msg: InstantiateMsg) -> Result<Self, ContractError> {
        Self::try_new_with_pool_oracle(msg, POOL_ORACLE)
    }

    /// [`Opt::try_new`] against a pool whose oracle has these settings.
    pub fn try_new_with_pool_oracle(
        msg: InstantiateMsg,
        oracle: PoolOracle,
    ) -> Result<Self, ContractError> {
        let mut deps = mock_dependencies();
        let pool = Rc::new(RefCell::new(FakePool {
            assets: [msg.underlying.clone(), msg.payment.clone()],
            price: Some(Decimal256::percent(2)),
            asked: None,
            oracle,
        }));
        let shared = pool.clone();
        deps.querier
            .update_wasm(move |query| answer(&shared, query));
        let mut env = mock_env();
        env.block.time = Timestamp::from_seconds(NOW);
        let owner = addr("owner");
        instantiate(deps.as_mut(), env.clone(), message_info(&owner, &[]), msg)?;
        Ok(Opt {
            deps,
            env,
            owner,
            minter: addr("farm"),
            pool,
        })
    }

    pub fn set_price(&mut self, atomics: u128) {
        self.pool.borrow_mut().price = Some(Decimal256::raw(atomics));
    }

    pub fn exec(
        &mut self,
        sender: &Addr,
        funds: &[Coin],
        msg: ExecuteMsg,
    ) -> Result<Response, ContractError> {
        execute(
            self.deps.as_mut(),
            self.env.clone(),
            message_info(sender, funds),
            msg,
        )
    }

    pub fn mint(&mut self, to: &Addr, amount: u128) {
        let minter = self.minter.clone();
        self.exec(
            &minter,
            &[],
            ExecuteMsg::Mint {
                recipient: to.to_string(),
                amount: Uint128::new(amount),
            },
        )
        .unwrap();
    }

    pub fn q<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        from_json(query(self.deps.as_ref(), self.env.clone(), msg).unwrap()).unwrap()
    }

    pub fn balance(&self, who: &Addr) -> u128 {
        let b: cw20::BalanceResponse = self.q(QueryMsg::Balance {
            address: who.to_string(),
        });
        b.balance.u128()
    }

    pub fn totals(&self) -> TotalsResponse {
        self.q(QueryMsg::Totals {})
    }

    pub fn snapshot(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        self.deps
            .storage
            .range(None, None, Order::Ascending)
            .collect()
    }

    /// Runs `msg`, expects it refused with `expected`, and checks storage is untouched.
    pub fn refuse(
        &mut self,
        sender: &Addr,
        funds: &[Coin],
        msg: ExecuteMsg,
        expected: ContractError,
    ) {
        let before = self.snapshot();
        let err = self.exec(sender, funds, msg).unwrap_err();
        assert_eq!(err, expected);
        assert_eq!(self.snapshot(), before, "a refused call changed storage");
    }
}

pub fn exercise(amount: u128, max_payment: u128, deadline: u64) -> ExecuteMsg {
    ExecuteMsg::Exercise {
        amount: Uint128::new(amount),
        max_payment: Uint128::new(max_payment),
        recipient: None,
        deadline,
    }
}
