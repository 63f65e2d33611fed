//! CL pools: two declared tokens, a fee tier (the standard spacing by default), an initial
//! price or tick, an optional protocol fee. Also the entry point of the CL checks (pools, then
//! positions, traders and their accounts).
use toml::Spanned;
use trellis_cl_pool::limits::MAX_PROTOCOL_FEE_SHARE_BPS;
use trellis_math::cl::{sqrt_price_at_tick, FEE_PIPS_DENOMINATOR, MAX_TICK, MIN_TICK};
use trellis_types::cl_pool::{standard_tick_spacing, FeeTier, FEE_TIERS, MAX_TICK_SPACING};

use super::{Checker, Ctx, Result};
use crate::scenario::cl_plan::*;
use crate::scenario::cl_price;
use crate::scenario::cl_spec::*;
use crate::scenario::plan::*;
use crate::scenario::spec::ScenarioSpec;

impl Checker<'_> {
    /// The CL part of the scenario; `users` are the checked users (for account names).
    pub(super) fn cl(&self, spec: &ScenarioSpec, ctx: &Ctx, users: &[UserPlan]) -> Result<ClPlan> {
        let mut pools: Vec<ClPoolPlan> = Vec::new();
        for (i, p) in spec.cl_pools.iter().enumerate() {
            let pool = self.cl_pool(i, p, ctx, &pools)?;
            pools.push(pool);
        }
        let positions = self.cl_positions(&spec.cl_positions, ctx, &pools)?;
        let traders = self.cl_traders(&spec.cl_traders, ctx, &pools)?;
        self.cl_accounts_are_distinct(spec, users)?;
        Ok(ClPlan {
            pools,
            positions,
            traders,
        })
    }

    /// The index of the CL pool named `s`.
    pub(super) fn cl_pool_index(
        &self,
        s: &Spanned<String>,
        field: &str,
        pools: &[ClPoolPlan],
    ) -> Result<usize> {
        if let Some(i) = pools.iter().position(|p| &p.name == s.get_ref()) {
            return Ok(i);
        }
        let known = if pools.is_empty() {
            "the scenario declares no [[cl_pools]]".to_string()
        } else {
            let names: Vec<&str> = pools.iter().map(|p| p.name.as_str()).collect();
            format!("CL pools: {}", names.join(", "))
        };
        self.err(
            s.span(),
            field,
            format!("unknown CL pool \"{}\" ({known})", s.get_ref()),
        )
    }

    fn cl_pool(
        &self,
        i: usize,
        p: &ClPoolSpec,
        ctx: &Ctx,
        done: &[ClPoolPlan],
    ) -> Result<ClPoolPlan> {
        let field = |x: &str| format!("cl_pools[{i}].{x}");
        let name = p.name.get_ref().clone();
        if name.is_empty() || done.iter().any(|q| q.name == name) {
            return self.err(
                p.name.span(),
                field("name"),
                format!("CL pool names must be unique and non-empty (\"{name}\")"),
            );
        }
        let assets = self.cl_assets(i, p, ctx)?;
        let fee_tier = self.cl_fee_tier(i, p)?;
        if let Some(other) = done.iter().find(|q| {
            (q.assets == assets || q.assets == [assets[1], assets[0]])
                && q.fee_tier.fee_pips == fee_tier.fee_pips
        }) {
            return self.err(
                p.assets.span(),
                field("assets"),
                format!(
                    "CL pool \"{}\" already has these assets and fee (the factory lists one per pair and fee)",
                    other.name
                ),
            );
        }
        let decimals = assets.map(|t| ctx.tokens[t].decimals);
        let (sqrt_price, tick) = self.cl_initial_price(i, p, decimals)?;
        Ok(ClPoolPlan {
            name,
            assets,
            fee_tier,
            sqrt_price,
            tick,
            protocol_fee: self.cl_protocol_fee(i, p)?,
        })
    }

    fn cl_assets(&self, i: usize, p: &ClPoolSpec, ctx: &Ctx) -> Result<[usize; 2]> {
        let listed = p.assets.get_ref();
        if listed.len() != 2 {
            return self.err(
                p.assets.span(),
                format!("cl_pools[{i}].assets"),
                "a CL pool has exactly two assets (token0, token1)",
            );
        }
        let asset = |k: usize| {
            let field = format!("cl_pools[{i}].assets[{k}]");
            let token = self.base_token(
                &listed[k],
                &field,
                ctx,
                "a CL pool's assets are declared tokens",
            )?;
            if ctx.options.as_ref().map(|o| o.token) == Some(token) {
                return self.err(
                    listed[k].span(),
                    field,
                    "the options token is the farm's reward, not a CL pool asset",
                );
            }
            Ok(token)
        };
        let assets = [asset(0)?, asset(1)?];
        if assets[0] == assets[1] {
            return self.err(
                p.assets.span(),
                format!("cl_pools[{i}].assets"),
                "the two assets of a CL pool differ",
            );
        }
        Ok(assets)
    }

    /// `fee_pips` below 100%, with the standard spacing unless `tick_spacing` gives one.
    fn cl_fee_tier(&self, i: usize, p: &ClPoolSpec) -> Result<FeeTier> {
        let fee_pips = *p.fee_pips.get_ref();
        if fee_pips >= FEE_PIPS_DENOMINATOR {
            return self.err(
                p.fee_pips.span(),
                format!("cl_pools[{i}].fee_pips"),
                format!("below {FEE_PIPS_DENOMINATOR} (hundredths of a bip: 3000 is 0.3%)"),
            );
        }
        let tick_spacing = match &p.tick_spacing {
            Some(s) => {
                let spacing = *s.get_ref();
                if !(1..=MAX_TICK_SPACING as i64).contains(&spacing) {
                    return self.err(
                        s.span(),
                        format!("cl_pools[{i}].tick_spacing"),
                        format!("between 1 and {MAX_TICK_SPACING}"),
                    );
                }
                spacing as i32
            }
            None => match standard_tick_spacing(fee_pips) {
                Some(spacing) => spacing,
                None => {
                    let standard: Vec<String> = FEE_TIERS
                        .iter()
                        .map(|t| format!("{} (spacing {})", t.fee_pips, t.tick_spacing))
                        .collect();
                    return self.err(
                        p.fee_pips.span(),
                        format!("cl_pools[{i}].tick_spacing"),
                        format!(
                            "{fee_pips} is not a standard fee ({}): give `tick_spacing`",
                            standard.join(", ")
                        ),
                    );
                }
            },
        };
        Ok(FeeTier {
            fee_pips,
            tick_spacing,
        })
    }

    /// The initial sqrt price and its tick, from `price` or `tick` (exactly one).
    fn cl_initial_price(
        &self,
        i: usize,
        p: &ClPoolSpec,
        decimals: [u8; 2],
    ) -> Result<(cosmwasm_std::Uint256, i32)> {
        match (&p.price, &p.tick) {
            (Some(_), Some(tick)) => self.err(
                tick.span(),
                format!("cl_pools[{i}].tick"),
                "give the initial `price` or `tick`, not both",
            ),
            (None, None) => self.err(
                p.name.span(),
                format!("cl_pools[{i}].price"),
                "a CL pool needs its initial `price` (the second asset per unit of the first, e.g. \"1.0\") or `tick`",
            ),
            (Some(price), None) => {
                let sqrt_price = self.cl_price(price, &format!("cl_pools[{i}].price"), decimals)?;
                Ok((sqrt_price, cl_price::floor_tick(sqrt_price)))
            }
            (None, Some(tick)) => {
                // The pool refuses MAX_SQRT_PRICE itself, the price of MAX_TICK.
                let value = *tick.get_ref();
                if !(MIN_TICK as i64..MAX_TICK as i64).contains(&value) {
                    return self.err(
                        tick.span(),
                        format!("cl_pools[{i}].tick"),
                        format!("an initial tick lies in {MIN_TICK}..{MAX_TICK} (the last one excluded)"),
                    );
                }
                let tick = value as i32;
                Ok((sqrt_price_at_tick(tick).expect("tick in range"), tick))
            }
        }
    }

    /// A display price of `decimals` tokens as a sqrt price, errors located at the price.
    pub(super) fn cl_price(
        &self,
        price: &Spanned<String>,
        field: &str,
        decimals: [u8; 2],
    ) -> Result<cosmwasm_std::Uint256> {
        cl_price::parse(price.get_ref())
            .and_then(|p| cl_price::sqrt_price_of(p, decimals))
            .or_else(|m| self.err(price.span(), field, m))
    }

    fn cl_protocol_fee(&self, i: usize, p: &ClPoolSpec) -> Result<Option<ProtocolFeePlan>> {
        self.protocol_fee_terms(
            &format!("cl_pools[{i}]"),
            &p.protocol_fee_share_bps,
            &p.fee_collector,
            MAX_PROTOCOL_FEE_SHARE_BPS,
        )
    }
}
