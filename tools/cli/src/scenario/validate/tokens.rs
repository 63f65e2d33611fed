//! Tokens, and the reward source and policy that refer to them.
use std::collections::BTreeSet;

use super::{Checker, Ctx, Result};
use crate::scenario::plan::*;
use crate::scenario::spec::*;

impl Checker<'_> {
    pub(super) fn tokens(&self, specs: &[TokenSpec], ctx: &mut Ctx) -> Result<()> {
        for (i, t) in specs.iter().enumerate() {
            let field = |f: &str| format!("tokens[{i}].{f}");
            let symbol = t.symbol.get_ref().clone();
            if ctx.token_index.contains_key(&symbol) {
                return self.err(
                    t.symbol.span(),
                    field("symbol"),
                    format!("token \"{symbol}\" is declared twice"),
                );
            }
            if *t.decimals.get_ref() > 18 {
                return self.err(t.decimals.span(), field("decimals"), "at most 18");
            }
            let denom = match (t.kind.get_ref(), &t.denom) {
                (TokenKind::Cw20, Some(d)) => {
                    return self.err(d.span(), field("denom"), "only native tokens have a denom");
                }
                (TokenKind::Cw20, None) => {
                    let valid = (3..=12).contains(&symbol.len())
                        && symbol.chars().all(|c| c.is_ascii_alphabetic() || c == '-');
                    if !valid {
                        return self.err(
                            t.symbol.span(),
                            field("symbol"),
                            "a cw20 symbol is 3 to 12 letters or `-` (cw20-base's rule)",
                        );
                    }
                    None
                }
                (TokenKind::Native, Some(d)) => {
                    if !valid_denom(d.get_ref()) {
                        return self.err(d.span(), field("denom"), "a denom is 3 to 128 characters: a letter, then letters, digits or /:._-");
                    }
                    Some(d.get_ref().clone())
                }
                (TokenKind::Native, None) => {
                    let denom = format!("u{}", symbol.to_lowercase());
                    if !valid_denom(&denom) {
                        return self.err(
                            t.symbol.span(),
                            field("symbol"),
                            format!("the default denom `{denom}` is not valid: set `denom`"),
                        );
                    }
                    Some(denom)
                }
            };
            ctx.token_index.insert(symbol.clone(), ctx.tokens.len());
            ctx.tokens.push(TokenPlan {
                symbol,
                decimals: *t.decimals.get_ref(),
                denom,
                amm_pool: None,
            });
        }
        let mut denoms = BTreeSet::new();
        for (i, t) in specs.iter().enumerate() {
            if let Some(d) = &ctx.tokens[i].denom {
                if !denoms.insert(d.clone()) {
                    let span = t
                        .denom
                        .as_ref()
                        .map(|d| d.span())
                        .unwrap_or(t.symbol.span());
                    return self.err(
                        span,
                        format!("tokens[{i}].denom"),
                        format!("denom `{d}` is used twice"),
                    );
                }
            }
        }
        Ok(())
    }

    pub(super) fn reward(&self, r: &RewardSpec, ctx: &Ctx) -> Result<RewardPlan> {
        let token = self.base_token(
            &r.token,
            "farm.reward.token",
            ctx,
            "the reward is a declared token",
        )?;
        let decimals = ctx.tokens[token].decimals;
        let source = match r.source.get_ref() {
            SourceKind::Mint => {
                if ctx.tokens[token].is_native() {
                    return self.err(
                        r.token.span(),
                        "farm.reward.token",
                        "a minted reward must be a cw20 (the farm becomes its minter)",
                    );
                }
                if let Some(f) = r.funding.first() {
                    return self.err(
                        f.at.span(),
                        "farm.reward.funding",
                        "only a reserve is funded",
                    );
                }
                SourcePlan::Mint
            }
            SourceKind::Reserve => {
                let mut funding = Vec::new();
                for (i, f) in r.funding.iter().enumerate() {
                    let field = |x: &str| format!("farm.reward.funding[{i}].{x}");
                    let amount = self.amount(&f.amount, &field("amount"), decimals)?;
                    if amount == 0 {
                        return self.err(f.amount.span(), field("amount"), "must be positive");
                    }
                    funding.push(Funding {
                        at_secs: self.at(&f.at, &field("at"), ctx)?,
                        line: self.src.line_col(f.at.span().start).0,
                        amount,
                    });
                }
                SourcePlan::Reserve { funding }
            }
        };
        Ok(RewardPlan { token, source })
    }

    pub(super) fn policy(
        &self,
        p: &PolicySpec,
        ctx: &Ctx,
        reward_token: usize,
    ) -> Result<PolicyPlan> {
        let protocol_token = match &p.protocol_token {
            Some(t) => self.base_token(
                t,
                "farm.policy.protocol_token",
                ctx,
                "the protocol token is a declared token",
            )?,
            None => reward_token,
        };
        let max_solo_share_bps = match &p.max_solo_share_bps {
            // The farm refuses caps of half the weight or more: solo pools get less than LP.
            Some(b) if *b.get_ref() > trellis_testing::farm::DEFAULT_MAX_SOLO_SHARE_BPS => {
                return self.err(
                    b.span(),
                    "farm.policy.max_solo_share_bps",
                    format!(
                        "{} is not a share from 0 to {} bps (the farm keeps solo pools below half of the weight)",
                        b.get_ref(),
                        trellis_testing::farm::DEFAULT_MAX_SOLO_SHARE_BPS
                    ),
                );
            }
            Some(b) => *b.get_ref(),
            None => trellis_testing::farm::DEFAULT_MAX_SOLO_SHARE_BPS,
        };
        Ok(PolicyPlan {
            protocol_token,
            max_solo_share_bps,
            native_pairs_outweigh: p.native_pairs_outweigh,
        })
    }
}

fn valid_denom(denom: &str) -> bool {
    let mut chars = denom.chars();
    (3..=128).contains(&denom.len())
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "/:._-".contains(c))
}
