//! A mock-deps driver for the gauge controller: entry points called directly, a mock voting
//! escrow answering `UserSlope` from fixed values, and storage snapshots to prove that a
//! refused call changes nothing.
#![allow(dead_code)]
use std::collections::HashMap;

use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    from_json, to_json_binary, Addr, ContractResult, Decimal, Env, Order, OwnedDeps, Response,
    Storage, SystemResult, Timestamp, Uint128, Uint256, WasmQuery,
};
use trellis_gauge_controller::contract::{execute, instantiate, query};
use trellis_gauge_controller::ContractError;
use trellis_types::gauge_controller::*;
use trellis_types::voting_escrow::{QueryMsg as VeQuery, UserSlopeResponse};

pub const WEEK: u64 = 604_800;
/// A week start: 2810 x 604,800 = 1,699,488,000.
pub const W0: u64 = 2810 * WEEK;
/// The week after W0: where votes cast during week W0 take effect.
pub const N: u64 = W0 + WEEK;
pub const E18: u128 = 1_000_000_000_000_000_000;

pub fn addr(name: &str) -> Addr {
    MockApi::default().addr_make(name)
}

pub struct Suite {
    pub deps: OwnedDeps<MockStorage, MockApi, MockQuerier>,
    pub env: Env,
    pub owner: Addr,
    /// user -> (slope, end) answered by the mock voting escrow.
    pub locks: HashMap<String, (u128, u64)>,
}

impl Suite {
    /// Instantiated at W0 + 100 with the default 10-day vote delay.
    pub fn new() -> Self {
        let mut deps = mock_dependencies();
        let mut env = mock_env();
        env.block.time = Timestamp::from_seconds(W0 + 100);
        let owner = addr("owner");
        instantiate(
            deps.as_mut(),
            env.clone(),
            message_info(&owner, &[]),
            InstantiateMsg {
                owner: owner.to_string(),
                voting_escrow: addr("ve").to_string(),
                vote_delay: None,
            },
        )
        .unwrap();
        let mut s = Suite {
            deps,
            env,
            owner,
            locks: HashMap::new(),
        };
        s.install_ve();
        s
    }

    fn install_ve(&mut self) {
        let locks = self.locks.clone();
        let ve = addr("ve").to_string();
        self.deps.querier.update_wasm(move |q| match q {
            WasmQuery::Smart { contract_addr, msg } if *contract_addr == ve => {
                let VeQuery::UserSlope { user } = from_json(msg).unwrap() else {
                    panic!("unexpected ve query")
                };
                let (slope, end) = locks.get(&user).copied().unwrap_or((0, 0));
                let r = UserSlopeResponse {
                    slope: Uint128::new(slope),
                    end,
                };
                SystemResult::Ok(ContractResult::Ok(to_json_binary(&r).unwrap()))
            }
            _ => panic!("unexpected query {q:?}"),
        });
    }

    pub fn set_lock(&mut self, user: &str, slope: u128, end: u64) {
        self.locks.insert(addr(user).to_string(), (slope, end));
        self.install_ve();
    }

    pub fn set_time(&mut self, t: u64) {
        self.env.block.time = Timestamp::from_seconds(t);
    }

    pub fn exec(&mut self, sender: &Addr, msg: ExecuteMsg) -> Result<Response, ContractError> {
        execute(
            self.deps.as_mut(),
            self.env.clone(),
            message_info(sender, &[]),
            msg,
        )
    }

    pub fn admin(&mut self, msg: ExecuteMsg) {
        let owner = self.owner.clone();
        self.exec(&owner, msg).unwrap();
    }

    pub fn add_type(&mut self, name: &str, weight: u128) {
        self.admin(ExecuteMsg::AddType {
            name: name.to_string(),
            weight: Uint128::new(weight),
        });
    }

    pub fn add_gauge(&mut self, gauge: &str, gauge_type: u32) {
        self.admin(ExecuteMsg::AddGauge {
            gauge: gauge.to_string(),
            gauge_type,
            cap: None,
        });
    }

    pub fn vote(&mut self, user: &str, gauge: &str, bps: u16) -> Result<Response, ContractError> {
        self.exec(
            &addr(user),
            ExecuteMsg::VoteForGaugeWeights {
                gauge: gauge.to_string(),
                weight_bps: bps,
            },
        )
    }

    pub fn q<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        from_json(query(self.deps.as_ref(), self.env.clone(), msg).unwrap()).unwrap()
    }

    pub fn gauge_weight(&self, gauge: &str, time: u64) -> u128 {
        let r: WeightResponse = self.q(QueryMsg::GaugeWeight {
            gauge: gauge.to_string(),
            time: Some(time),
        });
        r.weight.u128()
    }

    pub fn type_sum(&self, gauge_type: u32, time: u64) -> u128 {
        let r: WeightResponse = self.q(QueryMsg::TypeSum {
            gauge_type,
            time: Some(time),
        });
        r.weight.u128()
    }

    pub fn total(&self, time: u64) -> Uint256 {
        let r: TotalWeightResponse = self.q(QueryMsg::TotalWeight { time: Some(time) });
        r.weight
    }

    pub fn relative(&self, gauge: &str, time: u64) -> u128 {
        let r: RelativeWeightResponse = self.q(QueryMsg::RelativeWeight {
            gauge: gauge.to_string(),
            time: Some(time),
        });
        r.relative_weight.atomics().u128()
    }

    pub fn power_used(&self, user: &str) -> u16 {
        let r: VotePowerUsedResponse = self.q(QueryMsg::VotePowerUsed {
            user: addr(user).to_string(),
        });
        r.weight_bps
    }

    pub fn snapshot(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        self.deps
            .storage
            .range(None, None, Order::Ascending)
            .collect()
    }

    /// Runs `msg` from `sender`, expects `expected`, and checks storage is untouched.
    pub fn refuse(&mut self, sender: &Addr, msg: ExecuteMsg, expected: ContractError) {
        let before = self.snapshot();
        let err = self.exec(sender, msg).unwrap_err();
        assert_eq!(err, expected);
        assert_eq!(self.snapshot(), before, "a refused call changed storage");
    }
}

pub fn dec(atomics: u128) -> Decimal {
    Decimal::raw(atomics)
}
