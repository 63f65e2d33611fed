//! The farm: deployment (minted or reserve rewards, height or time clock), owner actions,
//! user actions and queries, all on the suite's current farm.
use anyhow::{anyhow, bail, Context, Result};
use cosmwasm_std::{coins, Addr, Uint128};
use cw_multi_test::{AppResponse, Executor};
use trellis_types::asset::AssetInfo;
use trellis_types::farm::{
    AllocationPolicy, Clock, ConfigResponse, Curve, EmissionRateResponse, ExecuteMsg,
    InstantiateMsg, PendingResponse, PolicyStatusResponse, PoolKind, PoolResponse, PoolsResponse,
    PositionResponse, PositionsResponse, ProjectedEmissionResponse, QueryMsg, ReceiveMsg,
    RewardSource, Schedule, TotalsResponse,
};

use crate::codes::ContractKind;
use crate::suite::Suite;
use crate::tokens::Cw20Options;

/// Page size used when the harness walks paginated queries.
const PAGE: u32 = 30;
/// Pools per `Claim` message when the harness claims everything (kept at or below the
/// farm's `MAX_CLAIM_POOLS`).
pub const CLAIM_CHUNK: usize = 10;
/// Solo share cap of the default policy: the farm requires solo pools to weigh less than LP
/// pools (`max_solo_share_bps < 5000`), so 4999 is the loosest cap it accepts.
pub const DEFAULT_MAX_SOLO_SHARE_BPS: u32 = 4_999;

/// Where the farm's reward comes from.
#[derive(Clone, Debug)]
pub enum RewardOptions {
    /// Mint the cw20 registered under `symbol`. If the suite has no such token yet, a cw20
    /// with 6 decimals and no balances is created. Either way the suite owner must be its
    /// minter at deploy time: the harness instantiates the farm, then hands the minter role to
    /// it with cw20 `UpdateMinter` (create the token with `minter: Some(suite.owner)`).
    Mint { symbol: String },
    /// Pay from a reserve of `asset`, funded later with [`Suite::fund`].
    Reserve { asset: AssetInfo },
}

/// How to instantiate a farm. Times are relative to the block the farm is deployed in and in
/// units of `clock` (blocks or seconds).
#[derive(Clone, Debug)]
pub struct FarmOptions {
    pub clock: Clock,
    /// Emission starts this many clock units after deployment.
    pub start: u64,
    /// Emission ends this many clock units after deployment (`None`: never).
    pub end: Option<u64>,
    pub curve: Curve,
    pub reward: RewardOptions,
    /// `None`: [`FarmOptions::default_policy`].
    pub policy: Option<AllocationPolicy>,
}

impl FarmOptions {
    pub fn new(clock: Clock, curve: Curve, reward: RewardOptions) -> Self {
        FarmOptions {
            clock,
            start: 0,
            end: None,
            curve,
            reward,
            policy: None,
        }
    }

    /// Minted `symbol`, seconds clock, emission from the deploy block on.
    pub fn mint_time(symbol: &str, curve: Curve) -> Self {
        Self::new(
            Clock::Time,
            curve,
            RewardOptions::Mint {
                symbol: symbol.to_string(),
            },
        )
    }

    /// Minted `symbol`, block clock (per-block emission, seed 000).
    pub fn mint_height(symbol: &str, curve: Curve) -> Self {
        Self::new(
            Clock::Height,
            curve,
            RewardOptions::Mint {
                symbol: symbol.to_string(),
            },
        )
    }

    /// Reserve of `asset`, seconds clock.
    pub fn reserve_time(asset: AssetInfo, curve: Curve) -> Self {
        Self::new(Clock::Time, curve, RewardOptions::Reserve { asset })
    }

    /// Reserve of `asset`, block clock.
    pub fn reserve_height(asset: AssetInfo, curve: Curve) -> Self {
        Self::new(Clock::Height, curve, RewardOptions::Reserve { asset })
    }

    pub fn start_in(mut self, units: u64) -> Self {
        self.start = units;
        self
    }

    pub fn end_after(mut self, units: u64) -> Self {
        self.end = Some(units);
        self
    }

    /// The most permissive policy the farm accepts: protocol token = `reward`, solo pools
    /// below half of the weight ([`DEFAULT_MAX_SOLO_SHARE_BPS`]), no native-pair rule.
    pub fn default_policy(reward: &AssetInfo) -> AllocationPolicy {
        AllocationPolicy {
            protocol_token: reward.clone(),
            max_solo_share_bps: DEFAULT_MAX_SOLO_SHARE_BPS,
            native_pairs_outweigh: false,
        }
    }

    pub fn policy(mut self, policy: AllocationPolicy) -> Self {
        self.policy = Some(policy);
        self
    }
}

/// A deployed farm as the harness knows it.
#[derive(Clone, Debug, PartialEq)]
pub struct FarmHandle {
    pub addr: Addr,
    pub clock: Clock,
    pub reward_asset: AssetInfo,
    /// The schedule as instantiated (absolute clock values).
    pub schedule: Schedule,
    pub minted: bool,
}

impl Suite {
    // ---- deployment -----------------------------------------------------------------------

    /// Instantiates a farm owned by `suite.owner` and makes it the suite's current farm.
    /// For minted rewards it then makes the farm the cw20's minter.
    pub fn deploy_farm(&mut self, options: FarmOptions) -> Result<FarmHandle> {
        let now = self.clock_now(options.clock);
        let (reward, reward_asset, minted) = match &options.reward {
            RewardOptions::Mint { symbol } => {
                let asset = match self.tokens.get(symbol) {
                    Some(asset) => asset.clone(),
                    None => {
                        let owner = self.owner.clone();
                        let opts = Cw20Options {
                            minter: Some(owner),
                            ..Cw20Options::default()
                        };
                        self.create_cw20_with(symbol, &[], opts)?
                    }
                };
                let addr = Suite::cw20_addr(&asset)?;
                (
                    RewardSource::Mint {
                        cw20: addr.to_string(),
                    },
                    asset,
                    true,
                )
            }
            RewardOptions::Reserve { asset } => (
                RewardSource::Reserve {
                    asset: asset.clone(),
                },
                asset.clone(),
                false,
            ),
        };
        let schedule = Schedule {
            start: now + options.start,
            end: options.end.map(|end| now + end),
            curve: options.curve.clone(),
        };
        let policy = options
            .policy
            .clone()
            .unwrap_or_else(|| FarmOptions::default_policy(&reward_asset));
        let msg = InstantiateMsg {
            owner: self.owner.to_string(),
            clock: options.clock,
            schedule: schedule.clone(),
            reward,
            policy,
        };
        let code_id = self.codes.get(ContractKind::Farm);
        let owner = self.owner.clone();
        let addr = self
            .app
            .instantiate_contract(
                code_id,
                owner.clone(),
                &msg,
                &[],
                ContractKind::Farm.label(),
                Some(owner.to_string()),
            )
            .map_err(|e| anyhow!("instantiating the farm: {e:#}"))?;
        if minted {
            self.cw20_update_minter(&reward_asset, &owner, &addr)
                .map_err(|e| anyhow!("making the farm the minter of the reward token: {e:#}"))?;
        }
        let handle = FarmHandle {
            addr,
            clock: options.clock,
            reward_asset,
            schedule,
            minted,
        };
        self.farm = Some(handle.clone());
        Ok(handle)
    }

    /// The current farm (the last one deployed or selected). Panics when there is none.
    pub fn farm(&self) -> &FarmHandle {
        self.farm
            .as_ref()
            .expect("no farm deployed: call deploy_farm first")
    }

    /// Makes `farm` the farm the helpers drive.
    pub fn select_farm(&mut self, farm: FarmHandle) {
        self.farm = Some(farm);
    }

    /// The current value of a clock: block height or unix seconds.
    pub fn clock_now(&self, clock: Clock) -> u64 {
        match clock {
            Clock::Height => self.height(),
            Clock::Time => self.time(),
        }
    }

    /// The current value of the farm's clock.
    pub fn farm_now(&self) -> u64 {
        self.clock_now(self.farm().clock)
    }

    // ---- owner actions --------------------------------------------------------------------

    fn farm_exec_as(
        &mut self,
        sender: &Addr,
        msg: &ExecuteMsg,
        funds: &[cosmwasm_std::Coin],
    ) -> Result<AppResponse> {
        let farm = self.farm().addr.clone();
        self.app.execute_contract(sender.clone(), farm, msg, funds)
    }

    fn farm_exec_owner(&mut self, msg: &ExecuteMsg) -> Result<AppResponse> {
        let owner = self.owner.clone();
        self.farm_exec_as(&owner, msg, &[])
    }

    /// Adds a pool and returns its id.
    pub fn add_pool(&mut self, staking: &AssetInfo, kind: PoolKind, weight: u64) -> Result<u64> {
        self.farm_exec_owner(&ExecuteMsg::AddPool {
            staking: staking.clone(),
            kind,
            weight,
        })?;
        let count = self.farm_config()?.pool_count;
        Ok(count - 1)
    }

    pub fn add_pool_solo(&mut self, staking: &AssetInfo, weight: u64) -> Result<u64> {
        self.add_pool(staking, PoolKind::Solo, weight)
    }

    pub fn add_pool_lp(
        &mut self,
        staking: &AssetInfo,
        pair: [AssetInfo; 2],
        weight: u64,
    ) -> Result<u64> {
        self.add_pool(staking, PoolKind::Lp { pair }, weight)
    }

    pub fn set_weight(&mut self, pool_id: u64, weight: u64) -> Result<AppResponse> {
        self.farm_exec_owner(&ExecuteMsg::SetWeight { pool_id, weight })
    }

    pub fn deactivate_pool(&mut self, pool_id: u64) -> Result<AppResponse> {
        self.farm_exec_owner(&ExecuteMsg::DeactivatePool { pool_id })
    }

    pub fn recover_undistributed(
        &mut self,
        amount: Option<u128>,
        recipient: &str,
    ) -> Result<AppResponse> {
        let recipient = self.addr(recipient).to_string();
        self.farm_exec_owner(&ExecuteMsg::RecoverUndistributed {
            amount: amount.map(Uint128::new),
            recipient,
        })
    }

    pub fn rollover_undistributed(&mut self, amount: Option<u128>) -> Result<AppResponse> {
        self.farm_exec_owner(&ExecuteMsg::RolloverUndistributed {
            amount: amount.map(Uint128::new),
        })
    }

    /// Tops up a reserve farm with `amount` of its reward asset from the named account
    /// (`Fund {}` with coins, or a cw20 `Send` with `ReceiveMsg::Fund {}`).
    pub fn fund(&mut self, funder: &str, amount: u128) -> Result<AppResponse> {
        let funder = self.addr(funder);
        self.fund_from(&funder, amount)
    }

    pub fn fund_from(&mut self, funder: &Addr, amount: u128) -> Result<AppResponse> {
        let farm = self.farm().clone();
        if farm.minted {
            bail!("the farm mints its reward: there is no reserve to fund");
        }
        match &farm.reward_asset {
            AssetInfo::Native { denom } => {
                self.farm_exec_as(funder, &ExecuteMsg::Fund {}, &coins(amount, denom))
            }
            token @ AssetInfo::Cw20 { .. } => {
                self.cw20_send(funder, token, &farm.addr, amount, &ReceiveMsg::Fund {})
            }
        }
    }

    // ---- user actions ---------------------------------------------------------------------

    /// Stakes `amount` of the pool's staking asset from the named account: a native
    /// `Deposit` with coins, or a cw20 `Send` with `ReceiveMsg::Deposit`.
    pub fn stake(&mut self, user: &str, pool_id: u64, amount: u128) -> Result<AppResponse> {
        let staking = self.farm_pool(pool_id)?.staking;
        let sender = self.addr(user);
        match &staking {
            AssetInfo::Native { denom } => self.farm_exec_as(
                &sender,
                &ExecuteMsg::Deposit {
                    pool_id,
                    recipient: None,
                },
                &coins(amount, denom),
            ),
            token @ AssetInfo::Cw20 { .. } => {
                let farm = self.farm().addr.clone();
                self.cw20_send(
                    &sender,
                    token,
                    &farm,
                    amount,
                    &ReceiveMsg::Deposit {
                        pool_id,
                        recipient: None,
                    },
                )
            }
        }
    }

    /// Unstakes `amount` back to the user (rewards stay credited).
    pub fn unstake(&mut self, user: &str, pool_id: u64, amount: u128) -> Result<AppResponse> {
        let sender = self.addr(user);
        self.farm_exec_as(
            &sender,
            &ExecuteMsg::Withdraw {
                pool_id,
                amount: Uint128::new(amount),
                recipient: None,
            },
            &[],
        )
    }

    /// Claims the pending reward of `pool_ids` to the user.
    pub fn claim(&mut self, user: &str, pool_ids: &[u64]) -> Result<AppResponse> {
        let sender = self.addr(user);
        self.farm_exec_as(
            &sender,
            &ExecuteMsg::Claim {
                pool_ids: pool_ids.to_vec(),
                recipient: None,
            },
            &[],
        )
    }

    /// Claims every pool the user has a position in (in chunks of [`CLAIM_CHUNK`]) and
    /// returns how much reward the user received.
    pub fn claim_all(&mut self, user: &str) -> Result<u128> {
        let pool_ids: Vec<u64> = self.positions(user)?.iter().map(|p| p.pool_id).collect();
        let reward = self.farm().reward_asset.clone();
        let before = self.balance(user, &reward)?;
        for chunk in pool_ids.chunks(CLAIM_CHUNK) {
            self.claim(user, chunk)
                .with_context(|| format!("{user} claiming pools {chunk:?}"))?;
        }
        Ok(self.balance(user, &reward)? - before)
    }

    /// Returns all principal of a pool and forfeits the pending reward.
    pub fn emergency_withdraw(&mut self, user: &str, pool_id: u64) -> Result<AppResponse> {
        let sender = self.addr(user);
        self.farm_exec_as(
            &sender,
            &ExecuteMsg::EmergencyWithdraw {
                pool_id,
                recipient: None,
            },
            &[],
        )
    }

    // ---- queries --------------------------------------------------------------------------

    pub fn farm_query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> Result<T> {
        let farm = self.farm().addr.clone();
        Ok(self.app.wrap().query_wasm_smart(farm, msg)?)
    }

    pub fn farm_config(&self) -> Result<ConfigResponse> {
        self.farm_query(&QueryMsg::Config {})
    }

    pub fn farm_pool(&self, pool_id: u64) -> Result<PoolResponse> {
        self.farm_query(&QueryMsg::Pool { pool_id })
    }

    /// Every pool, in id order (walks the pagination).
    pub fn farm_pools(&self) -> Result<Vec<PoolResponse>> {
        let mut out: Vec<PoolResponse> = Vec::new();
        loop {
            let page: PoolsResponse = self.farm_query(&QueryMsg::Pools {
                start_after: out.last().map(|p| p.pool_id),
                limit: Some(PAGE),
            })?;
            let done = page.pools.len() < PAGE as usize;
            out.extend(page.pools);
            if done {
                return Ok(out);
            }
        }
    }

    pub fn position(&self, user: &str, pool_id: u64) -> Result<PositionResponse> {
        self.farm_query(&QueryMsg::Position {
            pool_id,
            user: self.addr(user).to_string(),
        })
    }

    /// Every position of the user, in pool id order (walks the pagination).
    pub fn positions(&self, user: &str) -> Result<Vec<PositionResponse>> {
        let user = self.addr(user).to_string();
        let mut out: Vec<PositionResponse> = Vec::new();
        loop {
            let page: PositionsResponse = self.farm_query(&QueryMsg::Positions {
                user: user.clone(),
                start_after: out.last().map(|p| p.pool_id),
                limit: Some(PAGE),
            })?;
            let done = page.positions.len() < PAGE as usize;
            out.extend(page.positions);
            if done {
                return Ok(out);
            }
        }
    }

    /// The user's pending reward in one pool.
    pub fn pending(&self, user: &str, pool_id: u64) -> Result<u128> {
        let res: PendingResponse = self.farm_query(&QueryMsg::Pending {
            user: self.addr(user).to_string(),
            pool_ids: vec![pool_id],
        })?;
        Ok(res.total.u128())
    }

    pub fn totals(&self) -> Result<TotalsResponse> {
        self.farm_query(&QueryMsg::Totals {})
    }

    pub fn emission_rate(&self) -> Result<EmissionRateResponse> {
        self.farm_query(&QueryMsg::EmissionRate {})
    }

    pub fn projected_emission(&self, from: u64, to: u64) -> Result<u128> {
        let res: ProjectedEmissionResponse =
            self.farm_query(&QueryMsg::ProjectedEmission { from, to })?;
        Ok(res.amount.u128())
    }

    pub fn policy_status(&self) -> Result<PolicyStatusResponse> {
        self.farm_query(&QueryMsg::PolicyStatus {})
    }
}
