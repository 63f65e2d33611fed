//! Semantic checks: a [`ScenarioSpec`] becomes a [`Plan`], or an error naming the field and
//! its location. One file per part of the scenario: tokens (and the reward and policy that
//! name them), amm pools (and their LP tokens), the schedule, pools and weight changes, users
//! and their actions, traders and their swaps, the CL part (pools, positions, traders) and the CL farming part (farms, farmed positions).
mod amm;
mod balances;
mod cl;
mod cl_farming;
mod cl_farms;
mod cl_positions;
mod cl_traders;
mod limits;
mod options;
mod pools;
mod schedule;
mod tokens;
mod traders;
mod users;
mod ve;
mod ve_actions;

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use trellis_types::farm::Clock;

use super::error::{ScenarioError, Source};
use super::plan::*;
use super::spec::*;
use super::units::{Amount, Dur};

type Result<T> = std::result::Result<T, ScenarioError>;

const DEFAULT_BLOCK_SECS: u64 = 5;

/// Checks a parsed scenario. `default_name` is used when the file has no `name`.
pub fn check(spec: ScenarioSpec, src: Source, default_name: &str) -> Result<Plan> {
    Checker { src }.plan(spec, default_name)
}

struct Checker<'a> {
    src: Source<'a>,
}

/// What the checker knows once tokens, clock and pools are read.
struct Ctx {
    height: bool,
    block_secs: u64,
    duration_secs: u64,
    tokens: Vec<TokenPlan>,
    token_index: HashMap<String, usize>,
    pool_index: HashMap<String, usize>,
    /// Staking token index of each pool.
    pool_staking: Vec<usize>,
    amm_index: HashMap<String, usize>,
    amm_pools: Vec<AmmPoolPlan>,
    /// The escrow's lock token, when the scenario has an escrow.
    escrow: Option<usize>,
    /// Gauge type names of a gauge-split farm (empty otherwise).
    gauge_types: Vec<String>,
    /// The options token, when the scenario has one.
    options: Option<OptionsPlan>,
}

impl Checker<'_> {
    fn err<T>(
        &self,
        span: Range<usize>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Result<T> {
        Err(self.src.error(span, field, message))
    }

    /// A pool's protocol fee terms (amm and CL pools alike): both `protocol_fee_share_bps`
    /// (1 to the pool's `max_bps`) and `fee_collector`, or neither.
    fn protocol_fee_terms(
        &self,
        table: &str,
        share: &Option<Spanned<u64>>,
        collector: &Option<Spanned<String>>,
        max_bps: u16,
    ) -> Result<Option<ProtocolFeePlan>> {
        let field = |x: &str| format!("{table}.{x}");
        match (share, collector) {
            (None, None) => Ok(None),
            (Some(share), None) => self.err(
                share.span(),
                field("protocol_fee_share_bps"),
                "a protocol fee needs `fee_collector` (the account it is owed to)",
            ),
            (None, Some(collector)) => self.err(
                collector.span(),
                field("fee_collector"),
                "a fee collector needs `protocol_fee_share_bps`",
            ),
            (Some(share), Some(collector)) => {
                let bps = *share.get_ref();
                if !(1..=u64::from(max_bps)).contains(&bps) {
                    return self.err(
                        share.span(),
                        field("protocol_fee_share_bps"),
                        format!("between 1 and {max_bps} (the pool's limit)"),
                    );
                }
                if collector.get_ref().is_empty() {
                    return self.err(collector.span(), field("fee_collector"), "an account name");
                }
                Ok(Some(ProtocolFeePlan {
                    share_bps: bps as u16,
                    collector: collector.get_ref().clone(),
                }))
            }
        }
    }

    fn plan(&self, spec: ScenarioSpec, default_name: &str) -> Result<Plan> {
        let name = match &spec.name {
            Some(name) => {
                let valid = !name.get_ref().is_empty()
                    && name
                        .get_ref()
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if !valid {
                    return self.err(
                        name.span(),
                        "name",
                        "use letters, digits, `-` and `_` (it names the output folder)",
                    );
                }
                name.get_ref().clone()
            }
            None => default_name.to_string(),
        };
        let block_secs = match &spec.block_time {
            None => DEFAULT_BLOCK_SECS,
            Some(bt) => match *bt.get_ref() {
                Dur::Clock(s) | Dur::Secs(s) if s > 0 => s,
                Dur::Blocks(_) => {
                    return self.err(
                        bt.span(),
                        "block_time",
                        "give the block time in seconds, e.g. \"5s\"",
                    )
                }
                _ => return self.err(bt.span(), "block_time", "must be positive"),
            },
        };
        let clock = match spec.farm.clock.get_ref() {
            ClockKind::Time => Clock::Time,
            ClockKind::Height => Clock::Height,
        };
        let height = clock == Clock::Height;
        let duration_secs = self.secs(&spec.duration, "duration", height, block_secs)?;
        if duration_secs == 0 {
            return self.err(spec.duration.span(), "duration", "must be positive");
        }
        let step_secs = self.secs(&spec.step, "step", height, block_secs)?;
        if step_secs == 0 || step_secs > duration_secs {
            return self.err(
                spec.step.span(),
                "step",
                "must be positive and at most the duration",
            );
        }
        if duration_secs / step_secs > 100_000 {
            return self.err(
                spec.step.span(),
                "step",
                "more than 100000 samples: use a longer step",
            );
        }

        let mut ctx = Ctx {
            height,
            block_secs,
            duration_secs,
            tokens: Vec::new(),
            token_index: HashMap::new(),
            pool_index: HashMap::new(),
            pool_staking: Vec::new(),
            amm_index: HashMap::new(),
            amm_pools: Vec::new(),
            escrow: None,
            gauge_types: Vec::new(),
            options: None,
        };
        self.tokens(&spec.tokens, &mut ctx)?;
        self.amm_pools(&spec.amm_pools, &mut ctx)?;
        self.options(&spec.options, &mut ctx)?;
        let reward = self.reward(&spec.farm.reward, &ctx)?;
        self.options_reward(&spec.farm.reward, &reward, &ctx)?;
        let reward_decimals = ctx.tokens[reward.token].decimals;
        let schedule = self.schedule(&spec.farm.schedule, &ctx, reward_decimals)?;
        let policy = match &spec.farm.policy {
            None => None,
            Some(p) => Some(self.policy(p, &ctx, reward.token)?),
        };
        let escrow = self.escrow(&spec.escrow, &mut ctx)?;
        self.options_lock_route(&mut ctx);
        let (split, gauges) = self.gauges(&spec, &mut ctx)?;
        let pools = self.pools(&spec.pools, &mut ctx)?;
        let weight_changes = self.weight_changes(&spec.weight_changes, &ctx)?;
        let users = self.users(&spec.users, &ctx)?;
        self.farm_limits(&spec, &pools, &weight_changes)?;
        let running_policy = policy.unwrap_or(PolicyPlan {
            // The deployment's default: the options' underlying (as for the factory) or the
            // reward, solo pools below half of the weight, no native-pair rule.
            protocol_token: ctx.options.as_ref().map_or(reward.token, |o| o.underlying),
            max_solo_share_bps: trellis_testing::farm::DEFAULT_MAX_SOLO_SHARE_BPS,
            native_pairs_outweigh: false,
        });
        self.policy_holds(&spec, &running_policy, &pools, &weight_changes, &ctx)?;
        self.balances_suffice(&spec.users, &users, escrow.as_ref(), reward.token, &ctx)?;
        let traders = self.traders(&spec.traders, &ctx)?;
        self.accounts_are_distinct(&spec, &users)?;
        self.options_treasury_is_distinct(&spec, &users)?;
        let compare_boost = self.compare_boost(&spec.compare_boost, &pools, &ctx)?;
        let cl = self.cl(&spec, &ctx, &users)?;
        let cl_farms = self.cl_farms(&spec, &ctx, &cl, &users)?;
        Ok(Plan {
            name,
            description: spec.description.trim().to_string(),
            file: self.src.file.to_string(),
            clock,
            block_secs,
            duration_secs,
            step_secs,
            tokens: ctx.tokens,
            reward,
            schedule,
            policy,
            pools,
            weight_changes,
            users,
            amm_pools: ctx.amm_pools,
            traders,
            escrow,
            gauges,
            split,
            compare_boost,
            options: ctx.options,
            cl,
            cl_farms,
        })
    }

    fn secs(&self, d: &Spanned<Dur>, field: &str, height: bool, block_secs: u64) -> Result<u64> {
        d.get_ref()
            .to_secs(height, block_secs)
            .or_else(|m| self.err(d.span(), field, m))
    }

    /// A moment of the run: at most the duration.
    fn at(&self, d: &Spanned<Dur>, field: &str, ctx: &Ctx) -> Result<u64> {
        let secs = self.secs(d, field, ctx.height, ctx.block_secs)?;
        if secs > ctx.duration_secs {
            return self.err(
                d.span(),
                field,
                format!(
                    "{secs} s is after the end of the run ({} s)",
                    ctx.duration_secs
                ),
            );
        }
        Ok(secs)
    }

    fn units(&self, d: &Spanned<Dur>, field: &str, ctx: &Ctx) -> Result<u64> {
        d.get_ref()
            .to_clock_units(ctx.height, ctx.block_secs)
            .or_else(|m| self.err(d.span(), field, m))
    }

    fn amount(&self, a: &Spanned<Amount>, field: &str, decimals: u8) -> Result<u128> {
        a.get_ref()
            .to_base(decimals)
            .or_else(|m| self.err(a.span(), field, m))
    }

    fn token(&self, s: &Spanned<String>, field: &str, ctx: &Ctx) -> Result<usize> {
        match ctx.token_index.get(s.get_ref()) {
            Some(i) => Ok(*i),
            None => {
                let known: Vec<&str> = ctx.tokens.iter().map(|t| t.symbol.as_str()).collect();
                self.err(
                    s.span(),
                    field,
                    format!(
                        "unknown token \"{}\" (tokens: {})",
                        s.get_ref(),
                        known.join(", ")
                    ),
                )
            }
        }
    }

    /// A token the simulator can hand out: a declared token, not an amm pool's LP token (only
    /// its pool mints it). `why` ends the message when it is an LP token.
    fn base_token(&self, s: &Spanned<String>, field: &str, ctx: &Ctx, why: &str) -> Result<usize> {
        let token = self.token(s, field, ctx)?;
        match ctx.tokens[token].amm_pool {
            Some(pool) => self.err(
                s.span(),
                field,
                format!(
                    "\"{}\" is the LP token of amm pool \"{}\": {why}",
                    s.get_ref(),
                    ctx.amm_pools[pool].name
                ),
            ),
            None => Ok(token),
        }
    }

    fn amm_pool(&self, s: &Spanned<String>, field: &str, ctx: &Ctx) -> Result<usize> {
        if let Some(i) = ctx.amm_index.get(s.get_ref()) {
            return Ok(*i);
        }
        let known = if ctx.amm_pools.is_empty() {
            "the scenario declares no [[amm_pools]]".to_string()
        } else {
            let names: Vec<&str> = ctx.amm_pools.iter().map(|p| p.name.as_str()).collect();
            format!("amm pools: {}", names.join(", "))
        };
        self.err(
            s.span(),
            field,
            format!("unknown amm pool \"{}\" ({known})", s.get_ref()),
        )
    }

    fn pool(&self, s: &Spanned<String>, field: &str, ctx: &Ctx) -> Result<usize> {
        match ctx.pool_index.get(s.get_ref()) {
            Some(i) => Ok(*i),
            None => {
                let mut known: Vec<(&String, &usize)> = ctx.pool_index.iter().collect();
                known.sort_by_key(|(_, i)| **i);
                let names: Vec<&str> = known.iter().map(|(n, _)| n.as_str()).collect();
                self.err(
                    s.span(),
                    field,
                    format!(
                        "unknown pool \"{}\" (pools: {})",
                        s.get_ref(),
                        names.join(", ")
                    ),
                )
            }
        }
    }
}
