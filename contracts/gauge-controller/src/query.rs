use cosmwasm_std::{Deps, Env, Order, Uint128};
use cw_storage_plus::Bound;
use trellis_math::ve::round_down_to_week;
use trellis_types::gauge_controller::{
    ConfigResponse, GaugeResponse, GaugeTypeResponse, GaugeTypesResponse, GaugesResponse,
    RelativeWeightResponse, TotalWeightResponse, UserVoteResponse, UserVotesResponse,
    VotePowerUsedResponse, WeightResponse,
};

use crate::error::ContractError;
use crate::limits::{DEFAULT_LIMIT, MAX_LIMIT};
use crate::state::{
    Vote, CONFIG, GAUGES, GAUGES_OWNED, POWER_USED, TYPE_NAMES, TYPE_WEIGHTS, VOTES, VOTES_OWNED,
};
use crate::weights;

fn page(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize
}

/// The week a query is about: `time` (default now) rounded down to a week.
fn week_of(env: &Env, time: Option<u64>) -> u64 {
    round_down_to_week(time.unwrap_or_else(|| env.block.time.seconds()))
}

pub fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        voting_escrow: c.voting_escrow.into_string(),
        vote_delay: c.vote_delay,
    })
}

pub fn gauge_types(
    deps: Deps,
    start_after: Option<u32>,
    limit: Option<u32>,
) -> Result<GaugeTypesResponse, ContractError> {
    let gauge_types = TYPE_NAMES
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page(limit))
        .map(|item| {
            let (id, name) = item?;
            let weight = TYPE_WEIGHTS
                .prefix_range(deps.storage, id, None, None, Order::Descending)
                .next()
                .transpose()?
                .map(|(_, w)| Uint128::new(w))
                .unwrap_or_default();
            Ok(GaugeTypeResponse {
                gauge_type: id,
                name,
                weight,
            })
        })
        .collect::<Result<_, ContractError>>()?;
    Ok(GaugeTypesResponse { gauge_types })
}

pub fn gauges(
    deps: Deps,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<GaugesResponse, ContractError> {
    let gauges = GAUGES_OWNED
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page(limit))
        .map(|item| {
            let (gauge, gi) = item?;
            Ok(GaugeResponse {
                gauge,
                gauge_type: gi.gauge_type,
                killed: gi.killed,
                cap: gi.cap,
            })
        })
        .collect::<Result<_, ContractError>>()?;
    Ok(GaugesResponse { gauges })
}

pub fn gauge_weight(
    deps: Deps,
    env: Env,
    gauge: String,
    time: Option<u64>,
) -> Result<WeightResponse, ContractError> {
    if !GAUGES.has(deps.storage, &gauge) {
        return Err(ContractError::UnknownGauge { gauge });
    }
    let week = week_of(&env, time);
    Ok(WeightResponse {
        weight: Uint128::new(weights::gauge_weight(deps.storage, &gauge, week)?),
        week,
    })
}

pub fn type_sum(
    deps: Deps,
    env: Env,
    gauge_type: u32,
    time: Option<u64>,
) -> Result<WeightResponse, ContractError> {
    if !TYPE_NAMES.has(deps.storage, gauge_type) {
        return Err(ContractError::UnknownType { gauge_type });
    }
    let week = week_of(&env, time);
    Ok(WeightResponse {
        weight: Uint128::new(weights::type_sum(deps.storage, gauge_type, week)?),
        week,
    })
}

pub fn total_weight(
    deps: Deps,
    env: Env,
    time: Option<u64>,
) -> Result<TotalWeightResponse, ContractError> {
    let week = week_of(&env, time);
    Ok(TotalWeightResponse {
        weight: weights::total_weight(deps.storage, week)?,
        week,
    })
}

pub fn relative_weight(
    deps: Deps,
    env: Env,
    gauge: String,
    time: Option<u64>,
) -> Result<RelativeWeightResponse, ContractError> {
    let week = week_of(&env, time);
    Ok(RelativeWeightResponse {
        relative_weight: weights::relative_weight(deps.storage, &gauge, week)?,
        week,
    })
}

fn vote_response(
    deps: Deps,
    user: &cosmwasm_std::Addr,
    gauge: String,
    record: Option<Vote>,
) -> Result<UserVoteResponse, ContractError> {
    let _ = user;
    let last_vote_time = record.as_ref().map(|v| v.last).unwrap_or_default();
    let epoch = GAUGES.may_load(deps.storage, &gauge)?.map(|g| g.epoch);
    // A removed vote answers as none (its record only keeps the time).
    let vote = record.filter(Vote::is_live).unwrap_or(Vote {
        slope: Uint128::zero(),
        weight_bps: 0,
        end: 0,
        epoch: epoch.unwrap_or_default(),
        last: last_vote_time,
    });
    Ok(UserVoteResponse {
        counting: vote.weight_bps > 0 && Some(vote.epoch) == epoch,
        gauge,
        slope: vote.slope,
        weight_bps: vote.weight_bps,
        end: vote.end,
        last_vote_time,
    })
}

pub fn user_vote(
    deps: Deps,
    user: String,
    gauge: String,
) -> Result<UserVoteResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let vote = VOTES.may_load(deps.storage, (&user, &gauge))?;
    vote_response(deps, &user, gauge, vote)
}

pub fn user_votes(
    deps: Deps,
    user: String,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<UserVotesResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let items: Vec<(String, Vote)> = VOTES_OWNED
        .prefix_range(
            deps.storage,
            user.clone(),
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .filter(|r| r.as_ref().map_or(true, |(_, v)| v.is_live()))
        .take(page(limit))
        .collect::<Result<_, _>>()?;
    let votes = items
        .into_iter()
        .map(|(gauge, vote)| vote_response(deps, &user, gauge, Some(vote)))
        .collect::<Result<_, _>>()?;
    Ok(UserVotesResponse { votes })
}

pub fn vote_power_used(deps: Deps, user: String) -> Result<VotePowerUsedResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    Ok(VotePowerUsedResponse {
        weight_bps: POWER_USED
            .may_load(deps.storage, &user)?
            .unwrap_or_default(),
    })
}
