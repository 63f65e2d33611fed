//! The farm: deployment (minted or reserve rewards, height or time clock), owner actions,
//! user actions and queries, all on the suite's current farm.
//! - this file: options, the handle, deployment and the clock;
//! - `owner`: pools, weights, funding, undistributed reward;
//! - `user`: stake, unstake, claim, emergency withdraw;
//! - `query`: the farm's queries, paginated ones walked to the end.
mod owner;
mod query;
mod user;

use anyhow::{anyhow, Result};
use cosmwasm_std::Addr;
use trellis_types::asset::AssetInfo;
use trellis_types::farm::{
    AllocationPolicy, Clock, Curve, EmissionSplit, InstantiateMsg, RewardSource, Schedule,
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
    /// Pool factory that LP pools are checked against (`None`: no check).
    pub lp_factory: Option<Addr>,
    /// Voting escrow whose powers boost pools (`None`: no pool may be boosted).
    pub voting_escrow: Option<Addr>,
    /// `None`: split by allocation weights.
    pub split: Option<EmissionSplit>,
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
            lp_factory: None,
            voting_escrow: None,
            split: None,
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

    pub fn lp_factory(mut self, factory: Addr) -> Self {
        self.lp_factory = Some(factory);
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
            lp_factory: options.lp_factory.as_ref().map(Addr::to_string),
            voting_escrow: options.voting_escrow.as_ref().map(Addr::to_string),
            split: options.split.clone(),
        };
        let owner = self.owner.clone();
        let addr = self
            .instantiate_as_owner(ContractKind::Farm, &msg, ContractKind::Farm.label())
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
}
