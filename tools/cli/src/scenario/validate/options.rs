//! The options token (`[options]`), the farm reward it must be, and users' `exercise` actions.
use toml::Spanned;
use trellis_types::options_token::MIN_WINDOW_SECS;

use super::{Checker, Ctx, Result};
use crate::scenario::error::ScenarioError;
use crate::scenario::plan::*;
use crate::scenario::spec::*;
use crate::scenario::units::{Amount, AmountOrAll};

/// The contract's bounds (`packages/types/src/options_token.rs`; the window floor is its own
/// constant, `MIN_WINDOW_SECS`).
const MULTIPLIER_BPS: std::ops::RangeInclusive<u64> = 1_000..=10_000;
/// Default slippage room of an exercise over its quote.
pub const DEFAULT_MAX_SLIPPAGE_BPS: u16 = 100;

impl Checker<'_> {
    /// Reads `[options]` and declares the oTOKEN as a token (a cw20 with the underlying's
    /// decimals: one underlying base unit per option base unit).
    pub(super) fn options(&self, spec: &Option<OptionsSpec>, ctx: &mut Ctx) -> Result<()> {
        let Some(o) = spec else {
            return Ok(());
        };
        let symbol = o.symbol.get_ref().clone();
        let valid = (3..=12).contains(&symbol.len())
            && symbol.chars().all(|c| c.is_ascii_alphabetic() || c == '-');
        if !valid {
            return self.err(
                o.symbol.span(),
                "options.symbol",
                "a cw20 symbol is 3 to 12 letters or `-` (cw20-base's rule)",
            );
        }
        if ctx.token_index.contains_key(&symbol) {
            return self.err(
                o.symbol.span(),
                "options.symbol",
                format!("\"{symbol}\" is already a token: the oTOKEN is declared here only"),
            );
        }
        let why = "the options buy a declared token";
        let underlying = self.base_token(&o.underlying, "options.underlying", ctx, why)?;
        let payment = self.base_token(&o.payment, "options.payment", ctx, why)?;
        if underlying == payment {
            return self.err(
                o.payment.span(),
                "options.payment",
                "the payment token must differ from the underlying",
            );
        }
        let amm_pool = self.amm_pool(&o.pool, "options.pool", ctx)?;
        let mut held = ctx.amm_pools[amm_pool].assets;
        held.sort_unstable();
        let mut wanted = [underlying, payment];
        wanted.sort_unstable();
        if held != wanted {
            return self.err(
                o.pool.span(),
                "options.pool",
                format!(
                    "amm pool \"{}\" must hold exactly {} and {}",
                    o.pool.get_ref(),
                    o.underlying.get_ref(),
                    o.payment.get_ref()
                ),
            );
        }
        let window_secs = self.secs(&o.window, "options.window", ctx.height, ctx.block_secs)?;
        if window_secs < MIN_WINDOW_SECS {
            return self.err(
                o.window.span(),
                "options.window",
                format!("at least {MIN_WINDOW_SECS} s (a shorter TWAP is close to a spot price)"),
            );
        }
        let bps = *o.multiplier_bps.get_ref();
        if !MULTIPLIER_BPS.contains(&bps) {
            return self.err(
                o.multiplier_bps.span(),
                "options.multiplier_bps",
                "1000 to 10000 (a strike of 10% to 100% of the TWAP)",
            );
        }
        let min_price_atomics = match &o.min_price {
            None => 1,
            Some(p) => {
                let atomics = Amount::parse(p.get_ref())
                    .and_then(|a| a.to_base(18))
                    .or_else(|m| self.err(p.span(), "options.min_price", m))?;
                if atomics == 0 {
                    return self.err(
                        p.span(),
                        "options.min_price",
                        "must be above zero, or options could be exercised for free",
                    );
                }
                atomics
            }
        };
        let treasury = match &o.treasury {
            None => TREASURY.to_string(),
            Some(t)
                if t.get_ref() == OWNER || t.get_ref() == LIQUIDITY || t.get_ref().is_empty() =>
            {
                return self.err(
                    t.span(),
                    "options.treasury",
                    format!(
                        "\"{}\" is an account the simulator uses itself",
                        t.get_ref()
                    ),
                )
            }
            Some(t) => t.get_ref().clone(),
        };
        let reserve = match (o.delivery.get_ref(), &o.reserve) {
            (DeliveryKind::Mint, Some(r)) => {
                return self.err(
                    r.span(),
                    "options.reserve",
                    "only `delivery = \"reserve\"` has a reserve",
                );
            }
            (DeliveryKind::Mint, None) => {
                if ctx.tokens[underlying].is_native() {
                    return self.err(
                        o.delivery.span(),
                        "options.delivery",
                        "a minted underlying must be a cw20 (the oTOKEN becomes its minter)",
                    );
                }
                None
            }
            (DeliveryKind::Reserve, None) => {
                return self.err(
                    o.delivery.span(),
                    "options.reserve",
                    "`delivery = \"reserve\"` needs `reserve` (underlying the treasury funds at deployment)",
                );
            }
            (DeliveryKind::Reserve, Some(r)) => {
                Some(self.amount(r, "options.reserve", ctx.tokens[underlying].decimals)?)
            }
        };
        let token = ctx.tokens.len();
        ctx.token_index.insert(symbol.clone(), token);
        ctx.tokens.push(TokenPlan {
            symbol,
            decimals: ctx.tokens[underlying].decimals,
            denom: None,
            amm_pool: None,
        });
        ctx.options = Some(OptionsPlan {
            token,
            underlying,
            payment,
            amm_pool,
            window_secs,
            multiplier_bps: bps as u32,
            min_price_atomics,
            treasury,
            reserve,
            lock_route: None,
        });
        Ok(())
    }

    /// With `[options]`, the farm mints the oTOKEN; without, nothing may name it.
    pub(super) fn options_reward(
        &self,
        r: &RewardSpec,
        reward: &RewardPlan,
        ctx: &Ctx,
    ) -> Result<()> {
        let Some(o) = &ctx.options else {
            return Ok(());
        };
        if reward.token != o.token || reward.source != SourcePlan::Mint {
            return self.err(
                r.token.span(),
                "farm.reward",
                format!(
                    "with `[options]` the farm pays the options: `source = \"mint\"`, `token = \"{}\"`",
                    ctx.tokens[o.token].symbol
                ),
            );
        }
        Ok(())
    }

    /// How `then = "lock"` reaches the escrow: the escrow locks the underlying, or the options
    /// pool's LP token (join with the underlying alone, lock the LP).
    pub(super) fn options_lock_route(&self, ctx: &mut Ctx) {
        let Some(o) = &mut ctx.options else {
            return;
        };
        let lp = ctx.amm_pools[o.amm_pool].lp_token;
        o.lock_route = match ctx.escrow {
            Some(t) if t == o.underlying => Some(LockRoute::Direct),
            Some(t) if t == lp => Some(LockRoute::JoinPool),
            _ => None,
        };
    }

    /// An `exercise` action: the options, the moment (the oracle must cover the window) and
    /// what follows.
    pub(super) fn exercise_action(
        &self,
        a: &ActionSpec,
        path: &str,
        at_secs: u64,
        ctx: &Ctx,
    ) -> Result<ActionPlan> {
        let f = |x: &str| format!("{path}.{x}");
        let need = |name: &str| -> ScenarioError {
            self.src.error(
                a.action.span(),
                f(name),
                format!("`exercise` needs `{name}`"),
            )
        };
        let Some(o) = &ctx.options else {
            return self.err(a.action.span(), f("action"), "`exercise` needs `[options]`");
        };
        if at_secs < o.window_secs {
            return self.err(
                a.at.span(),
                f("at"),
                format!(
                    "the oracle needs {} s of pool history (the window) before the first exercise",
                    o.window_secs
                ),
            );
        }
        let x = a.amount.as_ref().ok_or_else(|| need("amount"))?;
        let amount = match x.get_ref() {
            AmountOrAll::All => None,
            AmountOrAll::Amount(amount) => {
                let base = amount
                    .to_base(ctx.tokens[o.token].decimals)
                    .or_else(|m| self.err(x.span(), f("amount"), m))?;
                if base == 0 {
                    return self.err(x.span(), f("amount"), "must be positive");
                }
                Some(base)
            }
        };
        let max_slippage_bps = match &a.max_slippage_bps {
            None => DEFAULT_MAX_SLIPPAGE_BPS,
            Some(b) if *b.get_ref() <= 10_000 => *b.get_ref() as u16,
            Some(b) => return self.err(b.span(), f("max_slippage_bps"), "at most 10000"),
        };
        let then_kind = a
            .then
            .as_ref()
            .map(|t| *t.get_ref())
            .unwrap_or(ThenKind::Hold);
        let lock_for_secs = match &a.lock_for {
            None => None,
            Some(d) if then_kind == ThenKind::Lock => {
                let secs = self.secs(d, &f("lock_for"), ctx.height, ctx.block_secs)?;
                if secs == 0 {
                    return self.err(d.span(), f("lock_for"), "must be positive");
                }
                Some(secs)
            }
            Some(d) => {
                return self.err(
                    d.span(),
                    f("lock_for"),
                    "only `then = \"lock\"` takes `lock_for`",
                )
            }
        };
        let then = match then_kind {
            ThenKind::Hold => Then::Hold,
            ThenKind::Sell => Then::Sell,
            ThenKind::Lock => {
                if o.lock_route.is_none() {
                    let span = a
                        .then
                        .as_ref()
                        .map(Spanned::span)
                        .unwrap_or(a.action.span());
                    let lp = &ctx.tokens[ctx.amm_pools[o.amm_pool].lp_token].symbol;
                    return self.err(
                        span,
                        f("then"),
                        format!(
                            "`lock` needs an `[escrow]` locking {} or {lp} (the options pool's LP token)",
                            ctx.tokens[o.underlying].symbol
                        ),
                    );
                }
                Then::Lock { lock_for_secs }
            }
        };
        Ok(ActionPlan::Exercise {
            amount,
            max_slippage_bps,
            then,
        })
    }

    /// The treasury is an account of its own: not a user or a trader.
    pub(super) fn options_treasury_is_distinct(
        &self,
        spec: &ScenarioSpec,
        users: &[UserPlan],
    ) -> Result<()> {
        let Some(t) = spec.options.as_ref().and_then(|o| o.treasury.as_ref()) else {
            return Ok(());
        };
        let name = t.get_ref();
        let taken = users.iter().any(|u| &u.name == name)
            || spec.traders.iter().any(|tr| tr.name.get_ref() == name);
        if taken {
            return self.err(
                t.span(),
                "options.treasury",
                format!("\"{name}\" is already a user or trader: the treasury is an account of its own, so its cash is visible"),
            );
        }
        Ok(())
    }
}
