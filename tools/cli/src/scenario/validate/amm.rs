//! Amm pools: weighted pools created through the factory, their initial liquidity and the LP
//! tokens they add to the scenario's tokens.
use std::collections::BTreeMap;

use cosmwasm_std::{Decimal, Uint128};
use toml::Spanned;
use trellis_math::weighted_liquidity::initial_lp_supply_scaled;
use trellis_math::MathError;
use trellis_weighted_pool::limits::{
    LP_TOKEN_DECIMALS, MAX_PROTOCOL_FEE_SHARE_BPS, MAX_SWAP_FEE_BPS,
};

use super::{Checker, Ctx, Result};
use crate::scenario::plan::*;
use crate::scenario::spec::*;
use crate::scenario::units::Amount;

/// The factory refuses weights below 1%.
const MIN_WEIGHT_PERCENT: u64 = 1;

impl Checker<'_> {
    /// Checks every amm pool and declares its LP token (the pool's cw20, `LP_TOKEN_DECIMALS` =
    /// 18: the supply is the invariant over balances scaled to 18 decimals).
    pub(super) fn amm_pools(&self, specs: &[AmmPoolSpec], ctx: &mut Ctx) -> Result<()> {
        for (i, p) in specs.iter().enumerate() {
            let plan = self.amm_pool_spec(i, p, ctx)?;
            ctx.amm_index.insert(plan.name.clone(), i);
            ctx.token_index
                .insert(p.lp_token.get_ref().clone(), ctx.tokens.len());
            ctx.tokens.push(TokenPlan {
                symbol: p.lp_token.get_ref().clone(),
                decimals: LP_TOKEN_DECIMALS,
                denom: None,
                amm_pool: Some(i),
            });
            ctx.amm_pools.push(plan);
        }
        Ok(())
    }

    fn amm_pool_spec(&self, i: usize, p: &AmmPoolSpec, ctx: &Ctx) -> Result<AmmPoolPlan> {
        let field = |x: &str| format!("amm_pools[{i}].{x}");
        let name = p.name.get_ref().clone();
        if name.is_empty() || ctx.amm_index.contains_key(&name) {
            return self.err(
                p.name.span(),
                field("name"),
                format!("amm pool names must be unique and non-empty (\"{name}\")"),
            );
        }

        let listed = p.assets.get_ref();
        if listed.len() != 2 {
            return self.err(
                p.assets.span(),
                field("assets"),
                "an amm pool has exactly two assets",
            );
        }
        let asset = |k: usize| {
            self.base_token(
                &listed[k],
                &format!("amm_pools[{i}].assets[{k}]"),
                ctx,
                "an amm pool's assets are declared tokens",
            )
        };
        let assets = [asset(0)?, asset(1)?];
        if assets[0] == assets[1] {
            return self.err(
                p.assets.span(),
                field("assets"),
                "the two assets of an amm pool differ",
            );
        }

        let weights = self.weights(i, p)?;
        if let Some(other) = ctx.amm_pools.iter().find(|q| {
            (q.assets == assets && q.weights == weights)
                || (q.assets == [assets[1], assets[0]] && q.weights == [weights[1], weights[0]])
        }) {
            return self.err(
                p.assets.span(),
                field("assets"),
                format!(
                    "amm pool \"{}\" already has these assets and weights (the factory refuses duplicates)",
                    other.name
                ),
            );
        }

        let swap_fee_bps = *p.swap_fee_bps.get_ref();
        if swap_fee_bps > MAX_SWAP_FEE_BPS as u64 {
            return self.err(
                p.swap_fee_bps.span(),
                field("swap_fee_bps"),
                format!("at most {MAX_SWAP_FEE_BPS} (the pool's limit)"),
            );
        }

        let lp = p.lp_token.get_ref();
        if lp.is_empty() || lp.chars().any(char::is_whitespace) {
            return self.err(
                p.lp_token.span(),
                field("lp_token"),
                "a symbol without spaces",
            );
        }
        if ctx.token_index.contains_key(lp) {
            return self.err(
                p.lp_token.span(),
                field("lp_token"),
                format!("token \"{lp}\" is already declared: the LP token needs its own symbol"),
            );
        }

        let initial_liquidity = self.initial_liquidity(i, p, assets, weights, ctx)?;
        let protocol_fee = self.protocol_fee(i, p)?;
        Ok(AmmPoolPlan {
            name,
            assets,
            weights,
            swap_fee_bps: swap_fee_bps as u16,
            lp_token: ctx.tokens.len(),
            initial_liquidity,
            protocol_fee,
        })
    }

    fn weights(&self, i: usize, p: &AmmPoolSpec) -> Result<[u64; 2]> {
        let field = format!("amm_pools[{i}].weights");
        let listed = p.weights.get_ref();
        if listed.len() != 2 {
            return self.err(
                p.weights.span(),
                field,
                "two weights in percent, in the order of `assets`",
            );
        }
        for (k, w) in listed.iter().enumerate() {
            if *w.get_ref() < MIN_WEIGHT_PERCENT {
                return self.err(
                    w.span(),
                    format!("{field}[{k}]"),
                    format!("each weight is at least {MIN_WEIGHT_PERCENT} (%)"),
                );
            }
        }
        let weights = [*listed[0].get_ref(), *listed[1].get_ref()];
        let sum = weights[0].saturating_add(weights[1]);
        if sum != 100 {
            return self.err(
                p.weights.span(),
                field,
                format!("the weights are percentages and sum to {sum}, not 100"),
            );
        }
        Ok(weights)
    }

    /// Amounts of both assets, keyed by symbol, in pool order.
    fn initial_liquidity(
        &self,
        i: usize,
        p: &AmmPoolSpec,
        assets: [usize; 2],
        weights: [u64; 2],
        ctx: &Ctx,
    ) -> Result<[u128; 2]> {
        let table = &p.initial_liquidity;
        let amounts = self.asset_amounts(
            table.get_ref(),
            &format!("amm_pools[{i}].initial_liquidity"),
            assets,
            ctx,
        )?;
        let symbols = assets.map(|a| ctx.tokens[a].symbol.as_str());
        match amounts {
            [Some(a), Some(b)] => {
                self.first_supply(i, table.span(), [a, b], assets, weights, ctx)?;
                Ok([a, b])
            }
            _ => self.err(
                table.span(),
                format!("amm_pools[{i}].initial_liquidity"),
                format!(
                    "give an amount of both assets: {{ \"{}\" = ..., \"{}\" = ... }}",
                    symbols[0], symbols[1]
                ),
            ),
        }
    }

    /// The pool's own first-join math, run before the chain: the first LP supply is the
    /// invariant of the amounts scaled to 18 decimals and must exceed the locked
    /// `MINIMUM_LIQUIDITY`, so a too-small deposit is named here rather than refused mid-run.
    fn first_supply(
        &self,
        i: usize,
        span: std::ops::Range<usize>,
        amounts: [u128; 2],
        assets: [usize; 2],
        weights: [u64; 2],
        ctx: &Ctx,
    ) -> Result<()> {
        let weights = weights.map(|w| Decimal::percent(w).atomics());
        let decimals = assets.map(|a| ctx.tokens[a].decimals);
        match initial_lp_supply_scaled(amounts.map(Uint128::new), weights, decimals) {
            Ok(_) => Ok(()),
            Err(MathError::InsufficientLiquidity { minimum, .. }) => self.err(
                span,
                format!("amm_pools[{i}].initial_liquidity"),
                format!(
                    "the first LP supply (the invariant of these amounts scaled to 18 decimals) \
                     must exceed the {minimum} LP base units the pool locks: deposit more of \
                     both assets"
                ),
            ),
            Err(MathError::Overflow(_)) => self.err(
                span,
                format!("amm_pools[{i}].initial_liquidity"),
                "these amounts scaled to 18 decimals do not fit the pool's 128-bit math: \
                 deposit less",
            ),
            Err(e) => self.err(
                span,
                format!("amm_pools[{i}].initial_liquidity"),
                format!("the pool's first-join math refuses these amounts: {e}"),
            ),
        }
    }

    /// Positive amounts keyed by the symbols of `assets`, in their order (`None`: not given).
    fn asset_amounts(
        &self,
        table: &BTreeMap<Spanned<String>, Spanned<Amount>>,
        path: &str,
        assets: [usize; 2],
        ctx: &Ctx,
    ) -> Result<[Option<u128>; 2]> {
        let mut out = [None, None];
        for (symbol, amount) in table {
            let k = self.asset_position(symbol, path, assets, ctx)?;
            let field = format!("{path}.{}", symbol.get_ref());
            let base = self.amount(amount, &field, ctx.tokens[assets[k]].decimals)?;
            if base == 0 {
                return self.err(amount.span(), field, "must be positive");
            }
            out[k] = Some(base);
        }
        Ok(out)
    }

    /// Position (0 or 1) of the token named `symbol` among `assets`.
    pub(super) fn asset_position(
        &self,
        symbol: &Spanned<String>,
        field: &str,
        assets: [usize; 2],
        ctx: &Ctx,
    ) -> Result<usize> {
        let token = self.token(symbol, field, ctx)?;
        match assets.iter().position(|a| *a == token) {
            Some(k) => Ok(k),
            None => self.err(
                symbol.span(),
                field,
                format!(
                    "\"{}\" is not an asset of this pool (assets: {}, {})",
                    symbol.get_ref(),
                    ctx.tokens[assets[0]].symbol,
                    ctx.tokens[assets[1]].symbol
                ),
            ),
        }
    }

    fn protocol_fee(&self, i: usize, p: &AmmPoolSpec) -> Result<Option<ProtocolFeePlan>> {
        self.protocol_fee_terms(
            &format!("amm_pools[{i}]"),
            &p.protocol_fee_share_bps,
            &p.fee_collector,
            MAX_PROTOCOL_FEE_SHARE_BPS,
        )
    }
}
