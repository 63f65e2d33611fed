//! Deploys the scenario's options token after the amm pools (its oracle is one of them) and
//! before the farm (which mints it): the oTOKEN takes the underlying's minter role (mint
//! delivery) or the treasury funds its reserve (reserve delivery).
use anyhow::{Context, Result};
use cosmwasm_std::{Addr, Decimal};
use trellis_testing::options::{Delivery, OptionsTokenHandle, OptionsTokenOptions};
use trellis_testing::{AssetInfo, PoolHandle, Suite};

use crate::model::ExerciseRecord;
use crate::scenario::plan::Plan;

/// The deployed oTOKEN and what the run keeps about it.
pub struct OptionsWorld {
    pub handle: OptionsTokenHandle,
    /// Index of the options pool in the plan's amm pools.
    pub amm_pool: usize,
    pub treasury: Addr,
    /// The treasury's payment-token balance right after deployment.
    pub treasury_cash_at_start: u128,
    pub exercises: Vec<ExerciseRecord>,
    /// Underlying sold into the pool by exercisers so far.
    pub sold_total: u128,
}

/// The oTOKEN, when the plan has one; fills its slot in `assets`.
pub fn deploy(
    suite: &mut Suite,
    plan: &Plan,
    assets: &mut [Option<AssetInfo>],
    amm: &[PoolHandle],
) -> Result<Option<OptionsWorld>> {
    let Some(o) = &plan.options else {
        return Ok(None);
    };
    let asset = |i: usize| {
        assets[i]
            .clone()
            .expect("tokens are deployed before the options")
    };
    let treasury = suite.addr(&o.treasury);
    let options = OptionsTokenOptions {
        symbol: plan.tokens[o.token].symbol.clone(),
        decimals: plan.tokens[o.token].decimals,
        underlying: asset(o.underlying),
        delivery: if o.reserve.is_some() {
            Delivery::Reserve
        } else {
            Delivery::Mint
        },
        payment: asset(o.payment),
        pool: amm[o.amm_pool].address.clone(),
        window_secs: o.window_secs,
        ago_secs: 0,
        multiplier_bps: o.multiplier_bps,
        min_price: Decimal::raw(o.min_price_atomics),
        treasury: treasury.clone(),
        cap: None,
    };
    let handle = suite
        .deploy_options_token(options)
        .context("deploying the options token")?;
    if let Some(reserve) = o.reserve {
        suite
            .fund_options_reserve(&handle, &treasury, reserve)
            .context("funding the options token's reserve from the treasury")?;
    }
    assets[o.token] = Some(handle.asset.clone());
    let treasury_cash_at_start = suite.balance_of(&treasury, &handle.payment)?;
    Ok(Some(OptionsWorld {
        handle,
        amm_pool: o.amm_pool,
        treasury,
        treasury_cash_at_start,
        exercises: Vec::new(),
        sold_total: 0,
    }))
}
