//! A cw-multi-test driver: the fee distributor, a mock vote escrow with scheduled powers, a
//! native fee coin and a cw20 fee token. Times are given in weeks after `T0` where handy.
#![allow(dead_code)]
pub mod broken_cw20;
pub mod mock_ve;

use cosmwasm_std::{coin, Addr, Coin, Empty, Timestamp, Uint128};
use cw20::{BalanceResponse, Cw20ExecuteMsg, Cw20QueryMsg, MinterResponse};
use cw_multi_test::{App, AppResponse, BankSudo, Contract, ContractWrapper, Executor, SudoMsg};
use trellis_fee_distributor::contract::{execute, instantiate, migrate, query, reply};
use trellis_fee_distributor::ContractError;
use trellis_types::fee_distributor::*;
use trellis_types::voting_escrow::WEEK;
use trellis_types::AssetInfo;

use mock_ve::{mock_ve_contract, ExecuteMsg as VeMsg, InstantiateMsg as VeInit};

/// A week-aligned start: 2,810 weeks after the epoch (about 1.7e9 s).
pub const T0: u64 = 2_810 * WEEK;
pub const FEE_DENOM: &str = "ufee";

pub type Res = anyhow::Result<AppResponse>;

pub fn fd_contract() -> Box<dyn Contract<Empty>> {
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

/// Asserts `result` failed with the distributor error `expected`.
pub fn assert_err<T: std::fmt::Debug>(result: anyhow::Result<T>, expected: ContractError) {
    let err = result.expect_err("expected the call to fail");
    assert_eq!(
        err.downcast_ref::<ContractError>(),
        Some(&expected),
        "full error: {err:?}"
    );
}

pub struct Suite {
    pub app: App,
    pub fd_code: u64,
    pub fd: Addr,
    pub ve: Addr,
    pub cw20: Addr,
    pub owner: Addr,
    pub collector: Addr,
    pub minter: Addr,
}

impl Suite {
    /// Clock at `T0`; the distributor starts at `T0` with the native coin and the cw20 token.
    pub fn new() -> Self {
        let mut suite = Self::bare();
        let msg = suite.instantiate_msg(T0);
        suite.fd = suite.try_instantiate(&msg).unwrap();
        suite
    }

    /// Clock at `T0`, escrow and cw20 token in place, no distributor yet.
    pub fn bare() -> Self {
        let mut app = App::default();
        app.update_block(|b| {
            b.time = Timestamp::from_seconds(T0);
            b.height = 1;
        });
        let fd_code = app.store_code(fd_contract());
        let ve_code = app.store_code(mock_ve_contract());
        let cw20_code = app.store_code(cw20_contract());
        let api = app.api();
        let (owner, collector, minter) = (
            api.addr_make("owner"),
            api.addr_make("collector"),
            api.addr_make("minter"),
        );
        let ve = app
            .instantiate_contract(ve_code, owner.clone(), &VeInit {}, &[], "ve", None)
            .unwrap();
        let cw20 = app
            .instantiate_contract(
                cw20_code,
                minter.clone(),
                &cw20_base::msg::InstantiateMsg {
                    name: "fee token".into(),
                    symbol: "FEE".into(),
                    decimals: 6,
                    initial_balances: vec![],
                    mint: Some(MinterResponse {
                        minter: minter.to_string(),
                        cap: None,
                    }),
                    marketing: None,
                },
                &[],
                "fee-cw20",
                None,
            )
            .unwrap();
        Suite {
            app,
            fd_code,
            fd: Addr::unchecked(""),
            ve,
            cw20,
            owner,
            collector,
            minter,
        }
    }

    pub fn native(&self) -> AssetInfo {
        AssetInfo::native(FEE_DENOM)
    }

    pub fn token(&self) -> AssetInfo {
        AssetInfo::cw20(self.cw20.to_string())
    }

    pub fn instantiate_msg(&self, start_time: u64) -> InstantiateMsg {
        InstantiateMsg {
            owner: self.owner.to_string(),
            voting_escrow: self.ve.to_string(),
            tokens: vec![self.native(), self.token()],
            start_time,
        }
    }

    pub fn try_instantiate(&mut self, msg: &InstantiateMsg) -> anyhow::Result<Addr> {
        self.app.instantiate_contract(
            self.fd_code,
            self.owner.clone(),
            msg,
            &[],
            "fd",
            Some(self.owner.to_string()),
        )
    }

    pub fn addr(&self, name: &str) -> Addr {
        self.app.api().addr_make(name)
    }

    pub fn now(&self) -> u64 {
        self.app.block_info().time.seconds()
    }

    /// Moves the clock to `t` seconds.
    pub fn at(&mut self, t: u64) {
        self.app.update_block(|b| {
            b.time = Timestamp::from_seconds(t);
            b.height += 1;
        });
    }

    /// Schedules `user`'s ve power in week `week_index` (counted from `T0`).
    pub fn set_power(&mut self, user: &Addr, week_index: u64, power: u128) {
        self.app
            .execute_contract(
                self.owner.clone(),
                self.ve.clone(),
                &VeMsg::SetPower {
                    user: user.to_string(),
                    week: T0 + week_index * WEEK,
                    power: Uint128::new(power),
                },
                &[],
            )
            .unwrap();
    }

    /// Same power for weeks `from..to`.
    pub fn set_power_range(&mut self, user: &Addr, from: u64, to: u64, power: u128) {
        for w in from..to {
            self.set_power(user, w, power);
        }
    }

    /// A plain bank transfer of native fees from the collector (what a pool's fee collection
    /// sends).
    pub fn send_native_fees(&mut self, amount: u128) {
        let collector = self.collector.clone();
        self.app
            .sudo(SudoMsg::Bank(BankSudo::Mint {
                to_address: collector.to_string(),
                amount: vec![coin(amount, FEE_DENOM)],
            }))
            .unwrap();
        self.app
            .send_tokens(collector, self.fd.clone(), &[coin(amount, FEE_DENOM)])
            .unwrap();
    }

    /// A plain cw20 `Transfer` of fees from the collector.
    pub fn send_cw20_fees(&mut self, amount: u128) {
        let collector = self.collector.clone();
        self.app
            .execute_contract(
                self.minter.clone(),
                self.cw20.clone(),
                &Cw20ExecuteMsg::Mint {
                    recipient: collector.to_string(),
                    amount: Uint128::new(amount),
                },
                &[],
            )
            .unwrap();
        self.app
            .execute_contract(
                collector,
                self.cw20.clone(),
                &Cw20ExecuteMsg::Transfer {
                    recipient: self.fd.to_string(),
                    amount: Uint128::new(amount),
                },
                &[],
            )
            .unwrap();
    }

    pub fn mint_native(&mut self, to: &Addr, amount: Coin) {
        self.app
            .sudo(SudoMsg::Bank(BankSudo::Mint {
                to_address: to.to_string(),
                amount: vec![amount],
            }))
            .unwrap();
    }

    pub fn exec(&mut self, sender: &Addr, msg: &ExecuteMsg, funds: &[Coin]) -> Res {
        self.app
            .execute_contract(sender.clone(), self.fd.clone(), msg, funds)
    }

    pub fn checkpoint(&mut self) -> Res {
        let anyone = self.addr("keeper");
        self.exec(&anyone, &ExecuteMsg::CheckpointToken {}, &[])
    }

    pub fn claim(&mut self, sender: &Addr, user: Option<&Addr>, limit_weeks: Option<u32>) -> Res {
        self.exec(
            sender,
            &ExecuteMsg::Claim {
                user: user.map(|u| u.to_string()),
                limit_weeks,
            },
            &[],
        )
    }

    pub fn native_balance(&self, who: &Addr) -> u128 {
        self.app
            .wrap()
            .query_balance(who, FEE_DENOM)
            .unwrap()
            .amount
            .u128()
    }

    pub fn cw20_balance(&self, who: &Addr) -> u128 {
        let res: BalanceResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.cw20,
                &Cw20QueryMsg::Balance {
                    address: who.to_string(),
                },
            )
            .unwrap();
        res.balance.u128()
    }

    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> T {
        self.app.wrap().query_wasm_smart(&self.fd, msg).unwrap()
    }

    /// Claimable (native, cw20) and the cursor after such a claim.
    pub fn claimable(&self, user: &Addr) -> (u128, u128, u64) {
        let res: ClaimableResponse = self.query(&QueryMsg::Claimable {
            user: user.to_string(),
        });
        (
            res.amounts[0].amount.u128(),
            res.amounts[1].amount.u128(),
            res.next_cursor,
        )
    }

    pub fn cursor(&self, user: &Addr) -> u64 {
        let res: UserCursorResponse = self.query(&QueryMsg::UserCursor {
            user: user.to_string(),
        });
        res.week
    }

    /// (booked, claimed, unbooked) of token `i` (0 native, 1 cw20).
    pub fn totals(&self, i: usize) -> (u128, u128, u128) {
        let res: TotalsResponse = self.query(&QueryMsg::Totals {});
        let t = &res.tokens[i];
        (t.booked.u128(), t.claimed.u128(), t.unbooked.u128())
    }

    /// Fees booked into weeks for `token`: (week index from T0, amount), first `limit` after
    /// `start_after` (a week index).
    pub fn weeks(
        &self,
        token: AssetInfo,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> Vec<(u64, u128)> {
        let res: TokensPerWeekResponse = self.query(&QueryMsg::TokensPerWeek {
            token,
            start_after: start_after.map(|w| T0 + w * WEEK),
            limit,
        });
        res.weeks
            .into_iter()
            .map(|w| ((w.week_start - T0) / WEEK, w.amount.u128()))
            .collect()
    }

    /// Every key and value of the distributor's storage: compared around failed calls.
    pub fn storage_dump(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        self.app.dump_wasm_raw(&self.fd)
    }

    /// Runs `call`, expects `expected`, and checks the distributor's storage did not change.
    pub fn refuse(&mut self, expected: ContractError, call: impl FnOnce(&mut Self) -> Res) {
        let before = self.storage_dump();
        assert_err(call(self), expected);
        assert_eq!(
            self.storage_dump(),
            before,
            "a refused call changed storage"
        );
    }
}
