//! CL farms: an eternal or limit farm of the farming center on a CL pool, its reward (and
//! bonus) token with the amount funded at creation and the price the APR values it at, its
//! rates or campaign, its minimum width, its tiers, and an eternal farm's rate changes and
//! top-ups. Also the entry point of the CL farming checks (farms, then the farmed positions
//! and the incentive maker's account).
use toml::Spanned;
use trellis_cl_farming::limits::{
    MAX_LIMIT_DURATION_SECS, MAX_MULTIPLIER_BPS, MAX_TIERS, MIN_MULTIPLIER_BPS,
};

use super::{Checker, Ctx, Result};
use crate::scenario::cl_farm_plan::*;
use crate::scenario::cl_farm_spec::*;
use crate::scenario::cl_plan::{ClPlan, ClPoolPlan};
use crate::scenario::cl_price;
use crate::scenario::plan::UserPlan;
use crate::scenario::spec::ScenarioSpec;
use crate::scenario::units::Amount;

impl Checker<'_> {
    /// The CL farming part; `cl` is the checked CL part, `users` the checked users.
    pub(super) fn cl_farms(
        &self,
        spec: &ScenarioSpec,
        ctx: &Ctx,
        cl: &ClPlan,
        users: &[UserPlan],
    ) -> Result<ClFarmsPlan> {
        let mut farms: Vec<ClFarmPlan> = Vec::new();
        for (i, f) in spec.cl_farms.iter().enumerate() {
            let farm = self.cl_farm(i, f, ctx, &cl.pools, &farms)?;
            farms.push(farm);
        }
        let farmed = self.cl_farmed(&spec.cl_farming, &spec.cl_positions, ctx, cl, &farms)?;
        let maker = self.cl_incentive_maker(spec, users)?;
        Ok(ClFarmsPlan {
            maker,
            farms,
            farmed,
        })
    }

    fn cl_farm(
        &self,
        i: usize,
        f: &ClFarmSpec,
        ctx: &Ctx,
        pools: &[ClPoolPlan],
        done: &[ClFarmPlan],
    ) -> Result<ClFarmPlan> {
        let path = format!("cl_farms[{i}]");
        let field = |x: &str| format!("{path}.{x}");
        let name = f.name.get_ref().clone();
        if name.is_empty() || done.iter().any(|g| g.name == name) {
            return self.err(
                f.name.span(),
                field("name"),
                format!("CL farm names must be unique and non-empty (\"{name}\")"),
            );
        }
        let pool = self.cl_pool_index(&f.pool, &field("pool"), pools)?;
        let kind = *f.kind.get_ref();
        let limit = kind == ClFarmKindSpec::Limit;
        if let Some(other) = done
            .iter()
            .find(|g| g.pool == pool && g.is_limit() == limit)
        {
            return self.err(
                f.kind.span(),
                field("kind"),
                format!(
                    "CL pool \"{}\" already has {} farm (\"{}\"): the farming center runs one live farm of each kind per pool",
                    pools[pool].name,
                    if limit { "a limit" } else { "an eternal" },
                    other.name
                ),
            );
        }
        let token1_decimals = ctx.tokens[pools[pool].assets[1]].decimals;
        let reward = self.cl_farm_token(
            &f.reward,
            &f.reward_price_in_token1,
            (&field("reward"), &field("reward_price_in_token1")),
            ctx,
            token1_decimals,
        )?;
        let bonus = match (&f.bonus, &f.bonus_price_in_token1) {
            (None, None) => None,
            (None, Some(price)) => {
                return self.err(
                    price.span(),
                    field("bonus_price_in_token1"),
                    "a bonus price needs `bonus = { token, amount }`",
                )
            }
            (Some(bonus), None) => {
                return self.err(
                    bonus.span(),
                    field("bonus_price_in_token1"),
                    "a bonus needs `bonus_price_in_token1` (the APR values it at that price)",
                )
            }
            (Some(bonus), Some(price)) => {
                let plan = self.cl_farm_token(
                    bonus,
                    price,
                    (&field("bonus"), &field("bonus_price_in_token1")),
                    ctx,
                    token1_decimals,
                )?;
                if plan.token == reward.token {
                    return self.err(
                        bonus.get_ref().token.span(),
                        field("bonus.token"),
                        "the bonus token must differ from the reward token",
                    );
                }
                Some(plan)
            }
        };
        let reward_price = (&reward, &f.reward_price_in_token1, "reward_price_in_token1");
        let bonus_price = bonus
            .as_ref()
            .zip(f.bonus_price_in_token1.as_ref())
            .map(|(b, p)| (b, p, "bonus_price_in_token1"));
        for (token, price, name) in std::iter::once(reward_price).chain(bonus_price) {
            self.cl_price_agrees(token, price, &field(name), pool, done, ctx)?;
        }
        let decimals = [
            ctx.tokens[reward.token].decimals,
            bonus.as_ref().map_or(0, |b| ctx.tokens[b.token].decimals),
        ];
        let terms = if limit {
            self.cl_limit_terms(&path, f, ctx)?
        } else {
            self.cl_eternal_terms(&path, f, ctx, decimals, bonus.is_some())?
        };
        let tiers = match &f.tiers {
            Some(t) => Some(self.cl_tiers(&field("tiers"), t, ctx)?),
            None => None,
        };
        Ok(ClFarmPlan {
            name,
            pool,
            reward,
            bonus,
            min_width: f.min_width.as_ref().map_or(0, |w| *w.get_ref()),
            tiers,
            terms,
        })
    }

    /// Two farms of one pool value one token at one price (their APRs are compared).
    fn cl_price_agrees(
        &self,
        token: &ClFarmTokenPlan,
        price: &Spanned<String>,
        field: &str,
        pool: usize,
        done: &[ClFarmPlan],
        ctx: &Ctx,
    ) -> Result<()> {
        let other = done.iter().filter(|g| g.pool == pool).find(|g| {
            g.tokens()
                .iter()
                .any(|t| t.token == token.token && !t.price.same_as(&token.price))
        });
        match other {
            None => Ok(()),
            Some(other) => self.err(
                price.span(),
                field,
                format!(
                    "CL farm \"{}\" of the same pool values {} at another price: one token, one price per pool",
                    other.name, ctx.tokens[token.token].symbol
                ),
            ),
        }
    }

    /// A native declared token (the maker is funded by minting it), a positive amount and a
    /// positive price.
    fn cl_farm_token(
        &self,
        spec: &Spanned<ClFarmTokenSpec>,
        price: &Spanned<String>,
        (path, price_field): (&str, &str),
        ctx: &Ctx,
        token1_decimals: u8,
    ) -> Result<ClFarmTokenPlan> {
        let t = spec.get_ref();
        let token = self.cl_native_token(&t.token, &format!("{path}.token"), ctx)?;
        let decimals = ctx.tokens[token].decimals;
        let amount = self.amount(&t.amount, &format!("{path}.amount"), decimals)?;
        if amount == 0 {
            return self.err(
                t.amount.span(),
                format!("{path}.amount"),
                "a farm needs a positive reward amount",
            );
        }
        let price = self.cl_token_price(price, price_field, decimals, token1_decimals)?;
        Ok(ClFarmTokenPlan {
            token,
            amount,
            price,
        })
    }

    /// A declared native token: farm rewards and tier locks are bank coins in the simulator.
    pub(super) fn cl_native_token(
        &self,
        s: &Spanned<String>,
        field: &str,
        ctx: &Ctx,
    ) -> Result<usize> {
        let token = self.base_token(s, field, ctx, "CL farms pay and lock declared tokens")?;
        if !ctx.tokens[token].is_native() {
            return self.err(
                s.span(),
                field,
                format!(
                    "\"{}\" is a cw20: CL farm rewards and tier locks are native tokens (kind = \"native\")",
                    s.get_ref()
                ),
            );
        }
        Ok(token)
    }

    /// A display price (token1 per unit of the token) as a ratio of base units.
    fn cl_token_price(
        &self,
        price: &Spanned<String>,
        field: &str,
        decimals: u8,
        token1_decimals: u8,
    ) -> Result<TokenPrice> {
        let text =
            cl_price::parse(price.get_ref()).or_else(|m| self.err(price.span(), field, m))?;
        if text.digits.is_zero() {
            return self.err(price.span(), field, "a price must be positive");
        }
        let ten = |exp: u32| cosmwasm_std::Uint256::from(10u8).pow(exp);
        Ok(TokenPrice {
            numerator: text.digits * ten(token1_decimals as u32),
            denominator: ten(text.scale) * ten(decimals as u32),
        })
    }

    /// A rate in base units per second; `positive` refuses 0.
    fn cl_rate(
        &self,
        rate: &Spanned<Amount>,
        field: &str,
        decimals: u8,
        positive: bool,
    ) -> Result<u128> {
        let base = self.amount(rate, field, decimals)?;
        if positive && base == 0 {
            return self.err(
                rate.span(),
                field,
                "an eternal farm needs a positive rate for every token it pays",
            );
        }
        Ok(base)
    }

    fn cl_eternal_terms(
        &self,
        path: &str,
        f: &ClFarmSpec,
        ctx: &Ctx,
        decimals: [u8; 2],
        has_bonus: bool,
    ) -> Result<ClFarmTerms> {
        let field = |x: &str| format!("{path}.{x}");
        for (value, name) in [(&f.start, "start"), (&f.end, "end")] {
            if let Some(v) = value {
                return self.err(
                    v.span(),
                    field(name),
                    format!("`{name}` belongs to limit farms (an eternal farm runs until it is emptied)"),
                );
            }
        }
        let Some(reward_rate) = &f.reward_rate else {
            return self.err(
                f.kind.span(),
                field("reward_rate"),
                "an eternal farm needs `reward_rate` (reward per second, display units)",
            );
        };
        let reward_rate = self.cl_rate(reward_rate, &field("reward_rate"), decimals[0], true)?;
        let bonus_rate = match (&f.bonus_rate, has_bonus) {
            (Some(rate), true) => self.cl_rate(rate, &field("bonus_rate"), decimals[1], true)?,
            (None, false) => 0,
            (None, true) => {
                return self.err(
                    f.kind.span(),
                    field("bonus_rate"),
                    "an eternal farm with a bonus needs `bonus_rate` (bonus per second)",
                )
            }
            (Some(rate), false) => {
                return self.err(
                    rate.span(),
                    field("bonus_rate"),
                    "this farm pays no bonus token: give `bonus` or drop `bonus_rate`",
                )
            }
        };
        let mut set_rates: Vec<ClSetRatesPlan> = Vec::new();
        for (k, s) in f.set_rates.iter().enumerate() {
            let f = |x: &str| format!("{path}.set_rates[{k}].{x}");
            let at_secs =
                self.cl_ordered_moment(&s.at, &f("at"), ctx, set_rates.last().map(|p| p.at_secs))?;
            // 0 pauses a token: the contract allows it after creation.
            let reward = self.cl_rate(&s.reward_rate, &f("reward_rate"), decimals[0], false)?;
            let bonus = match (&s.bonus_rate, has_bonus) {
                (Some(rate), true) => self.cl_rate(rate, &f("bonus_rate"), decimals[1], false)?,
                (None, false) => 0,
                (None, true) => {
                    return self.err(
                        s.at.span(),
                        f("bonus_rate"),
                        "the farm pays a bonus: give its new `bonus_rate` too (0 pauses it)",
                    )
                }
                (Some(rate), false) => {
                    return self.err(
                        rate.span(),
                        f("bonus_rate"),
                        "this farm pays no bonus token",
                    )
                }
            };
            set_rates.push(ClSetRatesPlan {
                at_secs,
                line: self.src.line_col(s.at.span().start).0,
                rates: [reward, bonus],
            });
        }
        let mut add_rewards: Vec<ClAddRewardsPlan> = Vec::new();
        for (k, a) in f.add_rewards.iter().enumerate() {
            let f = |x: &str| format!("{path}.add_rewards[{k}].{x}");
            let at_secs = self.cl_ordered_moment(
                &a.at,
                &f("at"),
                ctx,
                add_rewards.last().map(|p| p.at_secs),
            )?;
            let reward = match &a.reward {
                Some(amount) => self.amount(amount, &f("reward"), decimals[0])?,
                None => 0,
            };
            let bonus = match (&a.bonus, has_bonus) {
                (Some(amount), true) => self.amount(amount, &f("bonus"), decimals[1])?,
                (Some(amount), false) => {
                    return self.err(amount.span(), f("bonus"), "this farm pays no bonus token")
                }
                (None, _) => 0,
            };
            if reward == 0 && bonus == 0 {
                return self.err(
                    a.at.span(),
                    f("reward"),
                    "a top-up adds a positive `reward` or `bonus`",
                );
            }
            add_rewards.push(ClAddRewardsPlan {
                at_secs,
                line: self.src.line_col(a.at.span().start).0,
                amounts: [reward, bonus],
            });
        }
        Ok(ClFarmTerms::Eternal {
            rates: [reward_rate, bonus_rate],
            set_rates,
            add_rewards,
        })
    }

    /// A moment of the run strictly after the previous one of its list.
    fn cl_ordered_moment(
        &self,
        at: &Spanned<crate::scenario::units::Dur>,
        field: &str,
        ctx: &Ctx,
        previous: Option<u64>,
    ) -> Result<u64> {
        let secs = self.at(at, field, ctx)?;
        if previous.is_some_and(|p| secs <= p) {
            return self.err(
                at.span(),
                field,
                "in time order: after the previous one of the list",
            );
        }
        Ok(secs)
    }

    fn cl_limit_terms(&self, path: &str, f: &ClFarmSpec, ctx: &Ctx) -> Result<ClFarmTerms> {
        let field = |x: &str| format!("{path}.{x}");
        let eternal_only = [
            (f.reward_rate.as_ref().map(|r| r.span()), "reward_rate"),
            (f.bonus_rate.as_ref().map(|r| r.span()), "bonus_rate"),
            (f.set_rates.first().map(|s| s.at.span()), "set_rates"),
            (f.add_rewards.first().map(|a| a.at.span()), "add_rewards"),
        ];
        for (span, name) in eternal_only {
            if let Some(span) = span {
                return self.err(
                    span,
                    field(name),
                    format!("`{name}` belongs to eternal farms (a limit farm pays a fixed total over [start, end])"),
                );
            }
        }
        let (Some(start), Some(end)) = (&f.start, &f.end) else {
            return self.err(
                f.kind.span(),
                field(if f.start.is_none() { "start" } else { "end" }),
                "a limit farm needs `start` and `end` (moments of the run)",
            );
        };
        let start_secs = self.at(start, &field("start"), ctx)?;
        if start_secs == 0 {
            return self.err(
                start.span(),
                field("start"),
                "a limit farm starts after its creation at deployment (positions enter before the start)",
            );
        }
        let end_secs = self.at(end, &field("end"), ctx)?;
        if end_secs <= start_secs {
            return self.err(
                end.span(),
                field("end"),
                format!("must be after the start ({start_secs} s)"),
            );
        }
        if end_secs - start_secs > MAX_LIMIT_DURATION_SECS {
            return self.err(
                end.span(),
                field("end"),
                format!("a limit campaign lasts at most {MAX_LIMIT_DURATION_SECS} s (one year)"),
            );
        }
        Ok(ClFarmTerms::Limit {
            start_secs,
            end_secs,
        })
    }

    /// 1 to `MAX_TIERS` levels, amounts (the first positive) and multipliers strictly
    /// increasing, multipliers 1x to 5x.
    fn cl_tiers(&self, path: &str, t: &Spanned<ClTiersSpec>, ctx: &Ctx) -> Result<ClTiersPlan> {
        let spec = t.get_ref();
        let token = self.cl_native_token(&spec.token, &format!("{path}.token"), ctx)?;
        let decimals = ctx.tokens[token].decimals;
        let list = spec.levels.get_ref();
        if list.is_empty() || list.len() > MAX_TIERS {
            return self.err(
                spec.levels.span(),
                format!("{path}.levels"),
                format!("1 to {MAX_TIERS} tiers"),
            );
        }
        let mut levels: Vec<(u128, u32)> = Vec::new();
        for (k, level) in list.iter().enumerate() {
            let f = |x: &str| format!("{path}.levels[{k}].{x}");
            let amount = self.amount(&level.amount, &f("amount"), decimals)?;
            let bps = *level.multiplier_bps.get_ref();
            if !(MIN_MULTIPLIER_BPS..=MAX_MULTIPLIER_BPS).contains(&bps) {
                return self.err(
                    level.multiplier_bps.span(),
                    f("multiplier_bps"),
                    format!("between {MIN_MULTIPLIER_BPS} (1x) and {MAX_MULTIPLIER_BPS} (5x)"),
                );
            }
            match levels.last() {
                None if amount == 0 => {
                    return self.err(
                        level.amount.span(),
                        f("amount"),
                        "the first tier locks a positive amount",
                    )
                }
                Some((previous, _)) if amount <= *previous => {
                    return self.err(
                        level.amount.span(),
                        f("amount"),
                        "tiers are in increasing order: each locks more than the one before",
                    )
                }
                Some((_, previous)) if bps <= *previous => {
                    return self.err(
                        level.multiplier_bps.span(),
                        f("multiplier_bps"),
                        "tiers are in increasing order: each multiplies more than the one before",
                    )
                }
                _ => {}
            }
            levels.push((amount, bps));
        }
        Ok(ClTiersPlan { token, levels })
    }
}
