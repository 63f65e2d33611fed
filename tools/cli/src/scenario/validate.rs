//! Semantic checks: a [`ScenarioSpec`] becomes a [`Plan`], or an error naming the field and
//! its location.
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use cosmwasm_std::Uint128;
use toml::Spanned;
use trellis_types::farm::{Clock, Curve, Decay};

use super::error::{ScenarioError, Source};
use super::plan::*;
use super::spec::*;
use super::units::{Amount, AmountOrAll, Dur};

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
        };
        self.tokens(&spec.tokens, &mut ctx)?;
        let reward = self.reward(&spec.farm.reward, &ctx)?;
        let reward_decimals = ctx.tokens[reward.token].decimals;
        let schedule = self.schedule(&spec.farm.schedule, &ctx, reward_decimals)?;
        let policy = match &spec.farm.policy {
            None => None,
            Some(p) => Some(self.policy(p, &ctx, reward.token)?),
        };
        let pools = self.pools(&spec.pools, &mut ctx)?;
        let weight_changes = self.weight_changes(&spec.weight_changes, &ctx)?;
        let users = self.users(&spec.users, &ctx)?;
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

    fn tokens(&self, specs: &[TokenSpec], ctx: &mut Ctx) -> Result<()> {
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

    fn reward(&self, r: &RewardSpec, ctx: &Ctx) -> Result<RewardPlan> {
        let token = self.token(&r.token, "farm.reward.token", ctx)?;
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
                        amount,
                    });
                }
                SourcePlan::Reserve { funding }
            }
        };
        Ok(RewardPlan { token, source })
    }

    fn schedule(&self, s: &ScheduleSpec, ctx: &Ctx, decimals: u8) -> Result<SchedulePlan> {
        let f = |x: &str| format!("farm.schedule.{x}");
        let curve_name = match s.curve.get_ref() {
            CurveKind::Constant => "constant",
            CurveKind::StepDecay => "step_decay",
            CurveKind::Linear => "linear",
        };
        // Fields that do not belong to the curve are errors, not silently ignored.
        let allowed: &[&str] = match s.curve.get_ref() {
            CurveKind::Constant => &["rate"],
            CurveKind::StepDecay => &["initial_rate", "epoch", "decay", "factor_bps", "factor"],
            CurveKind::Linear => &["initial_rate", "final_rate", "duration"],
        };
        let present: [(&str, Option<Range<usize>>); 8] = [
            ("rate", s.rate.as_ref().map(|x| x.span())),
            ("initial_rate", s.initial_rate.as_ref().map(|x| x.span())),
            ("final_rate", s.final_rate.as_ref().map(|x| x.span())),
            ("duration", s.duration.as_ref().map(|x| x.span())),
            ("epoch", s.epoch.as_ref().map(|x| x.span())),
            ("decay", s.decay.as_ref().map(|x| x.span())),
            ("factor_bps", s.factor_bps.as_ref().map(|x| x.span())),
            ("factor", s.factor.as_ref().map(|x| x.span())),
        ];
        for (name, span) in present {
            if let Some(span) = span {
                if !allowed.contains(&name) {
                    return self.err(
                        span,
                        f(name),
                        format!(
                            "not a field of curve = \"{curve_name}\" (it takes {})",
                            allowed.join(", ")
                        ),
                    );
                }
            }
        }
        let need = |name: &str| {
            self.src.error(
                s.curve.span(),
                f(name),
                format!("curve = \"{curve_name}\" needs `{name}`"),
            )
        };
        let rate = |a: &Option<Spanned<Amount>>, name: &str| -> Result<Uint128> {
            let a = a.as_ref().ok_or_else(|| need(name))?;
            Ok(Uint128::new(self.amount(a, &f(name), decimals)?))
        };
        let curve = match s.curve.get_ref() {
            CurveKind::Constant => Curve::Constant {
                rate: rate(&s.rate, "rate")?,
            },
            CurveKind::StepDecay => {
                let epoch = s.epoch.as_ref().ok_or_else(|| need("epoch"))?;
                let epoch_length = self.units(epoch, &f("epoch"), ctx)?;
                if epoch_length == 0 {
                    return self.err(epoch.span(), f("epoch"), "must be positive");
                }
                let decay_kind = s.decay.as_ref().ok_or_else(|| need("decay"))?;
                let decay = match decay_kind.get_ref() {
                    DecayKind::Bps => {
                        let bps = s.factor_bps.as_ref().ok_or_else(|| {
                            self.src.error(
                                decay_kind.span(),
                                f("factor_bps"),
                                "decay = \"bps\" needs `factor_bps` (e.g. 9900 for -1% per epoch)",
                            )
                        })?;
                        if !(1..10_000).contains(bps.get_ref()) {
                            return self.err(
                                bps.span(),
                                f("factor_bps"),
                                "must be between 1 and 9999",
                            );
                        }
                        Decay::Bps {
                            factor_bps: *bps.get_ref(),
                        }
                    }
                    DecayKind::Fixed18 => {
                        let factor = s.factor.as_ref().ok_or_else(|| {
                            self.src.error(
                                decay_kind.span(),
                                f("factor"),
                                "decay = \"fixed18\" needs `factor` (1e18 = 1.0)",
                            )
                        })?;
                        let value: u128 =
                            factor.get_ref().replace('_', "").parse().or_else(|_| {
                                self.err(
                                    factor.span(),
                                    f("factor"),
                                    "an integer string scaled by 1e18",
                                )
                            })?;
                        if value == 0 || value >= 1_000_000_000_000_000_000 {
                            return self.err(
                                factor.span(),
                                f("factor"),
                                "must be between 1 and 1e18 - 1",
                            );
                        }
                        Decay::Fixed18 {
                            factor: Uint128::new(value),
                        }
                    }
                    DecayKind::Halving => Decay::Halving,
                    DecayKind::CurveYearly => Decay::CurveYearly,
                };
                let stray = match decay {
                    Decay::Bps { .. } => s.factor.as_ref().map(|x| ("factor", x.span())),
                    Decay::Fixed18 { .. } => {
                        s.factor_bps.as_ref().map(|x| ("factor_bps", x.span()))
                    }
                    _ => s
                        .factor_bps
                        .as_ref()
                        .map(|x| ("factor_bps", x.span()))
                        .or(s.factor.as_ref().map(|x| ("factor", x.span()))),
                };
                if let Some((name, span)) = stray {
                    return self.err(span, f(name), "does not apply to this decay");
                }
                Curve::StepDecay {
                    initial_rate: rate(&s.initial_rate, "initial_rate")?,
                    epoch_length,
                    decay,
                }
            }
            CurveKind::Linear => {
                let initial_rate = rate(&s.initial_rate, "initial_rate")?;
                let final_rate = rate(&s.final_rate, "final_rate")?;
                let d = s.duration.as_ref().ok_or_else(|| need("duration"))?;
                let duration = self.units(d, &f("duration"), ctx)?;
                if duration == 0 {
                    return self.err(d.span(), f("duration"), "must be positive");
                }
                if final_rate > initial_rate {
                    let span = s.final_rate.as_ref().map(|x| x.span()).unwrap_or(0..0);
                    return self.err(
                        span,
                        f("final_rate"),
                        "a linear schedule declines: final_rate <= initial_rate",
                    );
                }
                Curve::Linear {
                    initial_rate,
                    final_rate,
                    duration,
                }
            }
        };
        let start = match &s.start {
            Some(d) => self.units(d, &f("start"), ctx)?,
            None => 0,
        };
        let end = match &s.end {
            Some(d) => {
                let end = self.units(d, &f("end"), ctx)?;
                if end <= start {
                    return self.err(d.span(), f("end"), "must be after start");
                }
                Some(end)
            }
            None => None,
        };
        Ok(SchedulePlan { start, end, curve })
    }

    fn policy(&self, p: &PolicySpec, ctx: &Ctx, reward_token: usize) -> Result<PolicyPlan> {
        let protocol_token = match &p.protocol_token {
            Some(t) => self.token(t, "farm.policy.protocol_token", ctx)?,
            None => reward_token,
        };
        let max_solo_share_bps = match &p.max_solo_share_bps {
            Some(b) if *b.get_ref() > 10_000 => {
                return self.err(
                    b.span(),
                    "farm.policy.max_solo_share_bps",
                    "at most 10000 (100%)",
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

    fn pools(&self, specs: &[PoolSpec], ctx: &mut Ctx) -> Result<Vec<PoolPlan>> {
        let mut pools: Vec<PoolPlan> = Vec::new();
        for (i, p) in specs.iter().enumerate() {
            let field = |x: &str| format!("pools[{i}].{x}");
            let name = p.name.get_ref().clone();
            if name.is_empty() || ctx.pool_index.contains_key(&name) {
                return self.err(
                    p.name.span(),
                    field("name"),
                    format!("pool names must be unique and non-empty (\"{name}\")"),
                );
            }
            let staking = self.token(&p.staking, &field("staking"), ctx)?;
            if let Some(other) = pools.iter().find(|q| q.staking == staking) {
                return self.err(
                    p.staking.span(),
                    field("staking"),
                    format!(
                        "pool \"{}\" already stakes this token (one pool per staking token)",
                        other.name
                    ),
                );
            }
            let pair = match (p.kind.get_ref(), &p.pair) {
                (PoolKindSpec::Lp, None) => {
                    return self.err(
                        p.kind.span(),
                        field("pair"),
                        "an lp pool needs `pair = [\"A\", \"B\"]`",
                    );
                }
                (PoolKindSpec::Solo, Some(pair)) => {
                    return self.err(pair.span(), field("pair"), "a solo pool has no pair");
                }
                (PoolKindSpec::Solo, None) => None,
                (PoolKindSpec::Lp, Some(pair)) => {
                    let tokens = pair.get_ref();
                    if tokens.len() != 2 {
                        return self.err(
                            pair.span(),
                            field("pair"),
                            "a pair has exactly two tokens",
                        );
                    }
                    let a = self.token(&tokens[0], &format!("pools[{i}].pair[0]"), ctx)?;
                    let b = self.token(&tokens[1], &format!("pools[{i}].pair[1]"), ctx)?;
                    if a == b {
                        return self.err(
                            pair.span(),
                            field("pair"),
                            "the two tokens of a pair differ",
                        );
                    }
                    Some([a, b])
                }
            };
            ctx.pool_index.insert(name.clone(), i);
            ctx.pool_staking.push(staking);
            pools.push(PoolPlan {
                name,
                staking,
                pair,
                weight: *p.weight.get_ref(),
            });
        }
        if pools.is_empty() {
            return self.err(
                0..0,
                "pools",
                "a scenario needs at least one pool ([[pools]])",
            );
        }
        Ok(pools)
    }

    fn weight_changes(&self, specs: &[WeightChangeSpec], ctx: &Ctx) -> Result<Vec<WeightChange>> {
        specs
            .iter()
            .enumerate()
            .map(|(i, w)| {
                Ok(WeightChange {
                    at_secs: self.at(&w.at, &format!("weight_changes[{i}].at"), ctx)?,
                    pool: self.pool(&w.pool, &format!("weight_changes[{i}].pool"), ctx)?,
                    weight: *w.weight.get_ref(),
                })
            })
            .collect()
    }

    fn users(&self, specs: &[UserSpec], ctx: &Ctx) -> Result<Vec<UserPlan>> {
        let mut names = BTreeSet::new();
        let mut users = Vec::new();
        for (u, spec) in specs.iter().enumerate() {
            let name = spec.name.get_ref().clone();
            let field = |x: &str| format!("users[{u}].{x}");
            if name.is_empty()
                || RESERVED_NAMES.contains(&name.as_str())
                || !names.insert(name.clone())
            {
                return self.err(
                    spec.name.span(),
                    field("name"),
                    format!(
                        "user names must be unique, non-empty and not {:?} (\"{name}\")",
                        RESERVED_NAMES
                    ),
                );
            }
            let mut balances = Vec::new();
            for (symbol, amount) in &spec.balances {
                let token = self.token(symbol, &format!("users[{u}].balances"), ctx)?;
                let field = format!("users[{u}].balances.{}", symbol.get_ref());
                balances.push((
                    token,
                    self.amount(amount, &field, ctx.tokens[token].decimals)?,
                ));
            }
            let actions = spec
                .actions
                .iter()
                .enumerate()
                .map(|(a, action)| self.action(action, &format!("users[{u}].actions[{a}]"), ctx))
                .collect::<Result<Vec<_>>>()?;
            users.push(UserPlan {
                name,
                balances,
                actions,
            });
        }
        Ok(users)
    }

    fn action(&self, a: &ActionSpec, path: &str, ctx: &Ctx) -> Result<Action> {
        let f = |x: &str| format!("{path}.{x}");
        let kind = *a.action.get_ref();
        let what = kind.as_str();
        let pool = || -> Result<usize> {
            match &a.pool {
                Some(p) => self.pool(p, &f("pool"), ctx),
                None => self.err(a.action.span(), f("pool"), format!("`{what}` needs `pool`")),
            }
        };
        let forbid = |name: &str, span: Option<Range<usize>>| -> Result<()> {
            match span {
                Some(span) => self.err(span, f(name), format!("`{what}` takes no `{name}`")),
                None => Ok(()),
            }
        };
        let amount_span = a.amount.as_ref().map(|x| x.span());
        let pools_span = a.pools.as_ref().map(|x| x.span());
        let pool_span = a.pool.as_ref().map(|x| x.span());
        let plan = match kind {
            ActionKind::Deposit | ActionKind::Withdraw => {
                forbid("pools", pools_span)?;
                let pool = pool()?;
                let staking = &ctx.tokens[ctx.pool_staking[pool]];
                let amount = match &a.amount {
                    None => {
                        return self.err(
                            a.action.span(),
                            f("amount"),
                            format!("`{what}` needs `amount`"),
                        )
                    }
                    Some(x) => match x.get_ref() {
                        AmountOrAll::All if kind == ActionKind::Deposit => {
                            return self.err(
                                x.span(),
                                f("amount"),
                                "deposit an amount, not \"all\"",
                            );
                        }
                        AmountOrAll::All => None,
                        AmountOrAll::Amount(amount) => {
                            let base = amount
                                .to_base(staking.decimals)
                                .or_else(|m| self.err(x.span(), f("amount"), m))?;
                            if base == 0 {
                                return self.err(x.span(), f("amount"), "must be positive");
                            }
                            Some(base)
                        }
                    },
                };
                match (kind, amount) {
                    (ActionKind::Deposit, Some(amount)) => ActionPlan::Deposit { pool, amount },
                    (_, amount) => ActionPlan::Withdraw { pool, amount },
                }
            }
            ActionKind::Claim => {
                forbid("pool", pool_span.clone()).map_err(|mut e| {
                    e.message.push_str(" (use `pools = [...]`)");
                    e
                })?;
                forbid("amount", amount_span)?;
                let pools = match &a.pools {
                    None => None,
                    Some(list) => {
                        if list.get_ref().is_empty() {
                            return self.err(
                                list.span(),
                                f("pools"),
                                "list at least one pool, or leave `pools` out to claim all",
                            );
                        }
                        Some(
                            list.get_ref()
                                .iter()
                                .enumerate()
                                .map(|(k, p)| self.pool(p, &format!("{path}.pools[{k}]"), ctx))
                                .collect::<Result<Vec<_>>>()?,
                        )
                    }
                };
                ActionPlan::Claim { pools }
            }
            ActionKind::EmergencyWithdraw => {
                forbid("pools", pools_span)?;
                forbid("amount", amount_span)?;
                ActionPlan::EmergencyWithdraw { pool: pool()? }
            }
        };
        Ok(Action {
            at_secs: self.at(&a.at, &f("at"), ctx)?,
            kind: plan,
        })
    }
}

fn valid_denom(denom: &str) -> bool {
    let mut chars = denom.chars();
    (3..=128).contains(&denom.len())
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "/:._-".contains(c))
}
