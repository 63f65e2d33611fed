//! CL positions: an owner, a pool, a range on the pool's spacing (ticks, or prices rounded
//! outwards), the most deposited of each asset, and when the position opens, shrinks and
//! closes.
use trellis_math::cl::{MAX_TICK, MIN_TICK};

use super::{Checker, Ctx, Result};
use crate::scenario::cl_plan::*;
use crate::scenario::cl_price;
use crate::scenario::cl_spec::*;

/// Which end of a range: prices round down at the lower end and up at the upper one, so the
/// range holds both prices asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Lower,
    Upper,
}

impl End {
    fn name(self) -> &'static str {
        match self {
            End::Lower => "lower",
            End::Upper => "upper",
        }
    }
}

impl Checker<'_> {
    pub(super) fn cl_positions(
        &self,
        specs: &[ClPositionSpec],
        ctx: &Ctx,
        pools: &[ClPoolPlan],
    ) -> Result<Vec<ClPositionPlan>> {
        let mut positions: Vec<ClPositionPlan> = Vec::new();
        for (i, p) in specs.iter().enumerate() {
            let position = self.cl_position(i, p, ctx, pools, &positions)?;
            positions.push(position);
        }
        Ok(positions)
    }

    fn cl_position(
        &self,
        i: usize,
        p: &ClPositionSpec,
        ctx: &Ctx,
        pools: &[ClPoolPlan],
        done: &[ClPositionPlan],
    ) -> Result<ClPositionPlan> {
        let path = format!("cl_positions[{i}]");
        let f = |x: &str| format!("{path}.{x}");
        let name = p.name.get_ref().clone();
        if name.is_empty() || done.iter().any(|q| q.name == name) {
            return self.err(
                p.name.span(),
                f("name"),
                format!("CL position names must be unique and non-empty (\"{name}\")"),
            );
        }
        if p.owner.get_ref().is_empty() {
            return self.err(p.owner.span(), f("owner"), "an account name");
        }
        let pool = self.cl_pool_index(&p.pool, &f("pool"), pools)?;
        let plan = &pools[pool];
        let lower_tick = self.cl_range_end(&path, p, End::Lower, ctx, plan)?;
        let upper_tick = self.cl_range_end(&path, p, End::Upper, ctx, plan)?;
        if lower_tick >= upper_tick {
            let span = p
                .upper_tick
                .as_ref()
                .map(|t| t.span())
                .or(p.upper_price.as_ref().map(|s| s.span()))
                .unwrap_or(p.name.span());
            return self.err(
                span,
                f("upper"),
                format!(
                    "the range is empty: the lower end (tick {lower_tick}) must be below the upper end (tick {upper_tick})"
                ),
            );
        }
        let amounts = self.cl_amounts(&path, p, ctx, plan.assets)?;
        let open_at_secs = match &p.open_at {
            Some(at) => self.at(at, &f("open_at"), ctx)?,
            None => 0,
        };
        if open_at_secs == 0 {
            self.cl_amounts_fit_the_range(&path, p, ctx, plan, [lower_tick, upper_tick], amounts)?;
        }
        let close_at_secs = match &p.close_at {
            Some(at) => {
                let secs = self.at(at, &f("close_at"), ctx)?;
                if secs <= open_at_secs {
                    return self.err(
                        at.span(),
                        f("close_at"),
                        format!("must be after the position opens ({open_at_secs} s)"),
                    );
                }
                Some(secs)
            }
            None => None,
        };
        let decreases = self.cl_decreases(&path, p, ctx, open_at_secs, close_at_secs)?;
        Ok(ClPositionPlan {
            name,
            line: self.src.line_col(p.name.span().start).0,
            owner: p.owner.get_ref().clone(),
            pool,
            lower_tick,
            upper_tick,
            amounts,
            open_at_secs,
            decreases,
            close_at_secs,
        })
    }

    /// One end of the range: a tick on the spacing, or a price rounded outwards to it.
    fn cl_range_end(
        &self,
        path: &str,
        p: &ClPositionSpec,
        end: End,
        ctx: &Ctx,
        pool: &ClPoolPlan,
    ) -> Result<i32> {
        let (tick, price) = match end {
            End::Lower => (&p.lower_tick, &p.lower_price),
            End::Upper => (&p.upper_tick, &p.upper_price),
        };
        let side = end.name();
        let spacing = pool.fee_tier.tick_spacing;
        let in_range = |t: i64| (MIN_TICK as i64..=MAX_TICK as i64).contains(&t);
        match (tick, price) {
            (Some(_), Some(price)) => self.err(
                price.span(),
                format!("{path}.{side}_price"),
                format!("give `{side}_tick` or `{side}_price`, not both"),
            ),
            (None, None) => self.err(
                p.name.span(),
                format!("{path}.{side}_tick"),
                format!("a position needs its {side} end: `{side}_tick` or `{side}_price`"),
            ),
            (Some(tick), None) => {
                let field = format!("{path}.{side}_tick");
                let t = *tick.get_ref();
                if !in_range(t) {
                    return self.err(
                        tick.span(),
                        field,
                        format!("tick {t} is outside the tick range {MIN_TICK}..={MAX_TICK}"),
                    );
                }
                let below = t.div_euclid(spacing as i64) * spacing as i64;
                if below != t {
                    return self.err(
                        tick.span(),
                        field,
                        format!(
                            "tick {t} is not on the pool's tick spacing {spacing} (the nearest are {below} and {})",
                            below + spacing as i64
                        ),
                    );
                }
                Ok(t as i32)
            }
            (None, Some(price)) => {
                let field = format!("{path}.{side}_price");
                let decimals = pool.assets.map(|t| ctx.tokens[t].decimals);
                let sqrt_price = self.cl_price(price, &field, decimals)?;
                let s = spacing as i64;
                let t = match end {
                    End::Lower => (cl_price::floor_tick(sqrt_price) as i64).div_euclid(s) * s,
                    End::Upper => {
                        (cl_price::ceil_tick(sqrt_price) as i64 + s - 1).div_euclid(s) * s
                    }
                };
                if !in_range(t) {
                    return self.err(
                        price.span(),
                        field,
                        format!(
                            "the price rounds to tick {t} on the spacing {spacing}, outside the tick range {MIN_TICK}..={MAX_TICK}"
                        ),
                    );
                }
                Ok(t as i32)
            }
        }
    }

    /// Positive amounts by asset symbol, in pool order (0 for an asset not given).
    fn cl_amounts(
        &self,
        path: &str,
        p: &ClPositionSpec,
        ctx: &Ctx,
        assets: [usize; 2],
    ) -> Result<[u128; 2]> {
        let table = &p.amounts;
        let field = format!("{path}.amounts");
        if table.get_ref().is_empty() {
            return self.err(
                table.span(),
                field,
                format!(
                    "give the most to deposit: {{ \"{}\" = ..., \"{}\" = ... }}",
                    ctx.tokens[assets[0]].symbol, ctx.tokens[assets[1]].symbol
                ),
            );
        }
        let mut out = [0u128; 2];
        for (symbol, amount) in table.get_ref() {
            let k = self.asset_position(symbol, &field, assets, ctx)?;
            let at = format!("{field}.{}", symbol.get_ref());
            let base = self.amount(amount, &at, ctx.tokens[assets[k]].decimals)?;
            if base == 0 {
                return self.err(amount.span(), at, "must be positive");
            }
            out[k] = base;
        }
        Ok(out)
    }

    /// A position opened at deployment deposits what its range needs at the initial price:
    /// token0 only above the price, token1 only below it, both when it holds the price.
    fn cl_amounts_fit_the_range(
        &self,
        path: &str,
        p: &ClPositionSpec,
        ctx: &Ctx,
        pool: &ClPoolPlan,
        [lower, upper]: [i32; 2],
        amounts: [u128; 2],
    ) -> Result<()> {
        let symbol = |k: usize| ctx.tokens[pool.assets[k]].symbol.as_str();
        let needed: &[usize] = if pool.tick < lower {
            &[0]
        } else if pool.tick >= upper {
            &[1]
        } else {
            &[0, 1]
        };
        let Some(missing) = needed.iter().find(|k| amounts[**k] == 0) else {
            return Ok(());
        };
        let place = match needed {
            [0] => format!(
                "above the initial price (tick {}): it holds only {}",
                pool.tick,
                symbol(0)
            ),
            [1] => format!(
                "below the initial price (tick {}): it holds only {}",
                pool.tick,
                symbol(1)
            ),
            _ => format!(
                "around the initial price (tick {}): it holds both {} and {}",
                pool.tick,
                symbol(0),
                symbol(1)
            ),
        };
        self.err(
            p.amounts.span(),
            format!("{path}.amounts"),
            format!(
                "the range [{lower}, {upper}) lies {place}; give an amount of {}",
                symbol(*missing)
            ),
        )
    }

    /// Decreases strictly after the opening, before the closing, in time order.
    fn cl_decreases(
        &self,
        path: &str,
        p: &ClPositionSpec,
        ctx: &Ctx,
        open_at: u64,
        close_at: Option<u64>,
    ) -> Result<Vec<ClDecreasePlan>> {
        let mut out: Vec<ClDecreasePlan> = Vec::new();
        for (k, d) in p.decreases.iter().enumerate() {
            let f = |x: &str| format!("{path}.decreases[{k}].{x}");
            let at_secs = self.at(&d.at, &f("at"), ctx)?;
            let after = out.last().map_or(open_at, |prev| prev.at_secs);
            if at_secs <= after || close_at.is_some_and(|c| at_secs >= c) {
                return self.err(
                    d.at.span(),
                    f("at"),
                    "decreases come after the opening and the previous decrease, before the closing",
                );
            }
            let share = *d.share_bps.get_ref();
            if !(1..=10_000).contains(&share) {
                return self.err(
                    d.share_bps.span(),
                    f("share_bps"),
                    "between 1 and 10000 (basis points of the position's liquidity)",
                );
            }
            out.push(ClDecreasePlan {
                at_secs,
                line: self.src.line_col(d.at.span().start).0,
                share_bps: share as u16,
            });
        }
        Ok(out)
    }
}
