//! Queries: cw20's are answered by cw20-base; the options ones price an exercise as of now
//! with the same code the exercise runs.
use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Uint128};
use cw20::{MinterResponse, TokenInfoResponse};
use cw20_base::msg::QueryMsg as Cw20Query;
use trellis_math::options::exercise_payment;
use trellis_types::options_token::{
    ConfigResponse, Delivery, OracleConfig, QueryMsg, SimulateExerciseResponse, TotalsResponse,
};

use crate::error::ContractError;
use crate::oracle;
use crate::state::{CONFIG, TOTALS};

/// cw20's minter answer with the supply cap in force: the lifetime cap counts exercised and
/// burned options too, so `cap - exercised - burned` is the most `total_supply` may reach. A
/// minter that reads it the cw20 way (`cap - total_supply` still mintable), such as a farm
/// paying oTOKEN, then mints exactly what the lifetime cap allows.
fn minter(deps: Deps) -> Result<Option<MinterResponse>, ContractError> {
    let Some(mut minter) = cw20_base::contract::query_minter(deps)? else {
        return Ok(None);
    };
    if let Some(cap) = CONFIG.load(deps.storage)?.cap {
        let totals = TOTALS.load(deps.storage)?;
        minter.cap = Some(cap.saturating_sub(totals.exercised + totals.burned));
    }
    Ok(Some(minter))
}

/// cw20-base's metadata with the supply derived from the totals (`state`).
fn token_info(deps: Deps) -> Result<TokenInfoResponse, ContractError> {
    let info = cw20_base::state::TOKEN_INFO.load(deps.storage)?;
    Ok(TokenInfoResponse {
        name: info.name,
        symbol: info.symbol,
        decimals: info.decimals,
        total_supply: TOTALS.load(deps.storage)?.supply(),
    })
}

fn cw20(deps: Deps, env: Env, msg: Cw20Query) -> Result<Binary, ContractError> {
    Ok(cw20_base::contract::query(deps, env, msg)?)
}

pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    use QueryMsg as Q;
    match msg {
        Q::Balance { address } => cw20(deps, env, Cw20Query::Balance { address }),
        Q::TokenInfo {} => Ok(to_json_binary(&token_info(deps)?)?),
        Q::Minter {} => Ok(to_json_binary(&minter(deps)?)?),
        Q::Allowance { owner, spender } => cw20(deps, env, Cw20Query::Allowance { owner, spender }),
        Q::AllAllowances {
            owner,
            start_after,
            limit,
        } => cw20(
            deps,
            env,
            Cw20Query::AllAllowances {
                owner,
                start_after,
                limit,
            },
        ),
        Q::AllSpenderAllowances {
            spender,
            start_after,
            limit,
        } => cw20(
            deps,
            env,
            Cw20Query::AllSpenderAllowances {
                spender,
                start_after,
                limit,
            },
        ),
        Q::AllAccounts { start_after, limit } => {
            cw20(deps, env, Cw20Query::AllAccounts { start_after, limit })
        }
        Q::Config {} => Ok(to_json_binary(&config(deps)?)?),
        Q::StrikePrice {} => {
            let config = CONFIG.load(deps.storage)?;
            Ok(to_json_binary(&oracle::strike(deps, &config)?)?)
        }
        Q::SimulateExercise { amount } => Ok(to_json_binary(&simulate(deps, amount)?)?),
        Q::Totals {} => Ok(to_json_binary(&totals(deps)?)?),
        Q::ReserveStatus {} => Ok(to_json_binary(&crate::execute::reserve::status(deps)?)?),
        Q::Ownership {} => Ok(to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?),
    }
}

fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        underlying: c.underlying,
        delivery: c.delivery,
        payment: c.payment,
        oracle: OracleConfig {
            pool: c.oracle.pool.to_string(),
            window_secs: c.oracle.window_secs,
            ago_secs: c.oracle.ago_secs,
        },
        multiplier_bps: c.multiplier_bps,
        min_price: c.min_price,
        treasury: c.treasury.to_string(),
        cap: c.cap,
    })
}

fn simulate(deps: Deps, amount: Uint128) -> Result<SimulateExerciseResponse, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let config = CONFIG.load(deps.storage)?;
    let strike = oracle::strike(deps, &config)?.strike;
    Ok(SimulateExerciseResponse {
        amount,
        strike,
        payment: exercise_payment(amount, strike)?,
    })
}

fn totals(deps: Deps) -> Result<TotalsResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let t = TOTALS.load(deps.storage)?;
    Ok(TotalsResponse {
        exercised: t.exercised,
        burned: t.burned,
        issued: t.issued,
        payment_asset: config.payment,
        paid_to_treasury: t.paid_to_treasury,
        underlying_delivered: t.exercised,
        reserve_available: (config.delivery == Delivery::Reserve).then_some(t.reserve_available),
    })
}
