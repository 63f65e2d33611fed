//! Deploys the scenario's voting escrow and gauge controller (with its gauge types), before
//! the farm that uses them.
use anyhow::{Context, Result};
use trellis_testing::ve::{ControllerHandle, EscrowHandle, EscrowOptions};
use trellis_testing::{AssetInfo, Suite};

use crate::scenario::plan::Plan;

/// The escrow locking the plan's lock token, when the plan has one.
pub fn escrow(
    suite: &mut Suite,
    plan: &Plan,
    assets: &[AssetInfo],
) -> Result<Option<EscrowHandle>> {
    let Some(e) = &plan.escrow else {
        return Ok(None);
    };
    let options = EscrowOptions {
        lock_token: assets[e.lock_token].clone(),
        max_time: e.max_time_secs,
    };
    let ve = suite
        .deploy_voting_escrow(options)
        .context("deploying the voting escrow")?;
    Ok(Some(ve))
}

/// The controller and the id of each gauge type (in plan order), when the plan has gauges.
pub fn controller(
    suite: &mut Suite,
    plan: &Plan,
    escrow: Option<&EscrowHandle>,
) -> Result<Option<(ControllerHandle, Vec<u32>)>> {
    let (Some(g), Some(ve)) = (&plan.gauges, escrow) else {
        return Ok(None);
    };
    let gc = suite
        .deploy_gauge_controller(ve, g.vote_delay_secs)
        .context("deploying the gauge controller")?;
    let mut types = Vec::new();
    for t in &g.types {
        let id = suite
            .add_gauge_type(&gc, &t.name, t.weight)
            .with_context(|| format!("adding gauge type \"{}\"", t.name))?;
        types.push(id);
    }
    Ok(Some((gc, types)))
}
