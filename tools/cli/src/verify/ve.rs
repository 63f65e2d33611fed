//! Vote escrow and gauges: each lock's amount, end and slope, and its power at the final
//! block's time computed from the indexed line (max(bias - slope x (t - checkpointTime), 0))
//! against the escrow's own `UserPower`; each gauge vote's weight, slope and end.
use anyhow::Result;
use cosmwasm_std::Addr;
use trellis_types::gauge_controller::{QueryMsg as GaugeQuery, UserVoteResponse};
use trellis_types::voting_escrow::{
    LockResponse, PowerResponse, QueryMsg as EscrowQuery, UserSlopeResponse,
};

use super::{amount_of, int_of, text_of, Verifier};
use crate::runner::deploy::World;

pub fn check(v: &mut Verifier, world: &World) -> Result<()> {
    let chain = world.suite.app.wrap();
    let now = world.suite.time();
    for row in v.rows("SELECT * FROM locks ORDER BY id")? {
        let escrow = Addr::unchecked(text_of(&row, "escrow"));
        let user = text_of(&row, "owner");
        let what = |field: &str| format!("lock of {user} {field}");
        let lock: LockResponse =
            chain.query_wasm_smart(&escrow, &EscrowQuery::Lock { user: user.clone() })?;
        v.check(
            &what("amount"),
            amount_of(&row, "amount"),
            lock.amount.u128(),
        );
        v.check(&what("end"), int_of(&row, "lock_end") as u64, lock.end);
        let slope: UserSlopeResponse =
            chain.query_wasm_smart(&escrow, &EscrowQuery::UserSlope { user: user.clone() })?;
        v.check(&what("slope"), amount_of(&row, "slope"), slope.slope.u128());
        let since = int_of(&row, "checkpoint_time") as u128;
        let decay = amount_of(&row, "slope").saturating_mul((now as u128).saturating_sub(since));
        let indexed_power = amount_of(&row, "bias").saturating_sub(decay);
        let power: PowerResponse = chain.query_wasm_smart(
            &escrow,
            &EscrowQuery::UserPower {
                user: user.clone(),
                time: Some(now),
            },
        )?;
        v.check(&what("power now"), indexed_power, power.power.u128());
    }
    for row in v.rows(
        "SELECT v.*, g.controller, g.gauge AS gauge_name FROM gauge_votes v \
         JOIN gauges g ON g.id = v.gauge ORDER BY v.id",
    )? {
        let controller = Addr::unchecked(text_of(&row, "controller"));
        let gauge = text_of(&row, "gauge_name");
        let user = text_of(&row, "voter");
        let vote: UserVoteResponse = chain.query_wasm_smart(
            &controller,
            &GaugeQuery::UserVote {
                user: user.clone(),
                gauge: gauge.clone(),
            },
        )?;
        let what = |field: &str| format!("vote of {user} for {gauge} {field}");
        v.check(
            &what("weight"),
            int_of(&row, "weight_bps") as u16,
            vote.weight_bps,
        );
        v.check(&what("slope"), amount_of(&row, "slope"), vote.slope.u128());
        v.check(&what("end"), int_of(&row, "vote_end") as u64, vote.end);
    }
    Ok(())
}
