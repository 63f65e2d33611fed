use std::collections::BTreeSet;

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_types::fee_distributor::InstantiateMsg;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::limits::{MAX_START_AHEAD_WEEKS, MAX_TOKENS};
use crate::state::{Books, Config, TokenLedger, BOOKS, CONFIG};
use crate::voting_escrow::history_start;
use crate::week_split::week_start;
use trellis_types::voting_escrow::WEEK;

pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    if msg.tokens.is_empty() {
        return Err(ContractError::NoTokens);
    }
    if msg.tokens.len() > MAX_TOKENS {
        return Err(ContractError::TooManyTokens {
            count: msg.tokens.len(),
            max: MAX_TOKENS,
        });
    }
    let mut seen = BTreeSet::new();
    let mut tokens = Vec::with_capacity(msg.tokens.len());
    for token in &msg.tokens {
        let token = token.validate(deps.api)?;
        if !seen.insert(token.key()) {
            return Err(ContractError::DuplicateToken { token: token.key() });
        }
        tokens.push(token);
    }
    let voting_escrow = deps.api.addr_validate(&msg.voting_escrow)?;
    let owner = deps.api.addr_validate(&msg.owner)?;
    let start_time = check_start(
        week_start(msg.start_time),
        week_start(history_start(&deps.querier, &voting_escrow)?),
        week_start(env.block.time.seconds()),
    )?;

    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    cw_ownable::initialize_owner(deps.storage, deps.api, Some(owner.as_str()))?;
    // Receipts before the start are spread from the start on.
    BOOKS.save(
        deps.storage,
        &Books {
            last_token_time: start_time,
            ledgers: vec![TokenLedger::default(); tokens.len()],
        },
    )?;
    CONFIG.save(
        deps.storage,
        &Config {
            voting_escrow: voting_escrow.clone(),
            tokens,
            start_time,
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("voting_escrow", voting_escrow)
        .add_attribute("start_time", start_time.to_string()))
}

/// `start_time` (week-aligned) between the escrow's first week, before which no power exists
/// and a checkpoint would only walk empty weeks (a start of 0 meant about 54 calls before any
/// fee was booked), and `MAX_START_AHEAD_WEEKS` after the current week.
fn check_start(
    start_time: u64,
    escrow_first_week: u64,
    this_week: u64,
) -> Result<u64, ContractError> {
    if start_time < escrow_first_week {
        return Err(ContractError::StartBeforeEscrow {
            start_time,
            escrow_first_week,
        });
    }
    let latest = this_week + MAX_START_AHEAD_WEEKS * WEEK;
    if start_time > latest {
        return Err(ContractError::StartTooFarAhead { start_time, latest });
    }
    Ok(start_time)
}
