//! A mock-deps driver for the farm: calls the entry points directly (fast enough for
//! thousands of proptest cases) and snapshots storage to prove failed calls change nothing.
#![allow(dead_code)]
pub mod fakes;
use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    coin, from_json, to_json_binary, Addr, BankMsg, Coin, CosmosMsg, Env, Order, OwnedDeps,
    Response, Storage, Uint128, WasmMsg,
};
use trellis_farm::contract::{execute, instantiate, query};
use trellis_farm::ContractError;
use trellis_types::farm::*;
use trellis_types::AssetInfo;

pub const REWARD_CW20: &str = "reward";
pub const ALY: &str = "ualy";

pub struct Farm {
    pub deps: OwnedDeps<MockStorage, MockApi, MockQuerier>,
    /// What the fake escrow and controller answer.
    pub fakes: fakes::Shared,
    pub env: Env,
    pub owner: Addr,
    /// Reward paid out through messages (mints or reserve transfers), per recipient.
    pub paid: Vec<(Addr, Uint128)>,
    pub reward: RewardSource,
}

pub fn addr(name: &str) -> Addr {
    MockApi::default().addr_make(name)
}

pub fn lp(a: &str, b: &str) -> PoolKind {
    PoolKind::Lp {
        pair: [AssetInfo::native(a), AssetInfo::native(b)],
    }
}

/// A policy with ALY as protocol token, 10% solo cap, native pairs outweighing.
pub fn policy(native_pairs_outweigh: bool) -> AllocationPolicy {
    AllocationPolicy {
        protocol_token: AssetInfo::native(ALY),
        max_solo_share_bps: 1_000,
        native_pairs_outweigh,
    }
}

pub fn mint_source() -> RewardSource {
    RewardSource::Mint {
        cw20: addr(REWARD_CW20).to_string(),
    }
}

pub fn reserve_source() -> RewardSource {
    RewardSource::Reserve {
        asset: AssetInfo::native("urew"),
    }
}

impl Farm {
    /// A Time-clock farm instantiated at t = 0 (block time 0).
    pub fn new(schedule: Schedule, reward: RewardSource, policy: AllocationPolicy) -> Self {
        Self::try_new(schedule, reward, policy, Clock::Time).unwrap()
    }

    pub fn try_new(
        schedule: Schedule,
        reward: RewardSource,
        policy: AllocationPolicy,
        clock: Clock,
    ) -> Result<Self, ContractError> {
        Self::try_new_with(schedule, reward, policy, clock, false, false)
    }

    /// A Time-clock farm with the fake escrow, split by allocation weights.
    pub fn boosted(schedule: Schedule, reward: RewardSource) -> Self {
        Self::try_new_with(schedule, reward, policy(false), Clock::Time, true, false).unwrap()
    }

    /// A Time-clock farm with the fake escrow, split by the fake controller's weights.
    pub fn gauge_split(schedule: Schedule, reward: RewardSource) -> Self {
        Self::try_new_with(schedule, reward, policy(false), Clock::Time, true, true).unwrap()
    }

    pub fn try_new_with(
        schedule: Schedule,
        reward: RewardSource,
        policy: AllocationPolicy,
        clock: Clock,
        with_escrow: bool,
        gauge_split: bool,
    ) -> Result<Self, ContractError> {
        let mut deps = mock_dependencies();
        let fakes = fakes::Shared::default();
        fakes::install(&mut deps.querier, fakes.clone());
        let mut env = mock_env();
        env.block.time = cosmwasm_std::Timestamp::from_seconds(0);
        env.block.height = 0;
        let owner = addr("owner");
        instantiate(
            deps.as_mut(),
            env.clone(),
            message_info(&owner, &[]),
            InstantiateMsg {
                owner: owner.to_string(),
                clock,
                schedule,
                reward: reward.clone(),
                policy,
                lp_factory: None,
                voting_escrow: with_escrow.then(|| addr(fakes::ESCROW).to_string()),
                split: gauge_split.then(|| EmissionSplit::Gauges {
                    controller: addr(fakes::CONTROLLER).to_string(),
                }),
            },
        )?;
        Ok(Farm {
            deps,
            fakes,
            env,
            owner,
            paid: vec![],
            reward,
        })
    }

    pub fn now(&self) -> u64 {
        self.env.block.time.seconds()
    }

    /// Moves the clock to `t` seconds (and the height to `t` too).
    pub fn at(&mut self, t: u64) -> &mut Self {
        self.env.block.time = cosmwasm_std::Timestamp::from_seconds(t);
        self.env.block.height = t;
        self
    }

    pub fn exec(
        &mut self,
        sender: &Addr,
        funds: &[Coin],
        msg: ExecuteMsg,
    ) -> Result<Response, ContractError> {
        let res = execute(
            self.deps.as_mut(),
            self.env.clone(),
            message_info(sender, funds),
            msg,
        )?;
        self.record_payments(&res);
        Ok(res)
    }

    /// Records reward payments (cw20 mints, or bank sends of the reserve denom).
    fn record_payments(&mut self, res: &Response) {
        for sub in &res.messages {
            match (&sub.msg, &self.reward) {
                (
                    CosmosMsg::Wasm(WasmMsg::Execute {
                        contract_addr, msg, ..
                    }),
                    RewardSource::Mint { cw20 },
                ) if contract_addr == cw20 => {
                    if let Ok(cw20::Cw20ExecuteMsg::Mint { recipient, amount }) = from_json(msg) {
                        self.paid.push((Addr::unchecked(recipient), amount));
                    }
                }
                (
                    CosmosMsg::Bank(BankMsg::Send { to_address, amount }),
                    RewardSource::Reserve { asset },
                ) => {
                    for c in amount {
                        if &AssetInfo::native(c.denom.clone()) == asset {
                            self.paid.push((Addr::unchecked(to_address), c.amount));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    pub fn total_paid(&self) -> Uint128 {
        self.paid.iter().map(|(_, a)| *a).sum()
    }

    pub fn add_pool(
        &mut self,
        staking: &str,
        kind: PoolKind,
        weight: u64,
    ) -> Result<Response, ContractError> {
        let owner = self.owner.clone();
        self.exec(
            &owner,
            &[],
            ExecuteMsg::AddPool {
                staking: AssetInfo::native(staking),
                kind,
                weight,
                tokenless_share_pct: None,
            },
        )
    }

    /// Adds a pool with a tokenless share (gauge-split farms: weight 0, and its gauge is
    /// registered with the fake controller first).
    pub fn add_boosted_pool(
        &mut self,
        staking: &str,
        kind: PoolKind,
        weight: u64,
        tokenless_share_pct: u8,
    ) -> Result<Response, ContractError> {
        let owner = self.owner.clone();
        self.exec(
            &owner,
            &[],
            ExecuteMsg::AddPool {
                staking: AssetInfo::native(staking),
                kind,
                weight,
                tokenless_share_pct: Some(tokenless_share_pct),
            },
        )
    }

    /// The gauge id of `pool_id`, registered with the fake controller.
    pub fn register_gauge(&mut self, pool_id: u64) -> String {
        let id = gauge_id(self.env.contract.address.as_str(), pool_id);
        self.fakes.borrow_mut().gauges.insert(id.clone());
        id
    }

    pub fn position(&self, user: &Addr, pool_id: u64) -> PositionResponse {
        self.q(QueryMsg::Position {
            pool_id,
            user: user.to_string(),
        })
    }

    pub fn pool(&self, pool_id: u64) -> PoolResponse {
        self.q(QueryMsg::Pool { pool_id })
    }

    pub fn kick(&mut self, user: &Addr, pool_id: u64) -> Result<Response, ContractError> {
        let kicker = addr("kicker");
        self.exec(
            &kicker,
            &[],
            ExecuteMsg::Kick {
                user: user.to_string(),
                pool_id,
            },
        )
    }

    /// `user` refreshes their own boost (a `Kick` sent by the owner: allowed either way).
    pub fn refresh_own(&mut self, user: &Addr, pool_id: u64) -> Result<Response, ContractError> {
        self.exec(
            user,
            &[],
            ExecuteMsg::Kick {
                user: user.to_string(),
                pool_id,
            },
        )
    }

    /// The escrow's notice that `user`'s lock changed.
    pub fn lock_changed(&mut self, user: &Addr) -> Result<Response, ContractError> {
        self.exec(
            &addr(fakes::ESCROW),
            &[],
            ExecuteMsg::LockChanged {
                user: user.to_string(),
            },
        )
    }

    pub fn checkpoint_pool(&mut self, pool_id: u64) -> Result<Response, ContractError> {
        let anyone = addr("anyone");
        self.exec(&anyone, &[], ExecuteMsg::CheckpointPool { pool_id })
    }

    pub fn set_weight(&mut self, pool_id: u64, weight: u64) -> Result<Response, ContractError> {
        let owner = self.owner.clone();
        self.exec(&owner, &[], ExecuteMsg::SetWeight { pool_id, weight })
    }

    pub fn deposit(
        &mut self,
        user: &Addr,
        pool_id: u64,
        denom: &str,
        amount: u128,
    ) -> Result<Response, ContractError> {
        self.exec(
            user,
            &[coin(amount, denom)],
            ExecuteMsg::Deposit {
                pool_id,
                recipient: None,
            },
        )
    }

    pub fn withdraw(
        &mut self,
        user: &Addr,
        pool_id: u64,
        amount: u128,
    ) -> Result<Response, ContractError> {
        self.exec(
            user,
            &[],
            ExecuteMsg::Withdraw {
                pool_id,
                amount: Uint128::new(amount),
                recipient: None,
            },
        )
    }

    pub fn claim(&mut self, user: &Addr, pool_ids: Vec<u64>) -> Result<Response, ContractError> {
        self.exec(
            user,
            &[],
            ExecuteMsg::Claim {
                pool_ids,
                recipient: None,
            },
        )
    }

    pub fn fund(&mut self, amount: u128) -> Result<Response, ContractError> {
        let funder = addr("funder");
        self.exec(&funder, &[coin(amount, "urew")], ExecuteMsg::Fund {})
    }

    pub fn q<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        from_json(query(self.deps.as_ref(), self.env.clone(), msg).unwrap()).unwrap()
    }

    pub fn pending(&self, user: &Addr, pool_id: u64) -> u128 {
        let p: PositionResponse = self.q(QueryMsg::Position {
            pool_id,
            user: user.to_string(),
        });
        p.pending.u128()
    }

    pub fn totals(&self) -> TotalsResponse {
        self.q(QueryMsg::Totals {})
    }

    /// Every key and value in storage, to compare before and after a refused call.
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
        let after = self.snapshot();
        let changed: Vec<String> = after
            .iter()
            .filter(|kv| !before.contains(kv))
            .map(|(k, _)| String::from_utf8_lossy(k).into_owned())
            .collect();
        assert!(
            changed.is_empty() && after.len() == before.len(),
            "a refused call changed storage: {changed:?}"
        );
    }
}

pub fn cw20_deposit(pool_id: u64) -> cosmwasm_std::Binary {
    to_json_binary(&ReceiveMsg::Deposit {
        pool_id,
        recipient: None,
    })
    .unwrap()
}
